//! What national systems hold about a signed-in citizen: the population-database record and
//! family relations, civil-status records, electronic notices from health facilities, papers
//! integrated in VNeID, and the electronic data warehouse. A sandbox or a real connector fills
//! these types; the rules below only read them.

use serde::{Deserialize, Serialize};
use time::Date;

use crate::Localized;
use crate::personal_id::{PersonalId, Sex};
use crate::procedure::DataSource;
use crate::source::{RelationKind, SourcePath, Subject};
use crate::validate::date::{format_date, iso};

/// An address as the population database holds it: current units plus the street part.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Address {
    pub province: u16,
    pub ward: u32,
    /// House number and street, or village (thôn, xóm, ấp).
    pub street: String,
    /// The whole address in words, as recorded.
    pub line: String,
}

/// Details of the citizen's ID card (thẻ căn cước).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct IdCard {
    #[serde(with = "iso")]
    pub issued_on: Date,
    pub issued_by: String,
    #[serde(default, with = "iso::option", skip_serializing_if = "Option::is_none")]
    pub expires_on: Option<Date>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum MaritalStatus {
    Single,
    Married,
    Divorced,
    Widowed,
}

/// The citizen's own record in the national population database (CSDLQG về dân cư).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PopulationRecord {
    pub record_id: String,
    pub personal_id: PersonalId,
    pub full_name: String,
    #[serde(with = "iso")]
    pub date_of_birth: Date,
    pub sex: Sex,
    /// Sensitive data (Law 91/2025/QH15): read only for procedures whose form asks for it.
    pub ethnicity: String,
    /// Sensitive data, as above.
    pub religion: String,
    pub nationality: String,
    pub home_town: String,
    pub birth_place: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub permanent_address: Option<Address>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub temporary_address: Option<Address>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub current_address: Option<Address>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id_card: Option<IdCard>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub marital_status: Option<MaritalStatus>,
}

/// A family member, through the relations held in the population database.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Relative {
    pub kind: RelationKind,
    pub record_id: String,
    pub full_name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub personal_id: Option<PersonalId>,
    #[serde(default, with = "iso::option", skip_serializing_if = "Option::is_none")]
    pub date_of_birth: Option<Date>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sex: Option<Sex>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ethnicity: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub nationality: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub residence: Option<Address>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CivilStatusKind {
    Birth,
    Marriage,
    Divorce,
    Death,
}

/// A record of the civil-status e-database (CSDL hộ tịch điện tử).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CivilStatusRecord {
    pub kind: CivilStatusKind,
    pub record_id: String,
    pub registration_number: String,
    #[serde(with = "iso")]
    pub registered_on: Date,
    pub authority: String,
}

/// An electronic birth notice (giấy chứng sinh điện tử) a health facility sent for a child of
/// the citizen.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct BirthNotice {
    pub record_id: String,
    pub facility: String,
    #[serde(with = "iso")]
    pub date_of_birth: Date,
    pub sex: Sex,
    pub place_of_birth: String,
    pub mother_full_name: String,
}

/// An electronic death notice (giấy báo tử điện tử) for a relative of the citizen.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DeathNotice {
    pub record_id: String,
    pub facility: String,
    pub full_name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub personal_id: Option<PersonalId>,
    pub sex: Sex,
    #[serde(with = "iso")]
    pub date_of_birth: Date,
    #[serde(with = "iso")]
    pub date_of_death: Date,
    pub place_of_death: String,
}

/// Kinds of papers and records a procedure document can be satisfied by.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub enum PaperKind {
    /// Identity: personal ID number and card details.
    Identity,
    /// Permanent or current residence.
    Residence,
    /// Family relations (parents, spouse, household head).
    FamilyRelations,
    BirthRecord,
    MarriageRecord,
    DivorceRecord,
    DeathRecord,
    BirthNotice,
    DeathNotice,
    DrivingLicence,
    HealthCertificate,
    HealthInsuranceCard,
    JudicialRecord,
    MaritalStatusCertificate,
    /// Proof of a lawful place to live (land or housing certificate).
    LawfulAccommodation,
}

/// A paper integrated in the VNeID application.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct VneidPaper {
    pub record_id: String,
    pub kind: PaperKind,
    pub number: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub class: Option<String>,
    pub issued_by: String,
    #[serde(with = "iso")]
    pub issued_on: Date,
    #[serde(default, with = "iso::option", skip_serializing_if = "Option::is_none")]
    pub expires_on: Option<Date>,
}

/// A document in the citizen's electronic data warehouse (Kho quản lý dữ liệu điện tử): the
/// result of an earlier procedure, or an electronic certified copy.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct WarehouseDocument {
    pub record_id: String,
    pub kind: PaperKind,
    pub title: String,
    pub issuer: String,
    #[serde(with = "iso")]
    pub issued_on: Date,
    /// Code of the dossier that produced it, for the result of an earlier procedure.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub dossier_code: Option<String>,
    /// SHA-256 of the file, hex.
    pub sha256: String,
    /// An electronic copy certified from the original.
    #[serde(default)]
    pub certified_copy: bool,
}

/// Contact details of the identity account; the citizen may change them.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct AccountContact {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub phone: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub email: Option<String>,
}

/// Everything national systems returned for one citizen, and when.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CitizenData {
    /// When the data was retrieved (RFC 3339), for provenance.
    pub retrieved_at: String,
    pub population: PopulationRecord,
    #[serde(default)]
    pub account: AccountContact,
    #[serde(default)]
    pub relations: Vec<Relative>,
    #[serde(default)]
    pub civil_status: Vec<CivilStatusRecord>,
    #[serde(default)]
    pub birth_notices: Vec<BirthNotice>,
    #[serde(default)]
    pub death_notices: Vec<DeathNotice>,
    #[serde(default)]
    pub vneid_papers: Vec<VneidPaper>,
    #[serde(default)]
    pub warehouse: Vec<WarehouseDocument>,
}

/// A value found for a source path, with the record it came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Found {
    pub value: FoundValue,
    /// `None` for the identity account, which is not a national data source.
    pub source: Option<DataSource>,
    pub record_id: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FoundValue {
    Text(String),
    Address(Address),
}

/// A record that can stand in for a document.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Holding {
    pub source: DataSource,
    pub kind: PaperKind,
    pub record_id: String,
    /// What the citizen sees, e.g. `Giấy phép lái xe số 790123456789 (hạng B)`.
    pub title: Localized,
}

fn sex_value(sex: Sex) -> String {
    match sex {
        Sex::Male => "male".to_owned(),
        Sex::Female => "female".to_owned(),
    }
}

impl CitizenData {
    pub fn relative(&self, kind: RelationKind) -> Option<&Relative> {
        self.relations.iter().find(|r| r.kind == kind)
    }

    /// The most recent birth notice, for a newborn being registered.
    pub fn latest_birth_notice(&self) -> Option<&BirthNotice> {
        self.birth_notices.iter().max_by_key(|n| n.date_of_birth)
    }

    pub fn latest_death_notice(&self) -> Option<&DeathNotice> {
        self.death_notices.iter().max_by_key(|n| n.date_of_death)
    }

    /// The value a source path names, if the records hold it.
    pub fn lookup(&self, path: &SourcePath) -> Option<Found> {
        let text = |s: &str| (!s.trim().is_empty()).then(|| FoundValue::Text(s.to_owned()));
        let date = |d: Date| Some(FoundValue::Text(format_date(d)));
        let field = path.field();
        let (value, record_id) = match path.subject() {
            Subject::Population => {
                let p = &self.population;
                let value = match field {
                    "full_name" => text(&p.full_name),
                    "date_of_birth" => date(p.date_of_birth),
                    "birth_year" => text(&p.date_of_birth.year().to_string()),
                    "sex" => text(&sex_value(p.sex)),
                    "personal_id" => text(p.personal_id.as_str()),
                    "ethnicity" => text(&p.ethnicity),
                    "religion" => text(&p.religion),
                    "nationality" => text(&p.nationality),
                    "home_town" => text(&p.home_town),
                    "birth_place" => text(&p.birth_place),
                    "permanent_address" => p.permanent_address.clone().map(FoundValue::Address),
                    "current_address" => p
                        .current_address
                        .clone()
                        .or_else(|| p.permanent_address.clone())
                        .map(FoundValue::Address),
                    "id_issued_on" => p.id_card.as_ref().and_then(|c| date(c.issued_on)),
                    "id_issued_by" => p.id_card.as_ref().and_then(|c| text(&c.issued_by)),
                    _ => None,
                };
                (value, p.record_id.clone())
            }
            Subject::Relation(kind) => {
                let r = self.relative(kind)?;
                let value = match field {
                    "full_name" => text(&r.full_name),
                    "date_of_birth" => r.date_of_birth.and_then(date),
                    "birth_year" => r.date_of_birth.and_then(|d| text(&d.year().to_string())),
                    "sex" => r.sex.and_then(|s| text(&sex_value(s))),
                    "personal_id" => r.personal_id.as_ref().and_then(|id| text(id.as_str())),
                    "ethnicity" => r.ethnicity.as_deref().and_then(text),
                    "nationality" => r.nationality.as_deref().and_then(text),
                    "residence" => r.residence.clone().map(FoundValue::Address),
                    _ => None,
                };
                (value, r.record_id.clone())
            }
            Subject::Account => {
                let value = match field {
                    "phone" => self.account.phone.as_deref().and_then(text),
                    "email" => self.account.email.as_deref().and_then(text),
                    _ => None,
                };
                (value, "account".to_owned())
            }
            Subject::BirthNotice => {
                let n = self.latest_birth_notice()?;
                let value = match field {
                    "date_of_birth" => date(n.date_of_birth),
                    "sex" => text(&sex_value(n.sex)),
                    "place_of_birth" => text(&n.place_of_birth),
                    "mother_full_name" => text(&n.mother_full_name),
                    _ => None,
                };
                (value, n.record_id.clone())
            }
            Subject::DeathNotice => {
                let n = self.latest_death_notice()?;
                let value = match field {
                    "full_name" => text(&n.full_name),
                    "personal_id" => n.personal_id.as_ref().and_then(|id| text(id.as_str())),
                    "sex" => text(&sex_value(n.sex)),
                    "date_of_birth" => date(n.date_of_birth),
                    "date_of_death" => date(n.date_of_death),
                    "place_of_death" => text(&n.place_of_death),
                    _ => None,
                };
                (value, n.record_id.clone())
            }
            Subject::DrivingLicence => {
                let l = self
                    .vneid_papers
                    .iter()
                    .find(|p| p.kind == PaperKind::DrivingLicence)?;
                let value = match field {
                    "number" => text(&l.number),
                    "class" => l.class.as_deref().and_then(text),
                    "issued_on" => date(l.issued_on),
                    "expires_on" => l.expires_on.and_then(date),
                    "issued_by" => text(&l.issued_by),
                    _ => None,
                };
                (value, l.record_id.clone())
            }
        };
        Some(Found {
            value: value?,
            source: path.subject().system(),
            record_id,
        })
    }

    /// Every record that can stand in for a paper, with the system holding it.
    pub fn holdings(&self) -> Vec<Holding> {
        let mut held = Vec::new();
        let mut add = |source, kind, record_id: &str, vi: String, en: String| {
            held.push(Holding {
                source,
                kind,
                record_id: record_id.to_owned(),
                title: Localized { vi, en },
            })
        };
        let p = &self.population;
        add(
            DataSource::PopulationDb,
            PaperKind::Identity,
            &p.record_id,
            format!("Thông tin căn cước, số định danh {}", p.personal_id),
            format!("Identity data, personal ID number {}", p.personal_id),
        );
        if let Some(address) = p.current_address.as_ref().or(p.permanent_address.as_ref()) {
            add(
                DataSource::PopulationDb,
                PaperKind::Residence,
                &p.record_id,
                format!("Thông tin cư trú: {}", address.line),
                format!("Residence data: {}", address.line),
            );
        }
        if !self.relations.is_empty() {
            add(
                DataSource::PopulationDb,
                PaperKind::FamilyRelations,
                &p.record_id,
                "Thông tin quan hệ gia đình".to_owned(),
                "Family relations".to_owned(),
            );
        }
        for r in &self.civil_status {
            let (kind, vi, en) = match r.kind {
                CivilStatusKind::Birth => (
                    PaperKind::BirthRecord,
                    "Đăng ký khai sinh",
                    "Birth registration",
                ),
                CivilStatusKind::Marriage => (
                    PaperKind::MarriageRecord,
                    "Đăng ký kết hôn",
                    "Marriage registration",
                ),
                CivilStatusKind::Divorce => {
                    (PaperKind::DivorceRecord, "Ghi chú ly hôn", "Divorce record")
                }
                CivilStatusKind::Death => (
                    PaperKind::DeathRecord,
                    "Đăng ký khai tử",
                    "Death registration",
                ),
            };
            let on = format_date(r.registered_on);
            add(
                DataSource::CivilStatusDb,
                kind,
                &r.record_id,
                format!("{vi} số {}, {on}, {}", r.registration_number, r.authority),
                format!("{en} no. {}, {on}, {}", r.registration_number, r.authority),
            );
        }
        for n in &self.birth_notices {
            add(
                DataSource::HealthFacility,
                PaperKind::BirthNotice,
                &n.record_id,
                format!("Giấy chứng sinh điện tử, {}", n.facility),
                format!("Electronic birth notice, {}", n.facility),
            );
        }
        for n in &self.death_notices {
            add(
                DataSource::HealthFacility,
                PaperKind::DeathNotice,
                &n.record_id,
                format!("Giấy báo tử điện tử, {}", n.facility),
                format!("Electronic death notice, {}", n.facility),
            );
        }
        for paper in &self.vneid_papers {
            add(
                DataSource::Vneid,
                paper.kind,
                &paper.record_id,
                format!(
                    "Giấy tờ trên VNeID số {} ({})",
                    paper.number, paper.issued_by
                ),
                format!("Paper in VNeID no. {} ({})", paper.number, paper.issued_by),
            );
        }
        for d in &self.warehouse {
            let on = format_date(d.issued_on);
            let mut sources = vec![DataSource::DataWarehouse];
            if d.dossier_code.is_some() {
                sources.push(DataSource::EarlierResult);
            }
            if d.certified_copy {
                sources.push(DataSource::ECertifiedCopy);
            }
            for source in sources {
                add(
                    source,
                    d.kind,
                    &d.record_id,
                    format!("{}, {}, {on} (kho dữ liệu điện tử)", d.title, d.issuer),
                    format!(
                        "{}, {}, {on} (electronic data warehouse)",
                        d.title, d.issuer
                    ),
                );
            }
        }
        held
    }
}

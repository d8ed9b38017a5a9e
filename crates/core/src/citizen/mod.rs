//! What national systems hold about a signed-in citizen: the population-database record and
//! family relations, civil-status records, electronic notices from health facilities, papers
//! integrated in VNeID, and the electronic data warehouse. A sandbox or a real connector fills
//! these types; the rules below only read them.
//!
//! The records live here; `lookup` answers source paths from them and `holdings` lists what can
//! stand in for a paper.

mod holdings;
mod lookup;

pub use holdings::Holding;
pub use lookup::{Found, FoundValue};

use serde::{Deserialize, Serialize};
use time::Date;

use crate::kinds::PaperKind;
use crate::personal_id::{PersonalId, Sex};
use crate::source::RelationKind;
use crate::validate::date::iso;

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

/// A paper of a vehicle the citizen bought, held by a sector database connected to the vehicle
/// register: the factory quality-inspection slip (Vietnam Register), the e-invoice and the
/// registration-tax payment (tax authority), each linked to the buyer's personal ID number.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct VehiclePaper {
    pub record_id: String,
    pub kind: PaperKind,
    pub number: String,
    /// The vehicle it concerns, as the paper names it (`Xe mô tô Honda Vision, số khung …`).
    pub vehicle: String,
    pub issued_by: String,
    #[serde(with = "iso")]
    pub issued_on: Date,
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
    #[serde(default)]
    pub vehicle_papers: Vec<VehiclePaper>,
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
}

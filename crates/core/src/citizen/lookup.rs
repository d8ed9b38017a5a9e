//! Answers a source path (`population.full_name`, `relation.spouse.residence`…) from the
//! citizen's records, with the record it came from.

use time::Date;

use super::{Address, CitizenData};
use crate::kinds::{DataSource, PaperKind};
use crate::source::{Field as F, SourcePath, Subject};
use crate::validate::date::format_date;

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

impl CitizenData {
    /// The value a source path names, if the records hold it.
    pub fn lookup(&self, path: &SourcePath) -> Option<Found> {
        let text = |s: &str| (!s.trim().is_empty()).then(|| FoundValue::Text(s.to_owned()));
        let date = |d: Date| Some(FoundValue::Text(format_date(d)));
        let field = path.field();
        let (value, record_id) = match path.subject() {
            Subject::Population => {
                let p = &self.population;
                let value = match field {
                    F::FullName => text(&p.full_name),
                    F::DateOfBirth => date(p.date_of_birth),
                    F::BirthYear => text(&p.date_of_birth.year().to_string()),
                    F::Sex => text(p.sex.as_answer()),
                    F::PersonalId => text(p.personal_id.as_str()),
                    F::Ethnicity => text(&p.ethnicity),
                    F::Religion => text(&p.religion),
                    F::Nationality => text(&p.nationality),
                    F::HomeTown => text(&p.home_town),
                    F::BirthPlace => text(&p.birth_place),
                    F::PermanentAddress => p.permanent_address.clone().map(FoundValue::Address),
                    F::CurrentAddress => p
                        .current_address
                        .clone()
                        .or_else(|| p.permanent_address.clone())
                        .map(FoundValue::Address),
                    F::IdIssuedOn => p.id_card.as_ref().and_then(|c| date(c.issued_on)),
                    F::IdIssuedBy => p.id_card.as_ref().and_then(|c| text(&c.issued_by)),
                    _ => None,
                };
                (value, p.record_id.clone())
            }
            Subject::Relation(kind) => {
                let r = self.relative(kind)?;
                let value = match field {
                    F::FullName => text(&r.full_name),
                    F::DateOfBirth => r.date_of_birth.and_then(date),
                    F::BirthYear => r.date_of_birth.and_then(|d| text(&d.year().to_string())),
                    F::Sex => r.sex.and_then(|s| text(s.as_answer())),
                    F::PersonalId => r.personal_id.as_ref().and_then(|id| text(id.as_str())),
                    F::Ethnicity => r.ethnicity.as_deref().and_then(text),
                    F::Nationality => r.nationality.as_deref().and_then(text),
                    F::Residence => r.residence.clone().map(FoundValue::Address),
                    _ => None,
                };
                (value, r.record_id.clone())
            }
            Subject::Account => {
                let value = match field {
                    F::Phone => self.account.phone.as_deref().and_then(text),
                    F::Email => self.account.email.as_deref().and_then(text),
                    _ => None,
                };
                (value, "account".to_owned())
            }
            Subject::BirthNotice => {
                let n = self.latest_birth_notice()?;
                let value = match field {
                    F::DateOfBirth => date(n.date_of_birth),
                    F::Sex => text(n.sex.as_answer()),
                    F::PlaceOfBirth => text(&n.place_of_birth),
                    F::MotherFullName => text(&n.mother_full_name),
                    _ => None,
                };
                (value, n.record_id.clone())
            }
            Subject::DeathNotice => {
                let n = self.latest_death_notice()?;
                let value = match field {
                    F::FullName => text(&n.full_name),
                    F::PersonalId => n.personal_id.as_ref().and_then(|id| text(id.as_str())),
                    F::Sex => text(n.sex.as_answer()),
                    F::DateOfBirth => date(n.date_of_birth),
                    F::DateOfDeath => date(n.date_of_death),
                    F::PlaceOfDeath => text(&n.place_of_death),
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
                    F::Number => text(&l.number),
                    F::Class => l.class.as_deref().and_then(text),
                    F::IssuedOn => date(l.issued_on),
                    F::ExpiresOn => l.expires_on.and_then(date),
                    F::IssuedBy => text(&l.issued_by),
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
}

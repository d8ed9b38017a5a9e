//! Identity sources: the path a question names to say which national record can answer it,
//! e.g. `population.full_name`, `relation.mother.residence`, `birth_notice.date_of_birth`.
//! Paths are checked when the catalog loads, so a typo is a catalog error, not a silent blank.

use std::fmt;

use serde::{Deserialize, Serialize};

use crate::form::QuestionKind;
use crate::procedure::DataSource;

/// A family relation held in the population database.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RelationKind {
    Father,
    Mother,
    Spouse,
    HouseholdHead,
}

impl RelationKind {
    pub const ALL: [Self; 4] = [
        Self::Father,
        Self::Mother,
        Self::Spouse,
        Self::HouseholdHead,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Self::Father => "father",
            Self::Mother => "mother",
            Self::Spouse => "spouse",
            Self::HouseholdHead => "household_head",
        }
    }
}

/// Which record a path reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Subject {
    /// The signed-in citizen's own population record.
    Population,
    /// A relative's record, through the relations held in the population database.
    Relation(RelationKind),
    /// Contact details of the citizen's identity account (not authoritative).
    Account,
    /// The electronic birth notice a health facility sent (giấy chứng sinh điện tử).
    BirthNotice,
    /// The electronic death notice (giấy báo tử điện tử).
    DeathNotice,
    /// The driving licence integrated in VNeID.
    DrivingLicence,
}

/// The shape of a value a source field yields.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ValueKind {
    Text,
    Name,
    Date,
    Year,
    Sex,
    PersonalId,
    Ethnicity,
    Nationality,
    Address,
    Phone,
    Email,
}

const PERSON: &[(&str, ValueKind)] = &[
    ("full_name", ValueKind::Name),
    ("date_of_birth", ValueKind::Date),
    ("birth_year", ValueKind::Year),
    ("sex", ValueKind::Sex),
    ("personal_id", ValueKind::PersonalId),
    ("ethnicity", ValueKind::Ethnicity),
    ("nationality", ValueKind::Nationality),
];

const POPULATION_ONLY: &[(&str, ValueKind)] = &[
    ("religion", ValueKind::Text),
    ("home_town", ValueKind::Text),
    ("birth_place", ValueKind::Text),
    ("permanent_address", ValueKind::Address),
    ("current_address", ValueKind::Address),
    ("id_issued_on", ValueKind::Date),
    ("id_issued_by", ValueKind::Text),
];

const RELATION_ONLY: &[(&str, ValueKind)] = &[("residence", ValueKind::Address)];

const ACCOUNT: &[(&str, ValueKind)] = &[("phone", ValueKind::Phone), ("email", ValueKind::Email)];

const BIRTH_NOTICE: &[(&str, ValueKind)] = &[
    ("date_of_birth", ValueKind::Date),
    ("sex", ValueKind::Sex),
    ("place_of_birth", ValueKind::Text),
    ("mother_full_name", ValueKind::Name),
];

const DEATH_NOTICE: &[(&str, ValueKind)] = &[
    ("full_name", ValueKind::Name),
    ("personal_id", ValueKind::PersonalId),
    ("sex", ValueKind::Sex),
    ("date_of_birth", ValueKind::Date),
    ("date_of_death", ValueKind::Date),
    ("place_of_death", ValueKind::Text),
];

const DRIVING_LICENCE: &[(&str, ValueKind)] = &[
    ("number", ValueKind::Text),
    ("class", ValueKind::Text),
    ("issued_on", ValueKind::Date),
    ("expires_on", ValueKind::Date),
    ("issued_by", ValueKind::Text),
];

impl Subject {
    fn fields(self) -> Vec<(&'static str, ValueKind)> {
        match self {
            Self::Population => [PERSON, POPULATION_ONLY].concat(),
            Self::Relation(_) => [PERSON, RELATION_ONLY].concat(),
            Self::Account => ACCOUNT.to_vec(),
            Self::BirthNotice => BIRTH_NOTICE.to_vec(),
            Self::DeathNotice => DEATH_NOTICE.to_vec(),
            Self::DrivingLicence => DRIVING_LICENCE.to_vec(),
        }
    }

    /// The national system holding the record.
    pub fn system(self) -> Option<DataSource> {
        match self {
            Self::Population | Self::Relation(_) => Some(DataSource::PopulationDb),
            Self::Account => None,
            Self::BirthNotice | Self::DeathNotice => Some(DataSource::HealthFacility),
            Self::DrivingLicence => Some(DataSource::Vneid),
        }
    }
}

/// A checked source path.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct SourcePath {
    subject: Subject,
    field: &'static str,
    kind: ValueKind,
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{path:?} is not a known identity source: {reason}")]
pub struct SourcePathError {
    pub path: String,
    pub reason: String,
}

impl SourcePath {
    pub fn parse(path: &str) -> Result<Self, SourcePathError> {
        let error = |reason: String| SourcePathError {
            path: path.to_owned(),
            reason,
        };
        let (head, rest) = path
            .split_once('.')
            .ok_or_else(|| error("expected <record>.<field>".to_owned()))?;
        let (subject, field) = match head {
            "population" => (Subject::Population, rest),
            "account" => (Subject::Account, rest),
            "birth_notice" => (Subject::BirthNotice, rest),
            "death_notice" => (Subject::DeathNotice, rest),
            "driving_licence" => (Subject::DrivingLicence, rest),
            "relation" => {
                let (kind, field) = rest
                    .split_once('.')
                    .ok_or_else(|| error("expected relation.<kind>.<field>".to_owned()))?;
                let kind = RelationKind::ALL
                    .into_iter()
                    .find(|k| k.as_str() == kind)
                    .ok_or_else(|| {
                        error(format!(
                            "relations are {}",
                            RelationKind::ALL.map(RelationKind::as_str).join(", ")
                        ))
                    })?;
                (Subject::Relation(kind), field)
            }
            other => {
                return Err(error(format!(
                    "{other:?} is not one of population, relation, account, birth_notice, death_notice, driving_licence"
                )));
            }
        };
        let fields = subject.fields();
        let (field, kind) = fields
            .iter()
            .find(|(name, _)| *name == field)
            .copied()
            .ok_or_else(|| {
                error(format!(
                    "its fields are {}",
                    fields
                        .iter()
                        .map(|(n, _)| *n)
                        .collect::<Vec<_>>()
                        .join(", ")
                ))
            })?;
        Ok(Self {
            subject,
            field,
            kind,
        })
    }

    pub fn subject(&self) -> Subject {
        self.subject
    }

    pub fn field(&self) -> &'static str {
        self.field
    }

    pub fn value_kind(&self) -> ValueKind {
        self.kind
    }

    /// Whether this source's value can answer a question of `kind`.
    pub fn fits(&self, kind: QuestionKind) -> bool {
        use QuestionKind as Q;
        match self.kind {
            ValueKind::Text => matches!(kind, Q::Text | Q::LongText),
            ValueKind::Name => matches!(kind, Q::Name | Q::Text),
            ValueKind::Date => matches!(kind, Q::Date | Q::PastDate),
            ValueKind::Year => kind == Q::Year,
            ValueKind::Sex => kind == Q::Sex,
            ValueKind::PersonalId => kind == Q::PersonalId,
            ValueKind::Ethnicity => matches!(kind, Q::Ethnicity | Q::Text),
            ValueKind::Nationality => matches!(kind, Q::Nationality | Q::Text),
            ValueKind::Address => kind == Q::Address,
            ValueKind::Phone => kind == Q::Phone,
            ValueKind::Email => kind == Q::Email,
        }
    }
}

impl fmt::Display for SourcePath {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.subject {
            Subject::Population => write!(f, "population.{}", self.field),
            Subject::Relation(kind) => write!(f, "relation.{}.{}", kind.as_str(), self.field),
            Subject::Account => write!(f, "account.{}", self.field),
            Subject::BirthNotice => write!(f, "birth_notice.{}", self.field),
            Subject::DeathNotice => write!(f, "death_notice.{}", self.field),
            Subject::DrivingLicence => write!(f, "driving_licence.{}", self.field),
        }
    }
}

impl Serialize for SourcePath {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for SourcePath {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = String::deserialize(deserializer)?;
        Self::parse(&text).map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_round_trip_and_typos_are_explained() {
        for path in [
            "population.full_name",
            "population.permanent_address",
            "relation.mother.residence",
            "relation.household_head.full_name",
            "account.phone",
            "birth_notice.place_of_birth",
            "driving_licence.class",
        ] {
            assert_eq!(SourcePath::parse(path).unwrap().to_string(), path);
        }
        let e = SourcePath::parse("population.fullname").unwrap_err();
        assert!(e.reason.contains("full_name"), "{e}");
        let e = SourcePath::parse("relation.aunt.full_name").unwrap_err();
        assert!(e.reason.contains("household_head"), "{e}");
        assert!(SourcePath::parse("population").is_err());
        assert!(SourcePath::parse("tax.number").is_err());
    }

    #[test]
    fn a_source_fills_only_questions_of_a_matching_kind() {
        let address = SourcePath::parse("population.permanent_address").unwrap();
        assert!(address.fits(QuestionKind::Address));
        assert!(!address.fits(QuestionKind::Text));
        let dob = SourcePath::parse("population.date_of_birth").unwrap();
        assert!(dob.fits(QuestionKind::PastDate));
        assert!(!dob.fits(QuestionKind::Year));
    }
}

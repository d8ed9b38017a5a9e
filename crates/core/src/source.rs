//! Identity sources: the path a question names to say which national record can answer it,
//! e.g. `population.full_name`, `relation.mother.residence`, `birth_notice.date_of_birth`.
//! Paths are checked when the catalog loads, so a typo is a catalog error, not a silent blank.

use std::fmt;

use serde::{Deserialize, Serialize};

use crate::kinds::DataSource;

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

/// Defines [`Field`] with its name in source paths and the shape of its value: the one list of
/// identity field names (the records' lookup matches on the enum).
macro_rules! fields {
    ($($variant:ident => $name:literal, $kind:ident;)+) => {
        /// A field a source path can name.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        pub enum Field {
            $($variant,)+
        }

        impl Field {
            pub fn name(self) -> &'static str {
                match self {
                    $(Self::$variant => $name,)+
                }
            }

            pub fn value_kind(self) -> ValueKind {
                match self {
                    $(Self::$variant => ValueKind::$kind,)+
                }
            }
        }
    };
}

fields! {
    FullName => "full_name", Name;
    DateOfBirth => "date_of_birth", Date;
    BirthYear => "birth_year", Year;
    Sex => "sex", Sex;
    PersonalId => "personal_id", PersonalId;
    Ethnicity => "ethnicity", Ethnicity;
    Nationality => "nationality", Nationality;
    Religion => "religion", Text;
    HomeTown => "home_town", Text;
    BirthPlace => "birth_place", Text;
    PermanentAddress => "permanent_address", Address;
    CurrentAddress => "current_address", Address;
    IdIssuedOn => "id_issued_on", Date;
    IdIssuedBy => "id_issued_by", Text;
    Residence => "residence", Address;
    Phone => "phone", Phone;
    Email => "email", Email;
    PlaceOfBirth => "place_of_birth", Text;
    MotherFullName => "mother_full_name", Name;
    DateOfDeath => "date_of_death", Date;
    PlaceOfDeath => "place_of_death", Text;
    Number => "number", Text;
    Class => "class", Text;
    IssuedOn => "issued_on", Date;
    ExpiresOn => "expires_on", Date;
    IssuedBy => "issued_by", Text;
}

use Field as F;

const PERSON: &[Field] = &[
    F::FullName,
    F::DateOfBirth,
    F::BirthYear,
    F::Sex,
    F::PersonalId,
    F::Ethnicity,
    F::Nationality,
];

const POPULATION_ONLY: &[Field] = &[
    F::Religion,
    F::HomeTown,
    F::BirthPlace,
    F::PermanentAddress,
    F::CurrentAddress,
    F::IdIssuedOn,
    F::IdIssuedBy,
];

const RELATION_ONLY: &[Field] = &[F::Residence];

const ACCOUNT: &[Field] = &[F::Phone, F::Email];

const BIRTH_NOTICE: &[Field] = &[F::DateOfBirth, F::Sex, F::PlaceOfBirth, F::MotherFullName];

const DEATH_NOTICE: &[Field] = &[
    F::FullName,
    F::PersonalId,
    F::Sex,
    F::DateOfBirth,
    F::DateOfDeath,
    F::PlaceOfDeath,
];

const DRIVING_LICENCE: &[Field] = &[F::Number, F::Class, F::IssuedOn, F::ExpiresOn, F::IssuedBy];

impl Subject {
    fn fields(self) -> Vec<Field> {
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
    field: Field,
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
        let field = fields
            .iter()
            .find(|f| f.name() == field)
            .copied()
            .ok_or_else(|| {
                error(format!(
                    "its fields are {}",
                    fields
                        .iter()
                        .map(|f| f.name())
                        .collect::<Vec<_>>()
                        .join(", ")
                ))
            })?;
        Ok(Self { subject, field })
    }

    pub fn subject(&self) -> Subject {
        self.subject
    }

    pub fn field(&self) -> Field {
        self.field
    }

    pub fn value_kind(&self) -> ValueKind {
        self.field.value_kind()
    }
}

impl fmt::Display for SourcePath {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.subject {
            Subject::Population => write!(f, "population.{}", self.field.name()),
            Subject::Relation(kind) => {
                write!(f, "relation.{}.{}", kind.as_str(), self.field.name())
            }
            Subject::Account => write!(f, "account.{}", self.field.name()),
            Subject::BirthNotice => write!(f, "birth_notice.{}", self.field.name()),
            Subject::DeathNotice => write!(f, "death_notice.{}", self.field.name()),
            Subject::DrivingLicence => write!(f, "driving_licence.{}", self.field.name()),
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
}

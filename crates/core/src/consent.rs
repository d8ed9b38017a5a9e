//! The purposes a citizen consents to, one by one, before national data is read, and which
//! national systems each purpose opens. The server decides what is read; the app shows which
//! consents would let more be pre-filled.

use serde::{Deserialize, Serialize};

use crate::kinds::DataSource;

/// Why national data is read.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub enum Purpose {
    /// Identity and residence, from the population database.
    Identity,
    /// Civil-status records and e-notices from health facilities.
    CivilStatus,
    /// Papers in VNeID, the data warehouse, e-certified copies, earlier results and the papers of
    /// a vehicle the citizen bought (sector databases).
    Papers,
}
impl Purpose {
    pub const ALL: [Purpose; 3] = [Purpose::Identity, Purpose::CivilStatus, Purpose::Papers];

    pub fn as_str(self) -> &'static str {
        match self {
            Purpose::Identity => "identity",
            Purpose::CivilStatus => "civil_status",
            Purpose::Papers => "papers",
        }
    }

    pub fn parse(text: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|p| p.as_str() == text)
    }

    /// The purpose under which a source may be read.
    pub fn of(source: DataSource) -> Self {
        match source {
            DataSource::PopulationDb => Purpose::Identity,
            DataSource::CivilStatusDb | DataSource::HealthFacility => Purpose::CivilStatus,
            DataSource::Vneid
            | DataSource::DataWarehouse
            | DataSource::ECertifiedCopy
            | DataSource::EarlierResult
            | DataSource::SectorDb => Purpose::Papers,
        }
    }
}

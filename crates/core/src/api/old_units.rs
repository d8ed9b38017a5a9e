//! Wire types of the administrative units from before 1 July 2025 (`GET /old-provinces`,
//! `GET /old-districts/{code}`).

use serde::{Deserialize, Serialize};

use crate::validate::old_units::{Conversion, OldCommune};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct OldDistrictSummary {
    pub code: u16,
    pub name: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct OldProvinceSummary {
    pub code: u16,
    pub name: String,
    pub districts: Vec<OldDistrictSummary>,
}

/// An old commune and what it is today.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct OldCommuneEntry {
    #[serde(flatten)]
    pub commune: OldCommune,
    pub today: Conversion,
}

/// An old district with its communes, each converted.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct OldDistrictDetail {
    pub code: u16,
    pub name: String,
    pub province_code: u16,
    pub province_name: String,
    pub communes: Vec<OldCommuneEntry>,
    /// For an island district without communes: what it became as a whole.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub today: Option<Conversion>,
}

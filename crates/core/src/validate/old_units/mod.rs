//! Administrative units from before 1 July 2025 (63 provinces, their districts and about 10,000
//! communes) and the official conversion to the units in force since (34 provinces, 3,321
//! communes, no district level). Documents and memories still carry the old names: a question
//! marked `historical` accepts an old address and shows the commune it belongs to today, and why.
//!
//! An old commune merged whole into one new commune converts by itself; one split between several
//! new communes is never converted silently: the citizen chooses among its successors. Both lists
//! ship with the core as versioned data (`admin-units/`, see its README): the conversion table of
//! Decision 19/2025/QĐ-TTg's reorganisation and the three-level list in force until 30 June 2025.

mod align;
mod check;
mod describe;
#[cfg(feature = "old-units")]
mod parse;

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

pub use check::{OldAddressError, OldAddressParts};

/// Which code list an address's unit codes belong to (codes are reused: new Phường Ba Đình is
/// `00004`, the code of old Phường Trúc Bạch).
pub const CURRENT_LIST: &str = "2025-07-01";
pub const OLD_LIST: &str = "before-2025-07-01";

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct OldCommune {
    pub code: u32,
    pub name: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct OldDistrict {
    pub code: u16,
    pub name: String,
    /// Empty for an island district without communes (it became a special zone as a whole).
    pub communes: Vec<OldCommune>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct OldProvince {
    pub code: u16,
    pub name: String,
    pub districts: Vec<OldDistrict>,
}

/// A commune in force since 1 July 2025 that took in (part of) an old unit.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Successor {
    pub province_code: u16,
    pub province_name: String,
    pub ward_code: u32,
    pub ward_name: String,
    /// The conversion table's note, as written: "Nhập toàn bộ", "Nhập một phần", "Giữ nguyên"…
    pub note: String,
}

/// How an old unit's successors are known.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub enum ConversionBasis {
    /// A row of the official conversion table names the unit by its code.
    Table,
    /// The table names the unit in its district by name, under another code (a typing slip in
    /// one of the two official lists).
    TableByName,
    /// The table does not name the unit (reorganised before 1 July 2025): its successors are the
    /// communes that took in its former district; the citizen chooses.
    District,
}

/// What an old unit is today.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Conversion {
    /// One or more; several means the citizen must choose.
    pub successors: Vec<Successor>,
    pub basis: ConversionBasis,
}

impl Conversion {
    /// The one successor, when the old unit went whole into one new commune.
    pub fn single(&self) -> Option<&Successor> {
        match self.successors.as_slice() {
            [one] => Some(one),
            _ => None,
        }
    }
}

/// The old units and what each became.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct OldUnits {
    provinces: Vec<OldProvince>,
    /// By old commune code.
    communes: BTreeMap<u32, Conversion>,
    /// Island districts without communes, by district code.
    districts: BTreeMap<u16, Conversion>,
}

impl OldUnits {
    pub fn provinces(&self) -> &[OldProvince] {
        &self.provinces
    }

    pub fn province(&self, code: u16) -> Option<&OldProvince> {
        self.provinces.iter().find(|p| p.code == code)
    }

    /// The district with `code`, with its province.
    pub fn district(&self, code: u16) -> Option<(&OldProvince, &OldDistrict)> {
        self.provinces
            .iter()
            .find_map(|p| p.districts.iter().find(|d| d.code == code).map(|d| (p, d)))
    }

    /// What the old commune `code` is today (`None` for a code not in the old list).
    pub fn commune_conversion(&self, code: u32) -> Option<&Conversion> {
        self.communes.get(&code)
    }

    /// What an island district without communes is today.
    pub fn district_conversion(&self, code: u16) -> Option<&Conversion> {
        self.districts.get(&code)
    }

    pub fn commune_count(&self) -> usize {
        self.communes.len()
    }

    /// The old communes with no row of their own in the official table.
    pub fn unnamed_in_table(&self) -> impl Iterator<Item = (&u32, &Conversion)> {
        self.communes
            .iter()
            .filter(|(_, c)| c.basis == ConversionBasis::District)
    }
}

#[cfg(all(test, feature = "old-units"))]
mod tests;

//! Aligning the conversion table with the unit list in force. The table was published before the
//! final list: 160 of its new communes carry another code, and some names differ in a tone mark's
//! place ("Thủy"/"Thuỷ"), an apostrophe or a dash. The list in force decides: each successor is
//! found in its province by its exact name, or else by its name folded to plain words when that
//! names one unit only. A successor found neither way stops the server: never a guess.

use std::collections::BTreeMap;

use super::{OldUnits, Successor};
use crate::text::{fold, words};
use crate::validate::AdminUnits;

fn plain(name: &str) -> String {
    words(&fold(name)).collect::<Vec<_>>().join(" ")
}

impl OldUnits {
    /// The same conversions, with every successor named and coded as in `units`.
    pub fn aligned_with(mut self, units: &AdminUnits) -> Result<Self, String> {
        let mut plain_names: BTreeMap<(u16, String), Vec<u32>> = BTreeMap::new();
        for p in units.provinces() {
            for w in &p.wards {
                plain_names
                    .entry((p.code, plain(&w.name)))
                    .or_default()
                    .push(w.code);
            }
        }
        let align = |s: &mut Successor| -> Result<(), String> {
            let province = units.province(s.province_code).ok_or_else(|| {
                format!(
                    "{} ({}) is not a province of today",
                    s.province_name, s.province_code
                )
            })?;
            let code = province
                .wards
                .iter()
                .find(|w| w.name == s.ward_name)
                .map(|w| w.code)
                .or_else(
                    || match plain_names.get(&(province.code, plain(&s.ward_name))) {
                        Some(codes) if codes.len() == 1 => Some(codes[0]),
                        _ => None,
                    },
                )
                .ok_or_else(|| {
                    format!(
                        "{} ({}) is not a commune of {} today",
                        s.ward_name, s.ward_code, province.name
                    )
                })?;
            let (_, ward) = units.ward(code).ok_or("a ward vanished")?;
            s.ward_code = code;
            s.ward_name = ward.name.clone();
            s.province_name = province.name.clone();
            Ok(())
        };
        for conversion in self
            .communes
            .values_mut()
            .chain(self.districts.values_mut())
        {
            for s in &mut conversion.successors {
                align(s)?;
            }
            let mut seen = std::collections::BTreeSet::new();
            conversion.successors.retain(|s| seen.insert(s.ward_code));
        }
        Ok(self)
    }
}

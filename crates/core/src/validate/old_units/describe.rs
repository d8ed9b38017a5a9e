//! An old address in words, and the same place today: "Phường Trúc Bạch, Quận Ba Đình, Thành phố
//! Hà Nội" → "Phường Ba Đình, Thành phố Hà Nội", for the check page's and the receipt's "old → new".

use super::{OLD_LIST, OldUnits};
use crate::validate::AdminUnits;

impl OldUnits {
    /// The old units in words, commune first (an island district has none).
    pub fn describe(&self, district: u16, commune: Option<u32>) -> Option<String> {
        let (province, district) = self.district(district)?;
        let commune = match commune {
            Some(code) => Some(district.communes.iter().find(|c| c.code == code)?),
            None => None,
        };
        Some(
            commune
                .map(|c| c.name.as_str())
                .into_iter()
                .chain([district.name.as_str(), province.name.as_str()])
                .collect::<Vec<_>>()
                .join(", "),
        )
    }

    /// For the address question `id` answered with the old units: the address as written and the
    /// same address today, both in words with the street first.
    pub fn old_and_new(
        &self,
        units: &AdminUnits,
        id: &str,
        answers: &std::collections::BTreeMap<String, String>,
    ) -> Option<(String, String)> {
        let part = |p: &str| answers.get(&format!("{id}.{p}")).map(String::as_str);
        if part("units") != Some(OLD_LIST) {
            return None;
        }
        let number = |p: &str| part(p).and_then(|v| v.parse::<u32>().ok());
        let street = part("street").unwrap_or_default();
        let old = self.describe(
            u16::try_from(number("old_district")?).ok()?,
            number("old_commune"),
        )?;
        let today = units.describe(number("ward")?, street)?;
        Some((format!("{street}, {old}"), today))
    }
}

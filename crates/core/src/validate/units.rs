//! Administrative units since 1 July 2025: 34 provinces and 3,321 communes/wards, no district
//! level. The list is not compiled in: it comes from the pinned PyPI package `vietnam-provinces`
//! (`nested-divisions.json`), fetched by `cargo xtask setup`, and is passed to the rules that need it.

use serde::{Deserialize, Serialize};

use crate::error::field_messages;
use crate::text::fold;

field_messages! {
    /// Why an address is not acceptable.
    AddressError {
        ProvinceMissing => "address.province_missing",
            "Chọn tỉnh hoặc thành phố.",
            "Choose a province or city.";
        ProvinceUnknown => "address.province_unknown",
            "Tỉnh, thành phố này không có trong danh mục 34 tỉnh, thành phố hiện hành.",
            "This province is not one of the 34 current provinces and cities.";
        WardMissing => "address.ward_missing",
            "Chọn xã, phường hoặc đặc khu.",
            "Choose a commune or ward.";
        WardNotInProvince => "address.ward_not_in_province",
            "Xã, phường này không thuộc tỉnh, thành phố đã chọn. Hãy chọn lại xã, phường.",
            "This commune or ward is not in the chosen province. Choose the commune or ward again.";
        StreetMissing => "address.street_missing",
            "Nhập số nhà, tên đường hoặc thôn, xóm, ấp.",
            "Enter the house number and street, or the village.";
        StreetTooLong => "address.street_too_long",
            "Địa chỉ chi tiết dài quá 200 ký tự.",
            "The street address is at most 200 characters long.";
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Ward {
    pub code: u32,
    pub name: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Province {
    pub code: u16,
    pub name: String,
    pub wards: Vec<Ward>,
}

/// The current list of provinces and their wards.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct AdminUnits {
    provinces: Vec<Province>,
}

impl AdminUnits {
    /// Sorts the units and tidies their names (the package has a few doubled spaces).
    pub fn new(mut provinces: Vec<Province>) -> Self {
        let tidy = |name: &str| name.split_whitespace().collect::<Vec<_>>().join(" ");
        provinces.sort_by_key(|p| p.code);
        for p in &mut provinces {
            p.name = tidy(&p.name);
            p.wards.sort_by_key(|w| w.code);
            for w in &mut p.wards {
                w.name = tidy(&w.name);
            }
        }
        Self { provinces }
    }

    /// Reads `nested-divisions.json` of the `vietnam-provinces` package (extra fields ignored).
    pub fn from_json(text: &str) -> Result<Self, String> {
        serde_json::from_str::<Vec<Province>>(text)
            .map(Self::new)
            .map_err(|e| format!("not a list of provinces with wards: {e}"))
    }

    pub fn provinces(&self) -> &[Province] {
        &self.provinces
    }

    pub fn province(&self, code: u16) -> Option<&Province> {
        self.provinces
            .binary_search_by_key(&code, |p| p.code)
            .ok()
            .map(|i| &self.provinces[i])
    }

    pub fn ward_count(&self) -> usize {
        self.provinces.iter().map(|p| p.wards.len()).sum()
    }

    /// The ward with `code`, with its province.
    pub fn ward(&self, code: u32) -> Option<(&Province, &Ward)> {
        self.provinces.iter().find_map(|p| {
            p.wards
                .binary_search_by_key(&code, |w| w.code)
                .ok()
                .map(|i| (p, &p.wards[i]))
        })
    }

    /// Wards of `province` whose name contains `query`, diacritics and case ignored.
    pub fn find_wards(&self, province: u16, query: &str) -> Vec<&Ward> {
        let query = fold(query.trim());
        self.province(province)
            .map(|p| {
                p.wards
                    .iter()
                    .filter(|w| fold(&w.name).contains(&query))
                    .collect()
            })
            .unwrap_or_default()
    }

    /// Checks the three parts of an address as answered. On error, says which part is wrong
    /// (`province`, `ward` or `street`) so the message goes next to the right input.
    pub fn check_address(
        &self,
        province: Option<&str>,
        ward: Option<&str>,
        street: Option<&str>,
    ) -> Result<(), (&'static str, AddressError)> {
        fn present(v: Option<&str>) -> Option<&str> {
            v.map(str::trim).filter(|v| !v.is_empty())
        }
        let province = present(province).ok_or(("province", AddressError::ProvinceMissing))?;
        let province = province
            .parse::<u16>()
            .ok()
            .and_then(|code| self.province(code))
            .ok_or(("province", AddressError::ProvinceUnknown))?;
        let ward = present(ward).ok_or(("ward", AddressError::WardMissing))?;
        let in_province = ward.parse::<u32>().ok().is_some_and(|code| {
            province
                .wards
                .binary_search_by_key(&code, |w| w.code)
                .is_ok()
        });
        if !in_province {
            return Err(("ward", AddressError::WardNotInProvince));
        }
        let street = present(street).ok_or(("street", AddressError::StreetMissing))?;
        if street.chars().count() > 200 {
            return Err(("street", AddressError::StreetTooLong));
        }
        Ok(())
    }

    /// The address in words: `12 Hàng Bông, Phường Hoàn Kiếm, Thành phố Hà Nội`.
    pub fn describe(&self, ward: u32, street: &str) -> Option<String> {
        let (province, ward) = self.ward(ward)?;
        Some(format!("{street}, {}, {}", ward.name, province.name))
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    /// Two provinces in the shape of `nested-divisions.json`, for tests that need units.
    pub(crate) const SAMPLE: &str = r#"[
      {"name": "Thành phố Hà Nội", "code": 1, "codename": "ha_noi", "division_type": "thành phố trung ương", "phone_code": 24,
       "wards": [{"name": "Phường Hoàn Kiếm", "code": 70, "codename": "phuong_hoan_kiem", "division_type": "phường", "short_codename": "hoan_kiem"},
                 {"name": "Phường Ba Đình", "code": 4, "codename": "phuong_ba_dinh", "division_type": "phường", "short_codename": "ba_dinh"}]},
      {"name": "Tỉnh Gia Lai", "code": 52, "codename": "gia_lai", "division_type": "tỉnh", "phone_code": 269,
       "wards": [{"name": "Phường Quy Nhơn", "code": 21550, "codename": "phuong_quy_nhon", "division_type": "phường", "short_codename": "quy_nhon"},
                 {"name": "Xã Ia Grai", "code": 23650, "codename": "xa_ia_grai", "division_type": "xã", "short_codename": "ia_grai"}]}
    ]"#;

    pub(crate) fn sample() -> AdminUnits {
        AdminUnits::from_json(SAMPLE).unwrap()
    }

    #[test]
    fn the_package_shape_is_read() {
        let units = sample();
        assert_eq!(units.provinces().len(), 2);
        assert_eq!(units.ward_count(), 4);
        assert_eq!(units.ward(21550).unwrap().0.name, "Tỉnh Gia Lai");
        assert_eq!(
            units.describe(70, "12 Hàng Bông").unwrap(),
            "12 Hàng Bông, Phường Hoàn Kiếm, Thành phố Hà Nội"
        );
        assert_eq!(units.find_wards(52, "ia grai")[0].code, 23650);
        assert!(AdminUnits::from_json("{}").is_err());
    }

    #[test]
    fn a_ward_must_belong_to_the_chosen_province() {
        let units = sample();
        assert_eq!(
            units.check_address(Some("1"), Some("70"), Some("12 Hàng Bông")),
            Ok(())
        );
        assert_eq!(
            units.check_address(Some("1"), Some("21550"), Some("x")),
            Err(("ward", AddressError::WardNotInProvince))
        );
        assert_eq!(
            units.check_address(Some("2"), Some("70"), Some("x")),
            Err(("province", AddressError::ProvinceUnknown))
        );
        assert_eq!(
            units.check_address(None, None, None),
            Err(("province", AddressError::ProvinceMissing))
        );
        assert_eq!(
            units.check_address(Some("52"), Some(" "), None),
            Err(("ward", AddressError::WardMissing))
        );
        assert_eq!(
            units.check_address(Some("52"), Some("23650"), Some("")),
            Err(("street", AddressError::StreetMissing))
        );
    }

    /// The real list fetched by `cargo xtask setup` has the 34 provinces and 3,321 wards of the
    /// 2025 reorganisation.
    #[test]
    fn the_fetched_unit_list_has_34_provinces_and_3321_wards() {
        let path = std::env::var("MOTLAN_UNITS_FILE").unwrap_or_else(|_| {
            concat!(
                env!("CARGO_MANIFEST_DIR"),
                "/../../.tools/vietnam-provinces/nested-divisions.json"
            )
            .to_owned()
        });
        let text = std::fs::read_to_string(&path).unwrap_or_else(|e| {
            panic!("{path}: {e}. Run `cargo xtask setup` to fetch the unit list.")
        });
        let units = AdminUnits::from_json(&text).unwrap();
        assert_eq!(units.provinces().len(), 34);
        assert_eq!(units.ward_count(), 3321);
        let hanoi = units.province(1).unwrap();
        assert_eq!(hanoi.name, "Thành phố Hà Nội");
        assert!(
            units
                .find_wards(1, "hoan kiem")
                .iter()
                .any(|w| w.name == "Phường Hoàn Kiếm")
        );
    }
}

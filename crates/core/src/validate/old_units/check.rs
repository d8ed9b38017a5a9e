//! The check of an address written with the units from before 1 July 2025: the old province,
//! district and commune must be one inside the other, and the commune of today must be the one
//! the old commune went into, or, when it was split, one of those the citizen may choose from.

use super::{Conversion, OldUnits};
use crate::error::field_messages;
use crate::validate::AdminUnits;

field_messages! {
    /// Why an address written with the old units is not acceptable.
    OldAddressError {
        CodeListUnknown => "address.code_list_unknown",
            "Chọn địa chỉ theo đơn vị hành chính hiện nay hay theo tên cũ (trước ngày 01/7/2025).",
            "Choose whether the address uses today's units or the old names (before 1 July 2025).";
        OldProvinceMissing => "address.old_province_missing",
            "Chọn tỉnh, thành phố theo tên cũ.",
            "Choose the province or city by its old name.";
        OldProvinceUnknown => "address.old_province_unknown",
            "Tỉnh, thành phố này không có trong danh mục 63 tỉnh, thành phố trước ngày 01/7/2025.",
            "This is not one of the 63 provinces and cities before 1 July 2025.";
        OldDistrictMissing => "address.old_district_missing",
            "Chọn quận, huyện, thị xã hoặc thành phố thuộc tỉnh.",
            "Choose the district.";
        OldDistrictNotInProvince => "address.old_district_not_in_province",
            "Quận, huyện này không thuộc tỉnh, thành phố đã chọn. Hãy chọn lại.",
            "This district is not in the chosen province. Choose it again.";
        OldCommuneMissing => "address.old_commune_missing",
            "Chọn xã, phường hoặc thị trấn theo tên cũ.",
            "Choose the commune, ward or town by its old name.";
        OldCommuneNotInDistrict => "address.old_commune_not_in_district",
            "Xã, phường này không thuộc quận, huyện đã chọn. Hãy chọn lại.",
            "This commune is not in the chosen district. Choose it again.";
        SuccessorMissing => "address.successor_missing",
            "Nơi này nay thuộc nhiều xã, phường. Hãy chọn xã, phường hiện nay mà địa chỉ thuộc về.",
            "This place now belongs to several communes. Choose the commune of today the address is in.";
        SuccessorNotCandidate => "address.successor_not_candidate",
            "Xã, phường đã chọn không nhận phần nào của nơi này. Hãy chọn trong danh sách.",
            "The chosen commune took in no part of this place. Choose one from the list.";
    }
}

/// The parts of an old address as answered (codes as text).
#[derive(Debug, Clone, Copy, Default)]
pub struct OldAddressParts<'a> {
    pub old_province: Option<&'a str>,
    pub old_district: Option<&'a str>,
    pub old_commune: Option<&'a str>,
    /// The commune of today the citizen chose (needed only when there are several).
    pub ward: Option<&'a str>,
}

fn present(v: Option<&str>) -> Option<&str> {
    v.map(str::trim).filter(|v| !v.is_empty())
}

impl OldUnits {
    /// What the old unit of `parts` is today: the conversion, checked part by part. On error,
    /// says which part is wrong (`old_province`, `old_district`, `old_commune` or `ward`).
    pub fn conversion_of(
        &self,
        parts: OldAddressParts<'_>,
    ) -> Result<&Conversion, (&'static str, OldAddressError)> {
        use OldAddressError as E;
        let province = present(parts.old_province)
            .ok_or(("old_province", E::OldProvinceMissing))?
            .parse::<u16>()
            .ok()
            .and_then(|code| self.province(code))
            .ok_or(("old_province", E::OldProvinceUnknown))?;
        let district_code = present(parts.old_district)
            .ok_or(("old_district", E::OldDistrictMissing))?
            .parse::<u16>()
            .map_err(|_| ("old_district", E::OldDistrictNotInProvince))?;
        let district = province
            .districts
            .iter()
            .find(|d| d.code == district_code)
            .ok_or(("old_district", E::OldDistrictNotInProvince))?;
        if district.communes.is_empty() {
            return self
                .district_conversion(district.code)
                .ok_or(("old_district", E::OldDistrictNotInProvince));
        }
        // Commune codes have five digits; a longer one (a tax office's 8-digit code) is refused.
        let commune = present(parts.old_commune)
            .ok_or(("old_commune", E::OldCommuneMissing))?
            .parse::<u32>()
            .ok()
            .filter(|code| district.communes.iter().any(|c| c.code == *code))
            .ok_or(("old_commune", E::OldCommuneNotInDistrict))?;
        self.commune_conversion(commune)
            .ok_or(("old_commune", E::OldCommuneNotInDistrict))
    }

    /// The province and commune of today an old address belongs to: the only successor, or the
    /// one the citizen chose among several (never a silent default).
    pub fn check_old_address(
        &self,
        units: &AdminUnits,
        parts: OldAddressParts<'_>,
    ) -> Result<(u16, u32), (&'static str, OldAddressError)> {
        let conversion = self.conversion_of(parts)?;
        let chosen = match conversion.single() {
            Some(one) => one,
            None => {
                let ward =
                    present(parts.ward).ok_or(("ward", OldAddressError::SuccessorMissing))?;
                conversion
                    .successors
                    .iter()
                    .find(|s| ward.parse::<u32>().ok() == Some(s.ward_code))
                    .ok_or(("ward", OldAddressError::SuccessorNotCandidate))?
            }
        };
        // The successor is a unit of today's list (checked for every one by the core's tests).
        units
            .ward(chosen.ward_code)
            .filter(|(p, _)| p.code == chosen.province_code)
            .ok_or(("ward", OldAddressError::SuccessorNotCandidate))?;
        Ok((chosen.province_code, chosen.ward_code))
    }
}

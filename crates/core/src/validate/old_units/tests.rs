use std::collections::BTreeSet;

use super::*;
use crate::validate::AdminUnits;

/// FNV-1a, 64 bits: the shipped lists are the ones reviewed, byte for byte.
fn fnv(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |h, b| {
        (h ^ u64::from(*b)).wrapping_mul(0x0100_0000_01b3)
    })
}

fn aligned() -> OldUnits {
    OldUnits::embedded()
        .unwrap()
        .aligned_with(&current_units())
        .unwrap()
}

fn current_units() -> AdminUnits {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../.tools/vietnam-provinces/nested-divisions.json"
    );
    let text = std::fs::read_to_string(path)
        .unwrap_or_else(|e| panic!("{path}: {e} (run `cargo xtask setup`)"));
    AdminUnits::from_json(&text).unwrap()
}

#[test]
fn the_shipped_lists_are_the_reviewed_versions() {
    use std::io::Read as _;
    for (bytes, length, checksum) in [
        (parse::UNITS_GZ, 771_519, 0xc25c_4440_b9b2_6aea_u64),
        (parse::CONVERSION_GZ, 1_504_324, 0x86ae_c3fa_e669_db45),
    ] {
        let mut text = Vec::new();
        flate2::read::GzDecoder::new(bytes)
            .read_to_end(&mut text)
            .unwrap();
        assert_eq!((text.len(), fnv(&text)), (length, checksum));
    }
}

#[test]
fn every_old_commune_converts_to_units_of_today_34_provinces_and_3321_communes() {
    let old = aligned();
    let current = current_units();
    assert_eq!(old.provinces().len(), 63);
    assert_eq!(old.commune_count(), 10_051);
    let mut provinces = BTreeSet::new();
    let mut wards = BTreeSet::new();
    for province in old.provinces() {
        for district in &province.districts {
            let conversions: Vec<&Conversion> = if district.communes.is_empty() {
                vec![
                    old.district_conversion(district.code)
                        .expect("island district"),
                ]
            } else {
                district
                    .communes
                    .iter()
                    .map(|c| {
                        old.commune_conversion(c.code)
                            .expect("every commune mapped")
                    })
                    .collect()
            };
            for conversion in conversions {
                for s in &conversion.successors {
                    let (p, w) = current.ward(s.ward_code).unwrap_or_else(|| {
                        panic!(
                            "{} ({}) is not a commune of today",
                            s.ward_name, s.ward_code
                        )
                    });
                    assert_eq!(p.code, s.province_code, "{}", s.ward_name);
                    assert_eq!(w.name, s.ward_name);
                    provinces.insert(s.province_code);
                    wards.insert(s.ward_code);
                }
            }
        }
    }
    assert_eq!(provinces.len(), 34);
    assert_eq!(
        wards.len(),
        3_321,
        "every commune of today took in some old unit"
    );
    assert_eq!(current.ward_count(), 3_321);
}

#[test]
fn what_the_table_does_not_name_is_listed_and_offered_as_a_choice() {
    let old = OldUnits::embedded().unwrap();
    let by_name = old
        .communes
        .values()
        .filter(|c| c.basis == ConversionBasis::TableByName)
        .count();
    // Eleven communes the table names under another code; seventeen it does not name at all
    // (reorganised before 1 July 2025; docs/catalog.md explains how they are offered).
    assert_eq!(by_name, 11);
    let unnamed: Vec<u32> = old.unnamed_in_table().map(|(code, _)| *code).collect();
    assert_eq!(unnamed.len(), 17, "{unnamed:?}");
    // Each is offered with the communes that took in its former district; with several, the
    // citizen must choose: the check refuses the address until they do.
    let (old, current) = (aligned(), current_units());
    let mut choices = 0;
    for p in old.provinces() {
        for d in &p.districts {
            for c in &d.communes {
                let conversion = old.commune_conversion(c.code).unwrap();
                if conversion.basis != ConversionBasis::District {
                    continue;
                }
                assert!(!conversion.successors.is_empty(), "{}", c.name);
                if conversion.successors.len() > 1 {
                    choices += 1;
                    let (pc, dc, cc) = (p.code.to_string(), d.code.to_string(), c.code.to_string());
                    let parts = OldAddressParts {
                        old_province: Some(&pc),
                        old_district: Some(&dc),
                        old_commune: Some(&cc),
                        ward: None,
                    };
                    assert_eq!(
                        old.check_old_address(&current, parts),
                        Err(("ward", OldAddressError::SuccessorMissing)),
                        "{}",
                        c.name
                    );
                }
            }
        }
    }
    assert!(choices > 0);
}

#[test]
fn a_whole_merger_converts_by_itself_and_a_split_asks_the_citizen() {
    let old = aligned();
    let current = current_units();
    // Phường Trúc Bạch, Quận Ba Đình: merged whole into new Phường Ba Đình, under its own code.
    let parts = |commune: &'static str, ward: Option<&'static str>| OldAddressParts {
        old_province: Some("01"),
        old_district: Some("001"),
        old_commune: Some(commune),
        ward,
    };
    assert_eq!(
        old.check_old_address(&current, parts("00004", None)),
        Ok((1, 4))
    );
    let truc_bach = old.commune_conversion(4).unwrap();
    assert_eq!(truc_bach.single().unwrap().note, "Nhập toàn bộ");

    // Phường Ngọc Hà was split: no silent default.
    let ngoc_ha = old.commune_conversion(16).unwrap();
    assert!(ngoc_ha.successors.len() > 1, "{ngoc_ha:?}");
    assert_eq!(
        old.check_old_address(&current, parts("00016", None)),
        Err(("ward", OldAddressError::SuccessorMissing))
    );
    let chosen = ngoc_ha.successors[1].ward_code.to_string();
    let chosen: &'static str = Box::leak(chosen.into_boxed_str());
    assert_eq!(
        old.check_old_address(&current, parts("00016", Some(chosen))),
        Ok((1, ngoc_ha.successors[1].ward_code))
    );
    assert_eq!(
        old.check_old_address(&current, parts("00016", Some("00070"))),
        Err(("ward", OldAddressError::SuccessorNotCandidate))
    );
}

#[test]
fn wrong_parts_are_named_and_tax_office_codes_refused() {
    let old = aligned();
    let current = current_units();
    let check = |p: &'static str, d: &'static str, c: &'static str| {
        old.check_old_address(
            &current,
            OldAddressParts {
                old_province: Some(p),
                old_district: Some(d),
                old_commune: Some(c),
                ward: None,
            },
        )
        .map(|_| ())
    };
    use OldAddressError as E;
    assert_eq!(
        check("", "001", "00004"),
        Err(("old_province", E::OldProvinceMissing))
    );
    assert_eq!(
        check("99", "001", "00004"),
        Err(("old_province", E::OldProvinceUnknown))
    );
    assert_eq!(
        check("01", "", "00004"),
        Err(("old_district", E::OldDistrictMissing))
    );
    // Quận Ba Đình is in Hà Nội, not Gia Lai.
    assert_eq!(
        check("64", "001", "00004"),
        Err(("old_district", E::OldDistrictNotInProvince))
    );
    assert_eq!(
        check("01", "001", ""),
        Err(("old_commune", E::OldCommuneMissing))
    );
    // Phường Hàng Bạc (00082) is in Quận Hoàn Kiếm, not Ba Đình.
    assert_eq!(
        check("01", "001", "00082"),
        Err(("old_commune", E::OldCommuneNotInDistrict))
    );
    assert_eq!(
        check("01", "001", "10105001"),
        Err(("old_commune", E::OldCommuneNotInDistrict))
    );
    // Huyện Côn Đảo had no communes: it became a special zone whole.
    let con_dao = old.district(755).unwrap();
    assert!(con_dao.1.communes.is_empty());
    assert_eq!(
        old.check_old_address(
            &current,
            OldAddressParts {
                old_province: Some("77"),
                old_district: Some("755"),
                ..OldAddressParts::default()
            }
        )
        .map(|(p, _)| p),
        Ok(79)
    );
}

#[test]
fn an_old_address_is_told_with_the_same_place_today() {
    let old = aligned();
    let answers: crate::form::Answers = [
        ("home.units", OLD_LIST),
        ("home.old_province", "1"),
        ("home.old_district", "1"),
        ("home.old_commune", "4"),
        ("home.province", "1"),
        ("home.ward", "4"),
        ("home.street", "5 Trấn Vũ"),
    ]
    .into_iter()
    .map(|(k, v)| (k.to_owned(), v.to_owned()))
    .collect();
    assert_eq!(
        old.old_and_new(&current_units(), "home", &answers),
        Some((
            "5 Trấn Vũ, Phường Trúc Bạch, Quận Ba Đình, Thành phố Hà Nội".to_owned(),
            "5 Trấn Vũ, Phường Ba Đình, Thành phố Hà Nội".to_owned()
        ))
    );
    let mut today = answers.clone();
    today.insert("home.units".into(), CURRENT_LIST.into());
    assert_eq!(old.old_and_new(&current_units(), "home", &today), None);
}

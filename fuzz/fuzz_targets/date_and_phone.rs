//! The date and mobile-number validators: never panic; an accepted value's normal form is
//! accepted again as the same value.
#![no_main]

use libfuzzer_sys::fuzz_target;
use motlan_core::validate::date::{format_date, iso, parse_date};
use motlan_core::validate::phone::parse_mobile;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    if let Ok(date) = parse_date(text) {
        assert_eq!(parse_date(&format_date(date)), Ok(date));
    }
    if let Some(date) = iso::parse(text) {
        assert_eq!(iso::parse(&date.to_string()), Some(date));
    }
    if let Ok(phone) = parse_mobile(text) {
        assert_eq!(parse_mobile(&phone), Ok(phone.clone()));
    }
});

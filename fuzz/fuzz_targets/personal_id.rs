//! The personal ID parser: never panics; what it accepts prints back to itself, and checking it
//! against any birth year and sex never panics either.
#![no_main]

use libfuzzer_sys::fuzz_target;
use motlan_core::personal_id::{PersonalId, Sex};

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    if let Ok(id) = PersonalId::parse(text) {
        let printed = id.to_string();
        assert_eq!(
            PersonalId::parse(&printed).map(|again| again.to_string()),
            Ok(printed)
        );
        for year in [1899, 1900, 1999, 2000, 2099, 2100, 2300] {
            let _ = id.check_holder(year, Sex::Female);
            let _ = id.check_holder(year, Sex::Male);
        }
    }
});

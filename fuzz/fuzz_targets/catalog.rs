//! The catalog loader: any TOML text is either a checked procedure or a list of problems, never a
//! panic.
#![no_main]

use libfuzzer_sys::fuzz_target;
use motlan_core::catalog::Catalog;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    match Catalog::from_files([("fuzz.toml", text)]) {
        Ok(catalog) => assert_eq!(catalog.procedures().len(), 1),
        Err(problems) => assert!(!problems.is_empty()),
    }
});

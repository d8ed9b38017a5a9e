//! The agency checker's readers: procedure records as JSON lines and as a portal export, and the
//! splitter of a document list into items. Never panic; every item is cleaned.
#![no_main]

use libfuzzer_sys::fuzz_target;
use motlan_audit::records::{read_lines, read_portal};
use motlan_audit::split::{clean_item, split_items};

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let _ = read_lines("fuzz.jsonl", text);
    let _ = read_portal("fuzz.json", text);
    for item in split_items(text) {
        assert!(!item.trim().is_empty(), "an empty item from {text:?}");
        let _ = clean_item(&item);
    }
});

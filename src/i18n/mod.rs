//! Every user-interface string, one catalog per language. A catalog is a value of [`Strings`],
//! so a string missing from one language is a compile error, not a blank on screen.

mod en;
mod vi;

use motlan_core::Lang;
use motlan_core::procedure::DataSource;

pub struct Strings {
    /// Label of the button that switches to the *other* language, in that language.
    pub switch_to_other: &'static str,
    pub app_name: &'static str,
    pub tagline: &'static str,
    pub skip_to_content: &'static str,
    pub sandbox_banner: &'static str,
    pub footer: &'static str,
    pub loading: &'static str,
    pub load_failed: &'static str,
    pub retry: &'static str,
    pub home_title: &'static str,
    pub home_lead: &'static str,
    pub search_label: &'static str,
    pub search_hint: &'static str,
    pub all_procedures: &'static str,
    pub no_results: fn(&str) -> String,
    pub result_count: fn(usize) -> String,
    pub processing_days: fn(u16) -> String,
    pub free: &'static str,
    pub online_fee: &'static str,
    pub reusable_summary: fn(usize, usize) -> String,
    pub summary_heading: &'static str,
    pub authority: &'static str,
    pub processing_time: &'static str,
    pub fee: &'static str,
    pub legal_basis: &'static str,
    pub documents_heading: &'static str,
    pub documents_lead: &'static str,
    pub not_needed: &'static str,
    pub may_be_needed: &'static str,
    pub held_by: &'static str,
    pub basis: &'static str,
    pub when_label: &'static str,
    pub start_filing: &'static str,
    pub submitting: &'static str,
    pub submit_failed: &'static str,
    pub confirmation_title: &'static str,
    pub dossier_code: &'static str,
    pub received_at: &'static str,
    pub confirmation_next: &'static str,
    pub back_to_home: &'static str,
    pub not_found_title: &'static str,
    pub not_found_body: &'static str,
    pub source_name: fn(DataSource) -> &'static str,
    pub sign_in: &'static str,
    pub sign_out: &'static str,
    pub signed_in_as: fn(&str) -> String,
    pub signing_in: &'static str,
    pub sign_in_failed: &'static str,
    pub sign_in_needed: &'static str,
    pub my_data: &'static str,
    pub consent_title: &'static str,
    pub consent_lead: &'static str,
    pub consent_data: &'static str,
    pub consent_why: &'static str,
    pub consent_save: &'static str,
    pub consent_saved: &'static str,
    pub consent_agree: fn(&str) -> String,
    pub data_use_title: &'static str,
    pub data_use_lead: &'static str,
    pub data_use_empty: &'static str,
    pub data_use_when: &'static str,
    pub data_use_source: &'static str,
    pub data_use_what: &'static str,
    pub data_use_for: &'static str,
    pub data_use_link: &'static str,
    pub consent_link: &'static str,
    pub waived_tag: &'static str,
    pub upload_tag: &'static str,
    pub only_if_tag: &'static str,
    pub held_for_you: &'static str,
    pub your_documents_lead: &'static str,
    pub consent_to_see: &'static str,
}

pub fn strings(lang: Lang) -> &'static Strings {
    match lang {
        Lang::Vi => &vi::STRINGS,
        Lang::En => &en::STRINGS,
    }
}

/// `10000` → `10.000 đ` (Vietnamese grouping, in both languages: it is the currency's own form).
pub fn money(amount: u64) -> String {
    let digits = amount.to_string();
    let mut grouped = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            grouped.push('.');
        }
        grouped.push(c);
    }
    format!("{grouped} đ")
}

/// `2026-11-24T08:41:50+07:00` → `08:41, 24/11/2026`: the time as written, in the offset the
/// server gave (Vietnam time). Anything else is shown unchanged rather than hidden.
pub fn date_time(rfc3339: &str) -> String {
    let parts = (
        rfc3339.get(0..4),
        rfc3339.get(5..7),
        rfc3339.get(8..10),
        rfc3339.get(11..16),
    );
    match parts {
        (Some(y), Some(m), Some(d), Some(hm)) if rfc3339.as_bytes().get(10) == Some(&b'T') => {
            format!("{hm}, {d}/{m}/{y}")
        }
        _ => rfc3339.to_owned(),
    }
}

//! Every user-interface string, one catalog per language. A catalog is a value of [`Strings`],
//! so a string missing from one language is a compile error, not a blank on screen.

#[cfg(feature = "journey")]
pub mod address;
pub mod catalog;
mod en;
#[cfg(feature = "journey")]
pub mod help;
mod vi;

use motlan_core::Lang;
use motlan_core::kinds::DataSource;
#[cfg(feature = "journey")]
use motlan_core::lifecycle::DossierStatus;

pub struct Strings {
    /// Label of the button that switches to the *other* language, in that language.
    pub switch_to_other: &'static str,
    pub app_name: &'static str,
    pub tagline: &'static str,
    pub skip_to_content: &'static str,
    pub sandbox_banner: &'static str,
    pub footer: &'static str,
    /// Footer links to volunteer-assisted filing.
    pub help_join_link: &'static str,
    pub volunteer_link: &'static str,
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
    /// A fee that depends on the case: the lowest and the highest amounts.
    pub fee_range: fn(&str, &str) -> String,
    pub online_fee: &'static str,
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
    pub back_to_home: &'static str,
    pub not_found_title: &'static str,
    pub not_found_body: &'static str,
    pub source_name: fn(DataSource) -> &'static str,
    pub sign_in: &'static str,
    pub sign_out: &'static str,
    /// The sign-out button once it warned about dossiers waiting to be sent.
    pub sign_out_anyway: &'static str,
    pub sign_out_warning: fn(u32) -> String,
    /// The header's link to the dossiers waiting to be sent.
    pub waiting_to_send: fn(u32) -> String,
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
    /// Beside a read made for a dossier filed with a volunteer's help.
    pub data_use_helper: fn(&str) -> String,
    pub data_use_link: &'static str,
    pub consent_link: &'static str,
    pub waived_tag: &'static str,
    pub upload_tag: &'static str,
    pub only_if_tag: &'static str,
    pub held_for_you: &'static str,
    pub your_documents_lead: &'static str,
    pub consent_to_see: &'static str,
    pub popular_heading: &'static str,
    pub filed_recently: fn(u64) -> String,
    pub my_dossiers: &'static str,
    /// Searching the whole catalog and its information pages.
    pub c: &'static catalog::Catalog,
    /// Which language this is (the journey's strings are found by it: [`Strings::j`]).
    pub lang: Lang,
}

#[cfg(feature = "journey")]
impl Strings {
    /// The filing journey's strings, only in the build that has it. Read through this function,
    /// which only the parts' pages call, so wasm-split moves them out of the first load with
    /// those pages.
    pub fn j(&self) -> &'static Journey {
        match self.lang {
            Lang::Vi => &vi::JOURNEY,
            Lang::En => &en::JOURNEY,
        }
    }
}

/// Strings of the filing journey, the dossier pages and "my dossiers": compiled only into the
/// browser's build (the server renders the public pages only), and only in the parts there.
#[cfg(feature = "journey")]
pub struct Journey {
    /// Volunteer-assisted filing.
    pub h: &'static help::Help,
    /// The agency review.
    pub review: &'static catalog::Review,
    /// Historical addresses (old names before 1 July 2025).
    pub a: &'static address::Addresses,
    pub popup_done_title: &'static str,
    pub popup_done_body: &'static str,
    /// Above an embedded form: whose service it is.
    pub embed_service_of: fn(&str) -> String,
    pub embed_service: &'static str,
    pub embed_open_full: &'static str,
    pub embed_new_tab: &'static str,
    pub embed_drafts: &'static str,
    pub embed_share: fn(&str) -> String,
    pub embed_share_hint: &'static str,
    pub popup_waiting: &'static str,
    pub popup_blocked: &'static str,
    pub popup_continue_tab: &'static str,
    pub submitting: &'static str,
    pub confirmation_title: &'static str,
    pub dossier_code: &'static str,
    pub received_at: &'static str,
    pub confirmation_next: &'static str,
    pub account_source: &'static str,
    pub appointment: &'static str,
    pub back: &'static str,
    pub change: &'static str,
    pub check_failed: &'static str,
    pub check_title: &'static str,
    pub checking: &'static str,
    pub choose: &'static str,
    pub confirm_continue: &'static str,
    pub confirmed: &'static str,
    pub consent_for_prefill: &'static str,
    pub continue_: &'static str,
    pub date_hint: &'static str,
    pub documents_step_lead: &'static str,
    pub documents_step_title: &'static str,
    pub dossier_title: &'static str,
    pub download: &'static str,
    pub draft_note: &'static str,
    pub draft_restored: &'static str,
    pub draft_unavailable: &'static str,
    pub error_prefix: &'static str,
    pub error_summary_title: &'static str,
    pub feedback: &'static str,
    pub female: &'static str,
    pub male: &'static str,
    pub file_hint: fn(u64) -> String,
    pub file_too_big: fn(u64) -> String,
    pub file_wrong_type: &'static str,
    pub files_count: fn(usize) -> String,
    pub filing_sign_in_title: &'static str,
    pub filing_sign_in_lead: &'static str,
    pub from_national_data: &'static str,
    pub from_source: &'static str,
    pub known_lead: &'static str,
    pub known_title: &'static str,
    pub my_dossiers_empty: &'static str,
    pub more_dossiers: &'static str,
    pub no: &'static str,
    pub yes: &'static str,
    pub not_answered: &'static str,
    pub not_needed_you: &'static str,
    pub not_paid: &'static str,
    pub not_right: &'static str,
    pub not_right_body: &'static str,
    pub officer_note: &'static str,
    pub optional: &'static str,
    pub paid: fn(&str, &str) -> String,
    pub pay_button: fn(&str) -> String,
    pub pay_lead: &'static str,
    /// The VietQR code beside the sandbox payment.
    pub pay_qr_lead: &'static str,
    pub pay_qr_sandbox: &'static str,
    pub pay_qr_details: fn(&str, &str, &str) -> String,
    pub pay_title: &'static str,
    pub print: &'static str,
    pub procedure_label: &'static str,
    pub province: &'static str,
    pub ward: &'static str,
    pub street: &'static str,
    pub qr_label: fn(&str) -> String,
    pub rated: fn(u8) -> String,
    pub rating_label: fn(u8) -> String,
    pub rating_question: &'static str,
    pub rating_send: &'static str,
    pub rating_title: &'static str,
    pub remove: &'static str,
    pub start_again: &'static str,
    pub status_label: &'static str,
    pub status_name: fn(DossierStatus) -> &'static str,
    pub step_of: fn(usize, usize) -> String,
    pub submit: &'static str,
    pub submit_lead: &'static str,
    pub submit_network: &'static str,
    pub queued_title: &'static str,
    pub queued_body: &'static str,
    pub queued_link: &'static str,
    pub outbox_title: &'static str,
    pub outbox_lead: &'static str,
    pub outbox_empty: &'static str,
    pub outbox_queued_at: &'static str,
    pub outbox_waiting: &'static str,
    pub outbox_refused: &'static str,
    pub outbox_cancel: &'static str,
    pub outbox_sign_in: &'static str,
    pub outbox_sent: &'static str,
    pub submit_title: &'static str,
    pub suggested: fn(&str) -> String,
    pub supplement_lead: &'static str,
    pub supplement_send: &'static str,
    pub supplement_title: &'static str,
    pub timeline: &'static str,
    pub upload_anyway: &'static str,
    pub upload_failed: &'static str,
    pub uploaded: &'static str,
    pub uploading: &'static str,
}

pub fn strings(lang: Lang) -> &'static Strings {
    match lang {
        Lang::Vi => &vi::STRINGS,
        Lang::En => &en::STRINGS,
    }
}

/// `10000` → `10.000 đ` (Vietnamese grouping, in both languages: it is the currency's own form).
pub fn money(amount: u64) -> String {
    format!("{} đ", motlan_core::text::group_thousands(amount))
}

/// A fee as the citizen reads it: "Miễn phí" ("Free") when there is none, else the amount.
pub fn fee(amount: u64, t: &Strings) -> String {
    if amount == 0 {
        t.free.to_owned()
    } else {
        money(amount)
    }
}

/// `2026-11-27` → `27/11/2026`.
#[cfg(feature = "journey")]
pub use motlan_core::text::day_month_year as day;

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

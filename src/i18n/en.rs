use motlan_core::procedure::DataSource;

use super::Strings;

pub static STRINGS: Strings = Strings {
    switch_to_other: "Tiếng Việt",
    app_name: "Một Lần",
    tagline: "File online without declaring again what the State already knows",
    skip_to_content: "Skip to main content",
    sandbox_banner: "Test version: the identity and national data here are simulated (SANDBOX).",
    footer: "Một Lần is open-source software. Dossiers go to the province's procedure-processing system.",
    loading: "Loading…",
    load_failed: "Could not load the data. Check your connection and try again.",
    retry: "Try again",
    home_title: "Which procedure do you need?",
    home_lead: "Find a procedure, see which papers you will not have to bring again, then file online.",
    search_label: "Search procedures",
    search_hint: "For example: birth, marriage, residence. Vietnamese with or without accents works too.",
    all_procedures: "Procedures",
    no_results: |q| {
        format!("No procedure found for “{q}”. Try another word, for example “khai sinh”.")
    },
    result_count: |n| {
        if n == 1 {
            "1 procedure".to_owned()
        } else {
            format!("{n} procedures")
        }
    },
    processing_days: |d| {
        if d == 1 {
            "1 working day".to_owned()
        } else {
            format!("{d} working days")
        }
    },
    free: "Free",
    online_fee: "online",
    reusable_summary: |reused, total| {
        format!("{reused} of {total} papers may not be needed: the State already holds the data")
    },
    summary_heading: "About this procedure",
    authority: "Handled by",
    processing_time: "Processing time",
    fee: "Fees",
    legal_basis: "Legal basis",
    documents_heading: "Papers to prepare",
    documents_lead: "You do not hand in again papers whose data the State already holds. After signing in you will see exactly which ones are on file.",
    not_needed: "Usually not needed",
    may_be_needed: "May be needed",
    held_by: "Data held by",
    basis: "Basis",
    when_label: "When",
    start_filing: "File this dossier",
    submitting: "Sending your dossier…",
    submit_failed: "Your dossier was not sent yet",
    confirmation_title: "Dossier received",
    dossier_code: "Dossier code",
    received_at: "Received at",
    confirmation_next: "Keep the dossier code to follow its progress.",
    back_to_home: "Back to the home page",
    not_found_title: "Page not found",
    not_found_body: "There is no page at this address. If you typed it, please check it.",
    source_name: |source| match source {
        DataSource::PopulationDb => "National population database",
        DataSource::CivilStatusDb => "Civil-status e-database",
        DataSource::Vneid => "VNeID app",
        DataSource::DataWarehouse => "Your electronic data warehouse",
        DataSource::ECertifiedCopy => "Electronically certified copy",
        DataSource::EarlierResult => "Result of an earlier procedure",
        DataSource::HealthFacility => "Health facility's electronic birth certificate",
    },
    sign_in: "Sign in with your electronic identity",
    sign_out: "Sign out",
    signed_in_as: |name| format!("Signed in: {name}"),
    signing_in: "Signing in…",
    sign_in_failed: "Signing in did not work. Please try again.",
    sign_in_needed: "Please sign in to see this page.",
    my_data: "My data",
    consent_title: "Allow the use of your data",
    consent_lead: "With your permission, the service reads data the State already holds to pre-fill your form, so you do not type it again or upload papers again. You choose each item; anything not chosen is not read. You can withdraw at any time.",
    consent_data: "Data read",
    consent_why: "Why",
    consent_save: "Save my choices",
    consent_saved: "Your choices are saved.",
    consent_agree: |title| format!("I agree: {title}"),
    data_use_title: "How your data was used",
    data_use_lead: "Every time the service read national data about you is recorded here: what, from where, when, and for which dossier.",
    data_use_empty: "No data has been read yet.",
    data_use_when: "When",
    data_use_source: "Source",
    data_use_what: "What was read",
    data_use_for: "For procedure, dossier",
    data_use_link: "See how your data was used",
    consent_link: "Manage what you allow",
    waived_tag: "Not needed",
    upload_tag: "To upload",
    only_if_tag: "Only in some cases",
    held_for_you: "Already held",
    your_documents_lead: "This is the status of your own papers, from the data you allowed the service to read.",
    consent_to_see: "Allow your data to be read to see exactly which papers are already held",
};

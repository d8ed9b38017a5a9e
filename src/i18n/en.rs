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
};

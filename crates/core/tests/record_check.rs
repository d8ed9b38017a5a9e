//! Every procedure with a form, against the national record shipped in `national-catalog/`: each
//! listed document mapped to one of the form's documents or explained, each differing fact
//! explained with its legal basis (`crates/core/catalog/records/{code}.toml`). A new procedure
//! cannot be added without its mapping. `cargo test -p motlan-core --all-features --test
//! record_check -- --nocapture` prints the mapping for review.
#![cfg(all(feature = "checker", feature = "embedded-catalog"))]

use std::collections::HashMap;
use std::io::Read as _;

use motlan_core::catalog::Catalog;
use motlan_core::checker::record_check::{CommonMapping, RecordMapping, compare};
use motlan_core::checker::{NationalRecord, RuleSet, classify_all};

const CRAWL: &[u8] = include_bytes!("../../../national-catalog/dvc-crawl-2026-06.jsonl.gz");

fn records() -> HashMap<String, NationalRecord> {
    let mut text = String::new();
    flate2::read::GzDecoder::new(CRAWL)
        .read_to_string(&mut text)
        .expect("the crawl is gzip text");
    let (records, problems) = NationalRecord::parse_all(&text);
    assert!(problems.is_empty(), "{problems:?}");
    records.into_iter().map(|r| (r.code.clone(), r)).collect()
}

#[test]
fn every_procedure_matches_its_national_record_or_says_why_not() {
    let catalog = Catalog::embedded().expect("the catalog is valid");
    let records = records();
    let rules = RuleSet::builtin();
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/catalog/records");
    let common: CommonMapping = toml::from_str(
        &std::fs::read_to_string(format!("{dir}/common.toml")).expect("records/common.toml"),
    )
    .expect("records/common.toml is valid");
    let mut problems = Vec::new();
    for procedure in catalog.procedures() {
        let code = procedure.code.as_str();
        let path = format!("{dir}/{code}.toml");
        let Ok(text) = std::fs::read_to_string(&path) else {
            problems.push(format!(
                "{code}: no mapping to its national record ({path})"
            ));
            continue;
        };
        let mapping: RecordMapping = match toml::from_str(&text) {
            Ok(m) => m,
            Err(e) => {
                problems.push(format!("{path}: {e}"));
                continue;
            }
        };
        let Some(record) = records.get(&mapping.record) else {
            problems.push(format!(
                "{code}: record {} is not in the crawl",
                mapping.record
            ));
            continue;
        };
        let documents = classify_all(&rules, &record.name, &record.documents);
        let comparison = compare(procedure, record, &documents, &mapping, &common);
        println!(
            "\n{code} {} ↔ record {} ({})",
            procedure.name.vi, record.code, mapping.crawl
        );
        for (item, what) in &comparison.mapping {
            println!("  {item:.90}\n      {what}");
        }
        problems.extend(comparison.problems);
    }
    assert!(problems.is_empty(), "\n{}", problems.join("\n"));
}

#[test]
fn an_unexplained_item_or_fact_and_a_stale_explanation_fail() {
    let catalog = Catalog::embedded().expect("the catalog is valid");
    let records = records();
    let procedure = catalog.get("3.000347").expect("licence exchange");
    let record = &records["3.000347"];
    let documents = classify_all(&RuleSet::builtin(), &record.name, &record.documents);
    let common = CommonMapping::default();
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/catalog/records");
    let text = std::fs::read_to_string(format!("{dir}/3.000347.toml")).unwrap();
    let good: RecordMapping = toml::from_str(&text).unwrap();
    assert!(
        compare(procedure, record, &documents, &good, &common)
            .problems
            .is_empty()
    );

    let mut forgotten = good.clone();
    forgotten
        .document
        .retain(|d| d.maps_to.as_deref() != Some("health_certificate"));
    forgotten.fact.retain(|f| f.fact != "level");
    let problems = compare(procedure, record, &documents, &forgotten, &common).problems;
    assert!(
        problems.iter().any(|p| p.contains("Giấy khám sức khỏe")),
        "{problems:?}"
    );
    assert!(
        problems.iter().any(|p| p.contains("level differs")),
        "{problems:?}"
    );

    let mut stale = good.clone();
    stale.fact[0].fact = "processing_days".to_owned();
    stale.document[0].maps_to = Some("no_such_document".to_owned());
    let problems = compare(procedure, record, &documents, &stale, &common).problems;
    assert!(
        problems.iter().any(|p| p.contains("no longer differs")),
        "{problems:?}"
    );
    assert!(
        problems.iter().any(|p| p.contains("no_such_document")),
        "{problems:?}"
    );
}

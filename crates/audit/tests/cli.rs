//! Runs the `motlan-audit` binary on real records copied from the national procedure database,
//! including two broken lines, and checks what an agency would read in each format.

use std::process::Command;

use serde_json::Value;

fn run(args: &[&str]) -> (bool, String, String) {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures");
    let output = Command::new(env!("CARGO_BIN_EXE_motlan-audit"))
        .args(args)
        .args([
            format!("{dir}/crawl-sample.jsonl"),
            format!("{dir}/portal-1.001193.json"),
        ])
        .output()
        .expect("the binary runs");
    (
        output.status.success(),
        String::from_utf8(output.stdout).unwrap(),
        String::from_utf8(output.stderr).unwrap(),
    )
}

#[test]
fn the_json_report_classifies_each_document_and_lists_unreadable_records() {
    let (ok, out, err) = run(&["--format", "json"]);
    assert!(ok, "{err}");
    let report: Value = serde_json::from_str(&out).unwrap();
    let procedures = report["procedures"].as_array().unwrap();
    assert_eq!(
        procedures.len(),
        5,
        "four crawled records and one portal record"
    );
    let birth = procedures.iter().find(|p| p["code"] == "1.001193").unwrap();
    let docs = birth["documents"].as_array().unwrap();
    let find = |needle: &str| {
        docs.iter()
            .find(|d| d["text"].as_str().unwrap().contains(needle))
            .unwrap_or_else(|| panic!("{needle}"))
    };
    assert_eq!(find("Giấy chứng sinh;")["class"], "reusable");
    assert_eq!(find("Giấy chứng sinh;")["source"], "health_facility");
    assert_eq!(find("Văn bản ủy quyền")["class"], "upload");
    for d in docs {
        for key in ["text", "class", "source", "rule"] {
            assert!(d.get(key).is_some(), "{key} missing in {d}");
        }
    }
    let summary = &report["summary"];
    assert_eq!(summary["unreadable"].as_array().unwrap().len(), 2);
    let total: u64 = [
        "reusable",
        "abolished",
        "upload",
        "unclear",
        "not_a_document",
    ]
    .iter()
    .map(|c| summary["by_class"][c].as_u64().unwrap())
    .sum();
    assert_eq!(total, summary["documents"].as_u64().unwrap());
    // Every rule that decided is named with its basis; records of the crawl name their ministry.
    assert!(summary["by_rule"]["identity-paper"]["basis"].is_string());
    assert!(!summary["by_ministry"].as_array().unwrap().is_empty());
    assert!(
        summary["asking_for_reusable"]
            .as_array()
            .unwrap()
            .iter()
            .any(|c| c == "1.001193")
    );
}

#[test]
fn markdown_and_csv_reports_carry_the_same_items() {
    let (ok, md, _) = run(&[]);
    assert!(ok);
    assert!(md.starts_with("# Báo cáo rà soát"));
    assert!(md.contains("## 1.004222 Đăng ký thường trú"));
    assert!(md.contains("Bản ghi không đọc được / Unreadable records"));
    let (ok, csv, _) = run(&["--format", "csv"]);
    assert!(ok);
    let (_, json, _) = run(&["--format", "json"]);
    let report: Value = serde_json::from_str(&json).unwrap();
    let rows = csv::Reader::from_reader(csv.as_bytes()).records().count();
    assert_eq!(
        rows as u64,
        report["summary"]["documents"].as_u64().unwrap()
    );
}

#[test]
fn a_broken_rules_file_is_a_clear_error() {
    let dir = std::env::temp_dir().join(format!("motlan-audit-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let rules = dir.join("bad.toml");
    std::fs::write(&rules, "[[upload]]\nid = \"x\"\n").unwrap();
    let (ok, _, err) = run(&["--rules", rules.to_str().unwrap()]);
    assert!(!ok);
    assert!(
        err.contains("bad.toml") && err.contains("matches nothing"),
        "{err}"
    );
}

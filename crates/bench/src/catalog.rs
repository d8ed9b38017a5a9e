//! The national catalog: reading and classifying all 2,642 records (the audit), searching every
//! procedure name as the server does, and the checker's figures on the labelled set.

use std::hint::black_box;
use std::time::{Duration, Instant};

use motlan_core::api::Class;
use motlan_core::catalog::Catalog;
use motlan_core::checker::evaluation::{Evaluation, read_labelled};
use motlan_core::checker::{NationalRecord, RuleSet, classify_all};
use motlan_server::directory::Directory;
use motlan_server::national_catalog::NationalCatalog;

const LABELLED: &str = include_str!("../../core/tests/data/checker-labelled.jsonl");

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

fn us(d: Duration) -> f64 {
    d.as_secs_f64() * 1_000_000.0
}

pub fn report(catalog: &Catalog) {
    let started = Instant::now();
    let national = NationalCatalog::load(None).expect("the built-in crawl");
    let load = started.elapsed();
    let documents: usize = national.entries().iter().map(|e| e.documents.len()).sum();
    println!(
        "national catalog: {} records, {} document items read and classified at start in {:.0} ms",
        national.entries().len(),
        documents,
        ms(load)
    );
    // The audit alone: classifying every item of every record (target: under 1 s).
    let rules = RuleSet::builtin();
    let records: Vec<&NationalRecord> = national.entries().iter().map(|e| &e.record).collect();
    let started = Instant::now();
    let classified: usize = records
        .iter()
        .map(|r| black_box(classify_all(&rules, &r.name, &r.documents)).len())
        .sum();
    println!(
        "  audit of all {} records ({classified} items): {:.0} ms",
        records.len(),
        ms(started.elapsed())
    );
    search(catalog, &national);
    checker();
}

fn search(catalog: &Catalog, national: &NationalCatalog) {
    let started = Instant::now();
    let directory = Directory::new(catalog, national);
    println!(
        "\nsearch: every procedure ({} names: forms here and the national catalog), index built in {:.1} ms (target p99 ≤ 5 ms)",
        directory.len(),
        ms(started.elapsed())
    );
    println!(
        "  {:<28} {:>6} {:>10} {:>10}",
        "query", "hits", "median µs", "p99 µs"
    );
    for query in [
        "cap lai the can cuoc",
        "ho chieu",
        "dang ky xe",
        "dang ky ho kinh doanh",
        "dang ky khai sinh",
        "Giấy phép lái xe",
        "giay",
        "1.001193",
        "xyzzy khong co",
    ] {
        let hits = directory.search(Some(query)).len();
        let mut times: Vec<Duration> = (0..500)
            .map(|_| {
                let t = Instant::now();
                black_box(directory.search(black_box(Some(query))));
                t.elapsed()
            })
            .collect();
        times.sort();
        println!(
            "  {:<28} {:>6} {:>10.1} {:>10.1}",
            query,
            hits,
            us(times[times.len() / 2]),
            us(times[times.len() * 99 / 100])
        );
    }
}

fn checker() {
    let set = read_labelled(LABELLED).expect("the labelled set reads");
    let eval = Evaluation::run(&RuleSet::builtin(), &set);
    println!(
        "\nchecker on the labelled set ({} items; rows as labelled, columns as classified):",
        eval.items
    );
    for line in eval.to_markdown().lines() {
        println!("  {line}");
    }
    println!(
        "  reusable: precision {:.1}% (floor 97%), recall {:.1}% (floor 90%); named the wrong system: {}",
        100.0 * eval.precision(Class::Reusable),
        100.0 * eval.recall(Class::Reusable),
        eval.wrong_source
    );
}

//! `cargo xtask bench` runs this in release mode. It prints numbers, it does not assert them:
//! targets are judged by people reading the output, not by timed tests that flake on busy machines.
//!
//! - national catalog: reading and classifying the 2,642 records at start, the audit alone
//!   (target: under 1 s), searching all 2,652 procedure names (target: p99 ≤ 5 ms), and the
//!   checker's confusion table on the labelled set (reusable: precision ≥ 97%, recall ≥ 90%)
//! - effort: questions typed and documents uploaded per catalog procedure, before and after
//!   national data does its part (target: at least 60% fewer typed questions)
//! - bundle (`--bundle DIR [--floor DIR]`): the web app's transfer sizes, gzip and Brotli: the
//!   first load and its first bundle (target 150 KB) beside the smallest app on the same stack,
//!   and each part loaded on demand (the filing's target: 200 KB)
//! - uploads (`--uploads SERVER`): the server's memory under 16 concurrent 10 MiB uploads
//! - durability (`--durability ROUNDS SERVER`): kill -9 during concurrent submissions, restart,
//!   every acknowledged dossier still there once with its code (asserted; run by `cargo xtask test`)
//! - two instances (`--two-instances SERVER POSTGRES_ADMIN_URL`): two servers on one PostgreSQL,
//!   requests alternating (asserted; run by `cargo xtask test`)
//! - scale (`--scale SERVER [POSTGRES_ADMIN_URL]`): search, procedure page, my dossiers, the
//!   officer list (first and deep page) and a submission at 10⁴, 10⁵ and 10⁶ dossiers, and the
//!   server's peak memory (target: flat within 2×, under 200 MB)
//! - load: dossier submissions per second and p50/p99 latency with 32 concurrent clients over
//!   HTTP on loopback, beside the raw rate of durable SQLite commits (target: 1,000/s, p99 < 50 ms)

use motlan_core::catalog::Catalog;
use motlan_core::effort::typical_effort;
use motlan_core::sandbox::{TYPICAL_FILERS, citizen};

mod bundle;
mod catalog;
mod durability;
mod instances;
mod load;
mod scale;
mod uploads;

#[tokio::main]
async fn main() {
    // `motlan-bench --bundle DIR [--floor DIR]`: only the transfer sizes of a built web app,
    // beside those of the smallest app on its stack (`crates/floor`, built by xtask).
    let args: Vec<String> = std::env::args().skip(1).collect();
    if let [flag, dir, rest @ ..] = args.as_slice()
        && flag == "--bundle"
    {
        let floor = match rest {
            [flag, floor] if flag == "--floor" => Some(std::path::Path::new(floor)),
            _ => None,
        };
        bundle::report(std::path::Path::new(dir), floor);
        return;
    }
    // `motlan-bench --durability ROUNDS SERVER [POSTGRES_ADMIN_URL]`: the kill -9 check.
    if let [flag, rounds, server, postgres @ ..] = args.as_slice()
        && flag == "--durability"
    {
        let rounds = rounds.parse().expect("a number of rounds");
        let postgres = postgres.first().map(String::as_str);
        durability::run(rounds, std::path::Path::new(server), postgres).await;
        return;
    }
    // `motlan-bench --two-instances SERVER POSTGRES_ADMIN_URL`: two servers on one database.
    if let [flag, server, postgres] = args.as_slice()
        && flag == "--two-instances"
    {
        instances::run(std::path::Path::new(server), postgres).await;
        return;
    }
    // `motlan-bench --scale SERVER [POSTGRES_ADMIN_URL]`: figures at 10⁴, 10⁵ and 10⁶ dossiers.
    if let [flag, server, postgres @ ..] = args.as_slice()
        && flag == "--scale"
    {
        scale::run(
            std::path::Path::new(server),
            postgres.first().map(String::as_str),
        )
        .await;
        return;
    }
    // `motlan-bench --uploads SERVER`: the server's memory under 16 concurrent 10 MiB uploads.
    if let [flag, server] = args.as_slice()
        && flag == "--uploads"
    {
        uploads::run(std::path::Path::new(server)).await;
        return;
    }
    // `motlan-bench --load`: only the submission load run (for profiling).
    if args.first().is_some_and(|a| a == "--load") {
        load::run().await;
        return;
    }
    let catalog = Catalog::embedded()
        .unwrap_or_else(|errors| panic!("{}", motlan_core::catalog::describe(&errors)));
    // `motlan-bench --effort`: only the effort table (no servers, no timing).
    if args.first().is_some_and(|a| a == "--effort") {
        effort(&catalog);
        return;
    }
    catalog::report(&catalog);
    effort(&catalog);
    load::run().await;
}

fn effort(catalog: &Catalog) {
    println!(
        "\neffort: typical case of each procedure, signed out vs. signed in as a sandbox citizen"
    );
    println!(
        "  {:<9} {:<5} {:>8} {:>10} {:>9} {:>6} {:>6} {:>10} {:>9}",
        "code",
        "who",
        "official",
        "typed out",
        "typed in",
        "cut",
        "docs",
        "upload out",
        "upload in"
    );
    let (mut official, mut typed_in, mut docs, mut upload_in) = (0, 0, 0, 0);
    for (code, who) in TYPICAL_FILERS {
        let procedure = catalog
            .get(code)
            .expect("typical filers name catalog procedures");
        let data = citizen(who)
            .expect("typical filers name sandbox citizens")
            .data;
        let (out, signed_in) = typical_effort(procedure, &data);
        println!(
            "  {:<9} {:<5} {:>8} {:>10} {:>9} {:>5}% {:>6} {:>10} {:>9}",
            code,
            who,
            signed_in.official_questions,
            out.typed_questions,
            signed_in.typed_questions,
            signed_in.typed_reduction_percent(),
            signed_in.official_documents,
            out.documents_to_upload,
            signed_in.documents_to_upload
        );
        official += signed_in.official_questions;
        typed_in += signed_in.typed_questions;
        docs += signed_in.official_documents;
        upload_in += signed_in.documents_to_upload;
    }
    println!(
        "  all: {official} official questions, {typed_in} typed: {}% fewer (target 60%, government target 20%); {docs} documents, {upload_in} to upload: {}% fewer",
        100 - typed_in * 100 / official.max(1),
        100 - upload_in * 100 / docs.max(1)
    );
}

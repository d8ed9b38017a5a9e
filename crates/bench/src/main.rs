//! `cargo xtask bench` runs this in release mode. It prints numbers, it does not assert them:
//! targets are judged by people reading the output, not by timed tests that flake on busy machines.
//!
//! - search: building the index over 3,000 procedure names and answering typical queries
//!   (target: well under 1 ms per query)
//! - effort: questions typed and documents uploaded per catalog procedure, before and after
//!   national data does its part (target: at least 60% fewer typed questions)
//! - bundle (`--bundle DIR`): the first-load transfer size of the web app, gzip (budget 250 KB)
//! - uploads (`--uploads SERVER`): the server's memory under 16 concurrent 10 MiB uploads
//! - durability (`--durability ROUNDS SERVER`): kill -9 during concurrent submissions, restart,
//!   every acknowledged dossier still there once with its code (asserted; run by `cargo xtask test`)
//! - load: dossier submissions per second and p50/p99 latency with 32 concurrent clients over
//!   HTTP on loopback, beside the raw rate of durable SQLite commits (target: 1,000/s, p99 < 50 ms)

use std::hint::black_box;
use std::time::{Duration, Instant};

use motlan_core::catalog::Catalog;
use motlan_core::effort::typical_effort;
use motlan_core::sandbox::{TYPICAL_FILERS, citizen};
use motlan_core::search::SearchIndex;

mod bundle;
mod durability;
mod load;
mod uploads;

#[tokio::main]
async fn main() {
    // `motlan-bench --bundle DIR`: only the first-load size of a built web app.
    let args: Vec<String> = std::env::args().skip(1).collect();
    if let [flag, dir] = args.as_slice()
        && flag == "--bundle"
    {
        bundle::report(std::path::Path::new(dir));
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
    // `motlan-bench --uploads SERVER`: the server's memory under 16 concurrent 10 MiB uploads.
    if let [flag, server] = args.as_slice()
        && flag == "--uploads"
    {
        uploads::run(std::path::Path::new(server)).await;
        return;
    }
    let catalog = Catalog::embedded()
        .unwrap_or_else(|errors| panic!("{}", motlan_core::catalog::describe(&errors)));
    search(&catalog);
    effort(&catalog);
    load::run().await;
}

/// 3,000 names: the real catalog names plus names built from the vocabulary of real procedures,
/// deterministic so runs compare.
fn names(catalog: &Catalog) -> Vec<(String, String)> {
    const ACTIONS: [&str; 12] = [
        "Cấp",
        "Cấp lại",
        "Cấp đổi",
        "Gia hạn",
        "Điều chỉnh",
        "Đăng ký",
        "Thu hồi",
        "Công nhận",
        "Phê duyệt",
        "Xác nhận",
        "Chấm dứt",
        "Thẩm định",
    ];
    const OBJECTS: [&str; 25] = [
        "giấy phép xây dựng",
        "giấy chứng nhận quyền sử dụng đất",
        "giấy phép lái xe",
        "chứng chỉ hành nghề",
        "giấy phép kinh doanh",
        "hộ kinh doanh",
        "giấy khai sinh",
        "thẻ bảo hiểm y tế",
        "giấy phép khai thác khoáng sản",
        "giấy phép môi trường",
        "chứng nhận an toàn thực phẩm",
        "giấy phép lao động",
        "trợ cấp xã hội",
        "giấy phép hoạt động giáo dục",
        "đăng ký tạm trú",
        "giấy phép khai thác nước dưới đất",
        "văn bằng bảo hộ",
        "chứng chỉ kiểm định viên",
        "giấy phép vận tải",
        "giấy chứng nhận đầu tư",
        "con dấu",
        "nhãn hiệu",
        "giấy phép biểu diễn",
        "giấy phép xuất bản",
        "giấy chứng nhận cơ sở đủ điều kiện",
    ];
    const LEVELS: [&str; 10] = [
        "cấp xã",
        "cấp tỉnh",
        "cấp bộ",
        "cho doanh nghiệp",
        "cho hộ gia đình",
        "cho cá nhân",
        "có yếu tố nước ngoài",
        "trực tuyến",
        "cho người nước ngoài",
        "tại cơ quan đại diện",
    ];
    let mut names: Vec<(String, String)> = catalog
        .procedures()
        .iter()
        .map(|p| (p.code.to_string(), p.name.vi.clone()))
        .collect();
    let mut i = 0usize;
    while names.len() < 3000 {
        let name = format!(
            "{} {} {}",
            ACTIONS[i % ACTIONS.len()],
            OBJECTS[(i / ACTIONS.len()) % OBJECTS.len()],
            LEVELS[(i * 7) % LEVELS.len()]
        );
        names.push((format!("9.{:06}", i), name));
        i += 1;
    }
    names
}

fn search(catalog: &Catalog) {
    let names = names(catalog);
    let started = Instant::now();
    let index = SearchIndex::new(names.iter().map(|(k, t)| (k.clone(), t.as_str())));
    let build = started.elapsed();
    println!(
        "search: index of {} procedure names built in {:.2} ms",
        index.len(),
        ms(build)
    );
    println!(
        "  {:<28} {:>6} {:>10} {:>10}",
        "query", "hits", "median µs", "p99 µs"
    );
    for query in [
        "dang ky khai sinh",
        "khai sinh",
        "Giấy phép lái xe",
        "cap lai giay phep",
        "thuong tru",
        "1.001193",
        "xyzzy khong co",
    ] {
        let hits = index.search(query).len();
        let mut times: Vec<Duration> = (0..2000)
            .map(|_| {
                let t = Instant::now();
                black_box(index.search(black_box(query)));
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

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1e3
}

fn us(d: Duration) -> f64 {
    d.as_secs_f64() * 1e6
}

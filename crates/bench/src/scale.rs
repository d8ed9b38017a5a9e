//! Growth (`motlan-bench --scale SERVER [POSTGRES_ADMIN_URL]`, run by `cargo xtask bench --scale`):
//! a fresh database filled with 10⁴, 10⁵ and 10⁶ dossiers (SQLite, and PostgreSQL when an admin
//! URL is given), then, against the real server process on it, p50/p99 of a catalog search, a
//! procedure page, "my dossiers", the officer list's first page and a page deep in it, and a
//! submission; and the server's peak memory. Target: every figure flat within 2× from 10⁴ to
//! 10⁶, memory under 200 MB. It prints; it asserts nothing.

use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};

use base64::Engine as _;
use hyper::{Method, StatusCode};
use hyper_util::client::legacy::Client;
use hyper_util::rt::TokioExecutor;
use sqlx::Connection as _;

use crate::durability::{fresh_database, start_with};
use crate::load::{HttpClient, call, lan_birth, sign_in};

const SIZES: [usize; 3] = [10_000, 100_000, 1_000_000];
const OFFICER: &str = "scale-officer-token";
const PROCEDURES: [&str; 5] = ["1.001193", "1.000894", "1.004222", "3.000347", "2.000635"];
/// Rows per INSERT: 7 values each, well under every engine's limit on bound values.
const ROWS: usize = 100;

/// Dossiers spread over past days, 5,000 a day, one in ten still waiting to be processed.
async fn fill(database: &str, n: usize) {
    let started = Instant::now();
    let mut conn = sqlx::AnyConnection::connect(database)
        .await
        .expect("the database opens");
    let today = time::OffsetDateTime::now_utc().date();
    let mut tx = conn.begin().await.expect("a transaction");
    for start in (0..n).step_by(ROWS) {
        let rows = ROWS.min(n - start);
        let mut values = Vec::new();
        let mut event_values = Vec::new();
        let mut dossiers = Vec::new();
        let mut events = Vec::new();
        for i in start..start + rows {
            let day = today - time::Duration::days(1 + (i / 5_000) as i64);
            let seq = i % 5_000 + 1;
            let code = format!(
                "000.00.20.H12-{:02}{:02}{:02}-{seq:04}",
                day.year() % 100,
                u8::from(day.month()),
                day.day()
            );
            let at = format!(
                "{day}T{:02}:{:02}:{:02}+07:00",
                7 + seq % 10,
                seq % 60,
                (seq / 60) % 60
            );
            let status = if i % 10 == 0 { "received" } else { "done" };
            let k = values.len();
            dossiers.push(format!(
                "(${}, ${}, '000.00.20.H12', ${}, ${}, '{{}}', '[]', 0, ${}, ${})",
                k + 1,
                k + 2,
                k + 3,
                k + 4,
                k + 5,
                k + 6
            ));
            let e = event_values.len();
            events.push(format!(
                "(${}, 1, ${}, 'received', 'Đã tiếp nhận', 'Received')",
                e + 1,
                e + 2
            ));
            event_values.extend([code.clone(), at.clone()]);
            values.extend([
                code,
                PROCEDURES[i % PROCEDURES.len()].to_owned(),
                format!("scale-owner-{}", i % 50_000),
                status.to_owned(),
                at,
                day.to_string(),
            ]);
        }
        for (table, rows, values) in [
            (
                "dossiers (code, procedure_code, unit_code, owner, status, answers, documents, fee, received_at, appointment_on)",
                &dossiers,
                &values,
            ),
            (
                "dossier_events (code, seq, at, status, note_vi, note_en)",
                &events,
                &event_values,
            ),
        ] {
            let statement = format!("INSERT INTO {table} VALUES {}", rows.join(", "));
            let mut query = sqlx::query(sqlx::AssertSqlSafe(statement));
            for v in values {
                query = query.bind(v.clone());
            }
            query.execute(&mut *tx).await.expect("rows inserted");
        }
    }
    tx.commit().await.expect("committed");
    println!(
        "  filled with {n} dossiers in {:.1} s",
        started.elapsed().as_secs_f64()
    );
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1e3
}

/// p50 and p99 of `times`, in ms.
fn percentiles(mut times: Vec<Duration>) -> (f64, f64) {
    times.sort();
    (
        ms(times[times.len() / 2]),
        ms(times[(times.len() * 99 / 100).min(times.len() - 1)]),
    )
}

/// Times `rounds` GETs of `url`, each expected to answer 200.
async fn time_get(
    client: &HttpClient,
    url: &str,
    headers: &[(&str, &str)],
    rounds: usize,
) -> (f64, f64) {
    let mut times = Vec::with_capacity(rounds);
    for _ in 0..rounds {
        let started = Instant::now();
        let (status, _, body) = call(client, Method::GET, url, headers, Vec::new()).await;
        times.push(started.elapsed());
        assert_eq!(
            status,
            StatusCode::OK,
            "{url}: {}",
            String::from_utf8_lossy(&body)
        );
    }
    percentiles(times)
}

/// The cursor of the officer list (`received_at\ncode`, URL-safe base64) at half depth.
async fn deep_cursor(database: &str, n: usize) -> String {
    let mut conn = sqlx::AnyConnection::connect(database)
        .await
        .expect("the database opens");
    let statement = format!(
        "SELECT received_at, code FROM dossiers WHERE status = 'received' ORDER BY received_at DESC, code DESC LIMIT 1 OFFSET {}",
        n / 20
    );
    let (at, code): (String, String) = sqlx::query_as(sqlx::AssertSqlSafe(statement))
        .fetch_one(&mut conn)
        .await
        .expect("a dossier half way down the list");
    base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(format!("{at}\n{code}"))
}

/// The server's peak resident memory, in MB.
fn peak_mb(pid: u32) -> f64 {
    std::fs::read_to_string(format!("/proc/{pid}/status"))
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("VmHWM:"))
                .and_then(|l| l.split_whitespace().nth(1))
                .and_then(|kb| kb.parse::<f64>().ok())
        })
        .map_or(f64::NAN, |kb| kb / 1024.0)
}

async fn size(server: &Path, postgres: Option<&str>, n: usize) {
    let dir = tempfile::tempdir().expect("temporary folder");
    let database = fresh_database(dir.path(), postgres, n).await;
    let flags = ["--officer-token", OFFICER];
    // Once to create the tables, then filled, then started again to be measured.
    let (mut first, _) = start_with(server, &database, dir.path(), &flags);
    let _ = Command::new("kill")
        .args(["-TERM", &first.id().to_string()])
        .status();
    let _ = first.wait();
    fill(&database, n).await;
    let cursor = deep_cursor(&database, n).await;
    let (mut child, base) = start_with(server, &database, dir.path(), &flags);
    let client: HttpClient = Client::builder(TokioExecutor::new()).build_http();
    let token = sign_in(&client, &base).await;
    let citizen = format!("Bearer {token}");
    let officer = format!("Bearer {OFFICER}");
    let as_citizen = [("authorization", citizen.as_str())];
    let as_officer = [("authorization", officer.as_str())];
    // Lan's own dossiers, filed for real.
    let body = lan_birth();
    let mut submit = Vec::new();
    for i in 0..100 {
        let key = format!("scale-{n}-{i}");
        let headers = [
            ("authorization", citizen.as_str()),
            ("content-type", "application/json"),
            ("idempotency-key", key.as_str()),
        ];
        let started = Instant::now();
        let (status, _, answer) = call(
            &client,
            Method::POST,
            &format!("{base}/api/v1/dossiers"),
            &headers,
            body.clone(),
        )
        .await;
        submit.push(started.elapsed());
        assert_eq!(
            status,
            StatusCode::CREATED,
            "{}",
            String::from_utf8_lossy(&answer)
        );
    }
    let rounds = 100;
    let search = time_get(
        &client,
        &format!("{base}/api/v1/procedures?q=khai%20sinh"),
        &[],
        rounds,
    )
    .await;
    let procedure = time_get(
        &client,
        &format!("{base}/api/v1/procedures/1.001193"),
        &[],
        rounds,
    )
    .await;
    let mine = time_get(
        &client,
        &format!("{base}/api/v1/me/dossiers"),
        &as_citizen,
        rounds,
    )
    .await;
    let first_page = time_get(
        &client,
        &format!("{base}/api/v1/officer/dossiers?status=received"),
        &as_officer,
        rounds,
    )
    .await;
    let deep = time_get(
        &client,
        &format!("{base}/api/v1/officer/dossiers?status=received&cursor={cursor}"),
        &as_officer,
        rounds,
    )
    .await;
    let peak = peak_mb(child.id());
    let _ = Command::new("kill")
        .args(["-TERM", &child.id().to_string()])
        .status();
    let _ = child.wait();
    drop_database(postgres, &database).await;
    let submit = percentiles(submit);
    let cell = |(p50, p99): (f64, f64)| format!("{p50:>5.1} / {p99:<5.1}");
    println!(
        "  {n:>9}  {}  {}  {}  {}  {}  {}  {peak:>6.0}",
        cell(search),
        cell(procedure),
        cell(mine),
        cell(first_page),
        cell(deep),
        cell(submit),
    );
}

/// Frees a PostgreSQL database of a size already measured (a million dossiers take gigabytes).
async fn drop_database(admin: Option<&str>, database: &str) {
    let (Some(admin), Some((_, name))) = (admin, database.rsplit_once('/')) else {
        return;
    };
    if let Ok(mut conn) = sqlx::PgConnection::connect(admin).await {
        let _ = sqlx::query(sqlx::AssertSqlSafe(format!("DROP DATABASE {name}")))
            .execute(&mut conn)
            .await;
    }
}

pub async fn run(server: &Path, postgres: Option<&str>) {
    sqlx::any::install_default_drivers();
    for backend in [None, postgres]
        .into_iter()
        .enumerate()
        .filter_map(|(i, p)| (i == 0 || p.is_some()).then_some(p))
    {
        let name = if backend.is_some() {
            "PostgreSQL"
        } else {
            "SQLite"
        };
        println!(
            "\nscale ({name}): p50 / p99 in ms; the server's peak memory in MB (targets: flat within 2×, under 200 MB)"
        );
        println!(
            "  {:>9}  {:<13}  {:<13}  {:<13}  {:<13}  {:<13}  {:<13}  {:>6}",
            "dossiers",
            "search",
            "procedure",
            "my dossiers",
            "officer 1st",
            "officer deep",
            "submission",
            "peak"
        );
        for n in SIZES {
            size(server, backend, n).await;
        }
    }
}

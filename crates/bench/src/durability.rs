//! The kill -9 check (`motlan-bench --durability ROUNDS SERVER [POSTGRES_ADMIN_URL]`): a real
//! server process on a fresh database (SQLite, or PostgreSQL when an admin URL is given) takes
//! concurrent submissions with distinct idempotency keys and is killed with SIGKILL at a random
//! moment. Restarted on the same database, every dossier it acknowledged must still be there,
//! once, with the code it was given (a replay with the same key answers that code); SQLite's
//! integrity check must pass. It asserts: `cargo xtask test` runs a few rounds, `cargo xtask soak`
//! many.

use std::io::{BufRead as _, BufReader};
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use http_body_util::{BodyExt as _, Full};
use hyper::body::Bytes;
use hyper::{Method, Request, StatusCode};
use hyper_util::client::legacy::Client;
use hyper_util::rt::TokioExecutor;
use serde_json::Value;
use sqlx::Connection as _;

use crate::load::{HttpClient, lan_birth, sign_in};

const CLIENTS: usize = 16;

/// Starts the server on `database`; answers the child and its base address.
pub(crate) fn start(server: &Path, database: &str, dir: &Path) -> (Child, String) {
    start_with(server, database, dir, &[])
}

/// The same, with more flags.
pub(crate) fn start_with(
    server: &Path,
    database: &str,
    dir: &Path,
    extra: &[&str],
) -> (Child, String) {
    let units = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../.tools/vietnam-provinces/nested-divisions.json"
    );
    let mut child = Command::new(server)
        .args(["--addr", "127.0.0.1:0", "--database-url", database])
        .arg("--static-dir")
        .arg(dir)
        .arg("--agencies-file")
        .arg(dir.join("none.toml"))
        .arg("--units-file")
        .arg(units)
        .args(["--rate-limit-per-address", "1000000000"])
        .args(["--rate-limit-per-account", "1000000000"])
        .args(extra)
        .env("RUST_LOG", "error")
        .stdout(Stdio::piped())
        .spawn()
        .expect("the server starts");
    let stdout = child.stdout.take().expect("stdout");
    let mut line = String::new();
    BufReader::new(stdout)
        .read_line(&mut line)
        .expect("the server says where it listens");
    let base = line
        .split_whitespace()
        .find(|w| w.starts_with("http://"))
        .expect("listening on http://…")
        .to_owned();
    (child, base)
}

/// A submission that may meet a dead server: `None` when the connection fails.
pub(crate) async fn submit(
    client: &HttpClient,
    base: &str,
    token: &str,
    key: &str,
    body: &[u8],
) -> Option<(StatusCode, Value)> {
    let request = Request::builder()
        .method(Method::POST)
        .uri(format!("{base}/api/v1/dossiers"))
        .header("authorization", format!("Bearer {token}"))
        .header("content-type", "application/json")
        .header("idempotency-key", key)
        .body(Full::new(Bytes::from(body.to_vec())))
        .ok()?;
    let response = client.request(request).await.ok()?;
    let status = response.status();
    let bytes = response.into_body().collect().await.ok()?.to_bytes();
    Some((
        status,
        serde_json::from_slice(&bytes).unwrap_or(Value::Null),
    ))
}

/// A pseudo-random delay from the clock: where the kill lands differs every round.
fn kill_after() -> Duration {
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.subsec_nanos());
    Duration::from_millis(300 + u64::from(nanos % 1_200))
}

/// A fresh database: a SQLite file in `dir`, or a new PostgreSQL database.
pub(crate) async fn fresh_database(dir: &Path, postgres: Option<&str>, number: usize) -> String {
    let Some(admin) = postgres else {
        return format!("sqlite://{}", dir.join("durability.db").display());
    };
    let name = format!("motlan_kill_{}_{number}", std::process::id());
    let mut conn = sqlx::PgConnection::connect(admin)
        .await
        .expect("the PostgreSQL server answers");
    sqlx::query(sqlx::AssertSqlSafe(format!("CREATE DATABASE {name}")))
        .execute(&mut conn)
        .await
        .expect("a fresh database");
    let base = admin.rsplit_once('/').map_or(admin, |(base, _)| base);
    format!("{base}/{name}")
}

/// Rows and distinct codes of the dossiers table, and SQLite's integrity verdict.
async fn inspect(database: &str) -> (i64, i64, String) {
    let count = "SELECT COUNT(*), COUNT(DISTINCT code) FROM dossiers";
    if database.starts_with("sqlite:") {
        let mut db = sqlx::SqliteConnection::connect(database)
            .await
            .expect("the database opens");
        let integrity: String = sqlx::query_scalar("PRAGMA integrity_check")
            .fetch_one(&mut db)
            .await
            .expect("integrity check");
        let (rows, distinct) = sqlx::query_as(count)
            .fetch_one(&mut db)
            .await
            .expect("count");
        (rows, distinct, integrity)
    } else {
        let mut db = sqlx::PgConnection::connect(database)
            .await
            .expect("the database opens");
        let (rows, distinct) = sqlx::query_as(count)
            .fetch_one(&mut db)
            .await
            .expect("count");
        (rows, distinct, "ok".to_owned())
    }
}

async fn round(number: usize, server: &Path, postgres: Option<&str>) {
    let dir = tempfile::tempdir().expect("temporary folder");
    let database = fresh_database(dir.path(), postgres, number).await;
    let (mut child, base) = start(server, &database, dir.path());
    let client: HttpClient = Client::builder(TokioExecutor::new())
        .pool_max_idle_per_host(CLIENTS)
        .build_http();
    let token = Arc::new(sign_in(&client, &base).await);
    let body = Arc::new(lan_birth());
    let acknowledged: Arc<Mutex<Vec<(String, String)>>> = Arc::default();
    let tasks: Vec<_> = (0..CLIENTS)
        .map(|t| {
            let (client, base, token, body, acknowledged) = (
                client.clone(),
                base.clone(),
                Arc::clone(&token),
                Arc::clone(&body),
                Arc::clone(&acknowledged),
            );
            tokio::spawn(async move {
                for i in 0.. {
                    let key = format!("kill-{number}-{t}-{i}");
                    match submit(&client, &base, &token, &key, &body).await {
                        Some((StatusCode::CREATED, answer)) => {
                            let code = answer["code"].as_str().unwrap_or_default().to_owned();
                            acknowledged.lock().expect("list").push((key, code));
                        }
                        Some((status, answer)) => panic!("{status}: {answer}"),
                        None => break,
                    }
                }
            })
        })
        .collect();
    tokio::time::sleep(kill_after()).await;
    child.kill().expect("SIGKILL");
    let _ = child.wait();
    for task in tasks {
        task.await.expect("client task");
    }
    let acknowledged = std::mem::take(&mut *acknowledged.lock().expect("list"));

    let (mut restarted, base) = start(server, &database, dir.path());
    let client: HttpClient = Client::builder(TokioExecutor::new()).build_http();
    let token = sign_in(&client, &base).await;
    let mut codes = std::collections::BTreeSet::new();
    for (key, code) in &acknowledged {
        let (status, answer) = submit(&client, &base, &token, key, &body)
            .await
            .expect("the restarted server answers");
        assert_eq!(status, StatusCode::CREATED, "{key}: {answer}");
        assert_eq!(answer["code"], code.as_str(), "{key} kept its code");
        assert!(codes.insert(code.clone()), "{code} acknowledged twice");
    }
    let _ = Command::new("kill")
        .args(["-TERM", &restarted.id().to_string()])
        .status();
    let _ = restarted.wait();

    let (rows, distinct, integrity) = inspect(&database).await;
    assert_eq!(integrity, "ok");
    assert_eq!(rows, distinct, "no dossier code twice");
    assert!(
        rows as usize >= acknowledged.len(),
        "every acknowledged dossier stored"
    );
    let backend = if postgres.is_some() {
        "PostgreSQL"
    } else {
        "SQLite"
    };
    println!(
        "durability round {number} ({backend}): {} acknowledged before kill -9, all {} replayed with their codes after restart, \
         {rows} stored ({} in flight when killed), 0 lost, 0 duplicated, integrity ok",
        acknowledged.len(),
        codes.len(),
        rows as usize - acknowledged.len(),
    );
}

/// `rounds` kills with the server binary at `server`, on SQLite or on PostgreSQL.
pub async fn run(rounds: usize, server: &Path, postgres: Option<&str>) {
    for number in 1..=rounds {
        round(number, server, postgres).await;
    }
    println!("durability: {rounds} passed, 0 failed");
}

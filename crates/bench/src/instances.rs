//! Two servers on one PostgreSQL (`motlan-bench --two-instances SERVER POSTGRES_ADMIN_URL`), with
//! requests alternating between them, as behind a round-robin proxy. It asserts:
//!
//! - a token issued by one instance is accepted by the other (the sandbox's signing key is in the
//!   database);
//! - 50 concurrent submissions with one idempotency key make one dossier, every answer the same
//!   code (or "in progress" from the instance already handling it);
//! - 1,000 submissions with distinct keys make 1,000 dossiers whose codes are distinct and, with
//!   the first, numbered 1 to 1,001 without a gap;
//! - kill -9 of one instance during submissions loses no acknowledged dossier, and the numbering
//!   stays gap-free.

use std::collections::BTreeSet;
use std::path::Path;
use std::process::Command;
use std::sync::{Arc, Mutex};

use hyper::{Method, StatusCode};
use hyper_util::client::legacy::Client;
use hyper_util::rt::TokioExecutor;
use sqlx::Connection as _;

use crate::durability::{fresh_database, start_with, submit};
use crate::load::{HttpClient, call, lan_birth, sign_in};

/// The daily number at the end of a dossier code (`…-261130-0042` → 42).
fn number(code: &str) -> u32 {
    code.rsplit('-')
        .next()
        .and_then(|n| n.parse().ok())
        .unwrap_or_else(|| panic!("a dossier code: {code}"))
}

/// Codes of every stored dossier.
async fn stored(database: &str) -> Vec<String> {
    let mut db = sqlx::PgConnection::connect(database)
        .await
        .expect("the database opens");
    sqlx::query_scalar("SELECT code FROM dossiers ORDER BY code")
        .fetch_all(&mut db)
        .await
        .expect("codes")
}

fn assert_gap_free(codes: &[String]) {
    let numbers: BTreeSet<u32> = codes.iter().map(|c| number(c)).collect();
    assert_eq!(numbers.len(), codes.len(), "no code twice");
    let expected: BTreeSet<u32> = (1..=codes.len() as u32).collect();
    assert_eq!(
        numbers,
        expected,
        "numbered 1 to {} without a gap",
        codes.len()
    );
}

pub async fn run(server: &Path, postgres: &str) {
    let dir = tempfile::tempdir().expect("temporary folder");
    let database = fresh_database(dir.path(), Some(postgres), 0).await;
    let (a, base_a) = start_with(server, &database, dir.path(), &[]);
    // One public address for both, as behind a proxy: one issuer, one redirect address.
    let (b, base_b) = start_with(server, &database, dir.path(), &["--public-url", &base_a]);
    let mut a = Some(a);
    let client: HttpClient = Client::builder(TokioExecutor::new())
        .pool_max_idle_per_host(64)
        .build_http();
    let bases = [base_a.clone(), base_b.clone()];

    // A token from one instance on the other.
    let token = Arc::new(sign_in(&client, &base_a).await);
    let auth = [("authorization", format!("Bearer {token}"))];
    let auth: Vec<(&str, &str)> = auth.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let (status, _, _) = call(
        &client,
        Method::GET,
        &format!("{base_b}/api/v1/me"),
        &auth,
        Vec::new(),
    )
    .await;
    assert_eq!(
        status,
        StatusCode::OK,
        "a token issued by one instance works on the other"
    );
    println!("two instances: a token issued by instance A is accepted by instance B");

    // 50 concurrent submissions with one key.
    let body = Arc::new(lan_birth());
    let tasks: Vec<_> = (0..50)
        .map(|i| {
            let (client, base, token, body) = (
                client.clone(),
                bases[i % 2].clone(),
                Arc::clone(&token),
                Arc::clone(&body),
            );
            tokio::spawn(
                async move { submit(&client, &base, &token, "one-key-for-fifty", &body).await },
            )
        })
        .collect();
    let mut codes = BTreeSet::new();
    let mut in_progress = 0;
    for task in tasks {
        match task.await.expect("task").expect("an answer") {
            (StatusCode::CREATED, answer) => {
                codes.insert(answer["code"].as_str().unwrap_or_default().to_owned());
            }
            (StatusCode::CONFLICT, _) => in_progress += 1,
            (status, answer) => panic!("{status}: {answer}"),
        }
    }
    assert_eq!(codes.len(), 1, "one code for one key: {codes:?}");
    assert_eq!(stored(&database).await.len(), 1, "one dossier for one key");
    println!(
        "two instances: 50 concurrent submissions with one key, alternating → 1 dossier ({} answered with its code, {in_progress} \"in progress\")",
        50 - in_progress
    );

    // 1,000 distinct keys, 32 at a time, alternating.
    let next = Arc::new(std::sync::atomic::AtomicUsize::new(0));
    let tasks: Vec<_> = (0..32)
        .map(|_| {
            let (client, bases, token, body, next) = (
                client.clone(),
                bases.clone(),
                Arc::clone(&token),
                Arc::clone(&body),
                Arc::clone(&next),
            );
            tokio::spawn(async move {
                let mut mine = Vec::new();
                loop {
                    let i = next.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                    if i >= 1_000 {
                        break mine;
                    }
                    let key = format!("distinct-{i}");
                    match submit(&client, &bases[i % 2], &token, &key, &body).await {
                        Some((StatusCode::CREATED, answer)) => {
                            mine.push(answer["code"].as_str().unwrap_or_default().to_owned());
                        }
                        other => panic!("{key}: {other:?}"),
                    }
                }
            })
        })
        .collect();
    let mut answered = BTreeSet::new();
    for task in tasks {
        answered.extend(task.await.expect("task"));
    }
    assert_eq!(answered.len(), 1_000, "1,000 distinct codes");
    let all = stored(&database).await;
    assert_eq!(all.len(), 1_001);
    assert_gap_free(&all);
    println!(
        "two instances: 1,000 submissions with distinct keys, alternating → 1,000 distinct codes, 1 to 1,001 without a gap"
    );

    // kill -9 of instance A while both take submissions.
    let acknowledged: Arc<Mutex<Vec<String>>> = Arc::default();
    let tasks: Vec<_> = (0..16)
        .map(|t| {
            let (client, bases, token, body, acknowledged) = (
                client.clone(),
                bases.clone(),
                Arc::clone(&token),
                Arc::clone(&body),
                Arc::clone(&acknowledged),
            );
            tokio::spawn(async move {
                for i in 0..120 {
                    let key = format!("kill-{t}-{i}");
                    // After a failure on A, the proxy would send the retry to B: so does this.
                    for base in [&bases[(t + i) % 2], &bases[1]] {
                        if let Some((status, answer)) =
                            submit(&client, base, &token, &key, &body).await
                        {
                            assert_eq!(status, StatusCode::CREATED, "{key}: {answer}");
                            acknowledged
                                .lock()
                                .expect("list")
                                .push(answer["code"].as_str().unwrap_or_default().to_owned());
                            break;
                        }
                    }
                }
            })
        })
        .collect();
    tokio::time::sleep(std::time::Duration::from_millis(400)).await;
    if let Some(mut a) = a.take() {
        a.kill().expect("SIGKILL");
        let _ = a.wait();
    }
    for task in tasks {
        task.await.expect("client task");
    }
    let acknowledged = std::mem::take(&mut *acknowledged.lock().expect("list"));
    let all = stored(&database).await;
    let kept: BTreeSet<&String> = all.iter().collect();
    for code in &acknowledged {
        assert!(kept.contains(code), "{code} was acknowledged and is stored");
    }
    assert_eq!(
        acknowledged.len(),
        1_920,
        "every submission acknowledged by one instance or the other"
    );
    assert_gap_free(&all);
    println!(
        "two instances: kill -9 of instance A during 1,920 submissions → every acknowledged dossier stored, {} in all, numbered without a gap",
        all.len()
    );
    let mut b = b;
    let _ = Command::new("kill")
        .args(["-TERM", &b.id().to_string()])
        .status();
    let _ = b.wait();
    println!("two instances: 4 passed, 0 failed");
}

//! The load run: dossier submissions over real HTTP on loopback against a server with a fresh
//! SQLite database (WAL, `synchronous=FULL`), 32 concurrent clients, each dossier a full
//! validation with national-data prefill, then the raw rate of durable SQLite commits on the same
//! machine, the physical limit the submissions are bounded by.

use std::sync::Arc;
use std::time::{Duration, Instant};

use base64::Engine as _;
use http_body_util::{BodyExt as _, Full};
use hyper::body::Bytes;
use hyper::{Method, Request, StatusCode};
use hyper_util::client::legacy::Client;
use hyper_util::client::legacy::connect::HttpConnector;
use hyper_util::rt::TokioExecutor;
use motlan_server::{AppState, Config, app};
use serde_json::{Value, json};
use sha2::Digest as _;
use sqlx::Connection as _;

const CLIENTS: usize = 32;
const SUBMISSIONS: usize = 4_000;

pub(crate) type HttpClient = Client<HttpConnector, Full<Bytes>>;

pub(crate) async fn call(
    client: &HttpClient,
    method: Method,
    url: &str,
    headers: &[(&str, &str)],
    body: Vec<u8>,
) -> (StatusCode, hyper::HeaderMap, Vec<u8>) {
    let mut request = Request::builder().method(method).uri(url);
    for (k, v) in headers {
        request = request.header(*k, *v);
    }
    let response = client
        .request(request.body(Full::new(Bytes::from(body))).expect("request"))
        .await
        .expect("response");
    let status = response.status();
    let headers = response.headers().clone();
    let body = response
        .into_body()
        .collect()
        .await
        .expect("body")
        .to_bytes()
        .to_vec();
    (status, headers, body)
}

/// Signs in as Lan through the sandbox code flow with PKCE and consents to every purpose.
/// Lan's birth registration: what she answers once national data has filled the rest.
pub(crate) fn lan_birth() -> Vec<u8> {
    json!({
        "procedure_code": "1.001193",
        "answers": {
            "requester.relation": "mother", "child.circumstance": "normal", "father.known": "yes",
            "child.full_name": "Trần Ngọc Anh", "copies": "1", "declaration": "yes"
        }
    })
    .to_string()
    .into_bytes()
}

pub(crate) async fn sign_in(client: &HttpClient, base: &str) -> String {
    let verifier = "load-benchmark-verifier-0123456789abcdefghijklmnop";
    let challenge = base64::engine::general_purpose::URL_SAFE_NO_PAD
        .encode(sha2::Sha256::digest(verifier.as_bytes()));
    let redirect = format!("{base}/dang-nhap");
    let form = format!(
        "citizen=lan&client_id=motlan-web&redirect_uri={redirect}&code_challenge={challenge}"
    );
    let form_type = [("content-type", "application/x-www-form-urlencoded")];
    let (_, headers, _) = call(
        client,
        Method::POST,
        &format!("{base}/sandbox/idp/authorize"),
        &form_type,
        form.into_bytes(),
    )
    .await;
    let location = headers["location"].to_str().expect("location");
    let code = location
        .split("code=")
        .nth(1)
        .expect("a code")
        .split('&')
        .next()
        .expect("code");
    let form = format!(
        "grant_type=authorization_code&code={code}&redirect_uri={redirect}&client_id=motlan-web&code_verifier={verifier}"
    );
    let (_, _, body) = call(
        client,
        Method::POST,
        &format!("{base}/sandbox/idp/token"),
        &form_type,
        form.into_bytes(),
    )
    .await;
    let token: Value = serde_json::from_slice(&body).expect("token JSON");
    let token = token["access_token"]
        .as_str()
        .expect("access token")
        .to_owned();
    for purpose in ["identity", "civil_status", "papers"] {
        let auth = format!("Bearer {token}");
        let (status, _, _) = call(
            client,
            Method::PUT,
            &format!("{base}/api/v1/me/consents/{purpose}"),
            &[
                ("authorization", &auth),
                ("content-type", "application/json"),
            ],
            br#"{"text_version":"2026-11-30"}"#.to_vec(),
        )
        .await;
        assert_eq!(status, StatusCode::OK);
    }
    token
}

pub async fn run() {
    let dir = tempfile::tempdir().expect("temporary folder");
    let units = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../.tools/vietnam-provinces/nested-divisions.json"
    );
    // Bound first: the identity sandbox accepts only the redirect address of the server's own
    // public address, which needs the port.
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
        .await
        .expect("bind");
    let base = format!("http://{}", listener.local_addr().expect("address"));
    let config = Config {
        addr: "127.0.0.1:0".parse().expect("address"),
        database_url: format!("sqlite://{}", dir.path().join("load.db").display()),
        static_dir: dir.path().to_path_buf(),
        receiving_unit: motlan_core::UnitCode::parse("000.00.20.H12").expect("unit"),
        public_url: Some(base.clone()),
        oidc_client_id: "motlan-web".to_owned(),
        oidc_issuer: None,
        oidc_jwks_refetch_seconds: 60,
        oidc_scopes: "openid profile".to_owned(),
        sandbox_signing_alg: motlan_server::identity::SandboxAlgorithm::Rs256,
        units_file: units.into(),
        holidays_file: None,
        national_catalog: None,
        max_upload_mb: 10,
        shutdown_grace_seconds: 10,
        body_timeout_seconds: 30,
        header_timeout_seconds: 10,
        rate_limit_per_address: 1_000_000_000,
        rate_limit_per_account: 1_000_000_000,
        cors_origins: Vec::new(),
        officer_token: None,
        help_code_seconds: 600,
        vietqr_bin: "970400".to_owned(),
        vietqr_account: "000000000000".to_owned(),
        oidc_redirect_uris: Vec::new(),
        uploads_dir: None,
        agencies_file: dir.path().join("agencies.toml"),
    };
    let state = AppState::new(&config).await.expect("server state");
    let router = app(state, dir.path());
    tokio::spawn(async move { axum_serve(listener, router).await });

    let client: HttpClient = Client::builder(TokioExecutor::new())
        .pool_max_idle_per_host(CLIENTS)
        .build_http();
    let token = Arc::new(sign_in(&client, &base).await);
    let body = Arc::new(lan_birth());
    let url = Arc::new(format!("{base}/api/v1/dossiers"));
    let next = Arc::new(std::sync::atomic::AtomicUsize::new(0));
    let started = Instant::now();
    let tasks: Vec<_> = (0..CLIENTS)
        .map(|_| {
            let (client, token, body, url, next) = (
                client.clone(),
                Arc::clone(&token),
                Arc::clone(&body),
                Arc::clone(&url),
                Arc::clone(&next),
            );
            tokio::spawn(async move {
                let mut latencies = Vec::new();
                let auth = format!("Bearer {token}");
                loop {
                    let i = next.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                    if i >= SUBMISSIONS {
                        break latencies;
                    }
                    let key = format!("load-{i}");
                    let t = Instant::now();
                    let (status, _, answer) = call(
                        &client,
                        Method::POST,
                        &url,
                        &[
                            ("authorization", &auth),
                            ("content-type", "application/json"),
                            ("idempotency-key", &key),
                        ],
                        body.to_vec(),
                    )
                    .await;
                    assert_eq!(
                        status,
                        StatusCode::CREATED,
                        "{}",
                        String::from_utf8_lossy(&answer)
                    );
                    latencies.push(t.elapsed());
                }
            })
        })
        .collect();
    let mut latencies = Vec::new();
    for task in tasks {
        latencies.extend(task.await.expect("client task"));
    }
    let elapsed = started.elapsed();
    latencies.sort();
    let at = |q: f64| latencies[((latencies.len() as f64 - 1.0) * q) as usize];
    println!(
        "\nload: {SUBMISSIONS} dossier submissions over HTTP on loopback, {CLIENTS} concurrent clients, SQLite (WAL, synchronous=FULL)"
    );
    println!(
        "  {:.0} submissions/s; latency p50 {:.1} ms, p99 {:.1} ms, max {:.1} ms",
        SUBMISSIONS as f64 / elapsed.as_secs_f64(),
        ms(at(0.5)),
        ms(at(0.99)),
        ms(at(1.0))
    );
    raw_sqlite(dir.path()).await;
}

async fn axum_serve(listener: tokio::net::TcpListener, router: axum::Router) {
    axum::serve(listener, router).await.expect("serve");
}

/// Sequential single-row transactions with the same durability settings: the most commits per
/// second this machine's disk allows one SQLite database.
async fn raw_sqlite(dir: &std::path::Path) {
    let url = format!("sqlite://{}?mode=rwc", dir.join("raw.db").display());
    let mut conn = sqlx::SqliteConnection::connect(&url)
        .await
        .expect("raw database");
    sqlx::raw_sql("PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL; CREATE TABLE t (id INTEGER PRIMARY KEY, body TEXT NOT NULL)")
        .execute(&mut conn)
        .await
        .expect("raw schema");
    let body = "x".repeat(600);
    let started = Instant::now();
    let mut commits = 0u32;
    while started.elapsed() < Duration::from_secs(3) {
        sqlx::query("INSERT INTO t (body) VALUES ($1)")
            .bind(&body)
            .execute(&mut conn)
            .await
            .expect("insert");
        commits += 1;
    }
    println!(
        "  physical limit on this machine: {:.0} durable SQLite commits/s (one row each, WAL, synchronous=FULL)",
        f64::from(commits) / started.elapsed().as_secs_f64()
    );
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1e3
}

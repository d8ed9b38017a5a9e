use std::path::PathBuf;

use axum::Router;
use axum::body::Body;
use axum::http::{HeaderMap, Request, StatusCode};
use http_body_util::BodyExt as _;
use motlan_server::{AppState, Config, app};
use serde_json::Value;
use tempfile::TempDir;
use tower::ServiceExt as _;

/// A server over a fresh database: a SQLite file in a temporary folder (removed on drop), or, when
/// `MOTLAN_TEST_POSTGRES` holds an administrator URL, a new PostgreSQL database on that server.
pub struct TestApp {
    pub router: Router,
    pub state: AppState,
    dir: TempDir,
    database_url: String,
}

pub struct TestResponse {
    pub status: StatusCode,
    pub headers: HeaderMap,
    pub json: Value,
}

impl TestApp {
    pub async fn new() -> Self {
        let dir = tempfile::tempdir().expect("temporary folder");
        let database_url = match std::env::var("MOTLAN_TEST_POSTGRES") {
            Ok(admin) => fresh_postgres_database(&admin).await,
            Err(_) => format!("sqlite://{}", dir.path().join("test.db").display()),
        };
        Self::open(dir, database_url).await
    }

    async fn open(dir: TempDir, database_url: String) -> Self {
        motlan_server::telemetry::init();
        let config = Config {
            addr: "127.0.0.1:0".parse().expect("address"),
            database_url: database_url.clone(),
            static_dir: PathBuf::from(dir.path()),
            receiving_unit: motlan_core::UnitCode::parse("000.00.20.H12").expect("unit"),
        };
        let state = AppState::new(&config).await.expect("server state");
        let router = app(state.clone(), &config.static_dir);
        Self {
            router,
            state,
            dir,
            database_url,
        }
    }

    /// Stops this server and starts a new one on the same database file.
    pub async fn restart(self) -> Self {
        let Self {
            router,
            state,
            dir,
            database_url,
        } = self;
        drop((router, state));
        Self::open(dir, database_url).await
    }

    pub async fn send(&self, request: Request<Body>) -> TestResponse {
        let response = self
            .router
            .clone()
            .oneshot(request)
            .await
            .expect("response");
        let status = response.status();
        let headers = response.headers().clone();
        let bytes = response
            .into_body()
            .collect()
            .await
            .expect("body")
            .to_bytes();
        let json = if bytes.is_empty() {
            Value::Null
        } else {
            serde_json::from_slice(&bytes)
                .unwrap_or_else(|_| Value::String(String::from_utf8_lossy(&bytes).into_owned()))
        };
        TestResponse {
            status,
            headers,
            json,
        }
    }

    pub async fn get(&self, uri: &str) -> TestResponse {
        self.send(Request::get(uri).body(Body::empty()).expect("request"))
            .await
    }

    /// `POST /api/v1/dossiers` with the given key (or none) and raw body.
    pub async fn submit(&self, key: Option<&str>, body: &str) -> TestResponse {
        let mut request =
            Request::post("/api/v1/dossiers").header("content-type", "application/json");
        if let Some(key) = key {
            request = request.header("idempotency-key", key);
        }
        self.send(request.body(Body::from(body.to_owned())).expect("request"))
            .await
    }
}

/// Creates an empty database named after a random number and returns its URL.
async fn fresh_postgres_database(admin: &str) -> String {
    use sqlx::Connection as _;
    use sqlx::Executor as _;
    let name = format!("motlan_test_{:016x}", rand_u64());
    let mut conn = sqlx::PgConnection::connect(admin)
        .await
        .expect("MOTLAN_TEST_POSTGRES must reach a PostgreSQL server");
    let statement = format!("CREATE DATABASE {name}");
    conn.execute(sqlx::AssertSqlSafe(statement))
        .await
        .expect("create a test database");
    let base = admin.rsplit_once('/').map_or(admin, |(base, _)| base);
    format!("{base}/{name}")
}

fn rand_u64() -> u64 {
    use std::hash::{BuildHasher as _, Hasher as _};
    let mut hasher = std::collections::hash_map::RandomState::new().build_hasher();
    hasher.write_u128(
        std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.as_nanos()),
    );
    hasher.finish()
}

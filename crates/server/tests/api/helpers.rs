use std::path::PathBuf;

use axum::Router;
use axum::body::Body;
use axum::http::{HeaderMap, Request, StatusCode};
use http_body_util::BodyExt as _;
use motlan_server::{AppState, Config, app};
use serde_json::Value;
use tempfile::TempDir;
use tower::ServiceExt as _;

/// A server over a fresh SQLite database in a temporary folder, removed on drop.
pub struct TestApp {
    pub router: Router,
    pub state: AppState,
    dir: TempDir,
}

pub struct TestResponse {
    pub status: StatusCode,
    pub headers: HeaderMap,
    pub json: Value,
}

impl TestApp {
    pub async fn new() -> Self {
        Self::open(tempfile::tempdir().expect("temporary folder")).await
    }

    async fn open(dir: TempDir) -> Self {
        let config = Config {
            addr: "127.0.0.1:0".parse().expect("address"),
            database_url: format!("sqlite://{}", dir.path().join("test.db").display()),
            static_dir: PathBuf::from(dir.path()),
            receiving_unit: motlan_core::UnitCode::parse("000.00.20.H12").expect("unit"),
        };
        let state = AppState::new(&config).await.expect("server state");
        let router = app(state.clone(), &config.static_dir);
        Self { router, state, dir }
    }

    /// Stops this server and starts a new one on the same database file.
    pub async fn restart(self) -> Self {
        let Self { router, state, dir } = self;
        drop((router, state));
        Self::open(dir).await
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

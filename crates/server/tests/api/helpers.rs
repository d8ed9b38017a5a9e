use std::path::PathBuf;

use axum::Router;
use axum::body::Body;
use axum::http::{HeaderMap, Request, StatusCode};
use http_body_util::BodyExt as _;
use motlan_core::text::percent_encode;
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
    config: Config,
}

pub struct TestResponse {
    pub status: StatusCode,
    pub headers: HeaderMap,
    pub json: Value,
}

impl TestApp {
    /// The folder holding this server's database file and uploads.
    pub fn folder(&self) -> &std::path::Path {
        self.dir.path()
    }

    pub async fn new() -> Self {
        Self::configured(|_, _| {}).await
    }

    /// A server whose configuration (and static folder) the test adjusts first.
    pub async fn configured(adjust: impl FnOnce(&std::path::Path, &mut Config)) -> Self {
        let dir = tempfile::tempdir().expect("temporary folder");
        let database_url = match std::env::var("MOTLAN_TEST_POSTGRES") {
            Ok(admin) => fresh_postgres_database(&admin).await,
            Err(_) => format!("sqlite://{}", dir.path().join("test.db").display()),
        };
        let mut config = Self::config(&dir, database_url);
        std::fs::write(&config.agencies_file, AGENCIES).expect("agencies file");
        adjust(dir.path(), &mut config);
        Self::open(dir, config).await
    }

    /// A configuration for a server run as a process would be (a real socket), with its folder.
    pub async fn process_config() -> (TempDir, Config) {
        let dir = tempfile::tempdir().expect("temporary folder");
        let database_url = match std::env::var("MOTLAN_TEST_POSTGRES") {
            Ok(admin) => fresh_postgres_database(&admin).await,
            Err(_) => format!("sqlite://{}", dir.path().join("test.db").display()),
        };
        let config = Self::config(&dir, database_url);
        std::fs::write(&config.agencies_file, AGENCIES).expect("agencies file");
        (dir, config)
    }

    fn config(dir: &TempDir, database_url: String) -> Config {
        Config {
            addr: "127.0.0.1:0".parse().expect("address"),
            database_url: database_url.clone(),
            static_dir: PathBuf::from(dir.path()),
            receiving_unit: motlan_core::UnitCode::parse("000.00.20.H12").expect("unit"),
            public_url: Some("http://motlan.test".to_owned()),
            oidc_client_id: "motlan-web".to_owned(),
            oidc_issuer: None,
            oidc_jwks_refetch_seconds: 60,
            oidc_scopes: "openid profile".to_owned(),
            sandbox_signing_alg: motlan_server::identity::SandboxAlgorithm::Rs256,
            units_file: PathBuf::from(concat!(
                env!("CARGO_MANIFEST_DIR"),
                "/../../.tools/vietnam-provinces/nested-divisions.json"
            )),
            holidays_file: None,
            national_catalog: None,
            max_upload_mb: 1,
            shutdown_grace_seconds: 1,
            body_timeout_seconds: 2,
            header_timeout_seconds: 1,
            rate_limit_per_address: 100_000,
            rate_limit_per_account: 100_000,
            cors_origins: vec!["https://dichvucong.agency.test".to_owned()],
            officer_token: Some(OFFICER.to_owned()),
            help_code_seconds: 600,
            vietqr_bin: "970400".to_owned(),
            vietqr_account: "000000000000".to_owned(),
            oidc_redirect_uris: Vec::new(),
            uploads_dir: Some(dir.path().join("uploads")),
            agencies_file: dir.path().join("agencies.toml"),
        }
    }

    async fn open(dir: TempDir, config: Config) -> Self {
        motlan_server::telemetry::init();
        let state = AppState::new(&config).await.expect("server state");
        let router = app(state.clone(), &config.static_dir);
        Self {
            router,
            state,
            dir,
            config,
        }
    }

    /// Stops this server and starts a new one on the same database file.
    pub async fn restart(self) -> Self {
        let Self {
            router,
            state,
            dir,
            config,
        } = self;
        drop((router, state));
        Self::open(dir, config).await
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

/// A PKCE verifier and its S256 challenge.
pub fn pkce() -> (String, String) {
    use base64::Engine as _;
    use sha2::Digest as _;
    let verifier = format!("verifier-{:016x}{:016x}-for-tests", rand_u64(), rand_u64());
    let challenge = base64::engine::general_purpose::URL_SAFE_NO_PAD
        .encode(sha2::Sha256::digest(verifier.as_bytes()));
    (verifier, challenge)
}

pub const OFFICER: &str = "officer-token-for-tests";

/// The agencies of every test server: a commune whose site embeds birth registration only, and a
/// department whose site embeds every procedure with an online form.
pub const AGENCIES: &str = r#"
[[agency]]
id = "xa-demo"
name = "UBND xã Demo"
name_en = "Demo Commune"
origins = ["http://localhost:8081"]
procedures = ["1.001193"]

[[agency]]
id = "so-tu-phap"
name = "Sở Tư pháp"
origins = ["https://stp.agency.test"]
procedures = ["*"]
"#;

pub const REDIRECT: &str = "http://motlan.test/dang-nhap";

impl TestApp {
    pub async fn post_form(&self, uri: &str, form: &str) -> TestResponse {
        self.send(
            Request::post(uri)
                .header("content-type", "application/x-www-form-urlencoded")
                .body(Body::from(form.to_owned()))
                .expect("request"),
        )
        .await
    }

    pub async fn get_with_token(&self, uri: &str, token: &str) -> TestResponse {
        self.get_with(uri, "authorization", &format!("Bearer {token}"))
            .await
    }

    /// `GET uri` with one request header.
    pub async fn get_with(&self, uri: &str, name: &str, value: &str) -> TestResponse {
        self.send(
            Request::get(uri)
                .header(name, value)
                .body(Body::empty())
                .expect("request"),
        )
        .await
    }

    /// Picks a demo citizen on the sandbox sign-in page and returns the authorization code.
    pub async fn authorize(&self, citizen: &str, challenge: &str) -> String {
        let response = self
            .post_form(
                "/sandbox/idp/authorize",
                &format!(
                    "citizen={citizen}&client_id=motlan-web&redirect_uri={}&code_challenge={challenge}&state=xyz",
                    percent_encode(REDIRECT)
                ),
            )
            .await;
        assert_eq!(response.status, StatusCode::SEE_OTHER, "{}", response.json);
        let location = response.headers["location"].to_str().expect("location");
        assert!(location.starts_with(REDIRECT), "{location}");
        assert!(location.ends_with("&state=xyz"), "{location}");
        location
            .split(['?', '&'])
            .find_map(|p| p.strip_prefix("code="))
            .expect("a code")
            .to_owned()
    }

    /// The whole sign-in: authorization with PKCE, then the token exchange. Returns the token.
    pub async fn sign_in(&self, citizen: &str) -> String {
        let (verifier, challenge) = pkce();
        let code = self.authorize(citizen, &challenge).await;
        let response = self
            .post_form(
                "/sandbox/idp/token",
                &format!(
                    "grant_type=authorization_code&code={code}&redirect_uri={}&client_id=motlan-web&code_verifier={verifier}",
                    percent_encode(REDIRECT)
                ),
            )
            .await;
        assert_eq!(response.status, StatusCode::OK, "{}", response.json);
        response.json["access_token"]
            .as_str()
            .expect("access token")
            .to_owned()
    }
}

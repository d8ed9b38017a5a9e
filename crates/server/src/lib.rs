//! The provincial API reference server: the JSON API under `/api/v1` and the citizen web app.

pub mod agencies;
mod clock;
mod config;
mod consent;
pub mod directory;
mod embed;
mod error;
mod guard;
mod html;
pub mod identity;
mod in_flight;
mod listener;
pub mod national;
pub mod national_catalog;
mod page_language;
mod pages;
pub mod parts;
mod qr;
mod routes;
pub mod security;
mod static_files;
pub mod storage;
pub mod telemetry;
mod tickets;

use std::sync::Arc;

use anyhow::Context as _;
use axum::Router;
use motlan_core::UnitCode;
use motlan_core::catalog::Catalog;
use motlan_core::validate::{AdminUnits, HolidayCalendar};
use tokio::net::TcpListener;
use tower_http::compression::CompressionLayer;
use tower_http::trace::TraceLayer;

pub use config::Config;
use storage::Storage;

/// What every handler can reach.
#[derive(Clone)]
pub struct AppState {
    pub catalog: Arc<Catalog>,
    /// The national procedure catalog, classified by the checker.
    pub national_catalog: Arc<national_catalog::NationalCatalog>,
    /// Every procedure, searchable: forms here first, then the national catalog.
    pub directory: Arc<directory::Directory>,
    pub storage: Storage,
    pub receiving_unit: UnitCode,
    /// The service's public address without a trailing slash, for links printed on receipts.
    pub public_url: String,
    pub in_flight: in_flight::InFlight,
    pub identity: Arc<identity::Identity>,
    pub national: Arc<dyn national::NationalData>,
    pub units: Arc<AdminUnits>,
    /// The units from before 1 July 2025 and what each is today (aligned with `units`).
    pub old_units: Arc<motlan_core::validate::old_units::OldUnits>,
    pub calendar: Arc<HolidayCalendar>,
    pub max_upload_bytes: usize,
    /// Where uploaded files are written (`tmp/` inside holds uploads in progress).
    pub uploads: Arc<std::path::PathBuf>,
    pub limits: Arc<security::Limits>,
    pub shell: Arc<security::WebShell>,
    pub cors_origins: Vec<String>,
    pub officer_token: Option<String>,
    /// Agencies allowed to embed forms on their sites.
    pub agencies: Arc<agencies::Agencies>,
    pub tickets: tickets::Tickets,
    /// Bumped on every change to a help session, so the volunteers' event streams look again.
    pub help_changes: Arc<tokio::sync::watch::Sender<u64>>,
    /// How long a help code may be used, in seconds.
    pub help_code_seconds: i64,
    /// Who receives fees paid by VietQR, and whether it is the demo account.
    pub payee: (motlan_core::vietqr::Payee, bool),
}

impl AppState {
    pub async fn new(config: &Config) -> anyhow::Result<Self> {
        let catalog = Catalog::embedded().map_err(|errors| {
            anyhow::anyhow!(
                "the embedded catalog is invalid:\n{}",
                motlan_core::catalog::describe(&errors)
            )
        })?;
        let storage = Storage::connect(&config.database_url)
            .await
            .context("cannot open the database (see --database-url)")?;
        let agencies = agencies::Agencies::read(&config.agencies_file, &catalog)?;
        let national_catalog = match &config.national_catalog {
            Some(path) => Arc::new(national_catalog::NationalCatalog::load(Some(path))?),
            None => national_catalog::NationalCatalog::built_in(),
        };
        for (line, problem) in &national_catalog.problems {
            tracing::warn!(line, problem, "national catalog: a record was skipped");
        }
        tracing::info!(
            procedures = national_catalog.entries().len(),
            skipped = national_catalog.problems.len(),
            "national catalog loaded"
        );
        let directory = Arc::new(directory::Directory::new(&catalog, &national_catalog));
        let identity = match &config.oidc_issuer {
            Some(issuer) => {
                identity::Identity::remote(
                    issuer,
                    &config.oidc_client_id,
                    &config.oidc_scopes,
                    std::time::Duration::from_secs(config.oidc_jwks_refetch_seconds),
                )
                .await?
            }
            None => {
                let at = clock::now_vietnam_rfc3339()?;
                let seeds = identity::Seeds {
                    ed25519: storage
                        .sandbox_signing_secret(
                            "sandbox",
                            &at,
                            identity::SigningKeys::fresh_ed25519_seed,
                        )
                        .await?,
                    rsa: storage
                        .sandbox_signing_secret(
                            "sandbox-rs256",
                            &at,
                            identity::SigningKeys::fresh_rsa_key,
                        )
                        .await?,
                };
                identity::Identity::sandbox(
                    &format!("{}/sandbox/idp", config.public_url()),
                    &config.oidc_client_id,
                    &config.oidc_scopes,
                    config.redirect_uris(),
                    identity::SigningKeys::from_seeds(&seeds, config.sandbox_signing_alg)?,
                )?
            }
        };
        identity::sandbox::register_volunteers(&identity, &storage).await?;
        let connect = identity_origins(&identity);
        let units = load_units(&config.units_file)?;
        Ok(Self {
            help_changes: Arc::new(tokio::sync::watch::Sender::new(0)),
            help_code_seconds: config.help_code_seconds,
            payee: (
                motlan_core::vietqr::Payee::new(&config.vietqr_bin, &config.vietqr_account)
                    .map_err(|e| anyhow::anyhow!("--vietqr-bin / --vietqr-account: {e}"))?,
                config.vietqr_bin == "970400",
            ),
            agencies: Arc::new(agencies),
            tickets: tickets::Tickets::default(),
            catalog: Arc::new(catalog),
            national_catalog,
            directory,
            storage,
            receiving_unit: config.receiving_unit.clone(),
            public_url: config.public_url(),
            in_flight: in_flight::InFlight::default(),
            identity: Arc::new(identity),
            national: Arc::new(national::Sandbox::new()),
            old_units: Arc::new(old_units(&units)?),
            units: Arc::new(units),
            calendar: Arc::new(match &config.holidays_file {
                Some(path) => {
                    let text = std::fs::read_to_string(path)
                        .with_context(|| format!("cannot read {}", path.display()))?;
                    HolidayCalendar::from_toml(&text)
                        .map_err(|e| anyhow::anyhow!("{}: {e}", path.display()))?
                }
                None => HolidayCalendar::embedded(),
            }),
            max_upload_bytes: config.max_upload_mb * 1024 * 1024,
            uploads: Arc::new(storage::files::prepare(&config.uploads_dir()).await?),
            limits: Arc::new(security::Limits::new(
                config.rate_limit_per_address,
                config.rate_limit_per_account,
            )),
            shell: Arc::new(security::WebShell::read(&config.static_dir, &connect)),
            cors_origins: config.cors_origins.clone(),
            officer_token: config.officer_token.clone().filter(|t| !t.is_empty()),
        })
    }
}

/// The origins besides the app's own that its pages talk to: a configured provider's token
/// endpoint (the app exchanges the code there from the browser).
fn identity_origins(identity: &identity::Identity) -> Vec<String> {
    if identity.is_sandbox() {
        return Vec::new();
    }
    reqwest::Url::parse(&identity.provider.token_endpoint)
        .map(|url| vec![url.origin().ascii_serialization()])
        .unwrap_or_default()
}

/// The units from before 1 July 2025 (compiled in, so decompressed and read once per process),
/// aligned with the list in force.
fn old_units(units: &AdminUnits) -> anyhow::Result<motlan_core::validate::old_units::OldUnits> {
    use motlan_core::validate::old_units::OldUnits;
    static PARSED: std::sync::OnceLock<Result<OldUnits, String>> = std::sync::OnceLock::new();
    PARSED
        .get_or_init(OldUnits::embedded)
        .clone()
        .and_then(|old| old.aligned_with(units))
        .map_err(|e| anyhow::anyhow!("the units before 1 July 2025: {e}"))
}

fn load_units(path: &std::path::Path) -> anyhow::Result<AdminUnits> {
    let text = std::fs::read_to_string(path).with_context(|| {
        format!(
            "cannot read the administrative-unit list {} (run `cargo xtask setup`, or pass --units-file)",
            path.display()
        )
    })?;
    AdminUnits::from_json(&text).map_err(|e| anyhow::anyhow!("{}: {e}", path.display()))
}

/// The script agency pages load to embed a form (`/embed.js`).
pub fn embed_script() -> &'static str {
    embed::SCRIPT
}

/// The whole HTTP application: the API, and the web app from `static_dir` (any path that is not
/// a file gets `index.html`, so the app's own routes survive a reload).
pub fn app(state: AppState, static_dir: &std::path::Path) -> Router {
    let web_app = static_files::router(static_dir, pages::router(state.clone(), static_dir));
    let mut limited = Router::new()
        .nest(
            "/api/v1",
            routes::router().layer(axum::middleware::from_fn_with_state(
                state.clone(),
                guard::api,
            )),
        )
        .merge(embed::router());
    // The sandbox provider is served only while it is the one in use.
    if state.identity.is_sandbox() {
        limited = limited.nest(
            "/sandbox/idp",
            identity::sandbox::router().layer(axum::middleware::from_fn(guard::no_store)),
        );
    }
    let limited = limited.layer(axum::middleware::from_fn_with_state(
        state.clone(),
        security::limit_by_address,
    ));
    let mut router = limited
        .fallback_service(web_app)
        .with_state(state.clone())
        .layer(CompressionLayer::new())
        .layer(axum::middleware::from_fn(guard::request_limits));
    router = router.layer(axum::middleware::from_fn_with_state(
        Arc::clone(&state.shell),
        security::apply_headers,
    ));
    if let Some(cors) = security::cors(&state.cors_origins) {
        router = router.layer(cors);
    }
    // Spans name the matched route, never the URI: paths carry dossier codes and queries carry
    // search words, which stay out of the logs.
    router.layer(
        TraceLayer::new_for_http().make_span_with(|request: &axum::http::Request<_>| {
            let route = request
                .extensions()
                .get::<axum::extract::MatchedPath>()
                .map_or("(static or unknown)", |p| p.as_str());
            tracing::info_span!("request", method = %request.method(), route)
        }),
    )
}

/// Opens storage, binds, prints `listening on http://ADDR` on standard output (tools read that
/// line to find a port chosen with `:0`), and serves until SIGTERM or Ctrl-C.
pub async fn serve(mut config: Config) -> anyhow::Result<()> {
    let listener = TcpListener::bind(config.addr)
        .await
        .with_context(|| format!("cannot listen on {}", config.addr))?;
    config.addr = listener.local_addr()?;
    serve_on(listener, config, shutdown_signal()).await
}

/// Serves on `listener` until `shutdown` completes, then stops accepting, lets requests in
/// flight finish for at most `--shutdown-grace-seconds`, and returns: a client that sends half
/// a request cannot keep the server from stopping. Every acknowledged dossier was committed
/// before its answer, so nothing acknowledged is lost by the deadline.
pub async fn serve_on(
    listener: TcpListener,
    config: Config,
    shutdown: impl std::future::Future<Output = ()> + Send + 'static,
) -> anyhow::Result<()> {
    let addr = listener.local_addr()?;
    let state = AppState::new(&config).await?;
    if !config.static_dir.join("index.html").exists() {
        tracing::warn!(dir = %config.static_dir.display(), "no built web app found; run `cargo xtask run`");
    }
    println!("Một Lần listening on http://{addr}");
    security::spawn_pruning(Arc::clone(&state.limits));
    let app =
        app(state, &config.static_dir).layer(tower_http::timeout::RequestBodyTimeoutLayer::new(
            std::time::Duration::from_secs(config.body_timeout_seconds),
        ));
    listener::serve(
        listener,
        app,
        listener::Timeouts {
            header: std::time::Duration::from_secs(config.header_timeout_seconds),
            grace: std::time::Duration::from_secs(config.shutdown_grace_seconds),
        },
        shutdown,
    )
    .await;
    tracing::info!("stopped");
    Ok(())
}

async fn shutdown_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut signal) => {
                signal.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        () = ctrl_c => {},
        () = terminate => {},
    }
}

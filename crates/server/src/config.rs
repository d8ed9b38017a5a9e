//! Server configuration: command-line flags, each with an environment-variable fallback.

use std::net::SocketAddr;
use std::path::PathBuf;

use clap::Parser;
use motlan_core::UnitCode;

#[derive(Debug, Clone, Parser)]
#[command(
    name = "motlan-server",
    about = "Một Lần provincial API reference server"
)]
pub struct Config {
    /// Address to listen on; port 0 picks a free port (the chosen address is printed).
    #[arg(long, env = "MOTLAN_ADDR", default_value = "127.0.0.1:8080")]
    pub addr: SocketAddr,

    /// Database URL. SQLite files are created, with their folder, on first start.
    #[arg(
        long,
        env = "MOTLAN_DATABASE_URL",
        default_value = "sqlite://data/motlan.db"
    )]
    pub database_url: String,

    /// Folder holding the built web app (`cargo xtask build`'s `dist/`), served at `/`.
    #[arg(long, env = "MOTLAN_STATIC_DIR", default_value = "dist")]
    pub static_dir: PathBuf,

    /// Electronic identifier of the receiving unit, the first part of every dossier code.
    /// The default is a demonstration value.
    #[arg(long, env = "MOTLAN_RECEIVING_UNIT", default_value = "000.00.20.H12", value_parser = parse_unit)]
    pub receiving_unit: UnitCode,

    /// Public address of this server (default: `http://` and the listening address). The
    /// identity sandbox's issuer is this address followed by `/sandbox/idp`.
    #[arg(long, env = "MOTLAN_PUBLIC_URL")]
    pub public_url: Option<String>,

    /// The administrative-unit list (`nested-divisions.json` of the PyPI package
    /// `vietnam-provinces`), fetched by `cargo xtask setup`.
    #[arg(
        long,
        env = "MOTLAN_UNITS_FILE",
        default_value = ".tools/vietnam-provinces/nested-divisions.json"
    )]
    pub units_file: PathBuf,

    /// The national procedure catalog: a crawl of the national portal, one JSON record per line
    /// (`.jsonl` or `.jsonl.gz`, as national-catalog/); default: the built-in June 2026 crawl.
    #[arg(long, env = "MOTLAN_NATIONAL_CATALOG")]
    pub national_catalog: Option<PathBuf>,

    /// Public holidays (TOML, as crates/core/calendar/holidays.toml); default: the built-in list.
    #[arg(long, env = "MOTLAN_HOLIDAYS_FILE")]
    pub holidays_file: Option<PathBuf>,

    /// After SIGTERM, how long requests in flight may take before the remaining connections are
    /// closed (a half-sent request cannot hold the server open).
    #[arg(long, env = "MOTLAN_SHUTDOWN_GRACE_SECONDS", default_value_t = 10)]
    pub shutdown_grace_seconds: u64,

    /// How long a client may take to send a request's headers, and how long a kept-alive
    /// connection may wait idle for its next request.
    #[arg(long, env = "MOTLAN_HEADER_TIMEOUT_SECONDS", default_value_t = 10)]
    pub header_timeout_seconds: u64,

    /// How long a client may take to send a request's body.
    #[arg(long, env = "MOTLAN_BODY_TIMEOUT_SECONDS", default_value_t = 30)]
    pub body_timeout_seconds: u64,

    /// Folder the uploaded files are written to (default: `uploads/` beside the SQLite database
    /// file, or `data/uploads` with PostgreSQL). With several servers it must be shared storage.
    #[arg(long, env = "MOTLAN_UPLOADS_DIR")]
    pub uploads_dir: Option<PathBuf>,

    /// Largest file a citizen may upload, in MB.
    #[arg(long, env = "MOTLAN_MAX_UPLOAD_MB", default_value_t = 10)]
    pub max_upload_mb: usize,

    /// Requests per minute allowed from one client address (API and sign-in).
    #[arg(long, env = "MOTLAN_RATE_LIMIT_PER_ADDRESS", default_value_t = 600)]
    pub rate_limit_per_address: u32,

    /// Requests per minute allowed for one signed-in account.
    #[arg(long, env = "MOTLAN_RATE_LIMIT_PER_ACCOUNT", default_value_t = 300)]
    pub rate_limit_per_account: u32,

    /// Origins (e.g. `https://dichvucong.example.gov.vn`) allowed to call the API from a browser;
    /// comma-separated. None by default: no CORS headers are sent.
    #[arg(long, env = "MOTLAN_CORS_ORIGINS", value_delimiter = ',')]
    pub cors_origins: Vec<String>,

    /// Agencies allowed to embed forms on their own sites (TOML; see `docs/embedding.md`). A
    /// missing file means no agency may embed.
    #[arg(
        long,
        env = "MOTLAN_AGENCIES_FILE",
        default_value = "data/agencies.toml"
    )]
    pub agencies_file: PathBuf,

    /// How long a volunteer's help code may be used, in seconds (10 minutes; shorter in tests).
    #[arg(long, env = "MOTLAN_HELP_CODE_SECONDS", default_value_t = 600, value_parser = clap::value_parser!(i64).range(5..=600))]
    pub help_code_seconds: i64,

    /// The receiving unit's bank on the NAPAS network (6-digit BIN), for VietQR fee payments.
    /// With the default demo BIN and account, the QR code is labelled as a SANDBOX.
    #[arg(long, env = "MOTLAN_VIETQR_BIN", default_value = "970400")]
    pub vietqr_bin: String,

    /// The receiving unit's account number for VietQR fee payments.
    #[arg(long, env = "MOTLAN_VIETQR_ACCOUNT", default_value = "000000000000")]
    pub vietqr_account: String,

    /// Token of the officer SANDBOX API (`/api/v1/officer`); without it that API is off.
    #[arg(long, env = "MOTLAN_OFFICER_TOKEN")]
    pub officer_token: Option<String>,

    /// Addresses the identity sandbox may send a sign-in back to (exact match), comma-separated.
    /// Default: the app's callback (`/dang-nhap`) at the public address, and its `localhost` /
    /// `127.0.0.1` twin when the public address is a loopback one.
    #[arg(long, env = "MOTLAN_OIDC_REDIRECT_URIS", value_delimiter = ',')]
    pub oidc_redirect_uris: Vec<String>,

    /// The client id the identity provider knows the web app by: the audience API tokens must
    /// be issued to.
    #[arg(
        long,
        visible_alias = "oidc-audience",
        env = "MOTLAN_OIDC_CLIENT_ID",
        default_value = "motlan-web"
    )]
    pub oidc_client_id: String,

    /// A real OpenID provider (e.g. VNeID's issuer URL) instead of the SANDBOX: its discovery
    /// document (`/.well-known/openid-configuration`) is read at start and its keys fetched and
    /// refreshed when it rotates them. Without it, the sandbox at `/sandbox/idp` is used.
    #[arg(long, env = "MOTLAN_OIDC_ISSUER")]
    pub oidc_issuer: Option<String>,

    /// The least time between two fetches of the provider's keys, in seconds: a token signed
    /// with an unknown key id makes the server fetch them again (a rotation), at most this often.
    #[arg(long, env = "MOTLAN_OIDC_JWKS_REFETCH_SECONDS", default_value_t = 60, value_parser = clap::value_parser!(u64).range(1..=86_400))]
    pub oidc_jwks_refetch_seconds: u64,

    /// The scopes the web app asks the provider for, space-separated.
    #[arg(long, env = "MOTLAN_OIDC_SCOPES", default_value = "openid profile")]
    pub oidc_scopes: String,

    /// The algorithm the identity SANDBOX signs tokens with (both keys are published).
    #[arg(
        long,
        env = "MOTLAN_SANDBOX_SIGNING_ALG",
        value_enum,
        default_value = "RS256"
    )]
    pub sandbox_signing_alg: crate::identity::SandboxAlgorithm,
}

impl Config {
    /// The redirect addresses registered for the web app's client.
    pub fn redirect_uris(&self) -> Vec<String> {
        if !self.oidc_redirect_uris.is_empty() {
            return self.oidc_redirect_uris.clone();
        }
        let public = self.public_url();
        let mut uris = vec![format!("{public}/dang-nhap")];
        for (from, to) in [
            ("://127.0.0.1", "://localhost"),
            ("://localhost", "://127.0.0.1"),
        ] {
            if public.contains(from) {
                uris.push(format!("{}/dang-nhap", public.replacen(from, to, 1)));
            }
        }
        uris
    }

    /// Where uploaded files go.
    pub fn uploads_dir(&self) -> PathBuf {
        if let Some(dir) = &self.uploads_dir {
            return dir.clone();
        }
        self.database_url
            .strip_prefix("sqlite:")
            .map(|path| {
                path.trim_start_matches("//")
                    .split('?')
                    .next()
                    .unwrap_or_default()
            })
            .and_then(|file| {
                std::path::Path::new(file)
                    .parent()
                    .map(|p| p.join("uploads"))
            })
            .filter(|dir| dir.parent().is_some_and(|p| !p.as_os_str().is_empty()))
            .unwrap_or_else(|| PathBuf::from("data/uploads"))
    }

    /// Where browsers reach this server; the sandbox identity provider's issuer lives under it.
    pub fn public_url(&self) -> String {
        self.public_url
            .clone()
            .unwrap_or_else(|| format!("http://{}", self.addr))
            .trim_end_matches('/')
            .to_owned()
    }
}

fn parse_unit(value: &str) -> Result<UnitCode, String> {
    UnitCode::parse(value).map_err(|e| e.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn uploads_go_beside_the_sqlite_file_unless_configured() {
        let with = |url: &str, dir: Option<&str>| {
            let mut config = Config::parse_from(["motlan-server", "--database-url", url]);
            config.uploads_dir = dir.map(PathBuf::from);
            config.uploads_dir()
        };
        assert_eq!(
            with("sqlite://data/motlan.db", None),
            PathBuf::from("data/uploads")
        );
        assert_eq!(
            with("sqlite:///srv/motlan/x.db?mode=rwc", None),
            PathBuf::from("/srv/motlan/uploads")
        );
        assert_eq!(
            with("sqlite://motlan.db", None),
            PathBuf::from("data/uploads")
        );
        assert_eq!(
            with("postgres://u@h/db", None),
            PathBuf::from("data/uploads")
        );
        assert_eq!(
            with("postgres://u@h/db", Some("/mnt/shared")),
            PathBuf::from("/mnt/shared")
        );
    }
}

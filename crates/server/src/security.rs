//! Security on every response and request: the Content Security Policy (with the hashes of the
//! web app's own inline script, read from the built `index.html`), HSTS, framing and referrer
//! rules; CORS only for configured origins; and rate limits per address and per account, answered
//! with 429 and `Retry-After`.

use std::net::SocketAddr;
use std::num::NonZeroU32;
use std::path::Path;
use std::sync::Arc;
use std::time::Duration;

use axum::extract::{ConnectInfo, Request, State};
use axum::http::{HeaderName, HeaderValue, Method, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use base64::Engine as _;
use base64::engine::general_purpose::STANDARD;
use governor::clock::{Clock as _, DefaultClock};
use governor::{DefaultKeyedRateLimiter, Quota, RateLimiter};
use sha2::{Digest, Sha256};
use tower_http::cors::{AllowOrigin, CorsLayer};

use crate::AppState;
use crate::embed::FramedBy;
use crate::error::{Common, Failure};

/// What the built web app needs the policy to allow, found in its `index.html`.
#[derive(Debug, Clone, Default)]
pub struct WebShell {
    /// `'sha256-…'` of each inline script (the app's loader).
    pub script_hashes: Vec<String>,
    /// The app's stylesheet, so server-rendered pages (the sandbox sign-in) look the same.
    pub stylesheet: Option<String>,
    /// The page itself, read once with its hashes (an embedded form's page serves it).
    pub index: Option<String>,
    /// Origins the app may fetch from besides its own (a configured identity provider's).
    connect: Vec<String>,
    /// The policy of every page that may not be framed, made once.
    unframed_policy: Option<HeaderValue>,
}

impl WebShell {
    pub fn read(static_dir: &Path, connect: &[String]) -> Self {
        let Ok(html) = std::fs::read_to_string(static_dir.join("index.html")) else {
            return Self {
                connect: connect.to_vec(),
                ..Self::default()
            }
            .with_policy();
        };
        let mut script_hashes = Vec::new();
        let mut rest = html.as_str();
        while let Some(start) = rest.find("<script") {
            let tag_end = match rest[start..].find('>') {
                Some(i) => start + i + 1,
                None => break,
            };
            let tag = &rest[start..tag_end];
            let Some(close) = rest[tag_end..].find("</script>") else {
                break;
            };
            if !tag.contains("src=") {
                let body = &rest[tag_end..tag_end + close];
                script_hashes.push(format!(
                    "'sha256-{}'",
                    STANDARD.encode(Sha256::digest(body.as_bytes()))
                ));
            }
            rest = &rest[tag_end + close..];
        }
        let stylesheet = html
            .split("<link")
            .skip(1)
            .find(|tag| tag.contains("rel=\"stylesheet\""))
            .and_then(|tag| tag.split("href=\"").nth(1))
            .and_then(|href| href.split('"').next())
            .map(str::to_owned);
        Self {
            script_hashes,
            stylesheet,
            index: Some(html),
            connect: connect.to_vec(),
            unframed_policy: None,
        }
        .with_policy()
    }

    fn with_policy(mut self) -> Self {
        self.unframed_policy = HeaderValue::from_str(&self.policy("'none'")).ok();
        self
    }

    /// The Content Security Policy: `frame_ancestors` is `'none'` except for embedded forms.
    pub fn policy(&self, frame_ancestors: &str) -> String {
        format!(
            "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'{}; style-src 'self'; img-src 'self' data:; \
             connect-src 'self'{}; form-action 'self'; frame-ancestors {frame_ancestors}; base-uri 'none'; object-src 'none'",
            self.script_hashes
                .iter()
                .map(|h| format!(" {h}"))
                .collect::<String>(),
            self.connect
                .iter()
                .map(|o| format!(" {o}"))
                .collect::<String>()
        )
    }
}

/// Middleware: the security headers on every response. Only an embedded form (marked
/// [`FramedBy`] with its registered origins) may be framed, and only by those origins.
pub async fn apply_headers(
    State(shell): State<Arc<WebShell>>,
    request: Request,
    next: Next,
) -> Response {
    let mut response = next.run(request).await;
    let framed_by = response
        .extensions_mut()
        .remove::<FramedBy>()
        .filter(|f| !f.0.is_empty());
    let headers = response.headers_mut();
    // Only an embedded form's page needs a policy made for it.
    let policy = match &framed_by {
        Some(f) => HeaderValue::from_str(&shell.policy(&f.0.join(" "))).ok(),
        None => shell.unframed_policy.clone(),
    };
    if let Some(policy) = policy {
        headers.insert(header::CONTENT_SECURITY_POLICY, policy);
    }
    for (name, value) in FIXED_HEADERS {
        // `frame-ancestors` supersedes X-Frame-Options, which cannot name origins.
        if name == header::X_FRAME_OPTIONS && framed_by.is_some() {
            continue;
        }
        headers.insert(name, HeaderValue::from_static(value));
    }
    response
}

/// Headers added to every response besides the policy.
const FIXED_HEADERS: [(HeaderName, &str); 6] = [
    (
        header::STRICT_TRANSPORT_SECURITY,
        "max-age=31536000; includeSubDomains",
    ),
    (header::X_CONTENT_TYPE_OPTIONS, "nosniff"),
    (header::REFERRER_POLICY, "no-referrer"),
    (header::X_FRAME_OPTIONS, "DENY"),
    (
        HeaderName::from_static("cross-origin-opener-policy"),
        "same-origin",
    ),
    (
        HeaderName::from_static("permissions-policy"),
        "camera=(), microphone=(), geolocation=(), payment=()",
    ),
];

/// CORS for the configured origins only; none configured, no CORS headers at all.
pub fn cors(origins: &[String]) -> Option<CorsLayer> {
    let origins: Vec<HeaderValue> = origins
        .iter()
        .filter_map(|o| HeaderValue::from_str(o).ok())
        .collect();
    (!origins.is_empty()).then(|| {
        CorsLayer::new()
            .allow_origin(AllowOrigin::list(origins))
            .allow_methods([Method::GET, Method::POST, Method::PUT, Method::DELETE])
            .allow_headers([
                header::AUTHORIZATION,
                header::CONTENT_TYPE,
                HeaderName::from_static("idempotency-key"),
            ])
            .expose_headers([header::RETRY_AFTER])
            .max_age(Duration::from_secs(600))
    })
}

/// Requests per minute allowed per client address and per signed-in account.
pub struct Limits {
    by_address: DefaultKeyedRateLimiter<String>,
    by_account: DefaultKeyedRateLimiter<String>,
}

impl Limits {
    pub fn new(per_address_per_minute: u32, per_account_per_minute: u32) -> Self {
        let quota = |n: u32| {
            let n = NonZeroU32::new(n.max(1)).expect("at least one");
            Quota::per_minute(n).allow_burst(n)
        };
        Self {
            by_address: RateLimiter::keyed(quota(per_address_per_minute)),
            by_account: RateLimiter::keyed(quota(per_account_per_minute)),
        }
    }

    /// `Err(seconds to wait)` when `account` has used up its quota.
    pub fn check_account(&self, account: &str) -> Result<(), u64> {
        check(&self.by_account, account)
    }

    /// Forgets idle keys so the tables do not grow without bound.
    pub fn prune(&self) {
        self.by_address.retain_recent();
        self.by_account.retain_recent();
    }
}

fn check(limiter: &DefaultKeyedRateLimiter<String>, key: &str) -> Result<(), u64> {
    limiter.check_key(&key.to_owned()).map_err(|not_until| {
        let wait = not_until.wait_time_from(DefaultClock::default().now());
        wait.as_secs() + u64::from(wait.subsec_nanos() > 0)
    })
}

/// The 429 answer.
pub fn too_many(seconds: u64) -> Response {
    let mut response = Failure::from(Common::RateLimited)
        .with_arg(seconds)
        .into_response();
    if let Ok(value) = HeaderValue::from_str(&seconds.max(1).to_string()) {
        response.headers_mut().insert(header::RETRY_AFTER, value);
    }
    response
}

/// Middleware: the per-address limit, keyed by the peer address (behind a proxy, configure the
/// proxy to limit too: forwarded headers are not trusted).
pub async fn limit_by_address(
    State(state): State<AppState>,
    request: Request,
    next: Next,
) -> Response {
    let address = request
        .extensions()
        .get::<ConnectInfo<SocketAddr>>()
        .map_or_else(
            || "local".to_owned(),
            |ConnectInfo(addr)| addr.ip().to_string(),
        );
    match check(&state.limits.by_address, &address) {
        Ok(()) => next.run(request).await,
        Err(seconds) => too_many(seconds),
    }
}

/// Prunes the limiters every minute for as long as the server runs.
pub fn spawn_pruning(limits: Arc<Limits>) {
    tokio::spawn(async move {
        let mut tick = tokio::time::interval(Duration::from_secs(60));
        loop {
            tick.tick().await;
            limits.prune();
        }
    });
}

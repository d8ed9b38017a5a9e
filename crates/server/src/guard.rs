//! What every API request goes through before and after its handler: state-changing requests
//! from a foreign page are refused (a form posted by another site never reaches a handler), JSON
//! bodies must say they are JSON (`json_body`, on every operation but the upload), and any error that left without the API's JSON shape (a 405,
//! a path parameter that does not parse, a body over the limit) gets it, in both languages,
//! without internal formatting.

use axum::body::Body;
use axum::extract::{Request, State};
use axum::http::{HeaderValue, Method, StatusCode, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

use crate::AppState;
use crate::error::{Common, Failure};

/// Whether `origin` may send state-changing requests: this service's own pages (its public
/// address, or the host the request was sent to), and the origins configured for CORS.
fn allowed_origin(state: &AppState, origin: &str, host: Option<&str>) -> bool {
    let same_host = host.is_some_and(|host| {
        origin
            .strip_prefix("http://")
            .or_else(|| origin.strip_prefix("https://"))
            == Some(host)
    });
    same_host
        || origin == state.public_url.trim_end_matches('/')
        || state.cors_origins.iter().any(|o| o == origin)
}

fn changes_state(method: &Method) -> bool {
    !matches!(*method, Method::GET | Method::HEAD | Method::OPTIONS)
}

/// Middleware for `/api/v1`: the origin and content-type checks, then the error shape.
pub async fn api(State(state): State<AppState>, request: Request, next: Next) -> Response {
    if changes_state(request.method()) {
        let origin = request
            .headers()
            .get(header::ORIGIN)
            .map(|o| o.to_str().unwrap_or("null"));
        let host = request
            .headers()
            .get(header::HOST)
            .and_then(|h| h.to_str().ok());
        if origin.is_some_and(|o| !allowed_origin(&state, o, host)) {
            return Common::OriginNotAllowed.into_response();
        }
    }
    shaped(next.run(request).await)
}

/// Route layer of the operations that take JSON (every one but the upload): a body, if any,
/// must be declared as JSON.
pub async fn json_body(request: Request, next: Next) -> Response {
    if changes_state(request.method()) && !json_or_none(&request) {
        return Common::ContentType.into_response();
    }
    next.run(request).await
}

fn json_or_none(request: &Request) -> bool {
    match request.headers().get(header::CONTENT_TYPE) {
        Some(value) => value
            .to_str()
            .ok()
            .and_then(|v| v.split(';').next())
            .is_some_and(|mime| mime.trim().eq_ignore_ascii_case("application/json")),
        // No declared type: acceptable only without a body.
        // The body's own size when it is known; else HTTP/1.1 framing: no Content-Length and no
        // Transfer-Encoding means no body.
        None => {
            use axum::body::HttpBody as _;
            match request.body().size_hint().exact() {
                Some(size) => size == 0,
                None => {
                    request
                        .headers()
                        .get(header::CONTENT_LENGTH)
                        .is_none_or(|len| len == "0")
                        && !request.headers().contains_key(header::TRANSFER_ENCODING)
                }
            }
        }
    }
}

/// An error without the API's JSON shape gets it.
fn shaped(response: Response) -> Response {
    let status = response.status();
    let is_json = response
        .headers()
        .get(header::CONTENT_TYPE)
        .is_some_and(|v| v.as_bytes().starts_with(b"application/json"));
    if !(status.is_client_error() || status.is_server_error()) || is_json {
        return response;
    }
    let error = match status {
        StatusCode::METHOD_NOT_ALLOWED => Common::MethodNotAllowed,
        StatusCode::PAYLOAD_TOO_LARGE => Common::BodyTooLarge,
        StatusCode::UNSUPPORTED_MEDIA_TYPE => Common::ContentType,
        StatusCode::NOT_FOUND => Common::RouteUnknown,
        s if s.is_server_error() => return Failure::internal(status).into_response(),
        _ => Common::BadRequest,
    };
    let (mut parts, _) = response.into_parts();
    let mut shaped = Failure::from(error).into_response();
    // Keep what the original answer said besides its body (Allow on a 405, Retry-After).
    for name in [header::ALLOW, header::RETRY_AFTER, header::WWW_AUTHENTICATE] {
        if let Some(value) = parts.headers.remove(&name) {
            shaped.headers_mut().insert(name, value);
        }
    }
    *shaped.status_mut() = status;
    shaped
}

/// `Cache-Control: no-store` and `Pragma: no-cache` on every answer of the identity sandbox:
/// userinfo and tokens carry personal data.
pub async fn no_store(request: Request<Body>, next: Next) -> Response {
    let mut response = next.run(request).await;
    let headers = response.headers_mut();
    headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    headers.insert(header::PRAGMA, HeaderValue::from_static("no-cache"));
    response
}

/// The longest request address answered normally.
pub const MAX_URI_BYTES: usize = 8 * 1024;
/// The most header fields, and their total size, answered normally.
pub const MAX_HEADERS: usize = 100;
pub const MAX_HEADER_BYTES: usize = 32 * 1024;

/// Middleware (inside the security headers): an address or headers too large get `414` or `431`
/// in the API's error shape with every security header. hyper's own limits are set above these
/// (`listener.rs`), so its bare answers only meet requests no client sends by mistake.
pub async fn request_limits(request: Request, next: Next) -> Response {
    let uri = request.uri().to_string().len();
    let headers = request.headers();
    let header_bytes: usize = headers
        .iter()
        .map(|(name, value)| name.as_str().len() + value.len() + 4)
        .sum();
    if uri > MAX_URI_BYTES {
        Common::UriTooLong.into_response()
    } else if headers.len() > MAX_HEADERS || header_bytes > MAX_HEADER_BYTES {
        Common::HeadersTooLarge.into_response()
    } else {
        next.run(request).await
    }
}

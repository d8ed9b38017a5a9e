//! The built web app: files from `dist/` with the Brotli or gzip copy `cargo xtask build` made
//! beside each, chosen by `Accept-Encoding`; content-hashed files kept by browsers for a year
//! (their name changes with their content), the page itself revalidated on every visit.

use axum::Router;
use axum::extract::Request;
use axum::http::{HeaderValue, header};
use axum::middleware::Next;
use axum::response::Response;
use tower_http::services::ServeDir;

/// The app's files; every other address is a page (`pages`: rendered on the server, or the
/// app's shell). `/index.html` itself is the bare shell the service worker keeps for offline use.
pub fn router(static_dir: &std::path::Path, pages: Router) -> Router {
    let files = ServeDir::new(static_dir)
        .precompressed_br()
        .precompressed_gzip()
        .append_index_html_on_directories(false)
        .fallback(pages);
    Router::new()
        .fallback_service(files)
        .layer(axum::middleware::from_fn(cache_policy))
}

/// Whether a path names a content-hashed file (`name-<16 hex>.ext`, the stylesheet), or a file
/// under a hashed folder (`/app-<16 hex>/…`: the app, its parts and its snippets).
pub fn is_hashed(path: &str) -> bool {
    path.split('/').any(|part| {
        let stem = part.split('.').next().unwrap_or(part);
        // wasm-bindgen names the module `<name>_bg.wasm`.
        let stem = stem.strip_suffix("_bg").unwrap_or(stem);
        stem.rsplit_once('-').is_some_and(|(_, hash)| {
            hash.len() == 16 && hash.bytes().all(|b| b.is_ascii_hexdigit())
        })
    })
}

/// Middleware: a year, immutable, for hashed files; `no-cache` (always revalidate) otherwise.
async fn cache_policy(request: Request, next: Next) -> Response {
    let hashed = is_hashed(request.uri().path());
    let mut response = next.run(request).await;
    // A hashed address that is not a file gets the page (`index.html`): never keep that.
    let page = response
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|t| t.starts_with("text/html"));
    let policy = if hashed && response.status().is_success() && !page {
        "public, max-age=31536000, immutable"
    } else {
        "no-cache"
    };
    response
        .headers_mut()
        .insert(header::CACHE_CONTROL, HeaderValue::from_static(policy));
    response
}

#[cfg(test)]
mod tests {
    use super::is_hashed;

    #[test]
    fn hashed_names_are_recognised() {
        assert!(is_hashed("/motlan-web-aba2503ced5a14c5_bg.wasm"));
        assert!(is_hashed("/motlan-web-aba2503ced5a14c5.js"));
        assert!(is_hashed("/style-4c44fa207ed1bfd6.css"));
        assert!(is_hashed("/app-9ff65b663bdf14a9/motlan_bg.wasm"));
        assert!(is_hashed("/app-9ff65b663bdf14a9/split_filing.wasm"));
        assert!(is_hashed(
            "/app-9ff65b663bdf14a9/snippets/motlan-web-aba2503ced5a14c5/inline0.js"
        ));
        assert!(!is_hashed("/"));
        assert!(!is_hashed("/index.html"));
        assert!(!is_hashed("/thu-tuc/1.001193"));
        assert!(!is_hashed("/ho-so/000.00.20.H12-261130-0001"));
    }
}

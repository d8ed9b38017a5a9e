//! Forms embedded on agency websites. `/nhung/{procedure}` (and every path under it) is the web
//! app with a `frame-ancestors` listing exactly the origins registered for that procedure,
//! decided per request (every other route keeps `'none'`); `/embed.js` is the script of the
//! agency's two-line snippet.

use axum::Router;
use axum::extract::{Path, State};
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{Html, IntoResponse, Response};
use axum::routing::get;

use crate::AppState;

/// The embed script, served as is (about 1.5 KB gzip).
pub const SCRIPT: &str = include_str!("embed.js");

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/nhung/{procedure}", get(page))
        .route("/nhung/{procedure}/{*rest}", get(page_under))
        .route("/embed.js", get(script))
}

/// On a response: the origins that may frame it (the security headers write the policy).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FramedBy(pub Vec<String>);

async fn page(State(state): State<AppState>, Path(procedure): Path<String>) -> Response {
    let Some(html) = state.shell.index.clone() else {
        return (
            StatusCode::SERVICE_UNAVAILABLE,
            "Ứng dụng chưa được xây dựng (cargo xtask run). / The web app is not built.",
        )
            .into_response();
    };
    let origins = state
        .agencies
        .origins_for(&procedure)
        .into_iter()
        .map(str::to_owned)
        .collect();
    let mut response = Html(html).into_response();
    response
        .headers_mut()
        .insert(header::CACHE_CONTROL, HeaderValue::from_static("no-cache"));
    response.extensions_mut().insert(FramedBy(origins));
    response
}

async fn page_under(
    state: State<AppState>,
    Path((procedure, _)): Path<(String, String)>,
) -> Response {
    page(state, Path(procedure)).await
}

async fn script() -> Response {
    (
        [
            (
                header::CONTENT_TYPE,
                HeaderValue::from_static("text/javascript; charset=utf-8"),
            ),
            (
                header::CACHE_CONTROL,
                HeaderValue::from_static("public, max-age=3600"),
            ),
        ],
        SCRIPT,
    )
        .into_response()
}

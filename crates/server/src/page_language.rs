//! The language a page is rendered in: the one chosen in the app (kept in the `motlan_lang`
//! cookie beside the browser's storage), else the browser's first preference. The app's language
//! switch is a plain link (`?lang=en`); followed before or without the app, the server keeps the
//! choice in the same cookie and sends the browser back to the page without the parameter.

use axum::http::{HeaderMap, HeaderValue, StatusCode, Uri, header};
use axum::response::{IntoResponse, Response};
use motlan_core::Lang;

/// The cookie the app writes too (`src/state/prefs.rs`): a preference, not personal data, and
/// readable by the app, which rewrites it when the citizen switches in the app.
const COOKIE: &str = "motlan_lang";

pub fn language(headers: &HeaderMap) -> Lang {
    let chosen = headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|pair| pair.trim().split_once('='))
        .find_map(|(name, value)| (name == COOKIE).then_some(value));
    match chosen {
        Some("en") => return Lang::En,
        Some("vi") => return Lang::Vi,
        _ => {}
    }
    let first = headers
        .get(header::ACCEPT_LANGUAGE)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.split(',').next())
        .unwrap_or_default()
        .trim()
        .to_ascii_lowercase();
    if first.starts_with("en") {
        Lang::En
    } else {
        Lang::Vi
    }
}

/// For an address with `lang=vi|en` in its query: `303 See Other` to the same address without
/// it, keeping the choice in the cookie. Any other value is ignored (the page renders as usual).
pub fn chosen(uri: &Uri) -> Option<Response> {
    let (lang, query) = motlan_web::ssr::language_choice(uri.query()?)?;
    // Back to this site only: `//host/?lang=en` must not become a redirect to another host.
    let path = format!("/{}", uri.path().trim_start_matches(['/', '\\']));
    let back = if query.is_empty() {
        path
    } else {
        format!("{path}?{query}")
    };
    let cookie = format!(
        "{COOKIE}={}; Path=/; Max-Age=31536000; SameSite=Lax",
        lang.tag()
    );
    Some(
        (
            StatusCode::SEE_OTHER,
            [
                (header::LOCATION, HeaderValue::from_str(&back).ok()?),
                (header::SET_COOKIE, HeaderValue::from_str(&cookie).ok()?),
            ],
        )
            .into_response(),
    )
}

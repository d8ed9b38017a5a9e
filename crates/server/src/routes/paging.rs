//! Paging of lists: `limit` (1 to 200, default 50) and an opaque `cursor` naming the last entry
//! seen (keyset pagination: stable when new entries arrive). The next page's address is also in
//! the `Link` header (RFC 8288).

use axum::http::{HeaderValue, header};
use axum::response::{IntoResponse, Response};
use base64::Engine as _;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use serde::Deserialize;

use crate::error::{Failure, api_errors};

pub const DEFAULT_LIMIT: u32 = 50;
pub const MAX_LIMIT: u32 = 200;

api_errors! {
    /// A page that cannot be given.
    pub enum PagingError {
        Limit => (BAD_REQUEST, "limit_invalid",
            "Số mục mỗi trang (limit) phải từ 1 đến 200.",
            "The number of entries per page (limit) must be 1 to 200."),
        Cursor => (BAD_REQUEST, "cursor_invalid",
            "Con trỏ trang (cursor) không hợp lệ: hãy dùng giá trị next của trang trước.",
            "The page cursor is not valid: use the previous page's next value."),
    }
}

/// `?limit=&cursor=`.
#[derive(Debug, Default, Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct Paging {
    /// Entries per page, 1 to 200 (default 50).
    #[param(minimum = 1, maximum = 200)]
    pub limit: Option<u32>,
    /// The `next` value of the previous page (opaque: any other value is `400 cursor_invalid`).
    #[param(max_length = 400, pattern = "^[A-Za-z0-9_-]+$")]
    pub cursor: Option<String>,
}

/// The last entry of a page: its sort key (a time) and its id.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Key {
    pub at: String,
    pub id: String,
}

/// A page size: `limit` as given (1 to 200), or the default.
pub fn limit_of(limit: Option<u32>) -> Result<u32, Failure> {
    match limit {
        None => Ok(DEFAULT_LIMIT),
        Some(n) if (1..=MAX_LIMIT).contains(&n) => Ok(n),
        Some(_) => Err(PagingError::Limit.into()),
    }
}

impl Paging {
    pub fn limit(&self) -> Result<u32, Failure> {
        limit_of(self.limit)
    }

    pub fn after(&self) -> Result<Option<Key>, Failure> {
        self.cursor.as_deref().map(decode).transpose()
    }
}

pub fn encode(key: &Key) -> String {
    URL_SAFE_NO_PAD.encode(format!("{}\n{}", key.at, key.id))
}

fn decode(cursor: &str) -> Result<Key, Failure> {
    URL_SAFE_NO_PAD
        .decode(cursor)
        .ok()
        .and_then(|bytes| String::from_utf8(bytes).ok())
        .and_then(|text| {
            let (at, id) = text.split_once('\n')?;
            (!at.is_empty() && !id.is_empty() && at.len() <= 64 && id.len() <= 128).then(|| Key {
                at: at.to_owned(),
                id: id.to_owned(),
            })
        })
        .ok_or_else(|| PagingError::Cursor.into())
}

/// The answer with its `Link: <…>; rel="next"` header when there is a next page. `path` is the
/// list's address under `/api/v1` with the query the client gave, less `cursor` and `limit`.
pub fn with_link(body: impl IntoResponse, path: &str, limit: u32, next: Option<&str>) -> Response {
    let mut response = body.into_response();
    if let Some(next) = next {
        let separator = if path.contains('?') { '&' } else { '?' };
        let link = format!("</api/v1{path}{separator}limit={limit}&cursor={next}>; rel=\"next\"");
        if let Ok(value) = HeaderValue::from_str(&link) {
            response.headers_mut().insert(header::LINK, value);
        }
    }
    response
}

/// A page of the dossier receipts `filter` selects, with its `Link` header (`path`: see
/// [`with_link`]).
pub async fn receipt_page(
    state: &crate::AppState,
    filter: &crate::storage::ReceiptFilter,
    paging: &Paging,
    path: &str,
) -> Result<Response, Failure> {
    let limit = paging.limit()?;
    let after = paging.after()?;
    let (items, next) = state
        .storage
        .receipts(
            filter,
            after.as_ref().map(|k| (k.at.as_str(), k.id.as_str())),
            limit,
        )
        .await?;
    let next = next.map(|(at, id)| encode(&Key { at, id }));
    Ok(with_link(
        axum::Json(motlan_core::api::ReceiptPage {
            items,
            next: next.clone(),
        }),
        path,
        limit,
        next.as_deref(),
    ))
}

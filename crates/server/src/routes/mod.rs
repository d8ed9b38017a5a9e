//! The JSON API under `/api/v1`, one module per resource.

mod attachments;
mod dossiers;
mod health;
mod me;
mod procedures;

use axum::Router;

use crate::AppState;
use crate::error::Failure;

pub fn router() -> Router<AppState> {
    Router::new()
        .merge(health::router())
        .merge(procedures::router())
        .merge(attachments::router())
        .merge(dossiers::router())
        .merge(me::router())
        .fallback(|| async { Failure::not_found("địa chỉ API này", "This API address") })
}

//! The JSON API under `/api/v1`, one module per resource.

mod after_filing;
mod attachments;
mod dossiers;
mod health;
mod me;
mod officer;
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
        .merge(after_filing::router())
        .merge(officer::router())
        .fallback(|| async { Failure::not_found("địa chỉ API này", "This API address") })
}

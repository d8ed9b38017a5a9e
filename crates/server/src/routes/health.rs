//! Liveness and readiness: answers 200 only when the database answers.

use axum::extract::State;
use axum::routing::get;
use axum::{Json, Router};
use serde_json::{Value, json};

use crate::AppState;
use crate::error::Failure;

pub fn router() -> Router<AppState> {
    Router::new().route("/health", get(health))
}

#[utoipa::path(get, path = "/health", tag = "service", responses((status = 200, description = "The service and its database answer")))]
async fn health(State(state): State<AppState>) -> Result<Json<Value>, Failure> {
    state.storage.ping().await?;
    Ok(Json(
        json!({ "status": "ok", "procedures": state.catalog.procedures().len() }),
    ))
}

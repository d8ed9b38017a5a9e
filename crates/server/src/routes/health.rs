//! Liveness and readiness: answers 200 only when the database answers.

use axum::Json;
use axum::extract::State;
use serde_json::{Value, json};

use crate::AppState;
use crate::error::{Common, Failure};
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new().routes(routes!(health))
}

#[utoipa::path(get, path = "/health", tag = "service", summary = "Whether the service and its database answer",
    responses((status = 200, description = "The service and its database answer"), Common))]
async fn health(State(state): State<AppState>) -> Result<Json<Value>, Failure> {
    state.storage.ping().await?;
    Ok(Json(
        json!({ "status": "ok", "procedures": state.catalog.procedures().len() }),
    ))
}

//! The procedure catalog.

use axum::extract::{Path, Query, State};
use axum::routing::get;
use axum::{Json, Router};
use motlan_core::Procedure;
use motlan_core::api::ProcedureSummary;
use serde::Deserialize;

use crate::AppState;
use crate::error::Failure;

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/procedures", get(list))
        .route("/procedures/{code}", get(get_one))
}

#[derive(Debug, Deserialize)]
struct ListQuery {
    /// Search text; diacritics and case are ignored. Without it, every procedure in code order.
    q: Option<String>,
}

#[utoipa::path(get, path = "/procedures", tag = "catalog", params(("q" = Option<String>, Query, description = "Search words; diacritics and case are ignored")), responses((status = 200, body = [motlan_core::api::ProcedureSummary])))]
async fn list(
    State(state): State<AppState>,
    Query(query): Query<ListQuery>,
) -> Json<Vec<ProcedureSummary>> {
    let procedures: Vec<&Procedure> = match query.q.as_deref().map(str::trim) {
        Some(q) if !q.is_empty() => state.catalog.search(q),
        _ => state.catalog.procedures().iter().collect(),
    };
    Json(procedures.into_iter().map(ProcedureSummary::from).collect())
}

#[utoipa::path(get, path = "/procedures/{code}", tag = "catalog", params(("code" = String, Path, example = "1.001193")), responses((status = 200, body = motlan_core::Procedure), (status = 404, body = motlan_core::api::ApiError)))]
async fn get_one(
    State(state): State<AppState>,
    Path(code): Path<String>,
) -> Result<Json<Procedure>, Failure> {
    state
        .catalog
        .get(&code)
        .cloned()
        .map(Json)
        .ok_or_else(|| Failure::not_found("thủ tục này", "This procedure"))
}

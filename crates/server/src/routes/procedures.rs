//! The procedure catalog.

use axum::Json;
use axum::extract::{Path, Query, State};
use motlan_core::Procedure;
use motlan_core::answers::{CheckContext, check_questions};
use motlan_core::api::{CheckRequest, CheckResponse, ProcedureSummary};
use serde::Deserialize;

use crate::AppState;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use crate::error::{Body, Common, Failure, api_errors};

pub fn router() -> OpenApiRouter<AppState> {
    // The list carries recent filing counts; a definition is fixed for the server's lifetime.
    let list = OpenApiRouter::new()
        .routes(routes!(list))
        .route_layer(super::cacheable(60));
    let one = OpenApiRouter::new()
        .routes(routes!(get_one))
        .route_layer(super::cacheable(3_600));
    OpenApiRouter::new()
        .merge(list)
        .merge(one)
        .routes(routes!(check))
}

api_errors! {
    /// A procedure code the catalog does not hold.
    pub enum CatalogError {
        ProcedureNotFound => (NOT_FOUND, "not_found",
            "Không tìm thấy thủ tục này.",
            "This procedure was not found."),
    }
}

#[derive(Debug, Deserialize)]
struct ListQuery {
    /// Search text; diacritics and case are ignored. Without it, every procedure in code order.
    q: Option<String>,
}

#[utoipa::path(get, path = "/procedures", tag = "catalog", operation_id = "list_procedures", summary = "List or search the procedures",
    params(("q" = Option<String>, Query, description = "Search words; diacritics and case are ignored")),
    responses((status = 200, body = [motlan_core::api::ProcedureSummary]), Common))]
async fn list(
    State(state): State<AppState>,
    Query(query): Query<ListQuery>,
) -> Result<Json<Vec<ProcedureSummary>>, Failure> {
    use time::format_description::well_known::Rfc3339;
    let procedures: Vec<&Procedure> = match query.q.as_deref().map(str::trim) {
        Some(q) if !q.is_empty() => state.catalog.search(q),
        _ => state.catalog.procedures().iter().collect(),
    };
    let since = (crate::clock::now_vietnam().map_err(Failure::internal)?
        - time::Duration::days(30))
    .format(&Rfc3339)
    .map_err(Failure::internal)?;
    let counts = state.storage.filing_counts(&since).await?;
    Ok(Json(
        procedures
            .into_iter()
            .map(|p| ProcedureSummary {
                filed_recently: counts.get(p.code.as_str()).copied().unwrap_or(0),
                ..ProcedureSummary::from(p)
            })
            .collect(),
    ))
}

#[utoipa::path(get, path = "/procedures/{code}", tag = "catalog", summary = "A procedure's definition: form, documents, fees",
    params(("code" = String, Path, example = "1.001193")),
    responses((status = 200, body = motlan_core::Procedure), CatalogError, Common))]
async fn get_one(
    State(state): State<AppState>,
    Path(code): Path<String>,
) -> Result<Json<Procedure>, Failure> {
    state
        .catalog
        .get(&code)
        .cloned()
        .map(Json)
        .ok_or_else(|| CatalogError::ProcedureNotFound.into())
}

/// Checks one page of answers with the rules the server applies at filing, so the app can show
/// the citizen every problem on the page before moving on, without shipping the validators
/// (name normalisation tables, the unit list, the holiday calendar) to the browser.
#[utoipa::path(post, path = "/procedures/{code}/check", tag = "catalog", params(("code" = String, Path, example = "1.001193")), request_body = CheckRequest,
    summary = "Check one page of answers with the rules of filing",
    responses((status = 200, description = "The normalised answers of the questions asked and their problems (none when valid)", body = CheckResponse), CatalogError, Common))]
async fn check(
    State(state): State<AppState>,
    Path(code): Path<String>,
    Body(request): Body<CheckRequest>,
) -> Result<Json<CheckResponse>, Failure> {
    let procedure = state
        .catalog
        .get(&code)
        .ok_or(CatalogError::ProcedureNotFound)?;
    let ctx = CheckContext {
        today: crate::clock::now_vietnam()
            .map_err(Failure::internal)?
            .date(),
        units: &state.units,
    };
    let (answers, errors) = check_questions(procedure, &request.answers, &request.questions, ctx);
    Ok(Json(CheckResponse { answers, errors }))
}

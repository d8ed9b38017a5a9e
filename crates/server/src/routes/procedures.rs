//! The procedure catalog.

use axum::Json;
use axum::extract::{Path, Query, State};
use motlan_core::Procedure;
use motlan_core::answers::{CheckContext, check_questions};
use motlan_core::api::{CatalogPage, CheckRequest, CheckResponse, ProcedureInformation};
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
        .routes(routes!(information))
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

api_errors! {
    /// A search that cannot be run.
    pub enum SearchError {
        QueryTooLong => (BAD_REQUEST, "query_too_long",
            "Từ khóa tìm kiếm quá dài: tối đa 200 ký tự.",
            "The search text is too long: 200 characters at most."),
    }
}

/// `?limit=&cursor=` of the catalog: the catalog is fixed for the server's lifetime, so the
/// cursor is simply where the next page starts.
#[derive(Debug, Default, Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
struct CatalogPaging {
    /// Entries per page, 1 to 200 (default 50).
    #[param(minimum = 1, maximum = 200)]
    limit: Option<u32>,
    /// The `next` value of the previous page; past the end, an empty page.
    #[param(minimum = 0, maximum = 1000000)]
    cursor: Option<u32>,
}

#[derive(Debug, Deserialize)]
struct ListQuery {
    /// Search text; diacritics and case are ignored. Without it, every procedure: those with a
    /// form here first, then the national catalog in code order.
    q: Option<String>,
}

#[utoipa::path(get, path = "/procedures", tag = "catalog", operation_id = "list_procedures",
    summary = "Search every procedure: forms here and the national catalog",
    description = "Ranked by how well the name matches (whole words before word starts, words near the start of the name first); diacritics and case are ignored. Paged: `next` (and the `Link` header) continues the same search.",
    params(("q" = Option<String>, Query, description = "Search words; diacritics and case are ignored", max_length = 200), CatalogPaging),
    responses((status = 200, body = CatalogPage), SearchError, super::paging::PagingError, Common))]
async fn list(
    State(state): State<AppState>,
    Query(query): Query<ListQuery>,
    Query(paging): Query<CatalogPaging>,
) -> Result<axum::response::Response, Failure> {
    use time::format_description::well_known::Rfc3339;
    let limit = super::paging::limit_of(paging.limit)? as usize;
    let offset = match paging.cursor {
        Some(n) if n > 1_000_000 => return Err(super::paging::PagingError::Cursor.into()),
        n => n.unwrap_or(0) as usize,
    };
    if query.q.as_deref().is_some_and(|q| q.chars().count() > 200) {
        return Err(SearchError::QueryTooLong.into());
    }
    let q = query.q.as_deref().map(str::trim).filter(|q| !q.is_empty());
    let hits = state.directory.search(q);
    let since = (crate::clock::now_vietnam().map_err(Failure::internal)?
        - time::Duration::days(30))
    .format(&Rfc3339)
    .map_err(Failure::internal)?;
    let counts = state.storage.filing_counts(&since).await?;
    let items = hits
        .iter()
        .skip(offset)
        .take(limit)
        .map(|i| {
            let p = state.directory.item(*i);
            motlan_core::api::ProcedureSummary {
                filed_recently: counts.get(p.code.as_str()).copied().unwrap_or(0),
                ..p.clone()
            }
        })
        .collect();
    let end = offset + limit;
    let next = (end < hits.len()).then(|| end.to_string());
    let path = match q {
        Some(q) => format!("/procedures?q={}", motlan_core::text::percent_encode(q)),
        None => "/procedures".to_owned(),
    };
    Ok(super::paging::with_link(
        Json(CatalogPage {
            items,
            total: hits.len(),
            next: next.clone(),
        }),
        &path,
        limit as u32,
        next.as_deref(),
    ))
}

#[utoipa::path(get, path = "/procedures/{code}/information", tag = "catalog",
    summary = "A procedure's information page: who handles it, fees and times, its documents classified",
    description = "For every procedure of the national catalog and every form here. Documents come in the checker's classes: `reusable` (a national system holds it: never requested), `abolished`, `upload`, `unclear` and `not_a_document` (notes run together with the list). A procedure with a form keeps its definition's documents, which filing applies.",
    params(("code" = String, Path, example = "1.001193")),
    responses((status = 200, body = ProcedureInformation), CatalogError, Common))]
async fn information(
    State(state): State<AppState>,
    Path(code): Path<String>,
) -> Result<Json<ProcedureInformation>, Failure> {
    let code = motlan_core::ProcedureCode::parse(&code)
        .map_err(|_| Failure::from(CatalogError::ProcedureNotFound))?;
    let national = state
        .national_catalog
        .get(code.as_str())
        .map(|e| (&e.record, &e.documents[..]));
    motlan_core::checker::information(&code, national, state.catalog.get(code.as_str()))
        .map(Json)
        .ok_or_else(|| CatalogError::ProcedureNotFound.into())
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
        old_units: &state.old_units,
    };
    let (answers, errors) = check_questions(procedure, &request.answers, &request.questions, ctx);
    Ok(Json(CheckResponse { answers, errors }))
}

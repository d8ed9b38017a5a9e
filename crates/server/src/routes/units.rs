//! Administrative units since 1 July 2025, for the province and ward pickers.

use axum::Json;
use axum::extract::{Path, Query, State};
use motlan_core::validate::{Province, Ward};
use serde::{Deserialize, Serialize};

use crate::AppState;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use crate::error::{Common, Failure, api_errors};

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(provinces))
        .routes(routes!(wards))
        // The unit list does not change while the server runs.
        .route_layer(super::cacheable(86_400))
}

api_errors! {
    /// A province code not in the unit list.
    pub enum UnitError {
        ProvinceNotFound => (NOT_FOUND, "not_found",
            "Không tìm thấy tỉnh, thành phố này.",
            "This province was not found."),
    }
}

/// A province without its wards.
#[derive(Serialize, utoipa::ToSchema)]
struct ProvinceSummary {
    code: u16,
    name: String,
    wards: usize,
}

#[derive(Serialize, utoipa::ToSchema)]
struct WardEntry {
    code: u32,
    name: String,
}

#[utoipa::path(get, path = "/provinces", tag = "catalog", summary = "The provinces and cities since 1 July 2025", responses((status = 200, description = "The 34 provinces and cities", body = [ProvinceSummary]), Common))]
async fn provinces(State(state): State<AppState>) -> Json<Vec<ProvinceSummary>> {
    Json(
        state
            .units
            .provinces()
            .iter()
            .map(|p: &Province| ProvinceSummary {
                code: p.code,
                name: p.name.clone(),
                wards: p.wards.len(),
            })
            .collect(),
    )
}

#[derive(Deserialize)]
struct WardQuery {
    q: Option<String>,
}

#[utoipa::path(get, path = "/provinces/{code}/wards", tag = "catalog",
    params(("code" = u16, Path, minimum = 1, maximum = 65535, example = 1), ("q" = Option<String>, Query, description = "Part of the name; diacritics and case are ignored")),
    summary = "The wards of a province",
    responses((status = 200, body = [WardEntry]), UnitError, Common))]
async fn wards(
    State(state): State<AppState>,
    Path(code): Path<u16>,
    Query(query): Query<WardQuery>,
) -> Result<Json<Vec<WardEntry>>, Failure> {
    let province = state
        .units
        .province(code)
        .ok_or(UnitError::ProvinceNotFound)?;
    let entry = |w: &Ward| WardEntry {
        code: w.code,
        name: w.name.clone(),
    };
    Ok(Json(
        match query.q.as_deref().map(str::trim).filter(|q| !q.is_empty()) {
            Some(q) => state
                .units
                .find_wards(code, q)
                .into_iter()
                .map(entry)
                .collect(),
            None => province.wards.iter().map(entry).collect(),
        },
    ))
}

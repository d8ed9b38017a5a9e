//! The administrative units from before 1 July 2025, for historical addresses: the old provinces
//! with their districts, and a district's communes each with the commune(s) of today it went into.

use axum::Json;
use axum::extract::{Path, State};
use motlan_core::api::{
    OldCommuneEntry, OldDistrictDetail, OldDistrictSummary, OldProvinceSummary,
};

use crate::AppState;
use crate::error::{Common, Failure, api_errors};
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(old_provinces))
        .routes(routes!(old_district))
        // The lists do not change while the server runs.
        .route_layer(super::cacheable(86_400))
}

api_errors! {
    /// A district code not in the old list.
    pub enum OldUnitError {
        DistrictNotFound => (NOT_FOUND, "not_found",
            "Không tìm thấy quận, huyện này trong danh mục trước ngày 01/7/2025.",
            "This district is not in the list from before 1 July 2025."),
    }
}

#[utoipa::path(get, path = "/old-provinces", tag = "catalog",
    summary = "The 63 provinces and cities before 1 July 2025, with their districts",
    responses((status = 200, body = [OldProvinceSummary]), Common))]
async fn old_provinces(State(state): State<AppState>) -> Json<Vec<OldProvinceSummary>> {
    Json(
        state
            .old_units
            .provinces()
            .iter()
            .map(|p| OldProvinceSummary {
                code: p.code,
                name: p.name.clone(),
                districts: p
                    .districts
                    .iter()
                    .map(|d| OldDistrictSummary {
                        code: d.code,
                        name: d.name.clone(),
                    })
                    .collect(),
            })
            .collect(),
    )
}

#[utoipa::path(get, path = "/old-districts/{code}", tag = "catalog",
    params(("code" = u16, Path, minimum = 1, maximum = 65535, example = 1)),
    summary = "An old district's communes, each with the commune(s) of today it went into and the official note",
    responses((status = 200, body = OldDistrictDetail), OldUnitError, Common))]
async fn old_district(
    State(state): State<AppState>,
    Path(code): Path<u16>,
) -> Result<Json<OldDistrictDetail>, Failure> {
    let (province, district) = state
        .old_units
        .district(code)
        .ok_or(OldUnitError::DistrictNotFound)?;
    let communes = district
        .communes
        .iter()
        .filter_map(|c| {
            let today = state.old_units.commune_conversion(c.code)?.clone();
            Some(OldCommuneEntry {
                commune: c.clone(),
                today,
            })
        })
        .collect();
    Ok(Json(OldDistrictDetail {
        code: district.code,
        name: district.name.clone(),
        province_code: province.code,
        province_name: province.name.clone(),
        communes,
        today: state.old_units.district_conversion(district.code).cloned(),
    }))
}

//! The volunteer registry and the youth-union report, on the officer/admin SANDBOX token: who
//! may offer help, suspending a volunteer, and aggregate figures with small counts hidden.

use axum::Json;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use motlan_core::api::VolunteerReport;
use motlan_core::help::{self, Volunteer};
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use super::HelpError;
use crate::AppState;
use crate::error::{Body, Common, Failure, api_errors};
use crate::routes::officer::{Officer, OfficerError};

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(register, list))
        .routes(routes!(suspend))
        .routes(routes!(report))
}

api_errors! {
    /// A registry entry that cannot be stored.
    pub enum RegistryError {
        Invalid => (UNPROCESSABLE_ENTITY, "volunteer_invalid",
            "Thông tin tình nguyện viên chưa hợp lệ: {}. Cần số định danh 12 chữ số, họ tên, tổ, xã, đơn vị Đoàn và thời gian hoạt động có ngày kết thúc sau ngày bắt đầu.",
            "The volunteer's entry is not valid: {}. It needs a 12-digit personal ID, name, team, commune, youth-union unit and a period that ends after it starts."),
    }
}

#[utoipa::path(post, path = "/volunteers", operation_id = "register_volunteer", tag = "volunteers", security(("officer" = [])),
    summary = "Register a volunteer (or update their entry)",
    request_body = Volunteer,
    responses((status = 201, body = Volunteer), RegistryError, OfficerError, Common))]
async fn register(
    _: Officer,
    State(state): State<AppState>,
    Body(volunteer): Body<Volunteer>,
) -> Result<(StatusCode, Json<Volunteer>), Failure> {
    let problems = volunteer.problems();
    if !problems.is_empty() {
        let fields: Vec<&str> = problems.iter().map(|(field, _)| *field).collect();
        return Err(Failure::from(RegistryError::Invalid).with_arg(fields.join(", ")));
    }
    let at = crate::clock::now_vietnam_rfc3339().map_err(Failure::internal)?;
    state.storage.register_volunteer(&volunteer, &at).await?;
    Ok((StatusCode::CREATED, Json(volunteer)))
}

#[utoipa::path(get, path = "/volunteers", operation_id = "list_volunteers", tag = "volunteers", security(("officer" = [])),
    summary = "The volunteer registry",
    responses((status = 200, body = [Volunteer]), OfficerError, Common))]
async fn list(_: Officer, State(state): State<AppState>) -> Result<Json<Vec<Volunteer>>, Failure> {
    Ok(Json(state.storage.volunteers().await?))
}

#[utoipa::path(post, path = "/volunteers/{personal_id}/suspend", operation_id = "suspend_volunteer", tag = "volunteers", security(("officer" = [])),
    params(("personal_id" = String, Path)),
    summary = "Suspend a volunteer: no new help session (past help stays on record)",
    responses((status = 200, body = Volunteer), HelpError, OfficerError, Common))]
async fn suspend(
    _: Officer,
    State(state): State<AppState>,
    Path(personal_id): Path<String>,
) -> Result<Json<Volunteer>, Failure> {
    let at = crate::clock::now_vietnam_rfc3339().map_err(Failure::internal)?;
    if !state.storage.suspend_volunteer(&personal_id, &at).await? {
        return Err(HelpError::VolunteerUnknown.into());
    }
    state
        .storage
        .volunteer(&personal_id)
        .await?
        .map(Json)
        .ok_or_else(|| HelpError::VolunteerUnknown.into())
}

#[utoipa::path(get, path = "/volunteer-report", operation_id = "volunteer_report", tag = "volunteers", security(("officer" = [])),
    summary = "Per team and commune: residents helped, procedures, questions and documents avoided, declines and reports (counts under 5 shown as \"<5\")",
    responses((status = 200, body = VolunteerReport), OfficerError, Common))]
async fn report(
    _: Officer,
    State(state): State<AppState>,
) -> Result<Json<VolunteerReport>, Failure> {
    Ok(Json(VolunteerReport {
        rows: help::report(&state.storage.help_records().await?),
        smallest_shown: help::SMALLEST_SHOWN,
    }))
}

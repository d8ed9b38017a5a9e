//! The signed-in citizen: consents per purpose, pre-filling a form from national data, and the
//! data-use receipt listing every read of national data.

use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::routing::{get, post, put};
use axum::{Json, Router};
use serde::Deserialize;

use crate::AppState;
use crate::consent::{self, Purpose, PurposeText};
use crate::error::{Body, Failure};
use crate::identity::Citizen;
use crate::national::read_for;
use crate::storage::{ConsentRecord, DataUse};

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/consent-purposes", get(purposes))
        .route("/me", get(me))
        .route("/me/consents", get(consents))
        .route("/me/consents/{purpose}", put(give).delete(withdraw))
        .route("/me/prefill", post(prefill))
        .route("/me/data-use", get(data_use))
        .route("/me/national-data", get(national_data))
        .route("/me/draft-key", get(draft_key).delete(forget_draft_key))
}

#[utoipa::path(get, path = "/consent-purposes", tag = "consent", responses((status = 200, body = [crate::consent::PurposeText])))]
async fn purposes() -> Json<Vec<PurposeText>> {
    Json(consent::texts())
}

use motlan_core::api::Me;

#[utoipa::path(get, path = "/me", tag = "consent", security(("citizen" = [])), responses((status = 200, body = Me), (status = 401, body = motlan_core::api::ApiError)))]
async fn me(citizen: Citizen) -> Json<Me> {
    Json(Me {
        sub: citizen.sub,
        name: citizen.name,
        sandbox: true,
    })
}

#[utoipa::path(get, path = "/me/consents", tag = "consent", security(("citizen" = [])), responses((status = 200, body = [crate::storage::ConsentRecord])))]
async fn consents(
    State(state): State<AppState>,
    citizen: Citizen,
) -> Result<Json<Vec<ConsentRecord>>, Failure> {
    Ok(Json(state.storage.consents(&citizen.sub).await?))
}

fn purpose(text: &str) -> Result<Purpose, Failure> {
    Purpose::parse(text).ok_or_else(|| Failure::not_found("mục đích này", "This purpose"))
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
#[derive(utoipa::ToSchema)]
struct Give {
    text_version: String,
}

#[utoipa::path(put, path = "/me/consents/{purpose}", tag = "consent", security(("citizen" = [])), params(("purpose" = String, Path, example = "identity")), request_body = Give,
    responses((status = 200, body = crate::storage::ConsentRecord), (status = 404, body = motlan_core::api::ApiError), (status = 422, description = "Outdated consent text", body = motlan_core::api::ApiError)))]
async fn give(
    State(state): State<AppState>,
    citizen: Citizen,
    Path(name): Path<String>,
    Body(body): Body<Give>,
) -> Result<Json<ConsentRecord>, Failure> {
    let purpose = purpose(&name)?;
    if body.text_version != consent::TEXT_VERSION {
        return Err(Failure::new(
            StatusCode::UNPROCESSABLE_ENTITY,
            "consent_text_outdated",
            "Nội dung đồng ý đã được cập nhật. Vui lòng đọc lại và đồng ý với nội dung mới.",
            "The consent text has changed. Please read it again and agree to the new text.",
        ));
    }
    let now = crate::clock::now_vietnam_rfc3339().map_err(Failure::internal)?;
    let record = state
        .storage
        .give_consent(&citizen.sub, purpose.as_str(), consent::TEXT_VERSION, &now)
        .await?;
    Ok(Json(record))
}

#[utoipa::path(delete, path = "/me/consents/{purpose}", tag = "consent", security(("citizen" = [])), params(("purpose" = String, Path)), responses((status = 204, description = "Withdrawn")))]
async fn withdraw(
    State(state): State<AppState>,
    citizen: Citizen,
    Path(name): Path<String>,
) -> Result<StatusCode, Failure> {
    let purpose = purpose(&name)?;
    let now = crate::clock::now_vietnam_rfc3339().map_err(Failure::internal)?;
    state
        .storage
        .withdraw_consent(&citizen.sub, purpose.as_str(), &now)
        .await?;
    Ok(StatusCode::NO_CONTENT)
}

use motlan_core::api::{PrefillRequest, PrefillResponse};

#[utoipa::path(post, path = "/me/prefill", tag = "consent", security(("citizen" = [])), request_body = PrefillRequest, responses((status = 200, body = PrefillResponse), (status = 404, body = motlan_core::api::ApiError)))]
async fn prefill(
    State(state): State<AppState>,
    citizen: Citizen,
    Body(request): Body<PrefillRequest>,
) -> Result<Json<PrefillResponse>, Failure> {
    let procedure = state
        .catalog
        .get(&request.procedure_code)
        .ok_or_else(|| Failure::not_found("thủ tục này", "This procedure"))?;
    let reading = read_for(&state, &citizen.sub, procedure, &request.answers)
        .await
        .map_err(Failure::internal)?;
    state
        .storage
        .record_data_use(&citizen.sub, &reading.uses)
        .await?;
    Ok(Json(PrefillResponse {
        prefilled: reading.prefilled,
        documents: reading.documents,
        missing_consents: reading
            .missing_consents
            .iter()
            .map(|p| p.as_str().to_owned())
            .collect(),
    }))
}

#[utoipa::path(get, path = "/me/data-use", tag = "consent", security(("citizen" = [])), responses((status = 200, description = "Every read of national data, newest first", body = [crate::storage::DataUse])))]
async fn data_use(
    State(state): State<AppState>,
    citizen: Citizen,
) -> Result<Json<Vec<DataUse>>, Failure> {
    Ok(Json(state.storage.data_use(&citizen.sub).await?))
}

/// What national systems hold about the signed-in citizen, within the consents in force; the
/// read is recorded in the data-use receipt like any other.
#[utoipa::path(get, path = "/me/national-data", tag = "consent", security(("citizen" = [])),
    responses((status = 200, description = "The population record and relations, civil-status records, e-notices, VNeID papers and data-warehouse documents the consents allow; null without the identity consent")))]
async fn national_data(
    State(state): State<AppState>,
    citizen: Citizen,
) -> Result<Json<Option<motlan_core::citizen::CitizenData>>, Failure> {
    let (data, uses) = crate::national::read_all(&state, &citizen.sub)
        .await
        .map_err(Failure::internal)?;
    state.storage.record_data_use(&citizen.sub, &uses).await?;
    Ok(Json(data))
}

/// How long a draft stays readable after the key was last fetched.
const DRAFT_SESSION: time::Duration = time::Duration::hours(24);

#[utoipa::path(get, path = "/me/draft-key", tag = "consent", security(("citizen" = [])),
    responses((status = 200, description = "The key of the citizen's browser drafts; created when none is in force, and kept 24 hours from each fetch", body = motlan_core::api::DraftKey), (status = 401, body = motlan_core::api::ApiError)))]
async fn draft_key(
    State(state): State<AppState>,
    citizen: Citizen,
) -> Result<Json<motlan_core::api::DraftKey>, Failure> {
    use base64::Engine as _;
    use time::format_description::well_known::Rfc3339;
    let mut bytes = [0u8; 32];
    getrandom::fill(&mut bytes)
        .map_err(|e| Failure::internal(anyhow::anyhow!("no randomness: {e}")))?;
    let fresh = base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(bytes);
    let now = crate::clock::now_vietnam().map_err(Failure::internal)?;
    let expires = now + DRAFT_SESSION;
    let key = state
        .storage
        .draft_key(
            &citizen.sub,
            now.unix_timestamp(),
            &fresh,
            expires.unix_timestamp(),
        )
        .await?;
    Ok(Json(motlan_core::api::DraftKey {
        key,
        expires_at: expires.format(&Rfc3339).map_err(Failure::internal)?,
    }))
}

#[utoipa::path(delete, path = "/me/draft-key", tag = "consent", security(("citizen" = [])),
    responses((status = 204, description = "Forgotten: drafts encrypted with it can no longer be opened")))]
async fn forget_draft_key(
    State(state): State<AppState>,
    citizen: Citizen,
) -> Result<StatusCode, Failure> {
    state.storage.forget_draft_key(&citizen.sub).await?;
    Ok(StatusCode::NO_CONTENT)
}

//! The signed-in citizen: consents per purpose, pre-filling a form from national data, and the
//! data-use receipt listing every read of national data.

use axum::Json;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use serde::Deserialize;

use super::procedures::CatalogError;
use crate::AppState;
use crate::consent::{self, Purpose, PurposeText};
use crate::error::{Body, Common, Failure, api_errors};
use crate::identity::{AuthError, Citizen};
use crate::national::read_for;
use crate::storage::ConsentRecord;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(purposes))
        .routes(routes!(me))
        .routes(routes!(consents))
        .routes(routes!(give, withdraw))
        .routes(routes!(prefill))
        .routes(routes!(data_use))
        .routes(routes!(national_data))
        .routes(routes!(draft_key, forget_draft_key))
}

api_errors! {
    /// Problems with a consent.
    pub enum ConsentError {
        PurposeNotFound => (NOT_FOUND, "not_found",
            "Không tìm thấy mục đích này. Các mục đích: identity, civil_status, papers.",
            "This purpose was not found. The purposes are identity, civil_status, papers."),
        TextOutdated => (UNPROCESSABLE_ENTITY, "consent_text_outdated",
            "Nội dung đồng ý đã được cập nhật. Vui lòng đọc lại và đồng ý với nội dung mới.",
            "The consent text has changed. Please read it again and agree to the new text."),
    }
}

#[utoipa::path(get, path = "/consent-purposes", tag = "consent", summary = "What each consent purpose reads, and why",
    responses((status = 200, body = [crate::consent::PurposeText]), Common))]
async fn purposes() -> Json<Vec<PurposeText>> {
    Json(consent::texts())
}

use motlan_core::api::Me;

#[utoipa::path(get, path = "/me", tag = "consent", security(("citizen" = [])), summary = "The signed-in citizen",
    responses((status = 200, body = Me), AuthError, Common))]
async fn me(State(state): State<AppState>, citizen: Citizen) -> Json<Me> {
    Json(Me {
        sub: citizen.sub,
        name: citizen.name,
        sandbox: state.identity.is_sandbox(),
    })
}

#[utoipa::path(get, path = "/me/consents", tag = "consent", security(("citizen" = [])), summary = "The consents in force",
    responses((status = 200, body = [crate::storage::ConsentRecord]), AuthError, Common))]
async fn consents(
    State(state): State<AppState>,
    citizen: Citizen,
) -> Result<Json<Vec<ConsentRecord>>, Failure> {
    Ok(Json(state.storage.consents(&citizen.sub).await?))
}

fn purpose(text: &str) -> Result<Purpose, Failure> {
    Purpose::parse(text).ok_or_else(|| ConsentError::PurposeNotFound.into())
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
#[derive(utoipa::ToSchema)]
#[schema(example = json!({"text_version": "2026-11-30"}))]
struct Give {
    /// The version of the consent texts the citizen read (`GET /consent-purposes`).
    #[schema(pattern = "^2026-11-30$", example = "2026-11-30")]
    text_version: String,
}

#[utoipa::path(put, path = "/me/consents/{purpose}", tag = "consent", security(("citizen" = [])), params(("purpose" = String, Path, example = "identity")), request_body = Give,
    summary = "Give a consent for a purpose",
    responses((status = 200, body = crate::storage::ConsentRecord), ConsentError, AuthError, Common))]
async fn give(
    State(state): State<AppState>,
    citizen: Citizen,
    Path(name): Path<String>,
    Body(body): Body<Give>,
) -> Result<Json<ConsentRecord>, Failure> {
    let purpose = purpose(&name)?;
    if body.text_version != consent::TEXT_VERSION {
        return Err(ConsentError::TextOutdated.into());
    }
    let now = crate::clock::now_vietnam_rfc3339().map_err(Failure::internal)?;
    let record = state
        .storage
        .give_consent(&citizen.sub, purpose.as_str(), consent::TEXT_VERSION, &now)
        .await?;
    Ok(Json(record))
}

#[utoipa::path(delete, path = "/me/consents/{purpose}", tag = "consent", operation_id = "withdraw_consent", security(("citizen" = [])), params(("purpose" = String, Path)),
    summary = "Withdraw a consent",
    responses((status = 204, description = "Withdrawn"), ConsentError, AuthError, Common))]
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

#[utoipa::path(post, path = "/me/prefill", tag = "consent", security(("citizen" = [])), request_body = PrefillRequest,
    summary = "What national data fills in a procedure's form, within the consents in force",
    responses((status = 200, body = PrefillResponse), CatalogError, AuthError, Common))]
async fn prefill(
    State(state): State<AppState>,
    citizen: Citizen,
    Body(request): Body<PrefillRequest>,
) -> Result<Json<PrefillResponse>, Failure> {
    let procedure = state
        .catalog
        .get(&request.procedure_code)
        .ok_or(CatalogError::ProcedureNotFound)?;
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
        missing_consents: reading.missing_consents,
    }))
}

#[utoipa::path(get, path = "/me/data-use", tag = "consent", security(("citizen" = [])), params(super::paging::Paging),
    summary = "The data-use receipt: every read of national data, newest first, a page at a time",
    responses((status = 200, description = "Reads of national data, newest first", body = motlan_core::api::DataUsePage,
        headers(("Link" = String, description = "`<…>; rel=\"next\"` when a next page exists"))),
        super::paging::PagingError, AuthError, Common))]
async fn data_use(
    State(state): State<AppState>,
    citizen: Citizen,
    Query(paging): Query<super::paging::Paging>,
) -> Result<axum::response::Response, Failure> {
    let limit = paging.limit()?;
    let after = paging.after()?;
    let (mut uses, next) = state
        .storage
        .data_use(
            &citizen.sub,
            after.as_ref().map(|k| (k.at.as_str(), k.id.as_str())),
            limit,
        )
        .await?;
    // Say, beside each read made for a dossier filed with help, that the helper received none of it.
    let mut helpers = std::collections::BTreeMap::<String, Option<String>>::new();
    for entry in &mut uses {
        let Some(code) = entry.dossier_code.clone() else {
            continue;
        };
        if !helpers.contains_key(&code) {
            let helper = state
                .storage
                .dossier(&code)
                .await?
                .and_then(|d| d.receipt.assisted_by)
                .map(|by| by.full_name);
            helpers.insert(code.clone(), helper);
        }
        entry.helper = helpers.get(&code).cloned().flatten();
    }
    let next = next.map(|(at, id)| super::paging::encode(&super::paging::Key { at, id }));
    Ok(super::paging::with_link(
        Json(motlan_core::api::DataUsePage {
            items: uses,
            next: next.clone(),
        }),
        "/me/data-use",
        limit,
        next.as_deref(),
    ))
}

/// What national systems hold about the signed-in citizen, within the consents in force; the
/// read is recorded in the data-use receipt like any other.
#[utoipa::path(get, path = "/me/national-data", tag = "consent", security(("citizen" = [])),
    summary = "What national systems hold about the citizen (SANDBOX)",
    responses((status = 200, description = "The population record and relations, civil-status records, e-notices, VNeID papers and data-warehouse documents the consents allow; null without the identity consent"), AuthError, Common))]
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
    summary = "The key of the citizen's encrypted browser drafts",
    responses((status = 200, description = "The key of the citizen's browser drafts; created when none is in force, and kept 24 hours from each fetch", body = motlan_core::api::DraftKey), AuthError, Common))]
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
    summary = "Forget the draft key (at sign-out)",
    responses((status = 204, description = "Forgotten: drafts encrypted with it can no longer be opened"), AuthError, Common))]
async fn forget_draft_key(
    State(state): State<AppState>,
    citizen: Citizen,
) -> Result<StatusCode, Failure> {
    state.storage.forget_draft_key(&citizen.sub).await?;
    Ok(StatusCode::NO_CONTENT)
}

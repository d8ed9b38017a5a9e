//! The officer SANDBOX: a small API, guarded by a configured token, that moves dossiers through
//! their states so tracking can be shown and tested. A real province connects its own
//! processing system instead. Without `--officer-token` it is switched off.

use axum::extract::{FromRequestParts, Path, Query, State};
use axum::http::request::Parts;
use axum::http::{StatusCode, header};
use axum::routing::{get, post};
use axum::{Json, Router};
use motlan_core::Localized;
use motlan_core::api::{DossierReceipt, DossierStatus, SupplementItem, SupplementRequest};
use motlan_core::citizen::WarehouseDocument;
use motlan_core::kinds::PaperKind;
use serde::Deserialize;
use sha2::{Digest, Sha256};

use crate::AppState;
use crate::error::{Body, Failure};
use crate::storage::Column;

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/officer/dossiers", get(list))
        .route("/officer/dossiers/{code}/process", post(process))
        .route(
            "/officer/dossiers/{code}/supplement-request",
            post(request_supplement),
        )
        .route("/officer/dossiers/{code}/result", post(result))
        .route("/officer/dossiers/{code}/reject", post(reject))
}

/// A caller holding the officer token.
pub struct Officer;

impl FromRequestParts<AppState> for Officer {
    type Rejection = Failure;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, Failure> {
        let Some(expected) = &state.officer_token else {
            return Err(Failure::new(
                StatusCode::FORBIDDEN,
                "officer_sandbox_off",
                "Giao diện cán bộ thử nghiệm đang tắt (cần cấu hình --officer-token).",
                "The officer sandbox is switched off (configure --officer-token).",
            ));
        };
        let given = parts
            .headers
            .get(header::AUTHORIZATION)
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.strip_prefix("Bearer "))
            .unwrap_or_default();
        // Compare digests, so the time taken says nothing about the token.
        if Sha256::digest(given.as_bytes()) == Sha256::digest(expected.as_bytes()) {
            Ok(Officer)
        } else {
            Err(Failure::new(
                StatusCode::UNAUTHORIZED,
                "officer_token_invalid",
                "Mã truy cập của cán bộ không đúng.",
                "The officer access token is wrong.",
            ))
        }
    }
}

async fn stored(state: &AppState, code: &str) -> Result<crate::storage::StoredDossier, Failure> {
    state
        .storage
        .dossier(code)
        .await?
        .ok_or_else(|| Failure::not_found("hồ sơ này", "This dossier"))
}

#[derive(Deserialize)]
struct ListQuery {
    status: Option<String>,
}

#[utoipa::path(get, path = "/officer/dossiers", tag = "officer sandbox", security(("officer" = [])), params(("status" = Option<String>, Query)), responses((status = 200, body = [motlan_core::api::DossierReceipt])))]
async fn list(
    _: Officer,
    State(state): State<AppState>,
    Query(query): Query<ListQuery>,
) -> Result<Json<Vec<DossierReceipt>>, Failure> {
    let status = match query.status.as_deref() {
        None => None,
        Some(text) => Some(
            DossierStatus::parse(text)
                .ok_or_else(|| Failure::not_found("trạng thái này", "This status"))?,
        ),
    };
    Ok(Json(state.storage.all_dossiers(status).await?))
}

async fn move_to(
    state: &AppState,
    code: &str,
    from: &[DossierStatus],
    to: DossierStatus,
    note: Localized,
    updates: &[(Column, Option<String>)],
) -> Result<Json<DossierReceipt>, Failure> {
    let at = crate::clock::now_vietnam_rfc3339().map_err(Failure::internal)?;
    match state
        .storage
        .transition_with(code, from, to, &at, &note, updates)
        .await?
    {
        Some(Ok(_)) => {}
        Some(Err(current)) => {
            return Err(Failure::new(
                StatusCode::CONFLICT,
                "transition_not_allowed",
                &format!(
                    "Không thể chuyển hồ sơ từ trạng thái {} sang {}.",
                    current.as_str(),
                    to.as_str()
                ),
                &format!(
                    "The dossier cannot move from {} to {}.",
                    current.as_str(),
                    to.as_str()
                ),
            ));
        }
        None => return Err(Failure::not_found("hồ sơ này", "This dossier")),
    }
    let stored = stored(state, code).await?;
    Ok(Json(stored.receipt))
}

#[utoipa::path(post, path = "/officer/dossiers/{code}/process", tag = "officer sandbox", security(("officer" = [])), params(("code" = String, Path)),
    responses((status = 200, body = motlan_core::api::DossierReceipt), (status = 409, description = "Not allowed from the current state", body = motlan_core::api::ApiError)))]
async fn process(
    _: Officer,
    State(state): State<AppState>,
    Path(code): Path<String>,
) -> Result<Json<DossierReceipt>, Failure> {
    let note = Localized {
        vi: "Cán bộ đã tiếp nhận và đang xử lý hồ sơ.".to_owned(),
        en: "An officer is processing the dossier.".to_owned(),
    };
    move_to(
        &state,
        &code,
        &[DossierStatus::Received],
        DossierStatus::InProcessing,
        note,
        &[],
    )
    .await
}

#[utoipa::path(post, path = "/officer/dossiers/{code}/supplement-request", tag = "officer sandbox", security(("officer" = [])), params(("code" = String, Path)), request_body = motlan_core::api::SupplementRequest,
    responses((status = 200, body = motlan_core::api::DossierReceipt), (status = 409, description = "Not allowed from the current state", body = motlan_core::api::ApiError)))]
async fn request_supplement(
    _: Officer,
    State(state): State<AppState>,
    Path(code): Path<String>,
    Body(request): Body<SupplementRequest>,
) -> Result<Json<DossierReceipt>, Failure> {
    let stored = stored(&state, &code).await?;
    let procedure = state
        .catalog
        .get(&stored.receipt.procedure_code)
        .ok_or_else(|| Failure::internal("a stored dossier's procedure left the catalog"))?;
    let questions: Vec<&str> = procedure
        .pages
        .iter()
        .flat_map(|p| &p.questions)
        .map(|q| q.id.as_str())
        .collect();
    let unknown: Vec<String> = request
        .items
        .iter()
        .filter(|item| match item {
            SupplementItem::Answer(id) => !questions.contains(&id.as_str()),
            SupplementItem::Document(id) => !procedure.documents.iter().any(|d| &d.id == id),
        })
        .map(|item| format!("{item:?}"))
        .collect();
    if request.items.is_empty() || !unknown.is_empty() {
        return Err(Failure::new(
            StatusCode::UNPROCESSABLE_ENTITY,
            "supplement_items_invalid",
            &format!(
                "Yêu cầu bổ sung phải nêu rõ từng câu hỏi hoặc giấy tờ của thủ tục. Không hợp lệ: {unknown:?}"
            ),
            &format!(
                "A supplement request must name questions or documents of the procedure. Invalid: {unknown:?}"
            ),
        ));
    }
    let note = Localized {
        vi: format!("Yêu cầu bổ sung: {}", request.note.vi),
        en: format!("Supplement requested: {}", request.note.en),
    };
    let json = serde_json::to_string(&request).map_err(Failure::internal)?;
    move_to(
        &state,
        &code,
        &[DossierStatus::Received, DossierStatus::InProcessing],
        DossierStatus::SupplementRequested,
        note,
        &[(Column::Supplement, Some(json))],
    )
    .await
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
#[derive(utoipa::ToSchema)]
struct ResultBody {
    /// Title of the electronic result, e.g. `Giấy khai sinh bản điện tử`.
    title: String,
    /// The kind of paper it is, so later procedures can reuse it.
    kind: PaperKind,
}

#[utoipa::path(post, path = "/officer/dossiers/{code}/result", tag = "officer sandbox", security(("officer" = [])), params(("code" = String, Path)), request_body = ResultBody,
    responses((status = 200, body = motlan_core::api::DossierReceipt), (status = 409, description = "Not allowed from the current state", body = motlan_core::api::ApiError)))]
async fn result(
    _: Officer,
    State(state): State<AppState>,
    Path(code): Path<String>,
    Body(body): Body<ResultBody>,
) -> Result<Json<DossierReceipt>, Failure> {
    let stored = stored(&state, &code).await?;
    let note = Localized {
        vi: format!(
            "Đã có kết quả: {}. Bản điện tử đã được lưu vào kho dữ liệu của công dân.",
            body.title
        ),
        en: format!(
            "Result ready: {}. The electronic copy is in the citizen's data warehouse.",
            body.title
        ),
    };
    let receipt = move_to(
        &state,
        &code,
        &[DossierStatus::Received, DossierStatus::InProcessing],
        DossierStatus::ResultReady,
        note,
        &[],
    )
    .await?;
    let now = crate::clock::now_vietnam().map_err(Failure::internal)?;
    let document = WarehouseDocument {
        record_id: format!("KQ-{code}"),
        kind: body.kind,
        title: body.title.clone(),
        issuer: state.receiving_unit.to_string(),
        issued_on: now.date(),
        dossier_code: Some(code.clone()),
        sha256: format!(
            "{:x}",
            Sha256::digest(format!("{code}\n{}", body.title).as_bytes())
        ),
        certified_copy: false,
    };
    state.storage.add_result(&stored.owner, &document).await?;
    Ok(receipt)
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
#[derive(utoipa::ToSchema)]
struct RejectBody {
    reason: Localized,
}

#[utoipa::path(post, path = "/officer/dossiers/{code}/reject", tag = "officer sandbox", security(("officer" = [])), params(("code" = String, Path)), request_body = RejectBody,
    responses((status = 200, body = motlan_core::api::DossierReceipt), (status = 409, description = "Not allowed from the current state", body = motlan_core::api::ApiError)))]
async fn reject(
    _: Officer,
    State(state): State<AppState>,
    Path(code): Path<String>,
    Body(body): Body<RejectBody>,
) -> Result<Json<DossierReceipt>, Failure> {
    if body.reason.vi.trim().is_empty() || body.reason.en.trim().is_empty() {
        return Err(Failure::new(
            StatusCode::UNPROCESSABLE_ENTITY,
            "reason_required",
            "Từ chối hồ sơ phải nêu rõ lý do.",
            "A rejection must give its reason.",
        ));
    }
    let note = Localized {
        vi: format!("Hồ sơ bị từ chối. Lý do: {}", body.reason.vi),
        en: format!("The dossier was rejected. Reason: {}", body.reason.en),
    };
    move_to(
        &state,
        &code,
        &[
            DossierStatus::Received,
            DossierStatus::InProcessing,
            DossierStatus::SupplementRequested,
        ],
        DossierStatus::Rejected,
        note,
        &[],
    )
    .await
}

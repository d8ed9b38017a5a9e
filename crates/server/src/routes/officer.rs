//! The officer SANDBOX: a small API, guarded by a configured token, that moves dossiers through
//! their states so tracking can be shown and tested. A real province connects its own
//! processing system instead. Without `--officer-token` it is switched off. The core lifecycle
//! decides every move.

use axum::Json;
use axum::extract::{FromRequestParts, Path, Query, State};
use axum::http::request::Parts;
use motlan_core::Localized;
use motlan_core::api::{DossierReceipt, SupplementItem, SupplementRequest};
use motlan_core::citizen::WarehouseDocument;
use motlan_core::kinds::PaperKind;
use motlan_core::lifecycle::{Action, Actor, DossierStatus};
use serde::Deserialize;
use sha2::{Digest, Sha256};
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use crate::AppState;
use crate::error::{Body, Common, DossierMissing, Failure, Refused, api_errors};
use crate::storage::Update;

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(list))
        .routes(routes!(process))
        .routes(routes!(request_supplement))
        .routes(routes!(result))
        .routes(routes!(reject))
}

api_errors! {
    /// Errors of the officer sandbox.
    pub enum OfficerError {
        SandboxOff => (FORBIDDEN, "officer_sandbox_off",
            "Giao diện cán bộ thử nghiệm đang tắt (cần cấu hình --officer-token).",
            "The officer sandbox is switched off (configure --officer-token)."),
        TokenInvalid => (UNAUTHORIZED, "officer_token_invalid",
            "Mã truy cập của cán bộ không đúng.",
            "The officer access token is wrong."),
        StatusUnknown => (BAD_REQUEST, "status_unknown",
            "Trạng thái không hợp lệ. Các trạng thái: received, in_processing, supplement_requested, result_ready, rejected, withdrawn.",
            "Unknown status. The statuses are received, in_processing, supplement_requested, result_ready, rejected, withdrawn."),
        ItemsInvalid => (UNPROCESSABLE_ENTITY, "supplement_items_invalid",
            "Yêu cầu bổ sung phải nêu rõ từng câu hỏi hoặc giấy tờ của thủ tục. Không hợp lệ: {}",
            "A supplement request must name questions or documents of the procedure. Invalid: {}"),
        DayInvalid => (BAD_REQUEST, "day_invalid",
            "Ngày phải có dạng YYYY-MM-DD, ví dụ 2026-11-30.",
            "A day is written YYYY-MM-DD, for example 2026-11-30."),
        ReasonRequired => (UNPROCESSABLE_ENTITY, "reason_required",
            "Từ chối hồ sơ phải nêu rõ lý do.",
            "A rejection must give its reason."),
    }
}

/// A caller holding the officer token.
pub struct Officer;

impl FromRequestParts<AppState> for Officer {
    type Rejection = Failure;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, Failure> {
        let Some(expected) = &state.officer_token else {
            return Err(OfficerError::SandboxOff.into());
        };
        let given = crate::identity::bearer(&parts.headers).unwrap_or_default();
        // Compare digests, so the time taken says nothing about the token.
        if Sha256::digest(given.as_bytes()) == Sha256::digest(expected.as_bytes()) {
            Ok(Officer)
        } else {
            Err(Failure::from(OfficerError::TokenInvalid).challenge("Bearer realm=\"officer\""))
        }
    }
}

async fn stored(state: &AppState, code: &str) -> Result<crate::storage::StoredDossier, Failure> {
    state
        .storage
        .dossier(code)
        .await?
        .ok_or_else(|| DossierMissing::NotFound.into())
}

#[derive(Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
struct ListQuery {
    /// Only dossiers in this status.
    status: Option<String>,
    /// Only dossiers of this procedure, e.g. `1.001193`.
    procedure: Option<String>,
    /// Received on or after this day (`YYYY-MM-DD`, Vietnam time).
    #[param(format = Date)]
    from: Option<String>,
    /// Received on or before this day (`YYYY-MM-DD`).
    #[param(format = Date)]
    to: Option<String>,
    /// Entries per page, 1 to 200 (default 50).
    #[param(minimum = 1, maximum = 200)]
    limit: Option<u32>,
    /// The `next` value of the previous page (opaque: any other value is `400 cursor_invalid`).
    #[param(max_length = 400, pattern = "^[A-Za-z0-9_-]+$")]
    cursor: Option<String>,
}

/// A `YYYY-MM-DD` query parameter, and the day after it.
fn day(text: &str) -> Result<(time::Date, time::Date), Failure> {
    let date = motlan_core::validate::date::iso::parse(text).ok_or(OfficerError::DayInvalid)?;
    let next = date.next_day().ok_or(OfficerError::DayInvalid)?;
    Ok((date, next))
}

#[utoipa::path(get, path = "/officer/dossiers", tag = "officer sandbox", operation_id = "list_officer_dossiers", security(("officer" = [])), params(ListQuery),
    summary = "Every dossier, newest first, a page at a time; by status, procedure and days received",
    responses((status = 200, body = motlan_core::api::ReceiptPage,
        headers(("Link" = String, description = "`<…>; rel=\"next\"` when a next page exists"))),
        super::paging::PagingError, OfficerError, Common))]
async fn list(
    _: Officer,
    State(state): State<AppState>,
    Query(query): Query<ListQuery>,
) -> Result<axum::response::Response, Failure> {
    let status = match query.status.as_deref() {
        None => None,
        Some(text) => Some(DossierStatus::parse(text).ok_or(OfficerError::StatusUnknown)?),
    };
    let from = query.from.as_deref().map(day).transpose()?;
    let to = query.to.as_deref().map(day).transpose()?;
    let paging = super::paging::Paging {
        limit: query.limit,
        cursor: query.cursor.clone(),
    };
    let filter = crate::storage::ReceiptFilter {
        owner: None,
        status,
        procedure: query.procedure.clone(),
        from_day: from.map(|(d, _)| d.to_string()),
        before_day: to.map(|(_, next)| next.to_string()),
    };
    // The next page's address keeps the filters.
    let mut path = String::from("/officer/dossiers");
    let filters: Vec<String> = [
        ("status", &query.status),
        ("procedure", &query.procedure),
        ("from", &query.from),
        ("to", &query.to),
    ]
    .iter()
    .filter_map(|(name, value)| {
        value
            .as_ref()
            .map(|v| format!("{name}={}", motlan_core::text::percent_encode(v)))
    })
    .collect();
    if !filters.is_empty() {
        path = format!("{path}?{}", filters.join("&"));
    }
    super::paging::receipt_page(&state, &filter, &paging, &path).await
}

/// Takes an officer's action on the dossier; the lifecycle decides whether it is allowed and
/// what the timeline says (`detail`: see `Action::note`).
async fn move_by(
    state: &AppState,
    code: &str,
    action: Action,
    detail: Localized,
    updates: &[Update],
) -> Result<Json<DossierReceipt>, Failure> {
    let at = crate::clock::now_vietnam_rfc3339().map_err(Failure::internal)?;
    state
        .storage
        .act(code, Actor::Officer, action, &at, &detail, updates)
        .await?
        .ok_or(DossierMissing::NotFound)??;
    Ok(Json(stored(state, code).await?.receipt))
}

#[utoipa::path(post, path = "/officer/dossiers/{code}/process", tag = "officer sandbox", security(("officer" = [])), params(("code" = String, Path)),
    summary = "Start processing a received dossier",
    responses((status = 200, body = motlan_core::api::DossierReceipt), Refused, DossierMissing, OfficerError, Common))]
async fn process(
    _: Officer,
    State(state): State<AppState>,
    Path(code): Path<String>,
) -> Result<Json<DossierReceipt>, Failure> {
    move_by(&state, &code, Action::Process, Localized::default(), &[]).await
}

#[utoipa::path(post, path = "/officer/dossiers/{code}/supplement-request", tag = "officer sandbox", security(("officer" = [])), params(("code" = String, Path)), request_body = motlan_core::api::SupplementRequest,
    summary = "Ask the citizen to supply named answers or documents again",
    responses((status = 200, body = motlan_core::api::DossierReceipt), Refused, DossierMissing, OfficerError, Common))]
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
    let unknown: Vec<String> = request
        .items
        .iter()
        .filter_map(|item| match item {
            SupplementItem::Answer(id) => (!procedure
                .pages
                .iter()
                .flat_map(|p| &p.questions)
                .any(|q| &q.id == id))
            .then(|| format!("answer {id}")),
            SupplementItem::Document(id) => {
                (!procedure.documents.iter().any(|d| &d.id == id)).then(|| format!("document {id}"))
            }
        })
        .collect();
    if request.items.is_empty() || !unknown.is_empty() {
        let named = if unknown.is_empty() {
            "—".to_owned()
        } else {
            unknown.join(", ")
        };
        return Err(Failure::from(OfficerError::ItemsInvalid).with_arg(named));
    }
    let note = request.note.clone();
    let update = Update::Supplement(Some(request));
    move_by(&state, &code, Action::RequestSupplement, note, &[update]).await
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
#[derive(utoipa::ToSchema)]
#[schema(example = json!({"title": "Giấy khai sinh bản điện tử", "kind": "birth_record"}))]
struct ResultBody {
    /// Title of the electronic result, e.g. `Giấy khai sinh bản điện tử`.
    title: String,
    /// The kind of paper it is, so later procedures can reuse it.
    kind: PaperKind,
}

#[utoipa::path(post, path = "/officer/dossiers/{code}/result", tag = "officer sandbox", security(("officer" = [])), params(("code" = String, Path)), request_body = ResultBody,
    summary = "Issue the result; its electronic copy goes to the citizen's data warehouse",
    responses((status = 200, body = motlan_core::api::DossierReceipt), Refused, DossierMissing, OfficerError, Common))]
async fn result(
    _: Officer,
    State(state): State<AppState>,
    Path(code): Path<String>,
    Body(body): Body<ResultBody>,
) -> Result<Json<DossierReceipt>, Failure> {
    let stored = stored(&state, &code).await?;
    let note = Localized {
        vi: body.title.clone(),
        en: body.title.clone(),
    };
    let receipt = move_by(&state, &code, Action::IssueResult, note, &[]).await?;
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
#[schema(example = json!({"reason": {"vi": "Hồ sơ nộp sai cơ quan có thẩm quyền.", "en": "Filed with the wrong authority."}}))]
struct RejectBody {
    reason: Localized,
}

#[utoipa::path(post, path = "/officer/dossiers/{code}/reject", tag = "officer sandbox", security(("officer" = [])), params(("code" = String, Path)), request_body = RejectBody,
    summary = "Reject a dossier, giving the reason",
    responses((status = 200, body = motlan_core::api::DossierReceipt), Refused, DossierMissing, OfficerError, Common))]
async fn reject(
    _: Officer,
    State(state): State<AppState>,
    Path(code): Path<String>,
    Body(body): Body<RejectBody>,
) -> Result<Json<DossierReceipt>, Failure> {
    if body.reason.vi.trim().is_empty() || body.reason.en.trim().is_empty() {
        return Err(OfficerError::ReasonRequired.into());
    }
    move_by(&state, &code, Action::Reject, body.reason, &[]).await
}

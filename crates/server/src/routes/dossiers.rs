//! Dossiers: idempotent submission with every answer re-validated by the core rules, locked
//! values re-checked against their source and documents resolved again; the owner's dossiers,
//! their timeline, and withdrawal.

use std::collections::BTreeSet;

use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Json, Router};
use motlan_core::FieldError;
use motlan_core::Localized;
use motlan_core::answers::{AnswerError, CheckContext, check_answers};
use motlan_core::api::{
    DossierDetail, DossierReceipt, DossierStatus, FiledDocument, NewDossier, Payment, Rating,
};
use motlan_core::prefill::{PrefillError, apply};
use motlan_core::reuse::{DocumentError, Resolution};
use sha2::{Digest, Sha256};

use crate::AppState;
use crate::error::Failure;
use crate::identity::Citizen;
use crate::national::read_for;
use crate::storage::{Creation, NewDossierRecord, StoredDossier};

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/dossiers", post(submit))
        .route("/dossiers/{code}", get(detail))
        .route("/dossiers/{code}/withdraw", post(withdraw))
        .route("/me/dossiers", get(mine))
}

/// Reads and checks the `Idempotency-Key` header: 1 to 200 visible ASCII characters.
fn idempotency_key(headers: &HeaderMap) -> Result<&str, Failure> {
    let Some(value) = headers.get("idempotency-key") else {
        return Err(Failure::new(
            StatusCode::BAD_REQUEST,
            "idempotency_key_missing",
            "Thiếu tiêu đề Idempotency-Key: mỗi lần nộp hồ sơ cần một khóa riêng để không tạo hồ sơ trùng.",
            "The Idempotency-Key header is missing: each submission needs its own key so that no dossier is created twice.",
        ));
    };
    value
        .to_str()
        .ok()
        .filter(|key| (1..=200).contains(&key.len()) && key.bytes().all(|b| b.is_ascii_graphic()))
        .ok_or_else(|| {
            Failure::new(
                StatusCode::BAD_REQUEST,
                "idempotency_key_invalid",
                "Khóa Idempotency-Key phải gồm 1 đến 200 ký tự ASCII nhìn thấy được.",
                "The Idempotency-Key must be 1 to 200 visible ASCII characters.",
            )
        })
}

fn in_flight() -> Response {
    let mut response = Failure::new(
        StatusCode::CONFLICT,
        "idempotency_key_in_flight",
        "Hồ sơ với khóa này đang được xử lý. Vui lòng thử lại sau một giây.",
        "A dossier with this key is still being processed. Please try again in a second.",
    )
    .into_response();
    response
        .headers_mut()
        .insert(header::RETRY_AFTER, HeaderValue::from_static("1"));
    response
}

fn key_reused() -> Failure {
    Failure::new(
        StatusCode::UNPROCESSABLE_ENTITY,
        "idempotency_key_reused",
        "Khóa Idempotency-Key này đã được dùng cho một hồ sơ khác.",
        "This Idempotency-Key was already used for a different dossier.",
    )
}

#[utoipa::path(post, path = "/dossiers", tag = "dossiers", security(("citizen" = [])),
    params(("Idempotency-Key" = String, Header, description = "New for each dossier the citizen means to file; 1 to 200 visible ASCII characters")),
    request_body = motlan_core::api::NewDossier,
    responses(
        (status = 201, description = "Stored; also the answer to a retry with the same key and body", body = motlan_core::api::DossierReceipt),
        (status = 400, description = "Key missing or malformed, or body not a dossier", body = motlan_core::api::ApiError),
        (status = 401, description = "Not signed in", body = motlan_core::api::ApiError),
        (status = 409, description = "A request with this key is still being processed (Retry-After)", body = motlan_core::api::ApiError),
        (status = 422, description = "Invalid answers, changed locked values, missing documents, or a key reused with another body", body = motlan_core::api::ApiError),
        (status = 429, description = "Rate limited (Retry-After)", body = motlan_core::api::ApiError)))]
async fn submit(
    State(state): State<AppState>,
    citizen: Citizen,
    headers: HeaderMap,
    body: Bytes,
) -> Result<Response, Failure> {
    let key = idempotency_key(&headers)?;
    let Some(_claim) = state.in_flight.claim(key) else {
        return Ok(in_flight());
    };
    let new: NewDossier = serde_json::from_slice(&body).map_err(|e| {
        Failure::new(
            StatusCode::BAD_REQUEST,
            "body_invalid",
            &format!("Nội dung yêu cầu không đúng định dạng JSON của hồ sơ ({e})."),
            &format!("The request body is not a valid dossier JSON ({e})."),
        )
    })?;
    // The hash of the owner and the re-serialised request (sorted maps), so spacing or key
    // order in the body does not make a retry look like a different request.
    let canonical = serde_json::to_vec(&(&citizen.sub, &new)).map_err(Failure::internal)?;
    let request_hash = format!("{:x}", Sha256::digest(&canonical));
    // A retry is answered as the first request was, even if national data changed since.
    match state.storage.replay(key, &request_hash).await? {
        Some(Creation::Replayed(receipt)) => {
            return Ok((StatusCode::CREATED, Json(receipt)).into_response());
        }
        Some(_) => return Err(key_reused()),
        None => {}
    }
    let Some(procedure) = state.catalog.get(&new.procedure_code) else {
        return Err(Failure::invalid(vec![
            AnswerError::ProcedureUnknown.field_error("procedure_code"),
        ]));
    };

    let reading = read_for(&state, &citizen.sub, procedure, &new.answers)
        .await
        .map_err(Failure::internal)?;
    let mut errors: Vec<FieldError> = reading
        .prefilled
        .iter()
        .filter(|p| p.locked)
        .filter(|p| {
            new.answers
                .get(&p.key)
                .is_some_and(|v| v.trim() != p.value.trim())
        })
        .map(|p| PrefillError::LockedChanged.field_error(&p.key))
        .collect();
    let merged = apply(&new.answers, &reading.prefilled);
    let received_at = crate::clock::now_vietnam().map_err(Failure::internal)?;
    let ctx = CheckContext {
        today: received_at.date(),
        units: &state.units,
    };
    let clean = match check_answers(procedure, &merged, ctx) {
        Ok(clean) => Some(clean),
        Err(problems) => {
            let tampered: BTreeSet<String> = errors.iter().map(|e| e.field.clone()).collect();
            errors.extend(
                problems
                    .into_iter()
                    .filter(|p| !tampered.contains(&p.field)),
            );
            None
        }
    };

    let mut filed = Vec::new();
    let known: BTreeSet<&str> = reading
        .documents
        .iter()
        .map(|d| d.document.as_str())
        .collect();
    for id in new
        .attachments
        .keys()
        .filter(|id| !known.contains(id.as_str()))
    {
        errors.push(DocumentError::Unknown.field_error(&format!("documents.{id}")));
    }
    for status in &reading.documents {
        let field = format!("documents.{}", status.document);
        let given = new
            .attachments
            .get(&status.document)
            .cloned()
            .unwrap_or_default();
        if status.must_upload() && given.is_empty() {
            errors.push(DocumentError::Missing.field_error(&field));
            continue;
        }
        if status.resolution == Resolution::NotApplicable {
            continue;
        }
        let owned = state
            .storage
            .owned_attachments(&given, &citizen.sub)
            .await?;
        if owned.len() != given.len() {
            errors.push(DocumentError::AttachmentUnknown.field_error(&field));
        }
        filed.push(FiledDocument {
            status: status.clone(),
            attachments: given,
        });
    }
    let (Some(clean), true) = (clean, errors.is_empty()) else {
        return Err(Failure::invalid(errors));
    };

    let appointment_on = state
        .calendar
        .add_working_days(received_at.date(), procedure.processing_days);
    let answers_json = serde_json::to_string(&clean).map_err(Failure::internal)?;
    let documents_json = serde_json::to_string(&filed).map_err(Failure::internal)?;
    let creation = state
        .storage
        .create_dossier(NewDossierRecord {
            idempotency_key: key.to_owned(),
            owner: citizen.sub.clone(),
            request_hash,
            procedure_code: procedure.code.to_string(),
            answers_json,
            documents_json,
            fee: procedure.fees.online,
            unit: state.receiving_unit.clone(),
            received_at,
            appointment_on,
            data_use: reading.uses,
        })
        .await?;
    match creation {
        Creation::Created(receipt) => {
            tracing::info!(code = %receipt.code, procedure = %receipt.procedure_code, "dossier received");
            Ok((StatusCode::CREATED, Json(receipt)).into_response())
        }
        Creation::Replayed(receipt) => Ok((StatusCode::CREATED, Json(receipt)).into_response()),
        Creation::KeyReused => Err(key_reused()),
    }
}

/// The dossier if the citizen owns it. Someone else's dossier is "not found", so codes cannot
/// be probed.
pub(super) async fn owned(
    state: &AppState,
    citizen: &Citizen,
    code: &str,
) -> Result<StoredDossier, Failure> {
    state
        .storage
        .dossier(code)
        .await?
        .filter(|d| d.owner == citizen.sub)
        .ok_or_else(|| Failure::not_found("hồ sơ này", "This dossier"))
}

#[utoipa::path(get, path = "/dossiers/{code}", tag = "dossiers", security(("citizen" = [])), params(("code" = String, Path)),
    responses((status = 200, body = motlan_core::api::DossierDetail), (status = 404, description = "Unknown, or not the caller's", body = motlan_core::api::ApiError)))]
pub(super) async fn detail(
    State(state): State<AppState>,
    citizen: Citizen,
    Path(code): Path<String>,
) -> Result<Json<DossierDetail>, Failure> {
    let stored = owned(&state, &citizen, &code).await?;
    Ok(Json(detail_of(&state, stored).await?))
}

/// Everything about a stored dossier, as its owner sees it.
pub(super) async fn detail_of(
    state: &AppState,
    stored: StoredDossier,
) -> Result<DossierDetail, Failure> {
    let payment = match (&stored.paid_at, &stored.payment_ref) {
        (Some(paid_at), Some(reference)) => Some(Payment {
            reference: reference.clone(),
            amount: stored.receipt.fee,
            paid_at: paid_at.clone(),
            sandbox: true,
        }),
        _ => None,
    };
    let rating = match (stored.rating, &stored.rated_at) {
        (Some(score), Some(rated_at)) => Some(Rating {
            score: u8::try_from(score).map_err(Failure::internal)?,
            feedback: stored.feedback.clone().unwrap_or_default(),
            rated_at: rated_at.clone(),
        }),
        _ => None,
    };
    Ok(DossierDetail {
        answers: serde_json::from_str(&stored.answers_json).map_err(Failure::internal)?,
        documents: serde_json::from_str(&stored.documents_json).map_err(Failure::internal)?,
        events: state.storage.events(&stored.receipt.code).await?,
        supplement: stored
            .supplement_json
            .as_deref()
            .map(serde_json::from_str)
            .transpose()
            .map_err(Failure::internal)?,
        payment,
        rating,
        receipt: stored.receipt,
    })
}

#[utoipa::path(get, path = "/me/dossiers", tag = "dossiers", security(("citizen" = [])), responses((status = 200, body = [motlan_core::api::DossierReceipt])))]
async fn mine(
    State(state): State<AppState>,
    citizen: Citizen,
) -> Result<Json<Vec<DossierReceipt>>, Failure> {
    Ok(Json(state.storage.dossiers_of(&citizen.sub).await?))
}

#[utoipa::path(post, path = "/dossiers/{code}/withdraw", tag = "dossiers", security(("citizen" = [])), params(("code" = String, Path)),
    responses((status = 200, body = motlan_core::api::DossierDetail), (status = 409, description = "Not withdrawable in its state", body = motlan_core::api::ApiError)))]
async fn withdraw(
    State(state): State<AppState>,
    citizen: Citizen,
    Path(code): Path<String>,
) -> Result<Json<DossierDetail>, Failure> {
    owned(&state, &citizen, &code).await?;
    let now = crate::clock::now_vietnam_rfc3339().map_err(Failure::internal)?;
    let note = Localized {
        vi: "Công dân đã rút hồ sơ.".to_owned(),
        en: "The citizen withdrew the dossier.".to_owned(),
    };
    let from = [
        DossierStatus::Received,
        DossierStatus::InProcessing,
        DossierStatus::SupplementRequested,
    ];
    match state
        .storage
        .transition(&code, &from, DossierStatus::Withdrawn, &now, &note)
        .await?
    {
        Some(Ok(_)) => detail(State(state), citizen, Path(code)).await,
        Some(Err(current)) => Err(Failure::new(
            StatusCode::CONFLICT,
            "dossier_not_withdrawable",
            &format!(
                "Không thể rút hồ sơ ở trạng thái hiện tại ({}).",
                current.as_str()
            ),
            &format!(
                "The dossier cannot be withdrawn in its current state ({}).",
                current.as_str()
            ),
        )),
        None => Err(Failure::not_found("hồ sơ này", "This dossier")),
    }
}

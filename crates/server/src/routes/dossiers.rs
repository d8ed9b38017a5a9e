//! Dossiers: idempotent submission checked by the core's submission rules (locked values
//! against their source, every answer, documents resolved again, only the citizen's uploads),
//! the owner's dossiers, their timeline, and withdrawal through the core lifecycle.

use std::collections::BTreeSet;

use axum::Json;
use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use motlan_core::Localized;
use motlan_core::answers::{AnswerError, CheckContext};
use motlan_core::api::{DossierDetail, NewDossier};
use motlan_core::lifecycle::{Action, Actor};
use motlan_core::submission::{Against, Reading, attachment_ids, check_filing};
use sha2::{Digest, Sha256};
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use super::owned::{detail_of, owned};
use crate::AppState;
use crate::error::{Common, DossierMissing, Failure, Refused, api_errors};
use crate::identity::{AuthError, Citizen};
use crate::national::read_for;
use crate::storage::{Creation, NewDossierRecord};

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(submit))
        .routes(routes!(detail))
        .routes(routes!(withdraw))
        .routes(routes!(mine))
}

api_errors! {
    /// Problems with the idempotency of a submission.
    #[allow(clippy::enum_variant_names)]
    pub enum SubmitError {
        KeyMissing => (BAD_REQUEST, "idempotency_key_missing",
            "Thiếu tiêu đề Idempotency-Key: mỗi lần nộp hồ sơ cần một khóa riêng để không tạo hồ sơ trùng.",
            "The Idempotency-Key header is missing: each submission needs its own key so that no dossier is created twice."),
        KeyInvalid => (BAD_REQUEST, "idempotency_key_invalid",
            "Khóa Idempotency-Key phải gồm 1 đến 200 ký tự ASCII nhìn thấy được.",
            "The Idempotency-Key must be 1 to 200 visible ASCII characters."),
        KeyInFlight => (CONFLICT, "idempotency_key_in_flight",
            "Hồ sơ với khóa này đang được xử lý. Vui lòng thử lại sau một giây.",
            "A dossier with this key is still being processed. Please try again in a second."),
        KeyReused => (UNPROCESSABLE_ENTITY, "idempotency_key_reused",
            "Khóa Idempotency-Key này đã được dùng cho một hồ sơ khác.",
            "This Idempotency-Key was already used for a different dossier."),
    }
}

/// Reads and checks the `Idempotency-Key` header: 1 to 200 visible ASCII characters.
fn idempotency_key(headers: &HeaderMap) -> Result<&str, Failure> {
    let value = headers
        .get("idempotency-key")
        .ok_or(SubmitError::KeyMissing)?;
    value
        .to_str()
        .ok()
        .filter(|key| (1..=200).contains(&key.len()) && key.bytes().all(|b| b.is_ascii_graphic()))
        .ok_or_else(|| SubmitError::KeyInvalid.into())
}

fn in_flight() -> Response {
    let mut response = SubmitError::KeyInFlight.into_response();
    response
        .headers_mut()
        .insert(header::RETRY_AFTER, HeaderValue::from_static("1"));
    response
}

#[utoipa::path(post, path = "/dossiers", tag = "dossiers", security(("citizen" = [])),
    summary = "File a dossier",
    params(("Idempotency-Key" = String, Header, min_length = 1, max_length = 200, pattern = r"^[\x21-\x7E]+$",
        description = "New for each dossier the citizen means to file; 1 to 200 visible ASCII characters", example = "3f2a9c4e0b7d4e1a9c8b7a6f5e4d3c2b")),
    request_body = motlan_core::api::NewDossier,
    responses(
        (status = 201, description = "Stored; also the answer to a retry with the same key and body", body = motlan_core::api::DossierReceipt),
        SubmitError, super::help::HelpError, AuthError, Common))]
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
    let new: NewDossier = serde_json::from_slice(&body)
        .map_err(|e| Failure::from(Common::BodyInvalid).with_arg(e))?;
    // The hash of the owner and the re-serialised request (sorted maps), so spacing or key
    // order in the body does not make a retry look like a different request.
    let canonical = serde_json::to_vec(&(&citizen.sub, &new)).map_err(Failure::internal)?;
    let request_hash = format!("{:x}", Sha256::digest(&canonical));
    // A retry is answered as the first request was, even if national data changed since.
    match state.storage.replay(key, &request_hash).await? {
        Some(Creation::Replayed(receipt)) => {
            return Ok((StatusCode::CREATED, Json(receipt)).into_response());
        }
        Some(_) => return Err(SubmitError::KeyReused.into()),
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
    let owned: BTreeSet<String> = state
        .storage
        .owned_attachments(&attachment_ids(&new.attachments), &citizen.sub)
        .await?
        .into_iter()
        .collect();
    let assisted = match &new.help {
        Some(link) => Some(super::help::assisted_filing(&state, &citizen, link, &reading).await?),
        None => None,
    };
    let received_at = crate::clock::now_vietnam().map_err(Failure::internal)?;
    let filed = check_filing(
        procedure,
        &new.answers,
        &new.attachments,
        Against {
            reading: Reading {
                prefilled: &reading.prefilled,
                documents: &reading.documents,
            },
            owned: &owned,
            checks: CheckContext {
                today: received_at.date(),
                units: &state.units,
                old_units: &state.old_units,
            },
        },
    )
    .map_err(Failure::invalid)?;
    let appointment_on = state
        .calendar
        .add_working_days(received_at.date(), procedure.processing_days);
    // The case the answers fall in may have its own fee (a lost passport, a student).
    let fee = procedure.fees.online_for(&filed.answers);
    let creation = state
        .storage
        .create_dossier(NewDossierRecord {
            idempotency_key: key.to_owned(),
            owner: citizen.sub.clone(),
            request_hash,
            procedure_code: procedure.code.to_string(),
            filed,
            fee,
            unit: state.receiving_unit.clone(),
            received_at,
            appointment_on,
            data_use: reading.uses,
            assisted,
        })
        .await?;
    if new.help.is_some() {
        super::help::changed(&state);
    }
    match creation {
        Creation::Created(receipt) => {
            tracing::info!(code = %receipt.code, procedure = %receipt.procedure_code, "dossier received");
            Ok((StatusCode::CREATED, Json(receipt)).into_response())
        }
        Creation::Replayed(receipt) => Ok((StatusCode::CREATED, Json(receipt)).into_response()),
        Creation::KeyReused => Err(SubmitError::KeyReused.into()),
    }
}

#[utoipa::path(get, path = "/dossiers/{code}", tag = "dossiers", security(("citizen" = [])), params(("code" = String, Path)),
    summary = "A dossier with its answers, documents and timeline",
    responses((status = 200, body = motlan_core::api::DossierDetail), DossierMissing, AuthError, Common))]
pub(super) async fn detail(
    State(state): State<AppState>,
    citizen: Citizen,
    Path(code): Path<String>,
) -> Result<Json<DossierDetail>, Failure> {
    let stored = owned(&state, &citizen, &code).await?;
    Ok(Json(detail_of(&state, stored).await?))
}

#[utoipa::path(get, path = "/me/dossiers", tag = "dossiers", security(("citizen" = [])), params(super::paging::Paging),
    summary = "The signed-in citizen's dossiers, newest first, a page at a time",
    responses((status = 200, body = motlan_core::api::ReceiptPage,
        headers(("Link" = String, description = "`<…>; rel=\"next\"` when a next page exists"))),
        super::paging::PagingError, AuthError, Common))]
async fn mine(
    State(state): State<AppState>,
    citizen: Citizen,
    axum::extract::Query(paging): axum::extract::Query<super::paging::Paging>,
) -> Result<Response, Failure> {
    let filter = crate::storage::ReceiptFilter {
        owner: Some(citizen.sub.clone()),
        ..Default::default()
    };
    super::paging::receipt_page(&state, &filter, &paging, "/me/dossiers").await
}

#[utoipa::path(post, path = "/dossiers/{code}/withdraw", tag = "dossiers", operation_id = "withdraw_dossier", security(("citizen" = [])), params(("code" = String, Path)),
    summary = "Withdraw a dossier not yet finished",
    responses((status = 200, body = motlan_core::api::DossierDetail), Refused, DossierMissing, AuthError, Common))]
async fn withdraw(
    State(state): State<AppState>,
    citizen: Citizen,
    Path(code): Path<String>,
) -> Result<Json<DossierDetail>, Failure> {
    owned(&state, &citizen, &code).await?;
    let now = crate::clock::now_vietnam_rfc3339().map_err(Failure::internal)?;
    state
        .storage
        .act(
            &code,
            Actor::Owner,
            Action::Withdraw,
            &now,
            &Localized::default(),
            &[],
        )
        .await?
        .ok_or(DossierMissing::NotFound)??;
    detail(State(state), citizen, Path(code)).await
}

//! Dossiers: idempotent submission and the receipt.

use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Json, Router};
use motlan_core::FieldError;
use motlan_core::api::{DossierReceipt, NewDossier};
use sha2::{Digest, Sha256};

use crate::AppState;
use crate::error::Failure;
use crate::storage::{Creation, NewDossierRecord};

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/dossiers", post(submit))
        .route("/dossiers/{code}", get(receipt))
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

async fn submit(
    State(state): State<AppState>,
    headers: HeaderMap,
    body: Bytes,
) -> Result<Response, Failure> {
    let key = idempotency_key(&headers)?;
    let Some(_claim) = state.in_flight.claim(key) else {
        let mut failure = Failure::new(
            StatusCode::CONFLICT,
            "idempotency_key_in_flight",
            "Hồ sơ với khóa này đang được xử lý. Vui lòng thử lại sau một giây.",
            "A dossier with this key is still being processed. Please try again in a second.",
        )
        .into_response();
        failure
            .headers_mut()
            .insert(header::RETRY_AFTER, HeaderValue::from_static("1"));
        return Ok(failure);
    };
    let new: NewDossier = serde_json::from_slice(&body).map_err(|e| {
        Failure::new(
            StatusCode::BAD_REQUEST,
            "body_invalid",
            &format!("Nội dung yêu cầu không đúng định dạng JSON của hồ sơ ({e})."),
            &format!("The request body is not a valid dossier JSON ({e})."),
        )
    })?;
    if state.catalog.get(&new.procedure_code).is_none() {
        return Err(Failure::invalid(vec![FieldError::new(
            "procedure_code",
            "procedure_unknown",
        )]));
    }
    // The hash of the re-serialised request (answers are a sorted map), so spacing or key order
    // in the body does not make a retry look like a different request.
    let canonical = serde_json::to_vec(&new).map_err(Failure::internal)?;
    let request_hash = format!("{:x}", Sha256::digest(&canonical));
    let answers_json = serde_json::to_string(&new.answers).map_err(Failure::internal)?;
    let creation = state
        .storage
        .create_dossier(NewDossierRecord {
            idempotency_key: key,
            owner: "anonymous",
            request_hash: &request_hash,
            procedure_code: &new.procedure_code,
            answers_json: &answers_json,
            unit: &state.receiving_unit,
            received_at: crate::clock::now_vietnam().map_err(Failure::internal)?,
        })
        .await?;
    match creation {
        Creation::Created(receipt) => {
            tracing::info!(code = %receipt.code, procedure = %receipt.procedure_code, "dossier received");
            Ok((StatusCode::CREATED, Json(receipt)).into_response())
        }
        Creation::Replayed(receipt) => Ok((StatusCode::CREATED, Json(receipt)).into_response()),
        Creation::KeyReused => Err(Failure::new(
            StatusCode::UNPROCESSABLE_ENTITY,
            "idempotency_key_reused",
            "Khóa Idempotency-Key này đã được dùng cho một hồ sơ khác.",
            "This Idempotency-Key was already used for a different dossier.",
        )),
    }
}

async fn receipt(
    State(state): State<AppState>,
    Path(code): Path<String>,
) -> Result<Json<DossierReceipt>, Failure> {
    state
        .storage
        .dossier(&code)
        .await?
        .map(Json)
        .ok_or_else(|| Failure::not_found("hồ sơ này", "This dossier"))
}

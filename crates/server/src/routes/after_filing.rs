//! What a citizen does after filing: answer a supplement request (only the items the officer
//! named reopen), pay the fee (sandbox), and rate a finished dossier.

use std::collections::BTreeSet;

use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::routing::post;
use axum::{Json, Router};
use motlan_core::answers::{CheckContext, check_answers};
use motlan_core::api::{
    DossierDetail, DossierStatus, FiledDocument, Payment, Rating, RatingError, SupplementAnswer,
    SupplementError, SupplementItem, SupplementRequest,
};
use motlan_core::form::ADDRESS_PARTS;
use motlan_core::prefill::{PrefillError, apply};
use motlan_core::reuse::DocumentError;
use motlan_core::{Answers, FieldError, Localized};

use super::dossiers::{detail_of, owned};
use crate::AppState;
use crate::error::{Body, Failure};
use crate::identity::Citizen;
use crate::national::read_for;
use crate::storage::Column;

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/dossiers/{code}/supplement", post(supplement))
        .route("/dossiers/{code}/payment", post(pay))
        .route("/dossiers/{code}/rating", post(rate))
}

fn conflict(error: &str, vi: &str, en: &str) -> Failure {
    Failure::new(StatusCode::CONFLICT, error, vi, en)
}

/// Answer keys an item reopens.
fn reopened_keys(items: &[SupplementItem]) -> BTreeSet<String> {
    let mut keys = BTreeSet::new();
    for item in items {
        if let SupplementItem::Answer(id) = item {
            keys.insert(id.clone());
            keys.extend(ADDRESS_PARTS.iter().map(|part| format!("{id}.{part}")));
        }
    }
    keys
}

#[utoipa::path(post, path = "/dossiers/{code}/supplement", tag = "dossiers", security(("citizen" = [])), params(("code" = String, Path)),
    request_body = motlan_core::api::SupplementAnswer,
    responses((status = 200, body = motlan_core::api::DossierDetail), (status = 409, description = "No supplement requested", body = motlan_core::api::ApiError), (status = 422, body = motlan_core::api::ApiError)))]
async fn supplement(
    State(state): State<AppState>,
    citizen: Citizen,
    Path(code): Path<String>,
    Body(answer): Body<SupplementAnswer>,
) -> Result<Json<DossierDetail>, Failure> {
    let stored = owned(&state, &citizen, &code).await?;
    let request: SupplementRequest = match (&stored.receipt.status, &stored.supplement_json) {
        (DossierStatus::SupplementRequested, Some(json)) => {
            serde_json::from_str(json).map_err(Failure::internal)?
        }
        _ => {
            return Err(conflict(
                "no_supplement_requested",
                "Hồ sơ này không có yêu cầu bổ sung nào đang chờ.",
                "This dossier has no supplement request waiting.",
            ));
        }
    };
    let procedure = state
        .catalog
        .get(&stored.receipt.procedure_code)
        .ok_or_else(|| Failure::internal("a stored dossier's procedure left the catalog"))?;
    let allowed_keys = reopened_keys(&request.items);
    let allowed_documents: BTreeSet<&str> = request
        .items
        .iter()
        .filter_map(|i| match i {
            SupplementItem::Document(id) => Some(id.as_str()),
            SupplementItem::Answer(_) => None,
        })
        .collect();

    let mut errors: Vec<FieldError> = Vec::new();
    for key in answer.answers.keys().filter(|k| !allowed_keys.contains(*k)) {
        errors.push(SupplementError::NotRequested.field_error(key));
    }
    for id in answer
        .attachments
        .keys()
        .filter(|id| !allowed_documents.contains(id.as_str()))
    {
        errors.push(SupplementError::NotRequested.field_error(&format!("documents.{id}")));
    }
    for item in &request.items {
        match item {
            SupplementItem::Answer(id)
                if !answer
                    .answers
                    .keys()
                    .any(|k| k == id || k.starts_with(&format!("{id}."))) =>
            {
                errors.push(SupplementError::Missing.field_error(id));
            }
            SupplementItem::Document(id)
                if answer.attachments.get(id).is_none_or(Vec::is_empty) =>
            {
                errors.push(SupplementError::Missing.field_error(&format!("documents.{id}")));
            }
            _ => {}
        }
    }
    if !errors.is_empty() {
        return Err(Failure::invalid(errors));
    }

    let mut answers: Answers =
        serde_json::from_str(&stored.answers_json).map_err(Failure::internal)?;
    answers.extend(answer.answers.clone());
    let reading = read_for(&state, &citizen.sub, procedure, &answers)
        .await
        .map_err(Failure::internal)?;
    errors.extend(
        reading
            .prefilled
            .iter()
            .filter(|p| {
                p.locked
                    && answer
                        .answers
                        .get(&p.key)
                        .is_some_and(|v| v.trim() != p.value.trim())
            })
            .map(|p| PrefillError::LockedChanged.field_error(&p.key)),
    );
    let merged = apply(&answers, &reading.prefilled);
    let now = crate::clock::now_vietnam().map_err(Failure::internal)?;
    let clean = match check_answers(
        procedure,
        &merged,
        CheckContext {
            today: now.date(),
            units: &state.units,
        },
    ) {
        Ok(clean) => Some(clean),
        Err(problems) => {
            errors.extend(problems);
            None
        }
    };
    let mut documents: Vec<FiledDocument> =
        serde_json::from_str(&stored.documents_json).map_err(Failure::internal)?;
    for (id, given) in &answer.attachments {
        let owned = state.storage.owned_attachments(given, &citizen.sub).await?;
        if owned.len() != given.len() {
            errors.push(DocumentError::AttachmentUnknown.field_error(&format!("documents.{id}")));
            continue;
        }
        match documents.iter_mut().find(|d| &d.status.document == id) {
            Some(filed) => filed.attachments = given.clone(),
            None => {
                if let Some(status) = reading.documents.iter().find(|d| &d.document == id) {
                    documents.push(FiledDocument {
                        status: status.clone(),
                        attachments: given.clone(),
                    });
                }
            }
        }
    }
    let (Some(clean), true) = (clean, errors.is_empty()) else {
        return Err(Failure::invalid(errors));
    };
    let at = now
        .format(&time::format_description::well_known::Rfc3339)
        .map_err(Failure::internal)?;
    let note = Localized {
        vi: "Công dân đã bổ sung các mục được yêu cầu; hồ sơ tiếp tục được xử lý.".to_owned(),
        en: "The citizen supplied the requested items; processing continues.".to_owned(),
    };
    let updates = [
        (
            Column::Answers,
            Some(serde_json::to_string(&clean).map_err(Failure::internal)?),
        ),
        (
            Column::Documents,
            Some(serde_json::to_string(&documents).map_err(Failure::internal)?),
        ),
        (Column::Supplement, None),
    ];
    match state
        .storage
        .transition_with(
            &code,
            &[DossierStatus::SupplementRequested],
            DossierStatus::InProcessing,
            &at,
            &note,
            &updates,
        )
        .await?
    {
        Some(Ok(_)) => {}
        _ => {
            return Err(conflict(
                "no_supplement_requested",
                "Hồ sơ này không có yêu cầu bổ sung nào đang chờ.",
                "This dossier has no supplement request waiting.",
            ));
        }
    }
    let uses: Vec<_> = reading
        .uses
        .into_iter()
        .map(|mut u| {
            u.dossier_code = Some(code.clone());
            u
        })
        .collect();
    state.storage.record_data_use(&citizen.sub, &uses).await?;
    let stored = owned(&state, &citizen, &code).await?;
    Ok(Json(detail_of(&state, stored).await?))
}

#[utoipa::path(post, path = "/dossiers/{code}/payment", tag = "dossiers", security(("citizen" = [])), params(("code" = String, Path)),
    responses((status = 201, description = "Paid in the payment SANDBOX", body = motlan_core::api::Payment), (status = 409, description = "No fee, or already paid", body = motlan_core::api::ApiError)))]
async fn pay(
    State(state): State<AppState>,
    citizen: Citizen,
    Path(code): Path<String>,
) -> Result<(StatusCode, Json<Payment>), Failure> {
    let stored = owned(&state, &citizen, &code).await?;
    if stored.receipt.fee == 0 {
        return Err(conflict(
            "no_fee",
            "Thủ tục này không thu phí, lệ phí.",
            "No fee is due for this procedure.",
        ));
    }
    if matches!(
        stored.receipt.status,
        DossierStatus::Withdrawn | DossierStatus::Rejected
    ) {
        return Err(conflict(
            "not_payable",
            "Hồ sơ đã rút hoặc bị từ chối nên không thu phí.",
            "The dossier was withdrawn or rejected, so no fee is due.",
        ));
    }
    let reference = format!(
        "SANDBOX-{}",
        crate::identity::random_token().map_err(Failure::internal)?
    );
    let at = crate::clock::now_vietnam_rfc3339().map_err(Failure::internal)?;
    if !state.storage.pay(&code, &reference, &at).await? {
        return Err(conflict(
            "already_paid",
            "Phí của hồ sơ này đã được thanh toán.",
            "The fee for this dossier has been paid already.",
        ));
    }
    Ok((
        StatusCode::CREATED,
        Json(Payment {
            reference,
            amount: stored.receipt.fee,
            paid_at: at,
            sandbox: true,
        }),
    ))
}

#[utoipa::path(post, path = "/dossiers/{code}/rating", tag = "dossiers", security(("citizen" = [])), params(("code" = String, Path)),
    request_body = motlan_core::api::Rating,
    responses((status = 201, body = motlan_core::api::Rating), (status = 409, description = "Not finished, or already rated", body = motlan_core::api::ApiError), (status = 422, body = motlan_core::api::ApiError)))]
async fn rate(
    State(state): State<AppState>,
    citizen: Citizen,
    Path(code): Path<String>,
    Body(rating): Body<Rating>,
) -> Result<(StatusCode, Json<Rating>), Failure> {
    owned(&state, &citizen, &code).await?;
    let mut errors = Vec::new();
    if !(1..=5).contains(&rating.score) {
        errors.push(RatingError::Score.field_error("score"));
    }
    if rating.feedback.chars().count() > 1000 {
        errors.push(FieldError::new("feedback", "answer.too_long"));
    }
    if !errors.is_empty() {
        return Err(Failure::invalid(errors));
    }
    let at = crate::clock::now_vietnam_rfc3339().map_err(Failure::internal)?;
    let feedback = rating.feedback.trim().to_owned();
    if !state
        .storage
        .rate(&code, rating.score, &feedback, &at)
        .await?
    {
        return Err(conflict(
            "not_ratable",
            "Chỉ đánh giá được hồ sơ đã có kết quả, và mỗi hồ sơ một lần.",
            "Only a dossier with a result can be rated, once.",
        ));
    }
    Ok((
        StatusCode::CREATED,
        Json(Rating {
            score: rating.score,
            feedback,
            rated_at: at,
        }),
    ))
}

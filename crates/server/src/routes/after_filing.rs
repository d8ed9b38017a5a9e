//! What a citizen does after filing: answer a supplement request (only the items the officer
//! named reopen; the core's submission rules check the whole dossier again), pay the fee
//! (sandbox), and rate a finished dossier. The core lifecycle decides whether each is allowed.

use std::collections::BTreeSet;

use axum::Json;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use motlan_core::answers::CheckContext;
use motlan_core::api::{DossierDetail, Payment, Rating, RatingError, SupplementAnswer};
use motlan_core::lifecycle::{Action, Actor, Refusal};
use motlan_core::submission::{Against, Reading, attachment_ids, check_supplement, supplemented};
use motlan_core::{FieldError, Localized};
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use super::owned::{detail_of, owned};
use crate::AppState;
use crate::error::{Body, Common, DossierMissing, Failure, Refused};
use crate::identity::{AuthError, Citizen};
use crate::national::read_for;
use crate::storage::Update;

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(supplement))
        .routes(routes!(pay))
        .routes(routes!(rate))
}

/// Takes `action` on the citizen's dossier, with the values it sets; answers the time.
async fn act(
    state: &AppState,
    code: &str,
    action: Action,
    updates: &[Update],
) -> Result<String, Failure> {
    let at = crate::clock::now_vietnam_rfc3339().map_err(Failure::internal)?;
    state
        .storage
        .act(
            code,
            Actor::Owner,
            action,
            &at,
            &Localized::default(),
            updates,
        )
        .await?
        .ok_or(DossierMissing::NotFound)??;
    Ok(at)
}

#[utoipa::path(post, path = "/dossiers/{code}/supplement", tag = "dossiers", security(("citizen" = [])), params(("code" = String, Path)),
    summary = "Answer a supplement request",
    request_body = motlan_core::api::SupplementAnswer,
    responses((status = 200, body = motlan_core::api::DossierDetail), Refused, DossierMissing, AuthError, Common))]
async fn supplement(
    State(state): State<AppState>,
    citizen: Citizen,
    Path(code): Path<String>,
    Body(answer): Body<SupplementAnswer>,
) -> Result<Json<DossierDetail>, Failure> {
    let stored = owned(&state, &citizen, &code).await?;
    // Refused before any work when nothing is asked for.
    stored
        .standing()
        .decide(Actor::Owner, Action::AnswerSupplement)?;
    let request = stored.supplement.clone().ok_or(Refusal::NotFrom {
        action: Action::AnswerSupplement,
        status: stored.receipt.status,
    })?;
    let procedure = state
        .catalog
        .get(&stored.receipt.procedure_code)
        .ok_or_else(|| Failure::internal("a stored dossier's procedure left the catalog"))?;
    let answers = supplemented(&stored.filed.answers, &answer);
    let reading = read_for(&state, &citizen.sub, procedure, &answers)
        .await
        .map_err(Failure::internal)?;
    let owned_ids: BTreeSet<String> = state
        .storage
        .owned_attachments(&attachment_ids(&answer.attachments), &citizen.sub)
        .await?
        .into_iter()
        .collect();
    let now = crate::clock::now_vietnam().map_err(Failure::internal)?;
    let checked = check_supplement(
        procedure,
        &request.items,
        &stored.filed,
        &answer,
        Against {
            reading: Reading {
                prefilled: &reading.prefilled,
                documents: &reading.documents,
            },
            owned: &owned_ids,
            checks: CheckContext {
                today: now.date(),
                units: &state.units,
                old_units: &state.old_units,
            },
        },
    )
    .map_err(Failure::invalid)?;
    let updates = [
        Update::Answers(checked.answers),
        Update::Documents(checked.documents),
        Update::Supplement(None),
    ];
    act(&state, &code, Action::AnswerSupplement, &updates).await?;
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
    summary = "Pay the fee (payment SANDBOX: no money moves)",
    responses((status = 201, description = "Paid in the payment SANDBOX", body = motlan_core::api::Payment), Refused, DossierMissing, AuthError, Common))]
async fn pay(
    State(state): State<AppState>,
    citizen: Citizen,
    Path(code): Path<String>,
) -> Result<(StatusCode, Json<Payment>), Failure> {
    let stored = owned(&state, &citizen, &code).await?;
    let reference = format!(
        "SANDBOX-{}",
        crate::identity::random_token().map_err(Failure::internal)?
    );
    let update = Update::Payment {
        reference: reference.clone(),
    };
    let paid_at = act(&state, &code, Action::Pay, &[update]).await?;
    Ok((
        StatusCode::CREATED,
        Json(Payment {
            reference,
            amount: stored.receipt.fee,
            paid_at,
            sandbox: true,
        }),
    ))
}

#[utoipa::path(post, path = "/dossiers/{code}/rating", tag = "dossiers", security(("citizen" = [])), params(("code" = String, Path)),
    summary = "Rate a finished dossier, once",
    request_body = motlan_core::api::Rating,
    responses((status = 201, body = motlan_core::api::Rating), Refused, DossierMissing, AuthError, Common))]
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
    let feedback = rating.feedback.trim().to_owned();
    let update = Update::Rating {
        score: rating.score,
        feedback: feedback.clone(),
    };
    let rated_at = act(&state, &code, Action::Rate, &[update]).await?;
    Ok((
        StatusCode::CREATED,
        Json(Rating {
            score: rating.score,
            feedback,
            rated_at,
        }),
    ))
}

//! The resident's side, on their own phone: the offer behind a code (before any sign-in: who
//! helps, for what, the number to compare), the answer (accept, decline, "I did not ask for
//! this"), then, signed in, progress by ids, the dossier filed in the session, sharing its code,
//! ending the help, and reporting the helper from the dossier page.

use axum::Json;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use motlan_core::api::{
    AssistedBy, HelpAnswer, HelpAnswered, HelpKey, HelpLink, HelpOffer, Helper, HelperReport,
    ProgressUpdate,
};
use motlan_core::help::{self, HelpState, JoinAnswer, JoinCode, ProgressError};
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use super::{HelpError, changed, digest, expires_at, key_matches, unix_now};
use crate::AppState;
use crate::error::{Body, Common, DossierMissing, Failure};
use crate::identity::{AuthError, Citizen, random_token};
use crate::national::Reading;
use crate::storage::{Assisted, HelpChange, HelpSessionRow};

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(offer, answer))
        .routes(routes!(progress))
        .routes(routes!(share))
        .routes(routes!(end))
        .routes(routes!(report_helper))
}

async fn by_code(state: &AppState, code: &str) -> Result<HelpSessionRow, Failure> {
    let code = JoinCode::parse(code).map_err(|_| HelpError::CodeInvalid)?;
    state
        .storage
        .help_session_by_code(&digest(code.as_str()))
        .await?
        .ok_or_else(|| HelpError::CodeUnknown.into())
}

fn expired(s: &HelpSessionRow) -> bool {
    unix_now() > s.expires_unix
}

#[utoipa::path(get, path = "/help-offers/{code}", operation_id = "help_offer", tag = "volunteers", params(("code" = String, Path, pattern = r"^[2-9A-HJKMNP-Za-hjkmnp-z]{3}-?[2-9A-HJKMNP-Za-hjkmnp-z]{3}$", description = "The 6-character join code, any case, with or without its dash", example = "K7M-2QX")),
    summary = "Who offers help behind a join code, shown before any sign-in",
    responses((status = 200, body = HelpOffer), HelpError, Common))]
async fn offer(
    State(state): State<AppState>,
    Path(code): Path<String>,
) -> Result<Json<HelpOffer>, Failure> {
    let session = by_code(&state, &code).await?;
    session.state.offer(expired(&session))?;
    let volunteer = state
        .storage
        .volunteer(&session.volunteer)
        .await?
        .ok_or(HelpError::CodeUnknown)?;
    let procedure = session
        .procedure_code
        .as_deref()
        .and_then(|c| state.catalog.get(c));
    Ok(Json(HelpOffer {
        helper: Helper {
            full_name: volunteer.full_name,
            team: session.team.clone(),
            commune: session.commune.clone(),
        },
        procedure_code: session.procedure_code.clone(),
        procedure_name: procedure.map(|p| p.name.clone()),
        number: session.number,
        expires_at: expires_at(&session),
    }))
}

#[utoipa::path(post, path = "/help-offers/{code}", operation_id = "answer_help_offer", tag = "volunteers", params(("code" = String, Path, pattern = r"^[2-9A-HJKMNP-Za-hjkmnp-z]{3}-?[2-9A-HJKMNP-Za-hjkmnp-z]{3}$", example = "K7M-2QX")),
    summary = "The resident's answer: accept (then sign in on this phone), decline, or report an offer they did not ask for",
    description = "The first answer wins; anyone answering after is told the code is already used.",
    request_body = HelpAnswer,
    responses((status = 200, body = HelpAnswered), HelpError, Common))]
async fn answer(
    State(state): State<AppState>,
    Path(code): Path<String>,
    Body(body): Body<HelpAnswer>,
) -> Result<Json<HelpAnswered>, Failure> {
    let session = by_code(&state, &code).await?;
    let (next, reported) = session.state.answer(expired(&session), body.answer)?;
    let at = crate::clock::now_vietnam_rfc3339().map_err(Failure::internal)?;
    let key = (body.answer == JoinAnswer::Accept)
        .then(random_token)
        .transpose()
        .map_err(Failure::internal)?;
    let key_hash = key.as_deref().map(digest);
    let moved = state
        .storage
        .move_help_session(
            &session.id,
            session.state,
            next,
            HelpChange {
                at: Some(&at),
                key_hash: key_hash.as_deref(),
                reported,
                ..HelpChange::default()
            },
        )
        .await?;
    if !moved {
        // Another phone answered first.
        return Err(HelpError::CodeUsed.into());
    }
    changed(&state);
    Ok(Json(HelpAnswered {
        state: next,
        session: key.is_some().then(|| session.id.clone()),
        key,
        procedure_code: session.procedure_code,
    }))
}

/// The session `link` names, if `key` is its resident phone's key and the signed-in citizen is
/// the resident it is bound to (the first to sign in with the key).
async fn held(
    state: &AppState,
    id: &str,
    key: &str,
    citizen: &Citizen,
) -> Result<(HelpSessionRow, String), Failure> {
    let session = state
        .storage
        .help_session(id)
        .await?
        .ok_or(HelpError::SessionUnknown)?;
    let resident = digest(&citizen.sub);
    if !key_matches(&session, key)
        || session
            .resident_hash
            .as_deref()
            .is_some_and(|r| r != resident)
    {
        return Err(HelpError::KeyWrong.into());
    }
    Ok((session, resident))
}

#[utoipa::path(post, path = "/help-sessions/{id}/progress", operation_id = "report_help_progress", tag = "volunteers", security(("citizen" = [])), params(("id" = String, Path)),
    summary = "The resident's phone reports its step and what still needs attention, by ids only",
    description = "The server names the ids from the catalog for the volunteer; an id the procedure does not have is refused, so no typed value can reach the volunteer.",
    request_body = ProgressUpdate,
    responses((status = 204, description = "Recorded"), HelpError, AuthError, Common))]
async fn progress(
    State(state): State<AppState>,
    citizen: Citizen,
    Path(id): Path<String>,
    Body(update): Body<ProgressUpdate>,
) -> Result<StatusCode, Failure> {
    let (session, resident) = held(&state, &id, &update.key, &citizen).await?;
    session.state.report_progress()?;
    let report = &update.progress;
    let procedure = state
        .catalog
        .get(&report.procedure_code)
        .ok_or(HelpError::ProcedureUnknown)?;
    let described = help::describe(procedure, report).map_err(|e| {
        Failure::from(HelpError::ProgressInvalid).with_arg(match e {
            ProgressError::Step(s) => format!("step {s}"),
            ProgressError::Question(q) => format!("question {q}"),
            ProgressError::Document(d) => format!("document {d}"),
            ProgressError::Numbers => "step_number, step_count".to_owned(),
        })
    })?;
    let json = serde_json::to_string(&described).map_err(Failure::internal)?;
    let moved = state
        .storage
        .move_help_session(
            &id,
            session.state,
            session.state,
            HelpChange {
                resident_hash: Some(&resident),
                progress: Some(&json),
                ..HelpChange::default()
            },
        )
        .await?;
    if !moved {
        return Err(HelpError::SessionClosed.into());
    }
    changed(&state);
    Ok(StatusCode::NO_CONTENT)
}

#[utoipa::path(post, path = "/help-sessions/{id}/share", operation_id = "share_dossier_code", tag = "volunteers", security(("citizen" = [])), params(("id" = String, Path)),
    summary = "The resident shares the dossier code with the volunteer (\"Chia sẻ mã hồ sơ với người hỗ trợ\")",
    request_body = HelpKey,
    responses((status = 204, description = "Shared"), HelpError, AuthError, Common))]
async fn share(
    State(state): State<AppState>,
    citizen: Citizen,
    Path(id): Path<String>,
    Body(body): Body<HelpKey>,
) -> Result<StatusCode, Failure> {
    let (session, _) = held(&state, &id, &body.key, &citizen).await?;
    if session.state != HelpState::Filed {
        return Err(HelpError::NotAccepted.into());
    }
    state
        .storage
        .move_help_session(
            &id,
            HelpState::Filed,
            HelpState::Filed,
            HelpChange {
                share_code: true,
                ..HelpChange::default()
            },
        )
        .await?;
    changed(&state);
    Ok(StatusCode::NO_CONTENT)
}

#[utoipa::path(post, path = "/help-sessions/{id}/end", operation_id = "end_help", tag = "volunteers", security(("citizen" = [])), params(("id" = String, Path)),
    summary = "The resident stops the help (a filed session stays filed)",
    request_body = HelpKey,
    responses((status = 200, body = HelpAnswered), HelpError, AuthError, Common))]
async fn end(
    State(state): State<AppState>,
    citizen: Citizen,
    Path(id): Path<String>,
    Body(body): Body<HelpKey>,
) -> Result<Json<HelpAnswered>, Failure> {
    let (session, _) = held(&state, &id, &body.key, &citizen).await?;
    let next = session.state.end()?;
    state
        .storage
        .move_help_session(&id, session.state, next, HelpChange::default())
        .await?;
    changed(&state);
    Ok(Json(HelpAnswered {
        state: next,
        session: None,
        key: None,
        procedure_code: session.procedure_code,
    }))
}

#[utoipa::path(post, path = "/dossiers/{code}/report-helper", operation_id = "report_helper", tag = "volunteers", security(("citizen" = [])), params(("code" = String, Path)),
    summary = "The resident reports the volunteer who helped with this dossier",
    request_body = HelperReport,
    responses((status = 204, description = "Reported to the youth union"), HelpError, DossierMissing, AuthError, Common))]
async fn report_helper(
    State(state): State<AppState>,
    citizen: Citizen,
    Path(code): Path<String>,
    Body(report): Body<HelperReport>,
) -> Result<StatusCode, Failure> {
    let stored = crate::routes::owned::owned(&state, &citizen, &code).await?;
    let by = stored
        .receipt
        .assisted_by
        .ok_or(HelpError::SessionUnknown)?;
    let session = state
        .storage
        .help_session(&by.session)
        .await?
        .ok_or(HelpError::SessionUnknown)?;
    let note: String = report.note.trim().chars().take(1000).collect();
    state
        .storage
        .move_help_session(
            &session.id,
            session.state,
            session.state,
            HelpChange {
                reported: true,
                report_note: Some(&note).filter(|n| !n.is_empty()).map(|n| n.as_str()),
                ..HelpChange::default()
            },
        )
        .await?;
    Ok(StatusCode::NO_CONTENT)
}

/// What filing a dossier in a help session records: checked here (the key is this phone's, the
/// citizen is the session's resident, the session is accepted), stored with the dossier.
pub async fn assisted_filing(
    state: &AppState,
    citizen: &Citizen,
    link: &HelpLink,
    reading: &Reading,
) -> Result<Assisted, Failure> {
    let (session, resident) = held(state, &link.session, &link.key, citizen).await?;
    session.state.file()?;
    let volunteer = state
        .storage
        .volunteer(&session.volunteer)
        .await?
        .ok_or(HelpError::SessionUnknown)?;
    Ok(Assisted {
        by: AssistedBy {
            full_name: volunteer.full_name,
            team: session.team,
            commune: session.commune,
            session: session.id,
            at: session.opened_at,
        },
        resident_hash: resident,
        questions_avoided: reading.prefilled.len() as u64,
        documents_avoided: reading
            .documents
            .iter()
            .filter(|d| !d.must_upload())
            .count() as u64,
    })
}

//! The volunteer's side: open a help session, see it, and follow it live (Server-Sent Events).
//! Everything here is free of the resident's personal data: states, the 2-digit number, names
//! from the catalog, and the dossier code only if the resident shared it.

use std::convert::Infallible;
use std::time::Duration;

use axum::Json;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::sse::{Event, KeepAlive, Sse};
use motlan_core::api::{HelpSessionOpened, HelpSessionView, NewHelpSession};
use motlan_core::help::{self, HelpProgress, HelpState, JoinCode};
use serde::Deserialize;
use time::format_description::well_known::Rfc3339;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use super::{ActiveVolunteer, HelpError, digest, expires_at, unix_now};
use crate::AppState;
use crate::error::{Body, Common, Failure};
use crate::identity::{AuthError, random_token};
use crate::storage::HelpSessionRow;

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(open))
        .routes(routes!(view))
        .routes(routes!(events))
}

fn random_u32s<const N: usize>() -> Result<[u32; N], Failure> {
    let mut bytes = vec![0u8; N * 4];
    getrandom::fill(&mut bytes).map_err(|e| Failure::internal(anyhow::anyhow!("{e}")))?;
    let mut out = [0u32; N];
    for (i, chunk) in bytes.chunks_exact(4).enumerate() {
        out[i] = u32::from_le_bytes([chunk[0], chunk[1], chunk[2], chunk[3]]);
    }
    Ok(out)
}

#[utoipa::path(post, path = "/help-sessions", operation_id = "open_help_session", tag = "volunteers", security(("citizen" = [])),
    summary = "Offer help: a single-use join code (10 minutes), its QR code and the number both screens show",
    description = "Only an active volunteer on the commune's registry may call this, at most 20 times an hour. A session cannot name the resident it is for.",
    request_body = NewHelpSession,
    responses((status = 201, body = HelpSessionOpened), HelpError, AuthError, Common))]
async fn open(
    State(state): State<AppState>,
    ActiveVolunteer(volunteer): ActiveVolunteer,
    Body(new): Body<NewHelpSession>,
) -> Result<(StatusCode, Json<HelpSessionOpened>), Failure> {
    if let Some(code) = &new.procedure_code
        && state.catalog.get(code).is_none()
    {
        return Err(HelpError::ProcedureUnknown.into());
    }
    let now = unix_now();
    let opened = state
        .storage
        .help_sessions_since(&volunteer.personal_id, now - 3600)
        .await?;
    if opened >= help::SESSIONS_PER_HOUR {
        return Err(HelpError::TooMany.into());
    }
    let opened_at = crate::clock::now_vietnam().map_err(Failure::internal)?;
    let expires_unix = now + state.help_code_seconds.min(help::CODE_LIFETIME_SECONDS);
    let id = random_token().map_err(Failure::internal)?;
    let watch = random_token().map_err(Failure::internal)?;
    let [number] = random_u32s::<1>()?;
    let number = help::match_number(number);
    // A code's hash is unique among all sessions: draw again on the rare collision.
    for _ in 0..5 {
        let code = JoinCode::from_random(random_u32s::<6>()?);
        let stored = state
            .storage
            .open_help_session(&crate::storage::NewHelpSession {
                id: id.clone(),
                volunteer: volunteer.personal_id.clone(),
                team: volunteer.team.clone(),
                commune: volunteer.commune.clone(),
                procedure_code: new.procedure_code.clone(),
                code_hash: digest(code.as_str()),
                watch_hash: digest(&watch),
                number,
                opened_at: opened_at.format(&Rfc3339).map_err(Failure::internal)?,
                opened_unix: now,
                expires_unix,
            })
            .await?;
        if stored {
            let join_path = format!("/ho-tro/{code}");
            return Ok((
                StatusCode::CREATED,
                Json(HelpSessionOpened {
                    id,
                    code: code.grouped(),
                    qr_svg: crate::qr::qr_svg(&format!("{}{join_path}", state.public_url))?,
                    join_path,
                    number,
                    expires_at: super::unix_to_vietnam(expires_unix),
                    watch,
                }),
            ));
        }
    }
    Err(Failure::internal(anyhow::anyhow!(
        "no free join code in 5 draws"
    )))
}

/// The session as the volunteer's screen shows it.
fn view_of(state: &AppState, s: &HelpSessionRow) -> HelpSessionView {
    let progress: Option<HelpProgress> = s
        .progress
        .as_deref()
        .and_then(|p| serde_json::from_str(p).ok());
    let tip = match (&progress, &s.procedure_code) {
        (None, Some(code)) => state
            .catalog
            .get(code)
            .and_then(|p| help::step_tip(p, motlan_core::journey::START))
            .and_then(|(_, tip)| tip),
        _ => None,
    };
    HelpSessionView {
        id: s.id.clone(),
        state: s.state,
        expired: s.state == HelpState::Waiting && unix_now() > s.expires_unix,
        number: s.number,
        expires_at: expires_at(s),
        procedure_code: s.procedure_code.clone(),
        progress,
        dossier_code: s.dossier_code.clone().filter(|_| s.code_shared),
        tip,
    }
}

#[utoipa::path(get, path = "/help-sessions/{id}", operation_id = "view_help_session", tag = "volunteers", security(("citizen" = [])), params(("id" = String, Path)),
    summary = "A help session the volunteer opened: its state and the resident's progress (names only)",
    responses((status = 200, body = HelpSessionView), HelpError, AuthError, Common))]
async fn view(
    State(state): State<AppState>,
    ActiveVolunteer(volunteer): ActiveVolunteer,
    Path(id): Path<String>,
) -> Result<Json<HelpSessionView>, Failure> {
    let session = state
        .storage
        .help_session(&id)
        .await?
        .filter(|s| s.volunteer == volunteer.personal_id)
        .ok_or(HelpError::SessionUnknown)?;
    Ok(Json(view_of(&state, &session)))
}

#[derive(Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
struct Watch {
    /// The `watch` secret given when the session was opened.
    watch: String,
}

/// How long one event stream may stay open; the browser reconnects after.
const STREAM_LIFETIME: Duration = Duration::from_secs(2 * 3600);
/// How often the stream looks at the database without a signal (another server may have changed
/// the session).
const POLL: Duration = Duration::from_secs(5);

#[utoipa::path(get, path = "/help-sessions/{id}/events", operation_id = "help_session_events", tag = "volunteers", params(("id" = String, Path), Watch),
    summary = "Live progress of a help session (Server-Sent Events, one `session` event per change)",
    description = "Each event's data is a `HelpSessionView`. The stream ends when the session is over (declined, ended, filed or expired).",
    responses((status = 200, description = "An event stream", content_type = "text/event-stream", body = String), HelpError, Common))]
async fn events(
    State(state): State<AppState>,
    Path(id): Path<String>,
    Query(watch): Query<Watch>,
) -> Result<Sse<impl futures_util::Stream<Item = Result<Event, Infallible>>>, Failure> {
    let session = state
        .storage
        .help_session(&id)
        .await?
        .ok_or(HelpError::SessionUnknown)?;
    if session.watch_hash != digest(&watch.watch) {
        return Err(HelpError::KeyWrong.into());
    }
    let changes = state.help_changes.subscribe();
    let started = tokio::time::Instant::now();
    let stream = futures_util::stream::unfold(
        (state, id, None::<i64>, changes, false),
        move |(state, id, last, mut changes, done)| async move {
            if done || started.elapsed() > STREAM_LIFETIME {
                return None;
            }
            loop {
                let session = state.storage.help_session(&id).await.ok().flatten()?;
                let view = view_of(&state, &session);
                let over = view.is_over();
                // The version changes with the session; expiry changes with time alone.
                let seen = session.version * 2 + i64::from(view.expired);
                if last != Some(seen) {
                    let event = Event::default()
                        .event("session")
                        .json_data(&view)
                        .unwrap_or_else(|_| Event::default().comment("unencodable"));
                    return Some((Ok(event), (state, id, Some(seen), changes, over)));
                }
                if over {
                    return None;
                }
                let _ = tokio::time::timeout(POLL, changes.changed()).await;
            }
        },
    );
    // Ended for good: a body may be polled again after its last frame.
    Ok(Sse::new(futures_util::StreamExt::fuse(stream)).keep_alive(KeepAlive::default()))
}

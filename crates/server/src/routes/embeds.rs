//! Embedded forms: which registered agency embeds a procedure (the frame's header and the one
//! origin its messages go to), and the one-time sign-in tickets that bring a sign-in made in a
//! popup back to the frame (see `tickets`).

use axum::Json;
use axum::extract::{Path, Query, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use motlan_core::api::{EmbedInfo, SignInTicket, TicketRedeem, TicketToken};
use serde::Deserialize;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use crate::AppState;
use crate::error::{Body, Common, Failure, api_errors};
use crate::identity::{AuthError, Citizen, bearer};
use crate::tickets::{LIFETIME, Redeemed};

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(embed))
        .routes(routes!(open_ticket))
        .routes(routes!(fill_ticket))
        .routes(routes!(redeem_ticket))
}

api_errors! {
    /// Problems with an embedded form or its sign-in ticket.
    pub enum EmbedError {
        NotRegistered => (NOT_FOUND, "embed_not_registered",
            "Trang này chưa được đăng ký để nhúng biểu mẫu của thủ tục này.",
            "This page is not registered to embed this procedure's form."),
        SecretWrong => (FORBIDDEN, "ticket_secret_wrong",
            "Mã bí mật của phiên đăng nhập không đúng.",
            "This is not the sign-in ticket's secret."),
        TicketGone => (NOT_FOUND, "ticket_gone",
            "Phiên đăng nhập này đã hết hạn hoặc đã được dùng. Hãy bấm đăng nhập lại.",
            "This sign-in has expired or was used. Please choose sign in again."),
    }
}

#[derive(Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
struct EmbedQuery {
    /// The embedding page's origin, e.g. `https://xademo.gov.vn`.
    parent: String,
}

#[utoipa::path(get, path = "/embeds/{procedure}", tag = "embedding", params(("procedure" = String, Path, example = "1.001193"), EmbedQuery),
    summary = "The agency whose page embeds a procedure's form",
    responses((status = 200, body = EmbedInfo), EmbedError, Common))]
async fn embed(
    State(state): State<AppState>,
    Path(procedure): Path<String>,
    Query(query): Query<EmbedQuery>,
) -> Result<Json<EmbedInfo>, Failure> {
    let agency = state
        .agencies
        .embedding(&procedure, &query.parent)
        .ok_or(EmbedError::NotRegistered)?;
    Ok(Json(EmbedInfo {
        procedure_code: procedure,
        agency_id: agency.id.clone(),
        agency_name: agency.name.clone(),
        parent_origin: query.parent,
    }))
}

#[utoipa::path(post, path = "/sign-in-tickets", tag = "embedding",
    summary = "Open a one-time ticket for a sign-in made in a popup",
    responses((status = 201, body = SignInTicket), Common))]
async fn open_ticket(
    State(state): State<AppState>,
) -> Result<(StatusCode, Json<SignInTicket>), Failure> {
    let id = crate::identity::random_token().map_err(Failure::internal)?;
    let secret = crate::identity::random_token().map_err(Failure::internal)?;
    state.tickets.open(&id, &secret);
    Ok((
        StatusCode::CREATED,
        Json(SignInTicket {
            id,
            secret,
            expires_in: LIFETIME.as_secs(),
        }),
    ))
}

#[utoipa::path(put, path = "/sign-in-tickets/{id}", tag = "embedding", security(("citizen" = [])), params(("id" = String, Path)),
    summary = "Leave the popup's sign-in on the ticket",
    responses((status = 204, description = "The frame can now redeem the ticket"), EmbedError, AuthError, Common))]
async fn fill_ticket(
    State(state): State<AppState>,
    _citizen: Citizen,
    Path(id): Path<String>,
    headers: HeaderMap,
) -> Result<StatusCode, Failure> {
    // The extractor verified this token.
    let token = bearer(&headers).unwrap_or_default();
    if state.tickets.fill(&id, token) {
        Ok(StatusCode::NO_CONTENT)
    } else {
        Err(EmbedError::TicketGone.into())
    }
}

#[utoipa::path(post, path = "/sign-in-tickets/{id}/redeem", tag = "embedding", params(("id" = String, Path)), request_body = TicketRedeem,
    summary = "Redeem a ticket once, with its secret",
    responses((status = 200, description = "Signed in: the token, once", body = TicketToken),
        (status = 202, description = "The sign-in is not finished yet (`null`): ask again in a second"),
        EmbedError, Common))]
async fn redeem_ticket(
    State(state): State<AppState>,
    Path(id): Path<String>,
    Body(body): Body<TicketRedeem>,
) -> Result<Response, Failure> {
    match state.tickets.redeem(&id, &body.secret) {
        Redeemed::Token(access_token) => Ok(Json(TicketToken { access_token }).into_response()),
        // `null`: nothing yet (a JSON body, so clients parse every answer alike).
        Redeemed::Pending => {
            Ok((StatusCode::ACCEPTED, Json(serde_json::Value::Null)).into_response())
        }
        Redeemed::Gone => Err(EmbedError::TicketGone.into()),
        Redeemed::WrongSecret => Err(EmbedError::SecretWrong.into()),
    }
}

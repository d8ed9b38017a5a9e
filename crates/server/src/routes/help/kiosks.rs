//! Kiosks for residents without a phone: a commune-owned device registered by an officer gets a
//! device token (shown once); the web app on that device asks `GET /kiosk` whether it is one,
//! and then signs out and wipes the browser after each resident. Never a volunteer's own phone.

use axum::Json;
use axum::extract::{FromRequestParts, Path, State};
use axum::http::StatusCode;
use axum::http::request::Parts;
use motlan_core::api::{Kiosk, KioskRegistered, NewKiosk};
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use super::digest;
use crate::AppState;
use crate::error::{Body, Common, Failure, api_errors};
use crate::identity::random_token;
use crate::routes::officer::{Officer, OfficerError};

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(register, list))
        .routes(routes!(revoke))
        .routes(routes!(this_kiosk))
}

api_errors! {
    /// Errors of the kiosk registry.
    pub enum KioskError {
        Invalid => (UNPROCESSABLE_ENTITY, "kiosk_invalid",
            "Máy dùng chung cần có tên và xã (mỗi mục tối đa 200 ký tự).",
            "A kiosk needs a name and a commune (each at most 200 characters)."),
        TokenWrong => (FORBIDDEN, "kiosk_token_wrong",
            "Mã thiết bị không đúng hoặc máy đã bị thu hồi.",
            "The device token is wrong or the kiosk was revoked."),
        Unknown => (NOT_FOUND, "kiosk_unknown",
            "Không có máy dùng chung này.",
            "There is no such kiosk."),
    }
}

/// The header a kiosk sends its device token in.
pub const TOKEN_HEADER: &str = "x-kiosk-token";

/// A request from a registered kiosk.
pub struct ThisKiosk(pub Kiosk);

impl FromRequestParts<AppState> for ThisKiosk {
    type Rejection = Failure;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, Failure> {
        let token = parts
            .headers
            .get(TOKEN_HEADER)
            .and_then(|v| v.to_str().ok())
            .unwrap_or_default();
        state
            .storage
            .kiosk_by_token(&digest(token))
            .await?
            .map(ThisKiosk)
            .ok_or_else(|| KioskError::TokenWrong.into())
    }
}

#[utoipa::path(post, path = "/kiosks", operation_id = "register_kiosk", tag = "volunteers", security(("officer" = [])),
    summary = "Register a commune-owned kiosk; its device token is in this answer only",
    request_body = NewKiosk,
    responses((status = 201, body = KioskRegistered), KioskError, OfficerError, Common))]
async fn register(
    _: Officer,
    State(state): State<AppState>,
    Body(new): Body<NewKiosk>,
) -> Result<(StatusCode, Json<KioskRegistered>), Failure> {
    let fine = |t: &str| !t.trim().is_empty() && t.chars().count() <= 200;
    if !fine(&new.name) || !fine(&new.commune) {
        return Err(KioskError::Invalid.into());
    }
    let kiosk = Kiosk {
        id: random_token().map_err(Failure::internal)?,
        name: new.name.trim().to_owned(),
        commune: new.commune.trim().to_owned(),
        revoked: false,
    };
    let token = format!("kiosk-{}", random_token().map_err(Failure::internal)?);
    let at = crate::clock::now_vietnam_rfc3339().map_err(Failure::internal)?;
    state
        .storage
        .register_kiosk(&kiosk, &digest(&token), &at)
        .await?;
    Ok((StatusCode::CREATED, Json(KioskRegistered { kiosk, token })))
}

#[utoipa::path(get, path = "/kiosks", operation_id = "list_kiosks", tag = "volunteers", security(("officer" = [])),
    summary = "The registered kiosks (without their tokens)",
    responses((status = 200, body = [Kiosk]), OfficerError, Common))]
async fn list(_: Officer, State(state): State<AppState>) -> Result<Json<Vec<Kiosk>>, Failure> {
    Ok(Json(state.storage.kiosks().await?))
}

#[utoipa::path(post, path = "/kiosks/{id}/revoke", operation_id = "revoke_kiosk", tag = "volunteers", security(("officer" = [])), params(("id" = String, Path)),
    summary = "Revoke a kiosk's device token",
    responses((status = 204, description = "Revoked"), KioskError, OfficerError, Common))]
async fn revoke(
    _: Officer,
    State(state): State<AppState>,
    Path(id): Path<String>,
) -> Result<StatusCode, Failure> {
    let at = crate::clock::now_vietnam_rfc3339().map_err(Failure::internal)?;
    if state.storage.revoke_kiosk(&id, &at).await? {
        Ok(StatusCode::NO_CONTENT)
    } else {
        Err(KioskError::Unknown.into())
    }
}

#[utoipa::path(get, path = "/kiosk", operation_id = "this_kiosk", tag = "volunteers",
    params(("X-Kiosk-Token" = String, Header, description = "The device token given when the kiosk was registered")),
    summary = "Whether this device is a registered kiosk (the app then wipes itself after each resident)",
    responses((status = 200, body = Kiosk), KioskError, Common))]
async fn this_kiosk(ThisKiosk(kiosk): ThisKiosk) -> Json<Kiosk> {
    Json(kiosk)
}

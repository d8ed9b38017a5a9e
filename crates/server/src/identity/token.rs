//! The identity SANDBOX's token endpoint (the code exchanged once, with its PKCE verifier, for a
//! signed token; OAuth errors as RFC 6749 asks) and its userinfo endpoint.

use std::time::{SystemTime, UNIX_EPOCH};

use axum::extract::State;
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::{Form, Json};
use base64::Engine as _;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use serde::Deserialize;
use serde_json::json;
use sha2::{Digest, Sha256};

use super::codes::TOKEN_LIFETIME;
use super::{Citizen, Claims};
use crate::AppState;

#[derive(Debug, Deserialize)]
pub struct TokenForm {
    grant_type: String,
    code: String,
    redirect_uri: String,
    client_id: String,
    code_verifier: String,
}

/// The headers RFC 6749 §5.1 asks of every token-endpoint answer.
fn no_cache(mut response: Response) -> Response {
    let headers = response.headers_mut();
    headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    headers.insert(header::PRAGMA, HeaderValue::from_static("no-cache"));
    response
}

/// An OAuth error answer (RFC 6749 §5.2): 400 with a JSON body.
fn token_error(error: &str, description: &str) -> Response {
    no_cache(
        (
            StatusCode::BAD_REQUEST,
            Json(json!({ "error": error, "error_description": description })),
        )
            .into_response(),
    )
}

pub(super) async fn token(
    State(state): State<AppState>,
    form: Result<Form<TokenForm>, axum::extract::rejection::FormRejection>,
) -> Response {
    let Ok(Form(form)) = form else {
        return token_error(
            "invalid_request",
            "the request needs grant_type, code, redirect_uri, client_id and code_verifier, form-encoded",
        );
    };
    if form.grant_type != "authorization_code" {
        return token_error(
            "unsupported_grant_type",
            "only authorization_code is supported",
        );
    }
    // A code is used once, whatever happens next.
    let pending = state
        .identity
        .codes
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner)
        .remove(&form.code);
    let Some(pending) = pending.filter(|p| p.expires > SystemTime::now()) else {
        return token_error("invalid_grant", "the code is unknown, used or expired");
    };
    if pending.client_id != form.client_id || pending.redirect_uri != form.redirect_uri {
        return token_error(
            "invalid_grant",
            "client_id or redirect_uri differ from the authorization request",
        );
    }
    let computed = URL_SAFE_NO_PAD.encode(Sha256::digest(form.code_verifier.as_bytes()));
    if !(43..=128).contains(&form.code_verifier.len()) || computed != pending.challenge {
        return token_error(
            "invalid_grant",
            "the code_verifier does not match the code_challenge",
        );
    }
    let now = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    let claims = Claims {
        iss: state.identity.provider.issuer.clone(),
        sub: pending.sub,
        aud: state.identity.provider.client_id.clone(),
        exp: now + TOKEN_LIFETIME.as_secs(),
        iat: now,
        name: pending.name,
        nonce: pending.nonce,
        auth_time: Some(pending.auth_time),
    };
    let Some(keys) = &state.identity.keys else {
        return token_error("invalid_request", "the sandbox provider is not in use");
    };
    match keys.sign(&claims) {
        Ok(token) => no_cache(
            Json(json!({
                "access_token": token,
                "id_token": token,
                "token_type": "Bearer",
                "expires_in": TOKEN_LIFETIME.as_secs(),
            }))
            .into_response(),
        ),
        Err(e) => crate::error::Failure::internal(e).into_response(),
    }
}

pub(super) async fn userinfo(citizen: Citizen) -> Json<serde_json::Value> {
    Json(json!({ "sub": citizen.sub, "name": citizen.name, "sandbox": true }))
}

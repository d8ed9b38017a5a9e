//! Bearer-token verification for the API, and the [`Citizen`] extractor handlers use to say
//! "only a signed-in citizen may call this".

use std::collections::HashMap;

use axum::extract::FromRequestParts;
use axum::http::request::Parts;
use axum::http::{HeaderValue, header};
use axum::response::{IntoResponse, Response};
use jsonwebtoken::jwk::JwkSet;
use jsonwebtoken::{Algorithm, DecodingKey, Validation};
use serde::{Deserialize, Serialize};

use crate::AppState;
use crate::error::api_errors;

/// Claims of the tokens the sandbox issues and the API reads.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Claims {
    pub iss: String,
    /// Subject: the citizen's personal ID number, as VNeID identifies citizens.
    pub sub: String,
    pub aud: String,
    pub exp: u64,
    pub iat: u64,
    pub name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub nonce: Option<String>,
    /// When the citizen signed in (OpenID Connect Core §2), for clients that send `max_age`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub auth_time: Option<u64>,
}

pub struct Verifier {
    issuer: String,
    audience: String,
    keys: HashMap<String, DecodingKey>,
}

impl Verifier {
    /// Trusts exactly the keys of `jwks` for tokens from `issuer` to `audience`.
    pub fn from_jwks(issuer: &str, audience: &str, jwks: &JwkSet) -> anyhow::Result<Self> {
        let mut keys = HashMap::new();
        for jwk in &jwks.keys {
            let kid = jwk
                .common
                .key_id
                .clone()
                .ok_or_else(|| anyhow::anyhow!("a JWKS key without kid"))?;
            keys.insert(kid, DecodingKey::from_jwk(jwk)?);
        }
        Ok(Self {
            issuer: issuer.to_owned(),
            audience: audience.to_owned(),
            keys,
        })
    }

    pub fn verify(&self, token: &str) -> Option<Claims> {
        let header = jsonwebtoken::decode_header(token).ok()?;
        let key = self.keys.get(header.kid.as_deref()?)?;
        let mut validation = Validation::new(Algorithm::EdDSA);
        validation.set_issuer(&[&self.issuer]);
        validation.set_audience(&[&self.audience]);
        validation.set_required_spec_claims(&["exp", "iss", "aud", "sub"]);
        jsonwebtoken::decode::<Claims>(token, key, &validation)
            .ok()
            .map(|data| data.claims)
    }
}

/// The bearer token of an `Authorization` header, if any.
pub fn bearer(headers: &axum::http::HeaderMap) -> Option<&str> {
    headers
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.strip_prefix("Bearer "))
        .map(str::trim)
}

/// A signed-in citizen, from a valid bearer token.
#[derive(Debug, Clone)]
pub struct Citizen {
    pub sub: String,
    pub name: String,
}

impl FromRequestParts<AppState> for Citizen {
    type Rejection = Response;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, Response> {
        let token = bearer(&parts.headers);
        let claims = token
            .and_then(|t| state.identity.verifier.verify(t))
            .ok_or_else(|| unauthorized(token.is_some()))?;
        state
            .limits
            .check_account(&claims.sub)
            .map_err(crate::security::too_many)?;
        Ok(Citizen {
            sub: claims.sub,
            name: claims.name,
        })
    }
}

api_errors! {
    /// A request that needs a signed-in citizen.
    pub enum AuthError {
        SignInRequired => (UNAUTHORIZED, "sign_in_required",
            "Bạn cần đăng nhập bằng tài khoản định danh điện tử.",
            "Please sign in with your electronic identity."),
        TokenInvalid => (UNAUTHORIZED, "token_invalid",
            "Phiên đăng nhập đã hết hạn hoặc không hợp lệ: hãy đăng nhập lại.",
            "The session has expired or is not valid: please sign in again."),
    }
}

fn unauthorized(had_token: bool) -> Response {
    let mut response = if had_token {
        AuthError::TokenInvalid
    } else {
        AuthError::SignInRequired
    }
    .into_response();
    let challenge = if had_token {
        "Bearer error=\"invalid_token\""
    } else {
        "Bearer"
    };
    response.headers_mut().insert(
        header::WWW_AUTHENTICATE,
        HeaderValue::from_static(challenge),
    );
    response
}

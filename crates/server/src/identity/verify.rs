//! Bearer-token verification for the API, and the [`Citizen`] extractor handlers use to say
//! "only a signed-in citizen may call this".

use std::collections::HashMap;

use axum::extract::FromRequestParts;
use axum::http::request::Parts;
use axum::http::{HeaderValue, header};
use axum::response::{IntoResponse, Response};
use jsonwebtoken::jwk::JwkSet;
use jsonwebtoken::{Algorithm, Validation};
use serde::{Deserialize, Serialize};

use super::provider::{RemoteKeys, TrustedKey, trusted_keys};
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

/// The claims the API reads from a verified token (`iss`, `aud` and `exp` are checked by the
/// validation; `aud` may be a string or a list).
#[derive(Debug, Deserialize)]
struct Verified {
    sub: String,
    #[serde(default)]
    name: Option<String>,
}

/// Where the API's trusted keys come from.
enum Keys {
    /// The sandbox's own keys, known at start.
    Fixed(HashMap<String, TrustedKey>),
    /// A configured provider's JWKS, fetched and refreshed.
    Remote(RemoteKeys),
}

pub struct Verifier {
    issuer: String,
    audience: String,
    keys: Keys,
}

impl Verifier {
    /// Trusts exactly the keys of `jwks` (for `allowed` algorithms) for tokens from `issuer`
    /// to `audience`.
    pub fn from_jwks(
        issuer: &str,
        audience: &str,
        jwks: &JwkSet,
        allowed: &[Algorithm],
    ) -> anyhow::Result<Self> {
        let keys = trusted_keys(jwks, allowed);
        if keys.len() != jwks.keys.len() {
            anyhow::bail!("a JWKS key without kid, or of an algorithm the API does not accept");
        }
        Ok(Self {
            issuer: issuer.to_owned(),
            audience: audience.to_owned(),
            keys: Keys::Fixed(keys),
        })
    }

    /// Trusts the keys a configured provider publishes, fetched as needed.
    pub fn remote(issuer: &str, audience: &str, keys: RemoteKeys) -> Self {
        Self {
            issuer: issuer.to_owned(),
            audience: audience.to_owned(),
            keys: Keys::Remote(keys),
        }
    }

    /// The signed-in citizen's subject and name, if `token` is signed by a trusted key with that
    /// key's own algorithm, from the issuer, to the audience, and not expired.
    pub async fn verify(&self, token: &str) -> Option<(String, Option<String>)> {
        let header = jsonwebtoken::decode_header(token).ok()?;
        let kid = header.kid?;
        let (key, algorithm) = match &self.keys {
            Keys::Fixed(keys) => keys.get(&kid).cloned()?,
            Keys::Remote(remote) => remote.key(&kid).await?,
        };
        // The validation accepts only the key's own algorithm: a token claiming another is refused.
        let mut validation = Validation::new(algorithm);
        validation.set_issuer(&[&self.issuer]);
        validation.set_audience(&[&self.audience]);
        validation.set_required_spec_claims(&["exp", "iss", "aud", "sub"]);
        jsonwebtoken::decode::<Verified>(token, &key, &validation)
            .ok()
            .map(|data| (data.claims.sub, data.claims.name))
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
        let verified = match token {
            Some(t) => state.identity.verifier.verify(t).await,
            None => None,
        };
        let (sub, name) = verified.ok_or_else(|| unauthorized(token.is_some()))?;
        state
            .limits
            .check_account(&sub)
            .map_err(crate::security::too_many)?;
        // A provider may keep the name for its userinfo endpoint: the population record has it.
        let name = name.unwrap_or_else(|| state.identity.name_of(&sub));
        Ok(Citizen { sub, name })
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

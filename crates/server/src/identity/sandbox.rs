//! The identity provider SANDBOX: OpenID Connect discovery, the authorization code flow with PKCE
//! (S256 only), token, userinfo and JWKS. Its sign-in page lets a tester pick one of the invented
//! demo citizens; every page and document it serves says SANDBOX.

use std::time::{SystemTime, UNIX_EPOCH};

use axum::extract::{Query, State};
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{Html, IntoResponse, Redirect, Response};
use axum::routing::get;
use axum::{Form, Json, Router};
use serde::Deserialize;
use serde_json::json;

use super::{SigningKeys, random_token};
use crate::AppState;
use crate::html::escape;

use super::codes::{CODE_LIFETIME, PendingCode};

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/.well-known/openid-configuration", get(discovery))
        .route("/authorize", get(sign_in_page).post(sign_in))
        .route("/token", axum::routing::post(super::token::token))
        .route(
            "/userinfo",
            get(super::token::userinfo).post(super::token::userinfo),
        )
        .route("/docs", get(documentation))
        .route("/jwks.json", get(jwks))
}

async fn discovery(State(state): State<AppState>) -> Json<serde_json::Value> {
    let issuer = &state.identity.provider.issuer;
    Json(json!({
        "issuer": issuer,
        "authorization_endpoint": format!("{issuer}/authorize"),
        "token_endpoint": format!("{issuer}/token"),
        "userinfo_endpoint": format!("{issuer}/userinfo"),
        "jwks_uri": format!("{issuer}/jwks.json"),
        "response_types_supported": ["code"],
        "grant_types_supported": ["authorization_code"],
        "subject_types_supported": ["public"],
        // RS256 first: Discovery requires it to be offered; EdDSA is kept as an option.
        "id_token_signing_alg_values_supported": ["RS256", "EdDSA"],
        "code_challenge_methods_supported": ["S256"],
        "token_endpoint_auth_methods_supported": ["none"],
        "scopes_supported": ["openid", "profile"],
        "claims_supported": ["sub", "name", "iss", "aud", "exp", "iat", "nonce", "auth_time"],
        "service_documentation": format!("{issuer}/docs"),
    }))
}

/// What the sandbox is, for people reading `service_documentation`.
async fn documentation(State(state): State<AppState>) -> Response {
    page(
        state.shell.stylesheet.as_deref(),
        StatusCode::OK,
        "<h1>Nhà cung cấp định danh thử nghiệm</h1>\
         <p>Đây là bản thử nghiệm (SANDBOX) thay cho VNeID: công dân là người giả lập.</p>\
         <p lang=\"en\">A SANDBOX OpenID Connect provider standing in for VNeID, with invented citizens. \
         Authorization code flow with PKCE (S256) only; redirect addresses must be registered \
         (<code>--oidc-redirect-uris</code>); tokens are JWTs signed with RS256 (or EdDSA, <code>--sandbox-signing-alg</code>; keys at <code>jwks.json</code>) \
         carrying <code>auth_time</code>; errors follow RFC 6749. See <code>.well-known/openid-configuration</code>.</p>",
    )
}

async fn jwks(State(state): State<AppState>) -> Json<jsonwebtoken::jwk::JwkSet> {
    Json(
        state
            .identity
            .keys
            .as_ref()
            .map(SigningKeys::jwks)
            .unwrap_or_default(),
    )
}

#[derive(Debug, Deserialize)]
pub struct AuthorizeParams {
    response_type: Option<String>,
    client_id: Option<String>,
    redirect_uri: Option<String>,
    code_challenge: Option<String>,
    code_challenge_method: Option<String>,
    #[serde(default)]
    state: Option<String>,
    #[serde(default)]
    nonce: Option<String>,
    #[serde(default)]
    scope: Option<String>,
}

/// The request checked; a bad one is shown as an error page, never redirected to an address we
/// cannot trust.
struct Authorize {
    client_id: String,
    redirect_uri: String,
    challenge: String,
    state: Option<String>,
    nonce: Option<String>,
}

fn check(params: AuthorizeParams, identity: &super::Identity) -> Result<Authorize, &'static str> {
    let audience = identity.provider.client_id.as_str();
    if params.response_type.as_deref() != Some("code") {
        return Err("response_type must be code");
    }
    let client_id = params
        .client_id
        .filter(|c| c == audience)
        .ok_or("unknown client_id")?;
    // Only a registered address, matched exactly: a code is never sent anywhere else.
    let redirect_uri = params
        .redirect_uri
        .filter(|u| identity.redirect_uris.iter().any(|r| r == u))
        .ok_or("redirect_uri is not registered for this client")?;
    if params.code_challenge_method.as_deref() != Some("S256") {
        return Err("PKCE is required: code_challenge_method must be S256");
    }
    let challenge = params
        .code_challenge
        .filter(|c| {
            c.len() == 43
                && c.bytes()
                    .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
        })
        .ok_or("code_challenge must be the base64url SHA-256 of the verifier (43 characters)")?;
    let _ = params.scope;
    Ok(Authorize {
        client_id,
        redirect_uri,
        challenge,
        state: params.state,
        nonce: params.nonce,
    })
}

fn page(stylesheet: Option<&str>, status: StatusCode, body: &str) -> Response {
    let stylesheet = stylesheet.map_or_else(String::new, |href| {
        format!("<link rel=\"stylesheet\" href=\"{}\">", escape(href))
    });
    let html = format!(
        "<!doctype html><html lang=\"vi\"><head><meta charset=\"utf-8\">\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\
         <title>SANDBOX: Đăng nhập thử nghiệm / Test sign-in</title>\
         {stylesheet}</head><body>\
         <header class=\"sandbox-banner\" role=\"note\"><strong>SANDBOX</strong> Môi trường thử nghiệm: công dân giả lập, không phải VNeID. / \
         <span lang=\"en\">Test environment: invented citizens, not VNeID.</span></header>\
         <main id=\"main\" class=\"container\">{body}</main></body></html>"
    );
    let mut response = (status, Html(html)).into_response();
    response
        .headers_mut()
        .insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    response
}

async fn sign_in_page(
    State(state): State<AppState>,
    Query(params): Query<AuthorizeParams>,
) -> Response {
    let request = match check(params, &state.identity) {
        Ok(request) => request,
        Err(problem) => {
            return page(
                state.shell.stylesheet.as_deref(),
                StatusCode::BAD_REQUEST,
                &format!(
                    "<h1>Yêu cầu đăng nhập không hợp lệ</h1><p lang=\"en\">Invalid sign-in request: {}</p>",
                    escape(problem)
                ),
            );
        }
    };
    let hidden = |name: &str, value: &str| {
        format!(
            "<input type=\"hidden\" name=\"{name}\" value=\"{}\">",
            escape(value)
        )
    };
    let mut common = hidden("client_id", &request.client_id)
        + &hidden("redirect_uri", &request.redirect_uri)
        + &hidden("code_challenge", &request.challenge);
    if let Some(s) = &request.state {
        common += &hidden("state", s);
    }
    if let Some(n) = &request.nonce {
        common += &hidden("nonce", n);
    }
    let choices: String = state
        .identity
        .citizens
        .iter()
        .map(|c| {
            format!(
                "<li class=\"card\"><form method=\"post\" action=\"authorize\">{common}{}\
                 <h2>{}{}</h2><p>{}</p><p lang=\"en\">{}</p>\
                 <button class=\"button\" type=\"submit\">Đăng nhập là {} <span lang=\"en\">/ Sign in as this citizen</span></button></form></li>",
                hidden("citizen", &c.key),
                if c.volunteer.is_some() {
                    "<span class=\"tag\">Tình nguyện viên <span lang=\"en\">/ Volunteer</span></span> "
                } else {
                    ""
                },
                escape(&c.label.vi),
                escape(&c.description.vi),
                escape(&c.description.en),
                escape(&c.data.population.full_name),
            )
        })
        .collect();
    page(
        state.shell.stylesheet.as_deref(),
        StatusCode::OK,
        &format!(
            "<h1>Chọn một công dân giả lập để đăng nhập</h1>\
             <p lang=\"en\">Choose an invented citizen to sign in as.</p><ul class=\"card-list\">{choices}</ul>"
        ),
    )
}

#[derive(Debug, Deserialize)]
pub struct SignInForm {
    citizen: String,
    client_id: String,
    redirect_uri: String,
    code_challenge: String,
    #[serde(default)]
    state: Option<String>,
    #[serde(default)]
    nonce: Option<String>,
}

async fn sign_in(State(state): State<AppState>, Form(form): Form<SignInForm>) -> Response {
    let params = AuthorizeParams {
        response_type: Some("code".to_owned()),
        client_id: Some(form.client_id),
        redirect_uri: Some(form.redirect_uri),
        code_challenge: Some(form.code_challenge),
        code_challenge_method: Some("S256".to_owned()),
        state: form.state,
        nonce: form.nonce,
        scope: None,
    };
    let problem = |text: &str| {
        page(
            state.shell.stylesheet.as_deref(),
            StatusCode::BAD_REQUEST,
            &format!(
                "<h1>Yêu cầu đăng nhập không hợp lệ</h1><p lang=\"en\">Invalid sign-in request: {}</p>",
                escape(text)
            ),
        )
    };
    let request = match check(params, &state.identity) {
        Ok(request) => request,
        Err(reason) => return problem(reason),
    };
    let Some(person) = state
        .identity
        .citizens
        .iter()
        .find(|c| c.key == form.citizen)
    else {
        return problem("unknown citizen");
    };
    let Ok(code) = random_token() else {
        return page(
            None,
            StatusCode::INTERNAL_SERVER_ERROR,
            "<h1>Lỗi hệ thống</h1>",
        );
    };
    let pending = PendingCode {
        sub: person.data.population.personal_id.to_string(),
        name: person.data.population.full_name.clone(),
        client_id: request.client_id,
        redirect_uri: request.redirect_uri.clone(),
        challenge: request.challenge,
        nonce: request.nonce,
        expires: SystemTime::now() + CODE_LIFETIME,
        auth_time: SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .map_or(0, |d| d.as_secs()),
    };
    {
        let mut codes = state
            .identity
            .codes
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        let now = SystemTime::now();
        codes.retain(|_, p| p.expires > now);
        codes.insert(code.clone(), pending);
    }
    let separator = if request.redirect_uri.contains('?') {
        '&'
    } else {
        '?'
    };
    let mut location = format!("{}{separator}code={code}", request.redirect_uri);
    if let Some(s) = request.state {
        location += &format!("&state={}", motlan_core::text::percent_encode(&s));
    }
    Redirect::to(&location).into_response()
}

/// Registers the sandbox's demo volunteers in the volunteer registry, unless already there (an
/// officer may have suspended one): active from 1 July 2025, the start of the youth-union
/// campaign, to 30 June 2027.
pub async fn register_volunteers(
    identity: &super::Identity,
    storage: &crate::storage::Storage,
) -> anyhow::Result<()> {
    let at = crate::clock::now_vietnam_rfc3339()?;
    for c in &identity.citizens {
        let Some(v) = &c.volunteer else { continue };
        let entry = motlan_core::help::Volunteer {
            personal_id: c.data.population.personal_id.to_string(),
            full_name: c.data.population.full_name.clone(),
            team: v.team.clone(),
            commune: v.commune.clone(),
            union_unit: v.union_unit.clone(),
            active_from: time::Date::from_calendar_date(2025, time::Month::July, 1)?,
            active_until: time::Date::from_calendar_date(2027, time::Month::June, 30)?,
            suspended: false,
        };
        storage.register_volunteer_once(&entry, &at).await?;
    }
    Ok(())
}

//! Which OpenID provider the web app signs citizens in with: the sandbox, or the provider named by
//! `--oidc-issuer`, whose discovery document the server read at start.

use axum::Json;
use axum::extract::State;
use motlan_core::api::IdentityProvider;

use crate::AppState;
use crate::error::Common;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new().routes(routes!(identity_provider))
}

#[utoipa::path(get, path = "/identity-provider", tag = "consent",
    summary = "The identity provider to sign in with, and the app's client id and scopes there",
    responses((status = 200, body = IdentityProvider), Common))]
async fn identity_provider(State(state): State<AppState>) -> Json<IdentityProvider> {
    Json(state.identity.provider.clone())
}

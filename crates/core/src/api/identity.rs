//! Wire type of the sign-in configuration: which OpenID provider the app signs citizens in with.

use serde::{Deserialize, Serialize};

/// `GET /api/v1/identity-provider`: what the web app needs to sign a citizen in (the
/// authorization code flow with PKCE, as a public client). The server read the provider's
/// discovery document; the app goes to `authorization_endpoint` and exchanges the code at
/// `token_endpoint`, then sends the ID token as its bearer token.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(example = json!({
    "issuer": "http://127.0.0.1:8080/sandbox/idp",
    "authorization_endpoint": "http://127.0.0.1:8080/sandbox/idp/authorize",
    "token_endpoint": "http://127.0.0.1:8080/sandbox/idp/token",
    "client_id": "motlan-web", "scopes": "openid profile", "sandbox": true
})))]
pub struct IdentityProvider {
    pub issuer: String,
    pub authorization_endpoint: String,
    pub token_endpoint: String,
    /// The client id the provider knows the app by (the audience of the tokens the API accepts).
    pub client_id: String,
    /// Space-separated scopes to ask for.
    pub scopes: String,
    /// The provider is the SANDBOX with invented citizens, not VNeID.
    pub sandbox: bool,
    /// Where signing out ends the citizen's session at the provider too (OpenID Connect
    /// RP-Initiated Logout), so the next person on a shared device is asked to sign in.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub end_session_endpoint: Option<String>,
}

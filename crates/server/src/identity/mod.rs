//! Identity: the OpenID Connect sandbox that stands in for VNeID, a configured real provider, and
//! the verification of the tokens the API accepts. The API trusts a token only through the
//! issuer's published keys (JWKS) and the configured issuer and audience, so a real provider
//! replaces the sandbox by configuration (`--oidc-issuer`).

mod codes;
mod keys;
pub mod provider;
pub mod sandbox;
mod token;
mod verify;

use std::collections::HashMap;
use std::sync::Mutex;

use jsonwebtoken::Algorithm;
pub use keys::{SandboxAlgorithm, Seeds, SigningKeys};
use motlan_core::api::IdentityProvider;
pub use verify::{AuthError, Citizen, Claims, Verifier, bearer};

/// What identity needs at run time.
pub struct Identity {
    /// The sandbox's signing keys; `None` when a real provider is configured (the sandbox
    /// provider is then not served).
    pub keys: Option<SigningKeys>,
    pub verifier: Verifier,
    /// Authorization codes waiting to be exchanged, by code.
    pub codes: Mutex<HashMap<String, codes::PendingCode>>,
    /// The invented citizens the sandbox sign-in page offers, parsed once.
    pub citizens: Vec<motlan_core::sandbox::DemoCitizen>,
    /// Where the sandbox may send a sign-in back (exact match): never anywhere else.
    pub redirect_uris: Vec<String>,
    /// The provider the web app signs in with: its issuer (the tokens' `iss`), endpoints, and the
    /// app's client id there (the tokens' audience).
    pub provider: IdentityProvider,
}

impl Identity {
    /// The sandbox provider with its signing keys (shared by every server on the database); its
    /// verifier trusts only those keys, for RS256 and EdDSA.
    pub fn sandbox(
        issuer: &str,
        audience: &str,
        scopes: &str,
        redirect_uris: Vec<String>,
        keys: SigningKeys,
    ) -> anyhow::Result<Self> {
        let verifier = Verifier::from_jwks(
            issuer,
            audience,
            &keys.jwks(),
            &[Algorithm::RS256, Algorithm::EdDSA],
        )?;
        Ok(Self {
            keys: Some(keys),
            verifier,
            codes: Mutex::new(HashMap::new()),
            citizens: motlan_core::sandbox::citizens(),
            redirect_uris,
            provider: IdentityProvider {
                issuer: issuer.to_owned(),
                authorization_endpoint: format!("{issuer}/authorize"),
                token_endpoint: format!("{issuer}/token"),
                client_id: audience.to_owned(),
                scopes: scopes.to_owned(),
                sandbox: true,
                // The sandbox keeps no session: its page asks who to sign in as every time.
                end_session_endpoint: None,
            },
        })
    }

    /// A configured provider: its discovery document is read now (the server does not start
    /// without it), its keys fetched now and again when it rotates them.
    pub async fn remote(
        issuer: &str,
        audience: &str,
        scopes: &str,
        refetch_interval: std::time::Duration,
    ) -> anyhow::Result<Self> {
        let (discovery, keys) = provider::discover(issuer, refetch_interval).await?;
        tracing::info!(
            issuer,
            keys = keys.key_count(),
            "identity provider: discovery read"
        );
        Ok(Self {
            keys: None,
            verifier: Verifier::remote(issuer, audience, keys),
            codes: Mutex::new(HashMap::new()),
            citizens: motlan_core::sandbox::citizens(),
            redirect_uris: Vec::new(),
            provider: IdentityProvider {
                issuer: issuer.to_owned(),
                authorization_endpoint: discovery.authorization_endpoint,
                token_endpoint: discovery.token_endpoint,
                client_id: audience.to_owned(),
                scopes: scopes.to_owned(),
                sandbox: false,
                end_session_endpoint: discovery.end_session_endpoint,
            },
        })
    }

    /// Whether the sandbox provider is the one in use.
    pub fn is_sandbox(&self) -> bool {
        self.provider.sandbox
    }

    /// The name the population record (sandbox) gives `sub`, for tokens without a `name`.
    pub fn name_of(&self, sub: &str) -> String {
        self.citizens
            .iter()
            .find(|c| c.data.population.personal_id.to_string() == sub)
            .map(|c| c.data.population.full_name.clone())
            .unwrap_or_default()
    }
}

/// Sixteen random bytes in URL-safe base64: authorization codes and record ids.
pub fn random_token() -> anyhow::Result<String> {
    use base64::Engine as _;
    let mut bytes = [0u8; 16];
    getrandom::fill(&mut bytes).map_err(|e| anyhow::anyhow!("no randomness: {e}"))?;
    Ok(base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(bytes))
}

//! Identity: the OpenID Connect sandbox that stands in for VNeID, and the verification of the
//! tokens the API accepts. The API trusts a token only through the issuer's published keys (JWKS)
//! and the configured issuer and audience, so a real provider replaces the sandbox by configuration.

mod codes;
mod keys;
pub mod sandbox;
mod token;
mod verify;

use std::collections::HashMap;
use std::sync::Mutex;

pub use keys::SigningKeys;
pub use verify::{AuthError, Citizen, Claims, Verifier, bearer};

/// What identity needs at run time.
pub struct Identity {
    pub issuer: String,
    pub audience: String,
    pub keys: SigningKeys,
    pub verifier: Verifier,
    /// Authorization codes waiting to be exchanged, by code.
    pub codes: Mutex<HashMap<String, codes::PendingCode>>,
    /// The invented citizens the sandbox sign-in page offers, parsed once.
    pub citizens: Vec<motlan_core::sandbox::DemoCitizen>,
    /// Where the sandbox may send a sign-in back (exact match): never anywhere else.
    pub redirect_uris: Vec<String>,
}

impl Identity {
    /// The sandbox provider with the signing key of `seed` (shared by every server on the
    /// database); its verifier trusts only that key.
    pub fn sandbox(
        issuer: &str,
        audience: &str,
        redirect_uris: Vec<String>,
        seed: &str,
    ) -> anyhow::Result<Self> {
        let keys = SigningKeys::from_seed(seed)?;
        let verifier = Verifier::from_jwks(issuer, audience, &keys.jwks())?;
        Ok(Self {
            issuer: issuer.to_owned(),
            audience: audience.to_owned(),
            keys,
            verifier,
            codes: Mutex::new(HashMap::new()),
            citizens: motlan_core::sandbox::citizens(),
            redirect_uris,
        })
    }
}

/// Sixteen random bytes in URL-safe base64: authorization codes and record ids.
pub fn random_token() -> anyhow::Result<String> {
    use base64::Engine as _;
    let mut bytes = [0u8; 16];
    getrandom::fill(&mut bytes).map_err(|e| anyhow::anyhow!("no randomness: {e}"))?;
    Ok(base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(bytes))
}

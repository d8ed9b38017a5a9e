//! The sandbox's signing key: Ed25519 (EdDSA), generated at start, published as a JWKS.

use base64::Engine as _;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use ed25519_dalek::SigningKey;
use ed25519_dalek::pkcs8::EncodePrivateKey as _;
use jsonwebtoken::jwk::JwkSet;
use jsonwebtoken::{Algorithm, EncodingKey, Header};
use serde::Serialize;
use sha2::{Digest, Sha256};

pub struct SigningKeys {
    kid: String,
    encoding: EncodingKey,
    jwks: JwkSet,
}

impl SigningKeys {
    /// A new random seed, base64url (to store, then [`SigningKeys::from_seed`]).
    pub fn fresh_seed() -> anyhow::Result<String> {
        let mut seed = [0u8; 32];
        getrandom::fill(&mut seed).map_err(|e| anyhow::anyhow!("no randomness: {e}"))?;
        Ok(URL_SAFE_NO_PAD.encode(seed))
    }

    pub fn generate() -> anyhow::Result<Self> {
        Self::from_seed(&Self::fresh_seed()?)
    }

    /// The key of a stored seed.
    pub fn from_seed(seed: &str) -> anyhow::Result<Self> {
        let bytes: [u8; 32] = URL_SAFE_NO_PAD
            .decode(seed)?
            .try_into()
            .map_err(|_| anyhow::anyhow!("a signing seed has 32 bytes"))?;
        let key = SigningKey::from_bytes(&bytes);
        let der = key
            .to_pkcs8_der()
            .map_err(|e| anyhow::anyhow!("cannot encode the signing key: {e}"))?;
        let x = URL_SAFE_NO_PAD.encode(key.verifying_key().to_bytes());
        let kid = format!("{:x}", Sha256::digest(x.as_bytes()))[..16].to_owned();
        let jwks = serde_json::from_value(serde_json::json!({
            "keys": [{ "kty": "OKP", "crv": "Ed25519", "x": x, "kid": kid, "use": "sig", "alg": "EdDSA" }]
        }))?;
        Ok(Self {
            kid,
            encoding: EncodingKey::from_ed_der(der.as_bytes()),
            jwks,
        })
    }

    pub fn sign(&self, claims: &impl Serialize) -> anyhow::Result<String> {
        let mut header = Header::new(Algorithm::EdDSA);
        header.kid = Some(self.kid.clone());
        Ok(jsonwebtoken::encode(&header, claims, &self.encoding)?)
    }

    pub fn jwks(&self) -> JwkSet {
        self.jwks.clone()
    }
}

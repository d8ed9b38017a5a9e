//! The sandbox's signing keys: RSA (RS256, the algorithm OpenID Discovery requires a provider to
//! offer, used by default) and Ed25519 (EdDSA, kept as an option). Both are made once per
//! database and published in one JWKS; tokens are signed with the configured one.

use base64::Engine as _;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use ed25519_dalek::SigningKey;
use ed25519_dalek::pkcs8::EncodePrivateKey as _;
use jsonwebtoken::jwk::JwkSet;
use jsonwebtoken::{Algorithm, EncodingKey, Header};
use rsa::pkcs1::{DecodeRsaPrivateKey as _, EncodeRsaPrivateKey as _};
use rsa::traits::PublicKeyParts as _;
use serde::Serialize;
use sha2::{Digest, Sha256};

/// Which of its keys the sandbox signs with.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum SandboxAlgorithm {
    #[value(name = "RS256")]
    Rs256,
    #[value(name = "EdDSA")]
    EdDsa,
}

/// The stored secrets the keys are rebuilt from (see `storage/signing_keys.rs`).
pub struct Seeds {
    /// The Ed25519 seed, base64url (32 bytes).
    pub ed25519: String,
    /// The RSA private key, PKCS #1 DER in base64url.
    pub rsa: String,
}

struct Key {
    kid: String,
    encoding: EncodingKey,
}

pub struct SigningKeys {
    rs256: Key,
    eddsa: Key,
    signing: SandboxAlgorithm,
    jwks: JwkSet,
}

/// A key id: the first 16 hex digits of the SHA-256 of the public key's bytes.
fn key_id(public: &[u8]) -> String {
    format!("{:x}", Sha256::digest(public))[..16].to_owned()
}

impl SigningKeys {
    /// A new random Ed25519 seed, base64url (to store, then [`SigningKeys::from_seeds`]).
    pub fn fresh_ed25519_seed() -> anyhow::Result<String> {
        let mut seed = [0u8; 32];
        getrandom::fill(&mut seed).map_err(|e| anyhow::anyhow!("no randomness: {e}"))?;
        Ok(URL_SAFE_NO_PAD.encode(seed))
    }

    /// A new 2048-bit RSA key, PKCS #1 DER in base64url.
    pub fn fresh_rsa_key() -> anyhow::Result<String> {
        let key = rsa::RsaPrivateKey::new(&mut rand_core::OsRng, 2048)?;
        Ok(URL_SAFE_NO_PAD.encode(key.to_pkcs1_der()?.as_bytes()))
    }

    /// The keys of stored seeds.
    pub fn from_seeds(seeds: &Seeds, signing: SandboxAlgorithm) -> anyhow::Result<Self> {
        let bytes: [u8; 32] = URL_SAFE_NO_PAD
            .decode(&seeds.ed25519)?
            .try_into()
            .map_err(|_| anyhow::anyhow!("an Ed25519 seed has 32 bytes"))?;
        let ed = SigningKey::from_bytes(&bytes);
        let der = ed
            .to_pkcs8_der()
            .map_err(|e| anyhow::anyhow!("cannot encode the signing key: {e}"))?;
        let x = URL_SAFE_NO_PAD.encode(ed.verifying_key().to_bytes());
        let eddsa = Key {
            kid: key_id(x.as_bytes()),
            encoding: EncodingKey::from_ed_der(der.as_bytes()),
        };

        let rsa_der = URL_SAFE_NO_PAD.decode(&seeds.rsa)?;
        let rsa = rsa::RsaPrivateKey::from_pkcs1_der(&rsa_der)?;
        let n = URL_SAFE_NO_PAD.encode(rsa.n().to_bytes_be());
        let e = URL_SAFE_NO_PAD.encode(rsa.e().to_bytes_be());
        let rs256 = Key {
            kid: key_id(n.as_bytes()),
            encoding: EncodingKey::from_rsa_der(&rsa_der),
        };

        let jwks = serde_json::from_value(serde_json::json!({ "keys": [
            { "kty": "RSA", "n": n, "e": e, "kid": rs256.kid, "use": "sig", "alg": "RS256" },
            { "kty": "OKP", "crv": "Ed25519", "x": x, "kid": eddsa.kid, "use": "sig", "alg": "EdDSA" },
        ]}))?;
        Ok(Self {
            rs256,
            eddsa,
            signing,
            jwks,
        })
    }

    /// The algorithm tokens are signed with.
    fn algorithm(&self) -> Algorithm {
        match self.signing {
            SandboxAlgorithm::Rs256 => Algorithm::RS256,
            SandboxAlgorithm::EdDsa => Algorithm::EdDSA,
        }
    }

    pub fn sign(&self, claims: &impl Serialize) -> anyhow::Result<String> {
        let key = match self.signing {
            SandboxAlgorithm::Rs256 => &self.rs256,
            SandboxAlgorithm::EdDsa => &self.eddsa,
        };
        let mut header = Header::new(self.algorithm());
        header.kid = Some(key.kid.clone());
        Ok(jsonwebtoken::encode(&header, claims, &key.encoding)?)
    }

    pub fn jwks(&self) -> JwkSet {
        self.jwks.clone()
    }
}

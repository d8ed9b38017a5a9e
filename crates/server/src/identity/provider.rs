//! A configured OpenID provider (VNeID, the national portal's single sign-on, or any other): its
//! discovery document read at start, its keys (JWKS) fetched and cached. A token signed with a key
//! id the cache does not know makes the server fetch the JWKS again (the provider rotated its
//! keys), at most once a minute (`--oidc-jwks-refetch-seconds`), so forged key ids cannot make it
//! hammer the provider.

use std::collections::HashMap;
use std::sync::Arc;
use std::time::{Duration, Instant};

use jsonwebtoken::jwk::{AlgorithmParameters, EllipticCurve, Jwk, JwkSet, KeyAlgorithm};
use jsonwebtoken::{Algorithm, DecodingKey};
use serde::Deserialize;
use tokio::sync::{Mutex, RwLock};

/// The signing algorithms the API accepts, when the provider announces them.
pub const SUPPORTED: [Algorithm; 3] = [Algorithm::RS256, Algorithm::ES256, Algorithm::EdDSA];

/// What the API needs of a provider's discovery document (OpenID Connect Discovery 1.0 §3).
#[derive(Debug, Clone, Deserialize)]
pub struct Discovery {
    pub issuer: String,
    pub authorization_endpoint: String,
    pub token_endpoint: String,
    pub jwks_uri: String,
    #[serde(default)]
    pub id_token_signing_alg_values_supported: Vec<String>,
    #[serde(default)]
    pub end_session_endpoint: Option<String>,
}

/// A key the API trusts, with the one algorithm it may be used with.
pub type TrustedKey = (Arc<DecodingKey>, Algorithm);

/// The keys of a JWKS the API can use: each with a key id and a supported algorithm allowed by
/// `allowed` (the algorithm is the key's `alg`, or follows from its type and curve). Keys for
/// encryption or without an id are left out.
pub fn trusted_keys(jwks: &JwkSet, allowed: &[Algorithm]) -> HashMap<String, TrustedKey> {
    jwks.keys
        .iter()
        .filter_map(|jwk| {
            let kid = jwk.common.key_id.clone()?;
            if jwk
                .common
                .public_key_use
                .as_ref()
                .is_some_and(|u| *u != jsonwebtoken::jwk::PublicKeyUse::Signature)
            {
                return None;
            }
            let algorithm = algorithm_of(jwk)?;
            if !allowed.contains(&algorithm) {
                return None;
            }
            let key = DecodingKey::from_jwk(jwk).ok()?;
            Some((kid, (Arc::new(key), algorithm)))
        })
        .collect()
}

fn algorithm_of(jwk: &Jwk) -> Option<Algorithm> {
    let implied = match &jwk.algorithm {
        AlgorithmParameters::RSA(_) => Algorithm::RS256,
        AlgorithmParameters::EllipticCurve(ec) if ec.curve == EllipticCurve::P256 => {
            Algorithm::ES256
        }
        AlgorithmParameters::OctetKeyPair(okp) if okp.curve == EllipticCurve::Ed25519 => {
            Algorithm::EdDSA
        }
        _ => return None,
    };
    match jwk.common.key_algorithm {
        None => Some(implied),
        Some(KeyAlgorithm::RS256) if implied == Algorithm::RS256 => Some(implied),
        Some(KeyAlgorithm::ES256) if implied == Algorithm::ES256 => Some(implied),
        Some(KeyAlgorithm::EdDSA) if implied == Algorithm::EdDSA => Some(implied),
        Some(_) => None,
    }
}

/// The algorithms both the provider announces and the API supports.
pub fn allowed_algorithms(announced: &[String]) -> Vec<Algorithm> {
    // Discovery requires RS256 to be offered; a document naming none means RS256.
    if announced.is_empty() {
        return vec![Algorithm::RS256];
    }
    SUPPORTED
        .into_iter()
        .filter(|a| announced.iter().any(|name| name == algorithm_name(*a)))
        .collect()
}

pub fn algorithm_name(algorithm: Algorithm) -> &'static str {
    match algorithm {
        Algorithm::RS256 => "RS256",
        Algorithm::ES256 => "ES256",
        Algorithm::EdDSA => "EdDSA",
        _ => "unsupported",
    }
}

/// A remote provider's keys, fetched when needed.
pub struct RemoteKeys {
    client: reqwest::Client,
    jwks_uri: String,
    allowed: Vec<Algorithm>,
    /// The least time between two fetches (a minute by default).
    refetch_interval: Duration,
    keys: RwLock<HashMap<String, TrustedKey>>,
    /// When the JWKS was last fetched (or tried): the once-a-minute gate.
    last_fetch: Mutex<Option<Instant>>,
}

impl RemoteKeys {
    pub fn key_count(&self) -> usize {
        self.keys.try_read().map_or(0, |k| k.len())
    }

    /// The key `kid`: from the cache, or after fetching the JWKS again if the last fetch is
    /// more than a minute old.
    pub async fn key(&self, kid: &str) -> Option<TrustedKey> {
        if let Some(key) = self.keys.read().await.get(kid) {
            return Some(key.clone());
        }
        {
            let mut last = self.last_fetch.lock().await;
            // Another request may have fetched while this one waited.
            if let Some(key) = self.keys.read().await.get(kid) {
                return Some(key.clone());
            }
            if last.is_some_and(|at| at.elapsed() < self.refetch_interval) {
                return None;
            }
            *last = Some(Instant::now());
            self.refresh().await;
        }
        self.keys.read().await.get(kid).cloned()
    }

    /// Fetches the JWKS and replaces the cache; on failure the cache is kept.
    async fn refresh(&self) {
        match fetch_json::<JwkSet>(&self.client, &self.jwks_uri).await {
            Ok(jwks) => {
                let keys = trusted_keys(&jwks, &self.allowed);
                tracing::info!(keys = keys.len(), "identity provider: keys fetched");
                *self.keys.write().await = keys;
            }
            Err(e) => tracing::warn!(error = %e, "identity provider: cannot fetch its keys"),
        }
    }
}

async fn fetch_json<T: serde::de::DeserializeOwned>(
    client: &reqwest::Client,
    url: &str,
) -> anyhow::Result<T> {
    let response = client.get(url).send().await?.error_for_status()?;
    Ok(response.json().await?)
}

/// Reads the provider's discovery document and its keys. The document's `issuer` must be the
/// configured one exactly (Discovery §4.3), so a token's `iss` is checked against it.
pub async fn discover(
    issuer: &str,
    refetch_interval: Duration,
) -> anyhow::Result<(Discovery, RemoteKeys)> {
    let client = reqwest::Client::builder()
        .timeout(Duration::from_secs(10))
        .redirect(reqwest::redirect::Policy::none())
        .build()?;
    let url = format!(
        "{}/.well-known/openid-configuration",
        issuer.trim_end_matches('/')
    );
    let discovery: Discovery = fetch_json(&client, &url)
        .await
        .map_err(|e| anyhow::anyhow!("cannot read the identity provider's {url}: {e}"))?;
    if discovery.issuer != issuer {
        anyhow::bail!(
            "the identity provider at {url} names itself {:?}, not the configured {issuer:?}",
            discovery.issuer
        );
    }
    let allowed = allowed_algorithms(&discovery.id_token_signing_alg_values_supported);
    if allowed.is_empty() {
        anyhow::bail!(
            "the identity provider signs with {:?}; the API accepts RS256, ES256 and EdDSA",
            discovery.id_token_signing_alg_values_supported
        );
    }
    let remote = RemoteKeys {
        client,
        jwks_uri: discovery.jwks_uri.clone(),
        allowed,
        refetch_interval,
        keys: RwLock::new(HashMap::new()),
        last_fetch: Mutex::new(Some(Instant::now())),
    };
    remote.refresh().await;
    Ok((discovery, remote))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_announced_and_supported_algorithms_are_allowed() {
        let names = |v: &[&str]| v.iter().map(|s| (*s).to_owned()).collect::<Vec<_>>();
        assert_eq!(allowed_algorithms(&[]), vec![Algorithm::RS256]);
        assert_eq!(
            allowed_algorithms(&names(&["HS256", "none", "ES256", "PS256"])),
            vec![Algorithm::ES256]
        );
        assert_eq!(
            allowed_algorithms(&names(&["EdDSA", "RS256", "ES256"])),
            SUPPORTED.to_vec()
        );
    }

    #[test]
    fn a_key_is_trusted_only_for_its_own_algorithm_and_when_allowed() {
        let jwks: JwkSet = serde_json::from_value(serde_json::json!({ "keys": [
            { "kty": "OKP", "crv": "Ed25519", "x": "11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo", "kid": "ed" },
            { "kty": "OKP", "crv": "Ed25519", "x": "11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo", "kid": "ed-as-rsa", "alg": "RS256" },
            { "kty": "OKP", "crv": "Ed25519", "x": "11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo", "kid": "enc", "use": "enc" },
            { "kty": "OKP", "crv": "Ed25519", "x": "11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo" },
            { "kty": "oct", "k": "c2VjcmV0", "kid": "hmac", "alg": "HS256" },
        ]}))
        .unwrap();
        let keys = trusted_keys(&jwks, &SUPPORTED);
        assert_eq!(keys.keys().collect::<Vec<_>>(), vec!["ed"]);
        assert_eq!(keys["ed"].1, Algorithm::EdDSA);
        assert!(trusted_keys(&jwks, &[Algorithm::RS256]).is_empty());
    }
}

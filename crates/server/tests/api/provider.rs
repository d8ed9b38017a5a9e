//! A stand-in OpenID provider on a loopback port for the API tests: a discovery document and a
//! JWKS the test can change (a key rotation), and tokens signed with RS256, ES256 or EdDSA keys
//! made for the test. The end-to-end test signs in through a certified provider instead.

use std::sync::{Arc, Mutex};

use axum::Json;
use axum::extract::State;
use axum::routing::get;
use base64::Engine as _;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use jsonwebtoken::{Algorithm, EncodingKey, Header};
use serde_json::{Value, json};

pub struct SigningKey {
    pub kid: String,
    pub algorithm: Algorithm,
    encoding: EncodingKey,
    pub jwk: Value,
}

impl SigningKey {
    pub fn rsa(kid: &str) -> Self {
        use rsa::pkcs1::EncodeRsaPrivateKey as _;
        use rsa::traits::PublicKeyParts as _;
        let key = rsa::RsaPrivateKey::new(&mut rand_core::OsRng, 2048).expect("RSA key");
        let der = key.to_pkcs1_der().expect("DER");
        Self {
            kid: kid.to_owned(),
            algorithm: Algorithm::RS256,
            encoding: EncodingKey::from_rsa_der(der.as_bytes()),
            jwk: json!({ "kty": "RSA", "kid": kid, "use": "sig",
                "n": URL_SAFE_NO_PAD.encode(key.n().to_bytes_be()),
                "e": URL_SAFE_NO_PAD.encode(key.e().to_bytes_be()) }),
        }
    }

    pub fn p256(kid: &str) -> Self {
        use p256::pkcs8::EncodePrivateKey as _;
        let key = p256::SecretKey::random(&mut rand_core::OsRng);
        let mut jwk: Value = serde_json::from_str(&key.public_key().to_jwk_string()).expect("JWK");
        jwk["kid"] = json!(kid);
        jwk["alg"] = json!("ES256");
        Self {
            kid: kid.to_owned(),
            algorithm: Algorithm::ES256,
            encoding: EncodingKey::from_ec_der(key.to_pkcs8_der().expect("DER").as_bytes()),
            jwk,
        }
    }

    pub fn ed25519(kid: &str) -> Self {
        use ed25519_dalek::pkcs8::EncodePrivateKey as _;
        let mut seed = [0u8; 32];
        getrandom::fill(&mut seed).expect("randomness");
        let key = ed25519_dalek::SigningKey::from_bytes(&seed);
        Self {
            kid: kid.to_owned(),
            algorithm: Algorithm::EdDSA,
            encoding: EncodingKey::from_ed_der(key.to_pkcs8_der().expect("DER").as_bytes()),
            jwk: json!({ "kty": "OKP", "crv": "Ed25519", "kid": kid,
                "x": URL_SAFE_NO_PAD.encode(key.verifying_key().to_bytes()) }),
        }
    }

    /// A token with `claims`, signed with this key and naming it.
    pub fn sign(&self, claims: &Value) -> String {
        let mut header = Header::new(self.algorithm);
        header.kid = Some(self.kid.clone());
        jsonwebtoken::encode(&header, claims, &self.encoding).expect("token")
    }
}

#[derive(Clone)]
struct Shared {
    issuer: String,
    algorithms: Vec<String>,
    jwks: Arc<Mutex<Value>>,
    fetches: Arc<Mutex<u32>>,
}

pub struct StandInProvider {
    pub issuer: String,
    shared: Shared,
}

impl StandInProvider {
    /// Serves discovery and `keys` (public parts) on a loopback port, announcing `algorithms`.
    pub async fn start(keys: &[&SigningKey], algorithms: &[&str]) -> Self {
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
            .await
            .expect("bind");
        let issuer = format!("http://{}", listener.local_addr().expect("address"));
        let shared = Shared {
            issuer: issuer.clone(),
            algorithms: algorithms.iter().map(|a| (*a).to_owned()).collect(),
            jwks: Arc::new(Mutex::new(json!({ "keys": [] }))),
            fetches: Arc::new(Mutex::new(0)),
        };
        let provider = Self { issuer, shared };
        provider.publish(keys);
        let router = axum::Router::new()
            .route("/.well-known/openid-configuration", get(discovery))
            .route("/jwks", get(jwks))
            .with_state(provider.shared.clone());
        tokio::spawn(async move { axum::serve(listener, router).await });
        provider
    }

    /// Replaces the published keys (a rotation).
    pub fn publish(&self, keys: &[&SigningKey]) {
        *self.shared.jwks.lock().unwrap() =
            json!({ "keys": keys.iter().map(|k| k.jwk.clone()).collect::<Vec<_>>() });
    }

    /// How many times the JWKS was fetched.
    pub fn fetches(&self) -> u32 {
        *self.shared.fetches.lock().unwrap()
    }

    /// Claims of a token for `sub` from this provider to `aud`, valid for five minutes.
    pub fn claims(&self, sub: &str, aud: &str) -> Value {
        let now = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .unwrap()
            .as_secs();
        json!({ "iss": self.issuer, "sub": sub, "aud": aud, "iat": now, "exp": now + 300 })
    }
}

async fn discovery(State(shared): State<Shared>) -> Json<Value> {
    let issuer = &shared.issuer;
    Json(json!({
        "issuer": issuer,
        "authorization_endpoint": format!("{issuer}/auth"),
        "token_endpoint": format!("{issuer}/token"),
        "jwks_uri": format!("{issuer}/jwks"),
        "response_types_supported": ["code"],
        "subject_types_supported": ["public"],
        "id_token_signing_alg_values_supported": shared.algorithms,
    }))
}

async fn jwks(State(shared): State<Shared>) -> Json<Value> {
    *shared.fetches.lock().unwrap() += 1;
    Json(shared.jwks.lock().unwrap().clone())
}

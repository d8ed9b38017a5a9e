//! Drafts that survive a closed tab without leaving readable personal data on the device.
//!
//! The draft is encrypted with AES-256-GCM in the browser (SubtleCrypto) and kept in
//! `localStorage`; the key is held by the server (`GET /me/draft-key`) and only fetched, into
//! memory, once the citizen has signed in. Signing out deletes both the drafts and the key, and
//! the key expires 24 hours after it was last fetched, so a draft left on a shared device cannot
//! be read by the next person. The citizen's id and the procedure code are bound to the
//! ciphertext as associated data: one account's draft does not open in another's session.

use std::collections::BTreeMap;

use js_sys::{Array, Object, Reflect, Uint8Array};
use serde::{Deserialize, Serialize};
use wasm_bindgen::JsValue;
use wasm_bindgen_futures::JsFuture;
use web_sys::CryptoKey;

use super::api::{Api, ApiFailure};

const PREFIX: &str = "motlan.draft.";
/// Where dossiers waiting to be sent are kept (`services/outbox.rs`).
pub const OUTBOX_PREFIX: &str = "motlan.outbox.";

/// The keys of this device's local storage that start with `prefix`.
pub fn stored_keys(prefix: &str) -> Vec<String> {
    storage().map_or_else(Vec::new, |s| {
        (0..s.length().unwrap_or(0))
            .filter_map(|i| s.key(i).ok().flatten())
            .filter(|k| k.starts_with(prefix))
            .collect()
    })
}

/// How many dossiers wait to be sent on this device (read for the header and sign-out).
pub fn waiting_count() -> u32 {
    u32::try_from(stored_keys(OUTBOX_PREFIX).len()).unwrap_or(u32::MAX)
}

/// What is kept of a filing in progress.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct Draft {
    /// What the citizen typed, by answer key (never values pre-filled from national data).
    pub answers: BTreeMap<String, String>,
    /// Uploaded files by document id.
    pub uploads: BTreeMap<String, Vec<Upload>>,
    /// The idempotency key of this filing: a submission interrupted by a closed tab is replayed
    /// with the same key after the draft is restored, and cannot create a second dossier.
    pub idempotency_key: String,
    /// The step the citizen was on.
    pub step: String,
}

/// A file uploaded for a document.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Upload {
    pub id: String,
    pub name: String,
    pub size: u64,
}

/// The key that opens the signed-in citizen's drafts, and what binds them to that citizen.
#[derive(Clone, Debug, PartialEq)]
pub struct DraftBox {
    key: CryptoKey,
    owner: String,
}

fn storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

fn subtle() -> Option<web_sys::SubtleCrypto> {
    Some(web_sys::window()?.crypto().ok()?.subtle())
}

fn set(target: &Object, key: &str, value: &JsValue) {
    // Setting a property on a fresh plain object cannot fail.
    let _ = Reflect::set(target, &JsValue::from_str(key), value);
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

fn unhex(text: &str) -> Option<Vec<u8>> {
    (0..text.len())
        .step_by(2)
        .map(|i| u8::from_str_radix(text.get(i..i + 2)?, 16).ok())
        .collect()
}

fn params(iv: &[u8], owner: &str, code: &str) -> Object {
    let params = Object::new();
    set(&params, "name", &JsValue::from_str("AES-GCM"));
    set(&params, "iv", &Uint8Array::from(iv).into());
    let aad = format!("{owner}|{code}");
    set(
        &params,
        "additionalData",
        &Uint8Array::from(aad.as_bytes()).into(),
    );
    params
}

#[derive(Serialize, Deserialize)]
struct Sealed {
    iv: String,
    data: String,
}

impl DraftBox {
    /// Fetches the key from the server and imports it (not extractable) into memory.
    pub async fn open(api: &Api, owner: &str) -> Result<Self, ApiFailure> {
        let key = api.draft_key().await?;
        Self::from_key(&key.key, owner).await
    }

    /// Imports a base64url AES-256 key (as a JWK, so the browser decodes it).
    pub async fn from_key(key: &str, owner: &str) -> Result<Self, ApiFailure> {
        let jwk = Object::new();
        set(&jwk, "kty", &JsValue::from_str("oct"));
        set(&jwk, "k", &JsValue::from_str(key));
        set(&jwk, "alg", &JsValue::from_str("A256GCM"));
        set(&jwk, "ext", &JsValue::TRUE);
        let algorithm = Object::new();
        set(&algorithm, "name", &JsValue::from_str("AES-GCM"));
        let usages = Array::of2(&"encrypt".into(), &"decrypt".into());
        let promise = subtle()
            .ok_or(ApiFailure::Network)?
            .import_key_with_object("jwk", &jwk, &algorithm, false, &usages)
            .map_err(|_| ApiFailure::Network)?;
        let key = JsFuture::from(promise)
            .await
            .map_err(|_| ApiFailure::Network)?;
        Ok(Self {
            key: key.into(),
            owner: owner.to_owned(),
        })
    }

    /// Encrypts `plain`, bound to this citizen and to `label` (AES-256-GCM, fresh IV): the
    /// sealed text to keep in storage.
    pub async fn seal(&self, label: &str, plain: &[u8]) -> Option<String> {
        let mut iv = [0u8; 12];
        web_sys::window()?
            .crypto()
            .ok()?
            .get_random_values_with_u8_array(&mut iv)
            .ok()?;
        let promise = subtle()?
            .encrypt_with_object_and_u8_array(&params(&iv, &self.owner, label), &self.key, plain)
            .ok()?;
        let sealed = JsFuture::from(promise).await.ok()?;
        serde_json::to_string(&Sealed {
            iv: hex(&iv),
            data: hex(&Uint8Array::new(&sealed).to_vec()),
        })
        .ok()
    }

    /// What [`DraftBox::seal`] sealed with the same key, citizen and label.
    pub async fn unseal(&self, label: &str, sealed: &str) -> Option<Vec<u8>> {
        let sealed: Sealed = serde_json::from_str(sealed).ok()?;
        let iv = unhex(&sealed.iv)?;
        let data = unhex(&sealed.data)?;
        let promise = subtle()?
            .decrypt_with_object_and_u8_array(&params(&iv, &self.owner, label), &self.key, &data)
            .ok()?;
        let plain = JsFuture::from(promise).await.ok()?;
        Some(Uint8Array::new(&plain).to_vec())
    }

    /// Encrypts and stores the draft of procedure `code`, replacing any earlier one.
    pub async fn save(&self, code: &str, draft: &Draft) -> Option<()> {
        let sealed = self.seal(code, &serde_json::to_vec(draft).ok()?).await?;
        storage()?
            .set_item(&format!("{PREFIX}{code}"), &sealed)
            .ok()
    }

    /// The draft of procedure `code`, if there is one this key opens.
    pub async fn load(&self, code: &str) -> Option<Draft> {
        let text = storage()?.get_item(&format!("{PREFIX}{code}")).ok()??;
        serde_json::from_slice(&self.unseal(code, &text).await?).ok()
    }
}

/// Deletes the draft of procedure `code` (after filing, or when the citizen starts again).
pub fn discard(code: &str) {
    if let Some(storage) = storage() {
        let _ = storage.remove_item(&format!("{PREFIX}{code}"));
    }
}

/// Deletes every draft on this device, and every dossier waiting to be sent (at sign-out).
pub fn discard_all() {
    let Some(storage) = storage() else { return };
    for key in stored_keys(PREFIX)
        .into_iter()
        .chain(stored_keys(OUTBOX_PREFIX))
    {
        let _ = storage.remove_item(&key);
    }
}

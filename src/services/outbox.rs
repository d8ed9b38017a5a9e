//! Dossiers waiting to be sent: when the connection is lost as the citizen files, the dossier is
//! kept here, encrypted with the citizen's draft key (nothing personal is readable in storage),
//! unchanged once queued, and sent again with its original idempotency key when the connection
//! returns, so the server files it exactly once. A refusal (4xx) is kept to be shown and never
//! retried; a network error or a server error is retried later. Sign-out deletes them all.

use motlan_core::Localized;
use motlan_core::api::NewDossier;
use serde::{Deserialize, Serialize};

use super::api::{Api, ApiFailure};
use super::drafts::{DraftBox, OUTBOX_PREFIX, stored_keys};

/// Told on `window` whenever the outbox changes, so the header and the outbox page look again.
pub const CHANGED: &str = "motlan-outbox";

/// One waiting dossier. Only the procedure code and the time are readable.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Entry {
    /// The filing's idempotency key: the dossier's identity.
    pub key: String,
    pub procedure_code: String,
    /// When it was queued (the device's clock, for the citizen's information only).
    pub queued_at: String,
    /// The dossier, sealed with the draft key ([`DraftBox::seal`]).
    sealed: String,
    /// Why the server refused it, when it did: shown, never sent again.
    #[serde(default)]
    pub refused: Option<Localized>,
}

fn storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

fn label(key: &str) -> String {
    format!("outbox|{key}")
}

/// Tells the page the outbox changed ([`CHANGED`]).
pub fn changed() {
    if let Some(window) = web_sys::window()
        && let Ok(event) = web_sys::Event::new(CHANGED)
    {
        let _ = window.dispatch_event(&event);
    }
}

fn store(entry: &Entry) -> Option<()> {
    let text = serde_json::to_string(entry).ok()?;
    storage()?
        .set_item(&format!("{OUTBOX_PREFIX}{}", entry.key), &text)
        .ok()?;
    changed();
    Some(())
}

/// Every waiting or refused dossier on this device, oldest first.
pub fn entries() -> Vec<Entry> {
    let Some(storage) = storage() else {
        return Vec::new();
    };
    let mut entries: Vec<Entry> = stored_keys(OUTBOX_PREFIX)
        .into_iter()
        .filter_map(|k| storage.get_item(&k).ok().flatten())
        .filter_map(|text| serde_json::from_str(&text).ok())
        .collect();
    entries.sort_by(|a: &Entry, b: &Entry| a.queued_at.cmp(&b.queued_at));
    entries
}

/// Keeps `dossier` to send later under its idempotency `key`.
pub async fn queue(draft_box: &DraftBox, key: &str, dossier: &NewDossier) -> Option<()> {
    let plain = serde_json::to_vec(dossier).ok()?;
    let sealed = draft_box.seal(&label(key), &plain).await?;
    let queued_at = js_sys::Date::new_0().to_iso_string().as_string()?;
    store(&Entry {
        key: key.to_owned(),
        procedure_code: dossier.procedure_code.clone(),
        queued_at,
        sealed,
        refused: None,
    })?;
    ask_background_sync();
    Some(())
}

/// Deletes a waiting dossier: the citizen cancelled it.
pub fn cancel(key: &str) {
    if let Some(storage) = storage() {
        let _ = storage.remove_item(&format!("{OUTBOX_PREFIX}{key}"));
    }
    changed();
}

/// Where a replay of one dossier ended.
#[derive(Debug, Clone, PartialEq)]
pub enum Sent {
    /// Filed (now, or earlier under the same key): its dossier code.
    Filed { key: String, code: String },
    /// Refused by the server: kept, shown, not sent again.
    Refused,
    /// No connection or a server error: tried again later.
    Later,
}

/// Sends every waiting dossier once, oldest first, each with its own key.
pub async fn replay(api: &Api, draft_box: &DraftBox) -> Vec<Sent> {
    let mut results = Vec::new();
    for mut entry in entries().into_iter().filter(|e| e.refused.is_none()) {
        let Some(plain) = draft_box.unseal(&label(&entry.key), &entry.sealed).await else {
            // Sealed for another citizen or with a forgotten key: not this session's to send.
            continue;
        };
        let Ok(dossier) = serde_json::from_slice::<NewDossier>(&plain) else {
            continue;
        };
        match api.submit_dossier(&dossier, &entry.key).await {
            Ok(receipt) => {
                cancel(&entry.key);
                super::drafts::discard(&entry.procedure_code);
                results.push(Sent::Filed {
                    key: entry.key.clone(),
                    code: receipt.code,
                });
            }
            Err(ApiFailure::Rejected { status, error }) if (400..500).contains(&status) => {
                entry.refused = Some(error.message);
                store(&entry);
                results.push(Sent::Refused);
            }
            Err(_) => results.push(Sent::Later),
        }
    }
    results
}

/// Asks the service worker to wake the page when the connection returns (Background Sync, where
/// the browser has it; elsewhere the page's `online` event does the same).
fn ask_background_sync() {
    use wasm_bindgen::JsCast as _;
    let Some(window) = web_sys::window() else {
        return;
    };
    let container = js_sys::Reflect::get(&window.navigator(), &"serviceWorker".into())
        .ok()
        .filter(|c| !c.is_undefined());
    let Some(container) = container else { return };
    let Ok(ready) = js_sys::Reflect::get(&container, &"ready".into()) else {
        return;
    };
    let Ok(ready) = ready.dyn_into::<js_sys::Promise>() else {
        return;
    };
    wasm_bindgen_futures::spawn_local(async move {
        let Ok(registration) = wasm_bindgen_futures::JsFuture::from(ready).await else {
            return;
        };
        let Ok(sync) = js_sys::Reflect::get(&registration, &"sync".into()) else {
            return;
        };
        if sync.is_undefined() {
            return;
        }
        let Ok(register) = js_sys::Reflect::get(&sync, &"register".into()) else {
            return;
        };
        if let Ok(register) = register.dyn_into::<js_sys::Function>() {
            let _ = register.call1(&sync, &CHANGED.into());
        }
    });
}

//! Signing in with OpenID Connect: the authorization code flow with PKCE (S256). Only what must
//! survive the redirect to the identity provider (the verifier, the state and where to return) is
//! kept, in `sessionStorage`, and it is deleted as soon as the citizen is back. The token itself
//! lives in memory only: closing the tab signs out, and nothing personal stays on a shared device.

use gloo_net::http::Request;
use serde::{Deserialize, Serialize};
use wasm_bindgen_futures::JsFuture;

use super::api::new_idempotency_key;

const PENDING: &str = "motlan.sign-in";
/// The app's path the provider sends the citizen back to.
pub const CALLBACK_PATH: &str = "/dang-nhap";

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SignInError {
    /// The provider or the network did not answer as expected.
    Provider,
    /// The citizen came back without a matching request (an old link, another tab).
    NoPendingRequest,
}

#[derive(Serialize, Deserialize)]
struct Pending {
    verifier: String,
    state: String,
    return_to: String,
    /// Signing in for an embedded form: the ticket the token is left on.
    #[serde(default)]
    ticket: Option<String>,
}

/// A finished sign-in.
pub struct Finished {
    pub token: String,
    /// The app path to go back to.
    pub return_to: String,
    /// The embedded form's ticket, when this sign-in was made in its popup.
    pub ticket: Option<String>,
}

/// The provider, its endpoints, and the app's client id and scopes there, as the server says.
type Discovery = motlan_core::api::IdentityProvider;

#[derive(Deserialize)]
struct TokenAnswer {
    access_token: String,
    /// The API's bearer token: issued to the app's client id, signed with the provider's keys.
    #[serde(default)]
    id_token: Option<String>,
}

fn window() -> Result<web_sys::Window, SignInError> {
    web_sys::window().ok_or(SignInError::Provider)
}

fn session_storage() -> Result<web_sys::Storage, SignInError> {
    window()?
        .session_storage()
        .ok()
        .flatten()
        .ok_or(SignInError::Provider)
}

/// URL-safe base64 without padding (RFC 4648 §5), for the PKCE challenge.
pub fn base64url(bytes: &[u8]) -> String {
    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let b = [
            chunk[0],
            *chunk.get(1).unwrap_or(&0),
            *chunk.get(2).unwrap_or(&0),
        ];
        let n = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
        for i in 0..=chunk.len() {
            out.push(ALPHABET[((n >> (18 - 6 * i)) & 63) as usize] as char);
        }
    }
    out
}

fn encode(text: &str) -> String {
    js_sys::encode_uri_component(text)
        .as_string()
        .unwrap_or_default()
}

async fn sha256(text: &str) -> Result<Vec<u8>, SignInError> {
    let subtle = window()?
        .crypto()
        .map_err(|_| SignInError::Provider)?
        .subtle();
    let promise = subtle
        .digest_with_str_and_u8_array("SHA-256", text.as_bytes())
        .map_err(|_| SignInError::Provider)?;
    let buffer = JsFuture::from(promise)
        .await
        .map_err(|_| SignInError::Provider)?;
    Ok(js_sys::Uint8Array::new(&buffer).to_vec())
}

/// `identity` is the server's sign-in configuration (`/api/v1/identity-provider`).
async fn discover(identity: &str) -> Result<Discovery, SignInError> {
    let response = Request::get(identity)
        .send()
        .await
        .map_err(|_| SignInError::Provider)?;
    response.json().await.map_err(|_| SignInError::Provider)
}

/// Sends the browser to the provider's sign-in page; `return_to` is the app path to come back to.
pub async fn start(identity: &str, return_to: &str) -> Result<(), SignInError> {
    begin(identity, return_to, None).await
}

/// The same, in the popup of an embedded form: the token goes on `ticket`.
#[cfg(feature = "journey")]
pub async fn start_for_ticket(identity: &str, ticket: &str) -> Result<(), SignInError> {
    begin(identity, "/", Some(ticket.to_owned())).await
}

async fn begin(identity: &str, return_to: &str, ticket: Option<String>) -> Result<(), SignInError> {
    let discovery = discover(identity).await?;
    let verifier = format!("{}{}", new_idempotency_key(), new_idempotency_key());
    let state = new_idempotency_key();
    let challenge = base64url(&sha256(&verifier).await?);
    let pending = Pending {
        verifier,
        state: state.clone(),
        return_to: return_to.to_owned(),
        ticket,
    };
    let json = serde_json::to_string(&pending).map_err(|_| SignInError::Provider)?;
    session_storage()?
        .set_item(PENDING, &json)
        .map_err(|_| SignInError::Provider)?;
    let location = window()?.location();
    let origin = location.origin().map_err(|_| SignInError::Provider)?;
    // The provider shows its pages in the citizen's language (the page's own, set by the layout).
    let ui_locales = window()?
        .document()
        .and_then(|d| d.document_element())
        .and_then(|e| e.get_attribute("lang"))
        .filter(|l| l == "en")
        .unwrap_or_else(|| "vi".to_owned());
    let url = format!(
        "{}?response_type=code&client_id={}&redirect_uri={}&scope={}&code_challenge={challenge}&code_challenge_method=S256&state={state}&ui_locales={ui_locales}",
        discovery.authorization_endpoint,
        encode(&discovery.client_id),
        encode(&format!("{origin}{CALLBACK_PATH}")),
        encode(&discovery.scopes),
    );
    location.assign(&url).map_err(|_| SignInError::Provider)
}

/// Completes the sign-in after the provider's redirect: checks the state, exchanges the code
/// with the verifier, and returns the token and the app path to go back to.
pub async fn finish(identity: &str, code: &str, state: &str) -> Result<Finished, SignInError> {
    let storage = session_storage()?;
    let pending = storage
        .get_item(PENDING)
        .ok()
        .flatten()
        .ok_or(SignInError::NoPendingRequest)?;
    let _ = storage.remove_item(PENDING);
    let pending: Pending =
        serde_json::from_str(&pending).map_err(|_| SignInError::NoPendingRequest)?;
    if pending.state != state {
        return Err(SignInError::NoPendingRequest);
    }
    let discovery = discover(identity).await?;
    let origin = window()?
        .location()
        .origin()
        .map_err(|_| SignInError::Provider)?;
    let form = format!(
        "grant_type=authorization_code&code={}&redirect_uri={}&client_id={}&code_verifier={}",
        encode(code),
        encode(&format!("{origin}{CALLBACK_PATH}")),
        encode(&discovery.client_id),
        pending.verifier
    );
    let response = Request::post(&discovery.token_endpoint)
        .header("Content-Type", "application/x-www-form-urlencoded")
        .body(form)
        .map_err(|_| SignInError::Provider)?
        .send()
        .await
        .map_err(|_| SignInError::Provider)?;
    if !response.ok() {
        return Err(SignInError::Provider);
    }
    let answer: TokenAnswer = response.json().await.map_err(|_| SignInError::Provider)?;
    Ok(Finished {
        token: answer.id_token.unwrap_or(answer.access_token),
        return_to: pending.return_to,
        ticket: pending.ticket,
    })
}

/// The `code` and `state` of the current address, after the provider's redirect.
/// Sign-in asked for by following the sign-in link (`/dang-nhap?tu=/thu-tuc/…`), as a citizen
/// does who taps it before the app has started: the page to come back to, an address of this
/// site only. `None` on the provider's way back (it brings a `code`).
pub fn requested_start() -> Option<String> {
    let search = window().ok()?.location().search().ok()?;
    let params = web_sys::UrlSearchParams::new_with_str(&search).ok()?;
    if params.get("code").is_some() {
        return None;
    }
    let to = params.get("tu")?;
    (to.starts_with('/') && !to.starts_with("//") && !to.contains('\\')).then_some(to)
}

pub fn callback_params() -> Option<(String, String)> {
    let search = window().ok()?.location().search().ok()?;
    let params = web_sys::UrlSearchParams::new_with_str(&search).ok()?;
    Some((params.get("code")?, params.get("state")?))
}

/// Ends the citizen's session at the provider too, when it offers that (a real provider keeps
/// one; the sandbox does not): the browser goes there with the ID token and comes back home.
pub async fn end_session(identity: &str, token: &str) {
    let Ok(discovery) = discover(identity).await else {
        return;
    };
    let (Some(end), Ok(window)) = (discovery.end_session_endpoint, window()) else {
        return;
    };
    // An embedded form cannot show the provider (it refuses frames): its popup signed in.
    if window
        .top()
        .ok()
        .flatten()
        .is_some_and(|top| !js_sys::Object::is(&top, &window))
    {
        return;
    }
    let origin = window.location().origin().unwrap_or_default();
    let _ = window.location().assign(&format!(
        "{end}?id_token_hint={}&client_id={}&post_logout_redirect_uri={}",
        encode(token),
        encode(&discovery.client_id),
        encode(&format!("{origin}/"))
    ));
}

/// Drops anything a sign-in left in this tab.
pub fn forget_pending() {
    if let Ok(storage) = session_storage() {
        let _ = storage.remove_item(PENDING);
    }
}

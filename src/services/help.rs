//! Volunteer-assisted filing in the browser: the API calls of both sides, and the resident
//! phone's hold on a help session, kept in session storage (this tab only, gone when it
//! closes) so it survives the sign-in redirect. It holds a session id and a random key, never
//! personal data.

use motlan_core::api::{
    HelpAnswer, HelpAnswered, HelpKey, HelpLink, HelpOffer, HelpSessionOpened, HelperReport,
    NewHelpSession, ProgressReport, ProgressUpdate,
};
use motlan_core::help::JoinAnswer;
use serde::{Deserialize, Serialize};

use super::api::{Api, ApiFailure, Method};

const KEY: &str = "motlan.help";

/// The resident phone's hold on the session it accepted, and whom it accepted help from.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Helping {
    pub link: HelpLink,
    pub helper: String,
    #[serde(default)]
    pub procedure_code: Option<String>,
    /// The dossier filed in the session, once filed.
    #[serde(default)]
    pub dossier: Option<String>,
}

fn storage() -> Option<web_sys::Storage> {
    web_sys::window()?.session_storage().ok()?
}

/// The session this tab accepted, if any.
pub fn helping() -> Option<Helping> {
    serde_json::from_str(&storage()?.get_item(KEY).ok()??).ok()
}

pub fn remember(helping: &Helping) {
    if let (Some(s), Ok(text)) = (storage(), serde_json::to_string(helping)) {
        let _ = s.set_item(KEY, &text);
    }
}

pub fn forget() {
    if let Some(s) = storage() {
        let _ = s.remove_item(KEY);
    }
}

impl Api {
    pub async fn open_help_session(
        &self,
        new: &NewHelpSession,
    ) -> Result<HelpSessionOpened, ApiFailure> {
        self.request(Method::Post, "/help-sessions", Some(new), None)
            .await
    }

    /// Where the volunteer's screen follows a session (an `EventSource` address).
    pub fn help_events_url(&self, id: &str, watch: &str) -> String {
        format!(
            "{}/help-sessions/{}/events?watch={}",
            self.base,
            js_sys::encode_uri_component(id),
            js_sys::encode_uri_component(watch)
        )
    }

    pub async fn help_offer(&self, code: &str) -> Result<HelpOffer, ApiFailure> {
        self.request(
            Method::Get,
            &format!("/help-offers/{}", js_sys::encode_uri_component(code)),
            None::<&()>,
            None,
        )
        .await
    }

    pub async fn answer_help(
        &self,
        code: &str,
        answer: JoinAnswer,
    ) -> Result<HelpAnswered, ApiFailure> {
        self.request(
            Method::Post,
            &format!("/help-offers/{}", js_sys::encode_uri_component(code)),
            Some(&HelpAnswer { answer }),
            None,
        )
        .await
    }

    pub async fn help_progress(
        &self,
        link: &HelpLink,
        progress: ProgressReport,
    ) -> Result<(), ApiFailure> {
        self.request(
            Method::Post,
            &format!("/help-sessions/{}/progress", link.session),
            Some(&ProgressUpdate {
                key: link.key.clone(),
                progress,
            }),
            None,
        )
        .await
    }

    /// `action`: `share` (the dossier code) or `end` (the help).
    pub async fn help_action(&self, link: &HelpLink, action: &str) -> Result<(), ApiFailure> {
        self.request::<_, serde_json::Value>(
            Method::Post,
            &format!("/help-sessions/{}/{action}", link.session),
            Some(&HelpKey {
                key: link.key.clone(),
            }),
            None,
        )
        .await
        .map(|_| ())
    }

    pub async fn report_helper(&self, dossier: &str, note: &str) -> Result<(), ApiFailure> {
        self.request(
            Method::Post,
            &format!("/dossiers/{dossier}/report-helper"),
            Some(&HelperReport {
                note: note.to_owned(),
            }),
            None,
        )
        .await
    }
}

/// Asks the server whether `token` is a registered kiosk's device token.
pub async fn kiosk(api: &Api, token: &str) -> Result<motlan_core::api::Kiosk, ApiFailure> {
    let response = gloo_net::http::Request::get(&format!("{}/kiosk", api.base))
        .header("Accept", "application/json")
        .header("X-Kiosk-Token", token)
        .send()
        .await
        .map_err(|_| ApiFailure::Network)?;
    let status = response.status();
    let text = response.text().await.map_err(|_| ApiFailure::Network)?;
    if response.ok() {
        serde_json::from_str(&text).map_err(|_| ApiFailure::Unexpected { status })
    } else {
        Err(ApiFailure::from_answer(status, &text))
    }
}

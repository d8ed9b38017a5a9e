//! The only module that talks HTTP. One generic request function maps every outcome to a typed
//! result; pages never see a status code.

use motlan_core::api::{
    ApiError, CheckRequest, CheckResponse, ConsentRecord, ConsentText, DataUse, DossierDetail,
    DossierReceipt, DraftKey, EmbedInfo, Me, NewDossier, PrefillRequest, PrefillResponse,
    ProcedureSummary, Rating, SignInTicket, SupplementAnswer, TicketRedeem, TicketToken,
};
use motlan_core::{Lang, Procedure};
use serde::Serialize;
use serde::de::DeserializeOwned;
use yew::AttrValue;

/// Where the API is; shared through a context.
#[derive(Debug, Clone, PartialEq)]
pub struct Api {
    base: AttrValue,
    /// The signed-in citizen's access token, when calling as them.
    token: Option<std::rc::Rc<str>>,
}

/// A province or ward of the unit list.
#[derive(Debug, Clone, PartialEq, serde::Deserialize)]
pub struct Unit {
    pub code: u32,
    pub name: String,
}

/// A stored upload (`POST /attachments`).
#[derive(Debug, Clone, PartialEq, serde::Deserialize)]
pub struct Attachment {
    pub id: String,
}

/// Why a request did not give what was asked.
#[derive(Debug, Clone, PartialEq)]
pub enum ApiFailure {
    /// No answer: offline, or the server unreachable.
    Network,
    /// The server answered with an error it explained.
    Rejected { status: u16, error: ApiError },
    /// An answer that is not what the API describes.
    Unexpected { status: u16 },
}

impl ApiFailure {
    /// A message for people, in `lang`; `fallback` when the server gave none.
    pub fn message(&self, lang: Lang, fallback: &str) -> String {
        match self {
            ApiFailure::Rejected { error, .. } => error.message.get(lang).to_owned(),
            ApiFailure::Network | ApiFailure::Unexpected { .. } => fallback.to_owned(),
        }
    }
}

impl Api {
    pub fn new(base: AttrValue) -> Self {
        Self { base, token: None }
    }

    /// The same API, calling as the signed-in citizen.
    pub fn authorized(&self, token: Option<std::rc::Rc<str>>) -> Self {
        Self {
            base: self.base.clone(),
            token,
        }
    }

    pub async fn me(&self) -> Result<Me, ApiFailure> {
        self.request(Method::Get, "/me", None::<&()>, None).await
    }

    pub async fn consent_texts(&self) -> Result<Vec<ConsentText>, ApiFailure> {
        self.request(Method::Get, "/consent-purposes", None::<&()>, None)
            .await
    }

    pub async fn consents(&self) -> Result<Vec<ConsentRecord>, ApiFailure> {
        self.request(Method::Get, "/me/consents", None::<&()>, None)
            .await
    }

    pub async fn give_consent(
        &self,
        purpose: &str,
        version: &str,
    ) -> Result<ConsentRecord, ApiFailure> {
        #[derive(Serialize)]
        struct Give<'a> {
            text_version: &'a str,
        }
        let body = Give {
            text_version: version,
        };
        self.request(
            Method::Put,
            &format!("/me/consents/{purpose}"),
            Some(&body),
            None,
        )
        .await
    }

    pub async fn withdraw_consent(&self, purpose: &str) -> Result<(), ApiFailure> {
        self.request::<(), serde::de::IgnoredAny>(
            Method::Delete,
            &format!("/me/consents/{purpose}"),
            None,
            None,
        )
        .await
        .map(|_| ())
    }

    pub async fn data_use(&self) -> Result<Vec<DataUse>, ApiFailure> {
        self.request(Method::Get, "/me/data-use", None::<&()>, None)
            .await
    }

    pub async fn procedures(&self) -> Result<Vec<ProcedureSummary>, ApiFailure> {
        self.request(Method::Get, "/procedures", None::<&()>, None)
            .await
    }

    pub async fn procedure(&self, code: &str) -> Result<Procedure, ApiFailure> {
        self.request(
            Method::Get,
            &format!("/procedures/{code}"),
            None::<&()>,
            None,
        )
        .await
    }

    /// The agency whose page at `parent` embeds `procedure`.
    pub async fn embed_info(&self, procedure: &str, parent: &str) -> Result<EmbedInfo, ApiFailure> {
        let parent = js_sys::encode_uri_component(parent)
            .as_string()
            .unwrap_or_default();
        self.request(
            Method::Get,
            &format!("/embeds/{procedure}?parent={parent}"),
            None::<&()>,
            None,
        )
        .await
    }

    /// Opens a one-time ticket for a sign-in made in a popup.
    pub async fn open_ticket(&self) -> Result<SignInTicket, ApiFailure> {
        self.request(Method::Post, "/sign-in-tickets", None::<&()>, None)
            .await
    }

    /// Leaves this (signed-in) API's token on the ticket.
    pub async fn fill_ticket(&self, id: &str) -> Result<(), ApiFailure> {
        self.request::<(), serde::de::IgnoredAny>(
            Method::Put,
            &format!("/sign-in-tickets/{id}"),
            None,
            None,
        )
        .await
        .map(|_| ())
    }

    /// The ticket's token once the popup is signed in; `None` while it is not.
    pub async fn redeem_ticket(
        &self,
        id: &str,
        secret: &str,
    ) -> Result<Option<TicketToken>, ApiFailure> {
        let body = TicketRedeem {
            secret: secret.to_owned(),
        };
        self.request(
            Method::Post,
            &format!("/sign-in-tickets/{id}/redeem"),
            Some(&body),
            None,
        )
        .await
    }

    /// Submits a dossier. Retrying with the same `idempotency_key` never creates a second one.
    pub async fn submit_dossier(
        &self,
        dossier: &NewDossier,
        idempotency_key: &str,
    ) -> Result<DossierReceipt, ApiFailure> {
        self.request(
            Method::Post,
            "/dossiers",
            Some(dossier),
            Some(idempotency_key),
        )
        .await
    }

    pub async fn dossier(&self, code: &str) -> Result<DossierDetail, ApiFailure> {
        self.request(Method::Get, &format!("/dossiers/{code}"), None::<&()>, None)
            .await
    }

    pub async fn my_dossiers(&self) -> Result<Vec<DossierReceipt>, ApiFailure> {
        self.request(Method::Get, "/me/dossiers", None::<&()>, None)
            .await
    }

    /// What national data gives the form and the documents (the read is receipted).
    pub async fn prefill(&self, request: &PrefillRequest) -> Result<PrefillResponse, ApiFailure> {
        self.request(Method::Post, "/me/prefill", Some(request), None)
            .await
    }

    /// Checks the answers of one page with the rules applied at filing.
    pub async fn check(
        &self,
        code: &str,
        request: &CheckRequest,
    ) -> Result<CheckResponse, ApiFailure> {
        self.request(
            Method::Post,
            &format!("/procedures/{code}/check"),
            Some(request),
            None,
        )
        .await
    }

    pub async fn draft_key(&self) -> Result<DraftKey, ApiFailure> {
        self.request(Method::Get, "/me/draft-key", None::<&()>, None)
            .await
    }

    pub async fn forget_draft_key(&self) -> Result<(), ApiFailure> {
        self.request::<(), serde::de::IgnoredAny>(Method::Delete, "/me/draft-key", None, None)
            .await
            .map(|_| ())
    }

    pub async fn provinces(&self) -> Result<Vec<Unit>, ApiFailure> {
        self.request(Method::Get, "/provinces", None::<&()>, None)
            .await
    }

    pub async fn wards(&self, province: &str) -> Result<Vec<Unit>, ApiFailure> {
        self.request(
            Method::Get,
            &format!("/provinces/{province}/wards"),
            None::<&()>,
            None,
        )
        .await
    }

    /// One of the dossier's actions (`supplement`, `payment`, `rating`, `withdraw`).
    pub async fn dossier_action<B: Serialize>(
        &self,
        code: &str,
        action: &str,
        body: &B,
    ) -> Result<serde::de::IgnoredAny, ApiFailure> {
        self.request(
            Method::Post,
            &format!("/dossiers/{code}/{action}"),
            Some(body),
            None,
        )
        .await
    }

    pub async fn answer_supplement(
        &self,
        code: &str,
        answer: &SupplementAnswer,
    ) -> Result<(), ApiFailure> {
        self.dossier_action(code, "supplement", answer)
            .await
            .map(|_| ())
    }

    pub async fn rate(&self, code: &str, rating: &Rating) -> Result<(), ApiFailure> {
        self.dossier_action(code, "rating", rating)
            .await
            .map(|_| ())
    }

    /// A text resource under the API (the receipt's QR code and its copy), as the citizen.
    pub async fn text(&self, path: &str) -> Result<String, ApiFailure> {
        let mut builder = gloo_net::http::Request::get(&format!("{}{path}", self.base));
        if let Some(token) = &self.token {
            builder = builder.header("Authorization", &format!("Bearer {token}"));
        }
        let response = builder.send().await.map_err(|_| ApiFailure::Network)?;
        let status = response.status();
        if !response.ok() {
            return Err(ApiFailure::Unexpected { status });
        }
        response
            .text()
            .await
            .map_err(|_| ApiFailure::Unexpected { status })
    }

    /// Uploads a file with `XMLHttpRequest`, whose upload progress `fetch` cannot report;
    /// `progress` receives the share sent, from 0 to 100.
    pub async fn upload(
        &self,
        file: &web_sys::File,
        progress: yew::Callback<u32>,
    ) -> Result<Attachment, ApiFailure> {
        use wasm_bindgen::JsCast as _;
        use wasm_bindgen::closure::Closure;

        let xhr = web_sys::XmlHttpRequest::new().map_err(|_| ApiFailure::Network)?;
        xhr.open_with_async("POST", &format!("{}/attachments", self.base), true)
            .map_err(|_| ApiFailure::Network)?;
        if let Some(token) = &self.token {
            let _ = xhr.set_request_header("Authorization", &format!("Bearer {token}"));
        }
        let _ = xhr.set_request_header("Content-Type", "application/octet-stream");
        let on_progress =
            Closure::<dyn Fn(web_sys::ProgressEvent)>::new(move |e: web_sys::ProgressEvent| {
                if e.length_computable() && e.total() > 0.0 {
                    progress.emit((e.loaded() * 100.0 / e.total()) as u32);
                }
            });
        if let Ok(upload) = xhr.upload() {
            upload.set_onprogress(Some(on_progress.as_ref().unchecked_ref()));
        }
        let done = js_sys::Promise::new(&mut |resolve, reject| {
            xhr.set_onload(Some(&resolve));
            xhr.set_onerror(Some(&reject));
            xhr.set_onabort(Some(&reject));
        });
        xhr.send_with_opt_blob(Some(file))
            .map_err(|_| ApiFailure::Network)?;
        let finished = wasm_bindgen_futures::JsFuture::from(done).await;
        drop(on_progress);
        finished.map_err(|_| ApiFailure::Network)?;
        let status = xhr.status().map_err(|_| ApiFailure::Network)?;
        let text = xhr.response_text().ok().flatten().unwrap_or_default();
        if (200..300).contains(&status) {
            serde_json::from_str(&text).map_err(|_| ApiFailure::Unexpected { status })
        } else {
            match serde_json::from_str::<ApiError>(&text) {
                Ok(error) => Err(ApiFailure::Rejected { status, error }),
                Err(_) => Err(ApiFailure::Unexpected { status }),
            }
        }
    }

    /// Calls the API and reads the answer as `T`. Only the (de)serialisation is generic: the
    /// exchange itself is one function, so each new answer type costs the bundle little.
    async fn request<B: Serialize, T: DeserializeOwned>(
        &self,
        method: Method,
        path: &str,
        body: Option<&B>,
        idempotency_key: Option<&str>,
    ) -> Result<T, ApiFailure> {
        let body = body
            .map(serde_json::to_string)
            .transpose()
            .map_err(|_| ApiFailure::Network)?;
        let (status, text) = self.exchange(method, path, body, idempotency_key).await?;
        // 204 has no body: the caller expects `()` or an ignored value.
        let text = if status == 204 { "null" } else { text.as_str() };
        serde_json::from_str(text).map_err(|_| ApiFailure::Unexpected { status })
    }

    /// One HTTP exchange: the status and body of a successful answer, or the API's error.
    async fn exchange(
        &self,
        method: Method,
        path: &str,
        body: Option<String>,
        idempotency_key: Option<&str>,
    ) -> Result<(u16, String), ApiFailure> {
        use gloo_net::http::Request;

        let url = format!("{}{path}", self.base);
        let mut builder = match method {
            Method::Get => Request::get(&url),
            Method::Post => Request::post(&url),
            Method::Put => Request::put(&url),
            Method::Delete => Request::delete(&url),
        }
        .header("Accept", "application/json");
        if let Some(token) = &self.token {
            builder = builder.header("Authorization", &format!("Bearer {token}"));
        }
        if let Some(key) = idempotency_key {
            builder = builder.header("Idempotency-Key", key);
        }
        let request = match body {
            Some(body) => builder
                .header("Content-Type", "application/json")
                .body(body)
                .map_err(|_| ApiFailure::Network)?,
            None => builder.build().map_err(|_| ApiFailure::Network)?,
        };
        let response = request.send().await.map_err(|_| ApiFailure::Network)?;
        let status = response.status();
        let text = response
            .text()
            .await
            .map_err(|_| ApiFailure::Unexpected { status })?;
        if response.ok() {
            Ok((status, text))
        } else {
            match serde_json::from_str::<ApiError>(&text) {
                Ok(error) => Err(ApiFailure::Rejected { status, error }),
                Err(_) => Err(ApiFailure::Unexpected { status }),
            }
        }
    }
}

enum Method {
    Get,
    Post,
    Put,
    Delete,
}

/// A fresh random idempotency key: 128 bits from the browser's cryptographic generator, in hex.
/// `getRandomValues` works outside secure contexts too, unlike `randomUUID`. Should it ever be
/// missing, `Math.random` stands in: a weaker key is still distinct per dossier, whereas a fixed
/// one would make the server answer one citizen's new dossier with an earlier receipt.
pub fn new_idempotency_key() -> String {
    let mut bytes = [0u8; 16];
    let filled = web_sys::window()
        .and_then(|w| w.crypto().ok())
        .is_some_and(|crypto| crypto.get_random_values_with_u8_array(&mut bytes).is_ok());
    if !filled {
        for byte in &mut bytes {
            *byte = (js_sys::Math::random() * 256.0) as u8;
        }
    }
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

//! The only module that talks HTTP. One generic request function maps every outcome to a typed
//! result; pages never see a status code.

use motlan_core::Lang;
#[cfg(feature = "journey")]
use motlan_core::Procedure;
use motlan_core::api::{
    ApiError, CheckRequest, CheckResponse, ConsentRecord, ConsentText, DataUse, DataUsePage,
    DossierDetail, DossierReceipt, DraftKey, Me, NewDossier, PrefillRequest, PrefillResponse,
    Rating, ReceiptPage, SupplementAnswer,
};
use serde::Serialize;
use serde::de::DeserializeOwned;
use yew::AttrValue;

/// Where the API is; shared through a context.
#[derive(Debug, Clone, PartialEq)]
pub struct Api {
    pub(crate) base: AttrValue,
    /// The signed-in citizen's access token, when calling as them.
    pub(super) token: Option<std::rc::Rc<str>>,
    /// The answers the server rendered this page with (`services::preload`).
    pub(super) preloaded: Option<super::preload::Shared>,
}

/// A province or ward of the unit list.
#[derive(Debug, Clone, PartialEq, serde::Deserialize)]
pub struct Unit {
    pub code: u32,
    pub name: String,
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
    /// An error answer: the API's explained error, or an unexpected one.
    pub(crate) fn from_answer(status: u16, text: &str) -> Self {
        match serde_json::from_str::<ApiError>(text) {
            Ok(error) => ApiFailure::Rejected { status, error },
            Err(_) => ApiFailure::Unexpected { status },
        }
    }

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
        Self {
            base,
            token: None,
            preloaded: None,
        }
    }

    /// The same API, calling as the signed-in citizen.
    pub fn authorized(&self, token: Option<std::rc::Rc<str>>) -> Self {
        Self {
            base: self.base.clone(),
            token,
            preloaded: self.preloaded.clone(),
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

    /// The latest reads of national data (the newest 200; the API pages further back).
    /// What a procedure's page shows: the same answer, read without the form.
    pub async fn procedure_overview(
        &self,
        code: &str,
    ) -> Result<motlan_core::api::ProcedureOverview, ApiFailure> {
        self.procedure_as(code).await
    }

    /// `GET /procedures/{code}`, read as `T` (the whole procedure or its overview).
    async fn procedure_as<T: serde::de::DeserializeOwned>(
        &self,
        code: &str,
    ) -> Result<T, ApiFailure> {
        self.request(
            Method::Get,
            &super::paths::procedure_path(code),
            None::<&()>,
            None,
        )
        .await
    }

    pub async fn data_use(&self) -> Result<Vec<DataUse>, ApiFailure> {
        self.request::<_, DataUsePage>(Method::Get, "/me/data-use?limit=200", None::<&()>, None)
            .await
            .map(|page| page.items)
    }

    /// The whole procedure: its form, for the filing journey and the dossier pages.
    #[cfg(feature = "journey")]
    pub async fn procedure(&self, code: &str) -> Result<Procedure, ApiFailure> {
        self.procedure_as(code).await
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

    /// A page of the citizen's dossiers, newest first; `cursor` is the previous page's `next`.
    pub async fn my_dossiers(&self, cursor: Option<&str>) -> Result<ReceiptPage, ApiFailure> {
        let path = match cursor {
            Some(c) => format!("/me/dossiers?cursor={}", js_sys::encode_uri_component(c)),
            None => "/me/dossiers".to_owned(),
        };
        self.request(Method::Get, &path, None::<&()>, None).await
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

    /// The provinces before 1 July 2025, with their districts.
    #[cfg(feature = "journey")]
    pub async fn old_provinces(
        &self,
    ) -> Result<Vec<motlan_core::api::OldProvinceSummary>, ApiFailure> {
        self.request(Method::Get, "/old-provinces", None::<&()>, None)
            .await
    }

    /// An old district's communes, each with what it is today.
    #[cfg(feature = "journey")]
    pub async fn old_district(
        &self,
        code: &str,
    ) -> Result<motlan_core::api::OldDistrictDetail, ApiFailure> {
        self.request(
            Method::Get,
            &format!("/old-districts/{code}"),
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

    /// Calls the API and reads the answer as `T`. Only the (de)serialisation is generic: the
    /// exchange itself is one function, so each new answer type costs the bundle little.
    pub(crate) async fn request<B: Serialize, T: DeserializeOwned>(
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
            Err(ApiFailure::from_answer(status, &text))
        }
    }
}

pub(crate) enum Method {
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

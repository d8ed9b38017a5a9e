//! The only module that talks HTTP. One generic request function maps every outcome to a typed
//! result; pages never see a status code.

use motlan_core::api::{
    ApiError, ConsentRecord, ConsentText, DataUse, DossierReceipt, Me, NewDossier, PrefillRequest,
    ProcedureSummary,
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

/// The documents part of a [`motlan_core::api::PrefillResponse`].
#[derive(Debug, Clone, PartialEq, serde::Deserialize)]
pub struct HeldDocuments {
    pub documents: Vec<motlan_core::reuse::DocumentStatus>,
    pub missing_consents: Vec<String>,
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

    /// Which documents national data holds for the signed-in citizen (the read is receipted).
    /// Only the documents part of the answer is read, which keeps the bundle smaller.
    pub async fn held_documents(
        &self,
        request: &PrefillRequest,
    ) -> Result<HeldDocuments, ApiFailure> {
        self.request(Method::Post, "/me/prefill", Some(request), None)
            .await
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

    pub async fn dossier(&self, code: &str) -> Result<DossierReceipt, ApiFailure> {
        self.request(Method::Get, &format!("/dossiers/{code}"), None::<&()>, None)
            .await
    }

    async fn request<B: Serialize, T: DeserializeOwned>(
        &self,
        method: Method,
        path: &str,
        body: Option<&B>,
        idempotency_key: Option<&str>,
    ) -> Result<T, ApiFailure> {
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
            Some(body) => builder.json(body).map_err(|_| ApiFailure::Network)?,
            None => builder.build().map_err(|_| ApiFailure::Network)?,
        };
        let response = request.send().await.map_err(|_| ApiFailure::Network)?;
        let status = response.status();
        if status == 204 {
            return serde_json::from_str("null").map_err(|_| ApiFailure::Unexpected { status });
        }
        if response.ok() {
            response
                .json::<T>()
                .await
                .map_err(|_| ApiFailure::Unexpected { status })
        } else {
            match response.json::<ApiError>().await {
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

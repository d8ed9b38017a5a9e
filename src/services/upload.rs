//! Uploading a file for a document, with progress: `XMLHttpRequest` reports what `fetch` cannot.

use super::api::{Api, ApiFailure};

/// A stored upload (`POST /attachments`).
#[derive(Debug, Clone, PartialEq, serde::Deserialize)]
pub struct Attachment {
    pub id: String,
}

impl Api {
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
            Err(ApiFailure::from_answer(status, &text))
        }
    }
}

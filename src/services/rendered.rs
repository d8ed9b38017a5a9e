//! Reading the API answers a page was rendered with on the server (`preload`): the request's
//! result without the request, once.

use serde::de::DeserializeOwned;

use super::api::{Api, ApiFailure};
use super::preload::Shared;

impl Api {
    /// The API answers this page was rendered with.
    pub(crate) fn with_preloaded_shared(mut self, preloaded: Shared) -> Self {
        self.preloaded = Some(preloaded);
        self
    }

    /// The preloaded answer to `GET path`, read as the request would read it; `None` when the
    /// page was not rendered with it (then the page asks the API).
    pub fn preloaded<T: DeserializeOwned>(&self, path: &str) -> Option<Result<T, ApiFailure>> {
        let answer = self.preloaded.as_ref()?.take(path)?;
        Some(if answer.status == 200 {
            serde_json::from_str(answer.body.get())
                .map_err(|_| ApiFailure::Unexpected { status: 200 })
        } else {
            Err(ApiFailure::from_answer(answer.status, answer.body.get()))
        })
    }
}

#[cfg(test)]
mod tests {
    use std::collections::HashMap;

    use super::super::preload::{Answer, Preloaded};
    use super::*;

    #[test]
    fn an_answer_is_read_once() {
        let body = r#"{"error":"not_found","message":{"vi":"Không","en":"No"}}"#;
        let preloaded = Preloaded::new(HashMap::from([(
            "/procedures/1".to_owned(),
            Answer::new(404, body.to_owned()),
        )]));
        let api = Api::new("/api/v1".into()).with_preloaded_shared(preloaded.into());
        let first = api.preloaded::<serde_json::Value>("/procedures/1");
        assert!(matches!(
            first,
            Some(Err(ApiFailure::Rejected { status: 404, .. }))
        ));
        assert!(
            api.preloaded::<serde_json::Value>("/procedures/1")
                .is_none()
        );
    }
}

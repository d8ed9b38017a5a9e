//! What the citizen has given in a filing so far (also what a supplement answer gathers):
//! typed answers, uploads by document, and the filing's idempotency key. Changes go through a
//! reducer, so two in one event (a province chosen, its ward cleared) both apply.

use std::collections::BTreeMap;
use std::rc::Rc;

use motlan_core::form::Answers;
use yew::prelude::*;

use crate::services::api::new_idempotency_key;
use crate::services::drafts::{Draft, Upload};

#[derive(Debug, Clone, PartialEq, Default)]
pub struct Filing {
    pub typed: Answers,
    pub uploads: BTreeMap<String, Vec<Upload>>,
    /// Made once per filing and kept in the draft: a double click, a retry or a submission
    /// interrupted by a closed tab reaches the server with the same key and makes one dossier.
    pub idempotency_key: String,
}

impl Filing {
    /// A new filing with its own idempotency key.
    pub fn fresh() -> Self {
        Self {
            idempotency_key: new_idempotency_key(),
            ..Self::default()
        }
    }

    /// Uploaded attachment ids by document, as a submission sends them.
    pub fn attachments(&self) -> BTreeMap<String, Vec<String>> {
        self.uploads
            .iter()
            .filter(|(_, list)| !list.is_empty())
            .map(|(doc, list)| (doc.clone(), list.iter().map(|u| u.id.clone()).collect()))
            .collect()
    }

    /// The documents that must be uploaded and have no upload yet.
    pub fn missing_documents<'a>(
        &self,
        documents: &'a [&'a motlan_core::reuse::DocumentStatus],
    ) -> impl Iterator<Item = &'a motlan_core::reuse::DocumentStatus> {
        documents
            .iter()
            .copied()
            .filter(|d| d.must_upload() && self.uploads.get(&d.document).is_none_or(Vec::is_empty))
    }
}

pub enum Change {
    Answer(String, String),
    Merge(Answers),
    Uploaded(String, Upload),
    Removed(String, String),
    Restore(Draft),
    StartAgain,
}

impl Reducible for Filing {
    type Action = Change;

    fn reduce(self: Rc<Self>, change: Change) -> Rc<Self> {
        let mut next = (*self).clone();
        match change {
            Change::Answer(key, value) => {
                next.typed.insert(key, value);
            }
            Change::Merge(answers) => next.typed.extend(answers),
            Change::Uploaded(document, upload) => {
                next.uploads.entry(document).or_default().push(upload)
            }
            Change::Removed(document, id) => {
                if let Some(list) = next.uploads.get_mut(&document) {
                    list.retain(|u| u.id != id);
                }
            }
            Change::Restore(draft) => {
                next = Filing {
                    typed: draft.answers,
                    uploads: draft.uploads,
                    idempotency_key: draft.idempotency_key,
                }
            }
            Change::StartAgain => next = Filing::fresh(),
        }
        Rc::new(next)
    }
}

/// The uploader's callbacks for document `id`: files added to or removed from `filing`.
pub fn upload_callbacks(
    filing: &UseReducerHandle<Filing>,
    id: &str,
) -> (Callback<Upload>, Callback<String>) {
    let added = {
        let (filing, id) = (filing.clone(), id.to_owned());
        Callback::from(move |u: Upload| filing.dispatch(Change::Uploaded(id.clone(), u)))
    };
    let removed = {
        let (filing, id) = (filing.clone(), id.to_owned());
        Callback::from(move |u: String| filing.dispatch(Change::Removed(id.clone(), u)))
    };
    (added, removed)
}

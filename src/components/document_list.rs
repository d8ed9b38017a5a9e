//! "Giấy tờ cần chuẩn bị": each document with its once-only status. Before sign-in the app can
//! only say which papers are *usually* on file; signed in, it says exactly which are held for this
//! citizen, where, and under which legal text.

use motlan_core::procedure::Document;
use motlan_core::reuse::{DocumentStatus, Resolution, usually_held};
use yew::prelude::*;

use crate::state::prefs::use_prefs;

#[derive(Debug, PartialEq, Properties)]
pub struct DocumentListProps {
    pub documents: Vec<Document>,
    /// The citizen's own resolution of each document, once signed in with consent.
    #[prop_or_default]
    pub statuses: Option<Vec<DocumentStatus>>,
}

#[function_component(DocumentList)]
pub fn document_list(props: &DocumentListProps) -> Html {
    let prefs = use_prefs();
    let t = prefs.t();
    let lang = prefs.lang();
    let item = |doc: &Document| {
        let status = props
            .statuses
            .as_ref()
            .and_then(|list| list.iter().find(|s| s.document == doc.id));
        let (tag_class, tag) = match status.map(|s| &s.resolution) {
            Some(Resolution::Held { .. } | Resolution::Waived { .. }) => {
                ("tag tag--reused", t.waived_tag)
            }
            Some(Resolution::Upload) => ("tag tag--upload", t.upload_tag),
            Some(Resolution::NotApplicable) => ("tag", t.only_if_tag),
            None if usually_held(doc) => ("tag tag--reused", t.not_needed),
            None => ("tag tag--upload", t.may_be_needed),
        };
        let detail = match status.map(|s| &s.resolution) {
            Some(Resolution::Held {
                source,
                title,
                basis,
                ..
            }) => html! {
                <p class="document__held">
                    { t.held_for_you }{ ": " }{ title.get(lang) }{ " (" }{ (t.source_name)(*source) }{ ") — " }
                    { t.basis }{ ": " }<span lang="vi">{ basis }</span>
                </p>
            },
            Some(Resolution::Waived { reason, basis }) => html! {
                <p class="document__held">{ reason.get(lang) }{ " — " }{ t.basis }{ ": " }<span lang="vi">{ basis }</span></p>
            },
            Some(_) => html! {},
            None => html! {
                <>
                    if let Some(waiver) = &doc.waiver {
                        <p class="document__held">{ waiver.reason.get(lang) }{ " — " }{ t.basis }{ ": " }<span lang="vi">{ &waiver.basis }</span></p>
                    }
                    if !doc.reuse.is_empty() {
                        <ul class="document__sources">
                            { for doc.reuse.iter().map(|r| html! {
                                <li>
                                    { t.held_by }{ ": " }{ (t.source_name)(r.source) }
                                    { " — " }{ t.basis }{ ": " }<span lang="vi">{ &r.basis }</span>
                                </li>
                            }) }
                        </ul>
                    }
                </>
            },
        };
        html! {
            <li class="document" key={doc.id.clone()} data-document={doc.id.clone()}>
                <p class="document__name">
                    <strong class={tag_class}>{ tag }</strong>
                    <span>{ doc.name.get(lang) }</span>
                </p>
                if let Some(when) = &doc.when {
                    <p class="document__when"><span class="label">{ t.when_label }{ ": " }</span>{ when.get(lang) }</p>
                }
                { detail }
            </li>
        }
    };
    html! {
        <ul class="document-list">
            { for props.documents.iter().map(item) }
        </ul>
    }
}

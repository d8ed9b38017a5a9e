//! "Giấy tờ cần chuẩn bị": each document with its once-only status. Before sign-in the app can
//! only say which papers are *usually* on file; the exact answer needs the citizen's data.

use motlan_core::procedure::Document;
use yew::prelude::*;

use crate::state::prefs::use_prefs;

#[derive(Debug, PartialEq, Properties)]
pub struct DocumentListProps {
    pub documents: Vec<Document>,
}

#[function_component(DocumentList)]
pub fn document_list(props: &DocumentListProps) -> Html {
    let prefs = use_prefs();
    let t = prefs.t();
    let lang = prefs.lang();
    let item = |doc: &Document| {
        let reusable = !doc.reuse.is_empty();
        let (tag_class, tag) = if reusable {
            ("tag tag--reused", t.not_needed)
        } else {
            ("tag tag--upload", t.may_be_needed)
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
                if reusable {
                    <ul class="document__sources">
                        { for doc.reuse.iter().map(|r| html! {
                            <li>
                                { t.held_by }{ ": " }{ (t.source_name)(r.source) }
                                { " — " }{ t.basis }{ ": " }<span lang="vi">{ &r.basis }</span>
                            </li>
                        }) }
                    </ul>
                }
            </li>
        }
    };
    html! {
        <ul class="document-list">
            { for props.documents.iter().map(item) }
        </ul>
    }
}

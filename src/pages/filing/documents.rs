//! The documents step: papers a national system holds or the law waives say why they are not
//! needed (and can still be uploaded); only the rest must be.

use motlan_core::reuse::{DocumentStatus, Resolution};
use motlan_core::{FieldError, field};
use yew::prelude::*;
use yew_router::prelude::*;

use super::StepProps;
use crate::components::question::input_id;
use crate::components::uploader::Uploader;
use crate::services::drafts::Upload;
use crate::state::filing::upload_callbacks;
use crate::state::prefs::use_prefs;

#[function_component(DocumentsStep)]
pub(super) fn documents_step(props: &StepProps) -> Html {
    let prefs = use_prefs();
    let t = prefs.t();
    let navigator = use_navigator().expect("inside a router");
    let plan = props.plan();
    let onclick = {
        let (errors, next) = (props.errors.clone(), props.next.clone());
        let missing: Vec<FieldError> = props
            .filing
            .missing_documents(&plan.documents)
            .map(|d| FieldError::new(field::document(&d.document), "document.missing"))
            .collect();
        Callback::from(move |_: MouseEvent| {
            if missing.is_empty() {
                navigator.push(&next);
            } else {
                errors.set(missing.clone());
            }
        })
    };
    html! {
        <>
            <h1 tabindex="-1" ref={props.heading.clone()}>{ t.j().documents_step_title }</h1>
            <p>{ t.j().documents_step_lead }</p>
            <ul class="document-list">
                { for plan.documents.iter().map(|status| {
                    let Some(doc) = props.procedure.documents.iter().find(|d| d.id == status.document) else {
                        return html! {};
                    };
                    let name = field::document(&doc.id);
                    let error = props.errors.iter().find(|e| e.field == name).map(|e| e.message_key.clone());
                    let uploads = props.filing.uploads.get(&doc.id).cloned().unwrap_or_default();
                    let (on_uploaded, on_remove) = upload_callbacks(&props.filing, &doc.id);
                    html! {
                        <DocumentStep key={doc.id.clone()} status={(*status).clone()} document={doc.clone()} {uploads} {error}
                            {on_uploaded} {on_remove} input={input_id(&name)} />
                    }
                }) }
            </ul>
            <button type="button" class="button" {onclick}>{ t.j().continue_ }</button>
        </>
    }
}

#[derive(Debug, PartialEq, Properties)]
struct DocumentStepProps {
    status: DocumentStatus,
    document: motlan_core::procedure::Document,
    uploads: Vec<Upload>,
    error: Option<String>,
    input: String,
    on_uploaded: Callback<Upload>,
    on_remove: Callback<String>,
}

/// One document of the documents step: held or waived ones say why they are not needed and can
/// still be uploaded; the rest must be.
#[function_component(DocumentStep)]
fn document_step(props: &DocumentStepProps) -> Html {
    let prefs = use_prefs();
    let (t, lang) = (prefs.t(), prefs.lang());
    let anyway = use_state(|| !props.uploads.is_empty());
    let name = props.document.name.get(lang).to_owned();
    let uploader = html! {
        <Uploader id={props.input.clone()} label={AttrValue::from(name.clone())} accept={props.status.accept.clone()}
            max_bytes={props.status.max_bytes} uploads={props.uploads.clone()} error={props.error.clone()}
            on_uploaded={props.on_uploaded.clone()} on_remove={props.on_remove.clone()} />
    };
    let (why, not_needed) = match &props.status.resolution {
        Resolution::Held {
            source,
            title,
            basis,
            ..
        } => (
            html! {
                <p class="document__held">
                    { t.held_for_you }{ ": " }{ title.get(lang) }{ " (" }{ (t.source_name)(*source) }{ ") — " }
                    { t.basis }{ ": " }<span lang="vi">{ basis }</span>
                </p>
            },
            true,
        ),
        Resolution::Waived { reason, basis } => (
            html! { <p class="document__held">{ reason.get(lang) }{ " — " }{ t.basis }{ ": " }<span lang="vi">{ basis }</span></p> },
            true,
        ),
        _ => (html! {}, false),
    };
    if !not_needed {
        return html! { <li class="document">{ uploader }</li> };
    }
    let toggle = {
        let anyway = anyway.clone();
        Callback::from(move |_: MouseEvent| anyway.set(!*anyway))
    };
    html! {
        <li class="document">
            <p class="document__name">
                <strong class="tag tag--reused">{ t.j().not_needed_you }</strong>
                <span>{ name }</span>
            </p>
            { why }
            <button type="button" class="link-button" aria-expanded={anyway.to_string()} onclick={toggle}>{ t.j().upload_anyway }</button>
            if *anyway { { uploader } }
        </li>
    }
}

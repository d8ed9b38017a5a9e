//! The answer to a supplement request: exactly the items the officer named reopen, the rest
//! stays as filed; problems show in the same error summary as the filing's, linked and focused.

use std::rc::Rc;

use motlan_core::api::{SupplementAnswer, SupplementItem};
use motlan_core::form::Answers;
use motlan_core::journey::field_label;
use motlan_core::procedure::Document;
use motlan_core::{FieldError, field};
use yew::prelude::*;

use crate::components::error_summary::ErrorSummary;
use crate::components::question::{QuestionField, input_id};
use crate::components::uploader::Uploader;
use crate::hooks::use_api::use_api;
use crate::services::api::ApiFailure;
use crate::state::filing::{Change, Filing, upload_callbacks};
use crate::state::prefs::use_prefs;

#[derive(Debug, PartialEq, Properties)]
pub(super) struct SupplementProps {
    pub(super) code: String,
    pub(super) items: Vec<SupplementItem>,
    pub(super) note: String,
    pub(super) procedure: Rc<motlan_core::Procedure>,
    pub(super) answers: Rc<Answers>,
    pub(super) reload: Callback<()>,
}

/// A supplement request reopens exactly the items the officer named; the rest stays as filed.
#[function_component(SupplementForm)]
pub(super) fn supplement_form(props: &SupplementProps) -> Html {
    let prefs = use_prefs();
    let (t, lang) = (prefs.t(), prefs.lang());
    let api = use_api();
    let given = {
        let typed = (*props.answers).clone();
        use_reducer(move || Filing {
            typed,
            ..Filing::default()
        })
    };
    let errors = use_state(Vec::<FieldError>::new);
    let failure = use_state(|| None::<String>);
    let busy = use_state(|| false);
    let questions: Vec<Rc<motlan_core::form::Question>> = props
        .items
        .iter()
        .filter_map(|i| match i {
            SupplementItem::Answer(id) => props
                .procedure
                .pages
                .iter()
                .flat_map(|p| &p.questions)
                .find(|q| &q.id == id || q.keys().contains(id))
                .map(|q| Rc::new(q.clone())),
            SupplementItem::Document(_) => None,
        })
        .collect();
    let documents: Vec<Document> = props
        .items
        .iter()
        .filter_map(|i| match i {
            SupplementItem::Document(id) => props
                .procedure
                .documents
                .iter()
                .find(|d| &d.id == id)
                .cloned(),
            SupplementItem::Answer(_) => None,
        })
        .collect();
    let on_change = {
        let given = given.clone();
        Callback::from(move |(k, v): (String, String)| given.dispatch(Change::Answer(k, v)))
    };
    let onsubmit = {
        let (api, code, reload) = (api.clone(), props.code.clone(), props.reload.clone());
        let (given, errors, failure, busy) =
            (given.clone(), errors.clone(), failure.clone(), busy.clone());
        let keys: Vec<String> = questions.iter().flat_map(|q| q.keys()).collect();
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            busy.set(true);
            let answer = SupplementAnswer {
                answers: keys
                    .iter()
                    .map(|k| (k.clone(), given.typed.get(k).cloned().unwrap_or_default()))
                    .collect(),
                attachments: given.attachments(),
            };
            let (api, code, reload, errors, failure, busy) = (
                api.clone(),
                code.clone(),
                reload.clone(),
                errors.clone(),
                failure.clone(),
                busy.clone(),
            );
            wasm_bindgen_futures::spawn_local(async move {
                match api.answer_supplement(&code, &answer).await {
                    Ok(()) => reload.emit(()),
                    Err(ApiFailure::Rejected { error, .. }) => {
                        errors.set(error.fields);
                        failure.set(Some(error.message.get(lang).to_owned()));
                    }
                    Err(f) => failure.set(Some(f.message(lang, t.j().submit_network))),
                }
                busy.set(false);
            });
        })
    };
    let field_errors = Rc::new((*errors).clone());
    let label = {
        let procedure = props.procedure.clone();
        Callback::from(move |field: String| field_label(&procedure, &field, lang))
    };
    let shown = Rc::new(given.typed.clone());
    html! {
        <section class="card supplement" aria-labelledby="supplement-title">
            <h2 id="supplement-title">{ t.j().supplement_title }</h2>
            <p>{ t.j().supplement_lead }</p>
            <p class="notice"><span class="label">{ t.j().officer_note }</span>{ &props.note }</p>
            <ErrorSummary errors={field_errors.clone()} failure={(*failure).clone().map(AttrValue::from)} {label} />
            <form {onsubmit} novalidate=true>
                { for questions.iter().map(|q| html! {
                    <QuestionField key={q.id.clone()} question={q.clone()} answers={shown.clone()} prefilled={Rc::new(Vec::new())}
                        errors={field_errors.clone()} on_change={on_change.clone()} />
                }) }
                { for documents.iter().map(|doc| {
                    let field = field::document(&doc.id);
                    let error = field_errors.iter().find(|e| e.field == field).map(|e| e.message_key.clone());
                    let list = given.uploads.get(&doc.id).cloned().unwrap_or_default();
                    let (on_uploaded, on_remove) = upload_callbacks(&given, &doc.id);
                    html! {
                        <Uploader key={doc.id.clone()} id={input_id(&field)} label={AttrValue::from(doc.name.get(lang).to_owned())}
                            accept={doc.accept.clone()} max_bytes={u64::from(doc.max_mb) * 1024 * 1024} uploads={list} {error} {on_uploaded} {on_remove} />
                    }
                }) }
                <button type="submit" class="button" disabled={*busy}>{ t.j().supplement_send }</button>
            </form>
        </section>
    }
}

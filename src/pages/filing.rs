//! Filing a procedure, one step per page: what national data already says (to confirm, not to
//! type), then each page of questions that still needs an answer, the documents (only what no
//! national system holds is uploaded), and a check-your-answers page that submits.
//!
//! Each page is checked by the server with the rules applied at filing, so every problem shows at
//! once in an error summary that links to its field. What the citizen types is kept in an
//! encrypted draft (see `services::drafts`) and restored after a closed tab.

use std::collections::{BTreeMap, BTreeSet};
use std::rc::Rc;

use motlan_core::api::{CheckRequest, NewDossier, PrefillRequest, PrefillResponse};
use motlan_core::form::{Answers, Page, Question, visible_questions};
use motlan_core::prefill::apply;
use motlan_core::reuse::{DocumentStatus, Resolution};
use motlan_core::{FieldError, Procedure};
use yew::prelude::*;
use yew_router::prelude::*;

use crate::components::load_state::pending_view;
use crate::components::question::{
    NotRight, QuestionField, display, error_text, input_id, source_line,
};
use crate::components::sign_in_button::SignInButton;
use crate::components::uploader::Uploader;
use crate::hooks::use_api::use_api;
use crate::hooks::use_resource::{Resource, use_resource};
use crate::route::Route;
use crate::services::api::{ApiFailure, new_idempotency_key};
use crate::services::drafts::{self, Draft, DraftBox, Upload};
use crate::state::prefs::use_prefs;
use crate::state::session::use_session;

use super::START;
const KNOWN: &str = "thong-tin-co-san";
const DOCUMENTS: &str = "giay-to";
const CHECK: &str = "kiem-tra";

#[derive(Debug, PartialEq, Properties)]
pub struct FilingPageProps {
    pub code: String,
    pub step: String,
}

#[function_component(FilingPage)]
pub fn filing_page(props: &FilingPageProps) -> Html {
    let prefs = use_prefs();
    let t = prefs.t();
    let session = use_session();
    let api = use_api();
    let procedure = use_resource(props.code.clone(), move |code| {
        let api = api.clone();
        async move { api.procedure(&code).await }
    });
    let Some(me) = session.me() else {
        return html! {
            <>
                <h1>{ t.j.filing_sign_in_title }</h1>
                <p>{ t.j.filing_sign_in_lead }</p>
                <SignInButton />
            </>
        };
    };
    match &*procedure.state {
        Resource::Ready(p) => html! {
            <Journey procedure={p.clone()} step={props.step.clone()} owner={me.sub.clone()} />
        },
        pending => pending_view(pending, &procedure.retry, prefs.lang(), t),
    }
}

/// What the citizen has given so far (also what a supplement answer gathers).
#[derive(Debug, Clone, PartialEq, Default)]
pub(crate) struct Filing {
    pub(crate) typed: Answers,
    pub(crate) uploads: BTreeMap<String, Vec<Upload>>,
    /// Made once per filing and kept in the draft: a double click, a retry or a submission
    /// interrupted by a closed tab reaches the server with the same key and makes one dossier.
    pub(crate) idempotency_key: String,
}

/// Changes go through a reducer, so two in one event (a province chosen, its ward cleared)
/// both apply.
pub(crate) enum Change {
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
            Change::StartAgain => {
                next = Filing {
                    idempotency_key: new_idempotency_key(),
                    ..Filing::default()
                }
            }
        }
        Rc::new(next)
    }
}

#[derive(Clone, PartialEq)]
enum DraftState {
    Opening,
    /// A draft was restored; the notice shows on the step the citizen resumes at.
    Restored(String),
    Fresh,
    /// The key could not be fetched: the filing works, but nothing is saved.
    Unavailable,
}

#[derive(Debug, PartialEq, Properties)]
struct JourneyProps {
    procedure: Rc<Procedure>,
    step: String,
    owner: String,
}

/// A step of the journey, with its route segment.
enum Step<'a> {
    Known,
    Page(&'a Page, Vec<&'a Question>),
    Documents,
    Check,
}

impl Step<'_> {
    fn id(&self) -> &str {
        match self {
            Step::Known => KNOWN,
            Step::Page(page, _) => &page.id,
            Step::Documents => DOCUMENTS,
            Step::Check => CHECK,
        }
    }
}

/// Answer keys read by any condition: a change to one of them can change what national data
/// fills in and which documents apply, so the reading is refreshed.
fn condition_keys(p: &Procedure) -> BTreeSet<String> {
    let mut keys = BTreeSet::new();
    for page in &p.pages {
        keys.extend(page.when.iter().map(|c| c.question.clone()));
        for q in &page.questions {
            keys.extend(q.when.iter().map(|c| c.question.clone()));
            keys.extend(
                q.prefill
                    .iter()
                    .filter_map(|r| r.when.as_ref())
                    .map(|c| c.question.clone()),
            );
        }
    }
    keys.extend(
        p.documents
            .iter()
            .filter_map(|d| d.condition.as_ref())
            .map(|c| c.question.clone()),
    );
    keys
}

#[function_component(Journey)]
fn journey(props: &JourneyProps) -> Html {
    let prefs = use_prefs();
    let (t, lang) = (prefs.t(), prefs.lang());
    let api = use_api();
    let navigator = use_navigator().expect("inside a router");
    let procedure = props.procedure.clone();
    let code = procedure.code.to_string();
    let filing = use_reducer(|| Filing {
        idempotency_key: new_idempotency_key(),
        ..Filing::default()
    });
    let draft_box = use_state(|| None::<Rc<DraftBox>>);
    let draft_state = use_state(|| DraftState::Opening);
    let errors = use_state(Vec::<FieldError>::new);
    let busy = use_state(|| false);
    let returning = use_state(|| false);
    let failure = use_state(|| None::<String>);
    let heading = use_node_ref();
    let summary = use_node_ref();

    // Open the draft key and restore a saved draft, once.
    {
        let (api, filing, draft_box, draft_state) = (
            api.clone(),
            filing.clone(),
            draft_box.clone(),
            draft_state.clone(),
        );
        let (navigator, code, owner, step) = (
            navigator.clone(),
            code.clone(),
            props.owner.clone(),
            props.step.clone(),
        );
        use_effect_with((), move |()| {
            wasm_bindgen_futures::spawn_local(async move {
                let Ok(opened) = DraftBox::open(&api, &owner).await else {
                    draft_state.set(DraftState::Unavailable);
                    return;
                };
                match opened.load(&code).await {
                    Some(draft) => {
                        let saved_step = draft.step.clone();
                        filing.dispatch(Change::Restore(draft));
                        let resume = if step == START && !saved_step.is_empty() {
                            saved_step.clone()
                        } else {
                            step.clone()
                        };
                        draft_state.set(DraftState::Restored(resume));
                        if step == START && !saved_step.is_empty() {
                            navigator.replace(&Route::Filing {
                                code,
                                step: saved_step,
                            });
                        }
                    }
                    None => draft_state.set(DraftState::Fresh),
                }
                draft_box.set(Some(Rc::new(opened)));
            });
        });
    }
    // Save the draft whenever something changes (after the restore, never before it).
    {
        let (draft_box, code) = (draft_box.clone(), code.clone());
        let ready = !matches!(*draft_state, DraftState::Opening);
        use_effect_with(
            ((*filing).clone(), props.step.clone(), ready),
            move |(filing, step, ready)| {
                if let (Some(draft_box), true) = ((*draft_box).clone(), *ready) {
                    let draft = Draft {
                        answers: filing.typed.clone(),
                        uploads: filing.uploads.clone(),
                        idempotency_key: filing.idempotency_key.clone(),
                        step: step.clone(),
                    };
                    wasm_bindgen_futures::spawn_local(async move {
                        draft_box.save(&code, &draft).await;
                    });
                }
            },
        );
    }

    // What national data says for these answers; refreshed when an answer a condition reads
    // changes. The last reading stays on screen while a new one loads.
    let watched = use_memo(procedure.clone(), |p| condition_keys(p));
    let deps: Answers = filing
        .typed
        .iter()
        .filter(|(k, _)| watched.contains(*k))
        .map(|(k, v)| (k.clone(), v.clone()))
        .collect();
    let reading = {
        let api = api.clone();
        use_resource((code.clone(), deps), move |(code, answers)| {
            let api = api.clone();
            async move {
                api.prefill(&PrefillRequest {
                    procedure_code: code,
                    answers,
                })
                .await
            }
        })
    };
    let last = use_state(|| None::<Rc<PrefillResponse>>);
    {
        let last = last.clone();
        let ready = match &*reading.state {
            Resource::Ready(r) => Some(r.clone()),
            _ => None,
        };
        use_effect_with(ready, move |ready| {
            if let Some(r) = ready {
                last.set(Some(r.clone()));
            }
        });
    }
    // Move focus to the heading on each new step, as a page load would.
    {
        let (heading, errors, failure) = (heading.clone(), errors.clone(), failure.clone());
        use_effect_with(props.step.clone(), move |_| {
            errors.set(Vec::new());
            failure.set(None);
            if let Some(h) = heading.cast::<web_sys::HtmlElement>() {
                let _ = h.focus();
            }
        });
    }
    {
        let summary = summary.clone();
        use_effect_with(
            ((*errors).clone(), (*failure).clone()),
            move |(errors, failure)| {
                if let (true, Some(s)) = (
                    !errors.is_empty() || failure.is_some(),
                    summary.cast::<web_sys::HtmlElement>(),
                ) {
                    let _ = s.focus();
                }
            },
        );
    }

    let Some(reading) = (*last).clone() else {
        return match &*reading.state {
            Resource::Failed(_) => pending_view(&*reading.state, &reading.retry, lang, t),
            _ => html! { <p class="loading" role="status">{ t.loading }</p> },
        };
    };
    if matches!(*draft_state, DraftState::Opening) {
        return html! { <p class="loading" role="status">{ t.loading }</p> };
    }

    let prefilled = Rc::new(reading.prefilled.clone());
    let effective = Rc::new(apply(&filing.typed, &prefilled));
    let locked: BTreeSet<&str> = prefilled
        .iter()
        .filter(|p| p.locked)
        .map(|p| p.key.as_str())
        .collect();
    let fully_locked = |q: &Question| q.keys().iter().all(|k| locked.contains(k.as_str()));
    let visible = visible_questions(&procedure.pages, &effective);
    let known: Vec<&Question> = visible
        .iter()
        .map(|(_, q)| *q)
        .filter(|q| q.keys().iter().any(|k| locked.contains(k.as_str())))
        .collect();
    let mut steps = Vec::new();
    if !known.is_empty() {
        steps.push(Step::Known);
    }
    for page in &procedure.pages {
        let qs: Vec<&Question> = visible
            .iter()
            .filter(|(p, _)| p.id == page.id)
            .map(|(_, q)| *q)
            .collect();
        if qs.iter().any(|q| !fully_locked(q)) {
            steps.push(Step::Page(page, qs));
        }
    }
    let documents: Vec<&DocumentStatus> = reading
        .documents
        .iter()
        .filter(|d| d.resolution != Resolution::NotApplicable)
        .collect();
    if !documents.is_empty() {
        steps.push(Step::Documents);
    }
    steps.push(Step::Check);

    let index = steps.iter().position(|s| s.id() == props.step).unwrap_or(0);
    let step = &steps[index];
    let route = |i: usize| Route::Filing {
        code: code.clone(),
        step: steps[i].id().to_owned(),
    };
    let next_route = if *returning && index + 1 < steps.len() {
        route(steps.len() - 1)
    } else {
        route((index + 1).min(steps.len() - 1))
    };
    let back = if index == 0 {
        html! { <Link<Route> classes="back-link" to={Route::Procedure { code: code.clone() }}>{ t.j.back }</Link<Route>> }
    } else {
        html! { <Link<Route> classes="back-link" to={route(index - 1)}>{ t.j.back }</Link<Route>> }
    };
    // The step each problem belongs to, for the links of the error summary.
    let step_of = |field: &str| -> String {
        if field.starts_with("documents.") {
            return DOCUMENTS.to_owned();
        }
        steps
            .iter()
            .find(|s| matches!(s, Step::Page(_, qs) if qs.iter().any(|q| q.keys().iter().any(|k| k == field) || q.id == field)))
            .map_or_else(|| KNOWN.to_owned(), |s| s.id().to_owned())
    };
    let field_errors: Rc<Vec<(String, String)>> = Rc::new(
        errors
            .iter()
            .map(|e| (e.field.clone(), e.message_key.clone()))
            .collect(),
    );
    let error_summary = if errors.is_empty() && failure.is_none() {
        html! {}
    } else {
        html! {
            <div class="error-summary" role="alert" tabindex="-1" ref={summary.clone()}>
                <h2 class="error-summary__title">{ t.j.error_summary_title }</h2>
                if let Some(message) = &*failure { <p>{ message }</p> }
                <ul class="error-summary__list">
                    { for errors.iter().map(|e| {
                        let target = step_of(&e.field);
                        let text = error_text(&e.message_key, lang, t);
                        let label = field_label(&procedure, &e.field, lang);
                        let anchor = input_id(&e.field);
                        if target == props.step {
                            html! { <li><a href={format!("#{anchor}")}>{ label }{ ": " }{ text }</a></li> }
                        } else {
                            html! { <li><Link<Route> to={Route::Filing { code: code.clone(), step: target }}>{ label }{ ": " }{ text }</Link<Route>></li> }
                        }
                    }) }
                </ul>
            </div>
        }
    };
    let on_change = {
        let filing = filing.clone();
        Callback::from(move |(key, value): (String, String)| {
            filing.dispatch(Change::Answer(key, value))
        })
    };
    let consent_note = reading
        .missing_consents
        .iter()
        .any(|p| p == "identity")
        .then(|| {
            html! {
                <div class="notice">
                    <p>{ t.j.consent_for_prefill }</p>
                    <p><Link<Route> to={Route::Consent}>{ t.consent_link }</Link<Route>></p>
                </div>
            }
        });
    let draft_note = match &*draft_state {
        DraftState::Restored(at) if *at == props.step => {
            let (filing, draft_state) = (filing.clone(), draft_state.clone());
            let code = code.clone();
            let start_again = Callback::from(move |_: MouseEvent| {
                drafts::discard(&code);
                filing.dispatch(Change::StartAgain);
                draft_state.set(DraftState::Fresh);
            });
            html! {
                <div class="notice" role="status">
                    <p>{ t.j.draft_restored }</p>
                    <button type="button" class="button button--secondary" onclick={start_again}>{ t.j.start_again }</button>
                </div>
            }
        }
        DraftState::Unavailable => html! { <p class="hint">{ t.j.draft_unavailable }</p> },
        _ => html! {},
    };
    let caption = html! {
        <p class="caption">{ procedure.name.get(lang) }{ " · " }{ (t.j.step_of)(index + 1, steps.len()) }</p>
    };

    let go = {
        let navigator = navigator.clone();
        move |to: Route| navigator.push(&to)
    };
    let body = match step {
        Step::Known => {
            let next = next_route.clone();
            let go = go.clone();
            let onclick = Callback::from(move |_: MouseEvent| go(next.clone()));
            html! {
                <>
                    <h1 tabindex="-1" ref={heading.clone()}>{ t.j.known_title }</h1>
                    <p>{ t.j.known_lead }</p>
                    <dl class="summary-list">
                        { for known.iter().map(|q| {
                            let source = prefilled.iter().find(|p| p.locked && q.keys().contains(&p.key)).map(|p| source_line(p, t));
                            html! {
                                <div class="summary-list__row">
                                    <dt>{ q.label.get(lang) }</dt>
                                    <dd>
                                        { display(q, &effective, lang, t) }
                                        if let Some(source) = source { <br /><span class="hint">{ source }</span> }
                                    </dd>
                                </div>
                            }
                        }) }
                    </dl>
                    <NotRight />
                    <button type="button" class="button" {onclick}>{ t.j.confirm_continue }</button>
                </>
            }
        }
        Step::Page(page, questions) => {
            let open: Vec<String> = questions
                .iter()
                .filter(|q| !fully_locked(q))
                .map(|q| q.id.clone())
                .collect();
            let onsubmit = {
                let (api, code, effective, errors, failure, busy) = (
                    api.clone(),
                    code.clone(),
                    effective.clone(),
                    errors.clone(),
                    failure.clone(),
                    busy.clone(),
                );
                let (filing, next, go, returning) = (
                    filing.clone(),
                    next_route.clone(),
                    go.clone(),
                    returning.clone(),
                );
                let locked: BTreeSet<String> = locked.iter().map(|k| (*k).to_owned()).collect();
                Callback::from(move |e: SubmitEvent| {
                    e.prevent_default();
                    if *busy {
                        return;
                    }
                    busy.set(true);
                    let request = CheckRequest {
                        answers: (*effective).clone(),
                        questions: open.clone(),
                    };
                    let (api, code, errors, failure, busy, filing, next, go, returning, locked) = (
                        api.clone(),
                        code.clone(),
                        errors.clone(),
                        failure.clone(),
                        busy.clone(),
                        filing.clone(),
                        next.clone(),
                        go.clone(),
                        returning.clone(),
                        locked.clone(),
                    );
                    wasm_bindgen_futures::spawn_local(async move {
                        match api.check(&code, &request).await {
                            Ok(answer) if answer.errors.is_empty() => {
                                let clean = answer
                                    .answers
                                    .into_iter()
                                    .filter(|(k, _)| !locked.contains(k))
                                    .collect();
                                filing.dispatch(Change::Merge(clean));
                                returning.set(false);
                                go(next);
                            }
                            Ok(answer) => errors.set(answer.errors),
                            Err(f) => failure.set(Some(f.message(lang, t.j.check_failed))),
                        }
                        busy.set(false);
                    });
                })
            };
            html! {
                <form {onsubmit} novalidate=true>
                    <h1 tabindex="-1" ref={heading.clone()}>{ page.title.get(lang) }</h1>
                    { for questions.iter().map(|q| html! {
                        <QuestionField key={q.id.clone()} question={Rc::new((*q).clone())} answers={effective.clone()}
                            prefilled={prefilled.clone()} errors={field_errors.clone()} on_change={on_change.clone()} />
                    }) }
                    <button type="submit" class="button" disabled={*busy}>{ if *busy { t.j.checking } else { t.j.continue_ } }</button>
                </form>
            }
        }
        Step::Documents => {
            let onclick = {
                let (errors, next, go) = (errors.clone(), next_route.clone(), go.clone());
                let missing: Vec<FieldError> = documents
                    .iter()
                    .filter(|d| {
                        d.must_upload() && filing.uploads.get(&d.document).is_none_or(Vec::is_empty)
                    })
                    .map(|d| {
                        FieldError::new(format!("documents.{}", d.document), "document.missing")
                    })
                    .collect();
                Callback::from(move |_: MouseEvent| {
                    if missing.is_empty() {
                        go(next.clone());
                    } else {
                        errors.set(missing.clone());
                    }
                })
            };
            html! {
                <>
                    <h1 tabindex="-1" ref={heading.clone()}>{ t.j.documents_step_title }</h1>
                    <p>{ t.j.documents_step_lead }</p>
                    <ul class="document-list">
                        { for documents.iter().map(|d| document_item(d, &procedure, &filing, &field_errors)) }
                    </ul>
                    <button type="button" class="button" {onclick}>{ t.j.continue_ }</button>
                </>
            }
        }
        Step::Check => {
            let onclick = {
                let (api, code, errors, failure, busy, navigator) = (
                    api.clone(),
                    code.clone(),
                    errors.clone(),
                    failure.clone(),
                    busy.clone(),
                    navigator.clone(),
                );
                let dossier = NewDossier {
                    procedure_code: code.clone(),
                    answers: effective
                        .iter()
                        .filter(|(k, _)| !locked.contains(k.as_str()))
                        .map(|(k, v)| (k.clone(), v.clone()))
                        .collect(),
                    attachments: filing
                        .uploads
                        .iter()
                        .filter(|(_, list)| !list.is_empty())
                        .map(|(doc, list)| {
                            (doc.clone(), list.iter().map(|u| u.id.clone()).collect())
                        })
                        .collect(),
                };
                let key = filing.idempotency_key.clone();
                Callback::from(move |_: MouseEvent| {
                    if *busy {
                        return;
                    }
                    busy.set(true);
                    failure.set(None);
                    let (api, code, errors, failure, busy, navigator, dossier, key) = (
                        api.clone(),
                        code.clone(),
                        errors.clone(),
                        failure.clone(),
                        busy.clone(),
                        navigator.clone(),
                        dossier.clone(),
                        key.clone(),
                    );
                    wasm_bindgen_futures::spawn_local(async move {
                        match api.submit_dossier(&dossier, &key).await {
                            Ok(receipt) => {
                                drafts::discard(&code);
                                navigator.push(&Route::Dossier { code: receipt.code });
                            }
                            Err(ApiFailure::Rejected { error, .. }) if !error.fields.is_empty() => {
                                failure.set(Some(error.message.get(lang).to_owned()));
                                errors.set(error.fields);
                                busy.set(false);
                            }
                            Err(f) => {
                                failure.set(Some(f.message(lang, t.j.submit_network)));
                                busy.set(false);
                            }
                        }
                    });
                })
            };
            let change = |step: &str| {
                let (go, returning) = (go.clone(), returning.clone());
                let to = Route::Filing {
                    code: code.clone(),
                    step: step.to_owned(),
                };
                Callback::from(move |_: MouseEvent| {
                    returning.set(true);
                    go(to.clone());
                })
            };
            html! {
                <>
                    <h1 tabindex="-1" ref={heading.clone()}>{ t.j.check_title }</h1>
                    if !known.is_empty() {
                        <h2 class="section-title">{ t.j.known_title }</h2>
                        <dl class="summary-list">
                            { for known.iter().filter(|q| fully_locked(q)).map(|q| html! {
                                <div class="summary-list__row summary-list__row--action">
                                    <dt>{ q.label.get(lang) }</dt>
                                    <dd>{ display(q, &effective, lang, t) }</dd>
                                    <dd class="summary-list__action"><span class="hint">{ t.j.from_national_data }</span></dd>
                                </div>
                            }) }
                        </dl>
                    }
                    { for steps.iter().filter_map(|s| match s {
                        Step::Page(page, qs) => Some((page, qs)),
                        _ => None,
                    }).map(|(page, qs)| html! {
                        <>
                            <h2 class="section-title">{ page.title.get(lang) }</h2>
                            <dl class="summary-list">
                                { for qs.iter().map(|q| html! {
                                    <div class="summary-list__row summary-list__row--action">
                                        <dt>{ q.label.get(lang) }</dt>
                                        <dd>{ display(q, &effective, lang, t) }</dd>
                                        <dd class="summary-list__action">
                                            if fully_locked(q) {
                                                <span class="hint">{ t.j.from_national_data }</span>
                                            } else {
                                                <button type="button" class="link-button" onclick={change(&page.id)}>
                                                    { t.j.change }<span class="visually-hidden">{ " " }{ q.label.get(lang) }</span>
                                                </button>
                                            }
                                        </dd>
                                    </div>
                                }) }
                            </dl>
                        </>
                    }) }
                    if !documents.is_empty() {
                        <h2 class="section-title">{ t.j.documents_step_title }</h2>
                        <dl class="summary-list">
                            { for documents.iter().map(|d| {
                                let name = procedure.documents.iter().find(|x| x.id == d.document).map(|x| x.name.get(lang).to_owned()).unwrap_or_default();
                                let files = filing.uploads.get(&d.document).map(Vec::len).unwrap_or(0);
                                let status = match (&d.resolution, files) {
                                    (_, n) if n > 0 => (t.j.files_count)(n),
                                    (Resolution::Held { .. } | Resolution::Waived { .. }, _) => t.waived_tag.to_owned(),
                                    _ => t.j.not_answered.to_owned(),
                                };
                                html! {
                                    <div class="summary-list__row summary-list__row--action">
                                        <dt>{ name.clone() }</dt>
                                        <dd>{ status }</dd>
                                        <dd class="summary-list__action">
                                            <button type="button" class="link-button" onclick={change(DOCUMENTS)}>
                                                { t.j.change }<span class="visually-hidden">{ " " }{ name }</span>
                                            </button>
                                        </dd>
                                    </div>
                                }
                            }) }
                        </dl>
                    }
                    <h2 class="section-title">{ t.j.submit_title }</h2>
                    <p>{ t.j.submit_lead }</p>
                    <button type="button" class="button" {onclick} disabled={*busy}>{ if *busy { t.j.submitting } else { t.j.submit } }</button>
                </>
            }
        }
    };
    html! {
        <>
            { back }
            { caption }
            { error_summary }
            { consent_note }
            { draft_note }
            { body }
            <p class="hint draft-hint">{ t.j.draft_note }</p>
        </>
    }
}

/// The label of the question or document a problem concerns.
fn field_label(p: &Procedure, field: &str, lang: motlan_core::Lang) -> String {
    if let Some(id) = field.strip_prefix("documents.") {
        return p
            .documents
            .iter()
            .find(|d| d.id == id)
            .map_or_else(|| id.to_owned(), |d| d.name.get(lang).to_owned());
    }
    p.pages
        .iter()
        .flat_map(|page| &page.questions)
        .find(|q| q.id == field || q.keys().iter().any(|k| k == field))
        .map_or_else(|| field.to_owned(), |q| q.label.get(lang).to_owned())
}

fn document_item(
    status: &DocumentStatus,
    procedure: &Procedure,
    filing: &UseReducerHandle<Filing>,
    errors: &Rc<Vec<(String, String)>>,
) -> Html {
    let Some(doc) = procedure.documents.iter().find(|d| d.id == status.document) else {
        return html! {};
    };
    let uploads = filing.uploads.get(&doc.id).cloned().unwrap_or_default();
    let field = format!("documents.{}", doc.id);
    let error = errors
        .iter()
        .find(|(k, _)| *k == field)
        .map(|(_, m)| m.clone());
    let (on_uploaded, on_remove) = upload_callbacks(filing, &doc.id);
    html! {
        <DocumentStep key={doc.id.clone()} status={status.clone()} document={doc.clone()} {uploads} {error} {on_uploaded} {on_remove} input={input_id(&field)} />
    }
}

/// The uploader's callbacks for document `id`: files added to or removed from `filing`.
pub(crate) fn upload_callbacks(
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
                <strong class="tag tag--reused">{ t.j.not_needed_you }</strong>
                <span>{ name }</span>
            </p>
            { why }
            <button type="button" class="link-button" aria-expanded={anyway.to_string()} onclick={toggle}>{ t.j.upload_anyway }</button>
            if *anyway { { uploader } }
        </li>
    }
}

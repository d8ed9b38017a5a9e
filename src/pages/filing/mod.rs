//! Filing a procedure, one step per page (the plan is the core's `journey`): what national data
//! already says (`known`), each page of questions that still needs an answer (`questions`), the
//! documents (`documents`), and check your answers (`check`), which submits.
//!
//! Each page is checked by the server with the rules applied at filing, so every problem shows at
//! once in an error summary that links to its field. What the citizen types is kept in an
//! encrypted draft (see `services::drafts`) and restored after a closed tab.

mod check;
mod documents;
mod help;
mod known;
mod questions;

use std::rc::Rc;

use motlan_core::api::{PrefillRequest, PrefillResponse};
use motlan_core::consent::Purpose;
use motlan_core::form::Answers;
use motlan_core::journey::{Plan, START, Step, condition_keys, field_label, plan};
use motlan_core::prefill::apply;
use motlan_core::{FieldError, Procedure};
use yew::prelude::*;
use yew_router::prelude::*;

use crate::components::error_summary::ErrorSummary;
use crate::components::load_state::pending_view;
use crate::components::sign_in_button::SignInButton;
use crate::hooks::use_api::use_api;
use crate::hooks::use_resource::{Resource, use_resource};
use crate::route::Route;
use crate::services::drafts::{self, Draft, DraftBox};
use crate::state::embed::{use_embed, use_links};
use crate::state::filing::{Change, Filing};
use crate::state::prefs::use_prefs;
use crate::state::session::use_session;

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
                <h1>{ t.j().filing_sign_in_title }</h1>
                <p>{ t.j().filing_sign_in_lead }</p>
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

/// What every step component receives: the journey's state and where "continue" leads.
#[derive(PartialEq, Properties)]
struct StepProps {
    procedure: Rc<Procedure>,
    reading: Rc<PrefillResponse>,
    /// The answers with national data applied.
    effective: Rc<Answers>,
    filing: UseReducerHandle<Filing>,
    errors: UseStateHandle<Vec<FieldError>>,
    failure: UseStateHandle<Option<String>>,
    /// The citizen came from the check page to change an answer, and goes back there.
    returning: UseStateHandle<bool>,
    /// The step shown (its route segment).
    step: String,
    next: Route,
    heading: NodeRef,
    /// The citizen's draft key, once opened: it also seals a dossier kept to send later.
    draft_box: Option<Rc<DraftBox>>,
}

impl StepProps {
    /// The journey plan for the answers so far.
    fn plan(&self) -> Plan<'_> {
        plan(
            &self.procedure,
            &self.reading.prefilled,
            &self.reading.documents,
            &self.effective,
        )
    }
}

#[derive(PartialEq, Properties)]
struct StepEventProps {
    embed: Rc<crate::state::embed::Embed>,
    step: usize,
    title: String,
}

/// Tells the embedding page which step the citizen is on.
#[function_component(StepEvent)]
fn step_event(props: &StepEventProps) -> Html {
    use_effect_with((props.step, props.title.clone()), {
        let embed = props.embed.clone();
        move |(step, title)| {
            embed.post(
                "motlan:step",
                &[
                    ("step", wasm_bindgen::JsValue::from_f64(*step as f64)),
                    ("title", wasm_bindgen::JsValue::from_str(title)),
                ],
            );
        }
    });
    html! {}
}

#[function_component(Journey)]
fn journey(props: &JourneyProps) -> Html {
    let prefs = use_prefs();
    let (t, lang) = (prefs.t(), prefs.lang());
    let api = use_api();
    let navigator = use_navigator().expect("inside a router");
    let links = use_links();
    let embed = use_embed();
    let procedure = props.procedure.clone();
    let code = procedure.code.to_string();
    let filing = use_reducer(Filing::fresh);
    let draft_box = use_state(|| None::<Rc<DraftBox>>);
    let draft_state = use_state(|| DraftState::Opening);
    let errors = use_state(Vec::<FieldError>::new);
    let returning = use_state(|| false);
    let failure = use_state(|| None::<String>);
    let heading = use_node_ref();

    // Open the draft key and restore a saved draft, once.
    {
        let (api, filing, draft_box, draft_state) = (
            api.clone(),
            filing.clone(),
            draft_box.clone(),
            draft_state.clone(),
        );
        let (navigator, links, code, owner, step) = (
            navigator.clone(),
            links.clone(),
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
                        let resume = step == START && !saved_step.is_empty();
                        draft_state.set(DraftState::Restored(if resume {
                            saved_step.clone()
                        } else {
                            step.clone()
                        }));
                        if resume {
                            navigator.replace(&links.filing(&code, &saved_step));
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

    let Some(reading) = (*last).clone() else {
        return match &*reading.state {
            Resource::Failed(_) => pending_view(&*reading.state, &reading.retry, lang, t),
            _ => html! { <p class="loading" role="status">{ t.loading }</p> },
        };
    };
    if matches!(*draft_state, DraftState::Opening) {
        return html! { <p class="loading" role="status">{ t.loading }</p> };
    }

    let effective = Rc::new(apply(&filing.typed, &reading.prefilled));
    let plan = plan(
        &procedure,
        &reading.prefilled,
        &reading.documents,
        &effective,
    );
    let index = plan.index_of(&props.step);
    let route = |i: usize| links.filing(&code, plan.steps[i].id());
    let back = if index == 0 {
        html! { <Link<Route> classes="back-link" to={links.procedure(&code)}>{ t.j().back }</Link<Route>> }
    } else {
        html! { <Link<Route> classes="back-link" to={route(index - 1)}>{ t.j().back }</Link<Route>> }
    };
    let error_summary = {
        let p = procedure.clone();
        let label = Callback::from(move |field: String| field_label(&p, &field, lang));
        let here = props.step.clone();
        let targets: Vec<(String, String)> = errors
            .iter()
            .map(|e| (e.field.clone(), plan.step_of(&e.field).to_owned()))
            .collect();
        let (code, links) = (code.clone(), links.clone());
        let elsewhere = Callback::from(move |field: String| {
            targets
                .iter()
                .find(|(f, step)| *f == field && *step != here)
                .map(|(_, step)| links.filing(&code, step))
        });
        html! {
            <ErrorSummary errors={Rc::new((*errors).clone())} failure={(*failure).clone().map(AttrValue::from)}
                {label} elsewhere={Some(elsewhere)} />
        }
    };
    let consent_note = reading
        .missing_consents
        .contains(&Purpose::Identity)
        .then(|| {
            html! {
                <div class="notice">
                    <p>{ t.j().consent_for_prefill }</p>
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
                    <p>{ t.j().draft_restored }</p>
                    <button type="button" class="button button--secondary" onclick={start_again}>{ t.j().start_again }</button>
                </div>
            }
        }
        DraftState::Unavailable => html! { <p class="hint">{ t.j().draft_unavailable }</p> },
        _ => html! {},
    };
    // The embedding page may follow the steps: their number and title, nothing the citizen typed.
    let step_title = match &plan.steps[index] {
        Step::Known => t.j().known_title.to_owned(),
        Step::Page(page, _) => page.title.get(lang).to_owned(),
        Step::Documents => t.j().documents_step_title.to_owned(),
        Step::Check => t.j().check_title.to_owned(),
    };
    // What a volunteer helping this resident may see (not when embedded).
    let help_report = embed
        .is_none()
        .then(|| help::report(&procedure, &plan, index, &errors, &filing, lang));
    let caption = html! {
        <p class="caption">{ procedure.name.get(lang) }{ " · " }{ (t.j().step_of)(index + 1, plan.steps.len()) }</p>
    };
    let step = StepProps {
        procedure: procedure.clone(),
        reading: reading.clone(),
        effective: effective.clone(),
        filing: filing.clone(),
        errors: errors.clone(),
        failure: failure.clone(),
        returning: returning.clone(),
        step: plan.steps[index].id().to_owned(),
        next: route(plan.next(index, *returning)),
        heading: heading.clone(),
        draft_box: (*draft_box).clone(),
    };
    let body = match &plan.steps[index] {
        Step::Known => html! { <known::KnownStep ..step /> },
        Step::Page(..) => html! { <questions::QuestionsStep ..step /> },
        Step::Documents => html! { <documents::DocumentsStep ..step /> },
        Step::Check => html! { <check::CheckStep ..step /> },
    };
    html! {
        <>
            { back }
            if let Some(report) = help_report {
                <help::HelpPanel {report} />
            }
            { caption }
            { error_summary }
            { consent_note }
            { draft_note }
            { body }
            <p class="hint draft-hint">{ t.j().draft_note }</p>
            if let Some(embed) = &embed {
                <p class="hint draft-hint">{ t.j().embed_drafts }</p>
                <StepEvent embed={embed.clone()} step={index + 1} title={step_title} />
            }
        </>
    }
}

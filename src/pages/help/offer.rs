//! The resident's side, on their own phone: type the code (`/ho-tro`) or open the QR code's
//! address (`/ho-tro/{code}`), see who offers help, for what, and the number to compare, before
//! any sign-in; then accept (and sign in and file here), decline, or report an offer they did
//! not ask for. Decline is as prominent as accept.

use motlan_core::api::{HelpLink, HelpOffer};
use motlan_core::help::{JoinAnswer, JoinCode};
use motlan_core::journey::START;
use yew::prelude::*;
use yew_router::prelude::*;

use crate::hooks::use_api::use_api;
use crate::hooks::use_resource::{Resource, use_resource};
use crate::route::Route;
use crate::services::help::{Helping, remember};
use crate::state::prefs::use_prefs;

#[function_component(JoinPage)]
pub fn join_page() -> Html {
    let prefs = use_prefs();
    let h = prefs.t().j().h;
    let navigator = use_navigator().expect("inside a router");
    let typed = use_state(String::new);
    let error = use_state(|| false);
    let onsubmit = {
        let (typed, error) = (typed.clone(), error.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            match JoinCode::parse(&typed) {
                Ok(code) => navigator.push(&Route::HelpOffer {
                    code: code.to_string(),
                }),
                Err(_) => error.set(true),
            }
        })
    };
    let oninput = {
        let typed = typed.clone();
        Callback::from(move |e: InputEvent| {
            let input: web_sys::HtmlInputElement = e.target_unchecked_into();
            typed.set(input.value());
        })
    };
    html! {
        <>
            <h1>{ h.join_title }</h1>
            if *error {
                <div class="error-summary" role="alert" tabindex="-1">
                    <ul><li><a href="#help-code">{ h.code_error }</a></li></ul>
                </div>
            }
            <form {onsubmit} novalidate=true>
                <p>{ h.join_lead }</p>
                <label class="label" for="help-code">{ h.code_input }</label>
                <p class="hint" id="help-code-hint">{ h.code_hint }</p>
                if *error {
                    <p class="error-message" id="help-code-error">{ h.code_error }</p>
                }
                <input id="help-code" class={classes!("input", "input--code", error.then_some("input--error"))}
                    type="text" inputmode="text" autocomplete="one-time-code" autocapitalize="characters"
                    spellcheck="false" maxlength="12" value={(*typed).clone()} {oninput}
                    aria-invalid={error.to_string()}
                    aria-describedby={if *error { "help-code-hint help-code-error" } else { "help-code-hint" }} />
                <button type="submit" class="button">{ h.continue_button }</button>
            </form>
            <p class="hint">{ h.never_share }</p>
        </>
    }
}

#[derive(Debug, PartialEq, Properties)]
pub struct OfferPageProps {
    pub code: String,
}

#[derive(Clone, PartialEq)]
enum Answered {
    Not,
    Declined,
    Reported,
    /// Accepted a session for no particular procedure: the resident chooses one.
    Choose,
}

#[function_component(OfferPage)]
pub fn offer_page(props: &OfferPageProps) -> Html {
    let prefs = use_prefs();
    let (t, lang) = (prefs.t(), prefs.lang());
    let h = t.j().h;
    let api = use_api();
    let navigator = use_navigator().expect("inside a router");
    let offer = {
        let api = api.clone();
        use_resource(props.code.clone(), move |code| {
            let api = api.clone();
            async move { api.help_offer(&code).await }
        })
    };
    let answered = use_state(|| Answered::Not);
    let failure = use_state(|| None::<String>);
    let answer = |choice: JoinAnswer| {
        let (api, code, answered, failure, navigator) = (
            api.clone(),
            props.code.clone(),
            answered.clone(),
            failure.clone(),
            navigator.clone(),
        );
        let helper = match &*offer.state {
            Resource::Ready(o) => o.helper.full_name.clone(),
            _ => String::new(),
        };
        Callback::from(move |_: MouseEvent| {
            let (api, code, answered, failure, navigator, helper) = (
                api.clone(),
                code.clone(),
                answered.clone(),
                failure.clone(),
                navigator.clone(),
                helper.clone(),
            );
            wasm_bindgen_futures::spawn_local(async move {
                match api.answer_help(&code, choice).await {
                    Ok(done) => match (choice, done.session, done.key) {
                        (JoinAnswer::Accept, Some(session), Some(key)) => {
                            remember(&Helping {
                                link: HelpLink { session, key },
                                helper,
                                procedure_code: done.procedure_code.clone(),
                                dossier: None,
                            });
                            match done.procedure_code {
                                Some(p) => navigator.push(&Route::Filing {
                                    code: p,
                                    step: START.to_owned(),
                                }),
                                None => answered.set(Answered::Choose),
                            }
                        }
                        (JoinAnswer::NotRequested, ..) => answered.set(Answered::Reported),
                        _ => answered.set(Answered::Declined),
                    },
                    Err(f) => failure.set(Some(f.message(lang, t.j().submit_network))),
                }
            });
        })
    };
    let body = match (&*answered, &*offer.state) {
        (Answered::Declined, _) => html! { <p role="status">{ h.declined_done }</p> },
        (Answered::Reported, _) => html! { <p role="status">{ h.reported_done }</p> },
        (Answered::Choose, _) => html! {
            <p role="status">{ h.accepted_choose }{ " " }<Link<Route> to={Route::Home}>{ t.all_procedures }</Link<Route>></p>
        },
        (Answered::Not, Resource::Ready(o)) => {
            html! {
                <>
                    <OfferCard offer={(**o).clone()} />
                    <p>{ h.offer_explain }</p>
                    <p class="notice">{ h.never_share }</p>
                    <div class="button-pair">
                        <button type="button" class="button" onclick={answer(JoinAnswer::Accept)}>{ h.accept }</button>
                        <button type="button" class="button" onclick={answer(JoinAnswer::Decline)}>{ h.decline }</button>
                    </div>
                    <p><button type="button" class="link-button" onclick={answer(JoinAnswer::NotRequested)}>{ h.not_requested }</button></p>
                </>
            }
        }
        (Answered::Not, Resource::Failed(f)) => html! {
            <div class="error-summary" role="alert">
                <p>{ f.message(lang, t.load_failed) }</p>
                <p><Link<Route> to={Route::HelpJoin}>{ h.join_title }</Link<Route>></p>
            </div>
        },
        (Answered::Not, _) => html! { <p class="loading" role="status">{ t.loading }</p> },
    };
    html! {
        <>
            <h1>{ h.offer_title }</h1>
            if let Some(message) = &*failure {
                <div class="error-summary" role="alert"><p>{ message }</p></div>
            }
            { body }
        </>
    }
}

#[derive(PartialEq, Properties)]
struct OfferCardProps {
    offer: HelpOffer,
}

#[function_component(OfferCard)]
fn offer_card(props: &OfferCardProps) -> Html {
    let prefs = use_prefs();
    let lang = prefs.lang();
    let h = prefs.t().j().h;
    let o = &props.offer;
    html! {
        <dl class="card summary-list">
            <div class="summary-list__row"><dt>{ h.offer_helper }</dt><dd>{ &o.helper.full_name }</dd></div>
            <div class="summary-list__row"><dt>{ h.offer_team }</dt><dd>{ &o.helper.team }</dd></div>
            <div class="summary-list__row"><dt>{ h.offer_commune }</dt><dd>{ &o.helper.commune }</dd></div>
            <div class="summary-list__row"><dt>{ h.offer_procedure }</dt><dd>{
                o.procedure_name.as_ref().map_or(h.offer_any_procedure, |n| n.get(lang))
            }</dd></div>
            <div class="summary-list__row"><dt>{ h.number_label }</dt><dd><strong class="help-number">{ o.number }</strong>
                <p class="hint">{ h.offer_number_hint }</p></dd></div>
        </dl>
    }
}

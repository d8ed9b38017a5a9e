//! Rating the service from 1 to 5, with optional feedback, once the result is ready.

use motlan_core::api::Rating;
use yew::prelude::*;

use crate::hooks::use_api::use_api;
use crate::services::api::Api;
use crate::state::prefs::use_prefs;

#[derive(Debug, PartialEq, Properties)]
pub(super) struct RateProps {
    pub(super) code: String,
    pub(super) reload: Callback<()>,
}

/// Rating from 1 to 5 with optional feedback, once the result is ready.
#[function_component(RateService)]
pub(super) fn rate_service(props: &RateProps) -> Html {
    let prefs = use_prefs();
    let (t, lang) = (prefs.t(), prefs.lang());
    let api: Api = use_api();
    let score = use_state(|| 0u8);
    let feedback = use_state(String::new);
    let failure = use_state(|| None::<String>);
    let onsubmit = {
        let (code, reload, score, feedback, failure) = (
            props.code.clone(),
            props.reload.clone(),
            score.clone(),
            feedback.clone(),
            failure.clone(),
        );
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let rating = Rating {
                score: *score,
                feedback: (*feedback).clone(),
                rated_at: String::new(),
            };
            let (api, code, reload, failure) =
                (api.clone(), code.clone(), reload.clone(), failure.clone());
            wasm_bindgen_futures::spawn_local(async move {
                match api.rate(&code, &rating).await {
                    Ok(()) => reload.emit(()),
                    Err(f) => failure.set(Some(f.message(lang, t.j().submit_network))),
                }
            });
        })
    };
    let feedback_input = {
        let feedback = feedback.clone();
        Callback::from(move |e: InputEvent| {
            let area: web_sys::HtmlTextAreaElement = e.target_unchecked_into();
            feedback.set(area.value());
        })
    };
    html! {
        <form class="card no-print" {onsubmit} novalidate=true>
            <h2>{ t.j().rating_title }</h2>
            if let Some(message) = &*failure {
                <p class="error-message" role="alert">{ message }</p>
            }
            <fieldset class="fieldset">
                <legend class="label">{ t.j().rating_question }</legend>
                <div class="radios">
                    { for (1..=5u8).map(|n| {
                        let id = format!("rating-{n}");
                        let score_handle = score.clone();
                        let onchange = Callback::from(move |_: Event| score_handle.set(n));
                        html! {
                            <div class="radio">
                                <input type="radio" id={id.clone()} name="rating" checked={*score == n} {onchange} />
                                <label for={id}>{ (t.j().rating_label)(n) }</label>
                            </div>
                        }
                    }) }
                </div>
            </fieldset>
            <label class="label" for="rating-feedback">{ t.j().feedback }{ " " }<span class="hint-inline">{ t.j().optional }</span></label>
            <textarea id="rating-feedback" class="input textarea" rows="3" value={(*feedback).clone()} oninput={feedback_input} />
            <button type="submit" class="button">{ t.j().rating_send }</button>
        </form>
    }
}

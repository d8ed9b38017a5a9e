//! Who helped with a dossier: the volunteer's name, team and commune, that they received none
//! of the resident's data; sharing the dossier code with them (only from the phone that filed
//! in the session, and only if the resident taps it), and reporting them to the youth union.

use motlan_core::api::AssistedBy;
use yew::prelude::*;

use crate::hooks::use_api::use_api;
use crate::services::help::{forget, helping};
use crate::state::prefs::use_prefs;

#[derive(Debug, PartialEq, Properties)]
pub(super) struct AssistedProps {
    pub(super) code: String,
    pub(super) by: AssistedBy,
}

#[function_component(Assisted)]
pub(super) fn assisted(props: &AssistedProps) -> Html {
    let prefs = use_prefs();
    let (t, lang) = (prefs.t(), prefs.lang());
    let h = t.j().h;
    let api = use_api();
    // This phone filed in the session: it may share the code with the helper.
    let link = use_state(|| {
        helping()
            .filter(|h| {
                h.link.session == props.by.session && h.dossier.as_deref() == Some(&props.code)
            })
            .map(|h| h.link)
    });
    let shared = use_state(|| false);
    let reporting = use_state(|| false);
    let reported = use_state(|| false);
    let note = use_state(String::new);
    let failure = use_state(|| None::<String>);
    let share = {
        let (api, link, shared, failure) =
            (api.clone(), link.clone(), shared.clone(), failure.clone());
        Callback::from(move |_: MouseEvent| {
            let Some(l) = (*link).clone() else { return };
            let (api, link, shared, failure) =
                (api.clone(), link.clone(), shared.clone(), failure.clone());
            wasm_bindgen_futures::spawn_local(async move {
                match api.help_action(&l, "share").await {
                    Ok(()) => {
                        shared.set(true);
                        // Shared once: the phone forgets the session.
                        forget();
                        link.set(None);
                    }
                    Err(f) => failure.set(Some(f.message(lang, t.j().submit_network))),
                }
            });
        })
    };
    let open_report = {
        let reporting = reporting.clone();
        Callback::from(move |_: MouseEvent| reporting.set(true))
    };
    let send_report = {
        let (api, code, note, reported, failure) = (
            api.clone(),
            props.code.clone(),
            note.clone(),
            reported.clone(),
            failure.clone(),
        );
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let (api, code, text, reported, failure) = (
                api.clone(),
                code.clone(),
                (*note).clone(),
                reported.clone(),
                failure.clone(),
            );
            wasm_bindgen_futures::spawn_local(async move {
                match api.report_helper(&code, &text).await {
                    Ok(()) => reported.set(true),
                    Err(f) => failure.set(Some(f.message(lang, t.j().submit_network))),
                }
            });
        })
    };
    let note_input = {
        let note = note.clone();
        Callback::from(move |e: InputEvent| {
            let area: web_sys::HtmlTextAreaElement = e.target_unchecked_into();
            note.set(area.value());
        })
    };
    let by = &props.by;
    html! {
        <section class="card assisted" aria-labelledby="assisted-heading">
            <h2 id="assisted-heading" data-testid="assisted-by">{ (h.assisted_by)(&by.full_name, &by.team, &by.commune) }</h2>
            <p>{ h.assisted_note }</p>
            if let Some(message) = &*failure {
                <p class="error-message" role="alert">{ message }</p>
            }
            if *shared {
                <p role="status">{ h.shared }</p>
            } else if link.is_some() {
                <button type="button" class="button button--secondary no-print" onclick={share}>{ h.share_code }</button>
            }
            if *reported {
                <p role="status">{ h.reported }</p>
            } else if *reporting {
                <form class="no-print" onsubmit={send_report} novalidate=true>
                    <label class="label" for="report-note">{ h.report_note }</label>
                    <textarea id="report-note" class="input textarea" rows="3" maxlength="1000" value={(*note).clone()} oninput={note_input} />
                    <button type="submit" class="button">{ h.report_send }</button>
                </form>
            } else {
                <p class="no-print"><button type="button" class="link-button" onclick={open_report}>{ h.report_helper }</button></p>
            }
        </section>
    }
}

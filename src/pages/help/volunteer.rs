//! The volunteer's screen (1,280 px at a commune desk, or a phone): sign in with their own
//! identity, open a help session, show its QR code, code and number, then follow the resident's
//! progress live. Nothing here is the resident's data: the server sends states and catalog names.

use motlan_core::api::{HelpSessionOpened, HelpSessionView, NewHelpSession};
use wasm_bindgen::JsCast as _;
use wasm_bindgen::prelude::Closure;
use yew::prelude::*;

use super::progress::SessionProgress;
use crate::components::sign_in_button::SignInButton;
use crate::hooks::use_api::use_api;
use crate::hooks::use_resource::{Resource, use_resource};
use crate::i18n::date_time;
use crate::state::prefs::use_prefs;
use crate::state::session::use_session;

#[function_component(VolunteerPage)]
pub fn volunteer_page() -> Html {
    let prefs = use_prefs();
    let (t, lang) = (prefs.t(), prefs.lang());
    let h = t.j().h;
    let api = use_api();
    let signed_in = use_session().me().is_some();
    let procedures = {
        let api = api.clone();
        use_resource((), move |()| {
            let api = api.clone();
            // The forms come first in the catalog: the ones a resident can file here.
            async move { api.procedures("", None).await.map(|page| page.items) }
        })
    };
    let chosen = use_state(String::new);
    let opened = use_state(|| None::<HelpSessionOpened>);
    let failure = use_state(|| None::<String>);
    let busy = use_state(|| false);

    let open = {
        let (api, chosen, opened, failure, busy) = (
            api.clone(),
            chosen.clone(),
            opened.clone(),
            failure.clone(),
            busy.clone(),
        );
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let new = NewHelpSession {
                procedure_code: Some((*chosen).clone()).filter(|c| !c.is_empty()),
            };
            let (api, opened, failure, busy) =
                (api.clone(), opened.clone(), failure.clone(), busy.clone());
            busy.set(true);
            wasm_bindgen_futures::spawn_local(async move {
                match api.open_help_session(&new).await {
                    Ok(session) => {
                        failure.set(None);
                        opened.set(Some(session));
                    }
                    Err(f) => failure.set(Some(f.message(lang, t.j().submit_network))),
                }
                busy.set(false);
            });
        })
    };

    let header = html! {
        <>
            <h1>{ h.volunteer_title }</h1>
            <p>{ h.volunteer_lead }</p>
        </>
    };
    if !signed_in {
        return html! {
            <>
                { header }
                <p>{ h.volunteer_sign_in }</p>
                <SignInButton />
            </>
        };
    }
    let body = match &*opened {
        Some(session) => {
            let again = {
                let opened = opened.clone();
                Callback::from(move |_: MouseEvent| opened.set(None))
            };
            html! {
                <>
                    <OpenedSession session={session.clone()} />
                    <button type="button" class="button button--secondary" onclick={again}>{ h.new_session }</button>
                </>
            }
        }
        None => {
            let options = match &*procedures.state {
                Resource::Ready(list) => list
                    .iter()
                    .filter(|p| p.online_form)
                    .map(|p| {
                        html! {
                            <option value={p.code.to_string()} selected={*chosen == p.code.to_string()}>
                                { format!("{} · {}", p.code, p.name.get(lang)) }
                            </option>
                        }
                    })
                    .collect::<Html>(),
                _ => Html::default(),
            };
            let onchange = {
                let chosen = chosen.clone();
                Callback::from(move |e: Event| {
                    let select: web_sys::HtmlSelectElement = e.target_unchecked_into();
                    chosen.set(select.value());
                })
            };
            html! {
                <form class="card" onsubmit={open} novalidate=true>
                    <label class="label" for="help-procedure">{ h.procedure_label }</label>
                    <select id="help-procedure" class="input" {onchange}>
                        <option value="" selected={chosen.is_empty()}>{ h.any_procedure }</option>
                        { options }
                    </select>
                    <button type="submit" class="button" disabled={*busy}>{ h.open_button }</button>
                </form>
            }
        }
    };
    html! {
        <>
            { header }
            if let Some(message) = &*failure {
                <div class="error-summary" role="alert"><p>{ message }</p></div>
            }
            { body }
            <p class="hint">{ h.privacy_note }</p>
        </>
    }
}

#[derive(PartialEq, Properties)]
struct OpenedProps {
    session: HelpSessionOpened,
}

/// The code to show the resident, and the session followed live (Server-Sent Events).
#[function_component(OpenedSession)]
fn opened_session(props: &OpenedProps) -> Html {
    let prefs = use_prefs();
    let h = prefs.t().j().h;
    let api = use_api();
    let view = use_state(|| None::<HelpSessionView>);
    {
        let view = view.clone();
        let url = api.help_events_url(&props.session.id, &props.session.watch);
        use_effect_with(props.session.id.clone(), move |_| {
            let source = web_sys::EventSource::new(&url).ok();
            let listener = Closure::<dyn FnMut(web_sys::MessageEvent)>::new({
                let source = source.clone();
                move |event: web_sys::MessageEvent| {
                    let Some(text) = event.data().as_string() else {
                        return;
                    };
                    if let Ok(next) = serde_json::from_str::<HelpSessionView>(&text) {
                        // An ended session sends nothing more: stop the browser reconnecting.
                        if let (Some(s), true) = (&source, next.is_over()) {
                            s.close();
                        }
                        view.set(Some(next));
                    }
                }
            });
            if let Some(s) = &source {
                let _ = s
                    .add_event_listener_with_callback("session", listener.as_ref().unchecked_ref());
            }
            move || {
                if let Some(s) = source {
                    s.close();
                }
                drop(listener);
            }
        });
    }
    let session = &props.session;
    html! {
        <section class="card help-session" aria-labelledby="help-code-heading">
            if view.as_ref().is_none_or(|v| v.state == motlan_core::help::HelpState::Waiting && !v.expired) {
                <p>{ h.scan_lead }</p>
                <div class="help-qr">{ Html::from_html_unchecked(AttrValue::from(session.qr_svg.clone())) }</div>
            }
            <h2 id="help-code-heading">{ h.code_label }{ ": " }<strong class="help-code">{ &session.code }</strong></h2>
            <p class="help-number">{ h.number_label }{ ": " }<strong>{ session.number }</strong></p>
            <p class="hint">{ h.number_hint }</p>
            <p class="hint">{ (h.expires)(&date_time(&session.expires_at)) }</p>
            <SessionProgress view={(*view).clone()} />
        </section>
    }
}

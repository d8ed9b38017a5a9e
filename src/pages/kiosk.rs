//! Turning a commune-owned device into a kiosk: an officer types the device token issued by
//! `cargo xtask kiosk add` (or `POST /api/v1/kiosks`); the server confirms it, and from then on
//! the device wipes itself after each resident (`components::kiosk_guard`).

use yew::prelude::*;

use crate::hooks::use_api::use_api;
use crate::hooks::use_resource::{Resource, use_resource};
use crate::state::kiosk;
use crate::state::prefs::use_prefs;

fn reload_home() {
    if let Some(w) = web_sys::window() {
        let _ = w.location().replace("/");
    }
}

#[function_component(KioskSetupPage)]
pub fn kiosk_setup_page() -> Html {
    let prefs = use_prefs();
    let (t, lang) = (prefs.t(), prefs.lang());
    let k = &t.j().h.kiosk;
    let api = use_api();
    let current = {
        let api = api.clone();
        use_resource((), move |()| {
            let api = api.clone();
            async move {
                match kiosk::token() {
                    Some(token) => crate::services::help::kiosk(&api, &token).await.map(Some),
                    None => Ok(None),
                }
            }
        })
    };
    let typed = use_state(String::new);
    let failure = use_state(|| None::<String>);
    let onsubmit = {
        let (api, typed, failure) = (api.clone(), typed.clone(), failure.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let token = typed.trim().to_owned();
            if token.is_empty() {
                failure.set(Some(k.token_missing.to_owned()));
                return;
            }
            let (api, failure) = (api.clone(), failure.clone());
            wasm_bindgen_futures::spawn_local(async move {
                match crate::services::help::kiosk(&api, &token).await {
                    Ok(_) => {
                        kiosk::remember(&token);
                        reload_home();
                    }
                    Err(f) => failure.set(Some(f.message(lang, t.j().submit_network))),
                }
            });
        })
    };
    let oninput = {
        let typed = typed.clone();
        Callback::from(move |e: InputEvent| {
            let input: web_sys::HtmlInputElement = e.target_unchecked_into();
            typed.set(input.value());
        })
    };
    let turn_off = Callback::from(|_: MouseEvent| {
        kiosk::forget();
        reload_home();
    });
    let status = match &*current.state {
        Resource::Ready(found) => match found.as_ref() {
            Some(device) => html! {
                <div class="notice" role="status">
                    <p>{ (k.on)(&device.name, &device.commune) }</p>
                    <button type="button" class="button button--secondary" onclick={turn_off}>{ k.off_button }</button>
                </div>
            },
            None => html! {},
        },
        _ => html! {},
    };
    html! {
        <>
            <h1>{ k.setup_title }</h1>
            <p>{ k.setup_lead }</p>
            { status }
            if let Some(message) = &*failure {
                <div class="error-summary" role="alert"><p><a href="#kiosk-token">{ message }</a></p></div>
            }
            <form {onsubmit} novalidate=true>
                <label class="label" for="kiosk-token">{ k.token_label }</label>
                <input id="kiosk-token" class="input" type="text" autocomplete="off" spellcheck="false"
                    value={(*typed).clone()} {oninput} aria-invalid={failure.is_some().to_string()} />
                <button type="submit" class="button">{ k.setup_button }</button>
            </form>
        </>
    }
}

//! Consent, one box per purpose, unticked unless the citizen already agreed: each says exactly
//! which data is read and why. Saving gives or withdraws each purpose as ticked.

use std::collections::BTreeSet;

use motlan_core::api::ConsentText;
use yew::prelude::*;
use yew_router::prelude::*;

use crate::components::load_state::pending_view;
use crate::components::sign_in_button::SignInButton;
use crate::hooks::use_api::use_api;
use crate::hooks::use_resource::{Resource, use_resource};
use crate::route::Route;
use crate::state::prefs::use_prefs;
use crate::state::session::use_session;

#[function_component(ConsentPage)]
pub fn consent_page() -> Html {
    let prefs = use_prefs();
    let t = prefs.t();
    let session = use_session();
    if session.me().is_none() {
        return html! {
            <>
                <h1>{ t.consent_title }</h1>
                <p>{ t.sign_in_needed }</p>
                <SignInButton />
            </>
        };
    }
    html! { <ConsentForm /> }
}

#[function_component(ConsentForm)]
fn consent_form() -> Html {
    let prefs = use_prefs();
    let (t, lang) = (prefs.t(), prefs.lang());
    let api = use_api();
    let loaded = {
        let api = api.clone();
        use_resource((), move |()| {
            let api = api.clone();
            async move {
                let texts = api.consent_texts().await?;
                let given: BTreeSet<String> = api
                    .consents()
                    .await?
                    .into_iter()
                    .map(|c| c.purpose)
                    .collect();
                Ok((texts, given))
            }
        })
    };
    let ticked = use_state(|| None::<BTreeSet<String>>);
    let saved = use_state(|| false);
    let error = use_state(|| None::<String>);
    let Resource::Ready(data) = &*loaded.state else {
        return html! {
            <>
                <h1>{ t.consent_title }</h1>
                { pending_view(&loaded.state, &loaded.retry, lang, t) }
            </>
        };
    };
    let (texts, given) = (&data.0, &data.1);
    let current = ticked.as_ref().cloned().unwrap_or_else(|| given.clone());
    let toggle = |purpose: String| {
        let (ticked, current, saved) = (ticked.clone(), current.clone(), saved.clone());
        Callback::from(move |_: Event| {
            let mut next = current.clone();
            if !next.remove(&purpose) {
                next.insert(purpose.clone());
            }
            saved.set(false);
            ticked.set(Some(next));
        })
    };
    let onsubmit = {
        let (api, texts, given, current) =
            (api.clone(), texts.clone(), given.clone(), current.clone());
        let (saved, error, retry) = (saved.clone(), error.clone(), loaded.retry.clone());
        let ticked = ticked.clone();
        Callback::from(move |event: SubmitEvent| {
            event.prevent_default();
            let (api, texts, given, current) =
                (api.clone(), texts.clone(), given.clone(), current.clone());
            let (saved, error, retry, ticked) =
                (saved.clone(), error.clone(), retry.clone(), ticked.clone());
            wasm_bindgen_futures::spawn_local(async move {
                let mut result = Ok(());
                for text in &texts {
                    let wanted = current.contains(&text.purpose);
                    let had = given.contains(&text.purpose);
                    let step = match (wanted, had) {
                        (true, false) => api
                            .give_consent(&text.purpose, &text.version)
                            .await
                            .map(|_| ()),
                        (false, true) => api.withdraw_consent(&text.purpose).await,
                        _ => Ok(()),
                    };
                    if let Err(e) = step {
                        result = Err(e);
                        break;
                    }
                }
                match result {
                    Ok(()) => {
                        error.set(None);
                        saved.set(true);
                        ticked.set(None);
                        retry.emit(());
                    }
                    Err(failure) => error.set(Some(
                        failure.message(lang, crate::i18n::strings(lang).load_failed),
                    )),
                }
            });
        })
    };
    html! {
        <>
            <h1>{ t.consent_title }</h1>
            <p class="lead">{ t.consent_lead }</p>
            if let Some(message) = &*error {
                <div class="error-summary" role="alert"><p>{ message }</p></div>
            }
            if *saved {
                <div class="notice" role="status"><p>{ t.consent_saved }</p></div>
            }
            <form {onsubmit}>
                <fieldset class="fieldset">
                    <legend class="visually-hidden">{ t.consent_title }</legend>
                    { for texts.iter().map(|text: &ConsentText| {
                        let id = format!("consent-{}", text.purpose);
                        let described = format!("{id}-data {id}-why");
                        html! {
                            <div class="card consent" key={text.purpose.clone()}>
                                <div class="checkbox">
                                    <input type="checkbox" id={id.clone()} name="purpose" value={text.purpose.clone()}
                                        checked={current.contains(&text.purpose)} aria-describedby={described}
                                        onchange={toggle(text.purpose.clone())} />
                                    <label for={id.clone()}>{ (t.consent_agree)(text.title.get(lang)) }</label>
                                </div>
                                <p id={format!("{id}-data")}><strong>{ t.consent_data }{ ": " }</strong>{ text.data.get(lang) }</p>
                                <p id={format!("{id}-why")}><strong>{ t.consent_why }{ ": " }</strong>{ text.why.get(lang) }</p>
                            </div>
                        }
                    }) }
                </fieldset>
                <button type="submit" class="button">{ t.consent_save }</button>
            </form>
            <p><Link<Route> to={Route::DataUse}>{ t.data_use_link }</Link<Route>></p>
        </>
    }
}

//! The popup an embedded form opens to sign in: the ordinary sign-in (code and PKCE) as a
//! top-level page, since identity providers refuse to be framed. The callback leaves the token
//! on the form's one-time ticket (`pages::sign_in`) and closes the window.

use yew::prelude::*;

use crate::services::identity;
use crate::state::prefs::use_prefs;
use crate::state::session::use_session;

#[derive(Debug, PartialEq, Properties)]
pub struct SignInPopupPageProps {
    pub ticket: String,
}

#[function_component(SignInPopupPage)]
pub fn sign_in_popup_page(props: &SignInPopupPageProps) -> Html {
    let prefs = use_prefs();
    let t = prefs.t();
    let identity = use_session().identity();
    let failed = use_state(|| false);
    {
        let failed = failed.clone();
        use_effect_with(props.ticket.clone(), move |ticket| {
            let ticket = ticket.clone();
            wasm_bindgen_futures::spawn_local(async move {
                if identity::start_for_ticket(&identity, &ticket)
                    .await
                    .is_err()
                {
                    failed.set(true);
                }
            });
        });
    }
    html! {
        <>
            <h1>{ t.signing_in }</h1>
            if *failed {
                <p class="error-message" role="alert">{ t.sign_in_failed }</p>
            } else {
                <p class="loading" role="status">{ t.signing_in }</p>
            }
        </>
    }
}

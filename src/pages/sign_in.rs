//! Where the identity provider sends the citizen back: the code is exchanged for a token, the
//! citizen is greeted by name, and taken back to the page they started from. Reached by the
//! sign-in link itself (`?tu=…`, tapped before the app ran), it starts signing in.

use std::rc::Rc;

use yew::prelude::*;
use yew_router::prelude::*;

use crate::components::sign_in_button::SignInButton;
use crate::hooks::use_api::use_api;
use crate::route::Route;
use crate::services::identity;
use crate::state::prefs::use_prefs;
use crate::state::session::use_session;

#[function_component(SignInCallbackPage)]
pub fn sign_in_callback_page() -> Html {
    html! { <Callback /> }
}

#[function_component(Callback)]
fn callback() -> Html {
    let prefs = use_prefs();
    let t = prefs.t();
    let session = use_session();
    let api = use_api();
    let navigator = use_navigator().expect("inside a router");
    let failed = use_state(|| false);
    #[cfg(feature = "journey")]
    let popup_done = use_state(|| false);
    {
        let failed = failed.clone();
        #[cfg(feature = "journey")]
        let popup_done = popup_done.clone();
        let identity = session.identity();
        use_effect_with((), move |()| {
            let signed_in = move |token: Rc<str>, me| session.signed_in(token, me);
            wasm_bindgen_futures::spawn_local(async move {
                // The sign-in link followed before the app ran: start now.
                if let Some(return_to) = identity::requested_start() {
                    if identity::start(&identity, &return_to).await.is_err() {
                        failed.set(true);
                    }
                    return;
                }
                let Some((code, state)) = identity::callback_params() else {
                    failed.set(true);
                    return;
                };
                let Ok(finished) = identity::finish(&identity, &code, &state).await else {
                    failed.set(true);
                    return;
                };
                let token: Rc<str> = finished.token.into();
                // In an embedded form's popup: leave the token on its ticket, and close.
                #[cfg(feature = "journey")]
                if let Some(ticket) = finished.ticket {
                    match api.authorized(Some(token)).fill_ticket(&ticket).await {
                        Ok(()) => {
                            popup_done.set(true);
                            if let Some(w) = web_sys::window() {
                                let _ = w.close();
                            }
                        }
                        Err(_) => failed.set(true),
                    }
                    return;
                }
                let return_to = finished.return_to;
                match api.authorized(Some(Rc::clone(&token))).me().await {
                    Ok(me) => {
                        signed_in(token, me);
                        let route = Route::recognize(&return_to)
                            .filter(|r| *r != Route::SignIn && *r != Route::NotFound)
                            .unwrap_or(Route::Home);
                        navigator.replace(&route);
                    }
                    Err(_) => failed.set(true),
                }
            });
        });
    }
    #[cfg(feature = "journey")]
    if *popup_done {
        return html! {
            <>
                <h1>{ t.j().popup_done_title }</h1>
                <p>{ t.j().popup_done_body }</p>
            </>
        };
    }
    html! {
        <>
            <h1>{ t.signing_in }</h1>
            if *failed {
                <div class="error-summary" role="alert">
                    <p>{ t.sign_in_failed }</p>
                    <SignInButton />
                </div>
            } else {
                <p class="loading" role="status">{ t.signing_in }</p>
            }
        </>
    }
}

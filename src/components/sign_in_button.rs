//! The button that starts signing in: it remembers the page the citizen is on and comes back to
//! it afterwards. It is a link (`/dang-nhap?tu=…`), so a tap before the app has started still
//! signs in (the sign-in page starts it); once the app runs it starts in place. Inside an
//! embedded form (full app only) it signs in through a popup instead (`popup_sign_in`): the
//! pages of the parts use [`SignInButton`], which knows both; the site's header, never
//! embedded, uses [`RedirectSignIn`], so the popup is not in the first load.

use yew::prelude::*;
use yew_router::Routable as _;

use crate::state::prefs::use_prefs;
use crate::state::session::use_session;

#[derive(Debug, PartialEq, Properties)]
pub struct SignInButtonProps {
    /// Extra class, e.g. `button--secondary` in the header.
    #[prop_or_default]
    pub class: Classes,
}

#[function_component(SignInButton)]
pub fn sign_in_button(props: &SignInButtonProps) -> Html {
    #[cfg(feature = "journey")]
    if crate::state::embed::use_embed().is_some() {
        return html! { <super::popup_sign_in::PopupSignIn class={props.class.clone()} /> };
    }
    html! { <RedirectSignIn class={props.class.clone()} /> }
}

/// Signing in by sending the whole page to the identity provider and back.
#[function_component(RedirectSignIn)]
pub fn redirect_sign_in(props: &SignInButtonProps) -> Html {
    let prefs = use_prefs();
    let t = prefs.t();
    let session = use_session();
    let failed = use_state(|| false);
    let busy = use_state(|| false);
    let here =
        yew_router::hooks::use_location().map_or_else(|| "/".to_owned(), |l| l.path().to_owned());
    let href = format!(
        "{}?{}",
        crate::route::Route::SignIn.to_path(),
        form_urlencoded::Serializer::new(String::new())
            .append_pair("tu", &here)
            .finish()
    );
    let onclick = {
        let (identity, failed, busy) = (session.identity(), failed.clone(), busy.clone());
        Callback::from(move |e: MouseEvent| {
            if !super::is_plain_click(&e) {
                return;
            }
            e.prevent_default();
            if *busy {
                return;
            }
            busy.set(true);
            failed.set(false);
            let return_to = web_sys::window()
                .and_then(|w| w.location().pathname().ok())
                .unwrap_or_else(|| "/".to_owned());
            let (identity, failed, busy) = (identity.clone(), failed.clone(), busy.clone());
            wasm_bindgen_futures::spawn_local(async move {
                if crate::sign_in(identity, return_to).await.is_err() {
                    failed.set(true);
                    busy.set(false);
                }
            });
        })
    };
    html! {
        <>
            <a {href} class={classes!("button", props.class.clone())} {onclick} aria-disabled={busy.to_string()}>
                { t.sign_in }
            </a>
            if *failed {
                <p class="error-message" role="alert">{ t.sign_in_failed }</p>
            }
        </>
    }
}

//! Signing in from an embedded form, through a popup (identity providers refuse to be framed):
//! the frame opens a one-time ticket, the popup signs in as a top-level page and leaves its
//! token on the ticket, and the frame redeems it once. Neither `window.opener` nor cookies are
//! needed, so it works with third-party cookies blocked. Only in the full app.

use std::rc::Rc;
use std::time::Duration;

use yew::prelude::*;

use crate::hooks::use_api::use_api;
use crate::services::api::{Api, ApiFailure};
use crate::state::embed::use_embed;
use crate::state::prefs::use_prefs;
use crate::state::session::{UseSession, use_session};

#[derive(Debug, PartialEq, Properties)]
pub struct PopupSignInProps {
    #[prop_or_default]
    pub class: Classes,
}

#[derive(Clone, Copy, PartialEq)]
enum Popup {
    Closed,
    Waiting,
    Blocked,
}

#[function_component(PopupSignIn)]
pub fn popup_sign_in(props: &PopupSignInProps) -> Html {
    let prefs = use_prefs();
    let t = prefs.t();
    let session = use_session();
    let api = use_api();
    let embed = use_embed();
    let failed = use_state(|| false);
    let busy = use_state(|| false);
    let popup = use_state(|| Popup::Closed);
    let onclick = {
        let (failed, busy, popup) = (failed.clone(), busy.clone(), popup.clone());
        let session = Rc::new(session);
        Callback::from(move |_: MouseEvent| {
            if *busy {
                return;
            }
            busy.set(true);
            failed.set(false);
            // Opened now, while the click still counts as the citizen's gesture.
            let window = web_sys::window()
                .and_then(|w| {
                    w.open_with_url_and_target_and_features(
                        "",
                        "motlan-dang-nhap",
                        "popup,width=520,height=720",
                    )
                    .ok()
                })
                .flatten();
            let Some(window) = window else {
                popup.set(Popup::Blocked);
                busy.set(false);
                return;
            };
            popup.set(Popup::Waiting);
            let (api, session, failed, busy, popup) = (
                api.clone(),
                Rc::clone(&session),
                failed.clone(),
                busy.clone(),
                popup.clone(),
            );
            wasm_bindgen_futures::spawn_local(async move {
                if sign_in_by_ticket(&api, &session, &window).await.is_err() {
                    failed.set(true);
                }
                let _ = window.close();
                popup.set(Popup::Closed);
                busy.set(false);
            });
        })
    };
    let continue_in_tab = embed.as_ref().map(|e| {
        html! {
            <a href={format!("/thu-tuc/{}", e.target.procedure)} target="_blank" rel="noopener">
                { t.j().popup_continue_tab }<span class="visually-hidden">{ t.j().embed_new_tab }</span>
            </a>
        }
    });
    html! {
        <>
            <button type="button" class={classes!("button", props.class.clone())} {onclick} aria-disabled={busy.to_string()}>
                { t.sign_in }
            </button>
            if *popup == Popup::Waiting {
                <p class="notice" role="status">{ t.j().popup_waiting }{ " " }{ continue_in_tab.clone() }</p>
            }
            if *popup == Popup::Blocked {
                <p class="error-message" role="alert">{ t.j().popup_blocked }{ " " }{ continue_in_tab }</p>
            }
            if *failed {
                <p class="error-message" role="alert">{ t.sign_in_failed }</p>
            }
        </>
    }
}

/// Opens a ticket, sends the popup to sign in for it, and redeems it once the popup is done.
async fn sign_in_by_ticket(
    api: &Api,
    session: &UseSession,
    popup: &web_sys::Window,
) -> Result<(), ApiFailure> {
    let ticket = api.open_ticket().await?;
    popup
        .location()
        .set_href(&format!("/dang-nhap/cua-so/{}", ticket.id))
        .map_err(|_| ApiFailure::Network)?;
    let deadline = js_sys::Date::now() + 1000.0 * ticket.expires_in as f64;
    while js_sys::Date::now() < deadline {
        yew::platform::time::sleep(Duration::from_millis(800)).await;
        match api.redeem_ticket(&ticket.id, &ticket.secret).await {
            Ok(Some(answer)) => {
                let token: Rc<str> = answer.access_token.into();
                let me = api.authorized(Some(Rc::clone(&token))).me().await?;
                session.signed_in(token, me);
                return Ok(());
            }
            Ok(None) | Err(ApiFailure::Network) => {}
            Err(other) => return Err(other),
        }
    }
    Err(ApiFailure::Network)
}

//! On a commune-owned kiosk, after each resident: a visible notice, an "end" button, and after
//! 3 minutes idle (1 minute on a filed dossier's receipt) the device signs out and wipes local
//! storage, session storage, IndexedDB and caches, then returns to the start. Thirty seconds
//! before, a dialog warns with an "I need more time" button (WCAG 2.2.1). A page restored from
//! the back-forward cache is reloaded, so Back shows nothing of the previous person.

use std::cell::Cell;
use std::rc::Rc;

use motlan_core::api::Kiosk;
use wasm_bindgen::JsCast as _;
use wasm_bindgen::prelude::*;
use yew::prelude::*;
use yew_router::prelude::*;

use crate::hooks::use_api::use_api;
use crate::route::Route;
use crate::services::api::ApiFailure;
use crate::state::kiosk;
use crate::state::prefs::use_prefs;
use crate::state::session::use_session;

#[wasm_bindgen(inline_js = "
export async function wipe_browser(key, token) {
  try { localStorage.clear(); sessionStorage.clear(); } catch (e) {}
  document.cookie = 'motlan_lang=; Path=/; Max-Age=0; SameSite=Lax';
  try {
    if (indexedDB.databases) {
      for (const db of await indexedDB.databases()) if (db.name) indexedDB.deleteDatabase(db.name);
    }
  } catch (e) {}
  try { if (self.caches) for (const k of await caches.keys()) await caches.delete(k); } catch (e) {}
  localStorage.setItem(key, token);
  location.replace('/');
}
export function reload_when_restored() {
  addEventListener('pageshow', (e) => { if (e.persisted) location.reload(); });
}
")]
extern "C" {
    fn wipe_browser(key: &str, token: &str) -> js_sys::Promise;
    fn reload_when_restored();
}

/// Seconds without use before the wipe, and before it the warning.
const IDLE_SECONDS: f64 = 180.0;
const AFTER_FILING_SECONDS: f64 = 60.0;
const WARNING_SECONDS: f64 = 30.0;

fn now_seconds() -> f64 {
    js_sys::Date::now() / 1000.0
}

#[function_component(KioskGuard)]
pub fn kiosk_guard() -> Html {
    let token = use_memo((), |()| kiosk::token());
    let prefs = use_prefs();
    let k = &prefs.t().j().h.kiosk;
    let api = use_api();
    let session = use_session();
    let route = use_route::<Route>();
    let device = use_state(|| None::<Kiosk>);
    let warning = use_state(|| None::<u32>);
    let last = use_memo((), |()| Rc::new(Cell::new(now_seconds())));
    let more_time = use_node_ref();

    // Is this still a registered kiosk? A revoked token ends the mode; a network failure does not.
    {
        let (api, device, token) = (api.clone(), device.clone(), token.clone());
        use_effect_with((), move |()| {
            if let Some(token) = (*token).clone() {
                reload_when_restored();
                wasm_bindgen_futures::spawn_local(async move {
                    match crate::services::help::kiosk(&api, &token).await {
                        Ok(found) => device.set(Some(found)),
                        Err(ApiFailure::Rejected { .. }) => kiosk::forget(),
                        Err(_) => device.set(Some(Kiosk {
                            id: String::new(),
                            name: String::new(),
                            commune: String::new(),
                            revoked: false,
                        })),
                    }
                });
            }
        });
    }
    let wipe = {
        let (session, api, token) = (session.clone(), api.clone(), token.clone());
        Callback::from(move |()| {
            session.sign_out(&api);
            if let Some(token) = (*token).clone() {
                let _ = wipe_browser(kiosk::KEY, &token);
            }
        })
    };
    let after_filing = matches!(route, Some(Route::Dossier { .. }));
    // Any use counts as activity; a tick each second decides on the warning and the wipe.
    {
        let (last, warning, wipe) = ((*last).clone(), warning.clone(), wipe.clone());
        let active = device.is_some();
        use_effect_with((active, after_filing), move |&(active, after_filing)| {
            let window = web_sys::window();
            let mut handles = None;
            if let (true, Some(window)) = (active, window.clone()) {
                last.set(now_seconds());
                let touch = {
                    let last = last.clone();
                    Closure::<dyn FnMut()>::new(move || last.set(now_seconds()))
                };
                for event in ["pointerdown", "keydown", "input", "scroll", "touchstart"] {
                    let _ = window
                        .add_event_listener_with_callback(event, touch.as_ref().unchecked_ref());
                }
                let limit = if after_filing {
                    AFTER_FILING_SECONDS
                } else {
                    IDLE_SECONDS
                };
                let tick = Closure::<dyn FnMut()>::new(move || {
                    let idle = now_seconds() - last.get();
                    if idle >= limit {
                        wipe.emit(());
                    } else if idle >= limit - WARNING_SECONDS {
                        warning.set(Some((limit - idle).ceil() as u32));
                    } else if warning.is_some() {
                        warning.set(None);
                    }
                });
                let interval = window
                    .set_interval_with_callback_and_timeout_and_arguments_0(
                        tick.as_ref().unchecked_ref(),
                        1000,
                    )
                    .ok();
                handles = Some((touch, tick, interval));
            }
            move || {
                if let (Some((touch, tick, interval)), Some(window)) = (handles, window) {
                    for event in ["pointerdown", "keydown", "input", "scroll", "touchstart"] {
                        let _ = window.remove_event_listener_with_callback(
                            event,
                            touch.as_ref().unchecked_ref(),
                        );
                    }
                    if let Some(id) = interval {
                        window.clear_interval_with_handle(id);
                    }
                    drop(tick);
                }
            }
        });
    }
    // The warning takes the focus, so a keyboard or screen-reader user meets it at once.
    {
        let more_time = more_time.clone();
        use_effect_with(warning.is_some(), move |shown| {
            if *shown && let Some(button) = more_time.cast::<web_sys::HtmlElement>() {
                let _ = button.focus();
            }
        });
    }
    let Some(device) = &*device else {
        return html! {};
    };
    let end = {
        let wipe = wipe.clone();
        Callback::from(move |_: MouseEvent| wipe.emit(()))
    };
    let extend = {
        let (last, warning) = ((*last).clone(), warning.clone());
        Callback::from(move |_: MouseEvent| {
            last.set(now_seconds());
            warning.set(None);
        })
    };
    html! {
        <>
            <div class="kiosk-banner" role="region" aria-label={k.end}>
                <p>{ (k.banner)(if device.commune.is_empty() { "xã" } else { &device.commune }) }</p>
                <button type="button" class="button button--secondary" onclick={end}>{ k.end }</button>
            </div>
            if let Some(seconds) = *warning {
                <div class="kiosk-warning" role="alertdialog" aria-modal="true"
                    aria-labelledby="kiosk-warning-title" aria-describedby="kiosk-warning-body">
                    <div class="kiosk-warning__box">
                        <h2 id="kiosk-warning-title">{ k.warning_title }</h2>
                        <p id="kiosk-warning-body" aria-live="polite">{ (k.warning_body)(seconds) }</p>
                        <button type="button" class="button" ref={more_time} onclick={extend}>{ k.more_time }</button>
                    </div>
                </div>
            }
        </>
    }
}

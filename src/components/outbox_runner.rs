//! Sends the dossiers waiting in the outbox while a citizen is signed in: at once, when the
//! connection returns (`online`), when the tab is shown again, when the service worker's
//! Background Sync wakes the page, and again after a network or server error with a growing
//! pause (5 s, 10 s, … up to 5 minutes). One replay at a time; no timer runs while nothing waits.

use std::cell::Cell;
use std::rc::Rc;

use wasm_bindgen::JsCast as _;
use wasm_bindgen::closure::Closure;
use yew::prelude::*;

use crate::hooks::use_api::use_api;
use crate::services::drafts::DraftBox;
use crate::services::outbox::{self, Sent};
use crate::state::session::use_session;

// Dossiers filed by a replay in this tab, by idempotency key: the outbox page links to them.
thread_local! {
    pub static SENT: std::cell::RefCell<Vec<(String, String)>> = const { std::cell::RefCell::new(Vec::new()) };
}

const EVENTS: [&str; 3] = ["online", "visibilitychange", outbox::CHANGED];

/// The state of the sending for one signed-in citizen.
struct Runner {
    api: crate::services::api::Api,
    owner: String,
    failures: Cell<u32>,
    running: Cell<bool>,
    stopped: Cell<bool>,
    timer: Cell<Option<i32>>,
}

fn visible() -> bool {
    web_sys::window()
        .and_then(|w| w.document())
        .is_none_or(|d| d.visibility_state() == web_sys::VisibilityState::Visible)
}

/// Sends what waits, unless a sending is under way, the tab is hidden or nothing waits.
fn attempt(runner: &Rc<Runner>) {
    if runner.stopped.get() || runner.running.get() || !visible() {
        return;
    }
    if let (Some(id), Some(window)) = (runner.timer.take(), web_sys::window()) {
        window.clear_timeout_with_handle(id);
    }
    if outbox::entries().iter().all(|e| e.refused.is_some()) {
        return;
    }
    runner.running.set(true);
    let runner = runner.clone();
    wasm_bindgen_futures::spawn_local(async move {
        let results = match DraftBox::open(&runner.api, &runner.owner).await {
            Ok(draft_box) => outbox::replay(&runner.api, &draft_box).await,
            Err(_) => vec![Sent::Later],
        };
        for sent in &results {
            if let Sent::Filed { key, code } = sent {
                SENT.with(|s| s.borrow_mut().push((key.clone(), code.clone())));
            }
        }
        runner.running.set(false);
        // Pages waiting for one of these (the check page, the outbox) look again.
        if results.iter().any(|r| matches!(r, Sent::Filed { .. })) {
            outbox::changed();
        }
        if results.contains(&Sent::Later) {
            let n = runner.failures.get().min(6);
            runner.failures.set(n + 1);
            schedule(&runner, (5 * 2_u32.pow(n)).min(300));
        } else {
            runner.failures.set(0);
        }
    });
}

/// Tries again in `seconds` (a growing pause after each failure).
fn schedule(runner: &Rc<Runner>, seconds: u32) {
    let Some(window) = web_sys::window() else {
        return;
    };
    if runner.stopped.get() {
        return;
    }
    let later = runner.clone();
    // Owned by JavaScript once called: it cannot be called after being dropped.
    let callback = Closure::once_into_js(move || {
        later.timer.set(None);
        attempt(&later);
    });
    let id = window
        .set_timeout_with_callback_and_timeout_and_arguments_0(
            callback.unchecked_ref(),
            i32::try_from(seconds * 1000).unwrap_or(i32::MAX),
        )
        .ok();
    runner.timer.set(id);
}

#[function_component(OutboxRunner)]
pub fn outbox_runner() -> Html {
    let session = use_session();
    let api = use_api();
    let owner = session.me().map(|me| me.sub.clone());
    use_effect_with(owner, move |owner| {
        let window = web_sys::window();
        let mut handles = None;
        if let (Some(owner), Some(window)) = (owner.clone(), window.clone()) {
            let runner = Rc::new(Runner {
                api,
                owner,
                failures: Cell::new(0),
                running: Cell::new(false),
                stopped: Cell::new(false),
                timer: Cell::new(None),
            });
            // A trigger: the connection returned, the tab is shown, the outbox changed, or the
            // service worker's Background Sync woke the page.
            let wake = {
                let runner = runner.clone();
                Closure::<dyn FnMut()>::new(move || attempt(&runner))
            };
            for event in EVENTS {
                let _ =
                    window.add_event_listener_with_callback(event, wake.as_ref().unchecked_ref());
            }
            let worker = js_sys::Reflect::get(&window.navigator(), &"serviceWorker".into())
                .ok()
                .and_then(|c| c.dyn_into::<web_sys::EventTarget>().ok());
            if let Some(worker) = &worker {
                let _ = worker
                    .add_event_listener_with_callback("message", wake.as_ref().unchecked_ref());
            }
            attempt(&runner);
            handles = Some((runner, wake, worker));
        }
        move || {
            if let (Some((runner, wake, worker)), Some(window)) = (handles, window) {
                runner.stopped.set(true);
                if let Some(id) = runner.timer.take() {
                    window.clear_timeout_with_handle(id);
                }
                for event in EVENTS {
                    let _ = window
                        .remove_event_listener_with_callback(event, wake.as_ref().unchecked_ref());
                }
                if let Some(worker) = worker {
                    let _ = worker.remove_event_listener_with_callback(
                        "message",
                        wake.as_ref().unchecked_ref(),
                    );
                }
            }
        }
    });
    html! {}
}

//! Re-renders a component whenever the outbox of dossiers waiting to be sent changes (queued,
//! sent, refused, cancelled): the header's count, the outbox page, the check page that follows
//! its dossier to the receipt.

use wasm_bindgen::JsCast as _;
use wasm_bindgen::closure::Closure;
use yew::prelude::*;

use crate::services::outbox::CHANGED;

/// A number that changes with every change of the outbox.
#[hook]
pub fn use_outbox_version() -> u32 {
    let version = use_state(|| 0_u32);
    {
        let version = version.clone();
        use_effect_with((), move |()| {
            let bump = Closure::<dyn FnMut()>::new(move || version.set(version.wrapping_add(1)));
            let window = web_sys::window();
            if let Some(w) = &window {
                let _ = w.add_event_listener_with_callback(CHANGED, bump.as_ref().unchecked_ref());
            }
            move || {
                if let Some(w) = window {
                    let _ = w.remove_event_listener_with_callback(
                        CHANGED,
                        bump.as_ref().unchecked_ref(),
                    );
                }
            }
        });
    }
    *version
}

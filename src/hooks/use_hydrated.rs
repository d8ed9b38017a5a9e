//! Whether a component may show what only this browser knows (its storage, the outbox). A page
//! the server rendered is taken over by hydration, whose first render must produce exactly the
//! server's HTML; such state appears from the next render on, a moment later.

use std::cell::Cell;

use yew::prelude::*;

thread_local! {
    /// Set while the app takes over a server-rendered page (its first render).
    static HYDRATING: Cell<bool> = const { Cell::new(false) };
}

/// Marks the start (`true`) or the end (`false`) of the first render over the server's HTML.
pub fn set_hydrating(hydrating: bool) {
    HYDRATING.with(|h| h.set(hydrating));
}

/// Whether the app is taking over a server-rendered page right now.
#[cfg(target_arch = "wasm32")]
pub fn hydrating() -> bool {
    HYDRATING.with(Cell::get)
}

/// `false` on the server and during hydration, `true` in every later render.
#[hook]
pub fn use_hydrated() -> bool {
    let hydrated = use_state(|| cfg!(target_arch = "wasm32") && !HYDRATING.with(Cell::get));
    {
        let hydrated = hydrated.clone();
        use_effect_with((), move |()| {
            if !*hydrated {
                hydrated.set(true);
            }
        });
    }
    *hydrated
}

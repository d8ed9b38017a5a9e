//! From the public pages to the whole app. The server's pages are taken over by `PublicApp`,
//! whose tree matches the server's rendering; the first time a citizen opens any other page
//! (signing in leads there, as does "Bắt đầu nộp hồ sơ"), this component replaces it with `App`,
//! handing over the session and language in memory (never through storage). `App` and its pages
//! come in parts loaded on demand (`crate::split`).

use yew::prelude::*;
use yew_router::prelude::use_route;

use super::Part;
use crate::components::load_state::{failed_view, loading_view};
use crate::route::Route;
use crate::state::prefs::use_prefs;
use crate::state::session::use_session;

#[function_component(FullApp)]
pub fn full_app() -> Html {
    let prefs = use_prefs();
    let t = prefs.t();
    let session = use_session();
    let failed = use_state(|| false);
    let attempt = use_state(|| 0u32);
    // The page's own part comes side by side with the app, not after it.
    let part = use_route::<Route>().as_ref().and_then(Part::of);
    {
        let failed = failed.clone();
        let handed = session.token().zip(session.me().cloned());
        let lang = prefs.lang();
        use_effect_with(*attempt, move |_| {
            failed.set(false);
            if let Some(part) = part {
                part.fetch();
            }
            // After this render (the public app is not destroyed from inside its own update),
            // once the whole app is here.
            wasm_bindgen_futures::spawn_local(async move {
                match super::whole_app().await {
                    Ok(mount) => {
                        crate::stop();
                        mount(handed, Some(lang));
                    }
                    Err(_) => failed.set(true),
                }
            });
        });
    }
    if *failed {
        let retry = Callback::from(move |()| attempt.set(*attempt + 1));
        return failed_view(t.load_failed, &retry, t);
    }
    loading_view(t)
}

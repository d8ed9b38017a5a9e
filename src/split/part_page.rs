//! A page of a part loaded on demand: drawn at once when the part is here, else once it arrives,
//! with a way to try again when it cannot be fetched.

use yew::prelude::*;

use super::{LOADED, NotLoaded, Part, loaded};
use crate::components::load_state::{failed_view, loading_view};
use crate::route::Route;
use crate::state::prefs::use_prefs;

#[derive(Debug, Clone, PartialEq, Properties)]
pub struct PartPageProps {
    pub part: Part,
    pub route: Route,
}

#[function_component(PartPage)]
pub fn part_page(props: &PartPageProps) -> Html {
    let prefs = use_prefs();
    let t = prefs.t();
    // Bumped when the part arrives (a render) or the citizen asks again (another attempt).
    let arrived = use_state(|| 0u32);
    let failed = use_state(|| false);
    let attempt = use_state(|| 0u32);
    let part = props.part;
    {
        let (arrived, failed) = (arrived.clone(), failed.clone());
        use_effect_with((part, *attempt), move |(part, _)| {
            let part = *part;
            if loaded(part).is_none() {
                failed.set(false);
                wasm_bindgen_futures::spawn_local(async move {
                    match part.load().await {
                        Ok(render) => {
                            LOADED.with(|l| l.borrow_mut()[part.index()] = Some(render));
                            arrived.set(*arrived + 1);
                        }
                        Err(NotLoaded) => failed.set(true),
                    }
                });
            }
        });
    }
    if let Some(render) = loaded(part) {
        return render(props.route.clone());
    }
    if *failed {
        let retry = Callback::from(move |()| attempt.set(*attempt + 1));
        failed_view(t.load_failed, &retry, t)
    } else {
        loading_view(t)
    }
}

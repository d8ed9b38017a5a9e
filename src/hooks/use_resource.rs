//! Loading data from the API for a page, with a retry that keeps the page as it is.

use std::future::Future;
use std::rc::Rc;

use yew::prelude::*;

use crate::services::api::ApiFailure;

pub enum Resource<T> {
    Loading,
    Ready(Rc<T>),
    Failed(ApiFailure),
}

pub struct UseResource<T> {
    pub state: UseStateHandle<Resource<T>>,
    /// Loads again (after a network failure, say).
    pub retry: Callback<()>,
}

/// Runs `fetch(deps)` whenever `deps` changes, or on `retry`. An answer that arrives after `deps`
/// changed again is dropped, so a slow old answer never replaces a newer one.
#[hook]
pub fn use_resource<T, D, F, Fut>(deps: D, fetch: F) -> UseResource<T>
where
    T: 'static,
    D: PartialEq + Clone + 'static,
    F: Fn(D) -> Fut + 'static,
    Fut: Future<Output = Result<T, ApiFailure>> + 'static,
{
    let state = use_state(|| Resource::Loading);
    let attempt = use_state(|| 0u32);
    let generation = use_mut_ref(|| 0u64);
    {
        let state = state.clone();
        use_effect_with((deps, *attempt), move |(deps, _)| {
            *generation.borrow_mut() += 1;
            let mine = *generation.borrow();
            state.set(Resource::Loading);
            let future = fetch(deps.clone());
            wasm_bindgen_futures::spawn_local(async move {
                let result = future.await;
                if *generation.borrow() == mine {
                    state.set(match result {
                        Ok(value) => Resource::Ready(Rc::new(value)),
                        Err(failure) => Resource::Failed(failure),
                    });
                }
            });
        });
    }
    let retry = Callback::from(move |()| attempt.set(*attempt + 1));
    UseResource { state, retry }
}

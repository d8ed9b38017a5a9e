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
    use_resource_from(|| None, deps, fetch)
}

/// `use_resource`, starting from the answer `initial` gives on the first render when it gives
/// one (the answer the server rendered the page with: `Api::preloaded`), without fetching it
/// again; later changes of `deps` fetch as usual.
#[hook]
pub fn use_resource_from<T, I, D, F, Fut>(initial: I, deps: D, fetch: F) -> UseResource<T>
where
    T: 'static,
    I: FnOnce() -> Option<Result<T, ApiFailure>>,
    D: PartialEq + Clone + 'static,
    F: Fn(D) -> Fut + 'static,
    Fut: Future<Output = Result<T, ApiFailure>> + 'static,
{
    let preloaded = use_mut_ref(|| false);
    let state = {
        let preloaded = preloaded.clone();
        use_state(move || match initial() {
            Some(answer) => {
                *preloaded.borrow_mut() = true;
                match answer {
                    Ok(value) => Resource::Ready(Rc::new(value)),
                    Err(failure) => Resource::Failed(failure),
                }
            }
            None => Resource::Loading,
        })
    };
    let attempt = use_state(|| 0u32);
    let generation = use_mut_ref(|| 0u64);
    {
        let state = state.clone();
        use_effect_with((deps, *attempt), move |(deps, _)| {
            if std::mem::take(&mut *preloaded.borrow_mut()) {
                return;
            }
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

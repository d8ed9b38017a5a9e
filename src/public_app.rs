//! The app as the server renders it and the browser takes it over (hydration): the
//! public pages (search, every procedure, not found) and the first-load routes, under one router
//! whose history is the browser's, or on the server the requested address. The same components
//! render on both sides, so each page has one implementation.

use std::rc::Rc;

use motlan_core::Lang;
use yew::prelude::*;
use yew_router::history::{AnyHistory, BrowserHistory};
use yew_router::prelude::*;
#[cfg(not(target_arch = "wasm32"))]
use yew_router::{
    history::{History as _, MemoryHistory},
    query::Raw,
};

use crate::components::layout::Layout;
use crate::pages::{HomePage, NotFoundPage, ProcedurePage};
use crate::route::Route;
use crate::services::api::Api;
use crate::services::preload::{Preloaded, Shared};
use crate::state::prefs::PrefsProvider;
use crate::state::session::SessionProvider;

#[derive(Debug, Clone, PartialEq, Properties)]
pub struct PublicAppProps {
    /// Base address of the JSON API, e.g. `/api/v1`.
    pub api_base: AttrValue,
    /// Where the app learns its identity provider.
    pub identity: AttrValue,
    pub lang: Lang,
    /// The API answers the page was rendered with.
    pub preloaded: Shared,
    /// The address to render, on the server; the browser's own address when `None`.
    #[prop_or_default]
    pub url: Option<AttrValue>,
}

impl PublicAppProps {
    pub fn new(
        api_base: AttrValue,
        identity: AttrValue,
        lang: Lang,
        preloaded: Rc<Preloaded>,
    ) -> Self {
        Self {
            api_base,
            identity,
            lang,
            preloaded: preloaded.into(),
            url: None,
        }
    }
}

/// The public pages, and signing in and consent (their part, loaded on demand); any other is the
/// whole app's (`FullApp` hands over). The server renders only public pages, so its build
/// (without `journey`) has no other.
pub fn switch(route: Route) -> Html {
    match route {
        Route::Home => html! { <HomePage /> },
        Route::Procedure { code } => html! { <ProcedurePage {code} /> },
        Route::NotFound => html! { <NotFoundPage /> },
        #[cfg(feature = "journey")]
        route @ (Route::SignIn | Route::Consent) => {
            html! { <crate::split::PartPage part={crate::split::Part::Account} {route} /> }
        }
        #[cfg(feature = "journey")]
        _ => html! { <crate::split::FullApp /> },
        #[cfg(not(feature = "journey"))]
        _ => Html::default(),
    }
}

#[function_component(PublicApp)]
pub fn public_app(props: &PublicAppProps) -> Html {
    let api = Api::new(props.api_base.clone()).with_preloaded_shared(props.preloaded.clone());
    let history = {
        let url = props.url.clone();
        use_memo((), move |()| {
            // Only the server renders a given address (the app in the browser has none).
            #[cfg(not(target_arch = "wasm32"))]
            if let Some(url) = url {
                let history = MemoryHistory::new();
                let (path, query) = url.split_once('?').unwrap_or((&url, ""));
                // A query `replace` alone refuses; the raw one is kept as the browser keeps it.
                let _ = history.replace_with_query(path, Raw(query));
                return AnyHistory::from(history);
            }
            #[cfg(target_arch = "wasm32")]
            let _ = url;
            AnyHistory::from(BrowserHistory::new())
        })
    };
    // Past the first render, the page is the app's: browser-only state may show.
    use_effect_with((), |()| crate::hooks::use_hydrated::set_hydrating(false));
    html! {
        <ContextProvider<Api> context={api}>
            <PrefsProvider lang={props.lang}>
                <SessionProvider identity={props.identity.clone()}>
                    <Router history={(*history).clone()}>
                        <Layout>
                            <Switch<Route> render={switch} />
                        </Layout>
                    </Router>
                </SessionProvider>
            </PrefsProvider>
        </ContextProvider<Api>>
    }
}

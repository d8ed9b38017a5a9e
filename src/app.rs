//! Routes and the providers every page relies on.

use yew::prelude::*;
use yew_router::prelude::*;

use crate::components::layout::Layout;
use crate::pages::{DossierPage, HomePage, NotFoundPage, ProcedurePage};
use crate::services::api::Api;
use crate::state::prefs::PrefsProvider;

/// Paths are Vietnamese, as citizens read and share them.
#[derive(Debug, Clone, PartialEq, Routable)]
pub enum Route {
    #[at("/")]
    Home,
    #[at("/thu-tuc/:code")]
    Procedure { code: String },
    #[at("/ho-so/:code")]
    Dossier { code: String },
    #[not_found]
    #[at("/404")]
    NotFound,
}

fn switch(route: Route) -> Html {
    match route {
        Route::Home => html! { <HomePage /> },
        Route::Procedure { code } => html! { <ProcedurePage {code} /> },
        Route::Dossier { code } => html! { <DossierPage {code} /> },
        Route::NotFound => html! { <NotFoundPage /> },
    }
}

#[derive(Debug, Clone, PartialEq, Properties)]
pub struct AppProps {
    /// Base address of the JSON API, e.g. `/api/v1`.
    pub api_base: AttrValue,
}

#[function_component(App)]
pub fn app(props: &AppProps) -> Html {
    let api = Api::new(props.api_base.clone());
    html! {
        <ContextProvider<Api> context={api}>
            <PrefsProvider>
                <BrowserRouter>
                    <Layout>
                        <Switch<Route> render={switch} />
                    </Layout>
                </BrowserRouter>
            </PrefsProvider>
        </ContextProvider<Api>>
    }
}

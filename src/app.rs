//! Routes and the providers every page relies on.

use yew::prelude::*;
use yew_router::prelude::*;

use crate::components::layout::Layout;
use crate::pages::{HomePage, NotFoundPage, ProcedurePage};
use crate::route::Route;
use crate::services::api::Api;
use crate::state::embed::EmbedProvider;
use crate::state::embed::EmbedTarget;
use crate::state::prefs::PrefsProvider;
use crate::state::session::SessionProvider;

fn switch(route: Route) -> Html {
    use crate::split::{Part, PartPage};
    if let Some(part) = Part::of(&route) {
        return html! { <PartPage {part} {route} /> };
    }
    match route {
        Route::Home => html! { <HomePage /> },
        Route::Procedure { code } => html! { <ProcedurePage {code} /> },
        Route::EmbedProcedure { code } => html! { <ProcedurePage {code} /> },
        Route::NotFound => html! { <NotFoundPage /> },
        // Pages of the parts loaded on demand (`Part::of`, above).
        Route::Filing { .. }
        | Route::EmbedFiling { .. }
        | Route::MyDossiers
        | Route::Outbox
        | Route::Dossier { .. }
        | Route::EmbedDossier { .. }
        | Route::AgencyReview
        | Route::Volunteer
        | Route::KioskSetup
        | Route::HelpJoin
        | Route::HelpOffer { .. }
        | Route::SignIn
        | Route::SignInPopup { .. }
        | Route::Consent
        | Route::DataUse => Html::default(),
    }
}

/// The pages under the router; an embedded form with its agency's context.
fn body(embed: Option<EmbedTarget>) -> Html {
    html! {
        <EmbedProvider target={embed}>
            <BrowserRouter>
                <crate::components::kiosk_guard::KioskGuard />
                <Layout>
                    <Switch<Route> render={switch} />
                </Layout>
                // Sends waiting dossiers while signed in (the first load shows only the count).
                <crate::components::outbox_runner::OutboxRunner />
            </BrowserRouter>
        </EmbedProvider>
    }
}

#[derive(Debug, Clone, PartialEq, Properties)]
pub struct AppProps {
    /// Base address of the JSON API, e.g. `/api/v1`.
    pub api_base: AttrValue,
    /// Where the app learns its identity provider (`/api/v1/identity-provider`).
    pub identity: AttrValue,
    /// The session handed over by the public pages' app (`components::full_app`).
    pub session: Option<(std::rc::Rc<str>, motlan_core::api::Me)>,
    pub lang: motlan_core::Lang,
    /// Set when the app runs as a form embedded on an agency's page.
    pub embed: Option<EmbedTarget>,
}

#[function_component(App)]
pub fn app(props: &AppProps) -> Html {
    let api = Api::new(props.api_base.clone());
    html! {
        <ContextProvider<Api> context={api}>
            <PrefsProvider lang={props.lang}>
                <SessionProvider identity={props.identity.clone()} initial={props.session.clone()}>
                    { body(props.embed.clone()) }
                </SessionProvider>
            </PrefsProvider>
        </ContextProvider<Api>>
    }
}

//! Routes and the providers every page relies on.

use yew::prelude::*;
use yew_router::prelude::*;

use crate::components::layout::Layout;
#[cfg(feature = "journey")]
use crate::pages::{
    ConsentPage, DataUsePage, DossierPage, FilingPage, HomePage, MyDossiersPage, NotFoundPage,
    ProcedurePage, SignInCallbackPage, SignInPopupPage,
};
#[cfg(feature = "journey")]
use crate::route::Route;
use crate::services::api::Api;
#[cfg(feature = "journey")]
use crate::state::embed::EmbedProvider;
use crate::state::embed::EmbedTarget;
use crate::state::prefs::PrefsProvider;
use crate::state::session::SessionProvider;

#[cfg(feature = "journey")]
fn switch(route: Route) -> Html {
    match route {
        Route::Home => html! { <HomePage /> },
        Route::Procedure { code } => html! { <ProcedurePage {code} /> },
        Route::EmbedProcedure { code } => html! { <ProcedurePage {code} /> },
        Route::Filing { code, step } | Route::EmbedFiling { code, step } => {
            html! { <FilingPage {code} {step} /> }
        }
        Route::MyDossiers => html! { <MyDossiersPage /> },
        Route::Outbox => html! { <crate::pages::outbox::OutboxPage /> },
        Route::AgencyReview => html! { <crate::pages::review::ReviewPage /> },
        Route::Volunteer => html! { <crate::pages::help::VolunteerPage /> },
        Route::KioskSetup => html! { <crate::pages::kiosk::KioskSetupPage /> },
        Route::HelpJoin => html! { <crate::pages::help::JoinPage /> },
        Route::HelpOffer { code } => html! { <crate::pages::help::OfferPage {code} /> },
        Route::Dossier { code } | Route::EmbedDossier { dossier: code, .. } => {
            html! { <DossierPage {code} /> }
        }
        Route::SignIn => html! { <SignInCallbackPage /> },
        Route::SignInPopup { ticket } => html! { <SignInPopupPage {ticket} /> },
        Route::Consent => html! { <ConsentPage /> },
        Route::DataUse => html! { <DataUsePage /> },
        Route::NotFound => html! { <NotFoundPage /> },
    }
}

/// The pages under the router; an embedded form with its agency's context (full app).
#[cfg(feature = "journey")]
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

/// The first-load app runs only for what goes straight to the full app: an embedded form, which
/// alone carries what a form on an agency's page does, and a kiosk, whose guard wipes the
/// browser after each resident. Every other page is `PublicApp`.
#[cfg(not(feature = "journey"))]
fn body(embed: Option<EmbedTarget>) -> Html {
    match embed {
        Some(_) => html! {
            <main class="app app--embedded" id="main-content">
                <crate::components::journey_loader::JourneyLoader />
            </main>
        },
        None => html! {
            <BrowserRouter>
                <Layout>
                    <crate::components::journey_loader::JourneyLoader />
                </Layout>
            </BrowserRouter>
        },
    }
}

#[derive(Debug, Clone, PartialEq, Properties)]
pub struct AppProps {
    /// Base address of the JSON API, e.g. `/api/v1`.
    pub api_base: AttrValue,
    /// Where the app learns its identity provider (`/api/v1/identity-provider`).
    pub identity: AttrValue,
    /// The session handed over by the first-load app to the journey module.
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

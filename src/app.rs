//! Routes and the providers every page relies on.

use yew::prelude::*;
use yew_router::prelude::*;

use crate::components::layout::Layout;
use crate::pages::{ConsentPage, HomePage, NotFoundPage, ProcedurePage, SignInCallbackPage};
#[cfg(feature = "journey")]
use crate::pages::{DataUsePage, DossierPage, FilingPage, MyDossiersPage, SignInPopupPage};
use crate::route::Route;
use crate::services::api::Api;
#[cfg(feature = "journey")]
use crate::state::embed::EmbedProvider;
use crate::state::embed::EmbedTarget;
use crate::state::prefs::PrefsProvider;
use crate::state::session::SessionProvider;

fn switch(route: Route) -> Html {
    match route {
        Route::Home => html! { <HomePage /> },
        Route::Procedure { code } => html! { <ProcedurePage {code} /> },
        #[cfg(feature = "journey")]
        Route::EmbedProcedure { code } => html! { <ProcedurePage {code} /> },
        #[cfg(feature = "journey")]
        Route::Filing { code, step } | Route::EmbedFiling { code, step } => {
            html! { <FilingPage {code} {step} /> }
        }
        #[cfg(feature = "journey")]
        Route::MyDossiers => html! { <MyDossiersPage /> },
        #[cfg(feature = "journey")]
        Route::Outbox => html! { <crate::pages::outbox::OutboxPage /> },
        #[cfg(feature = "journey")]
        Route::AgencyReview => html! { <crate::pages::review::ReviewPage /> },
        #[cfg(feature = "journey")]
        Route::Volunteer => html! { <crate::pages::help::VolunteerPage /> },
        #[cfg(feature = "journey")]
        Route::KioskSetup => html! { <crate::pages::kiosk::KioskSetupPage /> },
        #[cfg(feature = "journey")]
        Route::HelpJoin => html! { <crate::pages::help::JoinPage /> },
        #[cfg(feature = "journey")]
        Route::HelpOffer { code } => html! { <crate::pages::help::OfferPage {code} /> },
        #[cfg(feature = "journey")]
        Route::Dossier { code } | Route::EmbedDossier { dossier: code, .. } => {
            html! { <DossierPage {code} /> }
        }
        // The first-load bundle does not carry these pages: it loads them on demand.
        #[cfg(not(feature = "journey"))]
        Route::Filing { .. }
        | Route::SignInPopup { .. }
        | Route::EmbedProcedure { .. }
        | Route::EmbedFiling { .. }
        | Route::MyDossiers
        | Route::Outbox
        | Route::DataUse
        | Route::AgencyReview
        | Route::Volunteer
        | Route::KioskSetup
        | Route::HelpJoin
        | Route::HelpOffer { .. }
        | Route::Dossier { .. }
        | Route::EmbedDossier { .. } => {
            html! { <crate::components::journey_loader::JourneyLoader /> }
        }
        Route::SignIn => html! { <SignInCallbackPage /> },
        #[cfg(feature = "journey")]
        Route::SignInPopup { ticket } => html! { <SignInPopupPage {ticket} /> },
        Route::Consent => html! { <ConsentPage /> },
        #[cfg(feature = "journey")]
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
            </BrowserRouter>
        </EmbedProvider>
    }
}

/// The pages under the router. An embedded form goes straight to the full app, which alone
/// carries what a form embedded on an agency's page does.
#[cfg(not(feature = "journey"))]
fn body(embed: Option<EmbedTarget>) -> Html {
    match embed {
        Some(_) => html! {
            <main class="app app--embedded" id="main-content">
                <crate::components::journey_loader::JourneyLoader />
            </main>
        },
        // A kiosk runs the full app, whose guard wipes the browser after each resident.
        None if crate::state::kiosk::token().is_some() => html! {
            <BrowserRouter>
                <Layout>
                    <crate::components::journey_loader::JourneyLoader />
                </Layout>
            </BrowserRouter>
        },
        None => html! {
            <BrowserRouter>
                <Layout>
                    <Switch<Route> render={switch} />
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

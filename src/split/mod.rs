//! The parts of the app loaded on demand. The browser's build (feature `split`) marks each part's
//! entry point for wasm-split: `cargo xtask build` moves the code (and the constants) only that
//! entry reaches out of the first load into its own file, fetched and linked into the running
//! module the first time it is needed. The first load is the public pages; the whole app (`App`:
//! the embedded form's frame, the kiosk guard, the outbox runner…) is the part `app`, its pages
//! come in the parts `filing`, `dossiers`, `help` and `review`, and signing in and consent (which
//! the public pages' app shows too) in `account`. An entry hands back a plain function (the app's
//! `mount`, a part's renderer) the app then calls like any other, so a part already here runs at
//! once. Without `split` (the server, the tests) an entry is an ordinary call.

mod account;
mod full_app;
mod part_page;

use std::cell::RefCell;

use yew::prelude::*;

use crate::route::Route;

pub use account::Account;
pub use full_app::FullApp;
pub use part_page::PartPage;

/// Renders a part's pages.
type Render = fn(Route) -> Html;

/// Mounts the whole app, with the session and language the public pages' app hands over.
pub type Mount = fn(Option<(std::rc::Rc<str>, motlan_core::api::Me)>, Option<motlan_core::Lang>);

/// A part could not be fetched: offline, or the server did not answer. Asking again retries.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct NotLoaded;

#[cfg(feature = "split")]
impl From<wasm_split_helpers::SplitLoaderError> for NotLoaded {
    fn from(_: wasm_split_helpers::SplitLoaderError) -> Self {
        NotLoaded
    }
}

/// One part: `$entry` loads it and hands back `$value`, `$preload` only fetches it.
macro_rules! part {
    ($module:ident, $entry:ident, $preload:ident, $ty:ty, $value:expr) => {
        #[cfg(feature = "split")]
        #[wasm_split_helpers::wasm_split($module, fallible, preload($preload))]
        fn $entry() -> Result<$ty, NotLoaded> {
            Ok($value)
        }
        #[cfg(not(feature = "split"))]
        async fn $entry() -> Result<$ty, NotLoaded> {
            Ok($value)
        }
        #[cfg(not(feature = "split"))]
        async fn $preload() -> Result<(), NotLoaded> {
            Ok(())
        }
    };
}

part!(app, app_entry, preload_app, Mount, crate::mount);
part!(filing, filing_entry, preload_filing, Render, render_filing);
part!(
    dossiers,
    dossiers_entry,
    preload_dossiers,
    Render,
    render_dossiers
);
part!(help, help_entry, preload_help, Render, render_help);
part!(review, review_entry, preload_review, Render, render_review);
part!(
    account,
    account_entry,
    preload_account,
    Account,
    Account::new()
);

/// The whole app, loaded if it is not here yet.
pub async fn whole_app() -> Result<Mount, NotLoaded> {
    app_entry().await
}

/// Signing in and out, loaded if it is not here yet.
pub async fn account() -> Result<Account, NotLoaded> {
    account_entry().await
}

fn render_filing(route: Route) -> Html {
    match route {
        Route::Filing { code, step } | Route::EmbedFiling { code, step } => {
            html! { <crate::pages::FilingPage {code} {step} /> }
        }
        _ => Html::default(),
    }
}

fn render_dossiers(route: Route) -> Html {
    match route {
        Route::MyDossiers => html! { <crate::pages::MyDossiersPage /> },
        Route::Outbox => html! { <crate::pages::outbox::OutboxPage /> },
        Route::Dossier { code } | Route::EmbedDossier { dossier: code, .. } => {
            html! { <crate::pages::DossierPage {code} /> }
        }
        _ => Html::default(),
    }
}

fn render_help(route: Route) -> Html {
    match route {
        Route::Volunteer => html! { <crate::pages::help::VolunteerPage /> },
        Route::KioskSetup => html! { <crate::pages::kiosk::KioskSetupPage /> },
        Route::HelpJoin => html! { <crate::pages::help::JoinPage /> },
        Route::HelpOffer { code } => html! { <crate::pages::help::OfferPage {code} /> },
        _ => Html::default(),
    }
}

fn render_review(_: Route) -> Html {
    html! { <crate::pages::review::ReviewPage /> }
}

fn render_account(route: Route) -> Html {
    match route {
        Route::SignIn => html! { <crate::pages::SignInCallbackPage /> },
        Route::SignInPopup { ticket } => html! { <crate::pages::SignInPopupPage {ticket} /> },
        Route::Consent => html! { <crate::pages::ConsentPage /> },
        Route::DataUse => html! { <crate::pages::DataUsePage /> },
        _ => Html::default(),
    }
}

/// The parts, one per group of pages that are used together.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Part {
    Filing,
    Dossiers,
    Help,
    Review,
    /// Signing in (the return from the provider, the embedded form's popup), consent and the
    /// data-use receipt: one fetch more at sign-in, for a first load smaller for every visitor.
    Account,
}

impl Part {
    /// The part a route's page is in; `None`: a page of the first load or of `App` itself.
    pub fn of(route: &Route) -> Option<Self> {
        Some(match route {
            Route::Filing { .. } | Route::EmbedFiling { .. } => Self::Filing,
            Route::MyDossiers
            | Route::Outbox
            | Route::Dossier { .. }
            | Route::EmbedDossier { .. } => Self::Dossiers,
            Route::Volunteer | Route::KioskSetup | Route::HelpJoin | Route::HelpOffer { .. } => {
                Self::Help
            }
            Route::AgencyReview => Self::Review,
            Route::SignIn | Route::SignInPopup { .. } | Route::Consent | Route::DataUse => {
                Self::Account
            }
            _ => return None,
        })
    }

    fn index(self) -> usize {
        self as usize
    }

    async fn load(self) -> Result<Render, NotLoaded> {
        match self {
            Self::Filing => filing_entry().await,
            Self::Dossiers => dossiers_entry().await,
            Self::Help => help_entry().await,
            Self::Review => review_entry().await,
            Self::Account => account_entry().await.map(|a| a.render),
        }
    }

    /// Fetches the part ahead, with the whole app that shows it, where its pages are likely next
    /// (a procedure's page: the filing), unless the browser saves data. A failure is forgotten:
    /// opening the page asks again.
    pub fn preload(self) {
        if !saves_data() {
            self.fetch();
        }
    }

    /// Fetches the part and the whole app side by side, without waiting: the page about to
    /// open needs both.
    pub fn fetch(self) {
        wasm_bindgen_futures::spawn_local(async {
            let _ = preload_app().await;
        });
        wasm_bindgen_futures::spawn_local(async move {
            let _ = match self {
                Self::Filing => preload_filing().await,
                Self::Dossiers => preload_dossiers().await,
                Self::Help => preload_help().await,
                Self::Review => preload_review().await,
                Self::Account => preload_account().await,
            };
        });
    }
}

thread_local! {
    /// The renderers of the parts already here.
    static LOADED: RefCell<[Option<Render>; 5]> = const { RefCell::new([None; 5]) };
}

fn loaded(part: Part) -> Option<Render> {
    LOADED.with(|l| l.borrow()[part.index()])
}

/// Whether the browser asks to save data (`navigator.connection.saveData`, a phone's data saver).
fn saves_data() -> bool {
    let Some(window) = web_sys::window() else {
        return false;
    };
    js_sys::Reflect::get(&window.navigator(), &"connection".into())
        .ok()
        .filter(|c| c.is_object())
        .and_then(|c| js_sys::Reflect::get(&c, &"saveData".into()).ok())
        .and_then(|v| v.as_bool())
        .unwrap_or(false)
}

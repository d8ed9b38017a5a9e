//! The pages, one per route.

mod consent;
#[cfg(feature = "journey")]
mod data_use;
#[cfg(feature = "journey")]
mod dossier;
#[cfg(feature = "journey")]
mod filing;
#[cfg(feature = "journey")]
pub mod help;
mod home;
mod information;
#[cfg(feature = "journey")]
pub mod kiosk;
#[cfg(feature = "journey")]
mod my_dossiers;
mod not_found;
#[cfg(feature = "journey")]
pub mod outbox;
mod procedure;
#[cfg(feature = "journey")]
pub mod review;
mod sign_in;
#[cfg(feature = "journey")]
mod sign_in_popup;

#[cfg(feature = "journey")]
pub use consent::ConsentPage;
#[cfg(feature = "journey")]
pub use data_use::DataUsePage;
#[cfg(feature = "journey")]
pub use dossier::DossierPage;
#[cfg(feature = "journey")]
pub use filing::FilingPage;
pub use home::HomePage;
#[cfg(feature = "journey")]
pub use my_dossiers::MyDossiersPage;
pub use not_found::NotFoundPage;
pub use procedure::ProcedurePage;
#[cfg(feature = "journey")]
pub use sign_in::SignInCallbackPage;
#[cfg(feature = "journey")]
pub use sign_in_popup::SignInPopupPage;

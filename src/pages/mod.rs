mod consent;
mod data_use;
mod dossier;
mod filing;
mod home;
mod my_dossiers;
mod not_found;
mod procedure;
mod sign_in;

pub use consent::ConsentPage;
pub use data_use::DataUsePage;
pub use dossier::DossierPage;
pub use filing::{FilingPage, START};
pub use home::HomePage;
pub use my_dossiers::MyDossiersPage;
pub use not_found::NotFoundPage;
pub use procedure::ProcedurePage;
pub use sign_in::SignInCallbackPage;

mod consent;
mod data_use;
mod dossier;
mod home;
mod not_found;
mod procedure;
mod sign_in;

pub use consent::ConsentPage;
pub use data_use::DataUsePage;
pub use dossier::DossierPage;
pub use home::HomePage;
pub use not_found::NotFoundPage;
pub use procedure::ProcedurePage;
pub use sign_in::SignInCallbackPage;

mod dossier;
mod home;
mod not_found;
mod procedure;

pub use dossier::DossierPage;
pub use home::HomePage;
pub use not_found::NotFoundPage;
pub use procedure::ProcedurePage;

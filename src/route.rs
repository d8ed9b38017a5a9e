//! The app's addresses: one enum, so pages and components link to each other without
//! depending on the app that switches between them.

use yew_router::prelude::*;

/// Paths are Vietnamese, as citizens read and share them.
#[derive(Debug, Clone, PartialEq, Routable)]
pub enum Route {
    #[at("/")]
    Home,
    #[at("/thu-tuc/:code")]
    Procedure { code: String },
    /// One step of filing it (`bat-dau` resumes a draft or starts).
    #[at("/thu-tuc/:code/khai/:step")]
    Filing { code: String, step: String },
    #[at("/ho-so")]
    MyDossiers,
    #[at("/ho-so/:code")]
    Dossier { code: String },
    /// Where the identity provider sends the citizen back (`services::identity::CALLBACK_PATH`).
    #[at("/dang-nhap")]
    SignIn,
    #[at("/dong-y")]
    Consent,
    #[at("/nhat-ky-du-lieu")]
    DataUse,
    #[not_found]
    #[at("/404")]
    NotFound,
}

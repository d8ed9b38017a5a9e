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
    /// Dossiers waiting to be sent from this device (the connection was lost as they were filed).
    #[at("/ho-so-cho-gui")]
    Outbox,
    /// Where the identity provider sends the citizen back (`services::identity::CALLBACK_PATH`).
    #[at("/dang-nhap")]
    SignIn,
    #[at("/dong-y")]
    Consent,
    #[at("/nhat-ky-du-lieu")]
    DataUse,
    /// The popup an embedded form opens to sign in (the identity provider is never framed).
    #[at("/dang-nhap/cua-so/:ticket")]
    SignInPopup { ticket: String },
    /// A procedure's form embedded on an agency's site, and its steps and dossier there: the
    /// only addresses the server lets registered agencies frame.
    #[at("/nhung/:code")]
    EmbedProcedure { code: String },
    #[at("/nhung/:code/khai/:step")]
    EmbedFiling { code: String, step: String },
    #[at("/nhung/:code/ho-so/:dossier")]
    EmbedDossier { code: String, dossier: String },
    /// A volunteer's screen: open a help session, follow the resident's progress.
    #[at("/tinh-nguyen-vien")]
    Volunteer,
    /// Turns a commune-owned device into a kiosk (its device token from `cargo xtask kiosk add`).
    #[at("/may-dung-chung")]
    KioskSetup,
    /// Where a resident types the code of a help session.
    #[at("/ho-tro")]
    HelpJoin,
    /// A help offer, opened from its QR code: who helps, before any sign-in.
    #[at("/ho-tro/:code")]
    HelpOffer { code: String },
    /// The agency review: which listed papers the State already holds, per ministry and field.
    #[at("/co-quan/ra-soat")]
    AgencyReview,
    #[not_found]
    #[at("/404")]
    NotFound,
}

/// Where the procedure pages link, inside an embedded form (`embedded`: its procedure) or not:
/// inside, every address stays under `/nhung/…`, which the agency's page may frame.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Links {
    pub embedded: Option<String>,
}

impl Links {
    pub fn procedure(&self, code: &str) -> Route {
        match &self.embedded {
            Some(_) => Route::EmbedProcedure { code: code.into() },
            None => Route::Procedure { code: code.into() },
        }
    }

    pub fn filing(&self, code: &str, step: &str) -> Route {
        match &self.embedded {
            Some(_) => Route::EmbedFiling {
                code: code.into(),
                step: step.into(),
            },
            None => Route::Filing {
                code: code.into(),
                step: step.into(),
            },
        }
    }

    pub fn dossier(&self, procedure: &str, code: &str) -> Route {
        match &self.embedded {
            Some(_) => Route::EmbedDossier {
                code: procedure.into(),
                dossier: code.into(),
            },
            None => Route::Dossier { code: code.into() },
        }
    }
}

/// The value of `name` in a query string (`a=1&q=khai+sinh`), decoded as a form sends it.
pub fn query_param(query: &str, name: &str) -> Option<String> {
    form_urlencoded::parse(query.trim_start_matches('?').as_bytes())
        .find(|(key, _)| key == name)
        .map(|(_, value)| value.into_owned())
}

/// The `cursor` of a search address (`/?q=…&cursor=20`): a later page of the results, as the
/// plain link without the app asks for it; only a small number is taken.
pub fn search_cursor(query: &str) -> Option<String> {
    query_param(query, "cursor")
        .filter(|c| !c.is_empty() && c.len() < 8 && c.bytes().all(|b| b.is_ascii_digit()))
}

/// The query without its `lang` pair, re-encoded as a form sends it.
pub(crate) fn without_lang(query: &str) -> form_urlencoded::Serializer<'static, String> {
    let mut out = form_urlencoded::Serializer::new(String::new());
    for (key, value) in form_urlencoded::parse(query.trim_start_matches('?').as_bytes()) {
        if key != "lang" {
            out.append_pair(&key, &value);
        }
    }
    out
}

/// The query of this page in the language `tag` (`q=khai+sinh&lang=en`): the language switch is
/// a plain link, which the server follows when the app has not started (or never will).
pub fn with_lang(query: &str, tag: &str) -> String {
    let mut out = without_lang(query);
    out.append_pair("lang", tag);
    out.finish()
}

#[cfg(test)]
mod tests {
    use super::query_param;

    #[test]
    fn the_language_link_keeps_the_rest_of_the_query() {
        assert_eq!(super::with_lang("", "en"), "lang=en");
        assert_eq!(
            super::with_lang("q=khai+sinh&lang=vi&cursor=20", "en"),
            "q=khai+sinh&cursor=20&lang=en"
        );
    }

    #[test]
    fn query_values_are_decoded() {
        assert_eq!(
            query_param("q=khai+sinh", "q").as_deref(),
            Some("khai sinh")
        );
        assert_eq!(
            query_param("?lang=en&q=%C4%91%C4%83ng+k%C3%BD", "q").as_deref(),
            Some("đăng ký")
        );
        assert_eq!(query_param("q=100%", "q").as_deref(), Some("100%"));
        assert_eq!(query_param("q=%zz", "q").as_deref(), Some("%zz"));
        assert_eq!(query_param("q", "q").as_deref(), Some(""));
        assert_eq!(query_param("x=1", "q"), None);
        assert_eq!(super::search_cursor("q=a&cursor=20").as_deref(), Some("20"));
        assert_eq!(super::search_cursor("q=a&cursor=2x"), None);
        assert_eq!(super::search_cursor("q=a&cursor=123456789"), None);
    }
}

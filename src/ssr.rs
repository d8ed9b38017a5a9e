//! Server-side rendering of the public pages (feature `ssr`, used by the server): which page an
//! address is, the API answers it is rendered from, and its HTML, made by the very components
//! the first-load app then takes over (`PublicApp`, hydration).

use std::collections::HashMap;

use motlan_core::Lang;
use motlan_core::api::{ProcedureInformation, ProcedureOverview};
use yew_router::Routable as _;

use crate::public_app::{PublicApp, PublicAppProps};
use crate::route::{Route, query_param, search_cursor};
use crate::services::paths::{information_path, procedure_path, procedures_path};
use crate::services::preload::{Answer, Preloaded};

/// A public page to render: its route, its address, and the API answers it needs.
#[derive(Debug, Clone)]
pub struct Plan {
    route: Route,
    url: String,
    /// `GET` paths of the API, relative to its base.
    pub requests: Vec<String>,
}

/// A language chosen with the switch's plain link (`?lang=en`): the language, and the query to
/// go back to without it.
pub fn language_choice(query: &str) -> Option<(Lang, String)> {
    let lang = match query_param(query, "lang")?.as_str() {
        "vi" => Lang::Vi,
        "en" => Lang::En,
        _ => return None,
    };
    Some((lang, crate::route::without_lang(query).finish()))
}

/// The public page at `path?query`; `None` for the app's other addresses (filing, a dossier,
/// sign-in…), which the server answers with the app's shell.
pub fn plan(path: &str, query: &str) -> Option<Plan> {
    let route = Route::recognize(path)?;
    let requests = match &route {
        Route::Home => vec![procedures_path(
            &query_param(query, "q").unwrap_or_default(),
            search_cursor(query).as_deref(),
        )],
        Route::Procedure { code } => vec![information_path(code), procedure_path(code)],
        Route::NotFound => Vec::new(),
        _ => return None,
    };
    let url = if query.is_empty() {
        path.to_owned()
    } else {
        format!("{path}?{query}")
    };
    Some(Plan {
        route,
        url,
        requests,
    })
}

/// A rendered page: the app's HTML, the answers to hand to the app, the document's title and
/// the HTTP status.
#[derive(Debug)]
pub struct Page {
    pub html: String,
    pub answers: HashMap<String, Answer>,
    pub title: String,
    pub status: u16,
    /// A procedure with a form here: filing is likely next, so its parts may be fetched ahead.
    pub fileable: bool,
    /// What the page is about, for search engines and shared links (`<meta name=description>`).
    pub description: Option<String>,
}

/// The description of a procedure without a form here (server-only text: the app never shows it).
fn information_description(lang: Lang, name: &str) -> String {
    match lang {
        Lang::Vi => format!(
            "{name}: cơ quan thực hiện, thời hạn, lệ phí và giấy tờ cần chuẩn bị; giấy tờ Nhà nước đã có được đánh dấu."
        ),
        Lang::En => format!(
            "{name}: who handles it, time, fees and the papers to prepare; papers the State already holds are marked."
        ),
    }
}

/// Renders `plan` in `lang` from the API's `answers` (one per `plan.requests`).
pub async fn render(
    plan: Plan,
    lang: Lang,
    mut answers: HashMap<String, Answer>,
    api_base: String,
    identity: String,
) -> Page {
    let t = crate::i18n::strings(lang);
    let not_found = format!("{} – {}", t.not_found_title, t.app_name);
    let (mut fileable, mut description) = (false, None);
    let (title, status) = match &plan.route {
        Route::Procedure { code } => {
            let information = answers.get(&information_path(code));
            let status = information.map_or(502, |a| a.status);
            let read = information
                .filter(|a| a.status == 200)
                .and_then(|a| serde_json::from_str::<ProcedureInformation>(a.body.get()).ok());
            // Only a procedure with a form here reads its definition.
            fileable = read.as_ref().is_some_and(|info| info.online_form);
            if !fileable {
                answers.remove(&procedure_path(code));
            }
            description = match (&read, answers.get(&procedure_path(code))) {
                (Some(_), Some(overview)) if fileable => {
                    serde_json::from_str::<ProcedureOverview>(overview.body.get())
                        .ok()
                        .map(|o| o.summary.get(lang).to_owned())
                }
                (Some(info), _) => Some(information_description(lang, info.name.get(lang))),
                (None, _) => None,
            };
            let title = read.map_or(not_found, |info| {
                format!("{} – {}", info.name.get(lang), t.app_name)
            });
            (title, status)
        }
        Route::NotFound => (not_found, 404),
        // A search the API refused (too long, say) shows its error with the API's status.
        _ => (
            format!("{}: {}", t.app_name, t.home_title),
            answers.values().map(|a| a.status).max().unwrap_or(200),
        ),
    };
    let (url, handed) = (plan.url, answers.clone());
    let html = yew::ServerRenderer::<PublicApp>::with_props(move || PublicAppProps {
        url: Some(url.into()),
        ..PublicAppProps::new(
            api_base.into(),
            identity.into(),
            lang,
            Preloaded::new(handed),
        )
    })
    .hydratable(true)
    .render()
    .await;
    Page {
        html,
        answers,
        title,
        status,
        fileable,
        description,
    }
}

#[cfg(test)]
mod tests {
    use super::plan;

    #[test]
    fn a_language_followed_as_a_link_is_read_and_taken_off_the_query() {
        use motlan_core::Lang;
        assert_eq!(
            super::language_choice("q=khai+sinh&cursor=20&lang=en"),
            Some((Lang::En, "q=khai+sinh&cursor=20".to_owned()))
        );
        assert_eq!(
            super::language_choice("lang=vi"),
            Some((Lang::Vi, String::new()))
        );
        assert_eq!(super::language_choice("lang=fr&q=a"), None);
        assert_eq!(super::language_choice("q=a"), None);
    }

    #[test]
    fn public_addresses_are_planned_and_app_addresses_are_not() {
        let home = plan("/", "q=khai+sinh").expect("home");
        assert_eq!(home.requests, ["/procedures?limit=20&q=khai%20sinh"]);
        let later = plan("/", "q=giay&cursor=20").expect("a later page");
        assert_eq!(later.requests, ["/procedures?limit=20&q=giay&cursor=20"]);
        let procedure = plan("/thu-tuc/1.001193", "").expect("procedure");
        assert_eq!(
            procedure.requests,
            ["/procedures/1.001193/information", "/procedures/1.001193"]
        );
        assert!(
            plan("/khong-co", "")
                .expect("not found")
                .requests
                .is_empty()
        );
        assert!(plan("/thu-tuc/1.001193/khai/bat-dau", "").is_none());
        assert!(plan("/dang-nhap", "").is_none());
        assert!(plan("/ho-so/abc", "").is_none());
    }
}

//! The public pages rendered on the server: search (`/`, `/?q=…`), every procedure
//! (`/thu-tuc/{code}`) and the not-found page arrive as complete HTML, readable and usable
//! (search is a plain `GET` form) before and without the WebAssembly app, which then takes the
//! page over in place (hydration). The pages are the web app's own components
//! (`motlan_web::ssr`), rendered from the API's own answers, asked in-process without any
//! credentials; the answers go into the page so the app starts from the same data. A browser
//! saving data (`Save-Data: on`) gets these pages without the app (unless it is a kiosk): links
//! and the search form work as they are, and the app loads on the first page that needs it.
//! Every other address of the app gets its shell, `index.html`.

use std::collections::HashMap;
use std::path::Path;
use std::sync::Arc;

use axum::Router;
use axum::body::Body;
use axum::extract::{Request, State};
use axum::http::{Method, StatusCode, header};
use axum::response::{Html, IntoResponse, Response};
use motlan_core::Lang;
use motlan_web::Answer;
use tower::ServiceExt as _;
use tower_http::services::ServeFile;

use crate::AppState;

/// Where the app's element opens and its placeholder starts and ends in `index.html`.
const MOUNT_OPEN: &str = "<div id=\"motlan\"";
const PAGE_START: &str = "<!--motlan-page-->";
const PAGE_END: &str = "<!--/motlan-page-->";
/// Where the app's fetches ahead start and end in the built `index.html` (`cargo xtask build`).
const APP_START: &str = "<!--motlan-app-->";
const APP_END: &str = "<!--/motlan-app-->";

#[derive(Clone)]
struct Pages {
    /// `index.html` prepared once for rendering (none without a built app).
    template: Option<Arc<Template>>,
    /// The API, asked in-process for the answers a page is made of.
    api: Router,
    /// `index.html` of the built app, served as is for the app's other addresses.
    shell: ServeFile,
}

/// The pages, for the addresses that are not files of the built app.
pub fn router(state: AppState, static_dir: &Path) -> Router {
    let pages = Pages {
        api: crate::routes::router().with_state(state.clone()),
        shell: ServeFile::new(static_dir.join("index.html"))
            .precompressed_br()
            .precompressed_gzip(),
        template: state
            .shell
            .index
            .as_deref()
            .map(|t| Arc::new(Template::new(t, &filing_files(static_dir)))),
    };
    Router::new()
        .fallback(page)
        .with_state(pages)
        .layer(axum::middleware::from_fn_with_state(
            state,
            crate::security::limit_by_address,
        ))
}

async fn page(State(pages): State<Pages>, request: Request) -> Response {
    let uri = request.uri().clone();
    let template = pages.template.as_deref();
    let readable = matches!(*request.method(), Method::GET | Method::HEAD);
    if readable && let Some(back) = crate::page_language::chosen(&uri) {
        return back;
    }
    let plan = readable
        .then(|| motlan_web::ssr::plan(uri.path(), uri.query().unwrap_or_default()))
        .flatten();
    let (Some(plan), Some(template)) = (plan, template) else {
        let Ok(response) = pages.shell.oneshot(request).await;
        return response.into_response();
    };
    let lang = crate::page_language::language(request.headers());
    let mut answers = HashMap::new();
    for path in &plan.requests {
        answers.insert(path.clone(), ask(&pages.api, path).await);
    }
    let page = motlan_web::ssr::render(
        plan,
        lang,
        answers,
        "/api/v1".to_owned(),
        "/api/v1/identity-provider".to_owned(),
    )
    .await;
    let status = StatusCode::from_u16(page.status).unwrap_or(StatusCode::OK);
    // A browser saving data (`Save-Data: on`, a phone's data saver) gets the page alone: it is
    // complete without the app, which (about 260 KB) loads only on a page that needs it (or on
    // a kiosk, whose guard must run on every page), and the filing (about 200 KB more) is not
    // fetched ahead.
    let saving = request
        .headers()
        .get("save-data")
        .is_some_and(|v| v.as_bytes().eq_ignore_ascii_case(b"on"));
    let html = assemble(template, &page, lang, !saving);
    let vary = [(header::VARY, "Accept-Language, Cookie, Save-Data")];
    (status, vary, Html(html)).into_response()
}

/// The API's answer to `GET path`, as the app would have received it.
async fn ask(api: &Router, path: &str) -> Answer {
    let failed = Answer::new(502, "null".to_owned());
    let Ok(request) = axum::http::Request::get(path).body(Body::empty()) else {
        return failed;
    };
    let Ok(response) = api.clone().oneshot(request).await;
    let status = response.status().as_u16();
    match axum::body::to_bytes(response.into_body(), 8 << 20).await {
        Ok(bytes) => Answer::new(status, String::from_utf8_lossy(&bytes).into_owned()),
        Err(_) => failed,
    }
}

/// `index.html` as every rendered page starts from, prepared once: without the WebAssembly
/// file's preload (on a slow connection the page's own bytes come first), cut at the places each
/// page writes its own text, and with the filing's prefetch links ready.
struct Template {
    /// The text before each place, in order; then `tail`.
    pieces: Vec<(String, Slot)>,
    tail: String,
    /// `<link rel=prefetch>` of the files a filing needs beyond the first load.
    prefetch: Option<String>,
}

/// A place in the template where a page writes its own text.
enum Slot {
    /// The value of `<html lang="…">`.
    Lang,
    /// The text of `<title>`.
    Title,
    /// The content of `<meta name="description">`: the template's own, kept for a page without one.
    Description(String),
    /// Before `</head>`: the filing's prefetch links, for a procedure with a form.
    Prefetch,
    /// After `<html`: `data-lite` for a browser saving data, which the app's loader reads (it
    /// starts the app there on a kiosk only).
    Lite,
    /// The app's fetches ahead (between the app markers, markers left out), for a browser not
    /// saving data.
    App(String),
    /// After `<div id="motlan"`: `data-ssr`, for the app to take the page over.
    Ssr,
    /// The placeholder between the page markers, markers included: the rendered page.
    Page,
    /// Before `</body>`: the answers the page was rendered with.
    Answers,
}

impl Template {
    /// `filing`: the files a filing needs beyond the first load (`filing_files`).
    fn new(index: &str, filing: &[String]) -> Self {
        let mut html = String::with_capacity(index.len());
        let mut rest = index;
        while let Some(start) = rest.find("<link rel=\"preload\"") {
            let end = rest[start..]
                .find('>')
                .map_or(rest.len(), |i| start + i + 1);
            html.push_str(&rest[..start]);
            if !rest[start..end].contains(".wasm") {
                html.push_str(&rest[start..end]);
            }
            rest = &rest[end..];
        }
        html.push_str(rest);
        // Fetched with `fetch()` (CORS, same-origin credentials) when the part loads.
        let prefetch = (!filing.is_empty()).then(|| {
            filing
                .iter()
                .map(|href| {
                    format!(
                        "<link rel=\"prefetch\" href=\"{href}\" as=\"fetch\" crossorigin=\"anonymous\">"
                    )
                })
                .collect::<String>()
        });
        let at = |mark: &str| html.find(mark).map(|i| (i, i));
        let after = |mark: &str| html.find(mark).map(|i| (i + mark.len(), i + mark.len()));
        let description = between(&html, "<meta name=\"description\" content=\"", "\"");
        let app = between(&html, APP_START, APP_END);
        let mut slots: Vec<((usize, usize), Slot)> = [
            (after("<html"), Slot::Lite),
            (between(&html, "<html lang=\"", "\""), Slot::Lang),
            (between(&html, "<title>", "</title>"), Slot::Title),
            (
                description,
                Slot::Description(
                    description.map_or_else(String::new, |(s, e)| html[s..e].to_owned()),
                ),
            ),
            (at("</head>"), Slot::Prefetch),
            (
                app.map(|(s, e)| (s - APP_START.len(), e + APP_END.len())),
                Slot::App(app.map_or_else(String::new, |(s, e)| html[s..e].to_owned())),
            ),
            (after(MOUNT_OPEN), Slot::Ssr),
            (
                between(&html, PAGE_START, PAGE_END)
                    .map(|(s, e)| (s - PAGE_START.len(), e + PAGE_END.len())),
                Slot::Page,
            ),
            (at("</body>"), Slot::Answers),
        ]
        .into_iter()
        .filter_map(|(range, slot)| Some((range?, slot)))
        .collect();
        slots.sort_by_key(|((start, _), _)| *start);
        let mut pieces = Vec::with_capacity(slots.len());
        let mut done = 0;
        for ((start, end), slot) in slots {
            // A place inside another (a template gone wrong) is left as it is.
            if start >= done {
                pieces.push((html[done..start].to_owned(), slot));
                done = end;
            }
        }
        Self {
            tail: html[done..].to_owned(),
            pieces,
            prefetch,
        }
    }
}

/// The template with the rendered page in the app's element, its title, description and
/// language; and, `with_app`, the app's fetches ahead, the answers the page was made from (for
/// the app to take it over: `data-ssr`) and, for a procedure with a form, the filing's prefetch
/// links; else `<html data-lite>`, on which the app's loader starts the app on a kiosk only.
/// One pass, no search: the places were found when the template was prepared.
fn assemble(
    template: &Template,
    page: &motlan_web::ssr::Page,
    lang: Lang,
    with_app: bool,
) -> String {
    // The answers are for the app to take the page over: none without it.
    let answers = with_app.then(|| motlan_web::to_script_json(&page.answers));
    let mut out = String::with_capacity(
        template.tail.len() + page.html.len() + answers.as_ref().map_or(0, String::len) + 4 * 1024,
    );
    for (text, slot) in &template.pieces {
        out.push_str(text);
        match slot {
            Slot::Lang => out.push_str(lang.tag()),
            Slot::Title => out.push_str(&crate::html::escape(&page.title)),
            Slot::Description(own) => match &page.description {
                Some(description) => out.push_str(&crate::html::escape(description)),
                None => out.push_str(own),
            },
            // A procedure with a form: the filing is fetched at idle, before the app runs.
            Slot::Prefetch => {
                if let Some(links) = template
                    .prefetch
                    .as_deref()
                    .filter(|_| page.fileable && with_app)
                {
                    out.push_str(links);
                }
            }
            Slot::Lite if !with_app => out.push_str(" data-lite"),
            Slot::Lite => {}
            Slot::App(ahead) => {
                if with_app {
                    out.push_str(ahead);
                }
            }
            Slot::Ssr if !with_app => {}
            Slot::Ssr => out.push_str(" data-ssr"),
            Slot::Page => out.push_str(&page.html),
            Slot::Answers => {
                if let Some(answers) = &answers {
                    out.push_str("<script type=\"application/json\" id=\"");
                    out.push_str(motlan_web::PRELOAD_ID);
                    out.push_str("\">");
                    out.push_str(answers);
                    out.push_str("</script>\n  ");
                }
            }
        }
    }
    out.push_str(&template.tail);
    out
}

/// The files a filing needs beyond the first load: the whole app's part and the filing's, with
/// the chunks they share. None without the build's list.
fn filing_files(static_dir: &Path) -> Vec<String> {
    crate::parts::Parts::read(static_dir).map_or_else(Vec::new, |p| p.addresses(&["app", "filing"]))
}

/// The text between the first `open` and the next `close` after it, as a byte range.
fn between(html: &str, open: &str, close: &str) -> Option<(usize, usize)> {
    let start = html.find(open)? + open.len();
    Some((start, start + html[start..].find(close)?))
}

//! Một Lần citizen web app (Yew, WebAssembly).
//!
//! The app mounts into its own element (`#motlan`) rather than taking over `<body>`, and reads the
//! API address (`data-api-base`) and the identity provider (`data-identity`) from that element,
//! so an agency can embed it in its own page.

// The first-load bundle (without `journey`) compiles the shared services and strings whose only
// users are the journey pages, loaded on demand; the full build uses them all.
#![cfg_attr(not(feature = "journey"), allow(dead_code))]

mod app;
mod components;
mod hooks;
mod i18n;
mod pages;
mod route;
mod services;
mod state;

#[cfg(all(test, target_arch = "wasm32"))]
mod browser_tests;

pub use app::App;

/// Id of the element the app renders into.
pub const MOUNT_ID: &str = "motlan";

thread_local! {
    /// The running app, so the first-load app can give the page over to the journey module.
    static APP: std::cell::RefCell<Option<yew::AppHandle<App>>> = const { std::cell::RefCell::new(None) };
}

/// The few lines of plain JavaScript the first load needs beside the app: registering the service
/// worker and prefetching the journey module. Written in JavaScript so the bundle carries no
/// WebAssembly bindings for them.
#[wasm_bindgen::prelude::wasm_bindgen(inline_js = r#"
export function register_worker() {
  if ('serviceWorker' in navigator && location.protocol.startsWith('http') && window.top === window.self) {
    navigator.serviceWorker.register('/sw.js').catch(() => {});
  }
}
export function prefetch_journey() {
  const url = document.getElementById('motlan')?.getAttribute('data-journey');
  if (!url) return;
  for (const [href, as] of [[url, 'script'], [url.replace('motlan-journey.js', 'motlan-journey_bg.wasm'), 'fetch']]) {
    if (document.querySelector(`link[rel=prefetch][href="${href}"]`)) continue;
    const link = Object.assign(document.createElement('link'), { rel: 'prefetch', href, as, crossOrigin: 'anonymous' });
    document.head.append(link);
  }
}
"#)]
extern "C" {
    /// Registers `/sw.js` (written by `cargo xtask build`): the app shell opens offline. Not in a
    /// frame: an embedded form lives on the agency's page, which has its own ways.
    fn register_worker();
    /// Fetches the journey module at idle priority (see `components::journey_loader::prefetch`).
    pub(crate) fn prefetch_journey();
}

/// Mounts the app into `#motlan` (or `<body>` when the host page has no such element).
pub fn start() {
    register_worker();
    mount(None, None);
}

/// Stops the running app (the journey module takes the page over).
pub fn stop() {
    if let Some(app) = APP.with(|a| a.borrow_mut().take()) {
        app.destroy();
    }
}

/// Entry point of the on-demand journey module: mounts the full app with the session and
/// language the first-load app had, so the citizen stays signed in (the token is passed in
/// memory, never through storage).
#[cfg(feature = "journey-module")]
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn start_with(token: String, me: String, lang: String) {
    let session = serde_json::from_str::<motlan_core::api::Me>(&me)
        .ok()
        .filter(|_| !token.is_empty())
        .map(|me| (std::rc::Rc::<str>::from(token), me));
    let lang = if lang == "en" {
        motlan_core::Lang::En
    } else {
        motlan_core::Lang::Vi
    };
    mount(session, Some(lang));
}

/// Mounts the app; `lang` is the language handed over (an embedded form's own comes first).
fn mount(
    session: Option<(std::rc::Rc<str>, motlan_core::api::Me)>,
    lang: Option<motlan_core::Lang>,
) {
    let document = web_sys::window().and_then(|w| w.document());
    let root = document
        .as_ref()
        .and_then(|d| d.get_element_by_id(MOUNT_ID));
    let embed = state::embed::EmbedTarget::detect(root.as_ref());
    let props = app::AppProps {
        api_base: root
            .as_ref()
            .and_then(|el| el.get_attribute("data-api-base"))
            .unwrap_or_else(|| "/api/v1".to_owned())
            .into(),
        identity: root
            .as_ref()
            .and_then(|el| el.get_attribute("data-identity"))
            .unwrap_or_else(|| "/api/v1/identity-provider".to_owned())
            .into(),
        session,
        // An embedded form speaks the language its snippet asks for.
        lang: embed
            .as_ref()
            .and_then(state::embed::EmbedTarget::requested_lang)
            .or(lang)
            .unwrap_or_else(state::prefs::initial_lang),
        embed,
    };
    let app = match root {
        Some(root) => {
            root.set_inner_html("");
            yew::Renderer::<App>::with_root_and_props(root, props).render()
        }
        None => yew::Renderer::<App>::with_props(props).render(),
    };
    APP.with(|a| *a.borrow_mut() = Some(app));
}

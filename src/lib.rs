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
pub mod public_app;
mod route;
mod services;
#[cfg(feature = "ssr")]
pub mod ssr;
mod state;

#[cfg(all(test, target_arch = "wasm32"))]
mod browser_tests;

pub use app::App;
pub use route::Route;
pub use services::preload::{Answer, PRELOAD_ID, Preloaded, to_script_json};

/// Id of the element the app renders into.
pub const MOUNT_ID: &str = "motlan";

thread_local! {
    /// The running app, so the first-load app can give the page over to the journey module.
    static APP: std::cell::RefCell<Option<yew::AppHandle<App>>> = const { std::cell::RefCell::new(None) };
    /// The public pages' app, when it runs instead.
    static PUBLIC: std::cell::RefCell<Option<yew::AppHandle<public_app::PublicApp>>> = const { std::cell::RefCell::new(None) };
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
  if (!url || navigator.connection?.saveData) return;
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
    /// Fetches the journey module at idle priority (see `components::journey_loader::prefetch`),
    /// unless the browser saves data.
    pub(crate) fn prefetch_journey();
}

/// Mounts the app into `#motlan` (or `<body>` when the host page has no such element).
pub fn start() {
    register_worker();
    if !start_public() {
        mount(None, None);
    }
}

/// Stops the running app (the journey module takes the page over).
pub fn stop() {
    if let Some(app) = APP.with(|a| a.borrow_mut().take()) {
        app.destroy();
    }
    if let Some(app) = PUBLIC.with(|a| a.borrow_mut().take()) {
        app.destroy();
    }
}

/// The first-load bundle on a page of its own (not embedded, not a kiosk): the public app,
/// taking over the page the server rendered (`data-ssr` on the app's element) without
/// replacing it, so nothing moves and focus and typed text stay. `false`: not for it.
fn start_public() -> bool {
    if cfg!(feature = "journey") || state::kiosk::token().is_some() {
        return false;
    }
    let document = web_sys::window().and_then(|w| w.document());
    let Some(root) = document
        .as_ref()
        .and_then(|d| d.get_element_by_id(MOUNT_ID))
    else {
        return false;
    };
    if state::embed::EmbedTarget::detect(Some(&root)).is_some() {
        return false;
    }
    let preloaded = document
        .as_ref()
        .and_then(|d| d.get_element_by_id(PRELOAD_ID))
        .and_then(|script| script.text_content())
        .map_or_else(Default::default, |json| Preloaded::parse(&json));
    let server_rendered = root.has_attribute("data-ssr");
    // A rendered page is taken over in the language it was rendered in.
    let lang = if server_rendered {
        state::prefs::rendered_lang()
    } else {
        state::prefs::initial_lang()
    };
    let props = public_app::PublicAppProps::new(
        api_base(Some(&root)),
        identity(Some(&root)),
        lang,
        preloaded,
    );
    let renderer = yew::Renderer::<public_app::PublicApp>::with_root_and_props(root.clone(), props);
    let app = if server_rendered {
        hydrate(renderer)
    } else {
        root.set_inner_html("");
        renderer.render()
    };
    PUBLIC.with(|a| *a.borrow_mut() = Some(app));
    true
}

/// Where the API is: `data-api-base` on the app's element.
fn api_base(root: Option<&web_sys::Element>) -> yew::AttrValue {
    root.and_then(|el| el.get_attribute("data-api-base"))
        .unwrap_or_else(|| "/api/v1".to_owned())
        .into()
}

/// Where the app learns its identity provider: `data-identity` on the app's element.
fn identity(root: Option<&web_sys::Element>) -> yew::AttrValue {
    root.and_then(|el| el.get_attribute("data-identity"))
        .unwrap_or_else(|| "/api/v1/identity-provider".to_owned())
        .into()
}

#[cfg(feature = "hydration")]
fn hydrate(
    renderer: yew::Renderer<public_app::PublicApp>,
) -> yew::AppHandle<public_app::PublicApp> {
    hooks::use_hydrated::set_hydrating(true);
    renderer.hydrate()
}

/// Built without hydration, the app renders the page afresh.
#[cfg(not(feature = "hydration"))]
fn hydrate(
    renderer: yew::Renderer<public_app::PublicApp>,
) -> yew::AppHandle<public_app::PublicApp> {
    renderer.render()
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
        api_base: api_base(root.as_ref()),
        identity: identity(root.as_ref()),
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

//! Một Lần citizen web app (Yew, WebAssembly).
//!
//! The app mounts into its own element (`#motlan`) rather than taking over `<body>`, and reads the
//! API address (`data-api-base`) and the identity provider (`data-identity`) from that element,
//! so an agency can embed it in its own page.

// The server's build (without `journey`) compiles the shared services and strings whose only
// users are the journey pages; the browser's build uses them all.
#![cfg_attr(not(feature = "journey"), allow(dead_code))]

#[cfg(feature = "journey")]
mod app;
mod components;
mod hooks;
mod i18n;
mod pages;
pub mod public_app;
mod route;
mod services;
#[cfg(feature = "journey")]
mod split;
#[cfg(feature = "ssr")]
pub mod ssr;
mod state;

#[cfg(all(test, target_arch = "wasm32"))]
mod browser_tests;

#[cfg(feature = "journey")]
pub use app::App;
pub use route::Route;
pub use services::preload::{Answer, PRELOAD_ID, Preloaded, to_script_json};

/// Id of the element the app renders into.
pub const MOUNT_ID: &str = "motlan";

#[cfg(feature = "journey")]
thread_local! {
    /// The running app, so the public pages' app can give the page over to it.
    static APP: std::cell::RefCell<Option<yew::AppHandle<App>>> = const { std::cell::RefCell::new(None) };
    /// The public pages' app, when it runs instead.
    static PUBLIC: std::cell::RefCell<Option<yew::AppHandle<public_app::PublicApp>>> = const { std::cell::RefCell::new(None) };
}

/// Registers the service worker: written in JavaScript so the bundle carries no WebAssembly
/// bindings for it.
#[cfg(feature = "journey")]
#[wasm_bindgen::prelude::wasm_bindgen(inline_js = r#"
export function register_worker() {
  if ('serviceWorker' in navigator && location.protocol.startsWith('http') && window.top === window.self) {
    navigator.serviceWorker.register('/sw.js').catch(() => {});
  }
}
"#)]
extern "C" {
    /// Registers `/sw.js` (written by `cargo xtask build`): the app shell opens offline. Not in a
    /// frame: an embedded form lives on the agency's page, which has its own ways.
    fn register_worker();
}

/// Starts the app in `#motlan` (or `<body>` when the host page has no such element): the public
/// pages' app on a page of its own, the whole app for an embedded form or a kiosk.
#[cfg(feature = "journey")]
pub fn start() {
    register_worker();
    if !start_public() {
        // The page's own part comes side by side with the app, not after it.
        let path = web_sys::window().and_then(|w| w.location().pathname().ok());
        if let Some(part) = path
            .and_then(|p| <Route as yew_router::Routable>::recognize(&p))
            .as_ref()
            .and_then(split::Part::of)
        {
            part.fetch();
        }
        wasm_bindgen_futures::spawn_local(async {
            match split::whole_app().await {
                Ok(mount) => mount(None, None),
                Err(_) => not_loaded(),
            }
        });
    }
}

/// A filing is likely next (a procedure's page with a form): its part is fetched ahead.
#[cfg(feature = "journey")]
pub(crate) fn filing_likely() {
    split::Part::Filing.preload();
}

/// Sends the citizen to the identity provider, to come back to `return_to`. The browser's build
/// brings the code that talks to the provider with the part `account`; an error: the part, the
/// provider or the network did not answer.
pub(crate) async fn sign_in(identity: yew::AttrValue, return_to: String) -> Result<(), ()> {
    #[cfg(feature = "journey")]
    {
        let account = split::account().await.map_err(|_| ())?;
        (account.sign_in)(identity, return_to).await
    }
    #[cfg(not(feature = "journey"))]
    {
        services::identity::start(&identity, &return_to)
            .await
            .map_err(|_| ())
    }
}

/// After signing out here, ends the citizen's session at the provider too (see
/// `services::identity::end_session`); with the part `account`, like signing in.
pub(crate) async fn end_provider_session(identity: yew::AttrValue, token: std::rc::Rc<str>) {
    #[cfg(feature = "journey")]
    if let Ok(account) = split::account().await {
        (account.end_session)(identity, token).await;
    }
    #[cfg(not(feature = "journey"))]
    services::identity::end_session(&identity, &token).await;
}

/// The whole app could not be fetched (offline before it was ever loaded): the page says so in
/// place of "loading", announced at once; reloading tries again.
#[cfg(feature = "journey")]
fn not_loaded() {
    let t = i18n::strings(state::prefs::initial_lang());
    if let Some(root) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id(MOUNT_ID))
    {
        root.set_text_content(Some(t.load_failed));
        let _ = root.set_attribute("role", "alert");
    }
}

/// Stops the running app (the whole app takes the page over from the public one).
#[cfg(feature = "journey")]
pub(crate) fn stop() {
    if let Some(app) = APP.with(|a| a.borrow_mut().take()) {
        app.destroy();
    }
    if let Some(app) = PUBLIC.with(|a| a.borrow_mut().take()) {
        app.destroy();
    }
}

/// On a page of its own (not embedded, not a kiosk): the public app, taking over the page the
/// server rendered (`data-ssr` on the app's element) without replacing it, so nothing moves and
/// focus and typed text stay. `false`: not for it.
#[cfg(feature = "journey")]
fn start_public() -> bool {
    if state::kiosk::token().is_some() {
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
#[cfg(feature = "journey")]
fn api_base(root: Option<&web_sys::Element>) -> yew::AttrValue {
    root.and_then(|el| el.get_attribute("data-api-base"))
        .unwrap_or_else(|| "/api/v1".to_owned())
        .into()
}

/// Where the app learns its identity provider: `data-identity` on the app's element.
#[cfg(feature = "journey")]
fn identity(root: Option<&web_sys::Element>) -> yew::AttrValue {
    root.and_then(|el| el.get_attribute("data-identity"))
        .unwrap_or_else(|| "/api/v1/identity-provider".to_owned())
        .into()
}

#[cfg(all(feature = "journey", feature = "hydration"))]
fn hydrate(
    renderer: yew::Renderer<public_app::PublicApp>,
) -> yew::AppHandle<public_app::PublicApp> {
    hooks::use_hydrated::set_hydrating(true);
    renderer.hydrate()
}

/// Built without hydration, the app renders the page afresh.
#[cfg(all(feature = "journey", not(feature = "hydration")))]
fn hydrate(
    renderer: yew::Renderer<public_app::PublicApp>,
) -> yew::AppHandle<public_app::PublicApp> {
    renderer.render()
}

/// Mounts the whole app; `session` and `lang` are the public app's, handed over (an embedded
/// form's own language comes first).
#[cfg(feature = "journey")]
pub(crate) fn mount(
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

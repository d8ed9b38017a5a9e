//! Một Lần citizen web app (Yew, WebAssembly).
//!
//! The app mounts into its own element (`#motlan`) rather than taking over `<body>`, and reads the
//! API address (`data-api-base`) and the identity provider (`data-identity`) from that element,
//! so an agency can embed it in its own page.

mod app;
mod components;
mod hooks;
mod i18n;
mod pages;
mod services;
mod state;

#[cfg(all(test, target_arch = "wasm32"))]
mod browser_tests;

pub use app::App;

/// Id of the element the app renders into.
pub const MOUNT_ID: &str = "motlan";

/// Mounts the app into `#motlan` (or `<body>` when the host page has no such element).
pub fn start() {
    let document = web_sys::window().and_then(|w| w.document());
    let root = document
        .as_ref()
        .and_then(|d| d.get_element_by_id(MOUNT_ID));
    let props = app::AppProps {
        api_base: root
            .as_ref()
            .and_then(|el| el.get_attribute("data-api-base"))
            .unwrap_or_else(|| "/api/v1".to_owned())
            .into(),
        identity: root
            .as_ref()
            .and_then(|el| el.get_attribute("data-identity"))
            .unwrap_or_else(|| "/sandbox/idp".to_owned())
            .into(),
    };
    match root {
        Some(root) => {
            root.set_inner_html("");
            yew::Renderer::<App>::with_root_and_props(root, props).render();
        }
        None => {
            yew::Renderer::<App>::with_props(props).render();
        }
    }
}

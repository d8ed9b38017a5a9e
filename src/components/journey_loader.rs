//! Loads the filing journey on demand. The first-load bundle carries the public pages only (home,
//! procedures, sign-in, consent), which keeps it within the budget on a slow connection; the
//! journey, the dossier pages and "my dossiers" come with the full app, built separately into
//! `dist/journey-<hash>/`. When a citizen opens one of those pages, this component loads the full
//! app, stops the first-load one and hands it the session in memory (never through storage).

use wasm_bindgen::JsCast as _;
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;
use yew::prelude::*;

use crate::state::prefs::use_prefs;
use crate::state::session::use_session;

#[wasm_bindgen(inline_js = "export function load_module(url) { return import(url); }")]
extern "C" {
    #[wasm_bindgen(catch)]
    fn load_module(url: &str) -> Result<js_sys::Promise, JsValue>;
}

/// Where the journey module is: `data-journey` on the app's element, written by `cargo xtask`.
fn module_url() -> Option<String> {
    web_sys::window()?
        .document()?
        .get_element_by_id(crate::MOUNT_ID)?
        .get_attribute("data-journey")
}

/// Asks the browser to fetch the journey module when it is idle (`rel=prefetch`: lowest
/// priority, kept in the HTTP cache, whose copy is immutable), so "Bắt đầu nộp hồ sơ" does not
/// wait for it. Called where a filing is likely next: a procedure's page. Once per page load.
#[cfg(not(feature = "journey"))]
pub fn prefetch() {
    crate::prefetch_journey();
}

fn function(module: &JsValue, name: &str) -> Result<js_sys::Function, JsValue> {
    js_sys::Reflect::get(module, &JsValue::from_str(name))?.dyn_into()
}

async fn hand_over(token: String, me: String, lang: &str) -> Result<(), JsValue> {
    let url = module_url().ok_or_else(|| JsValue::from_str("no journey module"))?;
    let module = JsFuture::from(load_module(&url)?).await?;
    let init: js_sys::Promise = function(&module, "default")?
        .call0(&JsValue::NULL)?
        .dyn_into()?;
    JsFuture::from(init).await?;
    let start = function(&module, "start_with")?;
    crate::stop();
    start.call3(
        &JsValue::NULL,
        &JsValue::from_str(&token),
        &JsValue::from_str(&me),
        &JsValue::from_str(lang),
    )?;
    Ok(())
}

#[function_component(JourneyLoader)]
pub fn journey_loader() -> Html {
    let prefs = use_prefs();
    let t = prefs.t();
    let session = use_session();
    let failed = use_state(|| false);
    let attempt = use_state(|| 0u32);
    {
        let failed = failed.clone();
        let token = session.token().map(|t| t.to_string()).unwrap_or_default();
        let me = session
            .me()
            .and_then(|me| serde_json::to_string(me).ok())
            .unwrap_or_default();
        let lang = match prefs.lang() {
            motlan_core::Lang::Vi => "vi",
            motlan_core::Lang::En => "en",
        };
        use_effect_with(*attempt, move |_| {
            failed.set(false);
            wasm_bindgen_futures::spawn_local(async move {
                if hand_over(token, me, lang).await.is_err() {
                    failed.set(true);
                }
            });
        });
    }
    if *failed {
        let retry = Callback::from(move |_: MouseEvent| attempt.set(*attempt + 1));
        html! {
            <div class="error-summary" role="alert">
                <p>{ t.load_failed }</p>
                <button type="button" class="button button--secondary" onclick={retry}>{ t.retry }</button>
            </div>
        }
    } else {
        html! { <p class="loading" role="status">{ t.loading }</p> }
    }
}

//! A form embedded on an agency's website (`/nhung/{procedure}` inside the agency's iframe). The
//! app learns it from its first address and keeps it on its element (`data-embed`,
//! `data-embed-parent`), so the on-demand journey module knows it too. The server says which
//! registered agency the page belongs to; only then does the frame send the page its height and
//! its events, to that one origin, never `"*"`, and never personal data.

use std::rc::Rc;

use motlan_core::api::EmbedInfo;
use serde_json::json;
use wasm_bindgen::JsCast as _;
use wasm_bindgen::prelude::*;
use yew::prelude::*;

use crate::services::api::Api;

/// What the first address says: the procedure, and the page that claims to embed it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EmbedTarget {
    pub procedure: String,
    pub parent: Option<String>,
}

impl EmbedTarget {
    /// From the app's element (kept there at first start), or the address `/nhung/{code}?parent=`.
    pub fn detect(root: Option<&web_sys::Element>) -> Option<Self> {
        if let Some(procedure) = root.and_then(|r| r.get_attribute("data-embed")) {
            let parent = root.and_then(|r| r.get_attribute("data-embed-parent"));
            return Some(Self { procedure, parent });
        }
        let location = web_sys::window()?.location();
        let path = location.pathname().ok()?;
        let procedure = path.strip_prefix("/nhung/")?.split('/').next()?.to_owned();
        if procedure.is_empty() {
            return None;
        }
        let search = location.search().ok()?;
        let parent = web_sys::UrlSearchParams::new_with_str(&search)
            .ok()
            .and_then(|p| p.get("parent"));
        if let Some(root) = root {
            let _ = root.set_attribute("data-embed", &procedure);
            if let Some(parent) = &parent {
                let _ = root.set_attribute("data-embed-parent", parent);
            }
        }
        Some(Self { procedure, parent })
    }
}

/// The embedded form: its target, and the agency once the server confirms it.
#[derive(Debug, Clone, PartialEq)]
pub struct Embed {
    pub target: EmbedTarget,
    pub agency: Option<EmbedInfo>,
}

impl Embed {
    /// Sends the embedding page a message, to its registered origin only.
    pub fn post(&self, message: &serde_json::Value) {
        let Some(info) = &self.agency else { return };
        let (Some(window), Ok(value)) = (web_sys::window(), serde_wasm_value(message)) else {
            return;
        };
        if let Ok(Some(parent)) = window.parent() {
            post_message(&parent, &value, &info.parent_origin);
        }
    }
}

#[wasm_bindgen(inline_js = "export function post_message(target, message, origin) { \
    window.postMessage.call(target, message, origin); }")]
extern "C" {
    /// Through this window's own `postMessage`, so a test can watch every message and its
    /// target origin.
    fn post_message(target: &web_sys::Window, message: &JsValue, origin: &str);
}

fn serde_wasm_value(value: &serde_json::Value) -> Result<JsValue, JsValue> {
    js_sys::JSON::parse(&value.to_string())
}

/// The embedded form, if the app runs as one.
#[hook]
pub fn use_embed() -> Option<Rc<Embed>> {
    use_context::<Option<Rc<Embed>>>().flatten()
}

#[derive(Debug, PartialEq, Properties)]
pub struct EmbedProviderProps {
    pub target: Option<EmbedTarget>,
    pub children: Html,
}

/// Provides the embedded form's context and keeps the embedding page told of the frame's height.
#[function_component(EmbedProvider)]
pub fn embed_provider(props: &EmbedProviderProps) -> Html {
    let api = use_context::<Api>().expect("Api context");
    let embed = use_state(|| {
        props.target.clone().map(|target| {
            Rc::new(Embed {
                target,
                agency: None,
            })
        })
    });
    {
        let embed = embed.clone();
        use_effect_with(props.target.clone(), move |target| {
            if let Some(EmbedTarget {
                procedure,
                parent: Some(parent),
            }) = target.clone()
            {
                let target = target.clone();
                wasm_bindgen_futures::spawn_local(async move {
                    if let (Ok(info), Some(target)) =
                        (api.embed_info(&procedure, &parent).await, target)
                    {
                        embed.set(Some(Rc::new(Embed {
                            target,
                            agency: Some(info),
                        })));
                    }
                });
            }
        });
    }
    // The frame's height, each time the content's changes.
    {
        let current = (*embed).clone();
        use_effect_with(current, |embed| {
            let observer = embed
                .as_ref()
                .filter(|e| e.agency.is_some())
                .and_then(|e| watch_height(Rc::clone(e)));
            move || {
                if let Some((observer, _closure)) = observer {
                    observer.disconnect();
                }
            }
        });
    }
    html! {
        <ContextProvider<Option<Rc<Embed>>> context={(*embed).clone()}>
            { props.children.clone() }
        </ContextProvider<Option<Rc<Embed>>>>
    }
}

type HeightWatch = (web_sys::ResizeObserver, Closure<dyn FnMut()>);

/// Observes the app's element and posts its height; the page sizes the iframe to it, so the
/// frame has no inner scrollbar and shrinks as well as grows.
fn watch_height(embed: Rc<Embed>) -> Option<HeightWatch> {
    let root = web_sys::window()?
        .document()?
        .get_element_by_id(crate::MOUNT_ID)?;
    let measured = root.clone();
    let report = Closure::<dyn FnMut()>::new(move || {
        let height = measured.get_bounding_client_rect().height().ceil();
        embed.post(&json!({ "type": "motlan:height", "v": 1, "height": height }));
    });
    let observer = web_sys::ResizeObserver::new(report.as_ref().unchecked_ref()).ok()?;
    observer.observe(&root);
    Some((observer, report))
}

/// Where links go: under `/nhung/…` inside an embedded form.
#[hook]
pub fn use_links() -> crate::route::Links {
    crate::route::Links {
        embedded: use_embed().map(|e| e.target.procedure.clone()),
    }
}

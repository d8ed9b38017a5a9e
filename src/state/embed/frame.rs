//! The embedded form in the full app: the server says which registered agency the page belongs
//! to; only then does the frame send the page its height and its events, to that one origin,
//! never `"*"`, and never personal data.

use std::rc::Rc;

use motlan_core::api::EmbedInfo;
use wasm_bindgen::JsCast as _;
use wasm_bindgen::prelude::*;
use yew::prelude::*;

use super::EmbedTarget;

use crate::services::api::Api;

/// The embedded form: its target, and the agency once the server confirms it.
#[derive(Debug, Clone, PartialEq)]
pub struct Embed {
    pub target: EmbedTarget,
    pub agency: Option<EmbedInfo>,
}

impl Embed {
    /// Sends the embedding page a message `{type: kind, v: 1, …fields}`, to its registered
    /// origin only. (A plain object built here: JSON machinery would cost the first load.)
    pub fn post(&self, kind: &str, fields: &[(&str, JsValue)]) {
        let Some(info) = &self.agency else { return };
        let Some(Ok(Some(parent))) = web_sys::window().map(|w| w.parent()) else {
            return;
        };
        let message = js_sys::Object::new();
        let set = |key: &str, value: &JsValue| {
            let _ = js_sys::Reflect::set(&message, &JsValue::from_str(key), value);
        };
        set("type", &JsValue::from_str(kind));
        set("v", &JsValue::from_f64(1.0));
        for (key, value) in fields {
            set(key, value);
        }
        post_message(&parent, &message, &info.parent_origin);
    }
}

#[wasm_bindgen(inline_js = "export function post_message(target, message, origin) { \
    window.postMessage.call(target, message, origin); }")]
extern "C" {
    /// Through this window's own `postMessage`, so a test can watch every message and its
    /// target origin.
    fn post_message(target: &web_sys::Window, message: &JsValue, origin: &str);
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
                ..
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
        embed.post("motlan:height", &[("height", JsValue::from_f64(height))]);
    });
    let observer = web_sys::ResizeObserver::new(report.as_ref().unchecked_ref()).ok()?;
    observer.observe(&root);
    Some((observer, report))
}

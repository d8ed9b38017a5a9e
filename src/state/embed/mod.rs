//! A form embedded on an agency's website (`/nhung/{procedure}` inside the agency's iframe). The
//! app learns it from its first address and keeps it on its element (`data-embed`,
//! `data-embed-parent`). An embedded page starts the whole app at once (the part `app`, loaded
//! on demand, which alone carries what an embedded form does: `frame`), so the first load of the
//! ordinary site does not.

#[cfg(feature = "journey")]
mod frame;

#[cfg(feature = "journey")]
pub use frame::{Embed, EmbedProvider, use_embed};
use yew::prelude::*;

/// What the first address says: the procedure, and the page that claims to embed it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EmbedTarget {
    pub procedure: String,
    pub parent: Option<String>,
    /// `vi` or `en`, as the snippet's `lang` asks.
    pub lang: Option<String>,
}

impl EmbedTarget {
    /// From the app's element (kept there at first start), or the address
    /// `/nhung/{code}?parent=…&lang=…`.
    pub fn detect(root: Option<&web_sys::Element>) -> Option<Self> {
        let kept = |name: &str| root.and_then(|r| r.get_attribute(name));
        if let Some(procedure) = kept("data-embed") {
            return Some(Self {
                procedure,
                parent: kept("data-embed-parent"),
                lang: kept("data-embed-lang"),
            });
        }
        let location = web_sys::window()?.location();
        let path = location.pathname().ok()?;
        let procedure = path.strip_prefix("/nhung/")?.split('/').next()?.to_owned();
        if procedure.is_empty() {
            return None;
        }
        let search = location.search().ok()?;
        let params = web_sys::UrlSearchParams::new_with_str(&search).ok();
        let param = |name: &str| params.as_ref().and_then(|p| p.get(name));
        let target = Self {
            procedure,
            parent: param("parent"),
            lang: param("lang"),
        };
        if let Some(root) = root {
            let _ = root.set_attribute("data-embed", &target.procedure);
            for (name, value) in [
                ("data-embed-parent", &target.parent),
                ("data-embed-lang", &target.lang),
            ] {
                if let Some(value) = value {
                    let _ = root.set_attribute(name, value);
                }
            }
        }
        Some(target)
    }

    /// The language the snippet asks for.
    pub fn requested_lang(&self) -> Option<motlan_core::Lang> {
        match self.lang.as_deref() {
            Some("en") => Some(motlan_core::Lang::En),
            Some("vi") => Some(motlan_core::Lang::Vi),
            _ => None,
        }
    }
}

/// Where links go: under `/nhung/…` inside an embedded form.
#[cfg(feature = "journey")]
#[hook]
pub fn use_links() -> crate::route::Links {
    crate::route::Links {
        embedded: use_embed().map(|e| e.target.procedure.clone()),
    }
}

/// Where links go (the server's build, without `journey`, never renders an embedded form).
#[cfg(not(feature = "journey"))]
#[hook]
pub fn use_links() -> crate::route::Links {
    crate::route::Links::default()
}

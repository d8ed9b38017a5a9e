//! User preferences shared by every page: for now, the language.

use std::rc::Rc;

use motlan_core::Lang;
use yew::prelude::*;

use crate::i18n::{self, Strings};

#[derive(Debug, Clone, PartialEq, Default)]
pub struct Prefs {
    pub lang: Lang,
}

pub enum PrefsAction {
    SetLang(Lang),
}

impl Reducible for Prefs {
    type Action = PrefsAction;

    fn reduce(self: Rc<Self>, action: Self::Action) -> Rc<Self> {
        match action {
            PrefsAction::SetLang(lang) => Rc::new(Prefs { lang }),
        }
    }
}

pub type PrefsContext = UseReducerHandle<Prefs>;

#[derive(Debug, PartialEq, Properties)]
pub struct PrefsProviderProps {
    #[prop_or_default]
    pub lang: Lang,
    pub children: Html,
}

#[function_component(PrefsProvider)]
pub fn prefs_provider(props: &PrefsProviderProps) -> Html {
    let lang = props.lang;
    let prefs = use_reducer(move || Prefs { lang });
    html! {
        <ContextProvider<PrefsContext> context={prefs}>
            { props.children.clone() }
        </ContextProvider<PrefsContext>>
    }
}

/// The current language, its strings, and a way to switch.
pub struct UsePrefs {
    handle: PrefsContext,
}

impl UsePrefs {
    pub fn lang(&self) -> Lang {
        self.handle.lang
    }

    pub fn t(&self) -> &'static Strings {
        i18n::strings(self.handle.lang)
    }

    pub fn switch_language(&self) {
        let next = match self.handle.lang {
            Lang::Vi => Lang::En,
            Lang::En => Lang::Vi,
        };
        remember_lang(next);
        self.handle.dispatch(PrefsAction::SetLang(next));
    }
}

#[hook]
pub fn use_prefs() -> UsePrefs {
    let handle = use_context::<PrefsContext>().expect("PrefsProvider wraps the app");
    UsePrefs { handle }
}

/// Where the chosen language is kept: a preference, not personal data, so it survives the sign-in
/// redirect and reloads.
const LANG_KEY: &str = "motlan.lang";

/// The same choice as a cookie, so the server renders the public pages in it (it reads nothing
/// else from cookies; a kiosk's wipe clears it).
pub const LANG_COOKIE: &str = "motlan_lang";

fn local() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok()?
}

fn remember_lang(lang: Lang) {
    let tag = if lang == Lang::En { "en" } else { "vi" };
    if let Some(s) = local() {
        let _ = s.set_item(LANG_KEY, tag);
    }
    if let Some(document) = web_sys::window().and_then(|w| w.document()) {
        let cookie = format!("{LANG_COOKIE}={tag}; Path=/; Max-Age=31536000; SameSite=Lax");
        let _ = js_sys::Reflect::set(&document, &"cookie".into(), &cookie.into());
    }
}

/// The language chosen with the switch, as the cookie keeps it: written by the app, or by the
/// server when the switch was followed as a plain link before the app ran.
fn cookie_lang() -> Option<String> {
    let document = web_sys::window()?.document()?;
    let cookies = js_sys::Reflect::get(&document, &"cookie".into())
        .ok()?
        .as_string()?;
    let prefix = format!("{LANG_COOKIE}=");
    cookies
        .split(';')
        .find_map(|pair| pair.trim().strip_prefix(prefix.as_str()).map(str::to_owned))
}

/// The language the server rendered this page in (`<html lang>`), which the app takes the page
/// over in (the server rendered the cookie's choice, else the browser's).
pub fn rendered_lang() -> Lang {
    let tag = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element())
        .and_then(|root| root.get_attribute("lang"));
    if tag.as_deref() == Some("en") {
        Lang::En
    } else {
        Lang::Vi
    }
}

/// The language to start in: the one chosen before on this browser (the cookie first: the server
/// may have written it), else the browser's own (Vietnamese unless it prefers English).
pub fn initial_lang() -> Lang {
    let chosen =
        cookie_lang().or_else(|| local().and_then(|s| s.get_item(LANG_KEY).ok().flatten()));
    let browser = || web_sys::window().and_then(|w| w.navigator().language());
    match chosen.or_else(browser).as_deref() {
        Some(tag) if tag.starts_with("en") => Lang::En,
        _ => Lang::Vi,
    }
}

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
        self.handle.dispatch(PrefsAction::SetLang(next));
    }
}

#[hook]
pub fn use_prefs() -> UsePrefs {
    let handle = use_context::<PrefsContext>().expect("PrefsProvider wraps the app");
    UsePrefs { handle }
}

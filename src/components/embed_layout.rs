//! The frame of an embedded form inside an agency's page: instead of the site's header and footer,
//! a line saying whose service it is, a link to the same form on Một Lần, the language switch
//! and, once signed in, who is signed in. Signing in starts from the form itself, once its page
//! has loaded.

use std::rc::Rc;

use yew::prelude::*;

use crate::services::api::Api;
use crate::state::embed::Embed;
use crate::state::prefs::use_prefs;
use crate::state::session::use_session;

#[derive(Debug, PartialEq, Properties)]
pub struct EmbedLayoutProps {
    pub embed: Rc<Embed>,
    pub children: Html,
}

#[function_component(EmbedLayout)]
pub fn embed_layout(props: &EmbedLayoutProps) -> Html {
    let prefs = use_prefs();
    let (t, lang) = (prefs.t(), prefs.lang());
    let session = use_session();
    let api = use_context::<Api>().expect("Api context");
    let service = props.embed.agency.as_ref().map_or_else(
        || t.j().embed_service.to_owned(),
        |a| (t.j().embed_service_of)(a.agency_name.get(lang)),
    );
    let other_lang = match lang {
        motlan_core::Lang::Vi => "en",
        motlan_core::Lang::En => "vi",
    };
    let name = session.me().map(|me| me.name.clone());
    let account = name.map(|name| {
        let sign_out = Callback::from(move |_: MouseEvent| session.sign_out(&api));
        html! {
            <p class="embed-bar__account">
                <span>{ (t.signed_in_as)(&name) }</span>{ " · " }
                <button type="button" class="link-button" onclick={sign_out}>{ t.sign_out }</button>
            </p>
        }
    });
    let switch = Callback::from(move |_: MouseEvent| prefs.switch_language());
    html! {
        <div class="app app--embedded" lang={lang.tag()}>
            <div class="embed-bar">
                <p class="embed-bar__service">{ service }</p>
                <p class="embed-bar__tools">
                    <a href={format!("/thu-tuc/{}", props.embed.target.procedure)} target="_blank" rel="noopener">
                        { t.j().embed_open_full }<span class="visually-hidden">{ t.j().embed_new_tab }</span>
                    </a>
                    { " · " }
                    <button type="button" class="link-button" lang={other_lang} onclick={switch}>
                        { t.switch_to_other }
                    </button>
                </p>
                { account }
            </div>
            <p class="sandbox-banner"><strong>{ "SANDBOX" }</strong>{ " " }{ t.sandbox_banner }</p>
            <main id="main-content" tabindex="-1">
                { props.children.clone() }
            </main>
        </div>
    }
}

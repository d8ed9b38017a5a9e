//! The frame of every page: skip link, sandbox banner, header with the language switch, main
//! content, footer. Inside an agency's page (an embedded form, full app only) the frame is
//! `embed_layout` instead.

use yew::prelude::*;
use yew_router::prelude::*;

use crate::components::sign_in_button::RedirectSignIn;
use crate::route::Route;
use crate::state::prefs::use_prefs;
use crate::state::session::use_session;

#[derive(Debug, PartialEq, Properties)]
pub struct LayoutProps {
    pub children: Html,
}

#[function_component(Layout)]
pub fn layout(props: &LayoutProps) -> Html {
    #[cfg(feature = "journey")]
    if let Some(embed) = crate::state::embed::use_embed() {
        return html! {
            <super::embed_layout::EmbedLayout {embed}>{ props.children.clone() }</super::embed_layout::EmbedLayout>
        };
    }
    html! { <SiteLayout>{ props.children.clone() }</SiteLayout> }
}

/// The site's own frame.
#[function_component(SiteLayout)]
fn site_layout(props: &LayoutProps) -> Html {
    let prefs = use_prefs();
    let t = prefs.t();
    let lang = prefs.lang().tag();
    // When the app is the whole page (its own index.html marks <html data-motlan-page>), the
    // page's language follows the switch; embedded in a host page, only the app's own subtree.
    use_effect_with(lang, |lang| {
        if let Some(root) = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.document_element())
            .filter(|root| root.has_attribute("data-motlan-page"))
        {
            let _ = root.set_attribute("lang", lang);
        }
    });
    let other_lang = match prefs.lang() {
        motlan_core::Lang::Vi => "en",
        motlan_core::Lang::En => "vi",
    };
    let session = use_session();
    let api = use_context::<crate::services::api::Api>().expect("Api context");
    // Dossiers waiting to be sent: counted again whenever the outbox changes.
    #[cfg(feature = "journey")]
    let _ = crate::hooks::use_outbox::use_outbox_version();
    // Read from this browser's storage: not in the server's rendering, nor in the first render
    // that takes it over.
    let hydrated = crate::hooks::use_hydrated::use_hydrated();
    let waiting = if hydrated {
        crate::services::drafts::waiting_count()
    } else {
        0
    };
    // Signing out with dossiers waiting asks first: they are deleted with the session.
    let confirming = use_state(|| false);
    let account = match session.me() {
        Some(me) => {
            let name = me.name.clone();
            let sign_out = {
                let (confirming, session, api) = (confirming.clone(), session.clone(), api.clone());
                Callback::from(move |_: MouseEvent| {
                    if crate::services::drafts::waiting_count() > 0 && !*confirming {
                        confirming.set(true);
                    } else {
                        confirming.set(false);
                        session.sign_out(&api);
                    }
                })
            };
            html! {
                <div class="header__account">
                    <span>{ (t.signed_in_as)(&name) }</span>
                    <Link<Route> to={Route::MyDossiers} classes="header__link">{ t.my_dossiers }</Link<Route>>
                    <Link<Route> to={Route::Consent} classes="header__link">{ t.my_data }</Link<Route>>
                    <button type="button" class="link-button" onclick={sign_out}>
                        { if *confirming { t.sign_out_anyway } else { t.sign_out } }
                    </button>
                </div>
            }
        }
        None => html! { <RedirectSignIn class="button--secondary" /> },
    };
    let waiting_link = (waiting > 0).then(|| html! {
        <Link<Route> to={Route::Outbox} classes="header__link header__waiting">{ (t.waiting_to_send)(waiting) }</Link<Route>>
    });
    // A plain link to this page in the other language: the server follows it before the app
    // runs (or without it); the app switches in place. A click meant for a new tab stays a link.
    let switch_href = match yew_router::hooks::use_location() {
        Some(here) => format!(
            "{}?{}",
            here.path(),
            crate::route::with_lang(here.query_str(), other_lang)
        ),
        None => format!("?lang={other_lang}"),
    };
    let switch = Callback::from(move |e: MouseEvent| {
        if super::is_plain_click(&e) {
            e.prevent_default();
            prefs.switch_language();
        }
    });
    let switch_link = html! {
        <a href={switch_href} class="header__link" lang={other_lang} hreflang={other_lang} onclick={switch}>
            { t.switch_to_other }
        </a>
    };
    html! {
        <div class="app" {lang}>
            <a class="skip-link" href="#main-content">{ t.skip_to_content }</a>
            <header class="header">
                <div class="container header__inner">
                    <Link<Route> to={Route::Home} classes="header__name">{ t.app_name }</Link<Route>>
                    <div class="header__tools">
                        { waiting_link }
                        { account }
                        { switch_link }
                    </div>
                </div>
            </header>
            if *confirming {
                <div class="container"><p class="warning" role="alert">{ (t.sign_out_warning)(waiting) }</p></div>
            }
            <p class="tagline container">{ t.tagline }</p>
            <p class="sandbox-banner container"><strong>{ "SANDBOX" }</strong>{ " " }{ t.sandbox_banner }</p>
            <main id="main-content" class="container" tabindex="-1">
                { props.children.clone() }
            </main>
            <footer class="footer">
                <div class="container">
                    <p>{ t.footer }</p>
                    <p class="footer__links">
                        <Link<Route> to={Route::HelpJoin}>{ t.help_join_link }</Link<Route>>
                        { " · " }
                        <Link<Route> to={Route::Volunteer}>{ t.volunteer_link }</Link<Route>>
                        { " · " }
                        <Link<Route> to={Route::AgencyReview}>{ t.c.review_link }</Link<Route>>
                    </p>
                </div>
            </footer>
        </div>
    }
}

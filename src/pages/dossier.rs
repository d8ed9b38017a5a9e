//! Confirmation: the dossier code, prominently, with the receipt time.

use yew::prelude::*;
use yew_router::prelude::*;

use crate::app::Route;
use crate::components::load_state::pending_view;
use crate::hooks::use_resource::{Resource, use_resource};
use crate::i18n::date_time;
use crate::services::api::Api;
use crate::state::prefs::use_prefs;

#[derive(Debug, PartialEq, Properties)]
pub struct DossierPageProps {
    pub code: String,
}

#[function_component(DossierPage)]
pub fn dossier_page(props: &DossierPageProps) -> Html {
    let prefs = use_prefs();
    let t = prefs.t();
    let api = use_context::<Api>().expect("Api context");
    let receipt = use_resource(props.code.clone(), move |code| {
        let api = api.clone();
        async move { api.dossier(&code).await }
    });
    match &*receipt.state {
        Resource::Ready(r) => html! {
            <>
                <div class="panel panel--confirmation">
                    <h1 class="panel__title">{ t.confirmation_title }</h1>
                    <p class="panel__body">
                        { t.dossier_code }<br />
                        <strong class="dossier-code" data-testid="dossier-code">{ &r.code }</strong>
                    </p>
                </div>
                <dl class="summary-list">
                    <div class="summary-list__row"><dt>{ t.received_at }</dt><dd>{ date_time(&r.received_at) }</dd></div>
                </dl>
                <p>{ t.confirmation_next }</p>
                <p><Link<Route> to={Route::Home}>{ t.back_to_home }</Link<Route>></p>
            </>
        },
        pending => pending_view(pending, &receipt.retry, prefs.lang(), t),
    }
}

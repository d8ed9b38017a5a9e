//! The data-use receipt: every read of national data about the citizen, newest first.

use motlan_core::kinds::DataSource;
use yew::prelude::*;
use yew_router::prelude::*;

use crate::components::load_state::pending_view;
use crate::components::sign_in_button::SignInButton;
use crate::hooks::use_api::use_api;
use crate::hooks::use_resource::{Resource, use_resource};
use crate::i18n::date_time;
use crate::route::Route;
use crate::state::prefs::use_prefs;
use crate::state::session::use_session;

#[function_component(DataUsePage)]
pub fn data_use_page() -> Html {
    let prefs = use_prefs();
    let t = prefs.t();
    if use_session().me().is_none() {
        return html! {
            <>
                <h1>{ t.data_use_title }</h1>
                <p>{ t.sign_in_needed }</p>
                <SignInButton />
            </>
        };
    }
    html! { <DataUseTable /> }
}

#[function_component(DataUseTable)]
fn data_use_table() -> Html {
    let prefs = use_prefs();
    let (t, lang) = (prefs.t(), prefs.lang());
    let api = use_api();
    let entries = use_resource((), move |()| {
        let api = api.clone();
        async move { api.data_use().await }
    });
    let body = match &*entries.state {
        Resource::Ready(list) if list.is_empty() => html! { <p>{ t.data_use_empty }</p> },
        Resource::Ready(list) => html! {
            <div class="table-wrap">
                <table class="table">
                    <caption class="visually-hidden">{ t.data_use_title }</caption>
                    <thead>
                        <tr>
                            <th scope="col">{ t.data_use_when }</th>
                            <th scope="col">{ t.data_use_source }</th>
                            <th scope="col">{ t.data_use_what }</th>
                            <th scope="col">{ t.data_use_for }</th>
                        </tr>
                    </thead>
                    <tbody>
                        { for list.iter().map(|entry| {
                            let source = serde_json::from_str::<DataSource>(&format!("\"{}\"", entry.source))
                                .map(t.source_name)
                                .unwrap_or(entry.source.as_str());
                            html! {
                                <tr key={entry.id.clone()}>
                                    <td>{ date_time(&entry.at) }</td>
                                    <td>{ source }</td>
                                    <td>{ entry.fields.join(", ") }</td>
                                    <td>
                                        { entry.procedure_code.clone() }{ entry.dossier_code.as_ref().map(|c| format!(" · {c}")).unwrap_or_default() }
                                        if let Some(helper) = &entry.helper {
                                            <br /><span class="hint-inline">{ (t.data_use_helper)(helper) }</span>
                                        }
                                    </td>
                                </tr>
                            }
                        }) }
                    </tbody>
                </table>
            </div>
        },
        _ => pending_view(&entries.state, &entries.retry, lang, t),
    };
    html! {
        <>
            <h1>{ t.data_use_title }</h1>
            <p class="lead">{ t.data_use_lead }</p>
            { body }
            <p><Link<Route> to={Route::Consent}>{ t.consent_link }</Link<Route>></p>
        </>
    }
}

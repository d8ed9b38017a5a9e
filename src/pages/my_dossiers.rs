//! The citizen's dossiers, newest first, with where each stands.

use yew::prelude::*;
use yew_router::prelude::*;

use crate::components::load_state::pending_view;
use crate::components::sign_in_button::SignInButton;
use crate::hooks::use_api::use_api;
use crate::hooks::use_resource::{Resource, use_resource};
use crate::i18n::{date_time, day};
use crate::route::Route;
use crate::state::prefs::use_prefs;
use crate::state::session::use_session;

#[function_component(MyDossiersPage)]
pub fn my_dossiers_page() -> Html {
    let prefs = use_prefs();
    let t = prefs.t();
    let api = use_api();
    let signed_in = use_session().me().is_some();
    let list = use_resource(signed_in, move |signed_in| {
        let api = api.clone();
        async move {
            if signed_in {
                api.my_dossiers().await.map(Some)
            } else {
                Ok(None)
            }
        }
    });
    let body = match &*list.state {
        Resource::Ready(found) => match found.as_ref() {
            None => html! { <><p>{ t.sign_in_needed }</p><SignInButton /></> },
            Some(list) if list.is_empty() => html! {
                <p>{ t.j.my_dossiers_empty }{ " " }<Link<Route> to={Route::Home}>{ t.all_procedures }</Link<Route>></p>
            },
            Some(list) => html! {
                <ul class="procedure-list">
                    { for list.iter().map(|r| html! {
                        <li class="procedure-item">
                            <Link<Route> classes="procedure-item__link" to={Route::Dossier { code: r.code.clone() }}>{ &r.code }</Link<Route>>
                            <p class="procedure-item__meta">
                                <strong class="tag">{ (t.j.status_name)(r.status) }</strong>
                                { t.j.procedure_label }{ ": " }{ &r.procedure_code }{ " · " }
                                { t.j.received_at }{ ": " }{ date_time(&r.received_at) }{ " · " }
                                { t.j.appointment }{ ": " }{ day(&r.appointment_on) }
                            </p>
                        </li>
                    }) }
                </ul>
            },
        },
        pending => pending_view(pending, &list.retry, prefs.lang(), t),
    };
    html! {
        <>
            <h1>{ t.my_dossiers }</h1>
            { body }
        </>
    }
}

//! The citizen's dossiers, newest first, with where each stands, a page at a time ("Xem thêm"
//! loads the next one from the API's cursor).

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
    let list = {
        let api = api.clone();
        use_resource(signed_in, move |signed_in| {
            let api = api.clone();
            async move {
                if signed_in {
                    api.my_dossiers(None).await.map(Some)
                } else {
                    Ok(None)
                }
            }
        })
    };
    // Pages loaded after the first, and where the next one starts.
    let more = use_state(Vec::<motlan_core::api::DossierReceipt>::new);
    let next = use_state(|| None::<Option<String>>);
    let loading_more = use_state(|| false);
    let body = match &*list.state {
        Resource::Ready(found) => match found.as_ref() {
            None => html! { <><p>{ t.sign_in_needed }</p><SignInButton /></> },
            Some(page) if page.items.is_empty() => html! {
                <p>{ t.j().my_dossiers_empty }{ " " }<Link<Route> to={Route::Home}>{ t.all_procedures }</Link<Route>></p>
            },
            Some(page) => {
                let cursor = (*next).clone().unwrap_or_else(|| page.next.clone());
                let load_more = {
                    let (api, more, next, loading_more) = (
                        api.clone(),
                        more.clone(),
                        next.clone(),
                        loading_more.clone(),
                    );
                    let cursor = cursor.clone();
                    Callback::from(move |_: MouseEvent| {
                        let Some(c) = cursor.clone() else { return };
                        let (api, more, next, loading_more) = (
                            api.clone(),
                            more.clone(),
                            next.clone(),
                            loading_more.clone(),
                        );
                        loading_more.set(true);
                        wasm_bindgen_futures::spawn_local(async move {
                            if let Ok(following) = api.my_dossiers(Some(&c)).await {
                                let mut all = (*more).clone();
                                all.extend(following.items);
                                more.set(all);
                                next.set(Some(following.next));
                            }
                            loading_more.set(false);
                        });
                    })
                };
                html! {
                    <>
                        <ul class="procedure-list" aria-live="polite">
                            { for page.items.iter().chain(more.iter()).map(|r| html! {
                                <li class="procedure-item" key={r.code.clone()}>
                                    <Link<Route> classes="procedure-item__link" to={Route::Dossier { code: r.code.clone() }}>{ &r.code }</Link<Route>>
                                    <p class="procedure-item__meta">
                                        <strong class="tag">{ (t.j().status_name)(r.status) }</strong>
                                        { t.j().procedure_label }{ ": " }{ &r.procedure_code }{ " · " }
                                        { t.j().received_at }{ ": " }{ date_time(&r.received_at) }{ " · " }
                                        { t.j().appointment }{ ": " }{ day(&r.appointment_on) }
                                    </p>
                                </li>
                            }) }
                        </ul>
                        if cursor.is_some() {
                            <button type="button" class="button button--secondary" onclick={load_more} disabled={*loading_more}>{ t.j().more_dossiers }</button>
                        }
                    </>
                }
            }
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

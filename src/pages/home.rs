//! Home: search the catalog as you type, diacritics optional. The search runs in the browser with
//! the core's own index, so it answers at once even on a slow connection.

use std::rc::Rc;

use motlan_core::api::ProcedureSummary;
use motlan_core::search::SearchIndex;
use web_sys::HtmlInputElement;
use yew::prelude::*;
use yew_router::prelude::*;

use crate::components::load_state::pending_view;
use crate::hooks::use_resource::{Resource, use_resource};
use crate::i18n::{Strings, money};
use crate::route::Route;
use crate::services::api::Api;
use crate::state::prefs::use_prefs;

#[function_component(HomePage)]
pub fn home_page() -> Html {
    let prefs = use_prefs();
    let t = prefs.t();
    let api = use_context::<Api>().expect("Api context");
    let procedures = use_resource((), move |()| {
        let api = api.clone();
        async move { api.procedures().await }
    });
    let query = use_state(String::new);
    let oninput = {
        let query = query.clone();
        Callback::from(move |e: InputEvent| {
            query.set(e.target_unchecked_into::<HtmlInputElement>().value());
        })
    };

    // Folding every name is done once per loaded list, not on every keystroke.
    let index = use_memo(ready_list(&procedures.state), |list| {
        list.as_ref()
            .map(|list| SearchIndex::new(list.iter().map(|p| (p.code.as_str(), &p.name.vi))))
    });

    let results = match (&*procedures.state, &*index) {
        (Resource::Ready(list), Some(index)) => results_view(list, index, &query, t, prefs.lang()),
        (Resource::Ready(_), None) => html! {},
        (pending, _) => pending_view(pending, &procedures.retry, prefs.lang(), t),
    };

    html! {
        <>
            <h1>{ t.home_title }</h1>
            <p class="lead">{ t.home_lead }</p>
            <form class="search" role="search" onsubmit={Callback::from(|e: SubmitEvent| e.prevent_default())}>
                <label class="label" for="search">{ t.search_label }</label>
                <p class="hint" id="search-hint">{ t.search_hint }</p>
                <input id="search" class="input" type="search" autocomplete="off"
                    aria-describedby="search-hint" value={(*query).clone()} {oninput} />
            </form>
            { results }
        </>
    }
}

/// The loaded list, as a memo dependency: an `Rc` of an `Eq` type, so the same list compares
/// equal by pointer without walking it.
fn ready_list(state: &Resource<Vec<ProcedureSummary>>) -> Option<Rc<Vec<ProcedureSummary>>> {
    match state {
        Resource::Ready(list) => Some(Rc::clone(list)),
        _ => None,
    }
}

fn results_view(
    list: &[ProcedureSummary],
    index: &SearchIndex,
    query: &str,
    t: &'static Strings,
    lang: motlan_core::Lang,
) -> Html {
    let shown: Vec<&ProcedureSummary> = if query.trim().is_empty() {
        list.iter().collect()
    } else {
        index
            .search(query)
            .into_iter()
            .map(|hit| &list[hit.position])
            .collect()
    };
    let heading = if query.trim().is_empty() {
        t.all_procedures.to_owned()
    } else {
        (t.result_count)(shown.len())
    };
    // What people file most here, while nothing is searched for.
    let mut popular: Vec<&ProcedureSummary> =
        list.iter().filter(|p| p.filed_recently > 0).collect();
    popular.sort_by_key(|p| std::cmp::Reverse(p.filed_recently));
    popular.truncate(3);
    let popular = (query.trim().is_empty() && !popular.is_empty()).then(|| {
        html! {
            <section aria-labelledby="popular-heading">
                <h2 id="popular-heading">{ t.popular_heading }</h2>
                <ul class="procedure-list">
                    { for popular.into_iter().map(|p| html! {
                        <li class="procedure-item" key={p.code.to_string()}>
                            <Link<Route> to={Route::Procedure { code: p.code.to_string() }} classes="procedure-item__link">
                                { p.name.get(lang) }
                            </Link<Route>>
                            <p class="procedure-item__meta">{ (t.filed_recently)(p.filed_recently) }</p>
                        </li>
                    }) }
                </ul>
            </section>
        }
    });
    html! {
        <>
        { popular }
        <section aria-labelledby="results-heading">
            <h2 id="results-heading" aria-live="polite">{ heading }</h2>
            if shown.is_empty() {
                <p>{ (t.no_results)(query.trim()) }</p>
            } else {
                <ul class="procedure-list">
                    { for shown.into_iter().map(|p| procedure_item(p, t, lang)) }
                </ul>
            }
        </section>
        </>
    }
}

fn procedure_item(p: &ProcedureSummary, t: &'static Strings, lang: motlan_core::Lang) -> Html {
    let fee = if p.fee_online == 0 {
        t.free.to_owned()
    } else {
        format!("{} ({})", money(p.fee_online), t.online_fee)
    };
    html! {
        <li class="procedure-item" key={p.code.to_string()}>
            <Link<Route> to={Route::Procedure { code: p.code.to_string() }} classes="procedure-item__link">
                { p.name.get(lang) }
            </Link<Route>>
            <p class="procedure-item__meta">
                { (t.processing_days)(p.processing_days) }{ " · " }{ fee }
            </p>
            if p.reusable_documents > 0 {
                <p class="procedure-item__reuse">{ (t.reusable_summary)(p.reusable_documents, p.documents) }</p>
            }
        </li>
    }
}

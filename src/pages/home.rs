//! Home: search every procedure as you type, diacritics optional. The server searches the whole
//! catalog (the forms here and the national catalog's thousands of procedures), so the catalog
//! never enters the app; typing waits a quarter second before asking, and the
//! previous results stay on screen until the new ones arrive.

use std::cell::Cell;
use std::rc::Rc;

use motlan_core::api::{CatalogPage, ProcedureSummary};
use web_sys::HtmlInputElement;
use yew::prelude::*;
use yew_router::prelude::*;

use crate::components::load_state::pending_view;
use crate::hooks::use_resource::{Resource, use_resource_from};
use crate::i18n::{Strings, money};
use crate::route::Route;
use crate::services::api::Api;
use crate::services::paths::procedures_path;
use crate::state::prefs::use_prefs;

/// What was typed in the search box before the app took over the server's page (it works as a
/// plain form until then), so taking over loses none of it.
fn typed_before_app(from_address: &str) -> String {
    #[cfg(target_arch = "wasm32")]
    if crate::hooks::use_hydrated::hydrating() {
        use wasm_bindgen::JsCast as _;
        if let Some(input) = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.get_element_by_id("search"))
            .and_then(|e| e.dyn_into::<HtmlInputElement>().ok())
        {
            return input.value();
        }
    }
    from_address.to_owned()
}

/// Resolves after `ms` milliseconds.
async fn sleep(ms: i32) {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        if let Some(window) = web_sys::window() {
            let _ = window.set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms);
        }
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}

#[function_component(HomePage)]
pub fn home_page() -> Html {
    let prefs = use_prefs();
    let t = prefs.t();
    let api = use_context::<Api>().expect("Api context");
    // `/?q=…` is a search: the server renders its results, the plain form asks for it.
    let location = use_location();
    let asked = location
        .as_ref()
        .and_then(|l| crate::route::query_param(l.query_str(), "q"))
        .unwrap_or_default();
    let query = {
        let asked = asked.clone();
        use_state(move || typed_before_app(&asked))
    };
    let searched = {
        let asked = asked.clone();
        use_state(move || asked)
    };
    // `&cursor=…`: a later page of the search, asked by the plain link (without the app); typing
    // starts again from the first page.
    let start = {
        let cursor = location
            .as_ref()
            .and_then(|l| crate::route::search_cursor(l.query_str()));
        use_state(move || cursor)
    };
    {
        // Ask the server once typing pauses.
        let searched = searched.clone();
        use_effect_with((*query).clone(), move |typed: &String| {
            let (typed, cancelled) = (typed.clone(), Rc::new(Cell::new(false)));
            let stop = Rc::clone(&cancelled);
            wasm_bindgen_futures::spawn_local(async move {
                sleep(250).await;
                if !stop.get() {
                    searched.set(typed);
                }
            });
            move || cancelled.set(true)
        });
    }
    let page = {
        let (api, preloaded, first) = (api.clone(), api.clone(), (*start).clone());
        let initial = move || preloaded.preloaded(&procedures_path(&asked, first.as_deref()));
        use_resource_from(
            initial,
            ((*searched).clone(), (*start).clone()),
            move |(q, start)| {
                let api = api.clone();
                async move { api.procedures(&q, start.as_deref()).await }
            },
        )
    };
    let offset = start.as_deref().and_then(|c| c.parse().ok()).unwrap_or(0);
    // Later pages of the same search, appended by "more".
    let more = use_state(|| {
        (
            String::new(),
            Vec::<ProcedureSummary>::new(),
            None::<String>,
        )
    });
    let last = use_mut_ref(|| None::<Rc<CatalogPage>>);
    if let Resource::Ready(ready) = &*page.state {
        *last.borrow_mut() = Some(Rc::clone(ready));
    }
    let oninput = {
        let (query, start) = (query.clone(), start.clone());
        Callback::from(move |e: InputEvent| {
            query.set(e.target_unchecked_into::<HtmlInputElement>().value());
            start.set(None);
        })
    };
    let shown = last.borrow().clone();
    let results = match (&*page.state, shown) {
        (Resource::Failed(_), _) | (Resource::Loading, None) => {
            pending_view(&page.state, &page.retry, prefs.lang(), t)
        }
        (state, Some(first)) => {
            let (extra, next) = if more.0 == *searched && !more.1.is_empty() {
                (more.1.clone(), more.2.clone())
            } else {
                (Vec::new(), first.next.clone())
            };
            let load_more = next.map(|cursor| {
                let (api, more, q, have) = (
                    api.clone(),
                    more.clone(),
                    (*searched).clone(),
                    extra.clone(),
                );
                // Without the app, the link opens the next page of results.
                let href = format!(
                    "/?q={}&cursor={}",
                    motlan_core::text::percent_encode(q.trim()),
                    motlan_core::text::percent_encode(&cursor)
                );
                let append = Callback::from(move |e: MouseEvent| {
                    // A click meant for a new tab opens the next page there.
                    if !crate::components::is_plain_click(&e) {
                        return;
                    }
                    e.prevent_default();
                    let (api, more, q, cursor) =
                        (api.clone(), more.clone(), q.clone(), cursor.clone());
                    let mut have = have.clone();
                    wasm_bindgen_futures::spawn_local(async move {
                        if let Ok(page) = api.procedures(&q, Some(&cursor)).await {
                            have.extend(page.items);
                            more.set((q, have, page.next));
                        }
                    });
                });
                (href, append)
            });
            // Until the typed words are searched, what shows is the previous search's.
            let loading = matches!(state, Resource::Loading) || *query != *searched;
            let view = Results {
                first: &first,
                extra: &extra,
                offset,
                query: &searched,
                loading,
                load_more,
            };
            results_view(view, t, prefs.lang())
        }
        _ => html! {},
    };

    html! {
        <>
            <h1>{ t.home_title }</h1>
            <p class="lead">{ t.home_lead }</p>
            // Without the app (not loaded yet, or no JavaScript) the form asks the server.
            <form class="search" role="search" action="/" method="get"
                onsubmit={Callback::from(|e: SubmitEvent| e.prevent_default())}>
                <label class="label" for="search">{ t.search_label }</label>
                <p class="hint" id="search-hint">{ t.search_hint }</p>
                <input id="search" name="q" class="input" type="search" autocomplete="off"
                    aria-describedby="search-hint" aria-controls="results" value={(*query).clone()} {oninput} />
            </form>
            { results }
        </>
    }
}

/// What the results show: the first page asked (from `offset`), those appended by "more", and
/// the link to more (its address, and what the app does instead).
struct Results<'a> {
    first: &'a CatalogPage,
    extra: &'a [ProcedureSummary],
    offset: usize,
    query: &'a str,
    loading: bool,
    load_more: Option<(String, Callback<MouseEvent>)>,
}

fn results_view(results: Results<'_>, t: &'static Strings, lang: motlan_core::Lang) -> Html {
    let Results {
        first,
        extra,
        offset,
        query,
        loading,
        load_more,
    } = results;
    let searching = !query.trim().is_empty();
    let heading = if loading {
        t.c.searching.to_owned()
    } else if searching {
        (t.result_count)(first.total)
    } else {
        t.all_procedures.to_owned()
    };
    // What people file most here, while nothing is searched for.
    let mut popular: Vec<&ProcedureSummary> = first
        .items
        .iter()
        .filter(|p| p.filed_recently > 0)
        .collect();
    popular.sort_by_key(|p| std::cmp::Reverse(p.filed_recently));
    popular.truncate(3);
    let popular = (!searching && !popular.is_empty()).then(|| {
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
    let shown = offset + first.items.len() + extra.len();
    html! {
        <>
        { popular }
        <section id="results" aria-labelledby="results-heading" aria-busy={loading.to_string()}>
            <h2 id="results-heading" aria-live="polite">{ heading }</h2>
            if first.items.is_empty() {
                <p>{ (t.no_results)(query.trim()) }</p>
            } else {
                <ul class="procedure-list">
                    { for first.items.iter().chain(extra).map(|p| procedure_item(p, t, lang)) }
                </ul>
                <p class="hint">{ (t.c.showing)(shown, first.total) }</p>
                if let Some((href, onclick)) = load_more {
                    <a class="button button--secondary" {href} {onclick}>{ t.c.more_results }</a>
                }
            }
        </section>
        </>
    }
}

fn procedure_item(p: &ProcedureSummary, t: &'static Strings, lang: motlan_core::Lang) -> Html {
    let meta = match (p.processing_days, p.fee_online) {
        (Some(days), Some(fee)) => {
            let fee = if fee == 0 {
                t.free.to_owned()
            } else {
                format!("{} ({})", money(fee), t.online_fee)
            };
            format!("{} · {fee}", (t.processing_days)(days))
        }
        _ => [p.processing_time.as_deref(), p.fee.as_deref()]
            .into_iter()
            .flatten()
            .collect::<Vec<_>>()
            .join(" · "),
    };
    let tag = if p.online_form {
        html! { <span class="tag tag--reused">{ t.c.online_form_tag }</span> }
    } else {
        html! { <span class="tag">{ t.c.information_tag }</span> }
    };
    html! {
        <li class="procedure-item" key={p.code.to_string()}>
            <Link<Route> to={Route::Procedure { code: p.code.to_string() }} classes="procedure-item__link">
                { p.name.get(lang) }
            </Link<Route>>
            <p class="procedure-item__meta">
                { tag }{ " " }
                if let Some(field) = &p.field { <span lang="vi">{ field }</span>{ " · " } }
                { meta }
            </p>
            if p.reusable_documents > 0 {
                <p class="procedure-item__reuse">{ (t.c.avoidable_summary)(p.reusable_documents, p.documents) }</p>
            }
        </li>
    }
}

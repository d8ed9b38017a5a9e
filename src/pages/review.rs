//! The agency review (`/co-quan/ra-soat`): the checker over the whole national catalog. Per
//! ministry, how many procedures still ask for papers the State holds and how many such requests
//! could go, as a bar chart and the table it is drawn from; the procedures themselves with the
//! papers and their legal basis; a CSV of every item for the filter.

use motlan_core::api::{AuditOverview, ministry_name};
use web_sys::HtmlSelectElement;
use yew::prelude::*;
use yew_router::prelude::*;

use crate::components::load_state::pending_view;
use crate::hooks::use_api::use_api;
use crate::hooks::use_resource::{Resource, use_resource};
use crate::i18n::Strings;
use crate::route::Route;
use crate::services::catalog::audit_path;
use crate::state::prefs::use_prefs;

/// Procedures listed before "show all".
const FIRST: usize = 30;

#[function_component(ReviewPage)]
pub fn review_page() -> Html {
    let prefs = use_prefs();
    let t = prefs.t();
    let r = t.j().review;
    let api = use_api();
    let ministry = use_state(String::new);
    let field = use_state(String::new);
    let all = use_state(|| false);
    let overview = {
        let api = api.clone();
        use_resource(((*ministry).clone(), (*field).clone()), move |(m, f)| {
            let api = api.clone();
            async move { api.audit(&m, &f).await }
        })
    };
    // The field list comes from the unfiltered review, so it stays whole while filtering.
    let everything = use_resource((), move |()| {
        let api = api.clone();
        async move { api.audit("", "").await }
    });
    let on_ministry = {
        let (ministry, field) = (ministry.clone(), field.clone());
        Callback::from(move |e: Event| {
            ministry.set(e.target_unchecked_into::<HtmlSelectElement>().value());
            field.set(String::new());
        })
    };
    let on_field = {
        let field = field.clone();
        Callback::from(move |e: Event| {
            field.set(e.target_unchecked_into::<HtmlSelectElement>().value());
        })
    };
    let lang = prefs.lang();
    let filters = match &*everything.state {
        Resource::Ready(whole) => {
            let ministries = whole.ministries.iter().map(|m| {
                let slug = m.ministry.clone();
                html! {
                    <option value={slug.clone()} selected={*ministry == slug}>{ ministry_name(&slug).get(lang).to_owned() }</option>
                }
            });
            let fields = whole
                .fields
                .iter()
                .filter(|f| ministry.is_empty() || f.ministry == *ministry)
                .map(|f| html! {
                    <option value={f.field.clone()} selected={*field == f.field}>{ format!("{} ({})", f.field, f.procedures) }</option>
                });
            html! {
                <form class="filters" onsubmit={Callback::from(|e: SubmitEvent| e.prevent_default())}>
                    <div class="question">
                        <label class="label" for="review-ministry">{ r.ministry }</label>
                        <select id="review-ministry" class="select" onchange={on_ministry}>
                            <option value="" selected={ministry.is_empty()}>{ r.all_ministries }</option>
                            { for ministries }
                        </select>
                    </div>
                    <div class="question">
                        <label class="label" for="review-field">{ r.field }</label>
                        <select id="review-field" class="select" lang="vi" onchange={on_field}>
                            <option value="" selected={field.is_empty()}>{ r.all_fields }</option>
                            { for fields }
                        </select>
                    </div>
                </form>
            }
        }
        _ => html! {},
    };
    let body = match &*overview.state {
        Resource::Ready(o) => {
            let show_all = {
                let all = all.clone();
                Callback::from(move |_: MouseEvent| all.set(true))
            };
            html! {
                <>
                    { figures_view(o, t, lang) }
                    { asking_view(o, t, *all, show_all) }
                </>
            }
        }
        pending => pending_view(pending, &overview.retry, lang, t),
    };
    let csv = format!("/api/v1{}", audit_path("/audit.csv", &ministry, &field));
    html! {
        <>
            <h1>{ r.title }</h1>
            <p class="lead">{ r.lead }</p>
            { filters }
            <p><a href={csv} download="ra-soat-giay-to.csv">{ r.download }</a></p>
            { body }
            <p class="hint">{ t.c.checker_note }</p>
        </>
    }
}

fn figures_view(o: &AuditOverview, t: &'static Strings, lang: motlan_core::Lang) -> Html {
    let r = t.j().review;
    let widest = o
        .ministries
        .iter()
        .map(|m| m.procedures)
        .max()
        .unwrap_or(1)
        .max(1);
    let percent = |n: usize| format!("width: {:.1}%", 100.0 * n as f64 / widest as f64);
    html! {
        <section aria-labelledby="chart-heading">
            <h2 id="chart-heading">{ r.chart_title }</h2>
            <p class="hint">{ r.chart_note }</p>
            // The same figures as the table: hidden from screen readers, which read the table.
            <div class="bar-chart" aria-hidden="true">
                { for o.ministries.iter().map(|m| html! {
                    <div class="bar-chart__row">
                        <span class="bar-chart__label">{ ministry_name(&m.ministry).get(lang).to_owned() }</span>
                        <span class="bar-chart__track">
                            <span class="bar-chart__bar" style={percent(m.procedures)}></span>
                            <span class="bar-chart__bar bar-chart__bar--asking" style={percent(m.asking_for_held)}></span>
                        </span>
                        <span class="bar-chart__value">{ format!("{} / {}", m.asking_for_held, m.procedures) }</span>
                    </div>
                }) }
            </div>
            <table class="table">
                <caption>{ r.table_caption }</caption>
                <thead><tr>
                    <th scope="col">{ r.ministry }</th>
                    <th scope="col" class="table__number">{ r.procedures }</th>
                    <th scope="col" class="table__number">{ r.asking }</th>
                    <th scope="col" class="table__number">{ r.avoidable }</th>
                </tr></thead>
                <tbody>
                    { for o.ministries.iter().map(|m| html! {
                        <tr>
                            <th scope="row">{ ministry_name(&m.ministry).get(lang).to_owned() }</th>
                            <td class="table__number">{ m.procedures }</td>
                            <td class="table__number">{ m.asking_for_held }</td>
                            <td class="table__number">{ m.avoidable }</td>
                        </tr>
                    }) }
                </tbody>
            </table>
            if o.unreadable > 0 { <p class="hint">{ (r.unreadable)(o.unreadable) }</p> }
        </section>
    }
}

fn asking_view(
    o: &AuditOverview,
    t: &'static Strings,
    all: bool,
    show_all: Callback<MouseEvent>,
) -> Html {
    let r = t.j().review;
    let shown = if all {
        o.asking.len()
    } else {
        o.asking.len().min(FIRST)
    };
    html! {
        <section aria-labelledby="asking-heading">
            <h2 id="asking-heading">{ (r.asking_heading)(o.asking.len()) }</h2>
            if o.asking.is_empty() {
                <p>{ r.none_asking }</p>
            }
            <ul class="document-list">
                { for o.asking.iter().take(shown).map(|p| html! {
                    <li key={p.code.to_string()}>
                        <Link<Route> to={Route::Procedure { code: p.code.to_string() }}>
                            <span lang="vi">{ format!("{} {}", p.code, p.name) }</span>
                        </Link<Route>>
                        <ul class="plain-list">
                            { for p.avoidable.iter().map(|d| html! {
                                <li class="document__held" lang="vi">
                                    { &d.text }
                                    if let Some(basis) = &d.basis { { " — " }{ t.c.basis }{ ": " }{ basis } }
                                </li>
                            }) }
                        </ul>
                    </li>
                }) }
            </ul>
            if shown < o.asking.len() {
                <button type="button" class="button button--secondary" onclick={show_all}>{ (r.show_all)(o.asking.len()) }</button>
            }
        </section>
    }
}

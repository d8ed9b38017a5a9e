//! A procedure: what it is, time, fee, legal basis, the papers with their once-only status, and
//! the way into filing it.

use motlan_core::Lang;
use motlan_core::api::ProcedureOverview as Procedure;
use motlan_core::consent::Purpose;
use yew::prelude::*;
use yew_router::prelude::*;

use super::information::InformationView;
use crate::components::document_list::DocumentList;
use crate::components::load_state::pending_view;
use crate::hooks::use_api::use_api;
use crate::hooks::use_resource::{Resource, use_resource, use_resource_from};
use crate::i18n::{Strings, money};
use crate::route::Route;
use crate::services::api::Api;
use crate::services::paths::{information_path, procedure_path};
use crate::state::embed::use_links;
use crate::state::prefs::use_prefs;
use crate::state::session::use_session;
use motlan_core::api::PrefillRequest;
use motlan_core::journey::START;

#[derive(Debug, PartialEq, Properties)]
pub struct ProcedurePageProps {
    pub code: String,
}

/// Every procedure: one with a form here shows its form's overview, any other the national
/// catalog's information page.
#[function_component(ProcedurePage)]
pub fn procedure_page(props: &ProcedurePageProps) -> Html {
    let prefs = use_prefs();
    let api = use_context::<Api>().expect("Api context");
    let initial = {
        let (api, code) = (api.clone(), props.code.clone());
        move || api.preloaded(&information_path(&code))
    };
    let information = use_resource_from(initial, props.code.clone(), move |code| {
        let api = api.clone();
        async move { api.information(&code).await }
    });
    match &*information.state {
        Resource::Ready(info) if info.online_form => html! {
            <FormProcedure code={props.code.clone()} portal={info.portal_url.clone()} />
        },
        Resource::Ready(info) => html! { <InformationView info={info.clone()} /> },
        pending => pending_view(pending, &information.retry, prefs.lang(), prefs.t()),
    }
}

#[derive(Debug, PartialEq, Properties)]
struct FormProcedureProps {
    code: String,
    /// The national portal's page of the procedure.
    portal: Option<String>,
}

#[function_component(FormProcedure)]
fn form_procedure(props: &FormProcedureProps) -> Html {
    // A filing is likely next: fetch its part while the citizen reads.
    use_effect_with((), |()| prefetch_filing());
    let prefs = use_prefs();
    let t = prefs.t();
    let links = use_links();
    let api = use_context::<Api>().expect("Api context");
    let procedure = {
        let (api, preloaded, code) = (api.clone(), api.clone(), props.code.clone());
        let initial = move || preloaded.preloaded(&procedure_path(&code));
        use_resource_from(initial, props.code.clone(), move |code| {
            let api = api.clone();
            async move { api.procedure_overview(&code).await }
        })
    };
    match &*procedure.state {
        Resource::Ready(p) => html! {
            <>
                <h1>{ p.name.get(prefs.lang()) }</h1>
                <p class="lead">{ p.summary.get(prefs.lang()) }</p>
                { facts_view(p, t, prefs.lang()) }
                <h2>{ t.documents_heading }</h2>
                <YourDocuments procedure={p.clone()} />
                <p class="submit">
                    <Link<Route> classes="button button--start" to={links.filing(p.code.as_str(), START)}>
                        { t.start_filing }
                    </Link<Route>>
                </p>
                if let Some(url) = &props.portal {
                    <p><a href={url.clone()} target="_blank" rel="noopener noreferrer">
                        { t.c.portal_link }<span class="visually-hidden">{ " " }{ t.c.new_tab }</span>
                    </a></p>
                }
            </>
        },
        pending => pending_view(pending, &procedure.retry, prefs.lang(), t),
    }
}

/// Fetches the filing journey's part ahead (not on the server, which has no journey).
fn prefetch_filing() {
    #[cfg(feature = "journey")]
    crate::filing_likely();
}

#[derive(Debug, PartialEq, Properties)]
struct YourDocumentsProps {
    procedure: std::rc::Rc<Procedure>,
}

/// The document list: the usual picture before sign-in, the citizen's own once signed in.
#[function_component(YourDocuments)]
fn your_documents(props: &YourDocumentsProps) -> Html {
    let prefs = use_prefs();
    let t = prefs.t();
    let session = use_session();
    let api = use_api();
    let signed_in = session.me().is_some();
    // The overview shows the procedure's most common case; the form decides the rest.
    let typical = props.procedure.typical_case.clone();
    let reading = use_resource(
        (props.procedure.code.to_string(), signed_in),
        move |(code, signed_in)| {
            let (api, answers) = (api.clone(), typical.clone());
            async move {
                if !signed_in {
                    return Ok(None);
                }
                let request = PrefillRequest {
                    procedure_code: code,
                    answers,
                };
                api.prefill(&request).await.map(Some)
            }
        },
    );
    let documents = props.procedure.documents.clone();
    match &*reading.state {
        Resource::Ready(answer) => match answer.as_ref() {
            Some(answer) if !answer.missing_consents.contains(&Purpose::Identity) => html! {
                <>
                    <p>{ t.your_documents_lead }</p>
                    <DocumentList {documents} statuses={answer.documents.clone()} />
                </>
            },
            Some(_) => html! {
                <>
                    <p>{ t.documents_lead }</p>
                    <p><Link<Route> to={Route::Consent}>{ t.consent_to_see }</Link<Route>></p>
                    <DocumentList {documents} />
                </>
            },
            None => html! {
                <>
                    <p>{ t.documents_lead }</p>
                    <DocumentList {documents} />
                </>
            },
        },
        Resource::Loading => html! {
            <>
                <p>{ t.documents_lead }</p>
                <DocumentList {documents} />
            </>
        },
        failed => pending_view(failed, &reading.retry, prefs.lang(), t),
    }
}

fn facts_view(p: &Procedure, t: &Strings, lang: Lang) -> Html {
    // One channel's fee: the amount, or the range its cases span (a vehicle's fee follows its
    // kind, value and area; a lost passport costs more).
    let span = |default: u64, case: fn(&motlan_core::api::FeeCaseAmounts) -> u64| {
        let all = || std::iter::once(default).chain(p.fees.cases.iter().map(case));
        (
            all().min().unwrap_or(default),
            all().max().unwrap_or(default),
        )
    };
    let fee = |(lo, hi): (u64, u64)| {
        if lo == hi {
            crate::i18n::fee(lo, t)
        } else {
            (t.fee_range)(&money(lo), &money(hi))
        }
    };
    let online = span(p.fees.online, |c| c.online);
    let in_person = span(p.fees.in_person, |c| c.in_person);
    let fees = if online == in_person {
        fee(online)
    } else {
        format!("{} ({}); {}", fee(online), t.online_fee, fee(in_person))
    };
    html! {
        <section aria-labelledby="facts-heading">
            <h2 id="facts-heading" class="visually-hidden">{ t.summary_heading }</h2>
            <dl class="summary-list">
                <div class="summary-list__row"><dt>{ t.authority }</dt><dd>{ p.authority.get(lang) }</dd></div>
                <div class="summary-list__row"><dt>{ t.processing_time }</dt><dd>{ (t.processing_days)(p.processing_days) }</dd></div>
                <div class="summary-list__row">
                    <dt>{ t.fee }</dt>
                    <dd>
                        { fees }
                        if let Some(note) = &p.fees.note { <br /><span class="hint">{ note.get(lang) }</span> }
                    </dd>
                </div>
                <div class="summary-list__row">
                    <dt>{ t.legal_basis }</dt>
                    <dd><ul class="plain-list" lang="vi">
                        { for p.legal_basis.iter().map(|b| html! { <li>{ &b.code }{ ": " }{ &b.title }</li> }) }
                    </ul></dd>
                </div>
            </dl>
        </section>
    }
}

//! A filed dossier: the receipt (code, appointment date, fee, QR code, print and download), the
//! timeline, and what the citizen can do next, as the core lifecycle allows it: answer a
//! supplement request (only the items the officer named), pay the fee (sandbox), rate the
//! service once the result is ready.

mod assisted;
mod payment;
mod rating;
mod receipt;
mod supplement;

use std::rc::Rc;

use motlan_core::api::DossierDetail;
use motlan_core::lifecycle::{Action, Actor, DossierStatus};
use yew::prelude::*;
use yew_router::prelude::*;

use crate::components::load_state::pending_view;
use crate::components::sign_in_button::SignInButton;
use crate::hooks::use_api::use_api;
use crate::hooks::use_resource::{Resource, use_resource};
use crate::i18n::{date_time, day, money};
use crate::route::Route;
use crate::state::prefs::use_prefs;
use crate::state::session::use_session;
use payment::PayFee;
use rating::RateService;
use receipt::{QrCode, ReceiptActions};
use supplement::SupplementForm;

#[derive(Debug, PartialEq, Properties)]
pub struct DossierPageProps {
    pub code: String,
}

#[function_component(DossierPage)]
pub fn dossier_page(props: &DossierPageProps) -> Html {
    let prefs = use_prefs();
    let t = prefs.t();
    let api = use_api();
    let signed_in = use_session().me().is_some();
    let detail = use_resource((props.code.clone(), signed_in), move |(code, signed_in)| {
        let api = api.clone();
        async move {
            if !signed_in {
                return Ok(None);
            }
            let detail = api.dossier(&code).await?;
            let procedure = api.procedure(&detail.receipt.procedure_code).await.ok();
            Ok(Some((detail, procedure)))
        }
    });
    match &*detail.state {
        Resource::Ready(found) => match found.as_ref() {
            None => html! {
                <>
                    <h1>{ t.j().dossier_title }</h1>
                    <p>{ t.sign_in_needed }</p>
                    <SignInButton />
                </>
            },
            Some((d, p)) => html! {
                <DossierView detail={Rc::new(d.clone())} procedure={p.clone().map(Rc::new)} reload={detail.retry.clone()} />
            },
        },
        pending => pending_view(pending, &detail.retry, prefs.lang(), t),
    }
}

#[derive(Debug, PartialEq, Properties)]
struct DossierViewProps {
    detail: Rc<DossierDetail>,
    procedure: Option<Rc<motlan_core::Procedure>>,
    reload: Callback<()>,
}

#[function_component(DossierView)]
fn dossier_view(props: &DossierViewProps) -> Html {
    let prefs = use_prefs();
    let (t, lang) = (prefs.t(), prefs.lang());
    let d = &props.detail;
    let r = &d.receipt;
    let name = props
        .procedure
        .as_ref()
        .map_or_else(|| r.procedure_code.clone(), |p| p.name.get(lang).to_owned());
    let standing = d.standing();
    let panel_title = match r.status {
        DossierStatus::Received => t.j().confirmation_title,
        status => (t.j().status_name)(status),
    };
    let fee = if r.fee == 0 {
        t.free.to_owned()
    } else {
        match &d.payment {
            Some(p) => (t.j().paid)(&money(p.amount), &date_time(&p.paid_at)),
            None => format!("{} ({})", money(r.fee), t.j().not_paid),
        }
    };
    html! {
        <>
            <div class="panel panel--confirmation">
                <h1 class="panel__title">{ panel_title }</h1>
                <p class="panel__body">
                    { t.j().dossier_code }<br />
                    <strong class="dossier-code" data-testid="dossier-code">{ &r.code }</strong>
                </p>
            </div>
            <div class="receipt">
                <QrCode code={r.code.clone()} />
                <dl class="summary-list">
                    <div class="summary-list__row"><dt>{ t.j().procedure_label }</dt><dd>{ name }{ " (" }{ &r.procedure_code }{ ")" }</dd></div>
                    <div class="summary-list__row"><dt>{ t.j().status_label }</dt><dd data-testid="status">{ (t.j().status_name)(r.status) }</dd></div>
                    <div class="summary-list__row"><dt>{ t.j().received_at }</dt><dd>{ date_time(&r.received_at) }</dd></div>
                    <div class="summary-list__row"><dt>{ t.j().appointment }</dt><dd data-testid="appointment">{ day(&r.appointment_on) }</dd></div>
                    <div class="summary-list__row"><dt>{ t.fee }</dt><dd>{ fee }</dd></div>
                </dl>
            </div>
            if let Some(by) = &r.assisted_by {
                <assisted::Assisted code={r.code.clone()} by={by.clone()} />
            }
            <p>{ t.j().confirmation_next }</p>
            <ReceiptActions code={r.code.clone()} />
            if let (Some(request), Some(procedure), true) = (&d.supplement, &props.procedure, standing.allows(Actor::Owner, Action::AnswerSupplement)) {
                <SupplementForm code={r.code.clone()} items={request.items.clone()} note={request.note.get(lang).to_owned()}
                    procedure={procedure.clone()} answers={Rc::new(d.answers.clone())} reload={props.reload.clone()} />
            }
            if standing.allows(Actor::Owner, Action::Pay) {
                <PayFee code={r.code.clone()} amount={r.fee} reload={props.reload.clone()} />
            }
            if let Some(rating) = &d.rating {
                <h2>{ t.j().rating_title }</h2>
                <p>{ (t.j().rated)(rating.score) }</p>
            } else if standing.allows(Actor::Owner, Action::Rate) {
                <RateService code={r.code.clone()} reload={props.reload.clone()} />
            }
            <h2>{ t.j().timeline }</h2>
            <ol class="timeline">
                { for d.events.iter().rev().map(|e| html! {
                    <li class="timeline__item">
                        <p class="timeline__status"><strong>{ (t.j().status_name)(e.status) }</strong>{ " · " }{ date_time(&e.at) }</p>
                        <p>{ e.note.get(lang) }</p>
                    </li>
                }) }
            </ol>
            <p class="no-print"><Link<Route> to={Route::MyDossiers}>{ t.my_dossiers }</Link<Route>></p>
        </>
    }
}

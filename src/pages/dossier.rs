//! A filed dossier: the receipt (code, appointment date, fee, QR code, print and download), the
//! timeline, and what the citizen can do next: answer a supplement request (only the items the
//! officer named), pay the fee (sandbox), rate the service once the result is ready.

use std::rc::Rc;

use motlan_core::api::{DossierDetail, Rating, SupplementAnswer, SupplementItem};
use motlan_core::form::Answers;
use motlan_core::lifecycle::DossierStatus;
use motlan_core::procedure::Document;
use yew::prelude::*;
use yew_router::prelude::*;

use crate::components::load_state::pending_view;
use crate::components::question::{QuestionField, input_id};
use crate::components::sign_in_button::SignInButton;
use crate::components::uploader::Uploader;
use crate::hooks::use_api::use_api;
use crate::hooks::use_resource::{Resource, use_resource};
use crate::i18n::{date_time, day, money};
use crate::pages::filing::{Change, Filing, upload_callbacks};
use crate::route::Route;
use crate::services::api::Api;
use crate::state::prefs::use_prefs;
use crate::state::session::use_session;

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
                    <h1>{ t.j.dossier_title }</h1>
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
    let panel_title = match r.status {
        DossierStatus::Received => t.j.confirmation_title,
        status => (t.j.status_name)(status),
    };
    let fee = if r.fee == 0 {
        t.free.to_owned()
    } else {
        match &d.payment {
            Some(p) => (t.j.paid)(&money(p.amount), &date_time(&p.paid_at)),
            None => format!("{} ({})", money(r.fee), t.j.not_paid),
        }
    };
    html! {
        <>
            <div class="panel panel--confirmation">
                <h1 class="panel__title">{ panel_title }</h1>
                <p class="panel__body">
                    { t.j.dossier_code }<br />
                    <strong class="dossier-code" data-testid="dossier-code">{ &r.code }</strong>
                </p>
            </div>
            <div class="receipt">
                <QrCode code={r.code.clone()} />
                <dl class="summary-list">
                    <div class="summary-list__row"><dt>{ t.j.procedure_label }</dt><dd>{ name }{ " (" }{ &r.procedure_code }{ ")" }</dd></div>
                    <div class="summary-list__row"><dt>{ t.j.status_label }</dt><dd data-testid="status">{ (t.j.status_name)(r.status) }</dd></div>
                    <div class="summary-list__row"><dt>{ t.j.received_at }</dt><dd>{ date_time(&r.received_at) }</dd></div>
                    <div class="summary-list__row"><dt>{ t.j.appointment }</dt><dd data-testid="appointment">{ day(&r.appointment_on) }</dd></div>
                    <div class="summary-list__row"><dt>{ t.fee }</dt><dd>{ fee }</dd></div>
                </dl>
            </div>
            <p>{ t.j.confirmation_next }</p>
            <ReceiptActions code={r.code.clone()} />
            if let (Some(request), Some(procedure)) = (&d.supplement, &props.procedure) {
                <SupplementForm code={r.code.clone()} items={request.items.clone()} note={request.note.get(lang).to_owned()}
                    procedure={procedure.clone()} answers={Rc::new(d.answers.clone())} reload={props.reload.clone()} />
            }
            if r.fee > 0 && d.payment.is_none() && !matches!(r.status, DossierStatus::Rejected | DossierStatus::Withdrawn) {
                <PayFee code={r.code.clone()} amount={r.fee} reload={props.reload.clone()} />
            }
            if r.status == DossierStatus::ResultReady {
                if let Some(rating) = &d.rating {
                    <h2>{ t.j.rating_title }</h2>
                    <p>{ (t.j.rated)(rating.score) }</p>
                } else {
                    <RateService code={r.code.clone()} reload={props.reload.clone()} />
                }
            }
            <h2>{ t.j.timeline }</h2>
            <ol class="timeline">
                { for d.events.iter().rev().map(|e| html! {
                    <li class="timeline__item">
                        <p class="timeline__status"><strong>{ (t.j.status_name)(e.status) }</strong>{ " · " }{ date_time(&e.at) }</p>
                        <p>{ e.note.get(lang) }</p>
                    </li>
                }) }
            </ol>
            <p class="no-print"><Link<Route> to={Route::MyDossiers}>{ t.my_dossiers }</Link<Route>></p>
        </>
    }
}

#[derive(Debug, PartialEq, Properties)]
struct CodeProps {
    code: String,
}

/// The receipt's QR code, drawn by the server (it signs what it prints).
#[function_component(QrCode)]
fn qr_code(props: &CodeProps) -> Html {
    let t = use_prefs().t();
    let api = use_api();
    let svg = use_resource(props.code.clone(), move |code| {
        let api = api.clone();
        async move { api.text(&format!("/dossiers/{code}/qr.svg")).await }
    });
    match &*svg.state {
        Resource::Ready(svg) => {
            // The SVG comes from the API's own QR renderer and holds only shapes.
            let start = svg.find("<svg").unwrap_or(0);
            html! {
                <div class="qr" role="img" aria-label={(t.j.qr_label)(&props.code)}>
                    { Html::from_html_unchecked(AttrValue::from(svg[start..].to_owned())) }
                </div>
            }
        }
        _ => html! {},
    }
}

/// Print the receipt (print stylesheet) or download a self-contained copy.
#[function_component(ReceiptActions)]
fn receipt_actions(props: &CodeProps) -> Html {
    let prefs = use_prefs();
    let (t, lang) = (prefs.t(), prefs.lang());
    let api = use_api();
    let failed = use_state(|| None::<String>);
    let print = Callback::from(|_: MouseEvent| {
        if let Some(w) = web_sys::window() {
            let _ = w.print();
        }
    });
    let download = {
        let (code, failed) = (props.code.clone(), failed.clone());
        Callback::from(move |_: MouseEvent| {
            let (api, code, failed) = (api.clone(), code.clone(), failed.clone());
            wasm_bindgen_futures::spawn_local(async move {
                match api.text(&format!("/dossiers/{code}/receipt.html")).await {
                    Ok(html) => save_file(&format!("phieu-tiep-nhan-{code}.html"), &html),
                    Err(f) => failed.set(Some(f.message(lang, t.load_failed))),
                }
            });
        })
    };
    html! {
        <div class="button-group no-print">
            <button type="button" class="button button--secondary" onclick={print}>{ t.j.print }</button>
            <button type="button" class="button button--secondary" onclick={download}>{ t.j.download }</button>
            if let Some(message) = &*failed { <p class="error-message" role="alert">{ message }</p> }
        </div>
    }
}

/// Offers `content` as a file download.
fn save_file(name: &str, content: &str) {
    use wasm_bindgen::JsCast as _;
    let parts = js_sys::Array::of1(&wasm_bindgen::JsValue::from_str(content));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type("text/html;charset=utf-8");
    let Ok(blob) = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options) else {
        return;
    };
    let Ok(url) = web_sys::Url::create_object_url_with_blob(&blob) else {
        return;
    };
    let link = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.create_element("a").ok())
        .and_then(|a| a.dyn_into::<web_sys::HtmlAnchorElement>().ok());
    if let Some(link) = link {
        link.set_href(&url);
        link.set_download(name);
        link.click();
    }
    let _ = web_sys::Url::revoke_object_url(&url);
}

#[derive(Debug, PartialEq, Properties)]
struct SupplementProps {
    code: String,
    items: Vec<SupplementItem>,
    note: String,
    procedure: Rc<motlan_core::Procedure>,
    answers: Rc<Answers>,
    reload: Callback<()>,
}

/// A supplement request reopens exactly the items the officer named; the rest stays as filed.
#[function_component(SupplementForm)]
fn supplement_form(props: &SupplementProps) -> Html {
    let prefs = use_prefs();
    let (t, lang) = (prefs.t(), prefs.lang());
    let api = use_api();
    let given = {
        let typed = (*props.answers).clone();
        use_reducer(move || Filing {
            typed,
            ..Filing::default()
        })
    };
    let errors = use_state(Vec::<(String, String)>::new);
    let failure = use_state(|| None::<String>);
    let busy = use_state(|| false);
    let questions: Vec<Rc<motlan_core::form::Question>> = props
        .items
        .iter()
        .filter_map(|i| match i {
            SupplementItem::Answer(id) => props
                .procedure
                .pages
                .iter()
                .flat_map(|p| &p.questions)
                .find(|q| &q.id == id || q.keys().contains(id))
                .map(|q| Rc::new(q.clone())),
            SupplementItem::Document(_) => None,
        })
        .collect();
    let documents: Vec<Document> = props
        .items
        .iter()
        .filter_map(|i| match i {
            SupplementItem::Document(id) => props
                .procedure
                .documents
                .iter()
                .find(|d| &d.id == id)
                .cloned(),
            SupplementItem::Answer(_) => None,
        })
        .collect();
    let on_change = {
        let given = given.clone();
        Callback::from(move |(k, v): (String, String)| given.dispatch(Change::Answer(k, v)))
    };
    let onsubmit = {
        let (api, code, reload) = (api.clone(), props.code.clone(), props.reload.clone());
        let (given, errors, failure, busy) =
            (given.clone(), errors.clone(), failure.clone(), busy.clone());
        let keys: Vec<String> = questions.iter().flat_map(|q| q.keys()).collect();
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            busy.set(true);
            let answer = SupplementAnswer {
                answers: keys
                    .iter()
                    .map(|k| (k.clone(), given.typed.get(k).cloned().unwrap_or_default()))
                    .collect(),
                attachments: given
                    .uploads
                    .iter()
                    .map(|(d, list)| (d.clone(), list.iter().map(|u| u.id.clone()).collect()))
                    .collect(),
            };
            let (api, code, reload, errors, failure, busy) = (
                api.clone(),
                code.clone(),
                reload.clone(),
                errors.clone(),
                failure.clone(),
                busy.clone(),
            );
            wasm_bindgen_futures::spawn_local(async move {
                match api.answer_supplement(&code, &answer).await {
                    Ok(()) => reload.emit(()),
                    Err(crate::services::api::ApiFailure::Rejected { error, .. }) => {
                        errors.set(
                            error
                                .fields
                                .iter()
                                .map(|f| (f.field.clone(), f.message_key.clone()))
                                .collect(),
                        );
                        failure.set(Some(error.message.get(lang).to_owned()));
                    }
                    Err(f) => failure.set(Some(f.message(lang, t.j.submit_network))),
                }
                busy.set(false);
            });
        })
    };
    let field_errors = Rc::new((*errors).clone());
    let shown = Rc::new(given.typed.clone());
    html! {
        <section class="card supplement" aria-labelledby="supplement-title">
            <h2 id="supplement-title">{ t.j.supplement_title }</h2>
            <p>{ t.j.supplement_lead }</p>
            <p class="notice"><span class="label">{ t.j.officer_note }</span>{ &props.note }</p>
            if let Some(message) = &*failure {
                <div class="error-summary" role="alert">
                    <h3 class="error-summary__title">{ t.j.error_summary_title }</h3>
                    <p>{ message }</p>
                </div>
            }
            <form {onsubmit} novalidate=true>
                { for questions.iter().map(|q| html! {
                    <QuestionField key={q.id.clone()} question={q.clone()} answers={shown.clone()} prefilled={Rc::new(Vec::new())}
                        errors={field_errors.clone()} on_change={on_change.clone()} />
                }) }
                { for documents.iter().map(|doc| {
                    let field = format!("documents.{}", doc.id);
                    let error = field_errors.iter().find(|(k, _)| *k == field).map(|(_, m)| m.clone());
                    let list = given.uploads.get(&doc.id).cloned().unwrap_or_default();
                    let (on_uploaded, on_remove) = upload_callbacks(&given, &doc.id);
                    html! {
                        <Uploader key={doc.id.clone()} id={input_id(&field)} label={AttrValue::from(doc.name.get(lang).to_owned())}
                            accept={doc.accept.clone()} max_bytes={u64::from(doc.max_mb) * 1024 * 1024} uploads={list} {error} {on_uploaded} {on_remove} />
                    }
                }) }
                <button type="submit" class="button" disabled={*busy}>{ t.j.supplement_send }</button>
            </form>
        </section>
    }
}

#[derive(Debug, PartialEq, Properties)]
struct PayProps {
    code: String,
    amount: u64,
    reload: Callback<()>,
}

/// Pays the fee through the payment SANDBOX (no money moves).
#[function_component(PayFee)]
fn pay_fee(props: &PayProps) -> Html {
    let prefs = use_prefs();
    let (t, lang) = (prefs.t(), prefs.lang());
    let api = use_api();
    let failure = use_state(|| None::<String>);
    let busy = use_state(|| false);
    let onclick = {
        let (code, reload, failure, busy) = (
            props.code.clone(),
            props.reload.clone(),
            failure.clone(),
            busy.clone(),
        );
        Callback::from(move |_: MouseEvent| {
            busy.set(true);
            let (api, code, reload, failure, busy) = (
                api.clone(),
                code.clone(),
                reload.clone(),
                failure.clone(),
                busy.clone(),
            );
            wasm_bindgen_futures::spawn_local(async move {
                match api.dossier_action(&code, "payment", &()).await {
                    Ok(_) => reload.emit(()),
                    Err(f) => {
                        failure.set(Some(f.message(lang, t.j.submit_network)));
                        busy.set(false);
                    }
                }
            });
        })
    };
    html! {
        <section class="card no-print" aria-labelledby="pay-title">
            <h2 id="pay-title">{ t.j.pay_title }</h2>
            <p>{ t.j.pay_lead }</p>
            if let Some(message) = &*failure { <p class="error-message" role="alert">{ message }</p> }
            <button type="button" class="button" {onclick} disabled={*busy}>{ (t.j.pay_button)(&money(props.amount)) }</button>
        </section>
    }
}

#[derive(Debug, PartialEq, Properties)]
struct RateProps {
    code: String,
    reload: Callback<()>,
}

/// Rating from 1 to 5 with optional feedback, once the result is ready.
#[function_component(RateService)]
fn rate_service(props: &RateProps) -> Html {
    let prefs = use_prefs();
    let (t, lang) = (prefs.t(), prefs.lang());
    let api: Api = use_api();
    let score = use_state(|| 0u8);
    let feedback = use_state(String::new);
    let failure = use_state(|| None::<String>);
    let onsubmit = {
        let (code, reload, score, feedback, failure) = (
            props.code.clone(),
            props.reload.clone(),
            score.clone(),
            feedback.clone(),
            failure.clone(),
        );
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let rating = Rating {
                score: *score,
                feedback: (*feedback).clone(),
                rated_at: String::new(),
            };
            let (api, code, reload, failure) =
                (api.clone(), code.clone(), reload.clone(), failure.clone());
            wasm_bindgen_futures::spawn_local(async move {
                match api.rate(&code, &rating).await {
                    Ok(()) => reload.emit(()),
                    Err(f) => failure.set(Some(f.message(lang, t.j.submit_network))),
                }
            });
        })
    };
    let feedback_input = {
        let feedback = feedback.clone();
        Callback::from(move |e: InputEvent| {
            let area: web_sys::HtmlTextAreaElement = e.target_unchecked_into();
            feedback.set(area.value());
        })
    };
    html! {
        <form class="card no-print" {onsubmit} novalidate=true>
            <h2>{ t.j.rating_title }</h2>
            if let Some(message) = &*failure {
                <p class="error-message" role="alert">{ message }</p>
            }
            <fieldset class="fieldset">
                <legend class="label">{ t.j.rating_question }</legend>
                <div class="radios">
                    { for (1..=5u8).map(|n| {
                        let id = format!("rating-{n}");
                        let score_handle = score.clone();
                        let onchange = Callback::from(move |_: Event| score_handle.set(n));
                        html! {
                            <div class="radio">
                                <input type="radio" id={id.clone()} name="rating" checked={*score == n} {onchange} />
                                <label for={id}>{ (t.j.rating_label)(n) }</label>
                            </div>
                        }
                    }) }
                </div>
            </fieldset>
            <label class="label" for="rating-feedback">{ t.j.feedback }{ " " }<span class="hint-inline">{ t.j.optional }</span></label>
            <textarea id="rating-feedback" class="input textarea" rows="3" value={(*feedback).clone()} oninput={feedback_input} />
            <button type="submit" class="button">{ t.j.rating_send }</button>
        </form>
    }
}

//! Check your answers: what national data gave, each answered page with "Thay đổi" links that
//! return here, the documents, and the submission (with the filing's idempotency key, so a retry
//! never files twice).

use motlan_core::api::NewDossier;
use motlan_core::form::Question;
use motlan_core::journey::DOCUMENTS;
use motlan_core::reuse::Resolution;
use yew::prelude::*;
use yew_router::prelude::*;

use super::StepProps;
use crate::components::question::display;
use crate::hooks::use_api::use_api;
use crate::route::Route;
use crate::services::api::ApiFailure;
use crate::services::drafts;
use crate::state::embed::{use_embed, use_links};
use crate::state::prefs::use_prefs;

#[function_component(CheckStep)]
pub(super) fn check_step(props: &StepProps) -> Html {
    let prefs = use_prefs();
    let (t, lang) = (prefs.t(), prefs.lang());
    let api = use_api();
    let navigator = use_navigator().expect("inside a router");
    let busy = use_state(|| false);
    let embed = use_embed();
    let links = use_links();
    let share = use_state(|| false);
    // Kept to send later: the connection was lost as the citizen filed.
    let queued = use_state(|| false);
    let procedure = &props.procedure;
    let effective = &props.effective;
    let plan = props.plan();
    let code = procedure.code.to_string();
    let onclick = {
        let (busy, navigator, code) = (busy.clone(), navigator.clone(), code.clone());
        let (errors, failure) = (props.errors.clone(), props.failure.clone());
        let (embed, links, share) = (embed.clone(), links.clone(), *share);
        let dossier = NewDossier {
            procedure_code: code.clone(),
            answers: plan.submitted(effective),
            attachments: props.filing.attachments(),
            // Filed in a volunteer's help session, if this tab accepted one (not when embedded).
            help: embed
                .is_none()
                .then(crate::services::help::helping)
                .flatten()
                // One dossier per help session: after filing, the tab files on its own.
                .filter(|h| h.dossier.is_none())
                .map(|h| h.link),
        };
        let key = props.filing.idempotency_key.clone();
        // Not inside an agency's frame (the outbox is this site's, shown in its own header), nor
        // on a shared kiosk, which wipes itself after each resident.
        let draft_box = props
            .draft_box
            .clone()
            .filter(|_| embed.is_none() && crate::state::kiosk::token().is_none());
        let queued = queued.clone();
        Callback::from(move |_: MouseEvent| {
            if *busy {
                return;
            }
            busy.set(true);
            failure.set(None);
            let (api, code, dossier, key) =
                (api.clone(), code.clone(), dossier.clone(), key.clone());
            let (draft_box, queued) = (draft_box.clone(), queued.clone());
            let (embed, links) = (embed.clone(), links.clone());
            let (busy, navigator, errors, failure) = (
                busy.clone(),
                navigator.clone(),
                errors.clone(),
                failure.clone(),
            );
            wasm_bindgen_futures::spawn_local(async move {
                match api.submit_dossier(&dossier, &key).await {
                    Ok(receipt) => {
                        drafts::discard(&code);
                        if let Some(mut helping) = crate::services::help::helping()
                            && receipt.assisted_by.is_some()
                        {
                            helping.dossier = Some(receipt.code.clone());
                            crate::services::help::remember(&helping);
                        }
                        if let Some(embed) = &embed {
                            // The agency learns the code only if the citizen said so.
                            let code = if share {
                                wasm_bindgen::JsValue::from_str(&receipt.code)
                            } else {
                                wasm_bindgen::JsValue::NULL
                            };
                            embed.post("motlan:filed", &[("code", code)]);
                        }
                        navigator.push(&links.dossier(&code, &receipt.code));
                    }
                    Err(ApiFailure::Rejected { error, .. }) if !error.fields.is_empty() => {
                        failure.set(Some(error.message.get(lang).to_owned()));
                        errors.set(error.fields);
                        busy.set(false);
                    }
                    Err(f) => {
                        // No connection: the dossier waits, sealed, and is sent when it returns.
                        let kept = match (&f, &draft_box) {
                            (ApiFailure::Network, Some(b)) => {
                                crate::services::outbox::queue(b, &key, &dossier)
                                    .await
                                    .is_some()
                            }
                            _ => false,
                        };
                        if kept {
                            drafts::discard(&code);
                            queued.set(true);
                        } else {
                            failure.set(Some(f.message(lang, t.j().submit_network)));
                            busy.set(false);
                        }
                    }
                }
            });
        })
    };
    // Once the outbox sends the dossier kept here, show its receipt as a direct filing would.
    let version = crate::hooks::use_outbox::use_outbox_version();
    {
        let (navigator, links, code) = (navigator.clone(), links.clone(), code.clone());
        let key = props.filing.idempotency_key.clone();
        use_effect_with((*queued, version), move |&(queued, _)| {
            let filed = crate::components::outbox_runner::SENT.with(|s| {
                s.borrow()
                    .iter()
                    .find(|(k, _)| *k == key)
                    .map(|(_, c)| c.clone())
            });
            if let (true, Some(receipt)) = (queued, filed) {
                navigator.push(&links.dossier(&code, &receipt));
            }
        });
    }
    let change = |step: &str| {
        let (navigator, returning, links) =
            (navigator.clone(), props.returning.clone(), links.clone());
        let to = links.filing(&code, step);
        Callback::from(move |_: MouseEvent| {
            returning.set(true);
            navigator.push(&to);
        })
    };
    let row = |q: &Question, action: Html| {
        html! {
            <div class="summary-list__row summary-list__row--action">
                <dt>{ q.label.get(lang) }</dt>
                <dd>{ display(q, effective, lang, t) }</dd>
                <dd class="summary-list__action">{ action }</dd>
            </div>
        }
    };
    let fee_due = {
        let amount = crate::i18n::fee(procedure.fees.online_for(effective), t);
        match procedure.fees.case_for(effective) {
            Some(case) => format!("{amount} ({})", case.label.get(lang)),
            None => amount,
        }
    };
    let from_national_data = || html! { <span class="hint">{ t.j().from_national_data }</span> };
    html! {
        <>
            <h1 tabindex="-1" ref={props.heading.clone()}>{ t.j().check_title }</h1>
            if !plan.known.is_empty() {
                <h2 class="section-title">{ t.j().known_title }</h2>
                <dl class="summary-list">
                    { for plan.known.iter().filter(|q| plan.fully_locked(q)).map(|q| row(q, from_national_data())) }
                </dl>
            }
            { for plan.pages().map(|(page, qs)| html! {
                <>
                    <h2 class="section-title">{ page.title.get(lang) }</h2>
                    <dl class="summary-list">
                        { for qs.iter().map(|q| row(q, if plan.fully_locked(q) {
                            from_national_data()
                        } else {
                            html! {
                                <button type="button" class="link-button" onclick={change(&page.id)}>
                                    { t.j().change }<span class="visually-hidden">{ " " }{ q.label.get(lang) }</span>
                                </button>
                            }
                        })) }
                    </dl>
                </>
            }) }
            if !plan.documents.is_empty() {
                <h2 class="section-title">{ t.j().documents_step_title }</h2>
                <dl class="summary-list">
                    { for plan.documents.iter().map(|d| {
                        let name = procedure.documents.iter().find(|x| x.id == d.document).map(|x| x.name.get(lang).to_owned()).unwrap_or_default();
                        let files = props.filing.uploads.get(&d.document).map(Vec::len).unwrap_or(0);
                        let status = match (&d.resolution, files) {
                            (_, n) if n > 0 => (t.j().files_count)(n),
                            (Resolution::Held { .. } | Resolution::Waived { .. }, _) => t.waived_tag.to_owned(),
                            _ => t.j().not_answered.to_owned(),
                        };
                        html! {
                            <div class="summary-list__row summary-list__row--action">
                                <dt>{ name.clone() }</dt>
                                <dd>{ status }</dd>
                                <dd class="summary-list__action">
                                    <button type="button" class="link-button" onclick={change(DOCUMENTS)}>
                                        { t.j().change }<span class="visually-hidden">{ " " }{ name }</span>
                                    </button>
                                </dd>
                            </div>
                        }
                    }) }
                </dl>
            }
            <h2 class="section-title">{ t.j().submit_title }</h2>
            <p>{ t.j().submit_lead }</p>
            // The fee of these answers' case (a student pays half, a lost passport costs more).
            <p data-testid="fee-due"><strong>{ t.fee }{ ": " }</strong>{ fee_due }</p>
            if let Some(agency) = embed.as_ref().and_then(|e| e.agency.as_ref()) {
                <div class="checkbox">
                    <input type="checkbox" id="share-code" checked={*share} aria-describedby="share-code-hint"
                        onchange={{ let share = share.clone(); Callback::from(move |_: Event| share.set(!*share)) }} />
                    <label for="share-code">{ (t.j().embed_share)(agency.agency_name.get(lang)) }</label>
                </div>
                <p class="hint" id="share-code-hint">{ t.j().embed_share_hint }</p>
            }
            if *queued {
                <div class="panel panel--waiting" role="status" data-testid="queued">
                    <h2 class="panel__title">{ t.j().queued_title }</h2>
                    <p class="panel__body">{ t.j().queued_body }</p>
                    <p><Link<Route> to={Route::Outbox}>{ t.j().queued_link }</Link<Route>></p>
                </div>
            } else {
                <button type="button" class="button" {onclick} disabled={*busy}>{ if *busy { t.j().submitting } else { t.j().submit } }</button>
            }
        </>
    }
}

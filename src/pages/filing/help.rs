//! Filing with a volunteer's help: a banner saying who helps and what they see, with a way to
//! stop; and the report of progress to the volunteer's screen. The report carries ids only (the
//! step, the questions with errors, the documents to upload); the server names them from the
//! catalog, so nothing the resident typed can reach the volunteer.

use motlan_core::api::ProgressReport;
use motlan_core::journey::{Plan, field_label};
use motlan_core::{FieldError, Lang, Procedure};
use yew::prelude::*;

use crate::hooks::use_api::use_api;
use crate::services::api::ApiFailure;
use crate::services::help::{forget, helping};
use crate::state::prefs::use_prefs;

/// Ids of the step and of what needs attention, never a value.
pub(super) fn report(
    procedure: &Procedure,
    plan: &Plan<'_>,
    index: usize,
    errors: &[FieldError],
    filing: &crate::state::filing::Filing,
    lang: Lang,
) -> ProgressReport {
    ProgressReport {
        procedure_code: procedure.code.to_string(),
        step: plan.steps[index].id().to_owned(),
        step_number: u8::try_from(index + 1).unwrap_or(u8::MAX),
        step_count: u8::try_from(plan.steps.len()).unwrap_or(u8::MAX),
        // Only fields the procedure names (the server refuses any other id).
        question_errors: errors
            .iter()
            .map(|e| e.field.clone())
            .filter(|f| field_label(procedure, f, lang) != *f)
            .collect(),
        documents_remaining: filing
            .missing_documents(&plan.documents)
            .map(|d| d.document.clone())
            .collect(),
    }
}

#[derive(PartialEq, Properties)]
pub(super) struct HelpProps {
    pub(super) report: ProgressReport,
}

/// Shown on every step while a volunteer helps; reports each change of step or problems.
#[function_component(HelpPanel)]
pub(super) fn help_panel(props: &HelpProps) -> Html {
    let prefs = use_prefs();
    let t = prefs.t();
    let h = t.j().h;
    let api = use_api();
    // Once the session's dossier is filed, further filings in this tab are the resident's own.
    let current = use_state(|| helping().filter(|h| h.dossier.is_none()));
    let stopped = use_state(|| false);
    {
        let (api, current) = (api.clone(), current.clone());
        use_effect_with(props.report.clone(), move |report| {
            if let Some(helping) = (*current).clone() {
                let report = report.clone();
                wasm_bindgen_futures::spawn_local(async move {
                    if let Err(ApiFailure::Rejected { error, .. }) =
                        api.help_progress(&helping.link, report).await
                        && matches!(
                            error.error.as_str(),
                            "help_session_closed" | "help_key_wrong" | "help_session_unknown"
                        )
                    {
                        // The session is over or was never this citizen's: stop reporting.
                        forget();
                        current.set(None);
                    }
                });
            }
        });
    }
    let Some(helping) = (*current).clone() else {
        return if *stopped {
            html! { <p class="notice" role="status">{ h.help_stopped }</p> }
        } else {
            html! {}
        };
    };
    let stop = {
        let (current, stopped) = (current.clone(), stopped.clone());
        Callback::from(move |_: MouseEvent| {
            let (api, link, current, stopped) = (
                api.clone(),
                helping.link.clone(),
                current.clone(),
                stopped.clone(),
            );
            wasm_bindgen_futures::spawn_local(async move {
                let _ = api.help_action(&link, "end").await;
                forget();
                current.set(None);
                stopped.set(true);
            });
        })
    };
    html! {
        <div class="notice help-banner" role="note">
            <p><strong>{ (h.helped_by)(&helping.helper) }</strong>{ " " }{ h.helped_note }</p>
            <button type="button" class="button button--secondary" onclick={stop}>{ h.stop_help }</button>
        </div>
    }
}

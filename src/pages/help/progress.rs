//! What the volunteer sees of a session: its state, the step the resident is on with a tip on
//! how to explain it, and which questions and documents still need attention, by name.

use motlan_core::api::HelpSessionView;
use motlan_core::help::HelpState;
use yew::prelude::*;

use crate::state::prefs::use_prefs;

#[derive(PartialEq, Properties)]
pub(super) struct ProgressProps {
    pub(super) view: Option<HelpSessionView>,
}

#[function_component(SessionProgress)]
pub(super) fn session_progress(props: &ProgressProps) -> Html {
    let prefs = use_prefs();
    let lang = prefs.lang();
    let h = prefs.t().j().h;
    let Some(view) = &props.view else {
        return html! { <p role="status" aria-live="polite" class="help-state">{ h.waiting }</p> };
    };
    let state = match view.state {
        HelpState::Waiting if view.expired => h.expired,
        HelpState::Waiting => h.waiting,
        HelpState::Accepted => h.accepted,
        HelpState::Filed => h.filed,
        HelpState::Declined => h.declined,
        HelpState::Ended => h.ended,
    };
    let list = |items: &[motlan_core::Localized]| {
        if items.is_empty() {
            html! { <p>{ h.nothing }</p> }
        } else {
            html! { <ul>{ for items.iter().map(|i| html! { <li>{ i.get(lang) }</li> }) }</ul> }
        }
    };
    let tip = view
        .progress
        .as_ref()
        .and_then(|p| p.tip.clone())
        .or_else(|| view.tip.clone());
    html! {
        <div class="help-progress">
            <p role="status" aria-live="polite" class="help-state"><strong>{ state }</strong></p>
            if let Some(p) = &view.progress {
                <p class="caption">{ p.procedure_name.get(lang) }</p>
                <h3>{ (h.step_of)(p.step_number, p.step_count) }{ ": " }{ p.step_title.get(lang) }</h3>
                <h4>{ h.errors_heading }</h4>
                { list(&p.questions_with_errors) }
                <h4>{ h.documents_heading }</h4>
                { list(&p.documents_remaining) }
            }
            if let Some(tip) = tip {
                <div class="notice help-tip"><h4>{ h.tip_heading }</h4><p>{ tip.get(lang) }</p></div>
            }
            if view.state == HelpState::Filed {
                if let Some(code) = &view.dossier_code {
                    <p>{ h.dossier_shared }{ ": " }<strong class="help-dossier-code">{ code }</strong></p>
                } else {
                    <p class="hint">{ h.dossier_not_shared }</p>
                }
            }
        </div>
    }
}

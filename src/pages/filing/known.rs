//! The first step when national data answers something: what the State already holds, with its
//! source, to confirm rather than type, and who corrects it if it is wrong.

use yew::prelude::*;
use yew_router::prelude::*;

use super::StepProps;
use crate::components::question::{NotRight, display, source_line};
use crate::state::prefs::use_prefs;

#[function_component(KnownStep)]
pub(super) fn known_step(props: &StepProps) -> Html {
    let prefs = use_prefs();
    let (t, lang) = (prefs.t(), prefs.lang());
    let navigator = use_navigator().expect("inside a router");
    let reading = &props.reading;
    let plan = props.plan();
    let onclick = {
        let next = props.next.clone();
        Callback::from(move |_: MouseEvent| navigator.push(&next))
    };
    html! {
        <>
            <h1 tabindex="-1" ref={props.heading.clone()}>{ t.j().known_title }</h1>
            <p>{ t.j().known_lead }</p>
            <dl class="summary-list">
                { for plan.known.iter().map(|q| {
                    let source = reading.prefilled.iter().find(|p| p.locked && q.keys().contains(&p.key)).map(|p| source_line(p, t));
                    html! {
                        <div class="summary-list__row">
                            <dt>{ q.label.get(lang) }</dt>
                            <dd>
                                { display(q, &props.effective, lang, t) }
                                if let Some(source) = source { <br /><span class="hint">{ source }</span> }
                            </dd>
                        </div>
                    }
                }) }
            </dl>
            <NotRight />
            <button type="button" class="button" {onclick}>{ t.j().confirm_continue }</button>
        </>
    }
}

//! A page of the form: the questions national data does not answer, checked by the server with
//! the rules applied at filing before the citizen moves on.

use std::rc::Rc;

use motlan_core::api::CheckRequest;
use motlan_core::journey::Step;
use yew::prelude::*;
use yew_router::prelude::*;

use super::StepProps;
use crate::components::question::QuestionField;
use crate::hooks::use_api::use_api;
use crate::state::filing::Change;
use crate::state::prefs::use_prefs;

#[function_component(QuestionsStep)]
pub(super) fn questions_step(props: &StepProps) -> Html {
    let prefs = use_prefs();
    let (t, lang) = (prefs.t(), prefs.lang());
    let api = use_api();
    let navigator = use_navigator().expect("inside a router");
    let busy = use_state(|| false);
    let reading = &props.reading;
    let plan = props.plan();
    let Some(Step::Page(page, questions)) = plan.steps.iter().find(|s| s.id() == props.step) else {
        return html! {};
    };
    let open: Vec<String> = questions
        .iter()
        .filter(|q| !plan.fully_locked(q))
        .map(|q| q.id.clone())
        .collect();
    let onsubmit = {
        let (busy, next) = (busy.clone(), props.next.clone());
        let code = props.procedure.code.to_string();
        let (filing, errors, failure, returning) = (
            props.filing.clone(),
            props.errors.clone(),
            props.failure.clone(),
            props.returning.clone(),
        );
        let request = CheckRequest {
            answers: (*props.effective).clone(),
            questions: open,
        };
        // Normalised answers come back for every key; locked ones stay with their source.
        let locked: Vec<String> = reading
            .prefilled
            .iter()
            .filter(|p| p.locked)
            .map(|p| p.key.clone())
            .collect();
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            if *busy {
                return;
            }
            busy.set(true);
            let (api, code, request, locked) =
                (api.clone(), code.clone(), request.clone(), locked.clone());
            let (busy, filing, errors, failure, returning, next, navigator) = (
                busy.clone(),
                filing.clone(),
                errors.clone(),
                failure.clone(),
                returning.clone(),
                next.clone(),
                navigator.clone(),
            );
            wasm_bindgen_futures::spawn_local(async move {
                match api.check(&code, &request).await {
                    Ok(answer) if answer.errors.is_empty() => {
                        let clean = answer
                            .answers
                            .into_iter()
                            .filter(|(k, _)| !locked.contains(k))
                            .collect();
                        filing.dispatch(Change::Merge(clean));
                        returning.set(false);
                        navigator.push(&next);
                    }
                    Ok(answer) => errors.set(answer.errors),
                    Err(f) => failure.set(Some(f.message(lang, t.j().check_failed))),
                }
                busy.set(false);
            });
        })
    };
    let on_change = {
        let filing = props.filing.clone();
        Callback::from(move |(key, value): (String, String)| {
            filing.dispatch(Change::Answer(key, value))
        })
    };
    let prefilled = Rc::new(reading.prefilled.clone());
    let errors = Rc::new((*props.errors).clone());
    html! {
        <form {onsubmit} novalidate=true>
            <h1 tabindex="-1" ref={props.heading.clone()}>{ page.title.get(lang) }</h1>
            { for questions.iter().map(|q| html! {
                <QuestionField key={q.id.clone()} question={Rc::new((*q).clone())} answers={props.effective.clone()}
                    prefilled={prefilled.clone()} errors={errors.clone()} on_change={on_change.clone()} />
            }) }
            <button type="submit" class="button" disabled={*busy}>{ if *busy { t.j().checking } else { t.j().continue_ } }</button>
        </form>
    }
}

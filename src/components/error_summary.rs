//! The error summary of the GOV.UK Design System: every problem at once, each a link to its
//! field (or to the step holding it), announced and focused when it appears.

use std::rc::Rc;

use motlan_core::FieldError;
use yew::prelude::*;
use yew_router::prelude::*;

use crate::components::question::{error_text, input_id};
use crate::route::Route;
use crate::state::prefs::use_prefs;

#[derive(Debug, PartialEq, Properties)]
pub struct ErrorSummaryProps {
    pub errors: Rc<Vec<FieldError>>,
    /// A message about the whole request (the server's, or a network failure).
    #[prop_or_default]
    pub failure: Option<AttrValue>,
    /// The words for a field: its question's or document's label.
    pub label: Callback<String, String>,
    /// Where a field lives when it is not on this page; `None`: on this page.
    #[prop_or_default]
    pub elsewhere: Option<Callback<String, Option<Route>>>,
}

#[function_component(ErrorSummary)]
pub fn error_summary(props: &ErrorSummaryProps) -> Html {
    let prefs = use_prefs();
    let (t, lang) = (prefs.t(), prefs.lang());
    let summary = use_node_ref();
    {
        let summary = summary.clone();
        use_effect_with(
            (props.errors.clone(), props.failure.clone()),
            move |(errors, failure)| {
                if let (true, Some(s)) = (
                    !errors.is_empty() || failure.is_some(),
                    summary.cast::<web_sys::HtmlElement>(),
                ) {
                    let _ = s.focus();
                }
            },
        );
    }
    if props.errors.is_empty() && props.failure.is_none() {
        return html! {};
    }
    html! {
        <div class="error-summary" role="alert" tabindex="-1" ref={summary}>
            <h2 class="error-summary__title">{ t.j().error_summary_title }</h2>
            if let Some(message) = &props.failure { <p>{ message.clone() }</p> }
            <ul class="error-summary__list">
                { for props.errors.iter().map(|e| {
                    let text = format!("{}: {}", props.label.emit(e.field.clone()), error_text(&e.message_key, lang, t));
                    match props.elsewhere.as_ref().and_then(|w| w.emit(e.field.clone())) {
                        Some(route) => html! { <li><Link<Route> to={route}>{ text }</Link<Route>></li> },
                        None => html! { <li><a href={format!("#{}", input_id(&e.field))}>{ text }</a></li> },
                    }
                }) }
            </ul>
        </div>
    }
}

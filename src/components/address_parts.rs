//! What both kinds of address share: a labelled select, the street line, and an address of
//! today in words.

use std::rc::Rc;

use motlan_core::form::Answers;
use yew::prelude::*;

use super::answer_keys::{input_id, value_of};
use crate::hooks::use_api::use_api;
use crate::hooks::use_resource::{Resource, use_resource};

/// A labelled select of `(code, name)` options; choosing one empties the answers in `reset`.
pub struct Picker<'a> {
    pub key: String,
    pub current: String,
    pub label: &'a str,
    pub options: Vec<(String, String)>,
    pub reset: Vec<String>,
}

impl Picker<'_> {
    pub fn view(self, choose: &str, on_change: &Callback<(String, String)>, invalid: bool) -> Html {
        let (key, on_change, reset) = (self.key.clone(), on_change.clone(), self.reset);
        let id = input_id(&self.key);
        let onchange = Callback::from(move |e: Event| {
            let select: web_sys::HtmlSelectElement = e.target_unchecked_into();
            on_change.emit((key.clone(), select.value()));
            for other in &reset {
                on_change.emit((other.clone(), String::new()));
            }
        });
        let current = self.current;
        html! {
            <div class="address-part">
                <label class="label label--part" for={id.clone()}>{ self.label }</label>
                <select {id} class="input select" {onchange} aria-invalid={invalid.then_some("true")}>
                    <option value="" selected={current.is_empty()}>{ choose }</option>
                    { for self.options.into_iter().map(|(code, name)| {
                        let selected = code == current;
                        html! { <option value={code} {selected}>{ name }</option> }
                    }) }
                </select>
            </div>
        }
    }
}

/// The street line, the same in both kinds of address.
pub fn street(
    id: &str,
    label: &str,
    answers: &Answers,
    on_change: &Callback<(String, String)>,
) -> Html {
    let key = format!("{id}.street");
    let (emit_key, on_change) = (key.clone(), on_change.clone());
    let oninput = Callback::from(move |e: InputEvent| {
        let input: web_sys::HtmlInputElement = e.target_unchecked_into();
        on_change.emit((emit_key.clone(), input.value()));
    });
    html! {
        <div class="address-part">
            <label class="label label--part" for={input_id(&key)}>{ label }</label>
            <input id={input_id(&key)} class="input" type="text" autocomplete="off"
                value={value_of(answers, &key)} {oninput} />
        </div>
    }
}

#[derive(Debug, PartialEq, Properties)]
pub struct TextProps {
    pub id: String,
    pub answers: Rc<Answers>,
}

/// Street, ward and province of today, named from the unit list.
#[function_component(TodayText)]
pub fn today_text(props: &TextProps) -> Html {
    let api = use_api();
    let part = |p: &str| value_of(&props.answers, &format!("{}.{p}", props.id));
    let (province, ward, street) = (part("province"), part("ward"), part("street"));
    let names = use_resource(province.clone(), move |province| {
        let api = api.clone();
        async move {
            if province.is_empty() {
                return Ok((Vec::new(), Vec::new()));
            }
            Ok((api.provinces().await?, api.wards(&province).await?))
        }
    });
    let name = |list: &[crate::services::api::Unit], code: &str| {
        list.iter()
            .find(|u| u.code.to_string() == code)
            .map_or_else(|| code.to_owned(), |u| u.name.clone())
    };
    let text = match &*names.state {
        Resource::Ready(lists) => [street, name(&lists.1, &ward), name(&lists.0, &province)]
            .into_iter()
            .filter(|s| !s.is_empty())
            .collect::<Vec<_>>()
            .join(", "),
        _ => [street, ward, province].join(", "),
    };
    html! { { text } }
}

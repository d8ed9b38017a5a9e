//! One question of a form, with the input its kind calls for: text with the right keyboard and
//! autocomplete, radios, a tick box, or the address pickers (`address.rs`). A value
//! pre-filled from national data and locked is shown as text with its source, never as an input.

use std::rc::Rc;

use motlan_core::form::{Answers, Question, QuestionKind};
use motlan_core::personal_id::Sex;
use motlan_core::prefill::Prefilled;
use motlan_core::{FieldError, Lang};
use yew::prelude::*;

use super::address::{AddressInputs, AddressText};
use crate::i18n::Strings;
use crate::state::prefs::use_prefs;

pub use super::answer_keys::input_id;
use super::answer_keys::value_of;

fn sex_name(sex: Sex, t: &Strings) -> &'static str {
    match sex {
        Sex::Male => t.j().male,
        Sex::Female => t.j().female,
    }
}

/// A field error, resolved to words.
pub fn error_text(key: &str, lang: Lang, t: &Strings) -> String {
    motlan_core::messages::message(key, lang)
        .unwrap_or(t.load_failed)
        .to_owned()
}

#[derive(Debug, PartialEq, Properties)]
pub struct QuestionFieldProps {
    pub question: Rc<Question>,
    /// Every answer so far (typed and pre-filled).
    pub answers: Rc<Answers>,
    /// Pre-filled values of this question's keys.
    pub prefilled: Rc<Vec<Prefilled>>,
    /// Problems, each against its answer key.
    pub errors: Rc<Vec<FieldError>>,
    pub on_change: Callback<(String, String)>,
}

#[function_component(QuestionField)]
pub fn question_field(props: &QuestionFieldProps) -> Html {
    let prefs = use_prefs();
    let (t, lang) = (prefs.t(), prefs.lang());
    let q = &props.question;
    let locked: Vec<&Prefilled> = props
        .prefilled
        .iter()
        .filter(|p| p.locked && q.keys().contains(&p.key))
        .collect();
    if !locked.is_empty() {
        return html! {
            <div class="question question--known">
                <p class="label">{ q.label.get(lang) }</p>
                <p class="known-value">{ display(q, &props.answers, lang, t) }</p>
                <p class="hint">{ source_line(locked[0], t) }</p>
                <NotRight />
            </div>
        };
    }
    let error = props
        .errors
        .iter()
        .find(|e| e.field == q.id || q.keys().contains(&e.field))
        .map(|e| error_text(&e.message_key, lang, t));
    let suggested = props
        .prefilled
        .iter()
        .find(|p| !p.locked && p.key == q.id)
        .map(|p| html! { <p class="hint">{ (t.j().suggested)((source_line(p, t)).as_str()) }</p> });
    let id = input_id(&q.id);
    let hint_id = format!("{id}-hint");
    let error_id = format!("{id}-error");
    let described = classes!(
        q.hint.as_ref().map(|_| hint_id.clone()),
        error.as_ref().map(|_| error_id.clone())
    )
    .to_string();
    let described = (!described.is_empty()).then_some(described);
    let hint = q.hint.as_ref().map(|h| h.get(lang)).or(matches!(
        q.kind,
        QuestionKind::Date | QuestionKind::PastDate | QuestionKind::ValidUntil
    )
    .then_some(t.j().date_hint));
    let error_html = error.as_ref().map(|e| {
        html! { <p id={error_id.clone()} class="error-message"><span class="visually-hidden">{ t.j().error_prefix }</span>{ e }</p> }
    });
    let label_text = html! {
        <>{ q.label.get(lang) }if !q.required { { " " }<span class="hint-inline">{ t.j().optional }</span> }</>
    };
    let key = q.id.clone();
    let on_change = props.on_change.clone();
    let emit = move |value: String| on_change.emit((key.clone(), value));
    let value = value_of(&props.answers, &q.id);
    let invalid = error.is_some().then_some("true");
    let group_class = classes!("question", error.is_some().then_some("question--error"));

    let options: Option<Vec<(String, String)>> = match q.kind {
        QuestionKind::Sex => Some(
            Sex::ALL
                .iter()
                .map(|s| (s.as_answer().into(), sex_name(*s, t).into()))
                .collect(),
        ),
        QuestionKind::YesNo => Some(vec![
            ("yes".into(), t.j().yes.into()),
            ("no".into(), t.j().no.into()),
        ]),
        QuestionKind::Choice => Some(
            q.options
                .iter()
                .map(|o| (o.value.clone(), o.label.get(lang).to_owned()))
                .collect(),
        ),
        _ => None,
    };
    // Radios and addresses are groups: a fieldset whose legend is the question.
    let fieldset = |inner: Html| {
        html! {
            <div class={group_class.clone()}>
                <fieldset class="fieldset" aria-describedby={described.clone()}>
                    <legend class="label">{ label_text.clone() }</legend>
                    if let Some(hint) = hint { <p id={hint_id.clone()} class="hint">{ hint }</p> }
                    { error_html.clone() }
                    { inner }
                </fieldset>
            </div>
        }
    };
    if let Some(options) = options {
        return fieldset(html! {
                    <div class="radios">
                        { for options.into_iter().enumerate().map(|(i, (v, label))| {
                            let item_id = if i == 0 { id.clone() } else { format!("{id}-{i}") };
                            let checked = value == v;
                            let emit = emit.clone();
                            let onchange = Callback::from(move |_: Event| emit(v.clone()));
                            html! {
                                <div class="radio">
                                    <input type="radio" id={item_id.clone()} name={id.clone()} {checked} {onchange} aria-invalid={invalid} />
                                    <label for={item_id}>{ label }</label>
                                </div>
                            }
                        }) }
                    </div>
        });
    }
    if q.kind == QuestionKind::Confirm {
        let onchange = Callback::from(move |e: Event| {
            let input: web_sys::HtmlInputElement = e.target_unchecked_into();
            emit(if input.checked() {
                "yes".into()
            } else {
                String::new()
            });
        });
        return html! {
            <div class={group_class}>
                if let Some(hint) = hint { <p id={hint_id} class="hint">{ hint }</p> }
                { error_html }
                <div class="checkbox">
                    <input type="checkbox" id={id.clone()} checked={value == "yes"} {onchange} aria-invalid={invalid} aria-describedby={described} />
                    <label for={id}>{ label_text }</label>
                </div>
            </div>
        };
    }
    if q.kind == QuestionKind::Address {
        return fieldset(html! {
            <AddressInputs id={q.id.clone()} historical={q.historical} answers={props.answers.clone()} on_change={props.on_change.clone()} invalid={error.is_some()} />
        });
    }
    let (input_mode, autocomplete) = match q.kind {
        QuestionKind::PersonalId | QuestionKind::Number | QuestionKind::Year => ("numeric", "off"),
        QuestionKind::Phone => ("tel", "tel"),
        QuestionKind::Email => ("email", "email"),
        QuestionKind::Date | QuestionKind::PastDate | QuestionKind::ValidUntil => {
            ("numeric", "off")
        }
        _ => ("text", "off"),
    };
    let oninput = Callback::from(move |e: InputEvent| {
        let input: web_sys::HtmlInputElement = e.target_unchecked_into();
        emit(input.value());
    });
    let width = match q.kind {
        QuestionKind::Year | QuestionKind::Number => "input input--short",
        QuestionKind::Date
        | QuestionKind::PastDate
        | QuestionKind::ValidUntil
        | QuestionKind::PersonalId
        | QuestionKind::Phone
        | QuestionKind::NumberPlate => "input input--medium",
        _ => "input",
    };
    let list = (q.kind == QuestionKind::Ethnicity).then(|| format!("{id}-list"));
    // Plates are written in capitals: phone keyboards start there.
    let capitals = (q.kind == QuestionKind::NumberPlate).then_some("characters");
    html! {
        <div class={group_class}>
            <label class="label" for={id.clone()}>{ label_text }</label>
            if let Some(hint) = hint { <p id={hint_id} class="hint">{ hint }</p> }
            { suggested }
            { error_html }
            if q.kind == QuestionKind::LongText {
                <textarea id={id} class="input textarea" rows="4" value={value} {oninput} aria-invalid={invalid} aria-describedby={described} />
            } else {
                <input id={id} class={width} type="text" inputmode={input_mode} autocomplete={autocomplete} spellcheck="false"
                    autocapitalize={capitals} value={value} {oninput} aria-invalid={invalid} aria-describedby={described} list={list.clone()} />
            }
            if let Some(list) = list {
                <datalist id={list}>
                    { for motlan_core::validate::ethnicity::ETHNIC_GROUPS.iter().map(|g| html! { <option value={*g} /> }) }
                </datalist>
            }
        </div>
    }
}

/// "Thông tin chưa đúng?": how to have the source corrected, since it cannot be edited here.
#[function_component(NotRight)]
pub fn not_right() -> Html {
    let t = use_prefs().t();
    html! {
        <details class="details">
            <summary>{ t.j().not_right }</summary>
            <p>{ t.j().not_right_body }</p>
        </details>
    }
}

/// "From the national population database, retrieved …".
pub fn source_line(p: &Prefilled, t: &Strings) -> String {
    let source = p
        .provenance
        .source
        .map_or(t.j().account_source, |s| (t.source_name)(s));
    format!("{}: {source}", t.j().from_source)
}

/// An answer as the citizen reads it on the check page.
pub fn display(q: &Question, answers: &Answers, lang: Lang, t: &Strings) -> Html {
    let value = value_of(answers, &q.id);
    let text = match q.kind {
        QuestionKind::Address => {
            return html! {
                <AddressText id={q.id.clone()} answers={Rc::new(answers.clone())} />
            };
        }
        _ if value.is_empty() => t.j().not_answered.to_owned(),
        QuestionKind::Sex => {
            Sex::from_answer(&value).map_or(value.clone(), |s| sex_name(s, t).to_owned())
        }
        QuestionKind::YesNo if value == "yes" => t.j().yes.to_owned(),
        QuestionKind::YesNo => t.j().no.to_owned(),
        QuestionKind::Confirm => t.j().confirmed.to_owned(),
        QuestionKind::Choice => q
            .options
            .iter()
            .find(|o| o.value == value)
            .map_or(value, |o| o.label.get(lang).to_owned()),
        _ => value,
    };
    html! { { text } }
}

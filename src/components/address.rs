//! An address question: the province → ward → street pickers of today's units, and for a
//! historical question the choice to write it with the old names instead (`old_address.rs`). On
//! the check page an old address reads "as written → today".

use std::rc::Rc;

use motlan_core::form::Answers;
use motlan_core::validate::old_units::{CURRENT_LIST, OLD_LIST};
use yew::prelude::*;

use super::address_parts::{Picker, TodayText, street};
use super::answer_keys::{input_id, value_of};
use super::old_address::{OldAddressInputs, OldAddressText};
use crate::hooks::use_api::use_api;
use crate::hooks::use_resource::{Resource, use_resource};
use crate::state::prefs::use_prefs;

#[derive(Debug, PartialEq, Properties)]
pub struct AddressProps {
    pub id: String,
    pub answers: Rc<Answers>,
    /// May be written with the units from before 1 July 2025.
    #[prop_or_default]
    pub historical: bool,
    #[prop_or_default]
    pub on_change: Callback<(String, String)>,
    #[prop_or_default]
    pub invalid: bool,
}

/// The pickers; a historical question first asks which names the address is written with.
#[function_component(AddressInputs)]
pub fn address_inputs(props: &AddressProps) -> Html {
    let t = use_prefs().t();
    let units_key = format!("{}.units", props.id);
    let old = props.historical && value_of(&props.answers, &units_key) == OLD_LIST;
    let inputs = if old {
        html! { <OldAddressInputs id={props.id.clone()} answers={props.answers.clone()} on_change={props.on_change.clone()} invalid={props.invalid} /> }
    } else {
        html! { <CurrentInputs id={props.id.clone()} answers={props.answers.clone()} on_change={props.on_change.clone()} invalid={props.invalid} /> }
    };
    if !props.historical {
        return inputs;
    }
    let a = t.j().a;
    let choice = |value: &'static str, label: &'static str, i: usize| {
        let item_id = format!("{}-{i}", input_id(&units_key));
        let checked = if value == OLD_LIST { old } else { !old };
        let (key, on_change) = (units_key.clone(), props.on_change.clone());
        let onchange =
            Callback::from(move |_: Event| on_change.emit((key.clone(), value.to_owned())));
        html! {
            <div class="radio">
                <input type="radio" id={item_id.clone()} name={input_id(&units_key)} {checked} {onchange} />
                <label for={item_id}>{ label }</label>
            </div>
        }
    };
    html! {
        <>
            <fieldset class="fieldset fieldset--inner">
                <legend class="label label--part">{ a.written_with }</legend>
                <div class="radios">
                    { choice(CURRENT_LIST, a.current_units, 0) }
                    { choice(OLD_LIST, a.old_units, 1) }
                </div>
            </fieldset>
            { inputs }
        </>
    }
}

#[derive(Debug, PartialEq, Properties)]
struct PartsProps {
    id: String,
    answers: Rc<Answers>,
    on_change: Callback<(String, String)>,
    invalid: bool,
}

/// The province list, then the wards of the chosen province, then the street.
#[function_component(CurrentInputs)]
fn current_inputs(props: &PartsProps) -> Html {
    let t = use_prefs().t();
    let api = use_api();
    let province_key = format!("{}.province", props.id);
    let ward_key = format!("{}.ward", props.id);
    let province = value_of(&props.answers, &province_key);
    let ward = value_of(&props.answers, &ward_key);
    let provinces = {
        let api = api.clone();
        use_resource((), move |()| {
            let api = api.clone();
            async move { api.provinces().await }
        })
    };
    let wards = use_resource(province.clone(), move |province| {
        let api = api.clone();
        async move {
            if province.is_empty() {
                Ok(Vec::new())
            } else {
                api.wards(&province).await
            }
        }
    });
    let units = |list: &Resource<Vec<crate::services::api::Unit>>| match list {
        Resource::Ready(list) => list
            .iter()
            .map(|u| (u.code.to_string(), u.name.clone()))
            .collect(),
        _ => Vec::new(),
    };
    let province_picker = Picker {
        key: province_key,
        current: province,
        label: t.j().province,
        options: units(&provinces.state),
        reset: vec![ward_key.clone()],
    };
    let ward_picker = Picker {
        key: ward_key,
        current: ward,
        label: t.j().ward,
        options: units(&wards.state),
        reset: Vec::new(),
    };
    html! {
        <>
            { province_picker.view(t.j().choose, &props.on_change, props.invalid) }
            { ward_picker.view(t.j().choose, &props.on_change, props.invalid) }
            { street(&props.id, t.j().street, &props.answers, &props.on_change) }
        </>
    }
}

/// An address answer in words: street, ward, province; an old one "as written → today".
#[function_component(AddressText)]
pub fn address_text(props: &AddressProps) -> Html {
    let part = |p: &str| value_of(&props.answers, &format!("{}.{p}", props.id));
    if part("units") == OLD_LIST {
        return html! { <OldAddressText id={props.id.clone()} answers={props.answers.clone()} /> };
    }
    html! { <TodayText id={props.id.clone()} answers={props.answers.clone()} /> }
}

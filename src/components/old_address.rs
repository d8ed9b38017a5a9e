//! An address written with the units from before 1 July 2025: old province → district → commune,
//! then the commune of today it belongs to, with the official table's reason. When the old
//! commune went into several, the citizen chooses (no radio is ticked for them).

use std::rc::Rc;

use motlan_core::api::OldDistrictDetail;
use motlan_core::form::Answers;
use motlan_core::validate::old_units::{Conversion, ConversionBasis};
use yew::prelude::*;

use super::address_parts::{Picker, TextProps, TodayText, street};
use super::answer_keys::{input_id, value_of};
use crate::hooks::use_api::use_api;
use crate::hooks::use_resource::{Resource, use_resource};
use crate::i18n::address::Addresses;
use crate::state::prefs::use_prefs;

#[derive(Debug, PartialEq, Properties)]
pub struct OldAddressProps {
    pub id: String,
    pub answers: Rc<Answers>,
    pub on_change: Callback<(String, String)>,
    #[prop_or_default]
    pub invalid: bool,
}

fn basis_text(conversion: &Conversion, a: &Addresses) -> &'static str {
    match conversion.basis {
        ConversionBasis::Table => a.from_table,
        ConversionBasis::TableByName => a.by_name,
        ConversionBasis::District => a.not_in_table,
    }
}

#[function_component(OldAddressInputs)]
pub fn old_address_inputs(props: &OldAddressProps) -> Html {
    let t = use_prefs().t();
    let a = t.j().a;
    let api = use_api();
    let key = |p: &str| format!("{}.{p}", props.id);
    let value = |p: &str| value_of(&props.answers, &key(p));
    let (province, district, commune, ward) = (
        value("old_province"),
        value("old_district"),
        value("old_commune"),
        value("ward"),
    );
    let provinces = {
        let api = api.clone();
        use_resource((), move |()| {
            let api = api.clone();
            async move { api.old_provinces().await }
        })
    };
    let detail = use_resource(district.clone(), move |district| {
        let api = api.clone();
        async move {
            if district.is_empty() {
                Ok(None)
            } else {
                api.old_district(&district).await.map(Some)
            }
        }
    });
    let today_keys = vec![key("ward"), key("province")];
    let province_options = match &*provinces.state {
        Resource::Ready(list) => list
            .iter()
            .map(|p| (p.code.to_string(), p.name.clone()))
            .collect(),
        _ => Vec::new(),
    };
    let district_options = match &*provinces.state {
        Resource::Ready(list) => list
            .iter()
            .find(|p| p.code.to_string() == province)
            .map(|p| {
                p.districts
                    .iter()
                    .map(|d| (d.code.to_string(), d.name.clone()))
                    .collect()
            })
            .unwrap_or_default(),
        _ => Vec::new(),
    };
    let detail: Option<Rc<Option<OldDistrictDetail>>> = match &*detail.state {
        Resource::Ready(d) => Some(Rc::clone(d)),
        _ => None,
    };
    let detail = detail.as_deref().and_then(Option::as_ref);
    let commune_options: Vec<(String, String)> = detail
        .map(|d| {
            d.communes
                .iter()
                .map(|c| (c.commune.code.to_string(), c.commune.name.clone()))
                .collect()
        })
        .unwrap_or_default();
    let conversion: Option<&Conversion> = detail.and_then(|d| {
        if d.communes.is_empty() {
            d.today.as_ref()
        } else {
            d.communes
                .iter()
                .find(|c| c.commune.code.to_string() == commune)
                .map(|c| &c.today)
        }
    });
    let pickers = [
        Picker {
            key: key("old_province"),
            current: province,
            label: a.old_province,
            options: province_options,
            reset: [key("old_district"), key("old_commune")]
                .into_iter()
                .chain(today_keys.clone())
                .collect(),
        },
        Picker {
            key: key("old_district"),
            current: district,
            label: a.old_district,
            options: district_options,
            reset: std::iter::once(key("old_commune"))
                .chain(today_keys.clone())
                .collect(),
        },
    ];
    let commune_picker = (!commune_options.is_empty()).then(|| Picker {
        key: key("old_commune"),
        current: commune,
        label: a.old_commune,
        options: commune_options,
        reset: today_keys,
    });
    html! {
        <>
            { for pickers.into_iter().map(|p| p.view(t.j().choose, &props.on_change, props.invalid)) }
            if let Some(picker) = commune_picker { { picker.view(t.j().choose, &props.on_change, props.invalid) } }
            if let Some(conversion) = conversion {
                { today(&props.id, conversion, &ward, a, &props.on_change) }
            }
            { street(&props.id, t.j().street, &props.answers, &props.on_change) }
        </>
    }
}

/// The commune of today: said, when there is one; chosen by the citizen among several.
fn today(
    id: &str,
    conversion: &Conversion,
    ward: &str,
    a: &'static Addresses,
    on_change: &Callback<(String, String)>,
) -> Html {
    if let Some(one) = conversion.single() {
        return html! {
            <div class="old-address__today" aria-live="polite">
                <p><strong>{ (a.today_is)(&one.ward_name, &one.province_name) }</strong></p>
                <p class="hint">{ basis_text(conversion, a) }{ " " }{ &one.note }</p>
            </div>
        };
    }
    let name = input_id(&format!("{id}.ward"));
    html! {
        <fieldset class="fieldset fieldset--inner" aria-describedby={format!("{name}-basis")}>
            <legend class="label label--part">{ a.split_legend }</legend>
            <p class="hint" id={format!("{name}-basis")}>{ basis_text(conversion, a) }</p>
            <div class="radios">
                { for conversion.successors.iter().enumerate().map(|(i, s)| {
                    let item_id = if i == 0 { name.clone() } else { format!("{name}-{i}") };
                    let checked = s.ward_code.to_string() == ward;
                    let (on_change, ward_key, province_key) = (on_change.clone(), format!("{id}.ward"), format!("{id}.province"));
                    let (ward_code, province_code) = (s.ward_code.to_string(), s.province_code.to_string());
                    let onchange = Callback::from(move |_: Event| {
                        on_change.emit((province_key.clone(), province_code.clone()));
                        on_change.emit((ward_key.clone(), ward_code.clone()));
                    });
                    html! {
                        <div class="radio">
                            <input type="radio" id={item_id.clone()} name={name.clone()} {checked} {onchange} />
                            <label for={item_id}>{ format!("{}, {}", s.ward_name, s.province_name) }
                                if !s.note.is_empty() { <span class="hint-inline">{ format!(" ({})", s.note) }</span> }
                            </label>
                        </div>
                    }
                }) }
            </div>
        </fieldset>
    }
}

/// "As written → today" on the check page.
#[function_component(OldAddressText)]
pub fn old_address_text(props: &TextProps) -> Html {
    let t = use_prefs().t();
    let api = use_api();
    let part = |p: &str| value_of(&props.answers, &format!("{}.{p}", props.id));
    let (district, commune, street) = (part("old_district"), part("old_commune"), part("street"));
    let detail = use_resource(district.clone(), move |district| {
        let api = api.clone();
        async move { api.old_district(&district).await }
    });
    let written = match &*detail.state {
        Resource::Ready(d) => {
            let commune = d
                .communes
                .iter()
                .find(|c| c.commune.code.to_string() == commune)
                .map(|c| c.commune.name.clone());
            [
                Some(street),
                commune,
                Some(d.name.clone()),
                Some(d.province_name.clone()),
            ]
            .into_iter()
            .flatten()
            .filter(|s| !s.is_empty())
            .collect::<Vec<_>>()
            .join(", ")
        }
        _ => street,
    };
    html! {
        <span class="old-address" data-testid={format!("old-address-{}", props.id)}>
            { written }{ " " }<span class="hint-inline">{ t.j().a.old_names_tag }</span>
            <br />{ "→ " }{ t.j().a.today_prefix }{ " " }<TodayText id={props.id.clone()} answers={props.answers.clone()} />
        </span>
    }
}

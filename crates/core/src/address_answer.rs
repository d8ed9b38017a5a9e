//! Checking an address answer: the three parts of an address of today, or, for a historical
//! question, an address written with the units from before 1 July 2025 together with the commune
//! of today it belongs to. The clean answer names the code list its codes belong to.

use crate::FieldError;
use crate::check_context::CheckContext;
use crate::form::{Answers, Question};
use crate::validate::old_units::{CURRENT_LIST, OLD_LIST, OldAddressError, OldAddressParts};

/// Checks the address question `q`: its clean parts go to `clean`, its problems to `errors`,
/// each keyed to the part at fault (`<id>.ward`, `<id>.old_commune`…).
pub(crate) fn check_address(
    q: &Question,
    answers: &Answers,
    ctx: CheckContext<'_>,
    clean: &mut Answers,
    errors: &mut Vec<FieldError>,
) {
    let part = |p: &str| {
        answers
            .get(&format!("{}.{p}", q.id))
            .map(|v| v.trim())
            .filter(|v| !v.is_empty())
    };
    let list = if q.historical { part("units") } else { None };
    // Nothing written but the choice of code list: an optional address left empty.
    let written = q
        .keys()
        .iter()
        .filter(|k| !k.ends_with(".units"))
        .any(|k| answers.get(k).is_some_and(|v| !v.trim().is_empty()));
    if !written && !q.required {
        return;
    }
    let field = |p: &str| format!("{}.{p}", q.id);
    match list {
        Some(OLD_LIST) => {
            let parts = OldAddressParts {
                old_province: part("old_province"),
                old_district: part("old_district"),
                old_commune: part("old_commune"),
                ward: part("ward"),
            };
            let (province, ward) = match ctx.old_units.check_old_address(ctx.units, parts) {
                Ok(today) => today,
                Err((p, e)) => return errors.push(e.field_error(&field(p))),
            };
            let (province, ward) = (province.to_string(), ward.to_string());
            match ctx
                .units
                .check_address(Some(&province), Some(&ward), part("street"))
            {
                Ok(()) => {
                    let number = |p: &str| {
                        part(p)
                            .and_then(|v| v.parse::<u32>().ok())
                            .map_or_else(String::new, |n| n.to_string())
                    };
                    for (key, value) in [
                        ("units", OLD_LIST.to_owned()),
                        ("old_province", number("old_province")),
                        ("old_district", number("old_district")),
                        ("old_commune", number("old_commune")),
                        ("province", province),
                        ("ward", ward),
                        ("street", part("street").unwrap_or_default().to_owned()),
                    ] {
                        clean.insert(field(key), value);
                    }
                }
                Err((p, e)) => errors.push(e.field_error(&field(p))),
            }
        }
        None | Some(CURRENT_LIST) => {
            match ctx
                .units
                .check_address(part("province"), part("ward"), part("street"))
            {
                Ok(()) => {
                    for key in ["province", "ward", "street"] {
                        clean.insert(field(key), part(key).unwrap_or_default().to_owned());
                    }
                    if q.historical {
                        clean.insert(field("units"), CURRENT_LIST.to_owned());
                    }
                }
                Err((p, e)) => errors.push(e.field_error(&field(p))),
            }
        }
        Some(_) => errors.push(OldAddressError::CodeListUnknown.field_error(&field("units"))),
    }
}

//! Pre-filling a form from national data. Every value carries its provenance (system, record,
//! field, time retrieved); values from an authoritative source are locked, so the citizen
//! confirms them instead of typing them, and the server can check they were not changed.

use serde::{Deserialize, Serialize};

use crate::FieldError;
use crate::citizen::{CitizenData, FoundValue};
use crate::error::field_messages;
use crate::form::{Answers, applies, visible_questions};
use crate::kinds::DataSource;
use crate::procedure::Procedure;

/// Where a pre-filled value came from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Provenance {
    /// `None` for the identity account's contact details, which are not national data.
    pub source: Option<DataSource>,
    pub record_id: String,
    /// The source path, e.g. `relation.spouse.full_name`.
    pub field: String,
    /// RFC 3339.
    pub retrieved_at: String,
}

/// One answer key filled from national data.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Prefilled {
    pub key: String,
    pub value: String,
    pub provenance: Provenance,
    pub locked: bool,
}

field_messages! {
    /// Why a pre-filled answer was refused.
    PrefillError {
        LockedChanged => "prefill.locked_changed",
            "Thông tin này lấy từ cơ sở dữ liệu quốc gia và không sửa được ở đây. Nếu chưa đúng, hãy đề nghị cơ quan quản lý dữ liệu điều chỉnh.",
            "This comes from a national database and cannot be changed here. If it is wrong, ask the agency that holds it to correct it.";
    }
}

/// The values national data can give the questions that apply to `answers`. A rule's condition
/// is read against the answers so far, so answering "I am the father" switches the mother's
/// details to the spouse relation.
pub fn prefill(procedure: &Procedure, citizen: &CitizenData, answers: &Answers) -> Vec<Prefilled> {
    let mut filled = Vec::new();
    for (_, question) in visible_questions(&procedure.pages, answers) {
        let found = question
            .prefill
            .iter()
            .filter(|rule| applies(rule.when.as_ref(), answers))
            .find_map(|rule| citizen.lookup(&rule.from).map(|found| (rule, found)));
        let Some((rule, found)) = found else {
            continue;
        };
        let locked = rule.lock.unwrap_or(found.source.is_some());
        let provenance = Provenance {
            source: found.source,
            record_id: found.record_id,
            field: rule.from.to_string(),
            retrieved_at: citizen.retrieved_at.clone(),
        };
        let values = match found.value {
            FoundValue::Text(value) => vec![(question.id.clone(), value)],
            FoundValue::Address(a) => vec![
                (format!("{}.province", question.id), a.province.to_string()),
                (format!("{}.ward", question.id), a.ward.to_string()),
                (format!("{}.street", question.id), a.street),
            ],
        };
        filled.extend(values.into_iter().map(|(key, value)| Prefilled {
            key,
            value,
            provenance: provenance.clone(),
            locked,
        }));
    }
    filled
}

/// Merges pre-filled values into the answers: a locked value always wins; an unlocked one only
/// fills a key the citizen left empty. An empty value never replaces anything.
pub fn apply(answers: &Answers, prefilled: &[Prefilled]) -> Answers {
    let mut merged = answers.clone();
    for p in prefilled.iter().filter(|p| !p.value.trim().is_empty()) {
        let typed = merged.get(&p.key).is_some_and(|v| !v.trim().is_empty());
        if p.locked || !typed {
            merged.insert(p.key.clone(), p.value.clone());
        }
    }
    merged
}

/// Fills the form as far as national data allows, re-reading conditions after each pass so that
/// values which open new questions (a relation, a choice) are taken into account.
pub fn prefill_all(
    procedure: &Procedure,
    citizen: &CitizenData,
    answers: &Answers,
) -> (Answers, Vec<Prefilled>) {
    let mut merged = answers.clone();
    let mut filled = Vec::new();
    for _ in 0..4 {
        filled = prefill(procedure, citizen, &merged);
        let next = apply(&merged, &filled);
        if next == merged {
            break;
        }
        merged = next;
    }
    (merged, filled)
}

/// Locked values the submitted answers changed: a tampered request, or data that changed at the
/// source since the form was filled. A locked value left out is no problem: the server fills it
/// from the source (the app never sends them).
pub fn check_locked(answers: &Answers, prefilled: &[Prefilled]) -> Vec<FieldError> {
    prefilled
        .iter()
        .filter(|p| {
            p.locked
                && answers
                    .get(&p.key)
                    .is_some_and(|v| v.trim() != p.value.trim())
        })
        .map(|p| PrefillError::LockedChanged.field_error(&p.key))
        .collect()
}

//! The questions of a procedure's declaration form, grouped into pages: one question or a small
//! group per page, each with its type, bilingual label and hint, whether it is required, when it
//! applies, and where national data can pre-fill it.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::Localized;
use crate::source::{SourcePath, ValueKind};

/// Answers by key. A question's key is its id; an address question answers three keys:
/// `<id>.province`, `<id>.ward` and `<id>.street` (a historical one four more, below).
pub type Answers = BTreeMap<String, String>;

/// The parts of an address answer.
pub const ADDRESS_PARTS: [&str; 3] = ["province", "ward", "street"];

/// The further parts of a historical address: which code list it was written with (`units`:
/// `2025-07-01` or `before-2025-07-01`) and, for an old one, the old province, district and
/// commune; `province` and `ward` then hold the commune of today it belongs to.
pub const OLD_ADDRESS_PARTS: [&str; 4] = ["units", "old_province", "old_district", "old_commune"];

/// What kind of answer a question takes; decides the input shown and the validator applied.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub enum QuestionKind {
    /// One line of free text (`max_length`, default 200).
    Text,
    /// A few lines of free text (`max_length`, default 1,000).
    LongText,
    /// A person's full name.
    Name,
    /// Any date, `dd/mm/yyyy`.
    Date,
    /// A date not later than today (birth, death, issue).
    PastDate,
    /// The last day a paper is valid, not earlier than today: an expired paper is refused with
    /// the question's hint saying what to do instead.
    ValidUntil,
    /// A four-digit year not later than this year.
    Year,
    /// `male` or `female`.
    Sex,
    PersonalId,
    Phone,
    Email,
    /// A vehicle's number plate (`29-B1 123.45`), stored as `29B1-123.45`.
    NumberPlate,
    /// Province, ward and street, answered as three keys.
    Address,
    /// One of the 54 ethnic groups of Viet Nam (or `Người nước ngoài`).
    Ethnicity,
    /// A nationality, in words (`Việt Nam`).
    Nationality,
    /// One of `options`.
    Choice,
    /// `yes` or `no`.
    YesNo,
    /// A whole number between `min` and `max`.
    Number,
    /// A declaration the citizen must tick (`yes`).
    Confirm,
}

impl QuestionKind {
    /// Whether a source value of shape `value` can answer a question of this kind.
    pub fn accepts(self, value: ValueKind) -> bool {
        use QuestionKind as Q;
        match value {
            ValueKind::Text => matches!(self, Q::Text | Q::LongText),
            ValueKind::Name => matches!(self, Q::Name | Q::Text),
            ValueKind::Date => matches!(self, Q::Date | Q::PastDate | Q::ValidUntil),
            ValueKind::Year => self == Q::Year,
            ValueKind::Sex => self == Q::Sex,
            ValueKind::PersonalId => self == Q::PersonalId,
            ValueKind::Ethnicity => matches!(self, Q::Ethnicity | Q::Text),
            ValueKind::Nationality => matches!(self, Q::Nationality | Q::Text),
            ValueKind::Address => self == Q::Address,
            ValueKind::Phone => self == Q::Phone,
            ValueKind::Email => self == Q::Email,
        }
    }
}

pub use crate::condition::{Condition, applies};

/// One option of a choice question.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Choice {
    pub value: String,
    pub label: Localized,
}

/// Where national data can answer a question, and under which condition (for example, the
/// mother's name comes from the citizen's own record when the citizen is the mother, and from
/// the spouse relation when the citizen is the father).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PrefillRule {
    #[cfg_attr(feature = "openapi", schema(value_type = String, example = "population.full_name"))]
    pub from: SourcePath,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub when: Option<Condition>,
    /// Whether the pre-filled value is locked. By default, values from an authoritative national
    /// source are; set `lock = false` for a suggestion the citizen may change (e.g. a child's
    /// home town, which the parents choose).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lock: Option<bool>,
}

/// Answers a personal ID number must agree with (Circular 07/2016/TT-BCA Art. 7).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Holder {
    /// Key of the holder's date of birth or year of birth.
    pub birth: String,
    pub sex: Option<String>,
}

fn yes() -> bool {
    true
}

fn is_true(value: &bool) -> bool {
    *value
}

/// One question of the form.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Question {
    /// Stable key, e.g. `mother.full_name`.
    pub id: String,
    pub kind: QuestionKind,
    pub label: Localized,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hint: Option<Localized>,
    #[serde(default = "yes", skip_serializing_if = "is_true")]
    pub required: bool,
    /// Whether the question is on the official paper form. Questions added only to route the
    /// online journey (`official = false`) count as typed but not as official in effort figures.
    #[serde(default = "yes", skip_serializing_if = "is_true")]
    pub official: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub when: Option<Condition>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub prefill: Vec<PrefillRule>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub options: Vec<Choice>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_length: Option<u16>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub min: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub holder: Option<Holder>,
    /// An address from the past (a former residence, a place of birth): it may be written with
    /// the units from before 1 July 2025, and is shown with the commune it belongs to today.
    #[serde(default, skip_serializing_if = "is_false")]
    pub historical: bool,
}

fn is_false(value: &bool) -> bool {
    !value
}

impl Question {
    /// The answer keys this question fills.
    pub fn keys(&self) -> Vec<String> {
        if self.kind == QuestionKind::Address {
            let old = if self.historical {
                &OLD_ADDRESS_PARTS[..]
            } else {
                &[]
            };
            ADDRESS_PARTS
                .iter()
                .chain(old)
                .map(|part| format!("{}.{part}", self.id))
                .collect()
        } else {
            vec![self.id.clone()]
        }
    }
}

/// A page of the form.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Page {
    pub id: String,
    pub title: Localized,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub when: Option<Condition>,
    pub questions: Vec<Question>,
    /// For a volunteer helping a resident: how to explain this page, so the resident can do it
    /// alone next time (`help::describe`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tip: Option<Localized>,
}

/// A field of the official form the online service fills itself (addressee, date and place,
/// signature), so the citizen is never asked for it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SystemFilled {
    pub field: Localized,
    pub how: Localized,
}

/// The questions that apply to these answers, in order, with their pages. A question applies
/// when its page's and its own condition are met, reading only answers to questions that apply
/// themselves (an answer left behind on a branch the citizen backed out of is ignored).
pub fn visible_questions<'a>(
    pages: &'a [Page],
    answers: &Answers,
) -> Vec<(&'a Page, &'a Question)> {
    let mut effective = Answers::new();
    let mut visible = Vec::new();
    for page in pages {
        if !applies(page.when.as_ref(), &effective) {
            continue;
        }
        for question in &page.questions {
            if applies(question.when.as_ref(), &effective) {
                for key in question.keys() {
                    if let Some(value) = answers.get(&key) {
                        effective.insert(key, value.clone());
                    }
                }
                visible.push((page, question));
            }
        }
    }
    visible
}

/// Only the answers of questions that apply.
pub fn effective_answers(pages: &[Page], answers: &Answers) -> Answers {
    visible_questions(pages, answers)
        .into_iter()
        .flat_map(|(_, q)| q.keys())
        .filter_map(|key| answers.get(&key).map(|v| (key, v.clone())))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_source_fills_only_questions_of_a_matching_kind() {
        let address = SourcePath::parse("population.permanent_address").unwrap();
        assert!(QuestionKind::Address.accepts(address.value_kind()));
        assert!(!QuestionKind::Text.accepts(address.value_kind()));
        let dob = SourcePath::parse("population.date_of_birth").unwrap();
        assert!(QuestionKind::PastDate.accepts(dob.value_kind()));
        assert!(!QuestionKind::Year.accepts(dob.value_kind()));
    }
}

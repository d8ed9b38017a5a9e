//! When a question, page or document applies: conditions on earlier answers, alone or combined.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

/// When a question, page or document applies, decided by earlier answers: one answer compared
/// with values or a date, or several conditions combined (`any`, `all`).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Condition {
    /// Key of the answer the condition reads (empty for `any` and `all`).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub question: String,
    /// Met when the answer is exactly this value.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub equals: Option<String>,
    /// Met when the answer is one of these values.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub one_of: Vec<String>,
    /// Met when the answer is a date (`dd/mm/yyyy` or `yyyy-mm-dd`) before this one (`yyyy-mm-dd`):
    /// a rule that changed on a date, such as the 2025 driving-licence classes.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub before: Option<String>,
    /// Met when any of these is met.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    #[cfg_attr(feature = "openapi", schema(no_recursion))]
    pub any: Vec<Condition>,
    /// Met when every one of these is met.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    #[cfg_attr(feature = "openapi", schema(no_recursion))]
    pub all: Vec<Condition>,
}

impl Condition {
    /// With neither `equals`, `one_of` nor `before`, a condition on one answer is met by any
    /// non-empty answer.
    pub fn is_met(&self, answers: &BTreeMap<String, String>) -> bool {
        if !self.any.is_empty() {
            return self.any.iter().any(|c| c.is_met(answers));
        }
        if !self.all.is_empty() {
            return self.all.iter().all(|c| c.is_met(answers));
        }
        let Some(answer) = answers.get(&self.question).map(|a| a.trim()) else {
            return false;
        };
        if let Some(limit) = &self.before {
            let date = crate::validate::date::parse_date(answer)
                .ok()
                .or_else(|| crate::validate::date::iso::parse(answer));
            return date
                .zip(crate::validate::date::iso::parse(limit))
                .is_some_and(|(date, limit)| date < limit);
        }
        match (&self.equals, self.one_of.as_slice()) {
            (Some(value), _) => answer == value,
            (None, []) => !answer.is_empty(),
            (None, values) => values.iter().any(|v| v == answer),
        }
    }

    /// Every answer key the condition reads.
    pub fn questions(&self) -> Vec<&str> {
        let mut keys: Vec<&str> = self
            .any
            .iter()
            .chain(&self.all)
            .flat_map(Condition::questions)
            .collect();
        if !self.question.is_empty() {
            keys.push(&self.question);
        }
        keys
    }

    /// The conditions on one answer it is made of.
    pub(crate) fn leaves(&self) -> Vec<&Condition> {
        if self.any.is_empty() && self.all.is_empty() {
            vec![self]
        } else {
            self.any
                .iter()
                .chain(&self.all)
                .flat_map(Condition::leaves)
                .collect()
        }
    }

    pub(crate) fn values(&self) -> impl Iterator<Item = &String> {
        self.equals.iter().chain(&self.one_of)
    }
}

/// `None` means "always".
pub fn applies(condition: Option<&Condition>, answers: &BTreeMap<String, String>) -> bool {
    condition.is_none_or(|c| c.is_met(answers))
}

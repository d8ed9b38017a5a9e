//! Answer keys and the inputs that hold them: the id an error-summary link points at, and a key's
//! value so far.

use motlan_core::form::Answers;

/// The id of a key's input, which error-summary links point at.
pub fn input_id(key: &str) -> String {
    format!("q-{}", key.replace('.', "-"))
}

/// The answer to `key` so far, or nothing.
pub fn value_of(answers: &Answers, key: &str) -> String {
    answers.get(key).cloned().unwrap_or_default()
}

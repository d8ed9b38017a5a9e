//! The one validation-error shape used end to end: core rules produce it, the server answers 422
//! with a list of them, and the app shows them in an error summary linked to each field.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FieldError {
    /// The field the error belongs to (a question id, or a request field such as `procedure_code`).
    pub field: String,
    /// A stable key the app and the server translate; never free text.
    pub message_key: String,
}

impl FieldError {
    pub fn new(field: impl Into<String>, message_key: impl Into<String>) -> Self {
        Self {
            field: field.into(),
            message_key: message_key.into(),
        }
    }
}

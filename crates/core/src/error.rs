//! The one validation-error shape used end to end: core rules produce it, the server answers 422
//! with a list of them, and the app shows them in an error summary linked to each field.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
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

/// Declares an error enum whose variants each carry a stable message key and the text a citizen
/// reads in both languages, so the key, the Vietnamese and the English never drift apart.
macro_rules! field_messages {
    ($(#[$meta:meta])* $name:ident { $($variant:ident => $key:literal, $vi:literal, $en:literal;)+ }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq)]
        pub enum $name { $($variant),+ }

        impl $name {
            pub const ALL: &'static [Self] = &[$(Self::$variant),+];

            /// Stable key for [`crate::FieldError::message_key`].
            pub fn key(self) -> &'static str {
                match self { $(Self::$variant => $key),+ }
            }

            /// What to tell the citizen, plainly, and what to do.
            pub fn message(self, lang: crate::Lang) -> &'static str {
                match (self, lang) {
                    $((Self::$variant, crate::Lang::Vi) => $vi,
                      (Self::$variant, crate::Lang::En) => $en,)+
                }
            }

            pub fn field_error(self, field: &str) -> crate::FieldError {
                crate::FieldError::new(field, self.key())
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.message(crate::Lang::En))
            }
        }

        impl std::error::Error for $name {}
    };
}
pub(crate) use field_messages;

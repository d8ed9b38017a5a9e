//! One place to turn any [`FieldError::message_key`](crate::FieldError) the core produces into
//! the text a citizen reads, so the app can show the server's 422 errors in either language.

use crate::Lang;
use crate::answers::AnswerError;
use crate::api::{RatingError, SupplementError};
use crate::personal_id::PersonalIdError;
use crate::prefill::PrefillError;
use crate::reuse::DocumentError;
use crate::validate::old_units::OldAddressError;
use crate::validate::{AddressError, DateError, EmailError, NameError, PhoneError, PlateError};

macro_rules! lookup {
    ($key:expr, $lang:expr, $($kind:ty),+) => {
        $(if let Some(v) = <$kind>::ALL.iter().find(|v| v.key() == $key) {
            return Some(v.message($lang));
        })+
    };
}

/// The message for a key, or `None` for a key the core does not know.
pub fn message(key: &str, lang: Lang) -> Option<&'static str> {
    lookup!(
        key,
        lang,
        AnswerError,
        PersonalIdError,
        PhoneError,
        PlateError,
        EmailError,
        DateError,
        NameError,
        AddressError,
        OldAddressError,
        PrefillError,
        DocumentError,
        SupplementError,
        RatingError
    );
    None
}

/// Every key with its two messages, for tests and documentation.
pub fn all_keys() -> Vec<&'static str> {
    let mut keys = Vec::new();
    keys.extend(AnswerError::ALL.iter().map(|v| v.key()));
    keys.extend(PersonalIdError::ALL.iter().map(|v| v.key()));
    keys.extend(PhoneError::ALL.iter().map(|v| v.key()));
    keys.extend(PlateError::ALL.iter().map(|v| v.key()));
    keys.extend(EmailError::ALL.iter().map(|v| v.key()));
    keys.extend(DateError::ALL.iter().map(|v| v.key()));
    keys.extend(NameError::ALL.iter().map(|v| v.key()));
    keys.extend(AddressError::ALL.iter().map(|v| v.key()));
    keys.extend(OldAddressError::ALL.iter().map(|v| v.key()));
    keys.extend(PrefillError::ALL.iter().map(|v| v.key()));
    keys.extend(DocumentError::ALL.iter().map(|v| v.key()));
    keys.extend(SupplementError::ALL.iter().map(|v| v.key()));
    keys.extend(RatingError::ALL.iter().map(|v| v.key()));
    keys
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_key_is_unique_and_has_both_languages() {
        let keys = all_keys();
        let mut sorted = keys.clone();
        sorted.sort();
        sorted.dedup();
        assert_eq!(sorted.len(), keys.len(), "duplicate message keys");
        for key in keys {
            let vi = message(key, Lang::Vi).unwrap();
            let en = message(key, Lang::En).unwrap();
            assert!(!vi.is_empty() && !en.is_empty() && vi != en, "{key}");
        }
        assert_eq!(message("no.such.key", Lang::Vi), None);
    }
}

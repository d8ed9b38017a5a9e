//! Personal names: Vietnamese letters (any Latin letter, for names of ethnic minorities and
//! foreigners), spaces, hyphens and apostrophes (`H'Hen Niê`). Text typed with a "composed
//! Unicode" keyboard (NFD) is normalised to NFC so that the same name is always stored the same.

use unicode_normalization::UnicodeNormalization;

use crate::error::field_messages;
use crate::text::fold_char;

field_messages! {
    /// Why a text is not acceptable as a person's name.
    NameError {
        Empty => "name.empty",
            "Nhập họ, chữ đệm và tên.",
            "Enter the full name.";
        Characters => "name.characters",
            "Họ tên chỉ gồm chữ cái tiếng Việt, dấu cách, dấu gạch ngang hoặc dấu nháy ('). Hãy bỏ chữ số và ký hiệu.",
            "A name has only letters, spaces, hyphens or apostrophes ('). Remove digits and symbols.";
        TooLong => "name.too_long",
            "Họ tên dài quá 100 ký tự.",
            "A name is at most 100 characters long.";
    }
}

/// Returns the name in NFC with single spaces, or why it is not a name.
pub fn normalize_name(text: &str) -> Result<String, NameError> {
    let composed: String = text.nfc().collect();
    let name = composed
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .replace('’', "'");
    if name.is_empty() {
        return Err(NameError::Empty);
    }
    if name.chars().count() > 100 {
        return Err(NameError::TooLong);
    }
    let allowed = |c: char| {
        matches!(c, ' ' | '-' | '\'')
            || (c.is_alphabetic() && fold_char(c).is_some_and(|b| b.is_ascii_lowercase()))
    };
    if !name.chars().all(allowed) || !name.chars().any(char::is_alphabetic) {
        return Err(NameError::Characters);
    }
    Ok(name)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn vietnamese_and_minority_names_are_accepted() {
        for name in [
            "Nguyễn Thị Ngọc Ánh",
            "ĐẶNG VĂN ĐỨC",
            "H'Hen Niê",
            "Lò Văn Pọn",
            "Trần-Lê Quỳnh",
        ] {
            assert_eq!(normalize_name(name).as_deref(), Ok(name));
        }
    }

    #[test]
    fn decomposed_text_and_extra_spaces_are_normalised() {
        let decomposed = "Nguye\u{302}\u{303}n  Thi\u{323}   Lan ";
        assert_eq!(normalize_name(decomposed).as_deref(), Ok("Nguyễn Thị Lan"));
        assert_eq!(normalize_name("H’Hen Niê").as_deref(), Ok("H'Hen Niê"));
    }

    #[test]
    fn digits_symbols_and_empty_names_are_rejected() {
        assert_eq!(normalize_name("   "), Err(NameError::Empty));
        assert_eq!(normalize_name("Nguyễn Văn 2"), Err(NameError::Characters));
        assert_eq!(normalize_name("Lan@"), Err(NameError::Characters));
        assert_eq!(normalize_name("Ñoño"), Err(NameError::Characters));
        assert_eq!(normalize_name("--"), Err(NameError::Characters));
        assert_eq!(normalize_name(&"a".repeat(101)), Err(NameError::TooLong));
    }

    proptest! {
        #[test]
        fn normalising_twice_changes_nothing(s in "[a-zA-Zàáảãạăằắẳẵặâầấẩẫậđêếềểễệôốồổỗộơớờởỡợưứừửữự' -]{0,40}") {
            if let Ok(once) = normalize_name(&s) {
                prop_assert_eq!(normalize_name(&once), Ok(once.clone()));
            }
        }
    }
}

//! Folding Vietnamese text for matching: case and diacritics are ignored, so `dang ky khai sinh`
//! finds `Đăng ký khai sinh`. A hand-written table of the Vietnamese alphabet keeps the WebAssembly
//! bundle free of general Unicode normalisation tables; combining marks (text typed in decomposed
//! form) are dropped, so both NFC and NFD input fold the same way.

/// Folds one character to its lower-case base letter, or `None` for a combining mark.
pub fn fold_char(c: char) -> Option<char> {
    if c.is_ascii() {
        return Some(c.to_ascii_lowercase());
    }
    if ('\u{0300}'..='\u{036F}').contains(&c) {
        return None;
    }
    let lower = c.to_lowercase().next().unwrap_or(c);
    Some(match lower {
        'à' | 'á' | 'ả' | 'ã' | 'ạ' | 'ă' | 'ằ' | 'ắ' | 'ẳ' | 'ẵ' | 'ặ' | 'â' | 'ầ' | 'ấ' | 'ẩ'
        | 'ẫ' | 'ậ' => 'a',
        'è' | 'é' | 'ẻ' | 'ẽ' | 'ẹ' | 'ê' | 'ề' | 'ế' | 'ể' | 'ễ' | 'ệ' => 'e',
        'ì' | 'í' | 'ỉ' | 'ĩ' | 'ị' => 'i',
        'ò' | 'ó' | 'ỏ' | 'õ' | 'ọ' | 'ô' | 'ồ' | 'ố' | 'ổ' | 'ỗ' | 'ộ' | 'ơ' | 'ờ' | 'ớ' | 'ở'
        | 'ỡ' | 'ợ' => 'o',
        'ù' | 'ú' | 'ủ' | 'ũ' | 'ụ' | 'ư' | 'ừ' | 'ứ' | 'ử' | 'ữ' | 'ự' => 'u',
        'ỳ' | 'ý' | 'ỷ' | 'ỹ' | 'ỵ' => 'y',
        'đ' => 'd',
        other => other,
    })
}

/// Folds a whole text: lower case, no diacritics.
pub fn fold(text: &str) -> String {
    text.chars().filter_map(fold_char).collect()
}

/// Splits folded text into words: runs of letters and digits. Dots stay inside a word so that
/// procedure codes such as `1.001193` remain one token.
pub fn words(folded: &str) -> impl Iterator<Item = &str> {
    folded
        .split(|c: char| !(c.is_alphanumeric() || c == '.'))
        .map(|w| w.trim_matches('.'))
        .filter(|w| !w.is_empty())
}

/// Percent-encodes text for a URL's path segment or query value: the unreserved characters of
/// RFC 3986 stay, every other byte of the UTF-8 becomes `%XX`. The web app names the API answers
/// a page was rendered with by the path it encodes this way, and the server agrees.
pub fn percent_encode(text: &str) -> String {
    use percent_encoding::{AsciiSet, NON_ALPHANUMERIC, utf8_percent_encode};
    const RESERVED: &AsciiSet = &NON_ALPHANUMERIC
        .remove(b'-')
        .remove(b'_')
        .remove(b'.')
        .remove(b'~');
    utf8_percent_encode(text, RESERVED).to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn percent_encoding_keeps_only_unreserved_characters() {
        assert_eq!(percent_encode("khai sinh"), "khai%20sinh");
        assert_eq!(percent_encode("đăng ký"), "%C4%91%C4%83ng%20k%C3%BD");
        assert_eq!(percent_encode("a&b=c/d?(x)"), "a%26b%3Dc%2Fd%3F%28x%29");
        assert_eq!(percent_encode("1.001193-A_~"), "1.001193-A_~");
    }

    #[test]
    fn folding_ignores_case_and_vietnamese_diacritics() {
        assert_eq!(fold("Đăng ký khai sinh"), "dang ky khai sinh");
        assert_eq!(fold("ĐỔI GIẤY PHÉP LÁI XE"), "doi giay phep lai xe");
        assert_eq!(fold("Chứng thực bản sao"), "chung thuc ban sao");
        assert_eq!(fold("Hộ tịch, thường trú"), "ho tich, thuong tru");
    }

    #[test]
    fn decomposed_input_folds_like_precomposed_input() {
        // "ký" typed as k + y + combining acute accent.
        assert_eq!(fold("ky\u{0301}"), fold("ký"));
        // "Đ" has no decomposition; it must still fold to "d".
        assert_eq!(fold("Đ"), "d");
    }

    #[test]
    fn every_vietnamese_vowel_with_a_tone_folds_to_a_plain_letter() {
        let alphabet = "aàáảãạăằắẳẵặâầấẩẫậeèéẻẽẹêềếểễệiìíỉĩịoòóỏõọôồốổỗộơờớởỡợuùúủũụưừứửữựyỳýỷỹỵđ";
        for c in alphabet.chars().chain(alphabet.to_uppercase().chars()) {
            let folded = fold_char(c).expect("a letter is never dropped");
            assert!(folded.is_ascii_lowercase(), "{c} folded to {folded}");
        }
    }

    #[test]
    fn words_keep_procedure_codes_whole() {
        let folded = fold("Thủ tục 1.001193: đăng ký.");
        assert_eq!(
            words(&folded).collect::<Vec<_>>(),
            ["thu", "tuc", "1.001193", "dang", "ky"]
        );
    }
}

/// `1500000` → `1.500.000`: thousands grouped with dots, as amounts in đồng are written.
pub fn group_thousands(amount: u64) -> String {
    let digits = amount.to_string();
    let mut grouped = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            grouped.push('.');
        }
        grouped.push(c);
    }
    grouped
}

/// `2026-11-27` (or the start of an RFC 3339 time) → `27/11/2026`; anything else unchanged.
pub fn day_month_year(iso: &str) -> String {
    match (iso.get(0..4), iso.get(5..7), iso.get(8..10)) {
        (Some(y), Some(m), Some(d)) => format!("{d}/{m}/{y}"),
        _ => iso.to_owned(),
    }
}

#[cfg(test)]
mod written_tests {
    use super::*;

    #[test]
    fn amounts_and_days_are_written_the_vietnamese_way() {
        assert_eq!(group_thousands(0), "0");
        assert_eq!(group_thousands(999), "999");
        assert_eq!(group_thousands(200_000), "200.000");
        assert_eq!(group_thousands(1_500_000), "1.500.000");
        assert_eq!(day_month_year("2026-11-27"), "27/11/2026");
        assert_eq!(day_month_year("soon"), "soon");
    }
}

//! Vietnamese mobile numbers: ten digits starting with 0 and a network prefix, also accepted as
//! typed with `+84`/`84`, spaces, dots or dashes. Stored as `0xxxxxxxxx`.

use crate::error::field_messages;

field_messages! {
    /// Why a text is not a Vietnamese mobile number.
    PhoneError {
        NotDigits => "phone.not_digits",
            "Số điện thoại chỉ gồm chữ số, có thể bắt đầu bằng +84.",
            "A phone number has only digits, optionally starting with +84.";
        Length => "phone.length",
            "Số điện thoại di động gồm 10 chữ số, ví dụ 0912 345 678.",
            "A mobile number has 10 digits, for example 0912 345 678.";
        NotMobile => "phone.not_mobile",
            "Đầu số này không phải số di động Việt Nam. Hãy nhập số di động, ví dụ 0912 345 678.",
            "This prefix is not a Vietnamese mobile network. Enter a mobile number, for example 0912 345 678.";
    }
}

/// Second and third digits (after the leading 0) of the mobile networks in use.
const PREFIXES: &[&str] = &[
    "32", "33", "34", "35", "36", "37", "38", "39", "52", "55", "56", "58", "59", "70", "76", "77",
    "78", "79", "81", "82", "83", "84", "85", "86", "87", "88", "89", "90", "91", "92", "93", "94",
    "96", "97", "98", "99",
];

/// Parses a mobile number as typed and returns it as ten digits starting with 0.
pub fn parse_mobile(text: &str) -> Result<String, PhoneError> {
    let trimmed = text.trim();
    let (international, rest) = match trimmed.strip_prefix('+') {
        Some(rest) => (true, rest),
        None => (false, trimmed),
    };
    let digits: String = rest
        .chars()
        .filter(|c| !matches!(c, ' ' | '.' | '-' | '(' | ')' | '\u{a0}'))
        .collect();
    if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return Err(PhoneError::NotDigits);
    }
    let national = if let Some(rest) = digits.strip_prefix("84")
        && (international || digits.len() == 11)
    {
        format!("0{rest}")
    } else if international {
        return Err(PhoneError::NotMobile);
    } else {
        digits
    };
    if national.len() != 10 || !national.starts_with('0') {
        return Err(PhoneError::Length);
    }
    if !PREFIXES.contains(&&national[1..3]) {
        return Err(PhoneError::NotMobile);
    }
    Ok(national)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_as_people_write_them_are_accepted() {
        for typed in [
            "0912345678",
            "0912 345 678",
            "0912.345.678",
            "+84 912 345 678",
            "84912345678",
            "+84-912-345-678",
        ] {
            assert_eq!(parse_mobile(typed), Ok("0912345678".to_owned()), "{typed}");
        }
        assert_eq!(parse_mobile("0386 123 456"), Ok("0386123456".to_owned()));
    }

    #[test]
    fn each_mistake_gets_its_own_message() {
        assert_eq!(parse_mobile("09123abc78"), Err(PhoneError::NotDigits));
        assert_eq!(parse_mobile(""), Err(PhoneError::NotDigits));
        assert_eq!(parse_mobile("091234567"), Err(PhoneError::Length));
        assert_eq!(parse_mobile("09123456789"), Err(PhoneError::Length));
        assert_eq!(parse_mobile("0241234567"), Err(PhoneError::NotMobile));
        assert_eq!(parse_mobile("+1 202 555 0100"), Err(PhoneError::NotMobile));
    }
}

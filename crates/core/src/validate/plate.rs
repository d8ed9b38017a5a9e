//! Vietnamese number plates as people write them: `29-B1 123.45` (motorbike), `30A-123.45` (car),
//! `29-MĐ1 123.45` (electric motorbike), `51K 1234` (an old four-digit plate), in either case,
//! with or without the dot, spaces or dashes. Stored as `29B1-123.45`: the province code, the
//! series, a dash, and the number (the dot kept in five-digit numbers).

use crate::error::field_messages;

field_messages! {
    /// Why a text is not a number plate.
    PlateError {
        Province => "plate.province",
            "Biển số bắt đầu bằng hai chữ số là mã tỉnh, ví dụ 29-B1 123.45.",
            "A plate starts with the two digits of its province code, for example 29-B1 123.45.";
        Series => "plate.series",
            "Sau mã tỉnh là sê-ri: một hoặc hai chữ cái, có thể kèm một chữ số, ví dụ 29-B1 hoặc 30A.",
            "After the province code comes the series: one or two letters, perhaps with a digit, for example 29-B1 or 30A.";
        Number => "plate.number",
            "Biển số kết thúc bằng 4 hoặc 5 chữ số, viết cách sê-ri, ví dụ 29-B1 123.45.",
            "A plate ends with 4 or 5 digits, written apart from the series, for example 29-B1 123.45.";
    }
}

fn is_separator(c: char) -> bool {
    matches!(c, ' ' | '-' | '\u{a0}')
}

fn is_series_letter(c: char) -> bool {
    c.is_ascii_uppercase() || c == 'Đ'
}

/// Parses a plate as typed and returns it as `29B1-123.45`.
pub fn parse_plate(text: &str) -> Result<String, PlateError> {
    let chars: Vec<char> = text.trim().to_uppercase().chars().collect();
    // The number: the digits at the end, with a dot only as in `123.45`.
    let start = chars
        .iter()
        .rposition(|c| !(c.is_ascii_digit() || *c == '.'))
        .map_or(0, |i| i + 1);
    let written: String = chars[start..].iter().collect();
    let number: String = written.chars().filter(char::is_ascii_digit).collect();
    let dot_ok = !written.contains('.') || (written.len() == 6 && written.find('.') == Some(3));
    if !dot_ok || !(4..=5).contains(&number.len()) {
        return Err(PlateError::Number);
    }
    let head: Vec<char> = chars[..start]
        .iter()
        .copied()
        .filter(|c| !is_separator(*c))
        .collect();
    if head.len() < 2 || !head[..2].iter().all(char::is_ascii_digit) || head[..2] == ['0', '0'] {
        return Err(PlateError::Province);
    }
    let series = &head[2..];
    let letters = series.iter().take_while(|c| is_series_letter(**c)).count();
    let digit_ok = match &series[letters..] {
        [] => true,
        [d] => d.is_ascii_digit(),
        _ => false,
    };
    if !(1..=2).contains(&letters) || !digit_ok {
        return Err(PlateError::Series);
    }
    let number = if number.len() == 5 {
        format!("{}.{}", &number[..3], &number[3..])
    } else {
        number
    };
    let code: String = head[..2].iter().collect();
    let series: String = series.iter().collect();
    Ok(format!("{code}{series}-{number}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plates_as_people_write_them_are_accepted() {
        for (typed, clean) in [
            ("29-B1 123.45", "29B1-123.45"),
            ("29b1-12345", "29B1-123.45"),
            ("29-B1-123.45", "29B1-123.45"),
            ("30A-123.45", "30A-123.45"),
            ("30a 12345", "30A-123.45"),
            ("30A12345", "30A-123.45"),
            ("51K 1234", "51K-1234"),
            ("29-MĐ1 123.45", "29MĐ1-123.45"),
            ("29-mđ1 123.45", "29MĐ1-123.45"),
            ("30LD-123.45", "30LD-123.45"),
        ] {
            assert_eq!(parse_plate(typed).as_deref(), Ok(clean), "{typed}");
        }
    }

    #[test]
    fn each_mistake_gets_its_own_message() {
        assert_eq!(parse_plate(""), Err(PlateError::Number));
        assert_eq!(parse_plate("29-B1"), Err(PlateError::Number));
        assert_eq!(parse_plate("29-B1 123"), Err(PlateError::Number));
        assert_eq!(parse_plate("29-B1 1234567"), Err(PlateError::Number));
        assert_eq!(parse_plate("29-B1 12.345"), Err(PlateError::Number));
        // Series and number run together: the number cannot be told apart.
        assert_eq!(parse_plate("29B112345"), Err(PlateError::Number));
        assert_eq!(parse_plate("B1 123.45"), Err(PlateError::Province));
        assert_eq!(parse_plate("00-B1 123.45"), Err(PlateError::Province));
        assert_eq!(parse_plate("29 123.45"), Err(PlateError::Series));
        assert_eq!(parse_plate("29-ABC 123.45"), Err(PlateError::Series));
        assert_eq!(parse_plate("29-B12 123.45"), Err(PlateError::Series));
        assert_eq!(parse_plate("29-1B 123.45"), Err(PlateError::Series));
        assert_eq!(parse_plate("29-B! 123.45"), Err(PlateError::Series));
    }
}

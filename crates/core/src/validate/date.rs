//! Dates as Vietnamese citizens write them: `dd/mm/yyyy` (a single digit day or month, and `-` or
//! `.` as separators, are accepted too). "Today" is always an argument, never read from a clock.

use time::{Date, Month};

use crate::error::field_messages;

field_messages! {
    /// Why a text is not an acceptable date.
    DateError {
        Format => "date.format",
            "Nhập ngày theo dạng ngày/tháng/năm, ví dụ 05/09/2024.",
            "Enter the date as day/month/year, for example 05/09/2024.";
        NoSuchDay => "date.no_such_day",
            "Ngày này không có trong lịch. Hãy kiểm tra lại ngày và tháng.",
            "This day does not exist in the calendar. Check the day and the month.";
        Future => "date.future",
            "Ngày này chưa đến. Hãy nhập một ngày đã qua hoặc hôm nay.",
            "This date is in the future. Enter today or a date in the past.";
        Expired => "date.expired",
            "Ngày này đã qua: giấy tờ đã hết hạn. Xem hướng dẫn dưới câu hỏi để biết cần làm gì.",
            "This date has passed: the paper has expired. See the guidance under the question for what to do.";
        TooOld => "date.too_old",
            "Năm phải từ 1900 trở đi.",
            "The year must be 1900 or later.";
        Year => "date.year",
            "Nhập năm bằng bốn chữ số, ví dụ 1990.",
            "Enter the year as four digits, for example 1990.";
    }
}

/// Parses `dd/mm/yyyy`.
pub fn parse_date(text: &str) -> Result<Date, DateError> {
    let mut parts = text.trim().split(['/', '-', '.']);
    let (Some(day), Some(month), Some(year), None) =
        (parts.next(), parts.next(), parts.next(), parts.next())
    else {
        return Err(DateError::Format);
    };
    let number = |s: &str, max_len: usize| -> Result<u32, DateError> {
        if s.is_empty() || s.len() > max_len || !s.bytes().all(|b| b.is_ascii_digit()) {
            return Err(DateError::Format);
        }
        s.parse().map_err(|_| DateError::Format)
    };
    let (day, month) = (number(day, 2)?, number(month, 2)?);
    if year.len() != 4 {
        return Err(DateError::Format);
    }
    let year = number(year, 4)? as i32;
    if year < 1900 {
        return Err(DateError::TooOld);
    }
    let month = u8::try_from(month)
        .ok()
        .and_then(|m| Month::try_from(m).ok())
        .ok_or(DateError::NoSuchDay)?;
    Date::from_calendar_date(year, month, day as u8).map_err(|_| DateError::NoSuchDay)
}

/// Parses a date that cannot be later than `today` (a birth, a death, an issue date).
pub fn parse_past_date(text: &str, today: Date) -> Result<Date, DateError> {
    let date = parse_date(text)?;
    if date > today {
        return Err(DateError::Future);
    }
    Ok(date)
}

/// Parses the last day a paper is valid, which must not be before `today`.
pub fn parse_valid_until(text: &str, today: Date) -> Result<Date, DateError> {
    let date = parse_date(text)?;
    if date < today {
        return Err(DateError::Expired);
    }
    Ok(date)
}

/// Parses a four-digit year between 1900 and the year of `today`.
pub fn parse_year(text: &str, today: Date) -> Result<i32, DateError> {
    let text = text.trim();
    if text.len() != 4 || !text.bytes().all(|b| b.is_ascii_digit()) {
        return Err(DateError::Year);
    }
    let year: i32 = text.parse().map_err(|_| DateError::Year)?;
    if year < 1900 {
        return Err(DateError::TooOld);
    }
    if year > today.year() {
        return Err(DateError::Future);
    }
    Ok(year)
}

/// Formats a date as `dd/mm/yyyy`.
pub fn format_date(date: Date) -> String {
    format!(
        "{:02}/{:02}/{:04}",
        date.day(),
        u8::from(date.month()),
        date.year()
    )
}

/// Serde adapter for dates exchanged as ISO `yyyy-mm-dd` in the JSON of national data.
pub mod iso {
    use serde::{Deserialize, Deserializer, Serializer, de::Error as _};
    use time::{Date, Month};

    pub fn serialize<S: Serializer>(date: &Date, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(&format_args!(
            "{:04}-{:02}-{:02}",
            date.year(),
            u8::from(date.month()),
            date.day()
        ))
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Date, D::Error> {
        let text = String::deserialize(deserializer)?;
        parse(&text).ok_or_else(|| D::Error::custom(format!("{text:?} is not a yyyy-mm-dd date")))
    }

    pub fn parse(text: &str) -> Option<Date> {
        let mut parts = text.split('-');
        let year = parts.next()?.parse().ok()?;
        let month = Month::try_from(parts.next()?.parse::<u8>().ok()?).ok()?;
        let day = parts.next()?.parse().ok()?;
        if parts.next().is_some() {
            return None;
        }
        Date::from_calendar_date(year, month, day).ok()
    }

    /// The same adapter for optional dates.
    pub mod option {
        use serde::{Deserialize, Deserializer, Serializer};
        use time::Date;

        pub fn serialize<S: Serializer>(date: &Option<Date>, s: S) -> Result<S::Ok, S::Error> {
            match date {
                Some(date) => super::serialize(date, s),
                None => s.serialize_none(),
            }
        }

        pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Option<Date>, D::Error> {
            #[derive(Deserialize)]
            struct Wrap(#[serde(with = "super")] Date);
            Ok(Option::<Wrap>::deserialize(d)?.map(|Wrap(date)| date))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use time::macros::date;

    #[test]
    fn dates_as_written_in_vietnam_parse() {
        assert_eq!(parse_date("05/09/2024"), Ok(date!(2024 - 09 - 05)));
        assert_eq!(parse_date("5/9/2024"), Ok(date!(2024 - 09 - 05)));
        assert_eq!(parse_date(" 29-02-2024 "), Ok(date!(2024 - 02 - 29)));
        assert_eq!(parse_date("01.01.1990"), Ok(date!(1990 - 01 - 01)));
    }

    #[test]
    fn each_kind_of_mistake_is_named() {
        for bad in [
            "",
            "2024-09-05x",
            "05/09/24",
            "05/09",
            "a/b/cdef",
            "05/09/2024/1",
        ] {
            assert_eq!(parse_date(bad), Err(DateError::Format), "{bad}");
        }
        assert_eq!(parse_date("31/02/2024"), Err(DateError::NoSuchDay));
        assert_eq!(parse_date("29/02/2023"), Err(DateError::NoSuchDay));
        assert_eq!(parse_date("01/13/2024"), Err(DateError::NoSuchDay));
        assert_eq!(parse_date("01/01/1899"), Err(DateError::TooOld));
    }

    #[test]
    fn a_birth_date_cannot_be_in_the_future() {
        let today = date!(2026 - 11 - 24);
        assert_eq!(parse_past_date("24/11/2026", today), Ok(today));
        assert_eq!(parse_past_date("25/11/2026", today), Err(DateError::Future));
        assert_eq!(parse_year("2026", today), Ok(2026));
        assert_eq!(parse_year("2027", today), Err(DateError::Future));
        assert_eq!(parse_year("86", today), Err(DateError::Year));
    }

    proptest! {
        #[test]
        fn formatting_then_parsing_gives_the_same_date(days in 0i32..80_000) {
            let d = date!(1900 - 01 - 01) + time::Duration::days(days.into());
            prop_assert_eq!(parse_date(&format_date(d)), Ok(d));
            prop_assert_eq!(iso::parse(&format!("{:04}-{:02}-{:02}", d.year(), u8::from(d.month()), d.day())), Some(d));
        }
    }
}

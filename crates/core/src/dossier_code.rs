//! Dossier codes in the official format of Thông tư 01/2018/TT-VPCP Art. 19:
//! `<receiving-unit code>-<YYMMDD>-<NNNN>`, e.g. `000.00.20.H12-230915-0001`.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};
use time::{Date, Month};

/// Electronic identifier of a receiving unit, e.g. `000.00.20.H12`: three groups of digits
/// (3, 2 and 2 digits) and a group of one capital letter and two digits.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct UnitCode(String);

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum CodeError {
    #[error("the receiving-unit code must look like 000.00.20.H12")]
    UnitCode,
    #[error("a dossier code must look like 000.00.20.H12-230915-0001")]
    DossierCode,
    #[error("the daily sequence starts at 1")]
    Sequence,
    #[error("the receipt year must be 2000 to 2099: the code has only two year digits")]
    Year,
}

impl UnitCode {
    pub fn parse(value: &str) -> Result<Self, CodeError> {
        let groups: Vec<&str> = value.split('.').collect();
        let digits = |s: &str, n: usize| s.len() == n && s.bytes().all(|b| b.is_ascii_digit());
        let valid = groups.len() == 4
            && digits(groups[0], 3)
            && digits(groups[1], 2)
            && digits(groups[2], 2)
            && groups[3].len() == 3
            && groups[3].as_bytes()[0].is_ascii_uppercase()
            && digits(&groups[3][1..], 2);
        if valid {
            Ok(Self(value.to_owned()))
        } else {
            Err(CodeError::UnitCode)
        }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl TryFrom<String> for UnitCode {
    type Error = CodeError;
    fn try_from(value: String) -> Result<Self, Self::Error> {
        Self::parse(&value)
    }
}

impl From<UnitCode> for String {
    fn from(value: UnitCode) -> Self {
        value.0
    }
}

impl fmt::Display for UnitCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// A dossier code. The sequence is printed with at least four digits; a unit that receives more
/// than 9,999 dossiers in a day gets wider numbers rather than a refusal.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct DossierCode {
    unit: UnitCode,
    date: Date,
    sequence: u32,
}

impl DossierCode {
    /// Builds the code of the `sequence`-th dossier (from 1) received by `unit` on `date`, the
    /// receipt date in Vietnam time.
    pub fn new(unit: UnitCode, date: Date, sequence: u32) -> Result<Self, CodeError> {
        if sequence == 0 {
            return Err(CodeError::Sequence);
        }
        if !(2000..=2099).contains(&date.year()) {
            return Err(CodeError::Year);
        }
        Ok(Self {
            unit,
            date,
            sequence,
        })
    }

    pub fn unit(&self) -> &UnitCode {
        &self.unit
    }

    pub fn date(&self) -> Date {
        self.date
    }

    pub fn sequence(&self) -> u32 {
        self.sequence
    }
}

impl fmt::Display for DossierCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}-{:02}{:02}{:02}-{:04}",
            self.unit,
            self.date.year() % 100,
            u8::from(self.date.month()),
            self.date.day(),
            self.sequence
        )
    }
}

impl FromStr for DossierCode {
    type Err = CodeError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let mut parts = s.rsplitn(3, '-');
        let (Some(seq), Some(day), Some(unit)) = (parts.next(), parts.next(), parts.next()) else {
            return Err(CodeError::DossierCode);
        };
        let unit = UnitCode::parse(unit).map_err(|_| CodeError::DossierCode)?;
        let all_digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
        if day.len() != 6 || !all_digits(day) || seq.len() < 4 || !all_digits(seq) {
            return Err(CodeError::DossierCode);
        }
        let number = |range: std::ops::Range<usize>| day[range].parse::<u8>().unwrap_or(0);
        let month = Month::try_from(number(2..4)).map_err(|_| CodeError::DossierCode)?;
        let date = Date::from_calendar_date(2000 + i32::from(number(0..2)), month, number(4..6))
            .map_err(|_| CodeError::DossierCode)?;
        let sequence = seq.parse().map_err(|_| CodeError::DossierCode)?;
        Self::new(unit, date, sequence).map_err(|_| CodeError::DossierCode)
    }
}

impl TryFrom<String> for DossierCode {
    type Error = CodeError;
    fn try_from(value: String) -> Result<Self, Self::Error> {
        value.parse()
    }
}

impl From<DossierCode> for String {
    fn from(value: DossierCode) -> Self {
        value.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn unit() -> UnitCode {
        UnitCode::parse("000.00.20.H12").unwrap()
    }

    #[test]
    fn the_code_follows_the_official_example() {
        let date = Date::from_calendar_date(2023, Month::September, 15).unwrap();
        let code = DossierCode::new(unit(), date, 1).unwrap();
        assert_eq!(code.to_string(), "000.00.20.H12-230915-0001");
    }

    #[test]
    fn malformed_unit_codes_are_rejected() {
        for bad in [
            "",
            "000.00.20",
            "000.00.20.h12",
            "00.00.20.H12",
            "000.00.20.H1X",
            "x",
        ] {
            assert_eq!(UnitCode::parse(bad), Err(CodeError::UnitCode), "{bad}");
        }
    }

    #[test]
    fn malformed_dossier_codes_are_rejected() {
        for bad in [
            "000.00.20.H12-230915",
            "000.00.20.H12-231315-0001",
            "000.00.20.H12-230915-001",
            "000.00.20.H12-230915-0000",
            "000.00.20.H12-2309a5-0001",
        ] {
            assert!(bad.parse::<DossierCode>().is_err(), "{bad}");
        }
    }

    #[test]
    fn a_zero_sequence_and_a_year_outside_two_digits_are_refused_each_with_its_reason() {
        let date = Date::from_calendar_date(2026, Month::November, 24).unwrap();
        assert_eq!(DossierCode::new(unit(), date, 0), Err(CodeError::Sequence));
        let far = Date::from_calendar_date(2100, Month::January, 1).unwrap();
        assert_eq!(DossierCode::new(unit(), far, 1), Err(CodeError::Year));
    }

    #[test]
    fn sequences_beyond_four_digits_stay_unambiguous() {
        let date = Date::from_calendar_date(2026, Month::November, 24).unwrap();
        let code = DossierCode::new(unit(), date, 12345).unwrap();
        assert_eq!(code.to_string(), "000.00.20.H12-261124-12345");
        assert_eq!(code.to_string().parse::<DossierCode>().unwrap(), code);
    }

    proptest! {
        #[test]
        fn printing_then_parsing_gives_back_the_same_code(
            day in 0i32..36_500, sequence in 1u32..100_000
        ) {
            let date = Date::from_calendar_date(2000, Month::January, 1).unwrap()
                + time::Duration::days(i64::from(day));
            let code = DossierCode::new(unit(), date, sequence).unwrap();
            prop_assert_eq!(code.to_string().parse::<DossierCode>().unwrap(), code);
        }
    }
}

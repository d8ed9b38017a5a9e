//! Personal identification numbers (số định danh cá nhân), Decree 137/2015/NĐ-CP Art. 13 and
//! Circular 07/2016/TT-BCA Art. 7: twelve digits. Digits 1-3 are the code of the province where
//! the birth was registered (the 63 codes in force before July 2025). Digit 4 is the century and
//! sex, digits 5-6 the last two digits of the birth year, and digits 7-12 a random serial.
//! **There is no check digit**: a number can only be checked for structure and for consistency
//! with the holder's date of birth and sex.

use std::fmt;

use serde::{Deserialize, Serialize};

use crate::{FieldError, Lang};

/// Province codes (three digits, as printed in the number) valid in personal ID numbers.
pub const PROVINCE_CODES: [u16; 63] = [
    1, 2, 4, 6, 8, 10, 11, 12, 14, 15, 17, 19, 20, 22, 24, 25, 26, 27, 30, 31, 33, 34, 35, 36, 37,
    38, 40, 42, 44, 45, 46, 48, 49, 51, 52, 54, 56, 58, 60, 62, 64, 66, 67, 68, 70, 72, 74, 75, 77,
    79, 80, 82, 83, 84, 86, 87, 89, 91, 92, 93, 94, 95, 96,
];

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Sex {
    Male,
    Female,
}

impl Sex {
    pub const ALL: [Self; 2] = [Self::Female, Self::Male];

    /// How a form answer writes it (`male`, `female`), as serde does.
    pub fn as_answer(self) -> &'static str {
        match self {
            Self::Male => "male",
            Self::Female => "female",
        }
    }

    pub fn from_answer(text: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|s| s.as_answer() == text)
    }
}

/// Why a text is not a personal ID number, or does not fit its holder.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum PersonalIdError {
    #[error("a personal ID number has 12 digits")]
    Length,
    #[error("a personal ID number has only digits")]
    NotDigits,
    #[error("the first three digits are not a province code")]
    Province,
    #[error("the birth year in the number does not match the date of birth")]
    BirthYear,
    #[error("the fourth digit does not match the sex")]
    Sex,
}

impl PersonalIdError {
    pub const ALL: &'static [Self] = &[
        Self::Length,
        Self::NotDigits,
        Self::Province,
        Self::BirthYear,
        Self::Sex,
    ];

    /// Stable key for [`FieldError::message_key`].
    pub fn key(self) -> &'static str {
        match self {
            Self::Length => "personal_id.length",
            Self::NotDigits => "personal_id.not_digits",
            Self::Province => "personal_id.province",
            Self::BirthYear => "personal_id.birth_year",
            Self::Sex => "personal_id.sex",
        }
    }

    /// What to tell the citizen, plainly, and what to do.
    pub fn message(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (Self::Length, Lang::Vi) => {
                "Số định danh cá nhân gồm đúng 12 chữ số, in trên thẻ căn cước."
            }
            (Self::Length, Lang::En) => {
                "A personal ID number has exactly 12 digits, as printed on the ID card."
            }
            (Self::NotDigits, Lang::Vi) => "Số định danh cá nhân chỉ gồm chữ số (0 đến 9).",
            (Self::NotDigits, Lang::En) => "A personal ID number has only digits (0 to 9).",
            (Self::Province, Lang::Vi) => {
                "Ba chữ số đầu không phải mã tỉnh hợp lệ. Hãy kiểm tra lại số trên thẻ căn cước."
            }
            (Self::Province, Lang::En) => {
                "The first three digits are not a valid province code. Please check the number on the ID card."
            }
            (Self::BirthYear, Lang::Vi) => {
                "Năm sinh trong số định danh (chữ số thứ 4 đến 6) không khớp với ngày sinh đã khai."
            }
            (Self::BirthYear, Lang::En) => {
                "The birth year in the ID number (digits 4 to 6) does not match the date of birth given."
            }
            (Self::Sex, Lang::Vi) => {
                "Chữ số thứ 4 của số định danh không khớp với giới tính đã khai."
            }
            (Self::Sex, Lang::En) => {
                "The fourth digit of the ID number does not match the sex given."
            }
        }
    }

    pub fn field_error(self, field: &str) -> FieldError {
        FieldError::new(field, self.key())
    }
}

/// A structurally valid personal ID number.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct PersonalId(String);

impl PersonalId {
    /// Parses a number as typed: spaces and dots between digit groups are ignored.
    pub fn parse(text: &str) -> Result<Self, PersonalIdError> {
        let digits: String = text
            .chars()
            .filter(|c| !matches!(c, ' ' | '.' | '\u{a0}'))
            .collect();
        if !digits.chars().all(|c| c.is_ascii_digit()) {
            return Err(PersonalIdError::NotDigits);
        }
        if digits.len() != 12 {
            return Err(PersonalIdError::Length);
        }
        let id = Self(digits);
        if !PROVINCE_CODES.contains(&id.province_code()) {
            return Err(PersonalIdError::Province);
        }
        Ok(id)
    }

    /// Builds the number of someone born in `birth_year` of `sex`, whose birth was registered in
    /// `province`, with a six-digit `serial`.
    pub fn build(
        province: u16,
        birth_year: i32,
        sex: Sex,
        serial: u32,
    ) -> Result<Self, PersonalIdError> {
        if !PROVINCE_CODES.contains(&province) {
            return Err(PersonalIdError::Province);
        }
        if !(1900..2400).contains(&birth_year) {
            return Err(PersonalIdError::BirthYear);
        }
        let century = ((birth_year - 1900) / 100) as u32;
        let digit = century * 2 + u32::from(sex == Sex::Female);
        Ok(Self(format!(
            "{province:03}{digit}{:02}{:06}",
            birth_year % 100,
            serial % 1_000_000
        )))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    fn digit(&self, index: usize) -> u32 {
        u32::from(self.0.as_bytes()[index] - b'0')
    }

    pub fn province_code(&self) -> u16 {
        (self.digit(0) * 100 + self.digit(1) * 10 + self.digit(2)) as u16
    }

    /// Sex encoded in the fourth digit: even for men, odd for women.
    pub fn sex(&self) -> Sex {
        if self.digit(3).is_multiple_of(2) {
            Sex::Male
        } else {
            Sex::Female
        }
    }

    /// Birth year encoded in digits 4 to 6 (1900s to 2300s).
    pub fn birth_year(&self) -> i32 {
        1900 + 100 * (self.digit(3) / 2) as i32 + (self.digit(4) * 10 + self.digit(5)) as i32
    }

    /// Checks the number against the holder's declared birth year and sex.
    pub fn check_holder(&self, birth_year: i32, sex: Sex) -> Result<(), PersonalIdError> {
        if self.birth_year() != birth_year {
            return Err(PersonalIdError::BirthYear);
        }
        if self.sex() != sex {
            return Err(PersonalIdError::Sex);
        }
        Ok(())
    }
}

impl TryFrom<String> for PersonalId {
    type Error = PersonalIdError;
    fn try_from(value: String) -> Result<Self, Self::Error> {
        Self::parse(&value)
    }
}

impl From<PersonalId> for String {
    fn from(value: PersonalId) -> Self {
        value.0
    }
}

impl fmt::Display for PersonalId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn a_hanoi_woman_born_in_2001_decodes() {
        let id = PersonalId::parse("001301012345").unwrap();
        assert_eq!(id.province_code(), 1);
        assert_eq!(id.sex(), Sex::Female);
        assert_eq!(id.birth_year(), 2001);
        assert_eq!(id.check_holder(2001, Sex::Female), Ok(()));
    }

    #[test]
    fn spaces_and_dots_as_typed_are_ignored() {
        assert_eq!(
            PersonalId::parse(" 079 085 012 345 ").unwrap().as_str(),
            "079085012345"
        );
        assert_eq!(
            PersonalId::parse("079.085.012.345").unwrap().birth_year(),
            1985
        );
    }

    #[test]
    fn structural_errors_are_specific() {
        assert_eq!(
            PersonalId::parse("07908501234"),
            Err(PersonalIdError::Length)
        );
        assert_eq!(
            PersonalId::parse("0790850123456"),
            Err(PersonalIdError::Length)
        );
        assert_eq!(
            PersonalId::parse("07908501234a"),
            Err(PersonalIdError::NotDigits)
        );
        assert_eq!(
            PersonalId::parse("003085012345"),
            Err(PersonalIdError::Province)
        );
        assert_eq!(
            PersonalId::parse("097085012345"),
            Err(PersonalIdError::Province)
        );
    }

    #[test]
    fn a_number_that_does_not_fit_its_holder_says_which_part() {
        let id = PersonalId::parse("079085012345").unwrap();
        assert_eq!(
            id.check_holder(1986, Sex::Male),
            Err(PersonalIdError::BirthYear)
        );
        assert_eq!(
            id.check_holder(1985, Sex::Female),
            Err(PersonalIdError::Sex)
        );
        // The century matters too: 0 means the 1900s, 2 the 2000s.
        assert_eq!(
            id.check_holder(2085, Sex::Male),
            Err(PersonalIdError::BirthYear)
        );
    }

    #[test]
    fn every_error_has_a_key_and_messages_in_both_languages() {
        use PersonalIdError::*;
        for error in [Length, NotDigits, Province, BirthYear, Sex] {
            assert!(error.key().starts_with("personal_id."));
            assert!(!error.message(Lang::Vi).is_empty());
            assert_ne!(error.message(Lang::Vi), error.message(Lang::En));
        }
    }

    proptest! {
        #[test]
        fn a_number_built_from_province_birth_year_and_sex_decodes_to_them(
            province in proptest::sample::select(PROVINCE_CODES.to_vec()),
            birth_year in 1900i32..2400,
            female in any::<bool>(),
            serial in 0u32..1_000_000,
        ) {
            let sex = if female { Sex::Female } else { Sex::Male };
            let id = PersonalId::build(province, birth_year, sex, serial).unwrap();
            let parsed = PersonalId::parse(id.as_str()).unwrap();
            prop_assert_eq!(parsed.province_code(), province);
            prop_assert_eq!(parsed.birth_year(), birth_year);
            prop_assert_eq!(parsed.sex(), sex);
            prop_assert_eq!(parsed.check_holder(birth_year, sex), Ok(()));
        }

        #[test]
        fn parsing_never_panics(text in "\\PC{0,20}") {
            let _ = PersonalId::parse(&text);
        }
    }
}

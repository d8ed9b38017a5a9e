//! The 6-character join code a resident types at `/ho-tro` when their phone cannot scan the QR
//! code, and the 2-digit number both screens show so the resident can tell the session on their
//! phone is the one the volunteer in front of them opened (request binding, RFC 10027 §6.1).

use std::fmt;

/// Letters and digits nobody confuses when reading them aloud or off a screen: no 0/O, 1/I/L.
const ALPHABET: &[u8] = b"ABCDEFGHJKMNPQRSTUVWXYZ23456789";
const LENGTH: usize = 6;

/// A join code in its normal form: six characters of [`ALPHABET`].
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct JoinCode(String);

#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum CodeError {
    #[error("a join code has 6 characters")]
    Length,
    #[error("a join code has only letters and digits (no 0, O, 1, I or L)")]
    Character,
}

impl CodeError {
    /// The message key of the refusal (`messages.rs`).
    pub fn key(self) -> &'static str {
        match self {
            Self::Length => "help.code_length",
            Self::Character => "help.code_character",
        }
    }
}

impl JoinCode {
    /// A code from six random numbers (the server draws them; the core reads no randomness).
    pub fn from_random(random: [u32; LENGTH]) -> Self {
        let len = ALPHABET.len() as u32;
        Self(
            random
                .iter()
                .map(|r| char::from(ALPHABET[(r % len) as usize]))
                .collect(),
        )
    }

    /// Reads a code as people type it: any case, with spaces or dashes between groups.
    pub fn parse(text: &str) -> Result<Self, CodeError> {
        let code: String = text
            .chars()
            .filter(|c| !c.is_whitespace() && *c != '-')
            .map(|c| c.to_ascii_uppercase())
            .collect();
        if code.chars().count() != LENGTH {
            return Err(CodeError::Length);
        }
        if !code.bytes().all(|b| ALPHABET.contains(&b)) {
            return Err(CodeError::Character);
        }
        Ok(Self(code))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// Two groups of three, as the screens show it: `K7M-2QX`.
    pub fn grouped(&self) -> String {
        format!("{}-{}", &self.0[..3], &self.0[3..])
    }
}

impl fmt::Display for JoinCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// The number both screens show, 10 to 99, from a random number.
pub fn match_number(random: u32) -> u8 {
    10 + (random % 90) as u8
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_read_as_typed() {
        let code = JoinCode::from_random([0, 1, 2, 30, 31, 100]);
        assert_eq!(code.as_str(), "ABC9AH");
        assert_eq!(JoinCode::parse("abc-9ah"), Ok(code.clone()));
        assert_eq!(JoinCode::parse(" ABC 9AH "), Ok(code.clone()));
        assert_eq!(code.grouped(), "ABC-9AH");
        assert_eq!(JoinCode::parse("ABC9A"), Err(CodeError::Length));
        assert_eq!(JoinCode::parse("ABC9A0"), Err(CodeError::Character));
        assert_eq!(JoinCode::parse("ABCĐAW"), Err(CodeError::Character));
    }

    #[test]
    fn numbers_have_two_digits() {
        for r in [0, 1, 89, 90, u32::MAX] {
            assert!((10..=99).contains(&match_number(r)));
        }
    }
}

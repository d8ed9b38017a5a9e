//! Procedure definitions: the data a province publishes about an administrative procedure, as
//! kept in `catalog/*.toml` and served to the app as JSON.

use std::fmt;

use serde::{Deserialize, Serialize};

use crate::Localized;
use crate::form::{Condition, Page, SystemFilled};
use crate::kinds::{DataSource, PaperKind};

/// National procedure code from the national procedure database, e.g. `1.001193`.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema), schema(value_type = String, example = "1.001193"))]
pub struct ProcedureCode(String);

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("a procedure code is one digit, a dot and six digits, e.g. 1.001193")]
pub struct ProcedureCodeError;

impl ProcedureCode {
    pub fn parse(value: &str) -> Result<Self, ProcedureCodeError> {
        let bytes = value.as_bytes();
        let valid = bytes.len() == 8
            && bytes[0].is_ascii_digit()
            && bytes[1] == b'.'
            && bytes[2..].iter().all(u8::is_ascii_digit);
        if valid {
            Ok(Self(value.to_owned()))
        } else {
            Err(ProcedureCodeError)
        }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl TryFrom<String> for ProcedureCode {
    type Error = ProcedureCodeError;
    fn try_from(value: String) -> Result<Self, Self::Error> {
        Self::parse(&value)
    }
}

impl From<ProcedureCode> for String {
    fn from(value: ProcedureCode) -> Self {
        value.0
    }
}

impl fmt::Display for ProcedureCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// The level of government that handles a procedure (two-tier local government since 1/7/2025).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub enum Level {
    Commune,
    Province,
    Ministry,
}

impl Level {
    /// The level as the national procedure database names it (`Cấp xã`).
    pub fn national_name(self) -> &'static str {
        match self {
            Level::Commune => "Cấp xã",
            Level::Province => "Cấp tỉnh",
            Level::Ministry => "Cấp bộ",
        }
    }
}

/// How much of the procedure can be done online.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub enum OnlineLevel {
    /// The whole procedure, including receiving the result, online.
    Full,
    /// Filing online; some step (payment, presenting originals, receiving the result) in person.
    Partial,
}

/// Fees in Vietnamese đồng for each channel.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Fees {
    pub online: u64,
    pub in_person: u64,
    /// Exemptions and how the amount is computed, when it is not a flat fee.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<Localized>,
    /// Cases with another amount, tried in order: the first whose condition the answers meet
    /// sets the fee (a lost passport is replaced for more, a student pays half).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub cases: Vec<FeeCase>,
}

/// A case with its own fee.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct FeeCase {
    /// Who the case is, in words.
    pub label: Localized,
    pub when: crate::condition::Condition,
    pub online: u64,
    pub in_person: u64,
}

impl Fees {
    /// The case these answers fall in, if any.
    pub fn case_for(
        &self,
        answers: &std::collections::BTreeMap<String, String>,
    ) -> Option<&FeeCase> {
        self.cases.iter().find(|c| c.when.is_met(answers))
    }

    /// The fee of a dossier filed online with these answers.
    pub fn online_for(&self, answers: &std::collections::BTreeMap<String, String>) -> u64 {
        self.case_for(answers).map_or(self.online, |c| c.online)
    }
}

/// A legal text the procedure rests on.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct LegalBasis {
    /// The text's number, e.g. `104/2022/NĐ-CP`.
    pub code: String,
    pub title: String,
}

/// A source that can stand in for a document, and the legal text that says it must.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ReuseSource {
    pub source: DataSource,
    /// The kind of record in that source that stands in for the document.
    pub record: PaperKind,
    /// Number of the legal text that forbids asking for the paper, e.g. `104/2022/NĐ-CP`.
    pub basis: String,
}

/// Why a document is never requested online, and the text that says so.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Waiver {
    pub reason: Localized,
    pub basis: String,
}

/// File types an upload may have, decided by content, not by name.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub enum FileType {
    Pdf,
    Jpeg,
    Png,
}

impl FileType {
    pub fn media_type(self) -> &'static str {
        match self {
            Self::Pdf => "application/pdf",
            Self::Jpeg => "image/jpeg",
            Self::Png => "image/png",
        }
    }
}

fn default_accept() -> Vec<FileType> {
    vec![FileType::Pdf, FileType::Jpeg, FileType::Png]
}

fn default_max_mb() -> u16 {
    10
}

/// A document the official procedure record lists.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Document {
    /// Stable identifier within the procedure (snake_case).
    pub id: String,
    /// Component code in the national procedure database, when known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub component_code: Option<String>,
    pub name: Localized,
    /// When the document is needed at all, in words (e.g. "only if the child was abandoned").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub when: Option<Localized>,
    /// The same, as a rule on the answers; without it the document always applies.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub condition: Option<Condition>,
    /// Set when the document is never requested online (e.g. the paper declaration, which the
    /// online form replaces).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub waiver: Option<Waiver>,
    /// Sources that already hold it, so it is never requested from a citizen they cover.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub reuse: Vec<ReuseSource>,
    #[serde(default = "default_accept")]
    pub accept: Vec<FileType>,
    #[serde(default = "default_max_mb")]
    pub max_mb: u16,
}

/// A procedure definition.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Procedure {
    pub code: ProcedureCode,
    pub name: Localized,
    /// What the procedure is for and who may file, in plain words.
    pub summary: Localized,
    pub level: Level,
    pub authority: Localized,
    pub category: Localized,
    pub processing_days: u16,
    pub online_level: OnlineLevel,
    pub fees: Fees,
    pub legal_basis: Vec<LegalBasis>,
    /// The official declaration form the questions come from.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub form_name: Option<String>,
    /// What the citizen receives at the end.
    pub result: Localized,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub pages: Vec<Page>,
    /// Fields of the official form the online service fills itself.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub system_filled: Vec<SystemFilled>,
    pub documents: Vec<Document>,
    /// The answers of the most common case (e.g. "the mother files"), used for effort figures
    /// and to check that the form's conditions can be met.
    #[serde(default, skip_serializing_if = "std::collections::BTreeMap::is_empty")]
    pub typical_case: crate::form::Answers,
    /// Facts in this definition not yet checked against an official source.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub unverified: Vec<String>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn procedure_codes_have_the_national_shape() {
        assert!(ProcedureCode::parse("1.001193").is_ok());
        for bad in [
            "",
            "1001193",
            "1.00119",
            "1.0011933",
            "a.001193",
            "1,001193",
        ] {
            assert!(ProcedureCode::parse(bad).is_err(), "{bad}");
        }
    }
}

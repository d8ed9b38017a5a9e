//! What a procedure's page shows before any filing starts, read from the same answer as the whole
//! procedure (`GET /procedures/{code}`): the first-load app reads only these fields, so it does not
//! carry the code that reads questions, pages and fee cases (the filing journey reads those).

use serde::{Deserialize, Serialize};

use crate::Localized;
use crate::procedure::{Document, LegalBasis, ProcedureCode};

/// The fees and their note; of the cases with another fee, only the amounts (which case applies
/// is the journey's business), so the page can say what the fee ranges over.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FeesOverview {
    pub online: u64,
    pub in_person: u64,
    #[serde(default)]
    pub note: Option<Localized>,
    #[serde(default)]
    pub cases: Vec<FeeCaseAmounts>,
}

/// What a case with another fee costs, per channel.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct FeeCaseAmounts {
    pub online: u64,
    pub in_person: u64,
}

/// A procedure as its page presents it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProcedureOverview {
    pub code: ProcedureCode,
    pub name: Localized,
    pub summary: Localized,
    pub authority: Localized,
    pub processing_days: u16,
    pub fees: FeesOverview,
    pub legal_basis: Vec<LegalBasis>,
    pub documents: Vec<Document>,
    #[serde(default)]
    pub typical_case: crate::form::Answers,
}

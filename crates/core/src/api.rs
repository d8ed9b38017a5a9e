//! Wire types of the JSON API under `/api/v1`, shared by the server and the web app so that both
//! sides agree on every field. Domain newtypes appear only where a value is valid by construction.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::procedure::{Level, OnlineLevel, Procedure, ProcedureCode};
use crate::{FieldError, Localized};

/// One entry of `GET /api/v1/procedures`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProcedureSummary {
    pub code: ProcedureCode,
    pub name: Localized,
    pub level: Level,
    pub processing_days: u16,
    pub online_level: OnlineLevel,
    pub fee_online: u64,
    /// How many of the listed documents national data can stand in for or are waived online.
    pub reusable_documents: usize,
    pub documents: usize,
}

impl From<&Procedure> for ProcedureSummary {
    fn from(p: &Procedure) -> Self {
        Self {
            code: p.code.clone(),
            name: p.name.clone(),
            level: p.level,
            processing_days: p.processing_days,
            online_level: p.online_level,
            fee_online: p.fees.online,
            reusable_documents: p
                .documents
                .iter()
                .filter(|d| crate::reuse::usually_held(d))
                .count(),
            documents: p.documents.len(),
        }
    }
}

/// Body of `POST /api/v1/dossiers`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NewDossier {
    pub procedure_code: String,
    /// Answers by question id.
    #[serde(default)]
    pub answers: BTreeMap<String, String>,
}

/// Answer to a successful `POST /api/v1/dossiers` (201), and to its idempotent replays.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DossierReceipt {
    /// Official dossier code, e.g. `000.00.20.H12-261124-0001`.
    pub code: String,
    pub procedure_code: String,
    pub status: String,
    /// Receipt time, RFC 3339 in Vietnam time (+07:00).
    pub received_at: String,
}

/// Body of every error answer.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ApiError {
    /// Stable machine-readable key, e.g. `idempotency_key_missing`.
    pub error: String,
    /// The same, in words for people.
    pub message: Localized,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub fields: Vec<FieldError>,
}

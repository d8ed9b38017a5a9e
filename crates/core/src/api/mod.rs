//! Wire types of the JSON API under `/api/v1`, shared by the server and the web app so that both
//! sides agree on every field. Domain newtypes appear only where a value is valid by construction.

mod catalog;
mod embed;
mod fee;
mod help;
mod identity;
mod old_units;
mod overview;
mod page;

pub use catalog::{
    AskingProcedure, AuditField, AuditOverview, CatalogPage, Channel, Class, ClassifiedDocument,
    LegalText, MinistryFigures, ProcedureInformation, ProcedureSummary, Way, ministry_name,
};
pub use embed::{EmbedInfo, SignInTicket, TicketRedeem, TicketToken};
pub use fee::FeeQr;
pub use help::{
    AssistedBy, Cell, HelpAnswer, HelpAnswered, HelpKey, HelpLink, HelpOffer, HelpSessionOpened,
    HelpSessionView, Helper, HelperReport, Kiosk, KioskRegistered, NewHelpSession, NewKiosk,
    ProgressReport, ProgressUpdate, ReportRow, VolunteerReport,
};
pub use identity::IdentityProvider;
pub use old_units::{OldCommuneEntry, OldDistrictDetail, OldDistrictSummary, OldProvinceSummary};
pub use overview::{FeeCaseAmounts, FeesOverview, ProcedureOverview};
pub use page::{DataUsePage, ReceiptPage};

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::error::field_messages;
use crate::lifecycle::DossierStatus;
use crate::{FieldError, Localized};

/// Body of `POST /api/v1/dossiers`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(example = json!({
    "procedure_code": "1.001193",
    "answers": {"requester.relation": "mother", "child.circumstance": "normal", "father.known": "yes",
        "child.full_name": "Trần Ngọc Anh", "copies": "1", "declaration": "yes"},
    "attachments": {}
})))]
pub struct NewDossier {
    pub procedure_code: String,
    /// Answers by answer key.
    #[serde(default)]
    pub answers: BTreeMap<String, String>,
    /// Uploaded attachment ids by document id: required for documents to upload, allowed for
    /// any other (a citizen may always upload anyway).
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub attachments: BTreeMap<String, Vec<String>>,
    /// The help session the resident files in, if a volunteer is helping (recorded on the dossier).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub help: Option<HelpLink>,
}

/// Answer to a successful `POST /api/v1/dossiers` (201), and to its idempotent replays.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(example = json!({
    "code": "000.00.20.H12-261130-0001", "procedure_code": "1.001193", "status": "received",
    "received_at": "2026-11-30T09:15:00+07:00", "appointment_on": "2026-12-01", "fee": 0
})))]
pub struct DossierReceipt {
    /// Official dossier code, e.g. `000.00.20.H12-261124-0001`.
    pub code: String,
    pub procedure_code: String,
    pub status: DossierStatus,
    /// Receipt time, RFC 3339 in Vietnam time (+07:00).
    pub received_at: String,
    /// Appointment date for the result, `YYYY-MM-DD`, counted in working days.
    pub appointment_on: String,
    /// Fee due, in đồng (online rate).
    pub fee: u64,
    /// The volunteer who helped the resident file, if one did.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub assisted_by: Option<AssistedBy>,
}

/// One step of a dossier's timeline.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct DossierEvent {
    pub at: String,
    pub status: DossierStatus,
    pub note: Localized,
}

/// `GET /api/v1/dossiers/{code}`: the receipt with the answers, documents and timeline.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct DossierDetail {
    #[serde(flatten)]
    pub receipt: DossierReceipt,
    pub answers: BTreeMap<String, String>,
    pub documents: Vec<FiledDocument>,
    pub events: Vec<DossierEvent>,
    /// What the officer asked to supply again, while the dossier waits for it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub supplement: Option<SupplementRequest>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub payment: Option<Payment>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rating: Option<Rating>,
}

impl DossierReceipt {
    /// What the lifecycle rules need to know of the dossier, with whether it was paid and rated.
    pub fn standing(&self, paid: bool, rated: bool) -> crate::lifecycle::Standing {
        crate::lifecycle::Standing {
            status: self.status,
            fee: self.fee,
            paid,
            rated,
        }
    }
}

impl DossierDetail {
    /// What the lifecycle rules need to know of it (the app asks them what to offer).
    pub fn standing(&self) -> crate::lifecycle::Standing {
        self.receipt
            .standing(self.payment.is_some(), self.rating.is_some())
    }
}

/// One item an officer names in a supplement request: an answer or a document.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", content = "id", rename_all = "snake_case")]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub enum SupplementItem {
    /// An answer key or question id (an address question reopens its three parts).
    Answer(String),
    /// A document id of the procedure.
    Document(String),
}

/// A supplement request: exactly the items to supply again, and why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(example = json!({"items": [{"kind": "answer", "id": "child.full_name"}, {"kind": "document", "id": "birth_notice"}], "note": {"vi": "Tên của trẻ chưa khớp với giấy chứng sinh.", "en": "The child's name does not match the birth notice."}})))]
pub struct SupplementRequest {
    pub items: Vec<SupplementItem>,
    pub note: Localized,
}

field_messages! {
    /// Problems with an answer to a supplement request.
    SupplementError {
        NotRequested => "supplement.not_requested",
            "Cán bộ không yêu cầu bổ sung mục này; các thông tin khác của hồ sơ giữ nguyên.",
            "The officer did not ask for this item; the rest of the dossier stays as it was.";
        Missing => "supplement.missing",
            "Cán bộ yêu cầu bổ sung mục này. Hãy trả lời hoặc tải lên.",
            "The officer asked for this item. Please answer it or upload it.";
    }
}

field_messages! {
    /// Problems with a rating.
    RatingError {
        Score => "rating.score",
            "Chọn mức đánh giá từ 1 (rất không hài lòng) đến 5 (rất hài lòng).",
            "Choose a rating from 1 (very dissatisfied) to 5 (very satisfied).";
    }
}

/// The citizen's answer to a supplement request: only the named items.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(example = json!({"answers": {"child.full_name": "Trần Ngọc Anh"}, "attachments": {"birth_notice": ["p3J0bF9hdHRhY2htZW50"]}})))]
pub struct SupplementAnswer {
    #[serde(default)]
    pub answers: BTreeMap<String, String>,
    #[serde(default)]
    pub attachments: BTreeMap<String, Vec<String>>,
}

/// A fee payment (sandbox: no money moves).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Payment {
    pub reference: String,
    pub amount: u64,
    pub paid_at: String,
    pub sandbox: bool,
}

/// The citizen's rating of a finished dossier.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(example = json!({"score": 5, "feedback": "Nhanh, cán bộ hướng dẫn rõ ràng."})))]
pub struct Rating {
    /// 1 (very dissatisfied) to 5 (very satisfied).
    #[cfg_attr(feature = "openapi", schema(minimum = 1, maximum = 5))]
    #[serde(deserialize_with = "crate::wire::whole_number")]
    pub score: u8,
    #[serde(default)]
    pub feedback: String,
    #[serde(default)]
    pub rated_at: String,
}

/// A document as filed: its resolution at filing and the attachments given for it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct FiledDocument {
    #[serde(flatten)]
    pub status: crate::reuse::DocumentStatus,
    #[serde(default)]
    pub attachments: Vec<String>,
}

/// Body of every error answer.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(example = json!({
    "error": "validation_failed",
    "message": {"vi": "Một số thông tin chưa hợp lệ.", "en": "Some information is not valid."},
    "fields": [{"field": "child.full_name", "message_key": "name.empty"}]
})))]
pub struct ApiError {
    /// Stable machine-readable key, e.g. `idempotency_key_missing`.
    pub error: String,
    /// The same, in words for people.
    pub message: Localized,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub fields: Vec<FieldError>,
}

/// A consent in force (`GET /api/v1/me/consents`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ConsentRecord {
    pub purpose: String,
    pub text_version: String,
    pub given_at: String,
}

/// What a citizen reads before consenting to a purpose (`GET /api/v1/consent-purposes`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ConsentText {
    /// `identity`, `civil_status` or `papers`.
    pub purpose: String,
    pub version: String,
    pub title: Localized,
    /// Exactly which data is read.
    pub data: Localized,
    /// Why, and who processes it.
    pub why: Localized,
}

/// One read of national data, as the citizen sees it in the data-use receipt.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct DataUse {
    pub id: String,
    pub at: String,
    pub purpose: String,
    pub source: String,
    /// What was read: source paths (`population.full_name`) or record kinds (`birth_notice`).
    pub fields: Vec<String>,
    /// Empty when the read was not for a procedure.
    pub procedure_code: String,
    pub dossier_code: Option<String>,
    /// The volunteer who helped file that dossier, if one did: they received none of this data.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub helper: Option<String>,
}

/// The signed-in citizen (`GET /api/v1/me`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Me {
    pub sub: String,
    pub name: String,
    /// Identity comes from the sandbox provider, not VNeID.
    pub sandbox: bool,
}

/// Body of `POST /api/v1/me/prefill`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(example = json!({
    "procedure_code": "1.001193", "answers": {"requester.relation": "mother"}
})))]
pub struct PrefillRequest {
    pub procedure_code: String,
    #[serde(default)]
    pub answers: BTreeMap<String, String>,
}

/// What national data gives a procedure for the signed-in citizen.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PrefillResponse {
    pub prefilled: Vec<crate::prefill::Prefilled>,
    pub documents: Vec<crate::reuse::DocumentStatus>,
    /// Purposes not consented to: what more could be read.
    pub missing_consents: Vec<crate::consent::Purpose>,
}

/// Body of `POST /api/v1/procedures/{code}/check`: the answers so far, and the questions of the
/// page just answered, whose answers are checked with the same rules as at filing.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(example = json!({
    "answers": {"child.full_name": "  Trần   Ngọc Anh "}, "questions": ["child.full_name"]
})))]
pub struct CheckRequest {
    #[serde(default)]
    pub answers: BTreeMap<String, String>,
    /// Question ids; problems with other questions are not reported.
    pub questions: Vec<String>,
}

/// The result of a page check: the normalised answers of the questions asked (names in NFC,
/// phones as `0xxxxxxxxx`), and every problem with them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CheckResponse {
    pub answers: BTreeMap<String, String>,
    pub errors: Vec<FieldError>,
}

/// The key that opens the citizen's encrypted draft in the browser (`GET /api/v1/me/draft-key`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct DraftKey {
    /// 32 bytes, base64url without padding: an AES-256-GCM key.
    pub key: String,
    /// RFC 3339; each fetch extends it to 24 hours from then.
    pub expires_at: String,
}

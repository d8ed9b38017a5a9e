//! Wire types of volunteer-assisted filing (`/api/v1/help-sessions`, `/api/v1/help-offers`,
//! `/api/v1/volunteers`, `/api/v1/volunteer-report`). Nothing a volunteer's device receives
//! carries the resident's personal data: [`HelpSessionView`] has names from the catalog only.

use serde::{Deserialize, Serialize};

use crate::Localized;
use crate::help::{HelpState, JoinAnswer};

pub use crate::help::ProgressReport;
pub use crate::help::{Cell, ReportRow};

/// Body of `POST /help-sessions`: a volunteer offers help, optionally for one procedure.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "openapi", schema(example = json!({"procedure_code": "1.001193"})))]
pub struct NewHelpSession {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub procedure_code: Option<String>,
}

/// The session just opened, for the volunteer's screen: the QR code's address, the code to
/// type, the number to compare, and the capability to follow progress.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct HelpSessionOpened {
    pub id: String,
    /// Six characters, shown as `K7M-2QX`; single use, for ten minutes.
    pub code: String,
    /// Path of the join page on this server (`/ho-tro/{code}`), encoded in the QR code.
    pub join_path: String,
    /// An SVG QR code of the join address.
    pub qr_svg: String,
    /// The number the resident's phone shows too.
    pub number: u8,
    /// RFC 3339, Vietnam time.
    pub expires_at: String,
    /// Secret for following the session's events (`GET /help-sessions/{id}/events?watch=`),
    /// which an `EventSource` cannot authenticate with a header.
    pub watch: String,
}

/// Who offers help, as the resident's phone shows it before any sign-in.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Helper {
    pub full_name: String,
    pub team: String,
    pub commune: String,
}

/// `GET /help-offers/{code}`: the offer behind a join code.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct HelpOffer {
    pub helper: Helper,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub procedure_code: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub procedure_name: Option<Localized>,
    pub number: u8,
    pub expires_at: String,
}

/// Body of `POST /help-offers/{code}`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "openapi", schema(example = json!({"answer": "accept"})))]
pub struct HelpAnswer {
    pub answer: JoinAnswer,
}

/// The resident's answer, recorded. On acceptance, `session` and `key` let the resident's phone
/// (and only it) report progress and file in the session.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct HelpAnswered {
    pub state: HelpState,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub session: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub key: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub procedure_code: Option<String>,
}

/// The resident's hold on a session: sent with progress, with the dossier filed in it, and to
/// share the dossier code or end the help.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct HelpLink {
    pub session: String,
    pub key: String,
}

/// Body of `POST /help-sessions/{id}/progress`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "openapi", schema(example = json!({"key": "q1w2e3r4t5y6u7i8o9p0aQ", "progress": {"procedure_code": "1.001193", "step": "child_name", "step_number": 3, "step_count": 9, "question_errors": ["child.full_name"], "documents_remaining": []}})))]
pub struct ProgressUpdate {
    pub key: String,
    pub progress: ProgressReport,
}

/// Body of `POST /help-sessions/{id}/share` and `/end`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "openapi", schema(example = json!({"key": "q1w2e3r4t5y6u7i8o9p0aQ"})))]
pub struct HelpKey {
    pub key: String,
}

/// The session as the volunteer's screen shows it (`GET /help-sessions/{id}` and each event):
/// states and names from the catalog, never the resident's data.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct HelpSessionView {
    pub id: String,
    pub state: HelpState,
    /// The code's ten minutes are over and nobody answered.
    pub expired: bool,
    pub number: u8,
    pub expires_at: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub procedure_code: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub progress: Option<crate::help::HelpProgress>,
    /// Only once the resident taps "Chia sẻ mã hồ sơ với người hỗ trợ".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub dossier_code: Option<String>,
    /// For the first step, before the resident reports any: how to begin.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tip: Option<Localized>,
}

impl HelpSessionView {
    /// Nothing more will change on the volunteer's screen: declined, ended, expired, or filed
    /// with the dossier code shared (until then the resident may still share it).
    pub fn is_over(&self) -> bool {
        self.expired
            || matches!(self.state, HelpState::Declined | HelpState::Ended)
            || (self.state == HelpState::Filed && self.dossier_code.is_some())
    }
}

/// Who helped with a dossier, on the resident's dossier page, receipt and the officer's list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct AssistedBy {
    pub full_name: String,
    pub team: String,
    pub commune: String,
    pub session: String,
    /// When the help session was opened, RFC 3339.
    pub at: String,
}

/// `GET /volunteer-report`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct VolunteerReport {
    pub rows: Vec<ReportRow>,
    /// Counts under this are shown as `<5`.
    pub smallest_shown: u64,
}

/// Body of `POST /dossiers/{code}/report-helper`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "openapi", schema(example = json!({"note": "Người hỗ trợ hỏi mã OTP của tôi."})))]
pub struct HelperReport {
    /// What happened, in the resident's words (kept for the youth-union, at most 1,000 characters).
    #[serde(default)]
    pub note: String,
}

/// Body of `POST /kiosks`: a commune-owned device for residents without a phone.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "openapi", schema(example = json!({"name": "Máy 1, bộ phận một cửa", "commune": "Xã Mường Phăng, Tỉnh Điện Biên"})))]
pub struct NewKiosk {
    /// E.g. `Máy 1, bộ phận một cửa UBND xã Mường Phăng`.
    pub name: String,
    pub commune: String,
}

/// A registered kiosk (`GET /kiosk` with its device token, `GET /kiosks`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Kiosk {
    pub id: String,
    pub name: String,
    pub commune: String,
    #[serde(default)]
    pub revoked: bool,
}

/// A kiosk just registered, with its device token: shown once, stored only as a hash.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct KioskRegistered {
    #[serde(flatten)]
    pub kiosk: Kiosk,
    pub token: String,
}

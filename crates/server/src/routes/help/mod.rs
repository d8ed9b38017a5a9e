//! Volunteer-assisted filing: the registry (`registry`), the volunteer's help sessions
//! (`sessions`) and the resident's side of them (`offers`). The core's `help` module decides
//! every move; these routes read and write. No answer a volunteer's device receives carries the
//! resident's personal data.

mod kiosks;
mod offers;
mod registry;
mod sessions;

pub use offers::assisted_filing;

use axum::extract::FromRequestParts;
use axum::http::request::Parts;
use motlan_core::help::{HelpRefusal, Volunteer, VolunteerRefusal};
use sha2::{Digest, Sha256};
use utoipa_axum::router::OpenApiRouter;

use crate::AppState;
use crate::error::{Failure, api_errors};
use crate::identity::Citizen;
use crate::storage::HelpSessionRow;

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .merge(registry::router())
        .merge(kiosks::router())
        .merge(sessions::router())
        .merge(offers::router())
}

api_errors! {
    /// Errors of help sessions.
    pub enum HelpError {
        NotVolunteer => (FORBIDDEN, "volunteer_not_registered",
            "Tài khoản này không có trong danh sách tình nguyện viên của xã, nên không mở được phiên hỗ trợ.",
            "This account is not on the commune's volunteer registry, so it cannot open help sessions."),
        Suspended => (FORBIDDEN, "volunteer_suspended",
            "Tình nguyện viên này đang bị tạm dừng hỗ trợ.",
            "This volunteer is suspended from helping."),
        OutsidePeriod => (FORBIDDEN, "volunteer_inactive",
            "Thời gian hoạt động đã đăng ký của tình nguyện viên này chưa bắt đầu hoặc đã kết thúc.",
            "This volunteer's registered period has not started or is over."),
        TooMany => (TOO_MANY_REQUESTS, "help_sessions_limit",
            "Bạn đã mở 20 phiên hỗ trợ trong một giờ qua. Vui lòng chờ rồi thử lại.",
            "You have opened 20 help sessions in the last hour. Please wait and try again."),
        CodeInvalid => (BAD_REQUEST, "help_code_invalid",
            "Mã hỗ trợ gồm 6 chữ cái và chữ số (không có 0, O, 1, I, L), ví dụ K7M-2QX.",
            "A help code has 6 letters and digits (no 0, O, 1, I or L), for example K7M-2QX."),
        CodeUnknown => (NOT_FOUND, "help_code_unknown",
            "Không tìm thấy phiên hỗ trợ với mã này. Hãy kiểm tra lại mã trên màn hình của người hỗ trợ.",
            "No help session has this code. Check the code on the helper's screen."),
        CodeExpired => (GONE, "help_code_expired",
            "Mã hỗ trợ đã hết hạn (sau 10 phút). Nhờ người hỗ trợ mở phiên mới.",
            "This help code has expired (after 10 minutes). Ask the helper to open a new session."),
        CodeUsed => (CONFLICT, "help_code_used",
            "Mã hỗ trợ này đã được dùng. Mỗi mã chỉ dùng được một lần: nhờ người hỗ trợ mở phiên mới.",
            "This help code has already been used. Each code works once: ask the helper to open a new session."),
        SessionClosed => (CONFLICT, "help_session_closed",
            "Phiên hỗ trợ này đã kết thúc.",
            "This help session is over."),
        NotAccepted => (CONFLICT, "help_session_not_accepted",
            "Người dân chưa đồng ý nhận hỗ trợ trong phiên này.",
            "The resident has not accepted help in this session."),
        SessionUnknown => (NOT_FOUND, "help_session_unknown",
            "Không tìm thấy phiên hỗ trợ.",
            "The help session was not found."),
        KeyWrong => (FORBIDDEN, "help_key_wrong",
            "Phiên hỗ trợ này thuộc về một thiết bị hoặc một người khác.",
            "This help session belongs to another device or person."),
        ProgressInvalid => (UNPROCESSABLE_ENTITY, "help_progress_invalid",
            "Tiến độ gửi lên không khớp với thủ tục ({}).",
            "The progress sent does not match the procedure ({})."),
        ProcedureUnknown => (UNPROCESSABLE_ENTITY, "procedure_unknown",
            "Không có thủ tục này trong danh mục.",
            "There is no such procedure in the catalog."),
        VolunteerUnknown => (NOT_FOUND, "volunteer_unknown",
            "Không có tình nguyện viên này trong danh sách.",
            "There is no such volunteer on the registry."),
    }
}

impl From<HelpRefusal> for HelpError {
    fn from(r: HelpRefusal) -> Self {
        match r {
            HelpRefusal::Expired => Self::CodeExpired,
            HelpRefusal::Used => Self::CodeUsed,
            HelpRefusal::Closed => Self::SessionClosed,
            HelpRefusal::NotAccepted => Self::NotAccepted,
        }
    }
}

impl From<HelpRefusal> for Failure {
    fn from(r: HelpRefusal) -> Self {
        HelpError::from(r).into()
    }
}

/// A signed-in citizen who is an active registered volunteer.
pub struct ActiveVolunteer(pub Volunteer);

impl FromRequestParts<AppState> for ActiveVolunteer {
    type Rejection = axum::response::Response;

    async fn from_request_parts(
        parts: &mut Parts,
        state: &AppState,
    ) -> Result<Self, axum::response::Response> {
        use axum::response::IntoResponse as _;
        let citizen = Citizen::from_request_parts(parts, state).await?;
        let registered = state
            .storage
            .volunteer(&citizen.sub)
            .await
            .map_err(|e| Failure::from(e).into_response())?
            .ok_or_else(|| HelpError::NotVolunteer.into_response())?;
        let today = crate::clock::now_vietnam()
            .map_err(|e| Failure::internal(e).into_response())?
            .date();
        registered.may_help(today).map_err(|r| {
            match r {
                VolunteerRefusal::NotRegistered => HelpError::NotVolunteer,
                VolunteerRefusal::Suspended => HelpError::Suspended,
                VolunteerRefusal::OutsidePeriod => HelpError::OutsidePeriod,
            }
            .into_response()
        })?;
        Ok(Self(registered))
    }
}

/// Wakes the volunteers' event streams: a help session changed.
pub(crate) fn changed(state: &AppState) {
    state.help_changes.send_modify(|v| *v = v.wrapping_add(1));
}

/// SHA-256 in hex: join codes, secrets and the resident's subject are stored only so.
pub(crate) fn digest(text: &str) -> String {
    format!("{:x}", Sha256::digest(text.as_bytes()))
}

/// Whether `key` is the resident phone's key of `session` (compared as digests).
fn key_matches(session: &HelpSessionRow, key: &str) -> bool {
    session.key_hash.as_deref() == Some(digest(key).as_str())
}

/// Seconds since the Unix epoch.
fn unix_now() -> i64 {
    time::OffsetDateTime::now_utc().unix_timestamp()
}

fn expires_at(session: &HelpSessionRow) -> String {
    unix_to_vietnam(session.expires_unix)
}

/// A Unix time as RFC 3339 in Vietnam time.
fn unix_to_vietnam(unix: i64) -> String {
    time::OffsetDateTime::from_unix_timestamp(unix)
        .map(|t| t.to_offset(crate::clock::VIETNAM))
        .ok()
        .and_then(|t| {
            t.format(&time::format_description::well_known::Rfc3339)
                .ok()
        })
        .unwrap_or_default()
}

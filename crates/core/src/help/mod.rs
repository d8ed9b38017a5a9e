//! Volunteer-assisted filing ("hỗ trợ", never "làm thay"): a registered volunteer opens a help
//! session; the resident joins it on their own phone, sees who offers help before signing in,
//! and signs in, consents and files there. The volunteer sees progress by name (the step, which
//! questions or documents still need attention), never a value the resident typed or national
//! data returned; the dossier records who helped. The reverse of RFC 8628's token direction, as
//! RFC 10027 (cross-device flows) recommends: tokens never reach the volunteer's device.

mod code;
mod progress;
mod report;
mod session;
mod volunteer;

pub use code::{CodeError, JoinCode, match_number};
pub use progress::{HelpProgress, ProgressError, ProgressReport, describe, step_tip};
pub use report::{Cell, HelpRecord, ReportRow, SMALLEST_SHOWN, report};
pub use session::{HelpRefusal, HelpState, JoinAnswer};
pub use volunteer::{Volunteer, VolunteerRefusal};

/// How long a join code may be used after the volunteer opens the session.
pub const CODE_LIFETIME_SECONDS: i64 = 600;

/// Help sessions one volunteer may open in an hour; beyond, the server answers 429.
pub const SESSIONS_PER_HOUR: i64 = 20;

//! Authorization codes of the identity SANDBOX waiting for their exchange, and how long codes and
//! tokens live.

use std::time::{Duration, SystemTime};

/// How long a code may wait for its exchange, and how long a token lasts. Short: a shared
/// device must not keep a session alive.
pub(super) const CODE_LIFETIME: Duration = Duration::from_secs(120);
pub(super) const TOKEN_LIFETIME: Duration = Duration::from_secs(30 * 60);

/// A code issued to a client, waiting for the token request.
pub struct PendingCode {
    pub(super) sub: String,
    pub(super) name: String,
    pub(super) client_id: String,
    pub(super) redirect_uri: String,
    pub(super) challenge: String,
    pub(super) nonce: Option<String>,
    pub(super) expires: SystemTime,
    /// When the citizen signed in (seconds since the epoch): the token's `auth_time`.
    pub(super) auth_time: u64,
}

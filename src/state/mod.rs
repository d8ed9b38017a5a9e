//! Shared state: language preference, the signed-in session, and a filing in progress.

pub mod embed;
#[cfg(feature = "journey")]
pub mod filing;
pub mod kiosk;
pub mod prefs;
pub mod session;

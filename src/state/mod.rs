//! Shared state: language preference, the signed-in session, and a filing in progress.

#[cfg(feature = "journey")]
pub mod filing;
pub mod prefs;
pub mod session;

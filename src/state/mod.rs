#[cfg(feature = "journey")]
pub mod filing;
pub mod prefs;
pub mod session;

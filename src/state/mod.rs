pub mod prefs;
pub mod session;

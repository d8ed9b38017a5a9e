pub mod prefs;

//! Hooks the pages share: the API client from context, a resource loaded once per key, and the
//! outbox's changes.

pub mod use_api;
pub mod use_hydrated;
#[cfg(feature = "journey")]
pub mod use_outbox;
pub mod use_resource;

//! Everything that leaves the page: the JSON API, encrypted drafts in browser storage, and
//! sign-in with the identity provider.

pub mod api;
pub mod catalog;
pub mod drafts;
pub mod embedding;
#[cfg(feature = "journey")]
pub mod fee;
#[cfg(feature = "journey")]
pub mod help;
pub mod identity;
#[cfg(feature = "journey")]
pub mod outbox;
pub mod paths;
pub mod preload;
pub mod rendered;
pub mod upload;

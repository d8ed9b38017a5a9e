//! Domain rules of Một Lần, shared by the citizen web app (WebAssembly) and the provincial API server.
//!
//! The crate is pure and deterministic: it performs no I/O and reads no clock. Dates, times and
//! identifiers come in as arguments so every rule runs identically in the browser and on the server.

mod address_answer;
pub mod answers;
pub mod api;
#[cfg(feature = "embedded-catalog")]
pub mod catalog;
#[cfg(all(test, feature = "embedded-catalog"))]
mod catalog_facts_tests;
mod check_context;
#[cfg(feature = "checker")]
pub mod checker;
pub mod citizen;
mod condition;
pub mod consent;
pub mod dossier_code;
pub mod effort;
#[cfg(all(test, feature = "embedded-catalog"))]
mod engine_tests;
pub mod error;
pub mod field;
pub mod form;
pub mod form_check;
pub mod help;
pub mod i18n;
pub mod journey;
#[cfg(all(test, feature = "embedded-catalog"))]
mod journey_tests;
pub mod kinds;
pub mod lifecycle;
pub mod messages;
pub mod personal_id;
pub mod prefill;
pub mod procedure;
pub mod reuse;
#[cfg(any(test, feature = "sandbox"))]
pub mod sandbox;
pub mod search;
pub mod source;
pub mod submission;
#[cfg(all(test, feature = "embedded-catalog"))]
mod test_support;
pub mod text;
pub mod validate;
#[cfg(all(test, feature = "embedded-catalog"))]
mod vehicle_tests;
pub mod vietqr;
mod wire;

pub use dossier_code::{DossierCode, UnitCode};
pub use error::FieldError;
pub use form::Answers;
pub use i18n::{Lang, Localized};
pub use procedure::{Procedure, ProcedureCode};

//! Domain rules of Một Lần, shared by the citizen web app (WebAssembly) and the provincial API server.
//!
//! The crate is pure and deterministic: it performs no I/O and reads no clock. Dates, times and
//! identifiers come in as arguments so every rule runs identically in the browser and on the server.

pub mod api;
#[cfg(feature = "embedded-catalog")]
pub mod catalog;
pub mod dossier_code;
pub mod error;
pub mod i18n;
pub mod personal_id;
pub mod procedure;
pub mod search;
pub mod text;

pub use dossier_code::{DossierCode, UnitCode};
pub use error::FieldError;
pub use i18n::{Lang, Localized};
pub use procedure::{Procedure, ProcedureCode};

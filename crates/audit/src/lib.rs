//! The agency-side document-reuse checker. It reads procedure records from the national
//! procedure database, splits each record's document list into items, and classifies every item
//! with the same once-only knowledge the citizen app applies: papers national systems already hold
//! (`reusable`), papers that no longer exist (`abolished`), papers a citizen must still provide
//! (`upload`), and items it cannot decide (`unclear`).

pub mod records;
pub mod report;
pub mod rules;
pub mod split;

pub use records::{Problem, Record, read_file};
pub use report::{Audit, AuditedDocument, AuditedProcedure, audit};
pub use rules::{Class, RuleSet};

//! The agency-side document-reuse checker. It reads procedure records from the national
//! procedure database, splits each record's document list into items, and classifies every item
//! with the same once-only knowledge the citizen app applies: papers national systems already hold
//! (`reusable`), papers that no longer exist (`abolished`), papers a citizen must still provide
//! (`upload`), items it cannot decide (`unclear`) and notes that are not documents
//! (`not_a_document`). The rules themselves live in `motlan_core::checker`, shared with the server.

pub mod records;
pub mod report;

pub use motlan_core::checker::split;
pub use motlan_core::checker::{Class, RuleSet};
pub use records::{Problem, Record, read_file};
pub use report::{Audit, AuditedDocument, AuditedProcedure, audit};

//! Lists that page: newest first, a page at a time, continued by an opaque cursor (keyset
//! pagination, so a page never repeats or skips an entry when new ones arrive).

use serde::{Deserialize, Serialize};

use super::{DataUse, DossierReceipt};

/// A page of dossier receipts (`GET /me/dossiers`, `GET /officer/dossiers`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ReceiptPage {
    pub items: Vec<DossierReceipt>,
    /// The cursor of the next page (`?cursor=`), absent on the last page; also in the `Link`
    /// header.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub next: Option<String>,
}

/// A page of the data-use receipt (`GET /me/data-use`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct DataUsePage {
    pub items: Vec<DataUse>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub next: Option<String>,
}

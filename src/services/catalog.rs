//! The catalog on the wire: searching every procedure, a procedure's information page, and the
//! agency review.

use motlan_core::api::{CatalogPage, ProcedureInformation};

use super::api::{Api, ApiFailure, Method};
use super::paths::{information_path, procedures_path};

impl Api {
    /// A page of the catalog search (every procedure without `query`), continued by `cursor`.
    pub async fn procedures(
        &self,
        query: &str,
        cursor: Option<&str>,
    ) -> Result<CatalogPage, ApiFailure> {
        let path = procedures_path(query, cursor);
        self.request(Method::Get, &path, None::<&()>, None).await
    }

    /// The agency review of the national catalog, filtered (`""`: everything).
    #[cfg(feature = "journey")]
    pub async fn audit(
        &self,
        ministry: &str,
        field: &str,
    ) -> Result<motlan_core::api::AuditOverview, ApiFailure> {
        self.request(
            Method::Get,
            &audit_path("/audit", ministry, field),
            None::<&()>,
            None,
        )
        .await
    }

    /// What a procedure is, who handles it, and its documents as the checker classified them.
    pub async fn information(&self, code: &str) -> Result<ProcedureInformation, ApiFailure> {
        self.request(Method::Get, &information_path(code), None::<&()>, None)
            .await
    }
}

/// `/audit?ministry=…&field=…` (or `/audit.csv…`), the empty filters left out.
#[cfg(feature = "journey")]
pub fn audit_path(base: &str, ministry: &str, field: &str) -> String {
    let mut query = Vec::new();
    for (key, value) in [("ministry", ministry), ("field", field)] {
        if !value.is_empty() {
            query.push(format!(
                "{key}={}",
                motlan_core::text::percent_encode(value)
            ));
        }
    }
    if query.is_empty() {
        base.to_owned()
    } else {
        format!("{base}?{}", query.join("&"))
    }
}

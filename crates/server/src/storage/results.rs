//! Electronic results issued by this system, kept in the citizen's data warehouse.

use motlan_core::citizen::WarehouseDocument;
use motlan_core::kinds::PaperKind;
use motlan_core::validate::date::iso;
use sqlx::Row as _;

use super::Storage;

impl Storage {
    pub async fn add_result(
        &self,
        owner: &str,
        result: &WarehouseDocument,
    ) -> Result<(), sqlx::Error> {
        let _writing = self.writing().await;
        let kind =
            serde_json::to_value(result.kind).map_err(|e| sqlx::Error::Encode(Box::new(e)))?;
        sqlx::query(
            "INSERT INTO results (record_id, owner, kind, title, issuer, issued_on, dossier_code, sha256)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
        )
        .bind(&result.record_id)
        .bind(owner)
        .bind(kind.as_str().unwrap_or_default().to_owned())
        .bind(&result.title)
        .bind(&result.issuer)
        .bind(result.issued_on.to_string())
        .bind(result.dossier_code.clone().unwrap_or_default())
        .bind(&result.sha256)
        .execute(&self.pool)
        .await?;
        Ok(())
    }

    /// The results issued to `owner`, as data-warehouse documents.
    pub async fn results_of(&self, owner: &str) -> Result<Vec<WarehouseDocument>, sqlx::Error> {
        let rows = sqlx::query(
            "SELECT record_id, kind, title, issuer, issued_on, dossier_code, sha256 FROM results WHERE owner = $1 ORDER BY issued_on",
        )
        .bind(owner)
        .fetch_all(&self.pool)
        .await?;
        rows.iter()
            .map(|row| {
                let kind: String = row.try_get("kind")?;
                let issued_on: String = row.try_get("issued_on")?;
                Ok(WarehouseDocument {
                    record_id: row.try_get("record_id")?,
                    kind: serde_json::from_value::<PaperKind>(serde_json::Value::String(kind))
                        .map_err(|e| sqlx::Error::Decode(Box::new(e)))?,
                    title: row.try_get("title")?,
                    issuer: row.try_get("issuer")?,
                    issued_on: iso::parse(&issued_on).ok_or_else(|| {
                        sqlx::Error::Decode(format!("bad date {issued_on:?}").into())
                    })?,
                    dossier_code: Some(row.try_get("dossier_code")?),
                    sha256: row.try_get("sha256")?,
                    certified_copy: false,
                })
            })
            .collect()
    }
}

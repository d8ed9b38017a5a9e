//! Reading dossiers: one by code, a citizen's, the officer's list, the timeline, and the counts
//! behind "popular procedures".

use std::collections::BTreeMap;

use motlan_core::Localized;
use motlan_core::api::{DossierEvent, DossierReceipt};
use motlan_core::lifecycle::DossierStatus;
use sqlx::Row as _;

use super::super::Storage;
use super::{COLUMNS, StoredDossier, receipt, status, stored};

impl Storage {
    /// A stored dossier, whoever owns it (callers check the owner).
    pub async fn dossier(&self, code: &str) -> Result<Option<StoredDossier>, sqlx::Error> {
        let query = format!("SELECT {COLUMNS} FROM dossiers WHERE code = $1");
        let row = sqlx::query(sqlx::AssertSqlSafe(query))
            .bind(code)
            .fetch_optional(&self.pool)
            .await?;
        row.as_ref().map(stored).transpose()
    }

    /// The receipts of a citizen's dossiers, newest first.
    pub async fn dossiers_of(&self, owner: &str) -> Result<Vec<DossierReceipt>, sqlx::Error> {
        let query = format!(
            "SELECT {COLUMNS} FROM dossiers WHERE owner = $1 ORDER BY received_at DESC, code DESC"
        );
        let rows = sqlx::query(sqlx::AssertSqlSafe(query))
            .bind(owner)
            .fetch_all(&self.pool)
            .await?;
        rows.iter().map(receipt).collect()
    }

    /// Every dossier, newest first, optionally only those in `status` (the officer's list).
    pub async fn all_dossiers(
        &self,
        status: Option<DossierStatus>,
    ) -> Result<Vec<DossierReceipt>, sqlx::Error> {
        let filter = if status.is_some() {
            "WHERE status = $1"
        } else {
            ""
        };
        let query =
            format!("SELECT {COLUMNS} FROM dossiers {filter} ORDER BY received_at DESC, code DESC");
        let mut query = sqlx::query(sqlx::AssertSqlSafe(query));
        if let Some(status) = status {
            query = query.bind(status.as_str());
        }
        let rows = query.fetch_all(&self.pool).await?;
        rows.iter().map(receipt).collect()
    }

    /// The timeline of a dossier, oldest first.
    pub async fn events(&self, code: &str) -> Result<Vec<DossierEvent>, sqlx::Error> {
        let rows = sqlx::query(
            "SELECT at, status, note_vi, note_en FROM dossier_events WHERE code = $1 ORDER BY seq",
        )
        .bind(code)
        .fetch_all(&self.pool)
        .await?;
        rows.iter()
            .map(|row| {
                Ok(DossierEvent {
                    at: row.try_get("at")?,
                    status: status(&row.try_get::<String, _>("status")?)?,
                    note: Localized {
                        vi: row.try_get("note_vi")?,
                        en: row.try_get("note_en")?,
                    },
                })
            })
            .collect()
    }

    /// How many dossiers each procedure received since `since` (RFC 3339, Vietnam time).
    pub async fn filing_counts(&self, since: &str) -> Result<BTreeMap<String, u64>, sqlx::Error> {
        let rows = sqlx::query(
            "SELECT procedure_code, COUNT(*) AS n FROM dossiers WHERE received_at >= $1 GROUP BY procedure_code",
        )
        .bind(since)
        .fetch_all(&self.pool)
        .await?;
        rows.iter()
            .map(|row| {
                let n: i64 = row.try_get("n")?;
                Ok((
                    row.try_get("procedure_code")?,
                    u64::try_from(n).unwrap_or(0),
                ))
            })
            .collect()
    }

    /// Number of stored dossiers.
    pub async fn dossier_count(&self) -> Result<i64, sqlx::Error> {
        sqlx::query_scalar("SELECT COUNT(*) FROM dossiers")
            .fetch_one(&self.pool)
            .await
    }
}

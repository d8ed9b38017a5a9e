//! Consents and the data-use receipt.

use sqlx::Row as _;

use super::Storage;

pub use motlan_core::api::{ConsentRecord, DataUse};

impl Storage {
    /// Records a consent; an earlier consent to the same purpose is closed at the same time.
    pub async fn give_consent(
        &self,
        owner: &str,
        purpose: &str,
        version: &str,
        at: &str,
    ) -> Result<ConsentRecord, sqlx::Error> {
        let _writing = self.writing().await;
        let mut tx = self.pool.begin().await?;
        sqlx::query(
            "UPDATE consents SET withdrawn_at = $1 WHERE owner = $2 AND purpose = $3 AND withdrawn_at IS NULL",
        )
        .bind(at)
        .bind(owner)
        .bind(purpose)
        .execute(&mut *tx)
        .await?;
        sqlx::query(
            "INSERT INTO consents (owner, purpose, text_version, given_at) VALUES ($1, $2, $3, $4)
             ON CONFLICT (owner, purpose, given_at) DO UPDATE SET text_version = $3, withdrawn_at = NULL",
        )
        .bind(owner)
        .bind(purpose)
        .bind(version)
        .bind(at)
        .execute(&mut *tx)
        .await?;
        tx.commit().await?;
        Ok(ConsentRecord {
            purpose: purpose.to_owned(),
            text_version: version.to_owned(),
            given_at: at.to_owned(),
        })
    }

    /// Withdraws a consent; `false` if none was in force.
    pub async fn withdraw_consent(
        &self,
        owner: &str,
        purpose: &str,
        at: &str,
    ) -> Result<bool, sqlx::Error> {
        let _writing = self.writing().await;
        let done = sqlx::query(
            "UPDATE consents SET withdrawn_at = $1 WHERE owner = $2 AND purpose = $3 AND withdrawn_at IS NULL",
        )
        .bind(at)
        .bind(owner)
        .bind(purpose)
        .execute(&self.pool)
        .await?;
        Ok(done.rows_affected() > 0)
    }

    /// Consents in force.
    pub async fn consents(&self, owner: &str) -> Result<Vec<ConsentRecord>, sqlx::Error> {
        let rows = sqlx::query(
            "SELECT purpose, text_version, given_at FROM consents
             WHERE owner = $1 AND withdrawn_at IS NULL ORDER BY purpose",
        )
        .bind(owner)
        .fetch_all(&self.pool)
        .await?;
        rows.iter()
            .map(|row| {
                Ok(ConsentRecord {
                    purpose: row.try_get("purpose")?,
                    text_version: row.try_get("text_version")?,
                    given_at: row.try_get("given_at")?,
                })
            })
            .collect()
    }

    pub async fn record_data_use(
        &self,
        owner: &str,
        entries: &[DataUse],
    ) -> Result<(), sqlx::Error> {
        if entries.is_empty() {
            return Ok(());
        }
        let _writing = self.writing().await;
        let mut tx = self.pool.begin().await?;
        let owned: Vec<(String, DataUse)> = entries
            .iter()
            .map(|e| (owner.to_owned(), e.clone()))
            .collect();
        insert_data_uses(&mut tx, &owned).await?;
        tx.commit().await
    }

    /// The citizen's data-use receipt, newest first.
    pub async fn data_use(
        &self,
        owner: &str,
        after: Option<(&str, &str)>,
        limit: u32,
    ) -> Result<(Vec<DataUse>, Option<(String, String)>), sqlx::Error> {
        let keyset = if after.is_some() {
            "AND (at < $2 OR (at = $2 AND id < $3))"
        } else {
            ""
        };
        let query = format!(
            "SELECT id, at, purpose, source, fields, procedure_code, dossier_code FROM data_use
             WHERE owner = $1 {keyset} ORDER BY at DESC, id DESC LIMIT {}",
            u64::from(limit) + 1
        );
        let mut query = sqlx::query(sqlx::AssertSqlSafe(query)).bind(owner);
        if let Some((at, id)) = after {
            query = query.bind(at).bind(id);
        }
        let rows = query.fetch_all(&self.pool).await?;
        let mut page: Vec<DataUse> = rows
            .iter()
            .map(|row| {
                let fields: String = row.try_get("fields")?;
                Ok(DataUse {
                    id: row.try_get("id")?,
                    at: row.try_get("at")?,
                    purpose: row.try_get("purpose")?,
                    source: row.try_get("source")?,
                    fields: serde_json::from_str(&fields)
                        .map_err(|e| sqlx::Error::Decode(Box::new(e)))?,
                    procedure_code: row.try_get("procedure_code")?,
                    dossier_code: row.try_get("dossier_code")?,
                    helper: None,
                })
            })
            .collect::<Result<_, sqlx::Error>>()?;
        let next = if page.len() > limit as usize {
            page.truncate(limit as usize);
            page.last().map(|u| (u.at.clone(), u.id.clone()))
        } else {
            None
        };
        Ok((page, next))
    }
}

/// Every entry, with its owner, in one statement (a batch of filings records its reads with the
/// dossiers).
pub(super) async fn insert_data_uses(
    tx: &mut sqlx::Transaction<'_, sqlx::Any>,
    entries: &[(String, DataUse)],
) -> Result<(), sqlx::Error> {
    if entries.is_empty() {
        return Ok(());
    }
    let rows: Vec<String> = (0..entries.len())
        .map(|i| {
            let n = i * 8;
            format!(
                "(${}, ${}, ${}, ${}, ${}, ${}, ${}, ${})",
                n + 1,
                n + 2,
                n + 3,
                n + 4,
                n + 5,
                n + 6,
                n + 7,
                n + 8
            )
        })
        .collect();
    let statement = format!(
        "INSERT INTO data_use (id, owner, at, purpose, source, fields, procedure_code, dossier_code) VALUES {}",
        rows.join(", ")
    );
    let mut query = sqlx::query(sqlx::AssertSqlSafe(statement));
    for (owner, entry) in entries {
        let fields =
            serde_json::to_string(&entry.fields).map_err(|e| sqlx::Error::Encode(Box::new(e)))?;
        query = query
            .bind(entry.id.clone())
            .bind(owner.clone())
            .bind(entry.at.clone())
            .bind(entry.purpose.clone())
            .bind(entry.source.clone())
            .bind(fields)
            .bind(entry.procedure_code.clone())
            .bind(entry.dossier_code.clone());
    }
    query.execute(&mut **tx).await?;
    Ok(())
}

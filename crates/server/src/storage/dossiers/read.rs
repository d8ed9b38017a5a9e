//! Reading dossiers: one by code, a citizen's, the officer's list, the timeline, and the counts
//! behind "popular procedures".

use std::collections::BTreeMap;

use motlan_core::Localized;
use motlan_core::api::{DossierEvent, DossierReceipt};
use motlan_core::lifecycle::DossierStatus;
use sqlx::Row as _;

use super::super::Storage;

/// Which dossiers a list shows (every field optional).
#[derive(Debug, Clone, Default)]
pub struct ReceiptFilter {
    pub owner: Option<String>,
    pub status: Option<DossierStatus>,
    pub procedure: Option<String>,
    /// Received on or after this day (`YYYY-MM-DD`, Vietnam time).
    pub from_day: Option<String>,
    /// Received before this day (`YYYY-MM-DD`).
    pub before_day: Option<String>,
}
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

    /// A page of receipts, newest first: those `filter` selects after the entry `after`
    /// (keyset: received time, then code), at most `limit`; answers the key of the last one
    /// when more follow.
    pub async fn receipts(
        &self,
        filter: &ReceiptFilter,
        after: Option<(&str, &str)>,
        limit: u32,
    ) -> Result<(Vec<DossierReceipt>, Option<(String, String)>), sqlx::Error> {
        let mut conditions = Vec::new();
        let mut values: Vec<String> = Vec::new();
        let param = |values: &mut Vec<String>, value: String| {
            values.push(value);
            format!("${}", values.len())
        };
        if let Some(owner) = &filter.owner {
            conditions.push(format!("owner = {}", param(&mut values, owner.clone())));
        }
        if let Some(status) = filter.status {
            conditions.push(format!(
                "status = {}",
                param(&mut values, status.as_str().to_owned())
            ));
        }
        if let Some(procedure) = &filter.procedure {
            conditions.push(format!(
                "procedure_code = {}",
                param(&mut values, procedure.clone())
            ));
        }
        if let Some(from) = &filter.from_day {
            conditions.push(format!(
                "received_at >= {}",
                param(&mut values, from.clone())
            ));
        }
        if let Some(until) = &filter.before_day {
            conditions.push(format!(
                "received_at < {}",
                param(&mut values, until.clone())
            ));
        }
        if let Some((at, code)) = after {
            let at = param(&mut values, at.to_owned());
            let code = param(&mut values, code.to_owned());
            conditions.push(format!(
                // A row value: one range over the index, on SQLite and PostgreSQL alike.
                "(received_at, code) < ({at}, {code})"
            ));
        }
        let filter_sql = if conditions.is_empty() {
            String::new()
        } else {
            format!("WHERE {}", conditions.join(" AND "))
        };
        let query = format!(
            "SELECT {COLUMNS} FROM dossiers {filter_sql} ORDER BY received_at DESC, code DESC LIMIT {}",
            u64::from(limit) + 1
        );
        let mut query = sqlx::query(sqlx::AssertSqlSafe(query));
        for value in values {
            query = query.bind(value);
        }
        let rows = query.fetch_all(&self.pool).await?;
        let mut page: Vec<DossierReceipt> = rows.iter().map(receipt).collect::<Result<_, _>>()?;
        let next = if page.len() > limit as usize {
            page.truncate(limit as usize);
            page.last().map(|r| (r.received_at.clone(), r.code.clone()))
        } else {
            None
        };
        Ok((page, next))
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

    /// How many dossiers each procedure received since the day of `since` (RFC 3339, Vietnam
    /// time), from the per-day counters: the cost does not grow with the number of dossiers.
    pub async fn filing_counts(&self, since: &str) -> Result<BTreeMap<String, u64>, sqlx::Error> {
        let day = since.get(..10).unwrap_or(since);
        let rows = sqlx::query(
            "SELECT procedure_code, CAST(SUM(dossiers) AS BIGINT) AS n FROM dossier_counts
             WHERE day >= $1 GROUP BY procedure_code",
        )
        .bind(day)
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

//! Dossiers: creation under an idempotency key, reading by owner, and the status timeline.

use motlan_core::api::{DossierEvent, DossierReceipt, DossierStatus};
use motlan_core::{DossierCode, Localized, UnitCode};
use sqlx::Row as _;
use sqlx::any::AnyRow;
use time::format_description::well_known::Rfc3339;
use time::{Date, OffsetDateTime};

use super::Storage;

/// What creating a dossier under an idempotency key came to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Creation {
    Created(DossierReceipt),
    /// The key was used before with the same body: the first answer, unchanged.
    Replayed(DossierReceipt),
    /// The key was used before with a different body.
    KeyReused,
}

/// A dossier to store, already validated.
pub struct NewDossierRecord {
    pub idempotency_key: String,
    /// Subject identifier of the citizen filing it.
    pub owner: String,
    pub request_hash: String,
    pub procedure_code: String,
    pub answers_json: String,
    pub documents_json: String,
    pub fee: u64,
    pub unit: UnitCode,
    /// Receipt time, already in Vietnam time.
    pub received_at: OffsetDateTime,
    pub appointment_on: Date,
    /// The reads of national data this filing made, recorded with the dossier code in the same
    /// transaction, so a stored dossier always has its data-use receipt.
    pub data_use: Vec<super::DataUse>,
}

/// A stored dossier with everything the owner may read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoredDossier {
    pub owner: String,
    pub receipt: DossierReceipt,
    pub answers_json: String,
    pub documents_json: String,
    pub supplement_json: Option<String>,
    pub paid_at: Option<String>,
    pub payment_ref: Option<String>,
    pub rating: Option<i64>,
    pub feedback: Option<String>,
    pub rated_at: Option<String>,
}

fn encode<E: std::error::Error + Send + Sync + 'static>(e: E) -> sqlx::Error {
    sqlx::Error::Encode(Box::new(e))
}

fn decode<E: std::error::Error + Send + Sync + 'static>(e: E) -> sqlx::Error {
    sqlx::Error::Decode(Box::new(e))
}

fn status(text: &str) -> Result<DossierStatus, sqlx::Error> {
    DossierStatus::parse(text)
        .ok_or_else(|| sqlx::Error::Decode(format!("unknown status {text:?}").into()))
}

fn receipt(row: &AnyRow) -> Result<DossierReceipt, sqlx::Error> {
    let fee: i64 = row.try_get("fee")?;
    Ok(DossierReceipt {
        code: row.try_get("code")?,
        procedure_code: row.try_get("procedure_code")?,
        status: status(&row.try_get::<String, _>("status")?)?,
        received_at: row.try_get("received_at")?,
        appointment_on: row.try_get("appointment_on")?,
        fee: u64::try_from(fee).map_err(decode)?,
    })
}

const COLUMNS: &str = "code, procedure_code, owner, status, answers, documents, fee, received_at, \
     appointment_on, supplement, paid_at, payment_ref, rating, feedback, rated_at";

/// Columns a transition may set besides the status.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Column {
    Answers,
    Documents,
    Supplement,
}

impl Column {
    fn name(self) -> &'static str {
        match self {
            Column::Answers => "answers",
            Column::Documents => "documents",
            Column::Supplement => "supplement",
        }
    }
}

/// Creates a dossier inside `tx`, or finds the answer already given for its idempotency key.
/// Claiming the key, numbering, storing the dossier, its first event and its data use all happen
/// in the caller's transaction: concurrent requests with one key produce one dossier.
pub(super) async fn create_in(
    tx: &mut sqlx::Transaction<'_, sqlx::Any>,
    new: NewDossierRecord,
) -> Result<Creation, sqlx::Error> {
    {
        let received_at = new.received_at.format(&Rfc3339).map_err(encode)?;
        // A write first, so SQLite takes the write lock now (waiting for it if busy) rather than
        // failing to upgrade a read lock later.
        let claimed = sqlx::query(
            "INSERT INTO idempotency_keys (key, request_hash, status_code, response, created_at)
             VALUES ($1, $2, 0, '', $3) ON CONFLICT (key) DO NOTHING",
        )
        .bind(&new.idempotency_key)
        .bind(&new.request_hash)
        .bind(&received_at)
        .execute(&mut **tx)
        .await?
        .rows_affected()
            == 1;
        if !claimed {
            let row =
                sqlx::query("SELECT request_hash, response FROM idempotency_keys WHERE key = $1")
                    .bind(&new.idempotency_key)
                    .fetch_one(&mut **tx)
                    .await?;
            let hash: String = row.try_get("request_hash")?;
            if hash != new.request_hash {
                return Ok(Creation::KeyReused);
            }
            let response: String = row.try_get("response")?;
            return Ok(Creation::Replayed(
                serde_json::from_str(&response).map_err(decode)?,
            ));
        }

        let day = new.received_at.date();
        let sequence: i64 = sqlx::query_scalar(
            "INSERT INTO dossier_sequences (unit_code, day, last_sequence) VALUES ($1, $2, 1)
             ON CONFLICT (unit_code, day) DO UPDATE SET last_sequence = dossier_sequences.last_sequence + 1
             RETURNING last_sequence",
        )
        .bind(new.unit.as_str())
        .bind(day.to_string())
        .fetch_one(&mut **tx)
        .await?;
        let sequence = u32::try_from(sequence).map_err(decode)?;
        let code = DossierCode::new(new.unit.clone(), day, sequence).map_err(encode)?;
        let receipt = DossierReceipt {
            code: code.to_string(),
            procedure_code: new.procedure_code.clone(),
            status: DossierStatus::Received,
            received_at,
            appointment_on: new.appointment_on.to_string(),
            fee: new.fee,
        };
        sqlx::query(
            "INSERT INTO dossiers (code, procedure_code, unit_code, owner, status, answers, documents, fee, received_at, appointment_on)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)",
        )
        .bind(&receipt.code)
        .bind(&new.procedure_code)
        .bind(new.unit.as_str())
        .bind(&new.owner)
        .bind(receipt.status.as_str())
        .bind(&new.answers_json)
        .bind(&new.documents_json)
        .bind(i64::try_from(new.fee).map_err(encode)?)
        .bind(&receipt.received_at)
        .bind(&receipt.appointment_on)
        .execute(&mut **tx)
        .await?;
        insert_event(
            tx,
            &receipt.code,
            1,
            &receipt.received_at,
            DossierStatus::Received,
            &received_note(&receipt),
        )
        .await?;
        for mut entry in new.data_use.clone() {
            entry.dossier_code = Some(receipt.code.clone());
            super::consents::insert_data_use(tx, &new.owner, &entry).await?;
        }
        let response = serde_json::to_string(&receipt).map_err(encode)?;
        sqlx::query("UPDATE idempotency_keys SET status_code = 201, response = $1 WHERE key = $2")
            .bind(response)
            .bind(&new.idempotency_key)
            .execute(&mut **tx)
            .await?;
        Ok(Creation::Created(receipt))
    }
}

impl Storage {
    /// A stored dossier, whoever owns it (callers check the owner).
    pub async fn dossier(&self, code: &str) -> Result<Option<StoredDossier>, sqlx::Error> {
        let query = format!("SELECT {COLUMNS} FROM dossiers WHERE code = $1");
        let row = sqlx::query(sqlx::AssertSqlSafe(query))
            .bind(code)
            .fetch_optional(&self.pool)
            .await?;
        row.map(|row| {
            Ok(StoredDossier {
                owner: row.try_get("owner")?,
                receipt: receipt(&row)?,
                answers_json: row.try_get("answers")?,
                documents_json: row.try_get("documents")?,
                supplement_json: row.try_get("supplement")?,
                paid_at: row.try_get("paid_at")?,
                payment_ref: row.try_get("payment_ref")?,
                rating: row.try_get("rating")?,
                feedback: row.try_get("feedback")?,
                rated_at: row.try_get("rated_at")?,
            })
        })
        .transpose()
    }

    /// The receipts of a citizen's dossiers, newest first.
    /// How many dossiers each procedure received since `since` (RFC 3339, Vietnam time).
    pub async fn filing_counts(
        &self,
        since: &str,
    ) -> Result<std::collections::BTreeMap<String, u64>, sqlx::Error> {
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

    /// Moves a dossier to `to` if it is in one of `from`, adding the event. Returns the status
    /// it was in, or `None` if the dossier does not exist.
    pub async fn transition(
        &self,
        code: &str,
        from: &[DossierStatus],
        to: DossierStatus,
        at: &str,
        note: &Localized,
    ) -> Result<Option<Result<DossierStatus, DossierStatus>>, sqlx::Error> {
        self.transition_with(code, from, to, at, note, &[]).await
    }

    /// [`Self::transition`], also setting `updates` in the same transaction.
    pub async fn transition_with(
        &self,
        code: &str,
        from: &[DossierStatus],
        to: DossierStatus,
        at: &str,
        note: &Localized,
        updates: &[(Column, Option<String>)],
    ) -> Result<Option<Result<DossierStatus, DossierStatus>>, sqlx::Error> {
        let _writing = self.writing().await;
        let mut tx = self.pool.begin().await?;
        // Claim the row with a write so concurrent transitions serialise.
        let touched = sqlx::query("UPDATE dossiers SET status = status WHERE code = $1")
            .bind(code)
            .execute(&mut *tx)
            .await?
            .rows_affected();
        if touched == 0 {
            return Ok(None);
        }
        let current: String = sqlx::query_scalar("SELECT status FROM dossiers WHERE code = $1")
            .bind(code)
            .fetch_one(&mut *tx)
            .await?;
        let current = status(&current)?;
        if !from.contains(&current) {
            tx.rollback().await?;
            return Ok(Some(Err(current)));
        }
        sqlx::query("UPDATE dossiers SET status = $1 WHERE code = $2")
            .bind(to.as_str())
            .bind(code)
            .execute(&mut *tx)
            .await?;
        for (column, value) in updates {
            let statement = format!("UPDATE dossiers SET {} = $1 WHERE code = $2", column.name());
            sqlx::query(sqlx::AssertSqlSafe(statement))
                .bind(value.clone())
                .bind(code)
                .execute(&mut *tx)
                .await?;
        }
        let seq: i64 = sqlx::query_scalar(
            "SELECT COALESCE(MAX(seq), 0) + 1 FROM dossier_events WHERE code = $1",
        )
        .bind(code)
        .fetch_one(&mut *tx)
        .await?;
        insert_event(&mut tx, code, seq, at, to, note).await?;
        tx.commit().await?;
        Ok(Some(Ok(current)))
    }

    /// Number of stored dossiers.
    pub async fn dossier_count(&self) -> Result<i64, sqlx::Error> {
        sqlx::query_scalar("SELECT COUNT(*) FROM dossiers")
            .fetch_one(&self.pool)
            .await
    }
}

fn received_note(receipt: &DossierReceipt) -> Localized {
    Localized {
        vi: format!(
            "Đã tiếp nhận hồ sơ. Ngày hẹn trả kết quả: {}.",
            vi_date(&receipt.appointment_on)
        ),
        en: format!(
            "Dossier received. Result due on {}.",
            vi_date(&receipt.appointment_on)
        ),
    }
}

/// `YYYY-MM-DD` as `dd/mm/yyyy`.
fn vi_date(iso: &str) -> String {
    let mut parts = iso.split('-');
    match (parts.next(), parts.next(), parts.next()) {
        (Some(y), Some(m), Some(d)) => format!("{d}/{m}/{y}"),
        _ => iso.to_owned(),
    }
}

async fn insert_event(
    tx: &mut sqlx::Transaction<'_, sqlx::Any>,
    code: &str,
    seq: i64,
    at: &str,
    status: DossierStatus,
    note: &Localized,
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "INSERT INTO dossier_events (code, seq, at, status, note_vi, note_en) VALUES ($1, $2, $3, $4, $5, $6)",
    )
    .bind(code)
    .bind(seq)
    .bind(at)
    .bind(status.as_str())
    .bind(&note.vi)
    .bind(&note.en)
    .execute(&mut **tx)
    .await?;
    Ok(())
}

impl Storage {
    /// The answer already given for this key: a replay if the request is the same, `KeyReused`
    /// if not, `None` if the key is new.
    pub async fn replay(
        &self,
        key: &str,
        request_hash: &str,
    ) -> Result<Option<Creation>, sqlx::Error> {
        let row = sqlx::query(
            "SELECT request_hash, status_code, response FROM idempotency_keys WHERE key = $1",
        )
        .bind(key)
        .fetch_optional(&self.pool)
        .await?;
        let Some(row) = row else { return Ok(None) };
        let status: i64 = row.try_get("status_code")?;
        if status == 0 {
            return Ok(None);
        }
        let hash: String = row.try_get("request_hash")?;
        if hash != request_hash {
            return Ok(Some(Creation::KeyReused));
        }
        let response: String = row.try_get("response")?;
        Ok(Some(Creation::Replayed(
            serde_json::from_str(&response).map_err(decode)?,
        )))
    }
}

impl Storage {
    /// Every dossier, newest first, optionally only those in `status` (the officer's list).
    pub async fn all_dossiers(
        &self,
        status: Option<DossierStatus>,
    ) -> Result<Vec<DossierReceipt>, sqlx::Error> {
        let rows = match status {
            Some(status) => {
                let query = format!(
                    "SELECT {COLUMNS} FROM dossiers WHERE status = $1 ORDER BY received_at DESC, code DESC"
                );
                sqlx::query(sqlx::AssertSqlSafe(query))
                    .bind(status.as_str())
                    .fetch_all(&self.pool)
                    .await?
            }
            None => {
                let query =
                    format!("SELECT {COLUMNS} FROM dossiers ORDER BY received_at DESC, code DESC");
                sqlx::query(sqlx::AssertSqlSafe(query))
                    .fetch_all(&self.pool)
                    .await?
            }
        };
        rows.iter().map(receipt).collect()
    }

    /// Records the payment of a dossier's fee; `false` if there is no fee or it was paid.
    pub async fn pay(&self, code: &str, reference: &str, at: &str) -> Result<bool, sqlx::Error> {
        let _writing = self.writing().await;
        let done = sqlx::query(
            "UPDATE dossiers SET paid_at = $1, payment_ref = $2 WHERE code = $3 AND paid_at IS NULL AND fee > 0",
        )
        .bind(at)
        .bind(reference)
        .bind(code)
        .execute(&self.pool)
        .await?;
        Ok(done.rows_affected() == 1)
    }

    /// Records the rating of a finished dossier; `false` if it is not finished or already rated.
    pub async fn rate(
        &self,
        code: &str,
        score: u8,
        feedback: &str,
        at: &str,
    ) -> Result<bool, sqlx::Error> {
        let _writing = self.writing().await;
        let done = sqlx::query(
            "UPDATE dossiers SET rating = $1, feedback = $2, rated_at = $3
             WHERE code = $4 AND rating IS NULL AND status IN ('result_ready', 'rejected')",
        )
        .bind(i64::from(score))
        .bind(feedback)
        .bind(at)
        .bind(code)
        .execute(&self.pool)
        .await?;
        Ok(done.rows_affected() == 1)
    }
}

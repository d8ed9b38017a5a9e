//! Creating a dossier under an idempotency key: claim the key, number the dossier, store it with
//! its first event and its data use, and remember the answer, all in the caller's transaction,
//! so concurrent requests with one key produce one dossier. A retry gets the first answer.

use motlan_core::DossierCode;
use motlan_core::api::DossierReceipt;
use motlan_core::lifecycle::{DossierStatus, Standing, notes};
use sqlx::Row as _;
use time::format_description::well_known::Rfc3339;

use super::super::Storage;
use super::{Creation, NewDossierRecord, decode, encode, insert_event, json};

/// The answer already given for `key`: a replay if the request is the same, `KeyReused` if not,
/// `None` if the key is new (or claimed by a transaction not yet committed).
async fn previous_answer(
    conn: &mut sqlx::AnyConnection,
    key: &str,
    request_hash: &str,
) -> Result<Option<Creation>, sqlx::Error> {
    let row = sqlx::query(
        "SELECT request_hash, status_code, response FROM idempotency_keys WHERE key = $1",
    )
    .bind(key)
    .fetch_optional(&mut *conn)
    .await?;
    let Some(row) = row else { return Ok(None) };
    let hash: String = row.try_get("request_hash")?;
    if hash != request_hash {
        return Ok(Some(Creation::KeyReused));
    }
    if row.try_get::<i64, _>("status_code")? == 0 {
        return Ok(None);
    }
    let response: String = row.try_get("response")?;
    Ok(Some(Creation::Replayed(
        serde_json::from_str(&response).map_err(decode)?,
    )))
}

impl Storage {
    /// The answer already given for this key, before doing any work for a retry.
    pub async fn replay(
        &self,
        key: &str,
        request_hash: &str,
    ) -> Result<Option<Creation>, sqlx::Error> {
        let mut conn = self.pool.acquire().await?;
        previous_answer(&mut conn, key, request_hash).await
    }
}

/// Creates a dossier inside `tx`, or finds the answer already given for its idempotency key.
pub(in crate::storage) async fn create_in(
    tx: &mut sqlx::Transaction<'_, sqlx::Any>,
    new: NewDossierRecord,
) -> Result<Creation, sqlx::Error> {
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
        // The claim conflicts only with a committed claim, which holds its answer.
        return previous_answer(tx, &new.idempotency_key, &new.request_hash)
            .await?
            .ok_or_else(|| sqlx::Error::Protocol("an idempotency key without its answer".into()));
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
        status: Standing::received(new.fee).status,
        received_at,
        appointment_on: new.appointment_on.to_string(),
        fee: new.fee,
        assisted_by: new.assisted.as_ref().map(|a| a.by.clone()),
    };
    sqlx::query(
        "INSERT INTO dossiers (code, procedure_code, unit_code, owner, status, answers, documents, fee, received_at, appointment_on, assisted_by)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)",
    )
    .bind(&receipt.code)
    .bind(&new.procedure_code)
    .bind(new.unit.as_str())
    .bind(&new.owner)
    .bind(receipt.status.as_str())
    .bind(json(&new.filed.answers)?)
    .bind(json(&new.filed.documents)?)
    .bind(i64::try_from(new.fee).map_err(encode)?)
    .bind(&receipt.received_at)
    .bind(&receipt.appointment_on)
    .bind(receipt.assisted_by.as_ref().map(json).transpose()?)
    .execute(&mut **tx)
    .await?;
    // The day's counter for "popular procedures", in the same transaction.
    sqlx::query(
        "INSERT INTO dossier_counts (day, procedure_code, dossiers) VALUES ($1, $2, 1)
         ON CONFLICT (day, procedure_code) DO UPDATE SET dossiers = dossier_counts.dossiers + 1",
    )
    .bind(day.to_string())
    .bind(&new.procedure_code)
    .execute(&mut **tx)
    .await?;
    if let Some(assisted) = &new.assisted {
        super::super::help_sessions::file_in(tx, &receipt.code, assisted).await?;
    }
    insert_event(
        tx,
        &receipt.code,
        &receipt.received_at,
        DossierStatus::Received,
        &notes::received(&receipt.appointment_on),
    )
    .await?;
    for mut entry in new.data_use {
        entry.dossier_code = Some(receipt.code.clone());
        super::super::consents::insert_data_use(tx, &new.owner, &entry).await?;
    }
    sqlx::query("UPDATE idempotency_keys SET status_code = 201, response = $1 WHERE key = $2")
        .bind(json(&receipt)?)
        .bind(&new.idempotency_key)
        .execute(&mut **tx)
        .await?;
    Ok(Creation::Created(receipt))
}

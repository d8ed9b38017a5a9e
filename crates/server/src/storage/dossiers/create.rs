//! Creating a dossier under an idempotency key: claim the key, number the dossier, store it with
//! its first event and its data use, and remember the answer, all in the caller's transaction,
//! so concurrent requests with one key produce one dossier. A retry gets the first answer.

use motlan_core::DossierCode;
use motlan_core::api::DossierReceipt;
use motlan_core::lifecycle::{DossierStatus, Standing, notes};
use sqlx::Row as _;
use time::format_description::well_known::Rfc3339;

use super::super::Storage;
use super::{Creation, NewDossierRecord, decode, encode, json};

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

/// The receipt of `new` numbered `code`.
pub(in crate::storage) fn receipt_for(
    new: &NewDossierRecord,
    code: &DossierCode,
) -> Result<DossierReceipt, sqlx::Error> {
    Ok(DossierReceipt {
        code: code.to_string(),
        procedure_code: new.procedure_code.clone(),
        status: Standing::received(new.fee).status,
        received_at: new.received_at.format(&Rfc3339).map_err(encode)?,
        appointment_on: new.appointment_on.to_string(),
        fee: new.fee,
        assisted_by: new.assisted.as_ref().map(|a| a.by.clone()),
    })
}

/// Claims the idempotency key of `new` with its final answer `receipt`: `None` when claimed
/// (the dossier is to be stored), else the answer already given. One statement; the claim
/// conflicts only with a claim already made (committed, or earlier in this transaction).
pub(in crate::storage) async fn claim(
    tx: &mut sqlx::Transaction<'_, sqlx::Any>,
    new: &NewDossierRecord,
    receipt: &DossierReceipt,
) -> Result<Option<Creation>, sqlx::Error> {
    let claimed = sqlx::query(
        "INSERT INTO idempotency_keys (key, request_hash, status_code, response, created_at)
         VALUES ($1, $2, 201, $3, $4) ON CONFLICT (key) DO NOTHING",
    )
    .bind(&new.idempotency_key)
    .bind(&new.request_hash)
    .bind(json(receipt)?)
    .bind(&receipt.received_at)
    .execute(&mut **tx)
    .await?
    .rows_affected()
        == 1;
    if claimed {
        return Ok(None);
    }
    previous_answer(tx, &new.idempotency_key, &new.request_hash)
        .await?
        .map(Some)
        .ok_or_else(|| sqlx::Error::Protocol("an idempotency key without its answer".into()))
}

/// Which of `keys` were claimed before (committed, or earlier in this transaction).
pub(in crate::storage) async fn existing_keys(
    tx: &mut sqlx::Transaction<'_, sqlx::Any>,
    keys: &[&str],
) -> Result<std::collections::HashSet<String>, sqlx::Error> {
    let mut found = std::collections::HashSet::new();
    for part in keys.chunks(chunk(1)) {
        let list: Vec<String> = (1..=part.len()).map(|i| format!("${i}")).collect();
        let statement = format!(
            "SELECT key FROM idempotency_keys WHERE key IN ({})",
            list.join(", ")
        );
        let mut query = sqlx::query_scalar::<_, String>(sqlx::AssertSqlSafe(statement));
        for key in part {
            query = query.bind(key.to_string());
        }
        found.extend(query.fetch_all(&mut **tx).await?);
    }
    Ok(found)
}

/// The answer already given for a key that [`existing_keys`] found.
pub(in crate::storage) async fn answer_for(
    tx: &mut sqlx::Transaction<'_, sqlx::Any>,
    new: &NewDossierRecord,
) -> Result<Creation, sqlx::Error> {
    previous_answer(tx, &new.idempotency_key, &new.request_hash)
        .await?
        .ok_or_else(|| sqlx::Error::Protocol("an idempotency key without its answer".into()))
}

/// Claims the keys of dossiers known to be new, with their final answers: one statement per
/// ~900 values. A key claimed meanwhile by another server makes the statement fail, and the
/// writer runs the batch again one dossier at a time.
pub(in crate::storage) async fn insert_keys(
    tx: &mut sqlx::Transaction<'_, sqlx::Any>,
    dossiers: &[(&NewDossierRecord, DossierReceipt)],
) -> Result<(), sqlx::Error> {
    for part in dossiers.chunks(chunk(4)) {
        let statement = format!(
            "INSERT INTO idempotency_keys (key, request_hash, status_code, response, created_at) VALUES {}",
            (0..part.len())
                .map(|r| {
                    let n = r * 4;
                    format!("(${}, ${}, 201, ${}, ${})", n + 1, n + 2, n + 3, n + 4)
                })
                .collect::<Vec<_>>()
                .join(", ")
        );
        let mut query = sqlx::query(sqlx::AssertSqlSafe(statement));
        for (new, receipt) in part {
            query = query
                .bind(new.idempotency_key.clone())
                .bind(new.request_hash.clone())
                .bind(json(receipt)?)
                .bind(receipt.received_at.clone());
        }
        query.execute(&mut **tx).await?;
    }
    Ok(())
}

/// Rows per statement, so no statement binds more than ~900 values (SQLite's old limit is 999).
fn chunk(values_per_row: usize) -> usize {
    (900 / values_per_row).max(1)
}

/// `($1, …, $n), (…)` for `rows` rows of `width` values.
fn placeholders(rows: usize, width: usize) -> String {
    (0..rows)
        .map(|r| {
            let cells: Vec<String> = (1..=width).map(|c| format!("${}", r * width + c)).collect();
            format!("({})", cells.join(", "))
        })
        .collect::<Vec<_>>()
        .join(", ")
}

/// Stores claimed dossiers, their first events and their data-use entries: one statement per
/// table (per ~900 values), whatever the number of dossiers.
pub(in crate::storage) async fn store(
    tx: &mut sqlx::Transaction<'_, sqlx::Any>,
    dossiers: &[(&NewDossierRecord, DossierReceipt)],
) -> Result<(), sqlx::Error> {
    for part in dossiers.chunks(chunk(11)) {
        let statement = format!(
            "INSERT INTO dossiers (code, procedure_code, unit_code, owner, status, answers, documents, fee, received_at, appointment_on, assisted_by) VALUES {}",
            placeholders(part.len(), 11)
        );
        let mut query = sqlx::query(sqlx::AssertSqlSafe(statement));
        for (new, receipt) in part {
            query = query
                .bind(receipt.code.clone())
                .bind(new.procedure_code.clone())
                .bind(new.unit.to_string())
                .bind(new.owner.clone())
                .bind(receipt.status.as_str())
                .bind(json(&new.filed.answers)?)
                .bind(json(&new.filed.documents)?)
                .bind(i64::try_from(new.fee).map_err(encode)?)
                .bind(receipt.received_at.clone())
                .bind(receipt.appointment_on.clone())
                .bind(receipt.assisted_by.as_ref().map(json).transpose()?);
        }
        query.execute(&mut **tx).await?;
    }
    // The first event of a new dossier: its number is 1, no need to look.
    for part in dossiers.chunks(chunk(5)) {
        let statement = format!(
            "INSERT INTO dossier_events (code, seq, at, status, note_vi, note_en) VALUES {}",
            (0..part.len())
                .map(|r| {
                    let n = r * 5;
                    format!(
                        "(${}, 1, ${}, ${}, ${}, ${})",
                        n + 1,
                        n + 2,
                        n + 3,
                        n + 4,
                        n + 5
                    )
                })
                .collect::<Vec<_>>()
                .join(", ")
        );
        let mut query = sqlx::query(sqlx::AssertSqlSafe(statement));
        for (_, receipt) in part {
            let note = notes::received(&receipt.appointment_on);
            query = query
                .bind(receipt.code.clone())
                .bind(receipt.received_at.clone())
                .bind(DossierStatus::Received.as_str())
                .bind(note.vi)
                .bind(note.en);
        }
        query.execute(&mut **tx).await?;
    }
    for (new, receipt) in dossiers {
        if let Some(assisted) = &new.assisted {
            super::super::help_sessions::file_in(tx, &receipt.code, assisted).await?;
        }
    }
    let uses: Vec<(String, motlan_core::api::DataUse)> = dossiers
        .iter()
        .flat_map(|(new, receipt)| {
            new.data_use.iter().cloned().map(|mut entry| {
                entry.dossier_code = Some(receipt.code.clone());
                (new.owner.clone(), entry)
            })
        })
        .collect();
    for part in uses.chunks(chunk(8)) {
        super::super::consents::insert_data_uses(tx, part).await?;
    }
    Ok(())
}

/// Stores one dossier under `code`, or gives the answer already given for its key (nothing is
/// written then, and the code stays free).
pub(in crate::storage) async fn create_in(
    tx: &mut sqlx::Transaction<'_, sqlx::Any>,
    new: &NewDossierRecord,
    code: &DossierCode,
) -> Result<Creation, sqlx::Error> {
    let receipt = receipt_for(new, code)?;
    if let Some(answer) = claim(tx, new, &receipt).await? {
        return Ok(answer);
    }
    store(tx, &[(new, receipt.clone())]).await?;
    Ok(Creation::Created(receipt))
}

//! Group commit for new dossiers. Requests that arrive while a transaction is being committed
//! queue up and are written together in the next transaction, so one durable commit (one fsync
//! with SQLite's `synchronous=FULL`) serves many dossiers, and each caller is answered only after
//! the commit that holds its dossier.
//!
//! The batch's keys are looked up at once (a key already used gets its first answer); the new
//! ones are claimed, and their dossiers, first events and data-use entries stored, with one
//! statement per table, so a batch costs about ten statements whatever its size.
//! A batch is numbered once: the day's sequence row is locked and read at the start (`+ 0`, which
//! holds the row in PostgreSQL until commit, so two servers never hand out one number) and set
//! once at the end to the last number used; the "popular procedures" counters are added once per
//! procedure. A dossier whose key was already used takes no number, so codes stay gap-free. The
//! batch runs without savepoints; if anything in it fails, it is rolled back and run again with a
//! savepoint per dossier, so one bad dossier fails alone.

use std::collections::BTreeMap;

use motlan_core::DossierCode;
use sqlx::AnyPool;
use tokio::sync::{mpsc, oneshot};

use super::dossiers::{
    Creation, NewDossierRecord, answer_for, create_in, existing_keys, insert_keys, receipt_for,
    store,
};

/// Most dossiers in one transaction.
const BATCH: usize = 64;

pub(super) struct Job {
    pub new: NewDossierRecord,
    pub reply: oneshot::Sender<Result<Creation, sqlx::Error>>,
}

/// Starts the writer; it stops when every sender (every clone of the storage) is gone.
pub(super) fn spawn(
    pool: AnyPool,
    writer: std::sync::Arc<tokio::sync::Mutex<()>>,
) -> mpsc::Sender<Job> {
    let (sender, mut receiver) = mpsc::channel::<Job>(1024);
    tokio::spawn(async move {
        while let Some(first) = receiver.recv().await {
            let mut batch = vec![first];
            while batch.len() < BATCH {
                match receiver.try_recv() {
                    Ok(job) => batch.push(job),
                    Err(_) => break,
                }
            }
            let _writing = writer.lock().await;
            let jobs: Vec<&NewDossierRecord> = batch.iter().map(|j| &j.new).collect();
            let results = match write(&pool, &jobs, false).await {
                Ok(results) => results,
                Err(_) => match write(&pool, &jobs, true).await {
                    Ok(results) => results,
                    Err(e) => {
                        let message = e.to_string();
                        (0..jobs.len())
                            .map(|_| {
                                Err(sqlx::Error::Protocol(format!(
                                    "the batch could not be written: {message}"
                                )))
                            })
                            .collect()
                    }
                },
            };
            for (job, result) in batch.into_iter().zip(results) {
                let _ = job.reply.send(result);
            }
        }
    });
    sender
}

/// A day's numbering in one batch: the last number committed before it, and the next free one.
struct Numbering {
    base: u32,
    next: u32,
}

/// Writes `jobs` in one transaction and commits. Without `careful`, the first error aborts the
/// batch (`Err`); with it, each dossier has its savepoint and its own result.
async fn write(
    pool: &AnyPool,
    jobs: &[&NewDossierRecord],
    careful: bool,
) -> Result<Vec<Result<Creation, sqlx::Error>>, sqlx::Error> {
    let mut tx = pool.begin().await?;
    let mut numbering: BTreeMap<(String, String), Numbering> = BTreeMap::new();
    for job in jobs {
        let day = (job.unit.to_string(), job.received_at.date().to_string());
        if let std::collections::btree_map::Entry::Vacant(slot) = numbering.entry(day) {
            let last: i64 = sqlx::query_scalar(
                "INSERT INTO dossier_sequences (unit_code, day, last_sequence) VALUES ($1, $2, 0)
                 ON CONFLICT (unit_code, day) DO UPDATE SET last_sequence = dossier_sequences.last_sequence
                 RETURNING last_sequence",
            )
            .bind(&slot.key().0)
            .bind(&slot.key().1)
            .fetch_one(&mut *tx)
            .await?;
            let base = u32::try_from(last).map_err(|e| sqlx::Error::Decode(Box::new(e)))?;
            slot.insert(Numbering {
                base,
                next: base + 1,
            });
        }
    }
    let mut counts: BTreeMap<(String, String), i64> = BTreeMap::new();
    let mut results = Vec::with_capacity(jobs.len());
    let mut claimed: Vec<(&NewDossierRecord, motlan_core::api::DossierReceipt)> = Vec::new();
    // Keys used before (one look for the batch); a key twice in one batch is left to the careful
    // run, which answers the second with the first's receipt.
    let existing = if careful {
        Default::default()
    } else {
        let keys: Vec<&str> = jobs.iter().map(|j| j.idempotency_key.as_str()).collect();
        let distinct: std::collections::HashSet<&str> = keys.iter().copied().collect();
        if distinct.len() != keys.len() {
            return Err(sqlx::Error::Protocol("a key twice in one batch".into()));
        }
        existing_keys(&mut tx, &keys).await?
    };
    for job in jobs {
        let day = (job.unit.to_string(), job.received_at.date().to_string());
        let next = numbering.get(&day).map_or(1, |n| n.next);
        let code = DossierCode::new(job.unit.clone(), job.received_at.date(), next)
            .map_err(|e| sqlx::Error::Encode(Box::new(e)))?;
        let result = if careful {
            sqlx::query("SAVEPOINT dossier").execute(&mut *tx).await?;
            let result = create_in(&mut tx, job, &code).await;
            let end = if result.is_ok() {
                "RELEASE SAVEPOINT dossier"
            } else {
                "ROLLBACK TO SAVEPOINT dossier"
            };
            sqlx::query(end).execute(&mut *tx).await?;
            result
        } else if existing.contains(&job.idempotency_key) {
            Ok(answer_for(&mut tx, job).await?)
        } else {
            // Claimed and stored together after the loop.
            let receipt = receipt_for(job, &code)?;
            claimed.push((*job, receipt.clone()));
            Ok(Creation::Created(receipt))
        };
        if let Ok(Creation::Created(_)) = &result {
            if let Some(n) = numbering.get_mut(&day) {
                n.next += 1;
            }
            *counts
                .entry((day.1.clone(), job.procedure_code.clone()))
                .or_default() += 1;
        }
        results.push(result);
    }
    insert_keys(&mut tx, &claimed).await?;
    store(&mut tx, &claimed).await?;
    for ((unit, day), n) in &numbering {
        if n.next - 1 > n.base {
            sqlx::query(
                "UPDATE dossier_sequences SET last_sequence = $1 WHERE unit_code = $2 AND day = $3",
            )
            .bind(i64::from(n.next - 1))
            .bind(unit)
            .bind(day)
            .execute(&mut *tx)
            .await?;
        }
    }
    // The day's counters for "popular procedures", in the same transaction.
    for ((day, procedure), n) in counts {
        sqlx::query(
            "INSERT INTO dossier_counts (day, procedure_code, dossiers) VALUES ($1, $2, $3)
             ON CONFLICT (day, procedure_code) DO UPDATE SET dossiers = dossier_counts.dossiers + $3",
        )
        .bind(day)
        .bind(procedure)
        .bind(n)
        .execute(&mut *tx)
        .await?;
    }
    tx.commit().await?;
    Ok(results)
}

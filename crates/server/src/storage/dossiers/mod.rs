//! Dossiers in the database: the typed values storage reads and writes, and how a row becomes
//! them. Creation under an idempotency key is in `create`, reading in `read`, and every change
//! after filing in `act`, which applies the core lifecycle's decision inside its transaction.

mod act;
mod create;
mod read;

pub use act::Update;
pub(super) use create::{answer_for, create_in, existing_keys, insert_keys, receipt_for, store};
pub use read::ReceiptFilter;

use motlan_core::Localized;
use motlan_core::UnitCode;
use motlan_core::api::{DossierReceipt, FiledDocument, Payment, Rating, SupplementRequest};
use motlan_core::form::Answers;
use motlan_core::lifecycle::{DossierStatus, Standing};
use motlan_core::submission::Checked;
use sqlx::Row as _;
use sqlx::any::AnyRow;
use time::{Date, OffsetDateTime};

/// What creating a dossier under an idempotency key came to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Creation {
    Created(DossierReceipt),
    /// The key was used before with the same body: the first answer, unchanged.
    Replayed(DossierReceipt),
    /// The key was used before with a different body.
    KeyReused,
}

/// A dossier to store, already checked.
pub struct NewDossierRecord {
    pub idempotency_key: String,
    /// Subject identifier of the citizen filing it.
    pub owner: String,
    pub request_hash: String,
    pub procedure_code: String,
    pub filed: Checked,
    pub fee: u64,
    pub unit: UnitCode,
    /// Receipt time, already in Vietnam time.
    pub received_at: OffsetDateTime,
    pub appointment_on: Date,
    /// The reads of national data this filing made, recorded with the dossier code in the same
    /// transaction, so a stored dossier always has its data-use receipt.
    pub data_use: Vec<super::DataUse>,
    /// The help session the dossier is filed in, if a volunteer helped.
    pub assisted: Option<super::Assisted>,
}

/// A stored dossier with everything the owner may read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoredDossier {
    pub owner: String,
    pub receipt: DossierReceipt,
    pub filed: Checked,
    /// What the officer asked to supply again, while the dossier waits for it.
    pub supplement: Option<SupplementRequest>,
    pub payment: Option<Payment>,
    pub rating: Option<Rating>,
}

impl StoredDossier {
    /// What the lifecycle rules need to know of it.
    pub fn standing(&self) -> Standing {
        self.receipt
            .standing(self.payment.is_some(), self.rating.is_some())
    }
}

use super::codec::{decode, encode};

fn json<T: serde::Serialize>(value: &T) -> Result<String, sqlx::Error> {
    serde_json::to_string(value).map_err(encode)
}

fn from_json<T: serde::de::DeserializeOwned>(text: &str) -> Result<T, sqlx::Error> {
    serde_json::from_str(text).map_err(decode)
}

fn status(text: &str) -> Result<DossierStatus, sqlx::Error> {
    DossierStatus::parse(text)
        .ok_or_else(|| sqlx::Error::Decode(format!("unknown status {text:?}").into()))
}

const COLUMNS: &str = "code, procedure_code, owner, status, answers, documents, fee, received_at, \
     appointment_on, supplement, paid_at, payment_ref, rating, feedback, rated_at, assisted_by";

fn receipt(row: &AnyRow) -> Result<DossierReceipt, sqlx::Error> {
    let fee: i64 = row.try_get("fee")?;
    Ok(DossierReceipt {
        code: row.try_get("code")?,
        procedure_code: row.try_get("procedure_code")?,
        status: status(&row.try_get::<String, _>("status")?)?,
        received_at: row.try_get("received_at")?,
        appointment_on: row.try_get("appointment_on")?,
        fee: u64::try_from(fee).map_err(decode)?,
        assisted_by: row
            .try_get::<Option<String>, _>("assisted_by")?
            .as_deref()
            .map(from_json)
            .transpose()?,
    })
}

fn stored(row: &AnyRow) -> Result<StoredDossier, sqlx::Error> {
    let receipt = receipt(row)?;
    let paid_at: Option<String> = row.try_get("paid_at")?;
    let payment_ref: Option<String> = row.try_get("payment_ref")?;
    let payment = paid_at
        .zip(payment_ref)
        .map(|(paid_at, reference)| Payment {
            reference,
            amount: receipt.fee,
            paid_at,
            sandbox: true,
        });
    let score: Option<i64> = row.try_get("rating")?;
    let rated_at: Option<String> = row.try_get("rated_at")?;
    let rating = match score.zip(rated_at) {
        Some((score, rated_at)) => Some(Rating {
            score: u8::try_from(score).map_err(decode)?,
            feedback: row
                .try_get::<Option<String>, _>("feedback")?
                .unwrap_or_default(),
            rated_at,
        }),
        None => None,
    };
    let supplement: Option<String> = row.try_get("supplement")?;
    Ok(StoredDossier {
        owner: row.try_get("owner")?,
        filed: Checked {
            answers: from_json::<Answers>(&row.try_get::<String, _>("answers")?)?,
            documents: from_json::<Vec<FiledDocument>>(&row.try_get::<String, _>("documents")?)?,
        },
        supplement: supplement.as_deref().map(from_json).transpose()?,
        payment,
        rating,
        receipt,
    })
}

async fn insert_event(
    conn: &mut sqlx::AnyConnection,
    code: &str,
    at: &str,
    status: DossierStatus,
    note: &Localized,
) -> Result<(), sqlx::Error> {
    let seq: i64 =
        sqlx::query_scalar("SELECT COALESCE(MAX(seq), 0) + 1 FROM dossier_events WHERE code = $1")
            .bind(code)
            .fetch_one(&mut *conn)
            .await?;
    sqlx::query(
        "INSERT INTO dossier_events (code, seq, at, status, note_vi, note_en) VALUES ($1, $2, $3, $4, $5, $6)",
    )
    .bind(code)
    .bind(seq)
    .bind(at)
    .bind(status.as_str())
    .bind(&note.vi)
    .bind(&note.en)
    .execute(&mut *conn)
    .await?;
    Ok(())
}

//! Durable storage: SQLite in WAL mode with `synchronous=FULL`, so an answered request has been
//! committed to disk. Migrations are embedded and run at start.

use std::path::Path;

use motlan_core::DossierCode;
use motlan_core::UnitCode;
use motlan_core::api::DossierReceipt;
use sqlx::AnyPool;
use sqlx::any::AnyPoolOptions;
use sqlx::{Executor as _, Row as _};
use time::OffsetDateTime;
use time::format_description::well_known::Rfc3339;

/// Which database a URL opens.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Backend {
    Sqlite,
    Postgres,
}

#[derive(Clone)]
pub struct Storage {
    pool: AnyPool,
    backend: Backend,
}

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
pub struct NewDossierRecord<'a> {
    pub idempotency_key: &'a str,
    /// Subject identifier of the citizen filing it.
    pub owner: &'a str,
    pub request_hash: &'a str,
    pub procedure_code: &'a str,
    pub answers_json: &'a str,
    pub unit: &'a UnitCode,
    /// Receipt time, already in Vietnam time.
    pub received_at: OffsetDateTime,
}

impl Storage {
    /// Opens and migrates the database at `url`: `sqlite://data/x.db` (the file and its folder
    /// are created if needed; WAL journal, `synchronous=FULL`) or `postgres://user@host/db`.
    pub async fn connect(url: &str) -> anyhow::Result<Self> {
        sqlx::any::install_default_drivers();
        let (backend, url) = if let Some(path) = url.strip_prefix("sqlite:") {
            let file = path
                .trim_start_matches("//")
                .split('?')
                .next()
                .unwrap_or_default();
            if let Some(parent) = Path::new(file)
                .parent()
                .filter(|p| !p.as_os_str().is_empty())
            {
                tokio::fs::create_dir_all(parent).await?;
            }
            let separator = if url.contains('?') { '&' } else { '?' };
            let url = if url.contains("mode=") {
                url.to_owned()
            } else {
                format!("{url}{separator}mode=rwc")
            };
            (Backend::Sqlite, url)
        } else if url.starts_with("postgres:") || url.starts_with("postgresql:") {
            (Backend::Postgres, url.to_owned())
        } else {
            anyhow::bail!("the database URL must start with sqlite: or postgres:");
        };
        let pool = AnyPoolOptions::new()
            .max_connections(if backend == Backend::Sqlite { 8 } else { 16 })
            .after_connect(move |conn, _| {
                Box::pin(async move {
                    if backend == Backend::Sqlite {
                        // Every answered request is on disk: WAL with a full sync at each commit.
                        conn.execute(
                            "PRAGMA busy_timeout = 10000; PRAGMA journal_mode = WAL; \
                             PRAGMA synchronous = FULL; PRAGMA foreign_keys = ON;",
                        )
                        .await?;
                    }
                    Ok(())
                })
            })
            .connect(&url)
            .await?;
        sqlx::migrate!("./migrations").run(&pool).await?;
        Ok(Self { pool, backend })
    }

    pub fn backend(&self) -> Backend {
        self.backend
    }

    /// Creates a dossier, or finds the answer already given for this idempotency key. Claiming the
    /// key, numbering and storing the dossier happen in one transaction: concurrent requests with
    /// one key produce one dossier, and every one of them gets its receipt.
    pub async fn create_dossier(&self, new: NewDossierRecord<'_>) -> Result<Creation, sqlx::Error> {
        let mut tx = self.pool.begin().await?;
        let received_at = new
            .received_at
            .format(&Rfc3339)
            .map_err(|e| sqlx::Error::Encode(Box::new(e)))?;
        // A write first, so SQLite takes the write lock now (waiting for it if busy) rather than
        // failing to upgrade a read lock later.
        let claimed = sqlx::query(
            "INSERT INTO idempotency_keys (key, request_hash, status_code, response, created_at)
             VALUES ($1, $2, 0, '', $3) ON CONFLICT (key) DO NOTHING",
        )
        .bind(new.idempotency_key)
        .bind(new.request_hash)
        .bind(&received_at)
        .execute(&mut *tx)
        .await?
        .rows_affected()
            == 1;
        if !claimed {
            let row =
                sqlx::query("SELECT request_hash, response FROM idempotency_keys WHERE key = $1")
                    .bind(new.idempotency_key)
                    .fetch_one(&mut *tx)
                    .await?;
            tx.rollback().await?;
            let hash: String = row.try_get("request_hash")?;
            if hash != new.request_hash {
                return Ok(Creation::KeyReused);
            }
            let response: String = row.try_get("response")?;
            let receipt =
                serde_json::from_str(&response).map_err(|e| sqlx::Error::Decode(Box::new(e)))?;
            return Ok(Creation::Replayed(receipt));
        }

        let day = new.received_at.date();
        let sequence: i64 = sqlx::query_scalar(
            "INSERT INTO dossier_sequences (unit_code, day, last_sequence) VALUES ($1, $2, 1)
             ON CONFLICT (unit_code, day) DO UPDATE SET last_sequence = dossier_sequences.last_sequence + 1
             RETURNING last_sequence",
        )
        .bind(new.unit.as_str())
        .bind(day.to_string())
        .fetch_one(&mut *tx)
        .await?;
        let sequence = u32::try_from(sequence).map_err(|e| sqlx::Error::Decode(Box::new(e)))?;
        let code = DossierCode::new(new.unit.clone(), day, sequence)
            .map_err(|e| sqlx::Error::Encode(Box::new(e)))?;
        let receipt = DossierReceipt {
            code: code.to_string(),
            procedure_code: new.procedure_code.to_owned(),
            status: "received".to_owned(),
            received_at,
        };
        sqlx::query(
            "INSERT INTO dossiers (code, procedure_code, unit_code, owner, status, answers, received_at)
             VALUES ($1, $2, $3, $4, $5, $6, $7)",
        )
        .bind(&receipt.code)
        .bind(new.procedure_code)
        .bind(new.unit.as_str())
        .bind(new.owner)
        .bind(&receipt.status)
        .bind(new.answers_json)
        .bind(&receipt.received_at)
        .execute(&mut *tx)
        .await?;
        let response =
            serde_json::to_string(&receipt).map_err(|e| sqlx::Error::Encode(Box::new(e)))?;
        sqlx::query("UPDATE idempotency_keys SET status_code = 201, response = $1 WHERE key = $2")
            .bind(response)
            .bind(new.idempotency_key)
            .execute(&mut *tx)
            .await?;
        tx.commit().await?;
        Ok(Creation::Created(receipt))
    }

    /// The receipt of a stored dossier.
    pub async fn dossier(&self, code: &str) -> Result<Option<DossierReceipt>, sqlx::Error> {
        let row = sqlx::query(
            "SELECT code, procedure_code, status, received_at FROM dossiers WHERE code = $1",
        )
        .bind(code)
        .fetch_optional(&self.pool)
        .await?;
        row.map(|row| {
            Ok(DossierReceipt {
                code: row.try_get("code")?,
                procedure_code: row.try_get("procedure_code")?,
                status: row.try_get("status")?,
                received_at: row.try_get("received_at")?,
            })
        })
        .transpose()
    }

    /// Answers when the database answers (the health check), without reading any table.
    pub async fn ping(&self) -> Result<(), sqlx::Error> {
        sqlx::query("SELECT 1")
            .execute(&self.pool)
            .await
            .map(|_| ())
    }

    /// Number of stored dossiers.
    pub async fn dossier_count(&self) -> Result<i64, sqlx::Error> {
        sqlx::query_scalar("SELECT COUNT(*) FROM dossiers")
            .fetch_one(&self.pool)
            .await
    }
}

/// A consent in force.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct ConsentRecord {
    pub purpose: String,
    pub text_version: String,
    pub given_at: String,
}

/// One read of national data, as the citizen sees it in their data-use receipt.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct DataUse {
    pub id: String,
    pub at: String,
    pub purpose: String,
    pub source: String,
    /// What was read: source paths (`population.full_name`) or record kinds (`birth_notice`).
    pub fields: Vec<String>,
    pub procedure_code: String,
    pub dossier_code: Option<String>,
}

impl Storage {
    /// Records a consent; an earlier consent to the same purpose is closed at the same time.
    pub async fn give_consent(
        &self,
        owner: &str,
        purpose: &str,
        version: &str,
        at: &str,
    ) -> Result<ConsentRecord, sqlx::Error> {
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
        let mut tx = self.pool.begin().await?;
        for e in entries {
            let fields =
                serde_json::to_string(&e.fields).map_err(|e| sqlx::Error::Encode(Box::new(e)))?;
            sqlx::query(
                "INSERT INTO data_use (id, owner, at, purpose, source, fields, procedure_code, dossier_code)
                 VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
            )
            .bind(&e.id)
            .bind(owner)
            .bind(&e.at)
            .bind(&e.purpose)
            .bind(&e.source)
            .bind(fields)
            .bind(&e.procedure_code)
            .bind(e.dossier_code.clone())
            .execute(&mut *tx)
            .await?;
        }
        tx.commit().await
    }

    /// The citizen's data-use receipt, newest first.
    pub async fn data_use(&self, owner: &str) -> Result<Vec<DataUse>, sqlx::Error> {
        let rows = sqlx::query(
            "SELECT id, at, purpose, source, fields, procedure_code, dossier_code FROM data_use
             WHERE owner = $1 ORDER BY at DESC, id",
        )
        .bind(owner)
        .fetch_all(&self.pool)
        .await?;
        rows.iter()
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
                })
            })
            .collect()
    }
}

//! Durable storage: SQLite in WAL mode with `synchronous=FULL` (so an answered request has been
//! committed to disk), or PostgreSQL to scale out. One set of portable migrations, embedded and
//! run at start.

mod attachments;
mod codec;
mod consents;
mod dossiers;
mod drafts;
pub mod files;
mod help_sessions;
mod kiosks;
mod results;
mod signing_keys;
mod volunteers;
mod writer;

use std::path::Path;

use sqlx::AnyPool;
use sqlx::Executor as _;
use sqlx::any::AnyPoolOptions;

pub use attachments::{Attachment, NewAttachment, Stored};
pub use consents::{ConsentRecord, DataUse};
pub use dossiers::{Creation, NewDossierRecord, ReceiptFilter, StoredDossier, Update};
pub use help_sessions::{Assisted, HelpChange, HelpSessionRow, NewHelpSession};

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
    /// SQLite allows one writer at a time and makes the others sleep and retry, which gives long
    /// tail latencies under load; writers here queue on this lock instead, first come first served.
    writer: std::sync::Arc<tokio::sync::Mutex<()>>,
    /// New dossiers go through the group-commit writer.
    dossiers: tokio::sync::mpsc::Sender<writer::Job>,
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
        sqlx::migrate!("./migrations")
            .run(&pool)
            .await
            .map_err(|e| match e {
                sqlx::migrate::MigrateError::VersionMismatch(_) => anyhow::anyhow!(
                    "{e}: the database was made by an earlier pre-release build; \
                 delete it (for the demo database: rm data/motlan.db) and start again"
                ),
                other => other.into(),
            })?;
        let lock = std::sync::Arc::<tokio::sync::Mutex<()>>::default();
        Ok(Self {
            dossiers: writer::spawn(pool.clone(), std::sync::Arc::clone(&lock)),
            pool,
            backend,
            writer: lock,
        })
    }

    /// Stores a new dossier (or finds the answer already given for its key), answering once the
    /// transaction holding it is committed.
    pub async fn create_dossier(
        &self,
        new: NewDossierRecord,
    ) -> Result<dossiers::Creation, sqlx::Error> {
        let (reply, answer) = tokio::sync::oneshot::channel();
        self.dossiers
            .send(writer::Job { new, reply })
            .await
            .map_err(|_| sqlx::Error::PoolClosed)?;
        answer.await.map_err(|_| sqlx::Error::PoolClosed)?
    }

    /// Waits for the turn to write (SQLite only; PostgreSQL handles concurrent writers itself).
    async fn writing(&self) -> Option<tokio::sync::MutexGuard<'_, ()>> {
        match self.backend {
            Backend::Sqlite => Some(self.writer.lock().await),
            Backend::Postgres => None,
        }
    }

    /// Answers when the database answers (the health check), without reading any table.
    pub async fn ping(&self) -> Result<(), sqlx::Error> {
        sqlx::query("SELECT 1")
            .execute(&self.pool)
            .await
            .map(|_| ())
    }
}

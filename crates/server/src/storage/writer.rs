//! Group commit for new dossiers. Requests that arrive while a transaction is being committed
//! queue up and are written together in the next transaction, each inside its own savepoint, so
//! one durable commit (one fsync with SQLite's `synchronous=FULL`) serves many dossiers, and each
//! caller is answered only after the commit that holds its dossier.

use sqlx::AnyPool;
use tokio::sync::{mpsc, oneshot};

use super::dossiers::{Creation, NewDossierRecord, create_in};

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
            write(&pool, batch).await;
        }
    });
    sender
}

async fn write(pool: &AnyPool, batch: Vec<Job>) {
    let mut tx = match pool.begin().await {
        Ok(tx) => tx,
        Err(e) => return fail(batch, &e),
    };
    let mut done = Vec::with_capacity(batch.len());
    for job in batch {
        let result = async {
            sqlx::query("SAVEPOINT dossier").execute(&mut *tx).await?;
            match create_in(&mut tx, job.new).await {
                Ok(creation) => {
                    sqlx::query("RELEASE SAVEPOINT dossier")
                        .execute(&mut *tx)
                        .await?;
                    Ok(creation)
                }
                Err(e) => {
                    sqlx::query("ROLLBACK TO SAVEPOINT dossier")
                        .execute(&mut *tx)
                        .await?;
                    sqlx::query("RELEASE SAVEPOINT dossier")
                        .execute(&mut *tx)
                        .await?;
                    Err(e)
                }
            }
        }
        .await;
        done.push((job.reply, result));
    }
    match tx.commit().await {
        Ok(()) => {
            for (reply, result) in done {
                let _ = reply.send(result);
            }
        }
        Err(e) => {
            let message = e.to_string();
            for (reply, _) in done {
                let _ = reply.send(Err(sqlx::Error::Protocol(format!(
                    "commit failed: {message}"
                ))));
            }
        }
    }
}

fn fail(batch: Vec<Job>, error: &sqlx::Error) {
    let message = error.to_string();
    for job in batch {
        let _ = job.reply.send(Err(sqlx::Error::Protocol(format!(
            "cannot begin: {message}"
        ))));
    }
}

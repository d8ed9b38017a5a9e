//! Every change to a filed dossier: the core lifecycle decides, inside the transaction that
//! reads the dossier, whether the action is allowed from where the dossier stands; this module
//! only applies the decision (status, timeline event, and the values the action sets).

use motlan_core::Localized;
use motlan_core::api::{FiledDocument, SupplementRequest};
use motlan_core::form::Answers;
use motlan_core::lifecycle::{Action, Actor, Refusal, Standing};

use super::super::Storage;
use sqlx::Row as _;
use sqlx::any::AnyRow;

use super::{decode, insert_event, json, status};

/// A value an action sets besides the status.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Update {
    Answers(Answers),
    Documents(Vec<FiledDocument>),
    /// The request waiting for an answer; `None` once answered.
    Supplement(Option<SupplementRequest>),
    Payment {
        reference: String,
    },
    Rating {
        score: u8,
        feedback: String,
    },
}

/// A boolean column: SQLite answers an integer, PostgreSQL a boolean.
fn flag(row: &AnyRow, name: &str) -> Result<bool, sqlx::Error> {
    row.try_get::<bool, _>(name)
        .or_else(|_| row.try_get::<i64, _>(name).map(|n| n != 0))
}

impl Storage {
    /// Takes `action` on dossier `code` for `actor` at `at` (RFC 3339): the new standing, the
    /// lifecycle's refusal, or `None` if there is no such dossier. A change of status adds the
    /// action's note (with `detail`, see `Action::note`) to the timeline; `updates` are written
    /// in the same transaction.
    pub async fn act(
        &self,
        code: &str,
        actor: Actor,
        action: Action,
        at: &str,
        detail: &Localized,
        updates: &[Update],
    ) -> Result<Option<Result<Standing, Refusal>>, sqlx::Error> {
        let _writing = self.writing().await;
        let mut tx = self.pool.begin().await?;
        // Claim the row with a write so concurrent actions serialise.
        let touched = sqlx::query("UPDATE dossiers SET status = status WHERE code = $1")
            .bind(code)
            .execute(&mut *tx)
            .await?
            .rows_affected();
        if touched == 0 {
            return Ok(None);
        }
        // Only what the lifecycle reads: the answers and documents stay undecoded.
        let row = sqlx::query(
            "SELECT status, fee, paid_at IS NOT NULL AS paid, rating IS NOT NULL AS rated FROM dossiers WHERE code = $1",
        )
        .bind(code)
        .fetch_one(&mut *tx)
        .await?;
        let before = Standing {
            status: status(&row.try_get::<String, _>("status")?)?,
            fee: u64::try_from(row.try_get::<i64, _>("fee")?).map_err(decode)?,
            paid: flag(&row, "paid")?,
            rated: flag(&row, "rated")?,
        };
        let after = match before.decide(actor, action) {
            Ok(after) => after,
            Err(refusal) => {
                tx.rollback().await?;
                return Ok(Some(Err(refusal)));
            }
        };
        if after.status != before.status {
            sqlx::query("UPDATE dossiers SET status = $1 WHERE code = $2")
                .bind(after.status.as_str())
                .bind(code)
                .execute(&mut *tx)
                .await?;
            insert_event(&mut tx, code, at, after.status, &action.note(detail)).await?;
        }
        for update in updates {
            let query = match update {
                Update::Answers(answers) => {
                    sqlx::query("UPDATE dossiers SET answers = $1 WHERE code = $2")
                        .bind(json(answers)?)
                }
                Update::Documents(documents) => {
                    sqlx::query("UPDATE dossiers SET documents = $1 WHERE code = $2")
                        .bind(json(documents)?)
                }
                Update::Supplement(request) => {
                    sqlx::query("UPDATE dossiers SET supplement = $1 WHERE code = $2")
                        .bind(request.as_ref().map(json).transpose()?)
                }
                Update::Payment { reference } => sqlx::query(
                    "UPDATE dossiers SET payment_ref = $1, paid_at = $2 WHERE code = $3",
                )
                .bind(reference.clone())
                .bind(at.to_owned()),
                Update::Rating { score, feedback } => sqlx::query(
                    "UPDATE dossiers SET rating = $1, feedback = $2, rated_at = $3 WHERE code = $4",
                )
                .bind(i64::from(*score))
                .bind(feedback.clone())
                .bind(at.to_owned()),
            };
            query.bind(code.to_owned()).execute(&mut *tx).await?;
        }
        tx.commit().await?;
        Ok(Some(Ok(after)))
    }
}

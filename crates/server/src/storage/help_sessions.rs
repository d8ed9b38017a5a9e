//! Help sessions: opened by a volunteer, answered once by the resident's phone, followed by the
//! volunteer's screen. Every change the volunteer sees bumps `version`, which the event stream
//! compares. The resident is known only by a hash of their subject identifier.

use motlan_core::api::AssistedBy;
use motlan_core::help::{HelpRecord, HelpState};
use sqlx::Row as _;
use sqlx::any::AnyRow;

use super::Storage;
use super::codec::decode;

/// A session to store; the code, watch secret and key are stored as hashes only.
pub struct NewHelpSession {
    pub id: String,
    pub volunteer: String,
    pub team: String,
    pub commune: String,
    pub procedure_code: Option<String>,
    pub code_hash: String,
    pub watch_hash: String,
    pub number: u8,
    pub opened_at: String,
    pub opened_unix: i64,
    pub expires_unix: i64,
}

/// A stored session.
#[derive(Debug, Clone)]
pub struct HelpSessionRow {
    pub id: String,
    pub volunteer: String,
    pub team: String,
    pub commune: String,
    pub procedure_code: Option<String>,
    pub watch_hash: String,
    pub number: u8,
    pub opened_at: String,
    pub expires_unix: i64,
    pub state: HelpState,
    pub key_hash: Option<String>,
    pub resident_hash: Option<String>,
    /// JSON of `help::HelpProgress`.
    pub progress: Option<String>,
    pub dossier_code: Option<String>,
    pub code_shared: bool,
    pub version: i64,
}

/// What filing a dossier in a session records on the session.
#[derive(Debug, Clone)]
pub struct Assisted {
    pub by: AssistedBy,
    /// The resident's subject, hashed: binds the session to them if progress never did.
    pub resident_hash: String,
    pub questions_avoided: u64,
    pub documents_avoided: u64,
}

const COLUMNS: &str = "id, volunteer, team, commune, procedure_code, watch_hash, number, opened_at, \
     expires_unix, state, key_hash, resident_hash, progress, dossier_code, code_shared, version";

fn row(r: &AnyRow) -> Result<HelpSessionRow, sqlx::Error> {
    let state: String = r.try_get("state")?;
    Ok(HelpSessionRow {
        id: r.try_get("id")?,
        volunteer: r.try_get("volunteer")?,
        team: r.try_get("team")?,
        commune: r.try_get("commune")?,
        procedure_code: r.try_get("procedure_code")?,
        watch_hash: r.try_get("watch_hash")?,
        number: u8::try_from(r.try_get::<i64, _>("number")?).map_err(decode)?,
        opened_at: r.try_get("opened_at")?,
        expires_unix: r.try_get("expires_unix")?,
        state: HelpState::parse(&state)
            .ok_or_else(|| decode(std::io::Error::other(format!("help state {state:?}"))))?,
        key_hash: r.try_get("key_hash")?,
        resident_hash: r.try_get("resident_hash")?,
        progress: r.try_get("progress")?,
        dossier_code: r.try_get("dossier_code")?,
        code_shared: r.try_get::<i64, _>("code_shared")? != 0,
        version: r.try_get("version")?,
    })
}

impl Storage {
    /// Sessions the volunteer opened since `unix` (the hourly limit).
    pub async fn help_sessions_since(
        &self,
        volunteer: &str,
        unix: i64,
    ) -> Result<i64, sqlx::Error> {
        sqlx::query_scalar(
            "SELECT COUNT(*) FROM help_sessions WHERE volunteer = $1 AND opened_unix >= $2",
        )
        .bind(volunteer)
        .bind(unix)
        .fetch_one(&self.pool)
        .await
    }

    /// Stores a new session; `false` if its code's hash is taken (draw another code).
    pub async fn open_help_session(&self, s: &NewHelpSession) -> Result<bool, sqlx::Error> {
        let _writing = self.writing().await;
        let done = sqlx::query(
            "INSERT INTO help_sessions (id, volunteer, team, commune, procedure_code, code_hash, watch_hash, number, opened_at, opened_unix, expires_unix, state)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, 'waiting') ON CONFLICT (code_hash) DO NOTHING",
        )
        .bind(&s.id)
        .bind(&s.volunteer)
        .bind(&s.team)
        .bind(&s.commune)
        .bind(&s.procedure_code)
        .bind(&s.code_hash)
        .bind(&s.watch_hash)
        .bind(i64::from(s.number))
        .bind(&s.opened_at)
        .bind(s.opened_unix)
        .bind(s.expires_unix)
        .execute(&self.pool)
        .await?;
        Ok(done.rows_affected() == 1)
    }

    pub async fn help_session(&self, id: &str) -> Result<Option<HelpSessionRow>, sqlx::Error> {
        sqlx::query(sqlx::AssertSqlSafe(format!(
            "SELECT {COLUMNS} FROM help_sessions WHERE id = $1"
        )))
        .bind(id)
        .fetch_optional(&self.pool)
        .await?
        .as_ref()
        .map(row)
        .transpose()
    }

    pub async fn help_session_by_code(
        &self,
        code_hash: &str,
    ) -> Result<Option<HelpSessionRow>, sqlx::Error> {
        sqlx::query(sqlx::AssertSqlSafe(format!(
            "SELECT {COLUMNS} FROM help_sessions WHERE code_hash = $1"
        )))
        .bind(code_hash)
        .fetch_optional(&self.pool)
        .await?
        .as_ref()
        .map(row)
        .transpose()
    }

    /// Moves a session from `from` to `to` (compare-and-set, so two phones answering one offer
    /// cannot both win); the other columns are set as given. `false` if the state had changed.
    pub async fn move_help_session(
        &self,
        id: &str,
        from: HelpState,
        to: HelpState,
        change: HelpChange<'_>,
    ) -> Result<bool, sqlx::Error> {
        let _writing = self.writing().await;
        let done = sqlx::query(
            "UPDATE help_sessions SET state = $1, version = version + 1,
                answered_at = COALESCE(answered_at, $2),
                key_hash = COALESCE($3, key_hash),
                resident_hash = COALESCE(resident_hash, $4),
                progress = COALESCE($5, progress),
                reported = CASE WHEN $6 = 1 THEN 1 ELSE reported END,
                report_note = COALESCE($7, report_note),
                code_shared = CASE WHEN $8 = 1 THEN 1 ELSE code_shared END
             WHERE id = $9 AND state = $10",
        )
        .bind(to.as_str())
        .bind(change.at)
        .bind(change.key_hash)
        .bind(change.resident_hash)
        .bind(change.progress)
        .bind(i64::from(change.reported))
        .bind(change.report_note)
        .bind(i64::from(change.share_code))
        .bind(id)
        .bind(from.as_str())
        .execute(&self.pool)
        .await?;
        Ok(done.rows_affected() == 1)
    }

    /// Every session, as the youth-union report reads them.
    pub async fn help_records(&self) -> Result<Vec<HelpRecord>, sqlx::Error> {
        let rows = sqlx::query(
            "SELECT team, commune, resident_hash, procedure_code, state, reported, questions_avoided, documents_avoided, dossier_code
             FROM help_sessions",
        )
        .fetch_all(&self.pool)
        .await?;
        rows.iter()
            .map(|r| {
                let state: String = r.try_get("state")?;
                let dossier: Option<String> = r.try_get("dossier_code")?;
                Ok(HelpRecord {
                    team: r.try_get("team")?,
                    commune: r.try_get("commune")?,
                    resident: r.try_get("resident_hash")?,
                    procedure: r.try_get("procedure_code")?,
                    filed: dossier.is_some(),
                    declined: state == HelpState::Declined.as_str(),
                    reported: r.try_get::<i64, _>("reported")? != 0,
                    questions_avoided: u64::try_from(r.try_get::<i64, _>("questions_avoided")?)
                        .map_err(decode)?,
                    documents_avoided: u64::try_from(r.try_get::<i64, _>("documents_avoided")?)
                        .map_err(decode)?,
                })
            })
            .collect()
    }
}

/// The columns a move of a help session sets besides its state (`None`: unchanged).
#[derive(Debug, Default, Clone, Copy)]
pub struct HelpChange<'a> {
    pub at: Option<&'a str>,
    pub key_hash: Option<&'a str>,
    pub resident_hash: Option<&'a str>,
    pub progress: Option<&'a str>,
    pub reported: bool,
    pub report_note: Option<&'a str>,
    pub share_code: bool,
}

/// Records the dossier filed in a session, inside the dossier's transaction.
pub(super) async fn file_in(
    conn: &mut sqlx::AnyConnection,
    dossier_code: &str,
    assisted: &Assisted,
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "UPDATE help_sessions SET state = 'filed', dossier_code = $1, questions_avoided = $2,
            documents_avoided = $3, resident_hash = COALESCE(resident_hash, $4), version = version + 1
         WHERE id = $5 AND state IN ('accepted', 'filed')",
    )
    .bind(dossier_code)
    .bind(i64::try_from(assisted.questions_avoided).map_err(decode)?)
    .bind(i64::try_from(assisted.documents_avoided).map_err(decode)?)
    .bind(&assisted.resident_hash)
    .bind(&assisted.by.session)
    .execute(&mut *conn)
    .await?;
    Ok(())
}

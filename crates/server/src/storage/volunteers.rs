//! The volunteer registry: who may open help sessions, in which team and commune, for which
//! period; suspended volunteers stay listed (their past help remains on record).

use motlan_core::help::Volunteer;
use sqlx::Row as _;
use sqlx::any::AnyRow;
use time::Date;

use super::Storage;
use super::codec::decode;

fn date(text: &str) -> Result<Date, sqlx::Error> {
    motlan_core::validate::date::iso::parse(text)
        .ok_or_else(|| decode(std::io::Error::other(format!("not a date: {text:?}"))))
}

fn volunteer(row: &AnyRow) -> Result<Volunteer, sqlx::Error> {
    Ok(Volunteer {
        personal_id: row.try_get("personal_id")?,
        full_name: row.try_get("full_name")?,
        team: row.try_get("team")?,
        commune: row.try_get("commune")?,
        union_unit: row.try_get("union_unit")?,
        active_from: date(&row.try_get::<String, _>("active_from")?)?,
        active_until: date(&row.try_get::<String, _>("active_until")?)?,
        suspended: row.try_get::<Option<String>, _>("suspended_at")?.is_some(),
    })
}

const COLUMNS: &str =
    "personal_id, full_name, team, commune, union_unit, active_from, active_until, suspended_at";

impl Storage {
    /// Registers a volunteer, or updates the entry (team, commune, period; a suspension is lifted
    /// only if `suspended` is false).
    pub async fn register_volunteer(&self, v: &Volunteer, at: &str) -> Result<(), sqlx::Error> {
        let _writing = self.writing().await;
        sqlx::query(
            "INSERT INTO volunteers (personal_id, full_name, team, commune, union_unit, active_from, active_until, suspended_at, registered_at)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
             ON CONFLICT (personal_id) DO UPDATE SET full_name = $2, team = $3, commune = $4,
                union_unit = $5, active_from = $6, active_until = $7, suspended_at = $8",
        )
        .bind(&v.personal_id)
        .bind(&v.full_name)
        .bind(&v.team)
        .bind(&v.commune)
        .bind(&v.union_unit)
        .bind(v.active_from.to_string())
        .bind(v.active_until.to_string())
        .bind(v.suspended.then_some(at))
        .bind(at)
        .execute(&self.pool)
        .await?;
        Ok(())
    }

    /// Registers a volunteer unless already registered (the sandbox's demo volunteers at start).
    pub async fn register_volunteer_once(
        &self,
        v: &Volunteer,
        at: &str,
    ) -> Result<(), sqlx::Error> {
        if self.volunteer(&v.personal_id).await?.is_none() {
            self.register_volunteer(v, at).await?;
        }
        Ok(())
    }

    pub async fn volunteer(&self, personal_id: &str) -> Result<Option<Volunteer>, sqlx::Error> {
        sqlx::query(sqlx::AssertSqlSafe(format!(
            "SELECT {COLUMNS} FROM volunteers WHERE personal_id = $1"
        )))
        .bind(personal_id)
        .fetch_optional(&self.pool)
        .await?
        .as_ref()
        .map(volunteer)
        .transpose()
    }

    pub async fn volunteers(&self) -> Result<Vec<Volunteer>, sqlx::Error> {
        sqlx::query(sqlx::AssertSqlSafe(format!(
            "SELECT {COLUMNS} FROM volunteers ORDER BY commune, team, full_name"
        )))
        .fetch_all(&self.pool)
        .await?
        .iter()
        .map(volunteer)
        .collect()
    }

    /// Suspends a volunteer: no new session; `false` if there is no such volunteer.
    pub async fn suspend_volunteer(
        &self,
        personal_id: &str,
        at: &str,
    ) -> Result<bool, sqlx::Error> {
        let _writing = self.writing().await;
        let done = sqlx::query(
            "UPDATE volunteers SET suspended_at = COALESCE(suspended_at, $1) WHERE personal_id = $2",
        )
        .bind(at)
        .bind(personal_id)
        .execute(&self.pool)
        .await?;
        Ok(done.rows_affected() == 1)
    }
}

//! Draft keys: one AES-256 key per citizen, fetched by the browser to open its encrypted draft.

use sqlx::Row as _;

use super::Storage;

impl Storage {
    /// The citizen's draft key if it has not expired at `now`, else `fresh` becomes the key.
    /// Either way the key now expires at `expires_at`. Returns the key in force.
    pub async fn draft_key(
        &self,
        owner: &str,
        now: i64,
        fresh: &str,
        expires_at: i64,
    ) -> Result<String, sqlx::Error> {
        let _writing = self.writing().await;
        let mut tx = self.pool.begin().await?;
        let current: Option<String> =
            sqlx::query("SELECT draft_key FROM draft_keys WHERE owner = $1 AND expires_at > $2")
                .bind(owner)
                .bind(now)
                .fetch_optional(&mut *tx)
                .await?
                .map(|row| row.try_get("draft_key"))
                .transpose()?;
        let key = current.unwrap_or_else(|| fresh.to_owned());
        sqlx::query(
            "INSERT INTO draft_keys (owner, draft_key, expires_at) VALUES ($1, $2, $3)
             ON CONFLICT (owner) DO UPDATE SET draft_key = $2, expires_at = $3",
        )
        .bind(owner)
        .bind(&key)
        .bind(expires_at)
        .execute(&mut *tx)
        .await?;
        tx.commit().await?;
        Ok(key)
    }

    /// Forgets the citizen's draft key: every draft encrypted with it becomes unreadable.
    pub async fn forget_draft_key(&self, owner: &str) -> Result<(), sqlx::Error> {
        let _writing = self.writing().await;
        sqlx::query("DELETE FROM draft_keys WHERE owner = $1")
            .bind(owner)
            .execute(&self.pool)
            .await?;
        Ok(())
    }
}

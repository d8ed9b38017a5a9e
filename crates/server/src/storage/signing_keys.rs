//! The identity sandbox's signing key, shared by every server on the database.

use super::Storage;

impl Storage {
    /// The sandbox's signing seed: the stored one, or `fresh` stored now if there is none (when
    /// two servers start at once, both end with the one stored first).
    pub async fn sandbox_signing_seed(&self, fresh: &str, at: &str) -> Result<String, sqlx::Error> {
        {
            let _writing = self.writing().await;
            sqlx::query(
                "INSERT INTO sandbox_signing_keys (name, seed, created_at) VALUES ('sandbox', $1, $2)
                 ON CONFLICT (name) DO NOTHING",
            )
            .bind(fresh)
            .bind(at)
            .execute(&self.pool)
            .await?;
        }
        sqlx::query_scalar("SELECT seed FROM sandbox_signing_keys WHERE name = 'sandbox'")
            .fetch_one(&self.pool)
            .await
    }
}

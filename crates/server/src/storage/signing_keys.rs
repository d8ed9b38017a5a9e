//! The identity sandbox's signing keys, shared by every server on the database: the Ed25519 seed
//! (row `sandbox`) and the RSA key (row `sandbox-rs256`), each made once.

use super::Storage;

impl Storage {
    /// The stored secret called `name`, or the one `make` returns, stored now if there is none
    /// (when two servers start at once, both end with the one stored first). `make` runs only
    /// when nothing is stored: an RSA key takes a moment to make.
    pub async fn sandbox_signing_secret(
        &self,
        name: &str,
        at: &str,
        make: impl FnOnce() -> anyhow::Result<String>,
    ) -> anyhow::Result<String> {
        let stored = |pool| {
            sqlx::query_scalar::<_, String>("SELECT seed FROM sandbox_signing_keys WHERE name = $1")
                .bind(name)
                .fetch_optional(pool)
        };
        if let Some(secret) = stored(&self.pool).await? {
            return Ok(secret);
        }
        let fresh = make()?;
        {
            let _writing = self.writing().await;
            sqlx::query(
                "INSERT INTO sandbox_signing_keys (name, seed, created_at) VALUES ($1, $2, $3)
                 ON CONFLICT (name) DO NOTHING",
            )
            .bind(name)
            .bind(&fresh)
            .bind(at)
            .execute(&self.pool)
            .await?;
        }
        stored(&self.pool)
            .await?
            .ok_or_else(|| anyhow::anyhow!("the signing key {name} was not stored"))
    }
}

//! Kiosks: commune-owned devices on which residents without a phone file, known by the hash of
//! their device token.

use motlan_core::api::Kiosk;
use sqlx::Row as _;
use sqlx::any::AnyRow;

use super::Storage;

fn kiosk(row: &AnyRow) -> Result<Kiosk, sqlx::Error> {
    Ok(Kiosk {
        id: row.try_get("id")?,
        name: row.try_get("name")?,
        commune: row.try_get("commune")?,
        revoked: row.try_get::<Option<String>, _>("revoked_at")?.is_some(),
    })
}

impl Storage {
    pub async fn register_kiosk(
        &self,
        kiosk: &Kiosk,
        token_hash: &str,
        at: &str,
    ) -> Result<(), sqlx::Error> {
        let _writing = self.writing().await;
        sqlx::query(
            "INSERT INTO kiosks (id, name, commune, token_hash, registered_at) VALUES ($1, $2, $3, $4, $5)",
        )
        .bind(&kiosk.id)
        .bind(&kiosk.name)
        .bind(&kiosk.commune)
        .bind(token_hash)
        .bind(at)
        .execute(&self.pool)
        .await?;
        Ok(())
    }

    /// The kiosk a device token belongs to, unless revoked.
    pub async fn kiosk_by_token(&self, token_hash: &str) -> Result<Option<Kiosk>, sqlx::Error> {
        sqlx::query(
            "SELECT id, name, commune, revoked_at FROM kiosks WHERE token_hash = $1 AND revoked_at IS NULL",
        )
        .bind(token_hash)
        .fetch_optional(&self.pool)
        .await?
        .as_ref()
        .map(kiosk)
        .transpose()
    }

    pub async fn kiosks(&self) -> Result<Vec<Kiosk>, sqlx::Error> {
        sqlx::query("SELECT id, name, commune, revoked_at FROM kiosks ORDER BY commune, name")
            .fetch_all(&self.pool)
            .await?
            .iter()
            .map(kiosk)
            .collect()
    }

    /// Revokes a kiosk's token; `false` if there is no such kiosk.
    pub async fn revoke_kiosk(&self, id: &str, at: &str) -> Result<bool, sqlx::Error> {
        let _writing = self.writing().await;
        let done =
            sqlx::query("UPDATE kiosks SET revoked_at = COALESCE(revoked_at, $1) WHERE id = $2")
                .bind(at)
                .bind(id)
                .execute(&self.pool)
                .await?;
        Ok(done.rows_affected() == 1)
    }
}

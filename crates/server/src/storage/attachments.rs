//! Uploaded files. Only their owner can read them or attach them to a dossier.

use sqlx::Row as _;

use super::Storage;

/// A file already on disk (`files::Incoming::keep`), typed by its content, to record.
pub struct NewAttachment<'a> {
    pub id: &'a str,
    pub owner: &'a str,
    pub media_type: &'a str,
    pub sha256: &'a str,
    pub size: u64,
    /// Its name in the uploads folder.
    pub file: &'a str,
    pub created_at: &'a str,
}

/// Where a stored file's bytes are.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Stored {
    /// In the uploads folder, under this name.
    File(String),
    /// In the database (files uploaded before they were streamed to disk).
    Inline(Vec<u8>),
}

/// What is known of a stored file (the content is read separately).
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, utoipa::ToSchema)]
pub struct Attachment {
    pub id: String,
    pub media_type: String,
    pub size: u64,
    pub sha256: String,
}

impl Storage {
    pub async fn add_attachment(&self, new: NewAttachment<'_>) -> Result<Attachment, sqlx::Error> {
        let _writing = self.writing().await;
        let size = i64::try_from(new.size).map_err(|e| sqlx::Error::Encode(Box::new(e)))?;
        sqlx::query(
            "INSERT INTO attachments (id, owner, media_type, size, sha256, content, created_at, stored_file)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
        )
        .bind(new.id)
        .bind(new.owner)
        .bind(new.media_type)
        .bind(size)
        .bind(new.sha256)
        .bind(Vec::<u8>::new())
        .bind(new.created_at)
        .bind(new.file)
        .execute(&self.pool)
        .await?;
        Ok(Attachment {
            id: new.id.to_owned(),
            media_type: new.media_type.to_owned(),
            size: new.size,
            sha256: new.sha256.to_owned(),
        })
    }

    /// The attachment and where its bytes are, if `owner` owns it.
    pub async fn attachment(
        &self,
        id: &str,
        owner: &str,
    ) -> Result<Option<(Attachment, Stored)>, sqlx::Error> {
        let row = sqlx::query(
            "SELECT id, media_type, size, sha256, stored_file,
                CASE WHEN stored_file IS NULL THEN content END AS content
             FROM attachments WHERE id = $1 AND owner = $2",
        )
        .bind(id)
        .bind(owner)
        .fetch_optional(&self.pool)
        .await?;
        row.map(|row| {
            let size: i64 = row.try_get("size")?;
            Ok((
                Attachment {
                    id: row.try_get("id")?,
                    media_type: row.try_get("media_type")?,
                    size: u64::try_from(size).map_err(|e| sqlx::Error::Decode(Box::new(e)))?,
                    sha256: row.try_get("sha256")?,
                },
                match row.try_get::<Option<String>, _>("stored_file")? {
                    Some(file) => Stored::File(file),
                    None => Stored::Inline(row.try_get("content")?),
                },
            ))
        })
        .transpose()
    }

    /// Which of `ids` exist and belong to `owner`.
    pub async fn owned_attachments(
        &self,
        ids: &[String],
        owner: &str,
    ) -> Result<Vec<String>, sqlx::Error> {
        let mut owned = Vec::new();
        for id in ids {
            let found: Option<String> =
                sqlx::query_scalar("SELECT id FROM attachments WHERE id = $1 AND owner = $2")
                    .bind(id)
                    .bind(owner)
                    .fetch_optional(&self.pool)
                    .await?;
            owned.extend(found);
        }
        Ok(owned)
    }
}

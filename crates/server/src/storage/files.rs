//! Uploaded files on disk. A file streams into `tmp/` while it is hashed and its type read, is
//! synced, then takes its final name in one rename (and the folder is synced), so a file a
//! database row names is always complete. Memory does not grow with the file's size.

use std::path::{Path, PathBuf};

use sha2::{Digest, Sha256};
use tokio::io::AsyncWriteExt as _;

const TMP: &str = "tmp";
/// Bytes kept from the start of a file to read its type.
const HEAD: usize = 8;

/// Creates the uploads folder and its `tmp/`, removing uploads a crash left half-written.
pub async fn prepare(dir: &Path) -> anyhow::Result<PathBuf> {
    let tmp = dir.join(TMP);
    let _ = tokio::fs::remove_dir_all(&tmp).await;
    tokio::fs::create_dir_all(&tmp)
        .await
        .map_err(|e| anyhow::anyhow!("cannot create the uploads folder {}: {e}", tmp.display()))?;
    Ok(dir.to_path_buf())
}

/// A file being received.
pub struct Incoming {
    file: Option<tokio::fs::File>,
    tmp: PathBuf,
    hasher: Sha256,
    size: u64,
    head: Vec<u8>,
    kept: bool,
}

impl Incoming {
    pub async fn create(dir: &Path, name: &str) -> std::io::Result<Self> {
        let tmp = dir.join(TMP).join(name);
        Ok(Self {
            file: Some(tokio::fs::File::create(&tmp).await?),
            tmp,
            hasher: Sha256::new(),
            size: 0,
            head: Vec::with_capacity(HEAD),
            kept: false,
        })
    }

    pub async fn write(&mut self, chunk: &[u8]) -> std::io::Result<()> {
        let wanted = HEAD.saturating_sub(self.head.len()).min(chunk.len());
        self.head.extend_from_slice(&chunk[..wanted]);
        self.hasher.update(chunk);
        self.size += chunk.len() as u64;
        match &mut self.file {
            Some(file) => file.write_all(chunk).await,
            None => Err(std::io::Error::other("the file is closed")),
        }
    }

    pub fn size(&self) -> u64 {
        self.size
    }

    /// The first bytes, up to eight (enough to tell PDF, JPEG and PNG apart).
    pub fn head(&self) -> &[u8] {
        &self.head
    }

    /// Makes the file durable under `dir/name`; answers its SHA-256 in hex.
    pub async fn keep(mut self, dir: &Path, name: &str) -> std::io::Result<String> {
        let mut file = self
            .file
            .take()
            .ok_or_else(|| std::io::Error::other("the file is closed"))?;
        file.flush().await?;
        file.sync_all().await?;
        drop(file);
        tokio::fs::rename(&self.tmp, dir.join(name)).await?;
        tokio::fs::File::open(dir).await?.sync_all().await?;
        self.kept = true;
        Ok(format!("{:x}", std::mem::take(&mut self.hasher).finalize()))
    }
}

impl Drop for Incoming {
    /// A refused or interrupted upload leaves nothing behind.
    fn drop(&mut self) {
        if !self.kept {
            drop(self.file.take());
            let _ = std::fs::remove_file(&self.tmp);
        }
    }
}

/// Where a stored file is.
pub fn path_of(dir: &Path, name: &str) -> PathBuf {
    dir.join(name)
}

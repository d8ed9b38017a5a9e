//! Attachments: the files a citizen uploads for documents no national system holds. The type is
//! decided by the content (PDF, JPEG, PNG), never by the name or the declared type; the SHA-256
//! is kept; a file too large or of another type gets a clear 413 or 415. A file streams to disk
//! as it arrives (`storage::files`), so memory does not grow with its size, and a refusal comes
//! as soon as the first bytes or the size say so.

use axum::Json;
use axum::body::Body;
use axum::extract::{DefaultBodyLimit, Path, State};
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use futures_util::StreamExt as _;
use motlan_core::procedure::FileType;

use crate::AppState;
use crate::error::{Common, Failure, api_errors};
use crate::identity::{AuthError, Citizen};
use crate::storage::files::{Incoming, path_of};
use crate::storage::{Attachment, NewAttachment, Stored};
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

/// A file's bytes, for the API description.
#[derive(utoipa::ToSchema)]
#[schema(value_type = String, format = Binary)]
struct Binary(#[allow(dead_code)] Vec<u8>);

pub fn router() -> OpenApiRouter<AppState> {
    let upload = OpenApiRouter::new()
        .routes(routes!(upload))
        .route_layer(DefaultBodyLimit::disable());
    OpenApiRouter::new().merge(upload).routes(routes!(download))
}

api_errors! {
    /// Problems with an uploaded file.
    pub enum FileError {
        TooLarge => (PAYLOAD_TOO_LARGE, "file_too_large",
            "Tệp lớn hơn {} MB. Hãy chụp lại với độ phân giải thấp hơn hoặc chia thành nhiều tệp.",
            "The file is larger than {} MB. Scan it at a lower resolution or split it into several files."),
        Empty => (BAD_REQUEST, "file_empty",
            "Tệp trống. Hãy chọn lại tệp.",
            "The file is empty. Please choose the file again."),
        Type => (UNSUPPORTED_MEDIA_TYPE, "file_type",
            "Chỉ nhận tệp PDF, JPEG hoặc PNG. Tệp này không phải một trong các loại đó, dù tên tệp có thể giống.",
            "Only PDF, JPEG or PNG files are accepted. This file is none of them, whatever its name says."),
        NotFound => (NOT_FOUND, "not_found",
            "Không tìm thấy tệp này.",
            "This file was not found."),
    }
}

/// The type of a file by its first bytes.
pub fn sniff(content: &[u8]) -> Option<FileType> {
    if content.starts_with(b"%PDF-") {
        Some(FileType::Pdf)
    } else if content.starts_with(&[0xFF, 0xD8, 0xFF]) {
        Some(FileType::Jpeg)
    } else if content.starts_with(&[0x89, b'P', b'N', b'G', 0x0D, 0x0A, 0x1A, 0x0A]) {
        Some(FileType::Png)
    } else {
        None
    }
}

#[utoipa::path(post, path = "/attachments", tag = "dossiers", security(("citizen" = [])),
    request_body(content = Binary, content_type = "application/octet-stream", description = "The file; its type is read from the content"),
    summary = "Upload a file for a document no national system holds",
    responses((status = 201, body = crate::storage::Attachment), FileError, AuthError, Common))]
async fn upload(
    State(state): State<AppState>,
    citizen: Citizen,
    body: Body,
) -> Result<(StatusCode, Json<Attachment>), Failure> {
    let limit = state.max_upload_bytes as u64;
    let too_large = || {
        let mb = limit / (1024 * 1024);
        Failure::from(FileError::TooLarge).with_arg(mb)
    };
    let id = crate::identity::random_token().map_err(Failure::internal)?;
    let mut incoming = Incoming::create(&state.uploads, &id)
        .await
        .map_err(Failure::internal)?;
    let mut kind = None;
    let mut stream = body.into_data_stream();
    while let Some(chunk) = stream.next().await {
        let chunk = chunk.map_err(|e| Failure::from(Common::BodyInvalid).with_arg(e))?;
        if incoming.size() + chunk.len() as u64 > limit {
            return Err(too_large());
        }
        incoming.write(&chunk).await.map_err(Failure::internal)?;
        if kind.is_none() && incoming.head().len() == 8 {
            kind = Some(sniff(incoming.head()).ok_or(FileError::Type)?);
        }
    }
    if incoming.size() == 0 {
        return Err(FileError::Empty.into());
    }
    let kind = match kind {
        Some(kind) => kind,
        None => sniff(incoming.head()).ok_or(FileError::Type)?,
    };
    let size = incoming.size();
    let sha256 = incoming
        .keep(&state.uploads, &id)
        .await
        .map_err(Failure::internal)?;
    let now = crate::clock::now_vietnam_rfc3339().map_err(Failure::internal)?;
    let attachment = state
        .storage
        .add_attachment(NewAttachment {
            id: &id,
            owner: &citizen.sub,
            media_type: kind.media_type(),
            sha256: &sha256,
            size,
            file: &id,
            created_at: &now,
        })
        .await?;
    Ok((StatusCode::CREATED, Json(attachment)))
}

#[utoipa::path(get, path = "/attachments/{id}", tag = "dossiers", security(("citizen" = [])), params(("id" = String, Path)),
    summary = "Download one of the citizen's own files",
    responses((status = 200, description = "The file, with its content type"), FileError, AuthError, Common))]
async fn download(
    State(state): State<AppState>,
    citizen: Citizen,
    Path(id): Path<String>,
) -> Result<Response, Failure> {
    let (attachment, stored) = state
        .storage
        .attachment(&id, &citizen.sub)
        .await?
        .ok_or(FileError::NotFound)?;
    let mut response = match stored {
        Stored::Inline(content) => content.into_response(),
        Stored::File(name) => {
            let path = path_of(&state.uploads, &name);
            // Streamed from disk; a row whose file is gone is the server's fault, not a 404.
            let file = tokio::fs::File::open(&path)
                .await
                .map_err(|e| Failure::internal(anyhow::anyhow!("{}: {e}", path.display())))?;
            let stream = futures_util::stream::unfold(Some(file), |file| async move {
                let mut file = file?;
                let mut buffer = vec![0u8; 64 * 1024];
                match tokio::io::AsyncReadExt::read(&mut file, &mut buffer).await {
                    Ok(0) => None,
                    Ok(n) => {
                        buffer.truncate(n);
                        Some((Ok(axum::body::Bytes::from(buffer)), Some(file)))
                    }
                    // Reported once; the stream ends after it.
                    Err(e) => Some((Err::<axum::body::Bytes, _>(e), None)),
                }
            })
            // Ended for good: the compression layer polls a body again after its last frame.
            .fuse();
            let mut response = Body::from_stream(stream).into_response();
            response
                .headers_mut()
                .insert(header::CONTENT_LENGTH, HeaderValue::from(attachment.size));
            response
        }
    };
    let headers = response.headers_mut();
    if let Ok(value) = HeaderValue::from_str(&attachment.media_type) {
        headers.insert(header::CONTENT_TYPE, value);
    }
    headers.insert(
        header::CONTENT_DISPOSITION,
        HeaderValue::from_static("attachment"),
    );
    headers.insert(
        header::CACHE_CONTROL,
        HeaderValue::from_static("private, no-store"),
    );
    Ok(response)
}

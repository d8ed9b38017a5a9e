//! Attachments: the files a citizen uploads for documents no national system holds. The type is
//! decided by the content (PDF, JPEG, PNG), never by the name or the declared type; the SHA-256
//! is kept; a file too large or of another type gets a clear 413 or 415.

use axum::Json;
use axum::body::Body;
use axum::extract::{DefaultBodyLimit, Path, State};
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use motlan_core::procedure::FileType;
use sha2::{Digest, Sha256};

use crate::AppState;
use crate::error::{Common, Failure, api_errors};
use crate::identity::{AuthError, Citizen};
use crate::storage::{Attachment, NewAttachment};
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
    let limit = state.max_upload_bytes;
    let content = axum::body::to_bytes(body, limit).await.map_err(|_| {
        let mb = limit / (1024 * 1024);
        Failure::from(FileError::TooLarge).with_arg(mb)
    })?;
    if content.is_empty() {
        return Err(FileError::Empty.into());
    }
    let Some(kind) = sniff(&content) else {
        return Err(FileError::Type.into());
    };
    let id = crate::identity::random_token().map_err(Failure::internal)?;
    let now = crate::clock::now_vietnam_rfc3339().map_err(Failure::internal)?;
    let sha256 = format!("{:x}", Sha256::digest(&content));
    let attachment = state
        .storage
        .add_attachment(NewAttachment {
            id: &id,
            owner: &citizen.sub,
            media_type: kind.media_type(),
            sha256: &sha256,
            content: &content,
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
    let (attachment, content) = state
        .storage
        .attachment(&id, &citizen.sub)
        .await?
        .ok_or(FileError::NotFound)?;
    let mut response = content.into_response();
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

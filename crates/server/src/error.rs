//! Error answers. Every error body is an [`ApiError`] with a stable key and a message in
//! Vietnamese and English; internal failures become an opaque 500 whose detail is only logged.

use axum::Json;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use motlan_core::api::ApiError;
use motlan_core::{FieldError, Localized};

#[derive(Debug)]
pub struct Failure {
    status: StatusCode,
    body: ApiError,
}

impl Failure {
    pub fn new(status: StatusCode, error: &str, vi: &str, en: &str) -> Self {
        Self {
            status,
            body: ApiError {
                error: error.to_owned(),
                message: Localized {
                    vi: vi.to_owned(),
                    en: en.to_owned(),
                },
                fields: Vec::new(),
            },
        }
    }

    pub fn invalid(fields: Vec<FieldError>) -> Self {
        let mut failure = Self::new(
            StatusCode::UNPROCESSABLE_ENTITY,
            "validation_failed",
            "Một số thông tin chưa hợp lệ.",
            "Some information is not valid.",
        );
        failure.body.fields = fields;
        failure
    }

    pub fn not_found(what_vi: &str, what_en: &str) -> Self {
        Self::new(
            StatusCode::NOT_FOUND,
            "not_found",
            &format!("Không tìm thấy {what_vi}."),
            &format!("{what_en} was not found."),
        )
    }

    /// Logs the cause and answers an opaque 500.
    pub fn internal(cause: impl std::fmt::Display) -> Self {
        tracing::error!(%cause, "internal error");
        Self::new(
            StatusCode::INTERNAL_SERVER_ERROR,
            "internal",
            "Hệ thống đang gặp sự cố. Vui lòng thử lại sau ít phút; thông tin bạn nhập không bị mất.",
            "The system has a problem. Please try again in a few minutes; nothing you entered is lost.",
        )
    }
}

impl IntoResponse for Failure {
    fn into_response(self) -> Response {
        (self.status, Json(self.body)).into_response()
    }
}

impl From<sqlx::Error> for Failure {
    fn from(error: sqlx::Error) -> Self {
        Self::internal(error)
    }
}

/// A JSON request body whose rejection is an [`ApiError`] in both languages, like every other
/// error of the API, instead of axum's plain-text one.
pub struct Body<T>(pub T);

impl<T, S> axum::extract::FromRequest<S> for Body<T>
where
    T: serde::de::DeserializeOwned,
    S: Send + Sync,
{
    type Rejection = Failure;

    async fn from_request(request: axum::extract::Request, state: &S) -> Result<Self, Failure> {
        match Json::<T>::from_request(request, state).await {
            Ok(Json(value)) => Ok(Body(value)),
            Err(rejection) => Err(Failure::new(
                match rejection.status() {
                    StatusCode::PAYLOAD_TOO_LARGE => StatusCode::PAYLOAD_TOO_LARGE,
                    _ => StatusCode::BAD_REQUEST,
                },
                "body_invalid",
                &format!("Nội dung yêu cầu không hợp lệ ({}).", rejection.body_text()),
                &format!("The request body is not valid ({}).", rejection.body_text()),
            )),
        }
    }
}

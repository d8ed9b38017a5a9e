//! Error answers. Every error body is an [`ApiError`] with a stable key and a message in
//! Vietnamese and English; internal failures become an opaque 500 whose detail is only logged.
//!
//! Each module declares its errors once with [`api_errors!`]: status, key and both messages per
//! variant. The same declaration answers the request and documents the responses in the OpenAPI
//! description (`responses(DossierError)`), so every key can be listed and none is undocumented.

use axum::Json;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use motlan_core::api::ApiError;
use motlan_core::lifecycle::Refusal;
use motlan_core::{FieldError, Localized};

/// Declares an error enum: each variant's status, stable key and messages (`{}` in a message is
/// filled by [`Failure::with_arg`]). It converts into a [`Failure`] and describes its responses.
macro_rules! api_errors {
    ($(#[$meta:meta])* $vis:vis enum $name:ident {
        $($(#[$vmeta:meta])* $variant:ident => ($status:ident, $key:literal, $vi:literal, $en:literal),)+
    }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq)]
        $vis enum $name { $($(#[$vmeta])* $variant,)+ }

        impl $name {
            #[allow(dead_code)]
            pub const ALL: &'static [Self] = &[$(Self::$variant),+];

            pub fn status(self) -> axum::http::StatusCode {
                match self { $(Self::$variant => axum::http::StatusCode::$status,)+ }
            }

            pub fn key(self) -> &'static str {
                match self { $(Self::$variant => $key,)+ }
            }

            pub fn message(self) -> motlan_core::Localized {
                let (vi, en) = match self { $(Self::$variant => ($vi, $en),)+ };
                motlan_core::Localized { vi: vi.to_owned(), en: en.to_owned() }
            }
        }

        impl From<$name> for $crate::error::Failure {
            fn from(e: $name) -> Self {
                $crate::error::Failure::keyed(e.status(), e.key(), e.message())
            }
        }

        impl axum::response::IntoResponse for $name {
            fn into_response(self) -> axum::response::Response {
                $crate::error::Failure::from(self).into_response()
            }
        }

        impl utoipa::IntoResponses for $name {
            fn responses() -> std::collections::BTreeMap<
                String,
                utoipa::openapi::RefOr<utoipa::openapi::response::Response>,
            > {
                $crate::error::describe(Self::ALL.iter().map(|e| (e.status(), e.key(), e.message().en)))
            }
        }
    };
}
pub(crate) use api_errors;

api_errors! {
    /// Errors any operation may answer.
    pub enum Common {
        BodyInvalid => (BAD_REQUEST, "body_invalid",
            "Nội dung yêu cầu không hợp lệ ({}).",
            "The request body is not valid ({})."),
        BodyTooLarge => (PAYLOAD_TOO_LARGE, "body_too_large",
            "Nội dung yêu cầu quá lớn.",
            "The request body is too large."),
        ContentType => (UNSUPPORTED_MEDIA_TYPE, "content_type",
            "Nội dung yêu cầu phải là JSON (Content-Type: application/json).",
            "The request body must be JSON (Content-Type: application/json)."),
        OriginNotAllowed => (FORBIDDEN, "origin_not_allowed",
            "Yêu cầu này đến từ một trang không được phép gửi yêu cầu tới hệ thống.",
            "This request comes from a page that may not send requests to this service."),
        BadRequest => (BAD_REQUEST, "bad_request",
            "Yêu cầu không hợp lệ: địa chỉ hoặc tham số không đúng định dạng.",
            "The request is not valid: its address or parameters are malformed."),
        MethodNotAllowed => (METHOD_NOT_ALLOWED, "method_not_allowed",
            "Địa chỉ này không nhận phương thức của yêu cầu.",
            "This address does not accept the request's method."),
        Invalid => (UNPROCESSABLE_ENTITY, "validation_failed",
            "Một số thông tin chưa hợp lệ.",
            "Some information is not valid."),
        RouteUnknown => (NOT_FOUND, "not_found",
            "Không tìm thấy địa chỉ API này.",
            "This API address was not found."),
        RateLimited => (TOO_MANY_REQUESTS, "rate_limited",
            "Có quá nhiều yêu cầu trong thời gian ngắn. Vui lòng thử lại sau {} giây; thông tin bạn nhập không bị mất.",
            "Too many requests in a short time. Please try again in {} seconds; nothing you entered is lost."),
        UriTooLong => (URI_TOO_LONG, "uri_too_long",
            "Địa chỉ yêu cầu quá dài (tối đa 8 KB).",
            "The request address is too long (at most 8 KB)."),
        HeadersTooLarge => (REQUEST_HEADER_FIELDS_TOO_LARGE, "headers_too_large",
            "Phần đầu của yêu cầu quá lớn (tối đa 100 trường, 32 KB).",
            "The request's headers are too large (at most 100 fields, 32 KB)."),
        Internal => (INTERNAL_SERVER_ERROR, "internal",
            "Hệ thống đang gặp sự cố. Vui lòng thử lại sau ít phút; thông tin bạn nhập không bị mất.",
            "The system has a problem. Please try again in a few minutes; nothing you entered is lost."),
    }
}

api_errors! {
    /// A dossier that does not exist, or is not the caller's: the same answer, so codes cannot
    /// be probed.
    pub enum DossierMissing {
        NotFound => (NOT_FOUND, "not_found",
            "Không tìm thấy hồ sơ này.",
            "This dossier was not found."),
    }
}

#[derive(Debug)]
pub struct Failure {
    status: StatusCode,
    body: ApiError,
    /// `WWW-Authenticate` of a 401: how to authenticate.
    challenge: Option<&'static str>,
}

impl Failure {
    /// A failure with its key and messages; modules build theirs with [`api_errors!`].
    pub fn keyed(status: StatusCode, error: &str, message: Localized) -> Self {
        Self {
            status,
            body: ApiError {
                error: error.to_owned(),
                message,
                fields: Vec::new(),
            },
            challenge: None,
        }
    }

    /// Adds the `WWW-Authenticate` challenge a 401 must carry.
    pub fn challenge(mut self, scheme: &'static str) -> Self {
        self.challenge = Some(scheme);
        self
    }

    /// Fills the `{}` of the message, in both languages, with `arg`.
    pub fn with_arg(mut self, arg: impl std::fmt::Display) -> Self {
        let arg = arg.to_string();
        self.body.message.vi = self.body.message.vi.replacen("{}", &arg, 1);
        self.body.message.en = self.body.message.en.replacen("{}", &arg, 1);
        self
    }

    /// 422 with every problem, each against its field.
    pub fn invalid(fields: Vec<FieldError>) -> Self {
        let mut failure = Self::from(Common::Invalid);
        failure.body.fields = fields;
        failure
    }

    /// Logs the cause and answers an opaque 500.
    pub fn internal(cause: impl std::fmt::Display) -> Self {
        tracing::error!(%cause, "internal error");
        Self::from(Common::Internal)
    }
}

impl IntoResponse for Failure {
    fn into_response(self) -> Response {
        let mut response = (self.status, Json(self.body)).into_response();
        if let Some(scheme) = self.challenge {
            response.headers_mut().insert(
                axum::http::header::WWW_AUTHENTICATE,
                axum::http::HeaderValue::from_static(scheme),
            );
        }
        response
    }
}

impl From<sqlx::Error> for Failure {
    fn from(error: sqlx::Error) -> Self {
        Self::internal(error)
    }
}

/// A lifecycle refusal (core `lifecycle`): 403 when the caller may never take the action, 409
/// when the dossier is not where the action can start.
impl From<Refusal> for Failure {
    fn from(refusal: Refusal) -> Self {
        let status = match refusal {
            Refusal::NotPermitted => StatusCode::FORBIDDEN,
            _ => StatusCode::CONFLICT,
        };
        Self::keyed(status, refusal.key(), refusal.message())
    }
}

/// The responses of lifecycle refusals, for the OpenAPI description.
pub struct Refused;

impl utoipa::IntoResponses for Refused {
    fn responses() -> std::collections::BTreeMap<
        String,
        utoipa::openapi::RefOr<utoipa::openapi::response::Response>,
    > {
        use motlan_core::lifecycle::{Action, DossierStatus, Standing};
        let mut seen = std::collections::BTreeSet::new();
        let mut all = Vec::new();
        for status in DossierStatus::ALL {
            for action in Action::ALL {
                for (paid, rated, fee) in [(false, false, 0), (true, true, 1)] {
                    let s = Standing {
                        status,
                        fee,
                        paid,
                        rated,
                    };
                    if let Err(r) = s.decide(action.actor(), action) {
                        let failure = Failure::from(r);
                        if seen.insert(r.key()) {
                            all.push((failure.status, r.key(), r.message().en));
                        }
                    }
                }
            }
        }
        describe(all.into_iter())
    }
}

/// OpenAPI responses for errors: one per status, its description listing each key.
pub fn describe(
    errors: impl Iterator<Item = (StatusCode, &'static str, String)>,
) -> std::collections::BTreeMap<String, utoipa::openapi::RefOr<utoipa::openapi::response::Response>>
{
    use utoipa::openapi::{ContentBuilder, Ref, ResponseBuilder};
    let mut by_status: std::collections::BTreeMap<String, Vec<String>> = Default::default();
    for (status, key, en) in errors {
        let line = format!("`{key}`: {}", en.replace("{}", "…"));
        let lines = by_status.entry(status.as_u16().to_string()).or_default();
        if !lines.contains(&line) {
            lines.push(line);
        }
    }
    by_status
        .into_iter()
        .map(|(status, lines)| {
            let response = ResponseBuilder::new()
                .description(lines.join("; "))
                .content(
                    "application/json",
                    ContentBuilder::new()
                        .schema(Some(Ref::from_schema_name("ApiError")))
                        .build(),
                )
                .build();
            (status, response.into())
        })
        .collect()
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
            Err(rejection) => Err(Failure::from(match rejection.status() {
                StatusCode::PAYLOAD_TOO_LARGE => Common::BodyTooLarge,
                StatusCode::UNSUPPORTED_MEDIA_TYPE => Common::ContentType,
                _ => Common::BodyInvalid,
            })
            .with_arg(rejection.body_text())),
        }
    }
}

//! The JSON API under `/api/v1`, one module per resource.

mod after_filing;
mod attachments;
mod audit;
mod dossiers;
mod embeds;
mod fee_qr;
mod health;
mod help;
mod identity_provider;
mod me;
mod officer;
mod old_units;
mod owned;
mod paging;
mod procedures;
mod receipt;
mod units;

use axum::Router;

use crate::AppState;
use crate::error::Common;
use utoipa_axum::router::OpenApiRouter;

/// The API description, generated from the handlers and the wire types.
#[derive(utoipa::OpenApi)]
#[openapi(
    info(
        title = "Một Lần provincial API",
        description = "Reference implementation of the provincial procedure-processing API that the Một Lần app submits to. \
Errors are `ApiError` bodies with a stable key and messages in Vietnamese and English. \
Identity, national data, payment and the officer API are SANDBOXES behind the interfaces a real connector implements.",
        license(name = "MIT")
    ),
    servers((url = "/api/v1")),
    components(schemas(motlan_core::api::ApiError, motlan_core::FieldError)),
    modifiers(&SecuritySchemes),
    tags(
        (name = "catalog", description = "Procedures and what they ask for"),
        (name = "consent", description = "Consent per purpose, pre-filling from national data, the data-use receipt"),
        (name = "dossiers", description = "Filing, tracking, supplements, payment, rating"),
        (name = "embedding", description = "Forms embedded on agency websites: the registered agency, sign-in through a popup"),
        (name = "volunteers", description = "Volunteer-assisted filing: the registry, help sessions (the resident files on their own phone; the volunteer sees progress by name, never data), the youth-union report"),
        (name = "officer sandbox", description = "Moves dossiers through their states for testing; off without --officer-token"),
        (name = "service", description = "Health"),
    )
)]
pub struct ApiDoc;

struct SecuritySchemes;

impl utoipa::Modify for SecuritySchemes {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        use utoipa::openapi::security::{HttpAuthScheme, HttpBuilder, SecurityScheme};
        let components = openapi.components.get_or_insert_with(Default::default);
        components.add_security_scheme(
            "citizen",
            SecurityScheme::Http(
                HttpBuilder::new()
                    .scheme(HttpAuthScheme::Bearer)
                    .bearer_format("JWT")
                    .description(Some("An access token from the identity provider (the SANDBOX at /sandbox/idp, or VNeID by configuration)"))
                    .build(),
            ),
        );
        components.add_security_scheme(
            "officer",
            SecurityScheme::Http(
                HttpBuilder::new()
                    .scheme(HttpAuthScheme::Bearer)
                    .description(Some("The officer SANDBOX token given with --officer-token"))
                    .build(),
            ),
        );
    }
}

/// Public catalog data (the same for everyone) may be kept by the browser for `seconds`, so a
/// citizen on a slow connection does not fetch the unit list again for every address field.
pub(crate) fn cacheable(
    seconds: u32,
) -> tower_http::set_header::SetResponseHeaderLayer<axum::http::HeaderValue> {
    tower_http::set_header::SetResponseHeaderLayer::overriding(
        axum::http::header::CACHE_CONTROL,
        axum::http::HeaderValue::try_from(format!("public, max-age={seconds}"))
            .unwrap_or_else(|_| axum::http::HeaderValue::from_static("no-store")),
    )
}

/// The API and its description, built together: every route is registered with its
/// documentation (`utoipa-axum`), so none can exist undocumented.
pub fn router() -> Router<AppState> {
    // Every operation takes JSON but the upload, which takes the file's bytes.
    let json = OpenApiRouter::new()
        .merge(health::router())
        .merge(procedures::router())
        .merge(audit::router())
        .merge(units::router())
        .merge(old_units::router())
        .merge(dossiers::router())
        .merge(receipt::router())
        .merge(me::router())
        .merge(identity_provider::router())
        .merge(after_filing::router())
        .merge(fee_qr::router())
        .merge(officer::router())
        .merge(embeds::router())
        .merge(help::router())
        .route_layer(axum::middleware::from_fn(crate::guard::json_body));
    let (router, description) = OpenApiRouter::with_openapi(<ApiDoc as utoipa::OpenApi>::openapi())
        .merge(json)
        .merge(attachments::router())
        .split_for_parts();
    let description = std::sync::Arc::new(description);
    router
        .route(
            "/openapi.json",
            axum::routing::get(move || {
                let description = std::sync::Arc::clone(&description);
                async move { axum::Json((*description).clone()) }
            }),
        )
        .fallback(|| async { Common::RouteUnknown })
        // Answers carry personal data unless a handler says otherwise: no cache may keep them
        // (a shared device's browser cache included).
        .layer(
            tower_http::set_header::SetResponseHeaderLayer::if_not_present(
                axum::http::header::CACHE_CONTROL,
                axum::http::HeaderValue::from_static("no-store"),
            ),
        )
}

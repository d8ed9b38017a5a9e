//! Security headers, CORS for configured origins only, and rate limits with Retry-After.

use axum::body::Body;
use axum::http::{Request, StatusCode};

use crate::helpers::TestApp;

const SHELL: &str = "<!doctype html><html><head><link rel=\"stylesheet\" href=\"/style-abc.css\" integrity=\"x\"/>\
<script type=\"module\">import init from '/app.js';\nawait init();\n</script></head><body></body></html>";

#[tokio::test]
async fn every_response_carries_the_security_headers_and_the_app_script_hash() {
    let app =
        TestApp::configured(|dir, _| std::fs::write(dir.join("index.html"), SHELL).unwrap()).await;
    use base64::Engine as _;
    use sha2::Digest as _;
    let hash = base64::engine::general_purpose::STANDARD.encode(sha2::Sha256::digest(
        b"import init from '/app.js';\nawait init();\n",
    ));
    for uri in [
        "/",
        "/thu-tuc/1.001193",
        "/api/v1/procedures",
        "/api/v1/nothing-here",
        "/sandbox/idp/jwks.json",
    ] {
        let response = app.get(uri).await;
        let csp = response.headers["content-security-policy"]
            .to_str()
            .unwrap();
        assert!(csp.contains("frame-ancestors 'none'"), "{uri}: {csp}");
        assert!(csp.contains("default-src 'self'"), "{uri}");
        assert!(csp.contains(&format!("'sha256-{hash}'")), "{uri}: {csp}");
        assert!(!csp.contains("unsafe-inline"), "{uri}");
        assert_eq!(
            response.headers["strict-transport-security"],
            "max-age=31536000; includeSubDomains"
        );
        assert_eq!(response.headers["x-content-type-options"], "nosniff");
        assert_eq!(response.headers["referrer-policy"], "no-referrer");
        assert_eq!(response.headers["x-frame-options"], "DENY");
    }
}

#[tokio::test]
async fn the_sandbox_sign_in_page_uses_the_app_stylesheet() {
    let app =
        TestApp::configured(|dir, _| std::fs::write(dir.join("index.html"), SHELL).unwrap()).await;
    let (_, challenge) = crate::helpers::pkce();
    let page = app
        .get(&format!(
            "/sandbox/idp/authorize?response_type=code&client_id=motlan-web&redirect_uri=http%3A%2F%2Fmotlan.test%2Fdang-nhap&code_challenge={challenge}&code_challenge_method=S256"
        ))
        .await;
    assert!(
        page.json
            .as_str()
            .unwrap()
            .contains("href=\"/style-abc.css\"")
    );
}

#[tokio::test]
async fn cors_answers_only_the_configured_origins() {
    let app = TestApp::new().await;
    let preflight = |origin: &'static str| {
        Request::builder()
            .method("OPTIONS")
            .uri("/api/v1/dossiers")
            .header("origin", origin)
            .header("access-control-request-method", "POST")
            .header(
                "access-control-request-headers",
                "authorization, idempotency-key, content-type",
            )
            .body(Body::empty())
            .unwrap()
    };
    let allowed = app.send(preflight("https://dichvucong.agency.test")).await;
    assert_eq!(
        allowed.headers["access-control-allow-origin"],
        "https://dichvucong.agency.test"
    );
    let allowed_headers = allowed.headers["access-control-allow-headers"]
        .to_str()
        .unwrap();
    assert!(
        allowed_headers.contains("idempotency-key"),
        "{allowed_headers}"
    );
    let other = app.send(preflight("https://evil.test")).await;
    assert!(!other.headers.contains_key("access-control-allow-origin"));
}

#[tokio::test]
async fn too_many_requests_from_one_address_get_429_with_retry_after() {
    let app = TestApp::configured(|_, config| config.rate_limit_per_address = 3).await;
    for _ in 0..3 {
        assert_eq!(app.get("/api/v1/health").await.status, StatusCode::OK);
    }
    let limited = app.get("/api/v1/procedures").await;
    assert_eq!(limited.status, StatusCode::TOO_MANY_REQUESTS);
    assert_eq!(limited.json["error"], "rate_limited");
    let wait: u64 = limited.headers["retry-after"]
        .to_str()
        .unwrap()
        .parse()
        .unwrap();
    assert!((1..=60).contains(&wait), "{wait}");
    assert!(
        limited.json["message"]["vi"]
            .as_str()
            .unwrap()
            .contains("không bị mất")
    );
}

#[tokio::test]
async fn too_many_requests_from_one_account_get_429_even_from_many_addresses() {
    let app = TestApp::configured(|_, config| config.rate_limit_per_account = 2).await;
    let token = app.sign_in("lan").await;
    for _ in 0..2 {
        assert_eq!(
            app.get_with_token("/api/v1/me", &token).await.status,
            StatusCode::OK
        );
    }
    let limited = app.get_with_token("/api/v1/me/consents", &token).await;
    assert_eq!(limited.status, StatusCode::TOO_MANY_REQUESTS);
    assert!(limited.headers.contains_key("retry-after"));
    let other = app.sign_in("minh").await;
    assert_eq!(
        app.get_with_token("/api/v1/me", &other).await.status,
        StatusCode::OK
    );
}

#[tokio::test]
async fn the_app_is_sent_precompressed_and_hashed_files_are_kept_for_a_year() {
    let app = TestApp::configured(|dir, _| {
        std::fs::write(dir.join("index.html"), SHELL).unwrap();
        std::fs::write(dir.join("motlan-web-0123456789abcdef.js"), "console.log(1)").unwrap();
        std::fs::write(
            dir.join("motlan-web-0123456789abcdef.js.br"),
            b"brotli bytes",
        )
        .unwrap();
        std::fs::write(dir.join("motlan-web-0123456789abcdef.js.gz"), b"gzip bytes").unwrap();
    })
    .await;
    let get = |path: &'static str, encoding: &'static str| {
        let app = &app;
        async move {
            app.send(
                axum::http::Request::get(path)
                    .header("accept-encoding", encoding)
                    .body(axum::body::Body::empty())
                    .unwrap(),
            )
            .await
        }
    };
    let br = get("/motlan-web-0123456789abcdef.js", "gzip, br").await;
    assert_eq!(br.headers["content-encoding"], "br");
    assert_eq!(
        br.headers["cache-control"],
        "public, max-age=31536000, immutable"
    );
    let gz = get("/motlan-web-0123456789abcdef.js", "gzip").await;
    assert_eq!(gz.headers["content-encoding"], "gzip");
    for page in ["/", "/thu-tuc/1.001193", "/motlan-web-fedcba9876543210.js"] {
        let answer = get(page, "br").await;
        assert_eq!(
            answer.headers["cache-control"], "no-cache",
            "{page}: the page is revalidated"
        );
    }
}

//! What a careless client or a foreign page sends: bodies that do not say they are JSON,
//! state-changing requests from another site, and errors that must keep the API's one JSON shape.

use axum::body::Body;
use axum::http::{Request, StatusCode};
use serde_json::json;

use crate::dossiers::lan_birth;
use crate::helpers::{OFFICER, TestApp, TestResponse};

impl TestApp {
    async fn raw(
        &self,
        method: &str,
        uri: &str,
        headers: &[(&str, &str)],
        body: String,
    ) -> TestResponse {
        let mut request = Request::builder().method(method).uri(uri);
        for (name, value) in headers {
            request = request.header(*name, *value);
        }
        self.send(request.body(Body::from(body)).expect("request"))
            .await
    }
}

fn assert_api_error(response: &TestResponse, status: StatusCode, key: &str) {
    assert_eq!(response.status, status, "{}", response.json);
    assert_eq!(response.json["error"], key, "{}", response.json);
    assert!(
        response.json["message"]["vi"].is_string() && response.json["message"]["en"].is_string()
    );
    let en = response.json["message"]["en"].as_str().unwrap();
    assert!(
        !en.contains("(\"") && !en.contains("Cannot parse"),
        "no internal formatting: {en}"
    );
}

#[tokio::test]
async fn a_dossier_must_be_sent_as_json() {
    let app = TestApp::new().await;
    let token = app.consenting("lan").await;
    let auth = format!("Bearer {token}");
    for content_type in [
        None,
        Some("text/plain"),
        Some("application/x-www-form-urlencoded"),
        Some("image/png"),
    ] {
        let mut headers = vec![
            ("authorization", auth.as_str()),
            ("idempotency-key", "k-content-type"),
        ];
        if let Some(t) = content_type {
            headers.push(("content-type", t));
        }
        let response = app
            .raw(
                "POST",
                "/api/v1/dossiers",
                &headers,
                lan_birth().to_string(),
            )
            .await;
        assert_api_error(
            &response,
            StatusCode::UNSUPPORTED_MEDIA_TYPE,
            "content_type",
        );
    }
    assert_eq!(
        app.state.storage.dossier_count().await.unwrap(),
        0,
        "nothing was filed"
    );
}

#[tokio::test]
async fn a_foreign_page_cannot_change_anything() {
    let app = TestApp::new().await;
    let token = app.consenting("lan").await;
    let auth = format!("Bearer {token}");
    let json_type = ("content-type", "application/json");
    let from = |origin: &'static str| {
        vec![
            ("authorization", auth.as_str()),
            json_type,
            ("origin", origin),
            ("idempotency-key", origin),
        ]
    };
    let refused = app
        .raw(
            "POST",
            "/api/v1/dossiers",
            &from("https://evil.example"),
            lan_birth().to_string(),
        )
        .await;
    assert_api_error(&refused, StatusCode::FORBIDDEN, "origin_not_allowed");
    let null = app
        .raw(
            "PUT",
            "/api/v1/me/consents/papers",
            &from("null"),
            json!({"text_version": "2026-11-30"}).to_string(),
        )
        .await;
    assert_api_error(&null, StatusCode::FORBIDDEN, "origin_not_allowed");
    // The service's own pages and the configured CORS origins may.
    let own = app
        .raw(
            "POST",
            "/api/v1/dossiers",
            &from("http://motlan.test"),
            lan_birth().to_string(),
        )
        .await;
    assert_eq!(own.status, StatusCode::CREATED, "{}", own.json);
    let agency = app
        .raw(
            "POST",
            "/api/v1/sign-in-tickets",
            &from("https://dichvucong.agency.test"),
            String::new(),
        )
        .await;
    assert_eq!(agency.status, StatusCode::CREATED);
    // A page of the host the request was sent to is this service too.
    let same_host = app
        .raw(
            "POST",
            "/api/v1/sign-in-tickets",
            &[
                ("origin", "http://localhost:8080"),
                ("host", "localhost:8080"),
            ],
            String::new(),
        )
        .await;
    assert_eq!(same_host.status, StatusCode::CREATED);
    let other_host = app
        .raw(
            "POST",
            "/api/v1/sign-in-tickets",
            &[
                ("origin", "http://localhost:8081"),
                ("host", "localhost:8080"),
            ],
            String::new(),
        )
        .await;
    assert_api_error(&other_host, StatusCode::FORBIDDEN, "origin_not_allowed");
    // Reading is not changing: a foreign page may read public catalog data.
    let read = app
        .raw(
            "GET",
            "/api/v1/procedures",
            &[("origin", "https://evil.example")],
            String::new(),
        )
        .await;
    assert_eq!(read.status, StatusCode::OK);
}

#[tokio::test]
async fn every_error_has_the_api_shape() {
    let app = TestApp::new().await;
    let wards = app.get("/api/v1/provinces/70000/wards").await;
    assert_api_error(&wards, StatusCode::BAD_REQUEST, "bad_request");
    let method = app
        .raw("DELETE", "/api/v1/procedures", &[], String::new())
        .await;
    assert_api_error(
        &method,
        StatusCode::METHOD_NOT_ALLOWED,
        "method_not_allowed",
    );
    assert!(method.headers.contains_key("allow"));
    let token = app.consenting("lan").await;
    let auth = format!("Bearer {token}");
    let huge = format!(
        "{{\"procedure_code\": \"1.001193\", \"answers\": {{\"x\": \"{}\"}}}}",
        "a".repeat(3 * 1024 * 1024)
    );
    let large = app
        .raw(
            "POST",
            "/api/v1/dossiers",
            &[
                ("authorization", &auth),
                ("content-type", "application/json"),
                ("idempotency-key", "big"),
            ],
            huge,
        )
        .await;
    assert_api_error(&large, StatusCode::PAYLOAD_TOO_LARGE, "body_too_large");
    let officer = app
        .raw(
            "GET",
            "/api/v1/officer/dossiers",
            &[("authorization", "Bearer wrong")],
            String::new(),
        )
        .await;
    assert_api_error(&officer, StatusCode::UNAUTHORIZED, "officer_token_invalid");
    assert!(
        officer.headers["www-authenticate"]
            .to_str()
            .unwrap()
            .starts_with("Bearer")
    );
    let ok = app
        .raw(
            "GET",
            "/api/v1/officer/dossiers",
            &[("authorization", &format!("Bearer {OFFICER}"))],
            String::new(),
        )
        .await;
    assert_eq!(ok.status, StatusCode::OK);
    let unknown_status = app
        .raw(
            "GET",
            "/api/v1/officer/dossiers?status=lost",
            &[("authorization", &format!("Bearer {OFFICER}"))],
            String::new(),
        )
        .await;
    assert_api_error(&unknown_status, StatusCode::BAD_REQUEST, "status_unknown");
}

#[tokio::test]
async fn the_identity_sandbox_never_lets_personal_data_be_cached() {
    let app = TestApp::new().await;
    let token = app.sign_in("lan").await;
    let userinfo = app.get_with_token("/sandbox/idp/userinfo", &token).await;
    assert_eq!(userinfo.status, StatusCode::OK);
    assert_eq!(userinfo.headers["cache-control"], "no-store");
    assert_eq!(userinfo.headers["pragma"], "no-cache");
    let discovery = app
        .get("/sandbox/idp/.well-known/openid-configuration")
        .await;
    assert_eq!(discovery.headers["cache-control"], "no-store");
}

/// A request over a real socket, as a client sends it.
async fn http(addr: std::net::SocketAddr, request: &str) -> String {
    use tokio::io::{AsyncReadExt as _, AsyncWriteExt as _};
    let mut stream = tokio::net::TcpStream::connect(addr).await.expect("connect");
    stream.write_all(request.as_bytes()).await.expect("send");
    let mut answer = String::new();
    stream.read_to_string(&mut answer).await.expect("answer");
    answer
}

#[tokio::test]
async fn a_half_sent_request_does_not_keep_the_server_from_stopping() {
    use tokio::io::AsyncWriteExt as _;
    let (_dir, config) = TestApp::process_config().await;
    let grace = config.shutdown_grace_seconds;
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
    let server = tokio::spawn(motlan_server::serve_on(listener, config, async {
        let _ = stopped.await;
    }));
    let health = http(
        addr,
        "GET /api/v1/health HTTP/1.1\r\nHost: t\r\nConnection: close\r\n\r\n",
    )
    .await;
    assert!(health.starts_with("HTTP/1.1 200"), "{health}");
    // Over a real socket: a change without a body needs no content type, one with a body does.
    let bodiless = http(
        addr,
        "POST /api/v1/sign-in-tickets HTTP/1.1\r\nHost: t\r\nConnection: close\r\n\r\n",
    )
    .await;
    assert!(bodiless.starts_with("HTTP/1.1 201"), "{bodiless}");
    let untyped = http(
        addr,
        "POST /api/v1/sign-in-tickets/x/redeem HTTP/1.1\r\nHost: t\r\nContent-Length: 2\r\nConnection: close\r\n\r\n{}",
    )
    .await;
    assert!(untyped.starts_with("HTTP/1.1 415"), "{untyped}");
    // Half the headers on one connection, headers and half a body on another, and an idle one.
    let mut half_headers = tokio::net::TcpStream::connect(addr).await.unwrap();
    half_headers
        .write_all(b"POST /api/v1/dossiers HTTP/1.1\r\nHost: t\r\n")
        .await
        .unwrap();
    let mut half_body = tokio::net::TcpStream::connect(addr).await.unwrap();
    half_body
        .write_all(b"POST /api/v1/dossiers HTTP/1.1\r\nHost: t\r\nContent-Type: application/json\r\nContent-Length: 500\r\n\r\n{\"procedure_code\": \"1.0")
        .await
        .unwrap();
    let _idle = tokio::net::TcpStream::connect(addr).await.unwrap();
    tokio::time::sleep(std::time::Duration::from_millis(200)).await;

    let asked = std::time::Instant::now();
    stop.send(()).unwrap();
    let ended = tokio::time::timeout(std::time::Duration::from_secs(grace + 5), server).await;
    assert!(
        ended.is_ok(),
        "the server was still running {} s after it was asked to stop",
        grace + 5
    );
    ended.unwrap().unwrap().expect("a clean stop");
    assert!(
        asked.elapsed() < std::time::Duration::from_secs(grace + 3),
        "stopped in {:?}",
        asked.elapsed()
    );
}

#[tokio::test]
async fn a_client_that_never_finishes_its_headers_is_cut_off() {
    use tokio::io::{AsyncReadExt as _, AsyncWriteExt as _};
    let (_dir, config) = TestApp::process_config().await;
    let header_timeout = config.header_timeout_seconds;
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
    let server = tokio::spawn(motlan_server::serve_on(listener, config, async {
        let _ = stopped.await;
    }));
    let mut slow = tokio::net::TcpStream::connect(addr).await.unwrap();
    slow.write_all(b"GET /api/v1/health HTTP/1.1\r\nHost: t\r\n")
        .await
        .unwrap();
    let mut idle = tokio::net::TcpStream::connect(addr).await.unwrap();
    // A kept-alive connection, idle after its first answer.
    let mut kept = tokio::net::TcpStream::connect(addr).await.unwrap();
    kept.write_all(b"GET /api/v1/health HTTP/1.1\r\nHost: t\r\n\r\n")
        .await
        .unwrap();
    let mut first = [0u8; 12];
    kept.read_exact(&mut first).await.unwrap();
    assert_eq!(&first, b"HTTP/1.1 200");
    // All are closed once the header timeout has passed; the server keeps serving others.
    for (name, stream) in [
        ("half-sent headers", &mut slow),
        ("idle", &mut idle),
        ("kept-alive", &mut kept),
    ] {
        let mut buffer = Vec::new();
        let closed = tokio::time::timeout(
            std::time::Duration::from_secs(header_timeout + 3),
            stream.read_to_end(&mut buffer),
        )
        .await;
        assert!(closed.is_ok(), "the {name} connection is still open");
    }
    let health = http(
        addr,
        "GET /api/v1/health HTTP/1.1\r\nHost: t\r\nConnection: close\r\n\r\n",
    )
    .await;
    assert!(health.starts_with("HTTP/1.1 200"), "{health}");
    stop.send(()).unwrap();
    server.await.unwrap().unwrap();
}

#[tokio::test]
async fn an_oversized_address_or_headers_get_the_api_shape_and_the_security_headers() {
    let (_dir, config) = TestApp::process_config().await;
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
    let server = tokio::spawn(motlan_server::serve_on(listener, config, async {
        let _ = stopped.await;
    }));
    let long = format!(
        "GET /api/v1/procedures?q={} HTTP/1.1\r\nHost: t\r\nConnection: close\r\n\r\n",
        "a".repeat(20 * 1024)
    );
    let many: String = (0..150).map(|i| format!("X-Field-{i}: {i}\r\n")).collect();
    let crowded =
        format!("GET /api/v1/health HTTP/1.1\r\nHost: t\r\n{many}Connection: close\r\n\r\n");
    for (request, status, key) in [
        (long, "414", "uri_too_long"),
        (crowded, "431", "headers_too_large"),
    ] {
        let answer = http(addr, &request).await;
        let head = answer
            .split("\r\n\r\n")
            .next()
            .unwrap_or_default()
            .to_lowercase();
        assert!(
            answer.starts_with(&format!("HTTP/1.1 {status}")),
            "{answer}"
        );
        assert!(answer.contains(&format!("\"error\":\"{key}\"")), "{answer}");
        for header in [
            "content-security-policy:",
            "x-content-type-options: nosniff",
            "referrer-policy:",
        ] {
            assert!(
                head.contains(header),
                "{header} missing on the {status}: {head}"
            );
        }
    }
    let _ = stop.send(());
    server.await.unwrap().unwrap();
}

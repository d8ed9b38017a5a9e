//! The identity sandbox: OpenID Connect discovery, the code flow with PKCE, and the API's trust in
//! tokens only through the issuer's keys.

use axum::http::StatusCode;
use motlan_core::text::percent_encode;

use crate::helpers::{REDIRECT, TestApp, pkce};

#[tokio::test]
async fn discovery_names_every_endpoint_under_the_issuer() {
    let app = TestApp::new().await;
    let doc = app
        .get("/sandbox/idp/.well-known/openid-configuration")
        .await;
    assert_eq!(doc.status, StatusCode::OK);
    let issuer = "http://motlan.test/sandbox/idp";
    assert_eq!(doc.json["issuer"], issuer);
    for (key, path) in [
        ("authorization_endpoint", "/authorize"),
        ("token_endpoint", "/token"),
        ("userinfo_endpoint", "/userinfo"),
        ("jwks_uri", "/jwks.json"),
    ] {
        assert_eq!(doc.json[key], format!("{issuer}{path}"));
    }
    assert_eq!(doc.json["code_challenge_methods_supported"][0], "S256");
    // RS256 is offered (OpenID Discovery requires it) and listed first; EdDSA stays an option.
    assert_eq!(
        doc.json["id_token_signing_alg_values_supported"],
        serde_json::json!(["RS256", "EdDSA"])
    );
    let jwks = app.get("/sandbox/idp/jwks.json").await;
    assert_eq!(jwks.json["keys"][0]["kty"], "RSA");
    assert_eq!(jwks.json["keys"][0]["alg"], "RS256");
    assert_eq!(jwks.json["keys"][1]["kty"], "OKP");
    assert_eq!(jwks.json["keys"][1]["alg"], "EdDSA");
}

/// The algorithm named in a token's header.
fn algorithm_of(token: &str) -> String {
    use base64::Engine as _;
    let header = token.split('.').next().expect("header");
    let bytes = base64::engine::general_purpose::URL_SAFE_NO_PAD
        .decode(header)
        .expect("base64url");
    let header: serde_json::Value = serde_json::from_slice(&bytes).expect("JSON");
    header["alg"].as_str().expect("alg").to_owned()
}

#[tokio::test]
async fn the_sandbox_signs_with_rs256_by_default_and_eddsa_on_request() {
    let app = TestApp::new().await;
    let token = app.sign_in("lan").await;
    assert_eq!(algorithm_of(&token), "RS256");
    assert_eq!(
        app.get_with_token("/api/v1/me", &token).await.status,
        StatusCode::OK
    );

    let eddsa = TestApp::configured(|_, config| {
        config.sandbox_signing_alg = motlan_server::identity::SandboxAlgorithm::EdDsa;
    })
    .await;
    let token = eddsa.sign_in("lan").await;
    assert_eq!(algorithm_of(&token), "EdDSA");
    let me = eddsa.get_with_token("/api/v1/me", &token).await;
    assert_eq!(me.status, StatusCode::OK);
    assert_eq!(me.json["sandbox"], true);
    let provider = eddsa.get("/api/v1/identity-provider").await;
    assert_eq!(provider.json["issuer"], "http://motlan.test/sandbox/idp");
    assert_eq!(provider.json["client_id"], "motlan-web");
    assert_eq!(provider.json["sandbox"], true);
}

#[tokio::test]
async fn the_sign_in_page_is_labelled_sandbox_and_lists_the_demo_citizens() {
    let app = TestApp::new().await;
    let (_, challenge) = pkce();
    let page = app
        .get(&format!(
            "/sandbox/idp/authorize?response_type=code&client_id=motlan-web&redirect_uri={}&code_challenge={challenge}&code_challenge_method=S256&state=s1",
            percent_encode(REDIRECT)
        ))
        .await;
    assert_eq!(page.status, StatusCode::OK);
    let html = page.json.as_str().expect("html");
    assert!(html.contains("SANDBOX"));
    assert!(html.contains("Nguyễn Thị Lan"));
    assert!(html.contains("H&#39;Hen Niê"), "names are escaped");
    assert!(html.contains("name=\"state\" value=\"s1\""));
    assert_eq!(page.headers["cache-control"], "no-store");
}

#[tokio::test]
async fn a_sign_in_request_without_pkce_is_refused_on_the_page_not_redirected() {
    let app = TestApp::new().await;
    let page = app
        .get(&format!(
            "/sandbox/idp/authorize?response_type=code&client_id=motlan-web&redirect_uri={}",
            percent_encode(REDIRECT)
        ))
        .await;
    assert_eq!(page.status, StatusCode::BAD_REQUEST);
    assert!(page.json.as_str().unwrap().contains("PKCE"));
    assert!(!page.headers.contains_key("location"));
    let unknown_client = app
        .get("/sandbox/idp/authorize?response_type=code&client_id=evil&redirect_uri=http://evil.test/&code_challenge_method=S256&code_challenge=x")
        .await;
    assert_eq!(unknown_client.status, StatusCode::BAD_REQUEST);
}

#[tokio::test]
async fn the_code_flow_gives_a_token_the_api_accepts() {
    let app = TestApp::new().await;
    let token = app.sign_in("lan").await;
    let me = app.get_with_token("/sandbox/idp/userinfo", &token).await;
    assert_eq!(me.status, StatusCode::OK);
    assert_eq!(me.json["sub"], "001197004321");
    assert_eq!(me.json["name"], "Nguyễn Thị Lan");
}

#[tokio::test]
async fn a_code_works_once_and_only_with_its_verifier() {
    let app = TestApp::new().await;
    let (verifier, challenge) = pkce();
    let code = app.authorize("minh", &challenge).await;
    let exchange = |verifier: String| {
        let code = code.clone();
        let app = &app;
        async move {
            app.post_form(
                "/sandbox/idp/token",
                &format!(
                    "grant_type=authorization_code&code={code}&redirect_uri={}&client_id=motlan-web&code_verifier={verifier}",
                    percent_encode(REDIRECT)
                ),
            )
            .await
        }
    };
    let wrong = exchange(format!("{verifier}x")).await;
    assert_eq!(wrong.status, StatusCode::BAD_REQUEST);
    assert_eq!(wrong.json["error"], "invalid_grant");
    // The failed attempt used the code up: a stolen code cannot be tried twice.
    let again = exchange(verifier).await;
    assert_eq!(again.json["error"], "invalid_grant");
}

#[tokio::test]
async fn tokens_not_signed_by_the_trusted_keys_are_refused() {
    let app = TestApp::new().await;
    let token = app.sign_in("huy").await;
    let other = TestApp::new().await;
    let foreign = other.sign_in("huy").await;
    let refused = app.get_with_token("/sandbox/idp/userinfo", &foreign).await;
    assert_eq!(refused.status, StatusCode::UNAUTHORIZED);
    assert_eq!(refused.json["error"], "token_invalid");
    assert!(
        refused.headers["www-authenticate"]
            .to_str()
            .unwrap()
            .contains("invalid_token")
    );

    let mut parts: Vec<String> = token.split('.').map(str::to_owned).collect();
    parts[1] = parts[1].replacen('A', "B", 1);
    let tampered = app
        .get_with_token("/sandbox/idp/userinfo", &parts.join("."))
        .await;
    assert_eq!(tampered.status, StatusCode::UNAUTHORIZED);

    let anonymous = app.get("/sandbox/idp/userinfo").await;
    assert_eq!(anonymous.status, StatusCode::UNAUTHORIZED);
    assert_eq!(anonymous.json["error"], "sign_in_required");
}

#[tokio::test]
async fn a_code_goes_only_to_a_registered_address() {
    let app = TestApp::new().await;
    let (_, challenge) = crate::helpers::pkce();
    let evil = percent_encode("https://evil.example/steal");
    let page = app
        .get(&format!(
            "/sandbox/idp/authorize?response_type=code&client_id=motlan-web&redirect_uri={evil}&code_challenge={challenge}&code_challenge_method=S256"
        ))
        .await;
    assert_eq!(page.status, StatusCode::BAD_REQUEST);
    let posted = app
        .post_form(
            "/sandbox/idp/authorize",
            &format!("citizen=lan&client_id=motlan-web&redirect_uri={evil}&code_challenge={challenge}&state=x"),
        )
        .await;
    assert_eq!(posted.status, StatusCode::BAD_REQUEST, "never a redirect");
    assert!(posted.headers.get("location").is_none());
    assert!(
        posted
            .json
            .as_str()
            .unwrap_or_default()
            .contains("not registered")
    );
}

#[tokio::test]
async fn the_token_endpoint_answers_oauth_errors_and_is_never_cached() {
    let app = TestApp::new().await;
    for form in [
        "",
        "grant_type=authorization_code",
        "grant_type=password&code=x&redirect_uri=y&client_id=z&code_verifier=v",
    ] {
        let answer = app.post_form("/sandbox/idp/token", form).await;
        assert_eq!(answer.status, StatusCode::BAD_REQUEST, "{form}");
        let error = answer.json["error"].as_str().unwrap_or_default();
        assert!(
            ["invalid_request", "unsupported_grant_type"].contains(&error),
            "{form}: {}",
            answer.json
        );
        assert_eq!(answer.headers["cache-control"], "no-store");
        assert_eq!(answer.headers["pragma"], "no-cache");
    }
    let token = app.sign_in("lan").await;
    // The token carries auth_time; userinfo answers GET and POST.
    let payload = token.split('.').nth(1).unwrap();
    use base64::Engine as _;
    let claims: serde_json::Value = serde_json::from_slice(
        &base64::engine::general_purpose::URL_SAFE_NO_PAD
            .decode(payload)
            .unwrap(),
    )
    .unwrap();
    assert!(
        claims["auth_time"]
            .as_u64()
            .is_some_and(|t| t > 1_700_000_000),
        "{claims}"
    );
    for method in ["GET", "POST"] {
        let info = app
            .call(method, "/sandbox/idp/userinfo", &token, None)
            .await;
        assert_eq!(info.status, StatusCode::OK, "{method}");
        assert_eq!(info.json["sub"], "001197004321");
    }
    let discovery = app
        .get("/sandbox/idp/.well-known/openid-configuration")
        .await
        .json;
    let docs = discovery["service_documentation"].as_str().unwrap();
    assert!(docs.starts_with("http://motlan.test/"), "{docs}");
    let path = docs.trim_start_matches("http://motlan.test");
    assert_eq!(app.get(path).await.status, StatusCode::OK);
}

#[tokio::test]
async fn a_token_stays_valid_across_a_restart_and_on_every_server_of_the_database() {
    // The sandbox's signing key is stored once in the database and read by every server.
    let app = TestApp::new().await;
    let token = app.sign_in("lan").await;
    let jwks = app.get("/sandbox/idp/jwks.json").await.json;
    let app = app.restart().await;
    assert_eq!(
        app.get("/sandbox/idp/jwks.json").await.json,
        jwks,
        "the same key"
    );
    let me = app.get_with_token("/api/v1/me", &token).await;
    assert_eq!(me.status, StatusCode::OK, "{}", me.json);
}

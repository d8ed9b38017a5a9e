//! A real OpenID provider by configuration (`--oidc-issuer`): discovery read at start, tokens
//! accepted only when signed by the provider's published keys with an algorithm it announces,
//! keys fetched again on rotation at most once per interval, the sandbox provider switched off.

use axum::http::StatusCode;
use serde_json::json;

use crate::helpers::TestApp;
use crate::provider::{SigningKey, StandInProvider};

/// Lan, a sandbox citizen: the population sandbox still answers for her.
const LAN: &str = "001197004321";

async fn app_trusting(provider: &StandInProvider, refetch_seconds: u64) -> TestApp {
    let issuer = provider.issuer.clone();
    TestApp::configured(move |_, config| {
        config.oidc_issuer = Some(issuer);
        config.oidc_client_id = "motlan-portal".to_owned();
        config.oidc_scopes = "openid profile vneid".to_owned();
        config.oidc_jwks_refetch_seconds = refetch_seconds;
    })
    .await
}

#[tokio::test]
async fn tokens_of_every_announced_algorithm_are_accepted_and_the_app_learns_the_provider() {
    let (rsa, ec, ed) = (
        SigningKey::rsa("r1"),
        SigningKey::p256("e1"),
        SigningKey::ed25519("o1"),
    );
    let provider = StandInProvider::start(&[&rsa, &ec, &ed], &["RS256", "ES256", "EdDSA"]).await;
    let app = app_trusting(&provider, 60).await;

    for key in [&rsa, &ec, &ed] {
        let mut claims = provider.claims(LAN, "motlan-portal");
        claims["name"] = json!("Nguyễn Thị Lan");
        let me = app.get_with_token("/api/v1/me", &key.sign(&claims)).await;
        assert_eq!(
            me.status,
            StatusCode::OK,
            "{:?}: {}",
            key.algorithm,
            me.json
        );
        assert_eq!(me.json["sub"], LAN);
        assert_eq!(me.json["sandbox"], false);
    }
    // A provider that keeps the name for userinfo: the population record names the citizen.
    let nameless = rsa.sign(&provider.claims(LAN, "motlan-portal"));
    let me = app.get_with_token("/api/v1/me", &nameless).await;
    assert_eq!(me.json["name"], "Nguyễn Thị Lan");
    // An audience given as a list (OpenID Core §2) is read too.
    let mut listed = provider.claims(LAN, "motlan-portal");
    listed["aud"] = json!(["motlan-portal", "another"]);
    assert_eq!(
        app.get_with_token("/api/v1/me", &ed.sign(&listed))
            .await
            .status,
        StatusCode::OK
    );

    let config = app.get("/api/v1/identity-provider").await;
    assert_eq!(config.status, StatusCode::OK);
    assert_eq!(config.json["issuer"], provider.issuer);
    assert_eq!(
        config.json["authorization_endpoint"],
        format!("{}/auth", provider.issuer)
    );
    assert_eq!(
        config.json["token_endpoint"],
        format!("{}/token", provider.issuer)
    );
    assert_eq!(config.json["client_id"], "motlan-portal");
    assert_eq!(config.json["scopes"], "openid profile vneid");
    assert_eq!(config.json["sandbox"], false);

    // The app exchanges the code at the provider from the browser: the policy lets it.
    let page = app.get("/").await;
    let policy = page.headers["content-security-policy"].to_str().unwrap();
    assert!(
        policy.contains(&format!("connect-src 'self' {}", provider.issuer)),
        "{policy}"
    );
    // The sandbox provider is not served beside a real one.
    let sandbox = app
        .get("/sandbox/idp/.well-known/openid-configuration")
        .await;
    assert_ne!(sandbox.status, StatusCode::OK);
}

#[tokio::test]
async fn tokens_are_refused_unless_issuer_audience_key_and_algorithm_all_match() {
    let (rsa, ec) = (SigningKey::rsa("r1"), SigningKey::p256("e1"));
    // The provider publishes an ES256 key but announces only RS256.
    let provider = StandInProvider::start(&[&rsa, &ec], &["RS256"]).await;
    let app = app_trusting(&provider, 60).await;
    let good = provider.claims(LAN, "motlan-portal");
    assert_eq!(
        app.get_with_token("/api/v1/me", &rsa.sign(&good))
            .await
            .status,
        StatusCode::OK
    );

    let mut other_issuer = good.clone();
    other_issuer["iss"] = json!("https://evil.example");
    let mut other_audience = good.clone();
    other_audience["aud"] = json!("someone-else");
    let mut expired = good.clone();
    expired["exp"] = json!(1_000_000_000);
    let unannounced = ec.sign(&good);
    // A key published for RS256 cannot vouch for a token claiming another algorithm.
    let mismatched = {
        let (header, rest) = rsa
            .sign(&good)
            .split_once('.')
            .map(|(h, r)| (h.to_owned(), r.to_owned()))
            .unwrap();
        let _ = header;
        let forged_header = base64_url(r#"{"alg":"ES256","kid":"r1","typ":"JWT"}"#);
        format!("{forged_header}.{rest}")
    };
    for (why, token) in [
        ("another issuer", rsa.sign(&other_issuer)),
        ("another audience", rsa.sign(&other_audience)),
        ("expired", rsa.sign(&expired)),
        ("an algorithm the provider does not announce", unannounced),
        ("a key used with another algorithm", mismatched),
    ] {
        let me = app.get_with_token("/api/v1/me", &token).await;
        assert_eq!(me.status, StatusCode::UNAUTHORIZED, "{why}");
        assert_eq!(me.json["error"], "token_invalid", "{why}");
    }
}

fn base64_url(text: &str) -> String {
    use base64::Engine as _;
    base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(text)
}

#[tokio::test]
async fn a_rotated_key_is_fetched_on_first_sight_but_no_more_than_once_per_interval() {
    let (old, new, forged) = (
        SigningKey::rsa("2026-06"),
        SigningKey::ed25519("2026-12"),
        SigningKey::rsa("forged"),
    );
    let provider = StandInProvider::start(&[&old], &["RS256", "EdDSA"]).await;
    let app = app_trusting(&provider, 1).await;
    assert_eq!(provider.fetches(), 1, "the keys are fetched at start");
    let claims = provider.claims(LAN, "motlan-portal");
    assert_eq!(
        app.get_with_token("/api/v1/me", &old.sign(&claims))
            .await
            .status,
        StatusCode::OK
    );
    assert_eq!(provider.fetches(), 1, "a known key needs no fetch");

    // The provider rotates: the new key is fetched when a token first names it.
    provider.publish(&[&old, &new]);
    tokio::time::sleep(std::time::Duration::from_millis(1_100)).await;
    assert_eq!(
        app.get_with_token("/api/v1/me", &new.sign(&claims))
            .await
            .status,
        StatusCode::OK
    );
    assert_eq!(provider.fetches(), 2);

    // Unknown key ids right after a fetch do not reach the provider.
    for _ in 0..5 {
        let refused = app
            .get_with_token("/api/v1/me", &forged.sign(&claims))
            .await;
        assert_eq!(refused.status, StatusCode::UNAUTHORIZED);
    }
    assert_eq!(provider.fetches(), 2, "at most one fetch per interval");

    // Once the interval is over, an unknown key id is looked up again (once); the old key,
    // withdrawn by the provider, is no longer trusted after that fetch.
    provider.publish(&[&new]);
    tokio::time::sleep(std::time::Duration::from_millis(1_100)).await;
    let refused = app
        .get_with_token("/api/v1/me", &forged.sign(&claims))
        .await;
    assert_eq!(refused.status, StatusCode::UNAUTHORIZED);
    assert_eq!(provider.fetches(), 3);
    assert_eq!(
        app.get_with_token("/api/v1/me", &old.sign(&claims))
            .await
            .status,
        StatusCode::UNAUTHORIZED
    );
}

#[tokio::test]
async fn a_provider_naming_another_issuer_or_unreachable_stops_the_start_with_a_reason() {
    let key = SigningKey::rsa("r1");
    let provider = StandInProvider::start(&[&key], &["RS256"]).await;
    let (dir, mut config) = TestApp::process_config().await;
    config.oidc_issuer = Some(format!("{}/", provider.issuer));
    let error = motlan_server::AppState::new(&config)
        .await
        .err()
        .expect("a wrong issuer is refused");
    assert!(error.to_string().contains("names itself"), "{error}");
    config.oidc_issuer = Some("http://127.0.0.1:9".to_owned());
    let error = motlan_server::AppState::new(&config)
        .await
        .err()
        .expect("an unreachable provider is reported");
    assert!(error.to_string().contains("cannot read"), "{error}");
    drop(dir);
}

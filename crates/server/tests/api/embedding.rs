//! Forms embedded on agency websites: framing allowed per procedure to exactly the registered
//! origins, the registered agency, and one-time sign-in tickets (see `helpers::AGENCIES`).

use axum::http::StatusCode;
use serde_json::json;

use crate::helpers::{TestApp, TestResponse};

async fn with_web_app() -> TestApp {
    TestApp::configured(|dir, _| {
        std::fs::write(
            dir.join("index.html"),
            "<!doctype html><div id=\"motlan\"></div>",
        )
        .unwrap()
    })
    .await
}

fn ancestors(response: &TestResponse) -> String {
    let policy = response.headers["content-security-policy"]
        .to_str()
        .unwrap();
    policy
        .split(';')
        .map(str::trim)
        .find_map(|d| d.strip_prefix("frame-ancestors "))
        .expect("a frame-ancestors directive")
        .to_owned()
}

#[tokio::test]
async fn an_embedded_form_may_be_framed_only_by_the_origins_registered_for_its_procedure() {
    let app = with_web_app().await;
    for uri in ["/nhung/1.001193", "/nhung/1.001193/khai/bat-dau?lang=en"] {
        let page = app.get(uri).await;
        assert_eq!(page.status, StatusCode::OK, "{uri}");
        assert_eq!(
            ancestors(&page),
            "http://localhost:8081 https://stp.agency.test",
            "{uri}"
        );
        assert!(!page.headers.contains_key("x-frame-options"), "{uri}");
    }
    // The commune is registered for birth registration only.
    let other = app.get("/nhung/1.004194").await;
    assert_eq!(ancestors(&other), "https://stp.agency.test");
    // No agency may frame an unknown procedure, nor any page that is not an embedded form.
    for uri in [
        "/nhung/9.999999",
        "/",
        "/thu-tuc/1.001193",
        "/thu-tuc/1.001193/khai/bat-dau",
        "/api/v1/procedures",
        "/embed.js",
        "/sandbox/idp/authorize",
    ] {
        let page = app.get(uri).await;
        assert_eq!(ancestors(&page), "'none'", "{uri}");
        assert_eq!(page.headers["x-frame-options"], "DENY", "{uri}");
    }
}

#[tokio::test]
async fn the_embed_script_is_small_plain_javascript_that_trusts_only_its_own_frame() {
    let app = TestApp::new().await;
    let script = app.get("/embed.js").await;
    assert_eq!(script.status, StatusCode::OK);
    assert!(
        script.headers["content-type"]
            .to_str()
            .unwrap()
            .starts_with("text/javascript")
    );
    let text = script.json.as_str().expect("the script's text");
    assert!(text.contains("event.origin !== base || event.source !== frame.contentWindow"));
    assert!(!text.contains("'*'"), "never a wildcard target");
}

#[tokio::test]
async fn the_frame_learns_its_agency_only_for_a_registered_page() {
    let app = TestApp::new().await;
    let info = app
        .get("/api/v1/embeds/1.001193?parent=http://localhost:8081")
        .await;
    assert_eq!(info.status, StatusCode::OK);
    assert_eq!(info.json["agency_id"], "xa-demo");
    assert_eq!(info.json["agency_name"]["vi"], "UBND xã Demo");
    assert_eq!(info.json["parent_origin"], "http://localhost:8081");
    for uri in [
        "/api/v1/embeds/1.004194?parent=http://localhost:8081",
        "/api/v1/embeds/1.001193?parent=http://localhost:8082",
        "/api/v1/embeds/1.001193?parent=http://localhost:8081/",
    ] {
        let refused = app.get(uri).await;
        assert_eq!(refused.status, StatusCode::NOT_FOUND, "{uri}");
        assert_eq!(refused.json["error"], "embed_not_registered");
    }
}

#[tokio::test]
async fn a_sign_in_ticket_brings_the_popups_token_to_the_frame_once() {
    let app = TestApp::new().await;
    let opened = app.call("POST", "/api/v1/sign-in-tickets", "", None).await;
    assert_eq!(opened.status, StatusCode::CREATED);
    let id = opened.json["id"].as_str().unwrap().to_owned();
    let secret = opened.json["secret"].as_str().unwrap().to_owned();
    let redeem = format!("/api/v1/sign-in-tickets/{id}/redeem");

    let waiting = app
        .call("POST", &redeem, "", Some(json!({ "secret": secret })))
        .await;
    assert_eq!(waiting.status, StatusCode::ACCEPTED);
    let anonymous = app
        .call("PUT", &format!("/api/v1/sign-in-tickets/{id}"), "", None)
        .await;
    assert_eq!(anonymous.status, StatusCode::UNAUTHORIZED);

    let token = app.sign_in("lan").await;
    let ticket = format!("/api/v1/sign-in-tickets/{id}");
    let filled = app.call("PUT", &ticket, &token, None).await;
    assert_eq!(filled.status, StatusCode::NO_CONTENT);
    let again = app.call("PUT", &ticket, &token, None).await;
    assert_eq!(again.status, StatusCode::NOT_FOUND, "filled once");

    let wrong = app
        .call("POST", &redeem, "", Some(json!({ "secret": "guess" })))
        .await;
    assert_eq!(wrong.status, StatusCode::FORBIDDEN);
    assert_eq!(wrong.json["error"], "ticket_secret_wrong");
    let redeemed = app
        .call("POST", &redeem, "", Some(json!({ "secret": secret })))
        .await;
    assert_eq!(redeemed.status, StatusCode::OK);
    assert_eq!(redeemed.json["access_token"], token.as_str());
    assert_eq!(redeemed.headers["cache-control"], "no-store");
    let me = app
        .get_with_token(
            "/api/v1/me",
            redeemed.json["access_token"].as_str().unwrap(),
        )
        .await;
    assert_eq!(me.status, StatusCode::OK);
    let twice = app
        .call("POST", &redeem, "", Some(json!({ "secret": secret })))
        .await;
    assert_eq!(twice.status, StatusCode::NOT_FOUND, "redeemed once");
}

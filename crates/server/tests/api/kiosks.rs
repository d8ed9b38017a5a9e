//! Kiosks for residents without a phone: registered by an officer, recognised by their device
//! token, revoked.

use axum::http::StatusCode;
use serde_json::json;

use crate::helpers::{OFFICER, TestApp};

#[tokio::test]
async fn kiosks_are_registered_recognised_by_their_token_and_revoked() {
    let app = TestApp::new().await;
    let invalid = app
        .call(
            "POST",
            "/api/v1/kiosks",
            OFFICER,
            Some(json!({ "name": " ", "commune": "Xã A" })),
        )
        .await;
    assert_eq!(invalid.json["error"], "kiosk_invalid");
    let registered = app
        .call(
            "POST",
            "/api/v1/kiosks",
            OFFICER,
            Some(json!({ "name": "Máy 1", "commune": "Xã Mường Phăng" })),
        )
        .await;
    assert_eq!(
        registered.status,
        StatusCode::CREATED,
        "{}",
        registered.json
    );
    let token = registered.json["token"].as_str().unwrap().to_owned();
    let id = registered.json["id"].as_str().unwrap().to_owned();
    let list = app.call("GET", "/api/v1/kiosks", OFFICER, None).await;
    assert!(
        !list.json.to_string().contains(&token),
        "the token is shown once only"
    );

    let ask = |token: String| {
        let app = &app;
        async move {
            app.send(
                axum::http::Request::get("/api/v1/kiosk")
                    .header("x-kiosk-token", token)
                    .body(axum::body::Body::empty())
                    .unwrap(),
            )
            .await
        }
    };
    let me = ask(token.clone()).await;
    assert_eq!(
        (me.status, me.json["commune"].as_str()),
        (StatusCode::OK, Some("Xã Mường Phăng"))
    );
    assert_eq!(
        ask("kiosk-guess".into()).await.json["error"],
        "kiosk_token_wrong"
    );
    let revoked = app
        .call(
            "POST",
            &format!("/api/v1/kiosks/{id}/revoke"),
            OFFICER,
            Some(json!({})),
        )
        .await;
    assert_eq!(revoked.status, StatusCode::NO_CONTENT);
    assert_eq!(ask(token).await.status, StatusCode::FORBIDDEN);
}

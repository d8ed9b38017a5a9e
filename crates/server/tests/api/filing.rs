//! What the app needs while a citizen fills in a form and after filing: the page check, the
//! draft key, the receipt's QR code and its downloadable copy.

use axum::http::StatusCode;
use serde_json::json;

use crate::helpers::TestApp;

#[tokio::test]
async fn a_page_check_normalises_the_page_and_reports_only_its_problems() {
    let app = TestApp::new().await;
    let response = app
        .call(
            "POST",
            "/api/v1/procedures/1.001193/check",
            "",
            Some(json!({
                "answers": {
                    "requester.relation": "mother",
                    "child.circumstance": "normal",
                    "child.full_name": "  Trần   Ngọc Anh ",
                    "copies": "50"
                },
                "questions": ["child.full_name"]
            })),
        )
        .await;
    assert_eq!(response.status, StatusCode::OK, "{}", response.json);
    assert_eq!(
        response.json,
        json!({ "answers": { "child.full_name": "Trần Ngọc Anh" }, "errors": [] })
    );

    let response = app
        .call(
            "POST",
            "/api/v1/procedures/1.001193/check",
            "",
            Some(json!({
                "answers": { "copies": "50" },
                "questions": ["copies", "declaration"]
            })),
        )
        .await;
    assert_eq!(
        response.json["errors"],
        json!([
            { "field": "copies", "message_key": "answer.number" },
            { "field": "declaration", "message_key": "answer.confirm" }
        ])
    );

    let unknown = app
        .call(
            "POST",
            "/api/v1/procedures/9.999999/check",
            "",
            Some(json!({ "questions": [] })),
        )
        .await;
    assert_eq!(unknown.status, StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn the_draft_key_lasts_until_sign_out_and_is_never_shared() {
    let app = TestApp::new().await;
    let lan = app.sign_in("lan").await;
    let minh = app.sign_in("minh").await;
    let first = app.call("GET", "/api/v1/me/draft-key", &lan, None).await;
    assert_eq!(first.status, StatusCode::OK, "{}", first.json);
    let key = first.json["key"].as_str().unwrap().to_owned();
    assert_eq!(key.len(), 43, "32 bytes in base64url: {key}");
    assert_eq!(first.headers["cache-control"], "no-store");
    let again = app.call("GET", "/api/v1/me/draft-key", &lan, None).await;
    assert_eq!(
        again.json["key"],
        key.as_str(),
        "the same key while in force"
    );
    let other = app.call("GET", "/api/v1/me/draft-key", &minh, None).await;
    assert_ne!(other.json["key"], key.as_str());

    let gone = app.call("DELETE", "/api/v1/me/draft-key", &lan, None).await;
    assert_eq!(gone.status, StatusCode::NO_CONTENT);
    let fresh = app.call("GET", "/api/v1/me/draft-key", &lan, None).await;
    assert_ne!(
        fresh.json["key"],
        key.as_str(),
        "after sign-out the old drafts stay unreadable"
    );
    let anonymous = app.get("/api/v1/me/draft-key").await;
    assert_eq!(anonymous.status, StatusCode::UNAUTHORIZED);
}

#[tokio::test]
async fn the_receipt_has_a_qr_code_and_a_copy_to_keep_for_its_owner_only() {
    let app = TestApp::new().await;
    let lan = app.consenting("lan").await;
    let filed = app
        .file(&lan, Some("receipt-1"), &crate::dossiers::lan_birth())
        .await;
    assert_eq!(filed.status, StatusCode::CREATED, "{}", filed.json);
    let code = filed.json["code"].as_str().unwrap();

    let qr = app
        .call(
            "GET",
            &format!("/api/v1/dossiers/{code}/qr.svg"),
            &lan,
            None,
        )
        .await;
    assert_eq!(qr.status, StatusCode::OK);
    assert_eq!(qr.headers["content-type"], "image/svg+xml");
    let svg = qr.json.as_str().unwrap();
    assert!(svg.starts_with("<?xml") && svg.contains("<svg"), "{svg}");

    let copy = app
        .call(
            "GET",
            &format!("/api/v1/dossiers/{code}/receipt.html"),
            &lan,
            None,
        )
        .await;
    assert_eq!(copy.status, StatusCode::OK);
    assert!(
        copy.headers["content-disposition"]
            .to_str()
            .unwrap()
            .contains(&format!("phieu-tiep-nhan-{code}.html"))
    );
    let html = copy.json.as_str().unwrap();
    let appointment = filed.json["appointment_on"].as_str().unwrap();
    let (y, rest) = appointment.split_at(4);
    let day = format!("{}/{}/{y}", &rest[4..6], &rest[1..3]);
    for expected in [
        code,
        "Phiếu tiếp nhận hồ sơ và hẹn trả kết quả",
        "Đăng ký khai sinh",
        "Nguyễn Thị Lan",
        day.as_str(),
        "Miễn phí",
        "<svg",
        "Bản thử nghiệm",
    ] {
        assert!(
            html.contains(expected),
            "{expected:?} missing from the receipt"
        );
    }

    let listed = app.get("/api/v1/procedures").await;
    let count = |code: &str| {
        listed.json["items"]
            .as_array()
            .unwrap()
            .iter()
            .find(|p| p["code"] == code)
            .unwrap()["filed_recently"]
            .clone()
    };
    assert_eq!(
        count("1.001193"),
        1,
        "popular procedures count recent filings"
    );
    assert_eq!(count("1.000894"), 0);

    let minh = app.sign_in("minh").await;
    for path in ["qr.svg", "receipt.html"] {
        let other = app
            .call(
                "GET",
                &format!("/api/v1/dossiers/{code}/{path}"),
                &minh,
                None,
            )
            .await;
        assert_eq!(other.status, StatusCode::NOT_FOUND, "{path}");
    }
}

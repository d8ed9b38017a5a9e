use std::sync::Arc;

use axum::http::StatusCode;
use motlan_core::DossierCode;

use crate::helpers::TestApp;

const BIRTH: &str =
    r#"{"procedure_code":"1.001193","answers":{"child.full_name":"Nguyễn Văn An"}}"#;

#[tokio::test]
async fn submitting_a_dossier_returns_an_official_dossier_code() {
    let app = TestApp::new().await;
    let response = app.submit(Some("key-1"), BIRTH).await;
    assert_eq!(response.status, StatusCode::CREATED, "{}", response.json);
    let code: DossierCode = response.json["code"]
        .as_str()
        .unwrap()
        .parse()
        .expect("official format");
    assert_eq!(code.unit().as_str(), "000.00.20.H12");
    assert_eq!(code.sequence(), 1);
    assert_eq!(response.json["status"], "received");
    assert!(
        response.json["received_at"]
            .as_str()
            .unwrap()
            .ends_with("+07:00")
    );

    let stored = app.get(&format!("/api/v1/dossiers/{code}")).await;
    assert_eq!(stored.status, StatusCode::OK);
    assert_eq!(stored.json, response.json);
}

#[tokio::test]
async fn each_dossier_of_the_day_gets_the_next_sequence_number() {
    let app = TestApp::new().await;
    let first = app.submit(Some("a"), BIRTH).await.json["code"]
        .as_str()
        .unwrap()
        .to_owned();
    let second = app.submit(Some("b"), BIRTH).await.json["code"]
        .as_str()
        .unwrap()
        .to_owned();
    let first: DossierCode = first.parse().unwrap();
    let second: DossierCode = second.parse().unwrap();
    assert_eq!(second.sequence(), first.sequence() + 1);
}

#[tokio::test]
async fn submitting_twice_with_one_key_creates_one_dossier() {
    let app = TestApp::new().await;
    let first = app.submit(Some("same"), BIRTH).await;
    // The same body with other spacing is the same request.
    let again = app.submit(Some("same"), &BIRTH.replace(',', " , ")).await;
    assert_eq!(again.status, StatusCode::CREATED);
    assert_eq!(again.json, first.json);
    assert_eq!(app.state.storage.dossier_count().await.unwrap(), 1);
}

#[tokio::test]
async fn fifty_concurrent_submissions_with_one_key_create_one_dossier() {
    let app = Arc::new(TestApp::new().await);
    let tasks: Vec<_> = (0..50)
        .map(|_| {
            let app = Arc::clone(&app);
            tokio::spawn(async move { app.submit(Some("burst"), BIRTH).await })
        })
        .collect();
    let mut receipts = Vec::new();
    for task in tasks {
        let response = task.await.unwrap();
        match response.status {
            StatusCode::CREATED => receipts.push(response.json),
            StatusCode::CONFLICT => {
                assert_eq!(response.json["error"], "idempotency_key_in_flight");
                assert_eq!(response.headers["retry-after"], "1");
            }
            other => panic!("{other}: {}", response.json),
        }
    }
    assert!(!receipts.is_empty());
    assert!(
        receipts.windows(2).all(|w| w[0] == w[1]),
        "every caller answered gets the same receipt"
    );
    assert_eq!(app.state.storage.dossier_count().await.unwrap(), 1);
    // Once the first request is done, a retry is answered with the same receipt.
    let retry = app.submit(Some("burst"), BIRTH).await;
    assert_eq!(retry.status, StatusCode::CREATED);
    assert_eq!(retry.json, receipts[0]);
}

#[tokio::test]
async fn reusing_a_key_for_a_different_dossier_is_refused() {
    let app = TestApp::new().await;
    app.submit(Some("k"), BIRTH).await;
    let other = app
        .submit(Some("k"), r#"{"procedure_code":"1.001193","answers":{}}"#)
        .await;
    assert_eq!(other.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(other.json["error"], "idempotency_key_reused");
    assert_eq!(app.state.storage.dossier_count().await.unwrap(), 1);
}

#[tokio::test]
async fn a_submission_without_an_idempotency_key_is_a_400() {
    let app = TestApp::new().await;
    let response = app.submit(None, BIRTH).await;
    assert_eq!(response.status, StatusCode::BAD_REQUEST);
    assert_eq!(response.json["error"], "idempotency_key_missing");
    assert!(
        response.json["message"]["vi"]
            .as_str()
            .unwrap()
            .contains("Idempotency-Key")
    );
    let blank = app.submit(Some(""), BIRTH).await;
    assert_eq!(blank.json["error"], "idempotency_key_invalid");
}

#[tokio::test]
async fn an_unknown_procedure_is_named_as_the_invalid_field() {
    let app = TestApp::new().await;
    let response = app
        .submit(Some("x"), r#"{"procedure_code":"9.999999"}"#)
        .await;
    assert_eq!(response.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(response.json["fields"][0]["field"], "procedure_code");
    assert_eq!(
        response.json["fields"][0]["message_key"],
        "procedure_unknown"
    );
}

#[tokio::test]
async fn a_malformed_body_is_a_400_with_a_message_not_a_crash() {
    let app = TestApp::new().await;
    for body in [
        "",
        "{",
        "[]",
        r#"{"procedure_code":1}"#,
        r#"{"procedure_code":"1.001193","extra":1}"#,
    ] {
        let response = app.submit(Some("m"), body).await;
        assert_eq!(response.status, StatusCode::BAD_REQUEST, "{body}");
        assert_eq!(response.json["error"], "body_invalid", "{body}");
    }
    assert_eq!(app.state.storage.dossier_count().await.unwrap(), 0);
}

#[tokio::test]
async fn dossiers_survive_a_restart_of_the_server() {
    let app = TestApp::new().await;
    let response = app.submit(Some("r"), BIRTH).await;
    assert_eq!(response.status, StatusCode::CREATED);
    let code = response.json["code"].as_str().unwrap().to_owned();
    let app = app.restart().await;
    assert!(app.state.storage.dossier(&code).await.unwrap().is_some());
}

//! Dossier submission: idempotency, official codes, re-validation with the core rules, locked
//! values, documents, ownership, the timeline and withdrawal.

use std::sync::Arc;

use axum::body::Body;
use axum::http::{Request, StatusCode};
use serde_json::{Value, json};

use crate::helpers::{TestApp, TestResponse};

/// What Lan types for her newborn's birth registration; everything else comes from national data.
pub fn lan_birth() -> Value {
    json!({
        "procedure_code": "1.001193",
        "answers": {
            "requester.relation": "mother",
            "child.circumstance": "normal",
            "father.known": "yes",
            "child.full_name": "Trần Ngọc Anh",
            "copies": "1",
            "declaration": "yes"
        }
    })
}

impl TestApp {
    /// `POST /api/v1/dossiers` as `token`, with the given idempotency key (or none).
    pub async fn file(&self, token: &str, key: Option<&str>, body: &Value) -> TestResponse {
        let mut request = Request::post("/api/v1/dossiers")
            .header("content-type", "application/json")
            .header("authorization", format!("Bearer {token}"));
        if let Some(key) = key {
            request = request.header("idempotency-key", key);
        }
        self.send(request.body(Body::from(body.to_string())).expect("request"))
            .await
    }

    /// A signed-in citizen who consented to every purpose.
    pub async fn consenting(&self, citizen: &str) -> String {
        let token = self.sign_in(citizen).await;
        self.consent(&token, &["identity", "civil_status", "papers"])
            .await;
        token
    }
}

fn today_vietnam() -> time::Date {
    (time::OffsetDateTime::now_utc() + time::Duration::hours(7)).date()
}

#[tokio::test]
async fn a_mother_files_a_birth_registration_typing_only_what_no_database_holds() {
    let app = TestApp::new().await;
    let lan = app.consenting("lan").await;
    let response = app.file(&lan, Some("k1"), &lan_birth()).await;
    assert_eq!(response.status, StatusCode::CREATED, "{}", response.json);
    let code = response.json["code"].as_str().unwrap();
    let today = today_vietnam();
    let date = format!(
        "{:02}{:02}{:02}",
        today.year() % 100,
        u8::from(today.month()),
        today.day()
    );
    assert_eq!(code, format!("000.00.20.H12-{date}-0001"));
    assert_eq!(response.json["status"], "received");
    assert_eq!(response.json["fee"], 0);
    let calendar = motlan_core::validate::HolidayCalendar::embedded();
    assert_eq!(
        response.json["appointment_on"],
        calendar.add_working_days(today, 1).to_string()
    );

    let detail = app
        .call("GET", &format!("/api/v1/dossiers/{code}"), &lan, None)
        .await;
    assert_eq!(detail.status, StatusCode::OK);
    assert_eq!(
        detail.json["answers"]["requester.full_name"],
        "Nguyễn Thị Lan"
    );
    assert_eq!(detail.json["answers"]["father.full_name"], "Trần Văn Minh");
    assert_eq!(detail.json["answers"]["child.date_of_birth"], "20/11/2026");
    let notice = detail.json["documents"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["document"] == "birth_notice")
        .unwrap();
    assert!(notice["resolution"]["held"].is_object(), "{notice}");
    assert_eq!(detail.json["events"][0]["status"], "received");
    assert!(
        detail.json["events"][0]["note"]["vi"]
            .as_str()
            .unwrap()
            .contains("Ngày hẹn trả kết quả")
    );

    let receipt = app.call("GET", "/api/v1/me/data-use", &lan, None).await;
    assert!(
        receipt.json["items"]
            .as_array()
            .unwrap()
            .iter()
            .any(|e| e["dossier_code"] == code)
    );
}

#[tokio::test]
async fn each_dossier_of_the_day_gets_the_next_sequence_number() {
    let app = TestApp::new().await;
    let lan = app.consenting("lan").await;
    let first = app.file(&lan, Some("a"), &lan_birth()).await;
    let second = app.file(&lan, Some("b"), &lan_birth()).await;
    assert!(first.json["code"].as_str().unwrap().ends_with("-0001"));
    assert!(second.json["code"].as_str().unwrap().ends_with("-0002"));
}

#[tokio::test]
async fn submitting_twice_with_one_key_creates_one_dossier() {
    let app = TestApp::new().await;
    let lan = app.consenting("lan").await;
    let first = app.file(&lan, Some("same"), &lan_birth()).await;
    let again = app.file(&lan, Some("same"), &lan_birth()).await;
    assert_eq!(again.status, StatusCode::CREATED);
    assert_eq!(first.json, again.json);
    assert_eq!(app.state.storage.dossier_count().await.unwrap(), 1);
}

#[tokio::test]
async fn fifty_concurrent_submissions_with_one_key_create_one_dossier() {
    let app = Arc::new(TestApp::new().await);
    let lan = Arc::new(app.consenting("lan").await);
    let tasks: Vec<_> = (0..50)
        .map(|_| {
            let (app, lan) = (Arc::clone(&app), Arc::clone(&lan));
            tokio::spawn(async move { app.file(&lan, Some("burst"), &lan_birth()).await })
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
    let retry = app.file(&lan, Some("burst"), &lan_birth()).await;
    assert_eq!(retry.status, StatusCode::CREATED);
    assert_eq!(retry.json, receipts[0]);
}

#[tokio::test]
async fn reusing_a_key_for_a_different_dossier_is_refused() {
    let app = TestApp::new().await;
    let lan = app.consenting("lan").await;
    app.file(&lan, Some("k"), &lan_birth()).await;
    let mut other = lan_birth();
    other["answers"]["copies"] = json!("3");
    let response = app.file(&lan, Some("k"), &other).await;
    assert_eq!(response.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(response.json["error"], "idempotency_key_reused");
    assert_eq!(app.state.storage.dossier_count().await.unwrap(), 1);
}

#[tokio::test]
async fn a_submission_needs_a_key_and_a_signed_in_citizen() {
    let app = TestApp::new().await;
    let lan = app.consenting("lan").await;
    let response = app.file(&lan, None, &lan_birth()).await;
    assert_eq!(response.status, StatusCode::BAD_REQUEST);
    assert_eq!(response.json["error"], "idempotency_key_missing");
    assert!(
        response.json["message"]["vi"]
            .as_str()
            .unwrap()
            .contains("Idempotency-Key")
    );
    let anonymous = app
        .send(
            Request::post("/api/v1/dossiers")
                .header("idempotency-key", "x")
                .header("content-type", "application/json")
                .body(Body::from(lan_birth().to_string()))
                .unwrap(),
        )
        .await;
    assert_eq!(anonymous.status, StatusCode::UNAUTHORIZED);
    assert_eq!(app.state.storage.dossier_count().await.unwrap(), 0);
}

#[tokio::test]
async fn an_unknown_procedure_and_a_malformed_body_are_explained() {
    let app = TestApp::new().await;
    let lan = app.consenting("lan").await;
    let unknown = app
        .file(
            &lan,
            Some("u"),
            &json!({ "procedure_code": "9.999999", "answers": {} }),
        )
        .await;
    assert_eq!(unknown.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(unknown.json["fields"][0]["field"], "procedure_code");
    assert_eq!(
        unknown.json["fields"][0]["message_key"],
        "procedure_unknown"
    );
    let malformed = app
        .file(&lan, Some("m"), &json!({ "procedure": "1.001193" }))
        .await;
    assert_eq!(malformed.status, StatusCode::BAD_REQUEST);
    assert_eq!(malformed.json["error"], "body_invalid");
    assert_eq!(app.state.storage.dossier_count().await.unwrap(), 0);
}

#[tokio::test]
async fn every_invalid_answer_is_reported_at_once_and_nothing_is_stored() {
    let app = TestApp::new().await;
    let lan = app.consenting("lan").await;
    let mut body = lan_birth();
    body["answers"]["child.full_name"] = json!("Ngọc Anh 2");
    body["answers"]["copies"] = json!("many");
    body["answers"]
        .as_object_mut()
        .unwrap()
        .remove("declaration");
    let response = app.file(&lan, Some("bad"), &body).await;
    assert_eq!(
        response.status,
        StatusCode::UNPROCESSABLE_ENTITY,
        "{}",
        response.json
    );
    let fields: Vec<(&str, &str)> = response.json["fields"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            (
                f["field"].as_str().unwrap(),
                f["message_key"].as_str().unwrap(),
            )
        })
        .collect();
    for expected in [
        ("child.full_name", "name.characters"),
        ("copies", "answer.number"),
        ("declaration", "answer.confirm"),
    ] {
        assert!(fields.contains(&expected), "{expected:?} not in {fields:?}");
    }
    assert_eq!(app.state.storage.dossier_count().await.unwrap(), 0);
    // The key was not spent on a refused request: corrected, it files.
    let fixed = app.file(&lan, Some("bad"), &lan_birth()).await;
    assert_eq!(fixed.status, StatusCode::CREATED, "{}", fixed.json);
}

#[tokio::test]
async fn changing_a_locked_value_from_the_population_database_is_refused() {
    let app = TestApp::new().await;
    let lan = app.consenting("lan").await;
    let mut body = lan_birth();
    body["answers"]["requester.full_name"] = json!("Nguyễn Thị Lành");
    body["answers"]["child.date_of_birth"] = json!("20/11/2026");
    let response = app.file(&lan, Some("t"), &body).await;
    assert_eq!(response.status, StatusCode::UNPROCESSABLE_ENTITY);
    let fields = response.json["fields"].as_array().unwrap();
    assert_eq!(fields.len(), 1, "{fields:?}");
    assert_eq!(fields[0]["field"], "requester.full_name");
    assert_eq!(fields[0]["message_key"], "prefill.locked_changed");
}

#[tokio::test]
async fn a_document_no_database_holds_must_be_uploaded_and_a_held_one_never() {
    let app = TestApp::new().await;
    let huy = app.consenting("huy").await;
    let body = json!({
        "procedure_code": "1.001193",
        "answers": {
            "requester.relation": "father",
            "child.circumstance": "normal",
            "father.known": "yes",
            "child.full_name": "Phạm Minh Khang",
            "child.date_of_birth": "01/11/2026",
            "child.sex": "male",
            "child.place_of_birth": "Bệnh viện Đà Nẵng",
            "mother.full_name": "Lê Thị Hồng",
            "mother.birth_year": "2006",
            "mother.ethnicity": "Kinh",
            "mother.nationality": "Việt Nam",
            "mother.residence.province": "48",
            "mother.residence.ward": "20242",
            "mother.residence.street": "Số 7 đường Lê Duẩn",
            "copies": "0",
            "declaration": "yes"
        }
    });
    let missing = app.file(&huy, Some("d1"), &body).await;
    assert_eq!(
        missing.status,
        StatusCode::UNPROCESSABLE_ENTITY,
        "{}",
        missing.json
    );
    assert_eq!(
        missing.json["fields"],
        json!([{ "field": "documents.birth_notice", "message_key": "document.missing" }])
    );

    let pdf = app
        .upload(&huy, b"%PDF-1.7\n% giay chung sinh\n".to_vec())
        .await;
    let mut with_file = body.clone();
    with_file["attachments"] = json!({ "birth_notice": [pdf] });
    let filed = app.file(&huy, Some("d2"), &with_file).await;
    assert_eq!(filed.status, StatusCode::CREATED, "{}", filed.json);

    let mut someone_elses = body.clone();
    let lan = app.consenting("lan").await;
    let lans_file = app.upload(&lan, b"%PDF-1.4 lan".to_vec()).await;
    someone_elses["attachments"] = json!({ "birth_notice": [lans_file], "no_such_paper": [] });
    let refused = app.file(&huy, Some("d3"), &someone_elses).await;
    let fields = refused.json["fields"].as_array().unwrap();
    assert!(fields.contains(
        &json!({ "field": "documents.birth_notice", "message_key": "document.attachment_unknown" })
    ));
    assert!(fields.contains(
        &json!({ "field": "documents.no_such_paper", "message_key": "document.unknown" })
    ));
}

#[tokio::test]
async fn citizens_see_only_their_own_dossiers() {
    let app = TestApp::new().await;
    let lan = app.consenting("lan").await;
    let minh = app.consenting("minh").await;
    let code = app.file(&lan, Some("own"), &lan_birth()).await.json["code"]
        .as_str()
        .unwrap()
        .to_owned();
    let theirs = app
        .call("GET", &format!("/api/v1/dossiers/{code}"), &minh, None)
        .await;
    assert_eq!(theirs.status, StatusCode::NOT_FOUND);
    assert_eq!(
        app.call("GET", "/api/v1/me/dossiers", &minh, None)
            .await
            .json["items"],
        json!([])
    );
    let mine = app.call("GET", "/api/v1/me/dossiers", &lan, None).await;
    assert_eq!(mine.json["items"][0]["code"], code);
    assert_eq!(
        app.get(&format!("/api/v1/dossiers/{code}")).await.status,
        StatusCode::UNAUTHORIZED
    );
    let withdraw = app
        .call(
            "POST",
            &format!("/api/v1/dossiers/{code}/withdraw"),
            &minh,
            None,
        )
        .await;
    assert_eq!(withdraw.status, StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn a_citizen_can_withdraw_a_dossier_once() {
    let app = TestApp::new().await;
    let lan = app.consenting("lan").await;
    let code = app.file(&lan, Some("w"), &lan_birth()).await.json["code"]
        .as_str()
        .unwrap()
        .to_owned();
    let withdrawn = app
        .call(
            "POST",
            &format!("/api/v1/dossiers/{code}/withdraw"),
            &lan,
            None,
        )
        .await;
    assert_eq!(withdrawn.status, StatusCode::OK, "{}", withdrawn.json);
    assert_eq!(withdrawn.json["status"], "withdrawn");
    let events: Vec<&str> = withdrawn.json["events"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["status"].as_str().unwrap())
        .collect();
    assert_eq!(events, ["received", "withdrawn"]);
    let again = app
        .call(
            "POST",
            &format!("/api/v1/dossiers/{code}/withdraw"),
            &lan,
            None,
        )
        .await;
    assert_eq!(again.status, StatusCode::CONFLICT);
    assert_eq!(again.json["error"], "dossier_not_withdrawable");
}

#[tokio::test]
async fn dossiers_survive_a_restart_of_the_server() {
    let app = TestApp::new().await;
    let lan = app.consenting("lan").await;
    let code = app.file(&lan, Some("r"), &lan_birth()).await.json["code"]
        .as_str()
        .unwrap()
        .to_owned();
    let app = app.restart().await;
    assert!(app.state.storage.dossier(&code).await.unwrap().is_some());
    let lan = app.sign_in("lan").await;
    let detail = app
        .call("GET", &format!("/api/v1/dossiers/{code}"), &lan, None)
        .await;
    assert_eq!(detail.status, StatusCode::OK);
}

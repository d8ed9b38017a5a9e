//! Consent per purpose, pre-filling from national data within it, and the data-use receipt.

use axum::body::Body;
use axum::http::{Request, StatusCode};
use serde_json::{Value, json};

use crate::helpers::{TestApp, TestResponse};

impl TestApp {
    pub async fn call(
        &self,
        method: &str,
        uri: &str,
        token: &str,
        body: Option<Value>,
    ) -> TestResponse {
        let request = Request::builder()
            .method(method)
            .uri(uri)
            .header("authorization", format!("Bearer {token}"))
            .header("content-type", "application/json");
        let body = body.map_or_else(Body::empty, |b| Body::from(b.to_string()));
        self.send(request.body(body).expect("request")).await
    }

    pub async fn consent(&self, token: &str, purposes: &[&str]) {
        for purpose in purposes {
            let response = self
                .call(
                    "PUT",
                    &format!("/api/v1/me/consents/{purpose}"),
                    token,
                    Some(json!({ "text_version": "2026-11-30" })),
                )
                .await;
            assert_eq!(response.status, StatusCode::OK, "{}", response.json);
        }
    }

    pub async fn prefill(&self, token: &str, procedure: &str, answers: Value) -> TestResponse {
        self.call(
            "POST",
            "/api/v1/me/prefill",
            token,
            Some(json!({ "procedure_code": procedure, "answers": answers })),
        )
        .await
    }
}

fn value<'a>(response: &'a TestResponse, key: &str) -> Option<&'a Value> {
    response.json["prefilled"]
        .as_array()?
        .iter()
        .find(|p| p["key"] == key)
}

fn document<'a>(response: &'a TestResponse, id: &str) -> &'a Value {
    response.json["documents"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["document"] == id)
        .unwrap_or_else(|| panic!("{id}"))
}

const BIRTH_CASE: &str =
    r#"{"requester.relation": "mother", "child.circumstance": "normal", "father.known": "yes"}"#;

#[tokio::test]
async fn the_consent_texts_say_what_is_read_and_why() {
    let app = TestApp::new().await;
    let texts = app.get("/api/v1/consent-purposes").await;
    let purposes: Vec<&str> = texts
        .json
        .as_array()
        .unwrap()
        .iter()
        .map(|t| t["purpose"].as_str().unwrap())
        .collect();
    assert_eq!(purposes, ["identity", "civil_status", "papers"]);
    for t in texts.json.as_array().unwrap() {
        assert_eq!(t["version"], "2026-11-30");
        for field in ["title", "data", "why"] {
            assert!(
                !t[field]["vi"].as_str().unwrap().is_empty()
                    && !t[field]["en"].as_str().unwrap().is_empty()
            );
        }
    }
}

#[tokio::test]
async fn without_consent_no_national_data_is_read() {
    let app = TestApp::new().await;
    let token = app.sign_in("lan").await;
    let response = app
        .prefill(
            &token,
            "1.001193",
            serde_json::from_str(BIRTH_CASE).unwrap(),
        )
        .await;
    assert_eq!(response.status, StatusCode::OK, "{}", response.json);
    assert_eq!(response.json["prefilled"], json!([]));
    assert_eq!(
        response.json["missing_consents"],
        json!(["identity", "civil_status", "papers"])
    );
    assert_eq!(document(&response, "birth_notice")["resolution"], "upload");
    let receipt = app.call("GET", "/api/v1/me/data-use", &token, None).await;
    assert_eq!(receipt.json["items"], json!([]));
}

#[tokio::test]
async fn each_purpose_opens_only_its_own_sources_and_every_read_is_receipted() {
    let app = TestApp::new().await;
    let token = app.sign_in("lan").await;
    app.consent(&token, &["identity"]).await;
    let answers: Value = serde_json::from_str(BIRTH_CASE).unwrap();
    let response = app.prefill(&token, "1.001193", answers.clone()).await;
    let name = value(&response, "requester.full_name").expect("pre-filled");
    assert_eq!(name["value"], "Nguyễn Thị Lan");
    assert_eq!(name["locked"], true);
    assert_eq!(name["provenance"]["source"], "population_db");
    assert_eq!(
        value(&response, "father.full_name").unwrap()["value"],
        "Trần Văn Minh"
    );
    assert!(
        value(&response, "child.date_of_birth").is_none(),
        "the birth notice needs civil_status consent"
    );
    assert_eq!(document(&response, "birth_notice")["resolution"], "upload");
    assert!(document(&response, "identity_paper")["resolution"]["held"].is_object());
    assert_eq!(
        response.json["missing_consents"],
        json!(["civil_status", "papers"])
    );

    app.consent(&token, &["civil_status"]).await;
    let response = app.prefill(&token, "1.001193", answers).await;
    assert_eq!(
        value(&response, "child.date_of_birth").unwrap()["value"],
        "20/11/2026"
    );
    let notice = document(&response, "birth_notice");
    let held = &notice["resolution"]["held"];
    assert_eq!(held["source"], "health_facility", "{notice}");
    assert_eq!(held["basis"], "87/2020/NĐ-CP");

    let receipt = app.call("GET", "/api/v1/me/data-use", &token, None).await;
    let entries = receipt.json["items"].as_array().unwrap();
    assert!(entries.iter().all(|e| e["procedure_code"] == "1.001193"));
    let population = entries
        .iter()
        .filter(|e| e["source"] == "population_db")
        .count();
    assert_eq!(population, 2, "one entry per source per reading");
    let health = entries
        .iter()
        .find(|e| e["source"] == "health_facility")
        .expect("the birth notice read");
    assert_eq!(health["purpose"], "civil_status");
    assert!(
        health["fields"]
            .as_array()
            .unwrap()
            .contains(&json!("birth_notice.date_of_birth"))
    );
    assert!(entries.iter().any(|e| {
        e["fields"]
            .as_array()
            .unwrap()
            .contains(&json!("population.full_name"))
    }));
}

#[tokio::test]
async fn withdrawing_consent_stops_the_reading_and_receipts_stay_private() {
    let app = TestApp::new().await;
    let lan = app.sign_in("lan").await;
    app.consent(&lan, &["identity"]).await;
    let consents = app.call("GET", "/api/v1/me/consents", &lan, None).await;
    assert_eq!(consents.json[0]["purpose"], "identity");
    app.prefill(&lan, "1.004873", json!({})).await;

    let withdrawn = app
        .call("DELETE", "/api/v1/me/consents/identity", &lan, None)
        .await;
    assert_eq!(withdrawn.status, StatusCode::NO_CONTENT);
    let after = app.prefill(&lan, "1.004873", json!({})).await;
    assert_eq!(after.json["prefilled"], json!([]));
    assert_eq!(
        app.call("GET", "/api/v1/me/consents", &lan, None)
            .await
            .json,
        json!([])
    );

    let minh = app.sign_in("minh").await;
    assert_eq!(
        app.call("GET", "/api/v1/me/data-use", &minh, None)
            .await
            .json["items"],
        json!([])
    );
    assert_eq!(
        app.call("GET", "/api/v1/me/data-use", &lan, None)
            .await
            .json["items"]
            .as_array()
            .unwrap()
            .len(),
        1
    );
    assert_eq!(
        app.get("/api/v1/me/data-use").await.status,
        StatusCode::UNAUTHORIZED
    );
}

#[tokio::test]
async fn an_outdated_text_or_unknown_purpose_is_refused_clearly() {
    let app = TestApp::new().await;
    let token = app.sign_in("huy").await;
    let old = app
        .call(
            "PUT",
            "/api/v1/me/consents/identity",
            &token,
            Some(json!({ "text_version": "2020-01" })),
        )
        .await;
    assert_eq!(old.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(old.json["error"], "consent_text_outdated");
    let unknown = app
        .call(
            "PUT",
            "/api/v1/me/consents/marketing",
            &token,
            Some(json!({ "text_version": "2026-11-30" })),
        )
        .await;
    assert_eq!(unknown.status, StatusCode::NOT_FOUND);
    let malformed = app
        .call(
            "PUT",
            "/api/v1/me/consents/identity",
            &token,
            Some(json!({ "version": 1 })),
        )
        .await;
    assert_eq!(malformed.status, StatusCode::BAD_REQUEST);
    assert_eq!(malformed.json["error"], "body_invalid");
    assert!(
        malformed.json["message"]["vi"]
            .as_str()
            .unwrap()
            .starts_with("Nội dung yêu cầu")
    );
}

#[tokio::test]
async fn national_data_is_shown_within_the_consents_and_the_read_is_receipted() {
    let app = TestApp::new().await;
    let token = app.sign_in("hhen").await;
    let none = app
        .call("GET", "/api/v1/me/national-data", &token, None)
        .await;
    assert_eq!(none.status, StatusCode::OK);
    assert_eq!(none.json, Value::Null);
    app.consent(&token, &["identity"]).await;
    let data = app
        .call("GET", "/api/v1/me/national-data", &token, None)
        .await;
    assert_eq!(data.json["population"]["full_name"], "H'Hen Niê");
    assert_eq!(
        data.json["civil_status"],
        json!([]),
        "civil status needs its own consent"
    );
    assert_eq!(data.json["vneid_papers"], json!([]));
    app.consent(&token, &["papers"]).await;
    let data = app
        .call("GET", "/api/v1/me/national-data", &token, None)
        .await;
    assert_eq!(data.json["vneid_papers"][0]["kind"], "driving_licence");
    let receipt = app.call("GET", "/api/v1/me/data-use", &token, None).await;
    let sources: Vec<&str> = receipt.json["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["source"].as_str().unwrap())
        .collect();
    assert!(
        sources.contains(&"population_db") && sources.contains(&"vneid"),
        "{sources:?}"
    );
}

//! After filing: the officer sandbox moves dossiers; supplements reopen only the named items;
//! fees are paid (sandbox); finished dossiers are rated; results land in the data warehouse and
//! are reused by the next procedure.

use axum::body::Body;
use axum::http::{Request, StatusCode};
use serde_json::{Value, json};

use crate::helpers::{OFFICER, TestApp, TestResponse};

impl TestApp {
    /// A call to the officer sandbox: GET without a body, POST with one (`{}` when it needs none).
    pub async fn officer(&self, path: &str, body: Option<Value>) -> TestResponse {
        let method = if body.is_some() { "POST" } else { "GET" };
        let request = Request::builder()
            .method(method)
            .uri(format!("/api/v1/officer{path}"))
            .header("authorization", format!("Bearer {OFFICER}"))
            .header("content-type", "application/json");
        self.send(
            request
                .body(body.map_or_else(Body::empty, |b| Body::from(b.to_string())))
                .unwrap(),
        )
        .await
    }
}

pub(crate) fn lan_birth() -> Value {
    json!({
        "procedure_code": "1.001193",
        "answers": {
            "requester.relation": "mother", "child.circumstance": "normal", "father.known": "yes",
            "child.full_name": "Trần Ngọc Anh", "copies": "1", "declaration": "yes"
        }
    })
}

pub(crate) fn hhen_judicial_record() -> Value {
    json!({
        "procedure_code": "3.000333",
        "answers": {
            "history": "2008-2012: Buôn Ma Thuột, học sinh\n2012-nay: Buôn Ma Thuột, giáo viên",
            "record_type": "1", "ban_info": "no", "purpose": "Bổ sung hồ sơ xin việc",
            "copies": "1", "fee_reduction": "none", "declaration": "yes",
            "previous_residence_moved": "no"
        }
    })
}

/// Files `body` under a key no other filing in the test process uses.
pub(crate) async fn filed(app: &TestApp, token: &str, body: &Value) -> String {
    static NEXT: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(0);
    let key = format!(
        "filed-{}",
        NEXT.fetch_add(1, std::sync::atomic::Ordering::Relaxed)
    );
    let response = app.file(token, Some(&key), body).await;
    assert_eq!(response.status, StatusCode::CREATED, "{}", response.json);
    response.json["code"].as_str().unwrap().to_owned()
}

#[tokio::test]
async fn the_officer_sandbox_needs_its_token() {
    let off = TestApp::configured(|_, config| config.officer_token = None).await;
    assert_eq!(
        off.officer("/dossiers", None).await.status,
        StatusCode::FORBIDDEN
    );
    let app = TestApp::new().await;
    let wrong = app.get_with_token("/api/v1/officer/dossiers", "nope").await;
    assert_eq!(wrong.status, StatusCode::UNAUTHORIZED);
    assert_eq!(wrong.json["error"], "officer_token_invalid");
    let citizen = app.sign_in("lan").await;
    assert_eq!(
        app.get_with_token("/api/v1/officer/dossiers", &citizen)
            .await
            .status,
        StatusCode::UNAUTHORIZED
    );
}

#[tokio::test]
async fn a_supplement_request_reopens_only_the_items_the_officer_named() {
    let app = TestApp::new().await;
    let lan = app.consenting("lan").await;
    let code = filed(&app, &lan, &lan_birth()).await;
    assert_eq!(
        app.officer(&format!("/dossiers/{code}/process"), Some(json!({})))
            .await
            .json["status"],
        "in_processing"
    );
    let bad = app
        .officer(
            &format!("/dossiers/{code}/supplement-request"),
            Some(json!({ "items": [{ "kind": "answer", "id": "child.nickname" }], "note": { "vi": "x", "en": "x" } })),
        )
        .await;
    assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY);
    let asked = app
        .officer(
            &format!("/dossiers/{code}/supplement-request"),
            Some(json!({
                "items": [{ "kind": "answer", "id": "child.full_name" }],
                "note": { "vi": "Tên của trẻ viết sai chính tả.", "en": "The child's name is misspelt." }
            })),
        )
        .await;
    assert_eq!(
        asked.json["status"], "supplement_requested",
        "{}",
        asked.json
    );

    let detail = app
        .call("GET", &format!("/api/v1/dossiers/{code}"), &lan, None)
        .await;
    assert_eq!(
        detail.json["supplement"]["items"],
        json!([{ "kind": "answer", "id": "child.full_name" }])
    );

    let too_much = app
        .call(
            "POST",
            &format!("/api/v1/dossiers/{code}/supplement"),
            &lan,
            Some(json!({ "answers": { "child.full_name": "Trần Ngọc Ánh", "copies": "3" } })),
        )
        .await;
    assert_eq!(too_much.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(
        too_much.json["fields"],
        json!([{ "field": "copies", "message_key": "supplement.not_requested" }])
    );
    let nothing = app
        .call(
            "POST",
            &format!("/api/v1/dossiers/{code}/supplement"),
            &lan,
            Some(json!({})),
        )
        .await;
    assert_eq!(
        nothing.json["fields"][0]["message_key"],
        "supplement.missing"
    );

    let answered = app
        .call(
            "POST",
            &format!("/api/v1/dossiers/{code}/supplement"),
            &lan,
            Some(json!({ "answers": { "child.full_name": "Trần Ngọc Ánh" } })),
        )
        .await;
    assert_eq!(answered.status, StatusCode::OK, "{}", answered.json);
    assert_eq!(answered.json["status"], "in_processing");
    assert_eq!(answered.json["answers"]["child.full_name"], "Trần Ngọc Ánh");
    assert_eq!(
        answered.json["answers"]["copies"], "1",
        "the rest stays as filed"
    );
    assert!(answered.json.get("supplement").is_none());
    let steps: Vec<&str> = answered.json["events"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["status"].as_str().unwrap())
        .collect();
    assert_eq!(
        steps,
        [
            "received",
            "in_processing",
            "supplement_requested",
            "in_processing"
        ]
    );
    let again = app
        .call(
            "POST",
            &format!("/api/v1/dossiers/{code}/supplement"),
            &lan,
            Some(json!({ "answers": { "child.full_name": "X" } })),
        )
        .await;
    assert_eq!(again.status, StatusCode::CONFLICT);
}

#[tokio::test]
async fn a_result_goes_to_the_warehouse_is_rated_once_and_is_reused_next_time() {
    let app = TestApp::new().await;
    let hhen = app.consenting("hhen").await;
    let first = json!({
        "procedure_code": "1.004873",
        "answers": { "marital_status": "single", "purpose": "Vay vốn ngân hàng", "previous_certificate": "no", "declaration": "yes" }
    });
    let code = filed(&app, &hhen, &first).await;
    let early = app
        .call(
            "POST",
            &format!("/api/v1/dossiers/{code}/rating"),
            &hhen,
            Some(json!({ "score": 5 })),
        )
        .await;
    assert_eq!(early.json["error"], "not_ratable");

    let done = app
        .officer(
            &format!("/dossiers/{code}/result"),
            Some(json!({ "title": "Giấy xác nhận tình trạng hôn nhân", "kind": "marital_status_certificate" })),
        )
        .await;
    assert_eq!(done.json["status"], "result_ready", "{}", done.json);
    assert_eq!(
        app.officer(&format!("/dossiers/{code}/process"), Some(json!({})))
            .await
            .status,
        StatusCode::CONFLICT
    );

    let out_of_range = app
        .call(
            "POST",
            &format!("/api/v1/dossiers/{code}/rating"),
            &hhen,
            Some(json!({ "score": 7 })),
        )
        .await;
    assert_eq!(
        out_of_range.json["fields"][0]["message_key"],
        "rating.score"
    );
    let rated = app
        .call(
            "POST",
            &format!("/api/v1/dossiers/{code}/rating"),
            &hhen,
            Some(json!({ "score": 5, "feedback": " Nhanh, không phải đi lại. " })),
        )
        .await;
    assert_eq!(rated.status, StatusCode::CREATED);
    assert_eq!(rated.json["feedback"], "Nhanh, không phải đi lại.");
    let twice = app
        .call(
            "POST",
            &format!("/api/v1/dossiers/{code}/rating"),
            &hhen,
            Some(json!({ "score": 1 })),
        )
        .await;
    assert_eq!(twice.status, StatusCode::CONFLICT);

    // Asking again for another purpose: the earlier certificate is already in the warehouse.
    let reading = app
        .prefill(
            &hhen,
            "1.004873",
            json!({ "marital_status": "single", "previous_certificate": "yes" }),
        )
        .await;
    let previous = reading.json["documents"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["document"] == "previous_certificate")
        .unwrap();
    let held = &previous["resolution"]["held"];
    assert_eq!(held["source"], "data_warehouse", "{previous}");
    assert_eq!(held["record_id"], format!("KQ-{code}"));
}

#[tokio::test]
async fn a_rejection_gives_its_reason_in_the_timeline() {
    let app = TestApp::new().await;
    let lan = app.consenting("lan").await;
    let code = filed(&app, &lan, &lan_birth()).await;
    let no_reason = app
        .officer(
            &format!("/dossiers/{code}/reject"),
            Some(json!({ "reason": { "vi": " ", "en": "" } })),
        )
        .await;
    assert_eq!(no_reason.status, StatusCode::UNPROCESSABLE_ENTITY);
    let rejected = app
        .officer(
            &format!("/dossiers/{code}/reject"),
            Some(json!({ "reason": { "vi": "Trẻ đã được đăng ký khai sinh.", "en": "The child's birth is already registered." } })),
        )
        .await;
    assert_eq!(rejected.json["status"], "rejected");
    let detail = app
        .call("GET", &format!("/api/v1/dossiers/{code}"), &lan, None)
        .await;
    let last = detail.json["events"]
        .as_array()
        .unwrap()
        .last()
        .unwrap()
        .clone();
    assert_eq!(last["status"], "rejected");
    assert!(
        last["note"]["vi"]
            .as_str()
            .unwrap()
            .contains("đã được đăng ký khai sinh")
    );
    let listed = app.officer("/dossiers?status=rejected", None).await;
    assert_eq!(listed.json["items"][0]["code"], code);
}

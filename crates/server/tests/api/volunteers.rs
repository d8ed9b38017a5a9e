//! Volunteer-assisted filing: the registry, a help session from offer to filing, what the
//! volunteer's device receives (never the resident's data), single use, binding to the resident,
//! the hourly limit, expiry, and the youth-union report with small counts hidden.

use axum::http::StatusCode;
use serde_json::{Value, json};

use crate::dossiers::lan_birth;
use crate::helpers::{OFFICER, TestApp, TestResponse};

/// Lan's name, ID number and address: none may appear in anything the volunteer receives.
const CANARIES: [&str; 3] = ["Nguyễn Thị Lan", "001197004321", "Đội Cấn"];

fn assert_no_resident_data(response: &TestResponse) {
    let text = response.json.to_string();
    for canary in CANARIES {
        assert!(
            !text.contains(canary),
            "{canary} leaked to the volunteer: {text}"
        );
    }
}

impl TestApp {
    async fn open_help(&self, token: &str, procedure: Option<&str>) -> TestResponse {
        let body = match procedure {
            Some(p) => json!({ "procedure_code": p }),
            None => json!({}),
        };
        self.call("POST", "/api/v1/help-sessions", token, Some(body))
            .await
    }

    async fn answer_help(&self, code: &str, answer: &str) -> TestResponse {
        self.call(
            "POST",
            &format!("/api/v1/help-offers/{code}"),
            "",
            Some(json!({ "answer": answer })),
        )
        .await
    }
}

fn progress(key: &str, step: &str, errors: &[&str]) -> Value {
    json!({
        "key": key,
        "progress": {
            "procedure_code": "1.001193", "step": step, "step_number": 3, "step_count": 9,
            "question_errors": errors, "documents_remaining": []
        }
    })
}

#[tokio::test]
async fn a_resident_files_on_their_own_phone_and_the_volunteer_sees_progress_only() {
    let app = TestApp::new().await;
    let volunteer = app.sign_in("tnv-an").await;
    let opened = app.open_help(&volunteer, Some("1.001193")).await;
    assert_eq!(opened.status, StatusCode::CREATED, "{}", opened.json);
    let code = opened.json["code"].as_str().unwrap().to_owned();
    let id = opened.json["id"].as_str().unwrap().to_owned();
    let watch = opened.json["watch"].as_str().unwrap().to_owned();
    let number = opened.json["number"].as_u64().unwrap();
    assert!((10..=99).contains(&number));
    assert_eq!(code.len(), 7, "shown as two groups of three: {code}");
    assert!(opened.json["qr_svg"].as_str().unwrap().contains("<svg"));
    assert_eq!(
        opened.json["join_path"],
        format!("/ho-tro/{}", code.replace('-', ""))
    );

    // A citizen who is not a registered volunteer cannot offer help.
    let lan = app.consenting("lan").await;
    let refused = app.open_help(&lan, None).await;
    assert_eq!(refused.status, StatusCode::FORBIDDEN);
    assert_eq!(refused.json["error"], "volunteer_not_registered");

    // The resident's phone sees who offers help before any sign-in; codes read as typed.
    let offer = app
        .get(&format!("/api/v1/help-offers/{}", code.to_lowercase()))
        .await;
    assert_eq!(offer.status, StatusCode::OK, "{}", offer.json);
    assert_eq!(offer.json["helper"]["full_name"], "Quàng Văn An");
    assert_eq!(offer.json["number"].as_u64(), Some(number));
    assert_eq!(offer.json["procedure_code"], "1.001193");
    for (bad, status, key) in [
        ("12", StatusCode::BAD_REQUEST, "help_code_invalid"),
        ("ABCDE0", StatusCode::BAD_REQUEST, "help_code_invalid"),
        ("AAAAAA", StatusCode::NOT_FOUND, "help_code_unknown"),
    ] {
        let r = app.get(&format!("/api/v1/help-offers/{bad}")).await;
        assert_eq!((r.status, r.json["error"].as_str()), (status, Some(key)));
    }

    let accepted = app.answer_help(&code, "accept").await;
    assert_eq!(accepted.status, StatusCode::OK, "{}", accepted.json);
    assert_eq!(accepted.json["state"], "accepted");
    let key = accepted.json["key"].as_str().unwrap().to_owned();
    // The code is single use: a second person is told so.
    let again = app.answer_help(&code, "accept").await;
    assert_eq!(
        (again.status, again.json["error"].as_str()),
        (StatusCode::CONFLICT, Some("help_code_used"))
    );
    let seen = app.get(&format!("/api/v1/help-offers/{code}")).await;
    assert_eq!(seen.json["error"], "help_code_used");

    // Progress needs the phone's key, names only ids the procedure has, and binds the resident.
    let path = format!("/api/v1/help-sessions/{id}/progress");
    let wrong = app
        .call(
            "POST",
            &path,
            &lan,
            Some(progress("not-the-key", "child_name", &[])),
        )
        .await;
    assert_eq!(wrong.json["error"], "help_key_wrong");
    let typed_value = app
        .call(
            "POST",
            &path,
            &lan,
            Some(progress(&key, "child_name", &["Trần Ngọc Anh"])),
        )
        .await;
    assert_eq!(
        typed_value.status,
        StatusCode::UNPROCESSABLE_ENTITY,
        "{}",
        typed_value.json
    );
    assert_eq!(typed_value.json["error"], "help_progress_invalid");
    let reported = app
        .call(
            "POST",
            &path,
            &lan,
            Some(progress(&key, "child_name", &["child.full_name"])),
        )
        .await;
    assert_eq!(reported.status, StatusCode::NO_CONTENT, "{}", reported.json);
    let minh = app.consenting("minh").await;
    let other = app
        .call(
            "POST",
            &path,
            &minh,
            Some(progress(&key, "child_name", &[])),
        )
        .await;
    assert_eq!(other.json["error"], "help_key_wrong", "bound to Lan");

    let view = app
        .get_with_token(&format!("/api/v1/help-sessions/{id}"), &volunteer)
        .await;
    assert_eq!(view.status, StatusCode::OK, "{}", view.json);
    assert_eq!(view.json["state"], "accepted");
    assert_eq!(view.json["progress"]["step_title"]["vi"], "Tên của trẻ");
    assert_eq!(view.json["progress"]["step_number"], 3);
    assert!(
        view.json["progress"]["tip"]["vi"].is_string(),
        "a teach tip: {}",
        view.json
    );
    assert_eq!(
        view.json["progress"]["questions_with_errors"]
            .as_array()
            .map(Vec::len),
        Some(1)
    );
    assert_no_resident_data(&view);
    // Another volunteer cannot see it.
    let binh = app.sign_in("tnv-binh").await;
    let foreign = app
        .get_with_token(&format!("/api/v1/help-sessions/{id}"), &binh)
        .await;
    assert_eq!(foreign.status, StatusCode::NOT_FOUND);

    // Filing in the session records who helped.
    let mut body = lan_birth();
    body["help"] = json!({ "session": id, "key": key });
    let filed = app.file(&lan, Some("help-1"), &body).await;
    assert_eq!(filed.status, StatusCode::CREATED, "{}", filed.json);
    assert_eq!(filed.json["assisted_by"]["full_name"], "Quàng Văn An");
    assert_eq!(filed.json["assisted_by"]["session"], id.as_str());
    let dossier = filed.json["code"].as_str().unwrap().to_owned();
    let replay = app.file(&lan, Some("help-1"), &body).await;
    assert_eq!(replay.json["code"], dossier.as_str());
    // One dossier per session: a second filing with the same link is refused.
    let second = app.file(&lan, Some("help-2"), &body).await;
    assert_eq!(
        second.json["error"], "help_session_closed",
        "{}",
        second.json
    );
    let detail = app
        .get_with_token(&format!("/api/v1/dossiers/{dossier}"), &lan)
        .await;
    assert_eq!(
        detail.json["assisted_by"]["team"],
        "Tổ công nghệ số cộng đồng xã Mường Phăng"
    );
    let uses = app.get_with_token("/api/v1/me/data-use", &lan).await;
    let helped: Vec<&Value> = uses.json["items"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|u| u["dossier_code"] == dossier.as_str())
        .collect();
    assert!(!helped.is_empty(), "{}", uses.json);
    assert!(
        helped.iter().all(|u| u["helper"] == "Quàng Văn An"),
        "the data-use receipt names the helper who received none of it"
    );
    let listed = app.officer("/dossiers", None).await;
    assert!(
        listed.json.to_string().contains("Quàng Văn An"),
        "the officer sees who helped"
    );

    // "Đã nộp"; the code only once the resident shares it.
    let view = app
        .get_with_token(&format!("/api/v1/help-sessions/{id}"), &volunteer)
        .await;
    assert_eq!(view.json["state"], "filed");
    assert!(view.json.get("dossier_code").is_none());
    let shared = app
        .call(
            "POST",
            &format!("/api/v1/help-sessions/{id}/share"),
            &lan,
            Some(json!({ "key": key })),
        )
        .await;
    assert_eq!(shared.status, StatusCode::NO_CONTENT, "{}", shared.json);
    let view = app
        .get_with_token(&format!("/api/v1/help-sessions/{id}"), &volunteer)
        .await;
    assert_eq!(view.json["dossier_code"], dossier.as_str());
    assert_no_resident_data(&view);

    // The event stream of a finished session: one event, then the end.
    let events = app
        .get(&format!("/api/v1/help-sessions/{id}/events?watch={watch}"))
        .await;
    assert_eq!(events.status, StatusCode::OK);
    let text = events.json.as_str().unwrap_or_default().to_owned();
    assert!(text.starts_with("event: session\ndata: {"), "{text}");
    assert!(text.contains("\"state\":\"filed\""), "{text}");
    for canary in CANARIES {
        assert!(!text.contains(canary));
    }
    let stranger = app
        .get(&format!("/api/v1/help-sessions/{id}/events?watch=guess"))
        .await;
    assert_eq!(stranger.json["error"], "help_key_wrong");

    // The resident can report the helper from the dossier.
    let report = app
        .call(
            "POST",
            &format!("/api/v1/dossiers/{dossier}/report-helper"),
            &lan,
            Some(json!({ "note": "Hỏi mã OTP" })),
        )
        .await;
    assert_eq!(report.status, StatusCode::NO_CONTENT, "{}", report.json);
}

#[tokio::test]
async fn declines_expiry_registry_limits_and_the_report() {
    let app = TestApp::configured(|_, config| config.help_code_seconds = 5).await;
    let an = app.sign_in("tnv-an").await;

    // Declined, and "I did not ask for this": closed and recorded.
    for (answer, reported) in [("decline", false), ("not_requested", true)] {
        let opened = app.open_help(&an, None).await;
        let code = opened.json["code"].as_str().unwrap().to_owned();
        let r = app.answer_help(&code, answer).await;
        assert_eq!(r.status, StatusCode::OK, "{}", r.json);
        assert_eq!(r.json["state"], "declined");
        assert!(r.json.get("key").is_none());
        let again = app.answer_help(&code, "accept").await;
        assert_eq!(again.json["error"], "help_session_closed", "{reported}");
    }

    // An expired code is refused, also to the first person.
    let opened = app.open_help(&an, Some("2.000635")).await;
    let code = opened.json["code"].as_str().unwrap().to_owned();
    tokio::time::sleep(std::time::Duration::from_millis(6200)).await;
    let late = app.answer_help(&code, "accept").await;
    assert_eq!(
        (late.status, late.json["error"].as_str()),
        (StatusCode::GONE, Some("help_code_expired"))
    );

    // The registry: checked entries, a new volunteer, suspension.
    let invalid = app
        .call("POST", "/api/v1/volunteers", OFFICER, Some(json!({
            "personal_id": "12", "full_name": "X", "team": "", "commune": "Xã A", "union_unit": "Đoàn xã A",
            "active_from": "2026-01-01", "active_until": "2025-01-01"
        })))
        .await;
    assert_eq!(
        invalid.status,
        StatusCode::UNPROCESSABLE_ENTITY,
        "{}",
        invalid.json
    );
    assert!(
        invalid.json["message"]["en"]
            .as_str()
            .unwrap()
            .contains("personal_id, team, active_until")
    );
    let minh_id = "079090001234";
    let registered = app
        .call("POST", "/api/v1/volunteers", OFFICER, Some(json!({
            "personal_id": minh_id, "full_name": "Phạm Văn Minh", "team": "Tổ CNSCĐ phường Bến Thành",
            "commune": "Phường Bến Thành", "union_unit": "Đoàn phường Bến Thành",
            "active_from": "2025-07-01", "active_until": "2027-06-30"
        })))
        .await;
    assert_eq!(
        registered.status,
        StatusCode::CREATED,
        "{}",
        registered.json
    );
    let anonymous = app.call("GET", "/api/v1/volunteers", "", None).await;
    assert_eq!(anonymous.status, StatusCode::UNAUTHORIZED);
    let list = app.call("GET", "/api/v1/volunteers", OFFICER, None).await;
    assert_eq!(list.json.as_array().map(Vec::len), Some(3), "{}", list.json);

    let binh = app.sign_in("tnv-binh").await;
    let suspended = app
        .call(
            "POST",
            "/api/v1/volunteers/011302007834/suspend",
            OFFICER,
            Some(json!({})),
        )
        .await;
    assert_eq!(suspended.json["suspended"], true, "{}", suspended.json);
    let refused = app.open_help(&binh, None).await;
    assert_eq!(
        (refused.status, refused.json["error"].as_str()),
        (StatusCode::FORBIDDEN, Some("volunteer_suspended"))
    );
    let unknown = app
        .call(
            "POST",
            "/api/v1/volunteers/000000000000/suspend",
            OFFICER,
            Some(json!({})),
        )
        .await;
    assert_eq!(unknown.status, StatusCode::NOT_FOUND);

    // At most 20 sessions an hour (An has opened 3).
    for _ in 0..17 {
        assert_eq!(app.open_help(&an, None).await.status, StatusCode::CREATED);
    }
    let limited = app.open_help(&an, None).await;
    assert_eq!(
        (limited.status, limited.json["error"].as_str()),
        (StatusCode::TOO_MANY_REQUESTS, Some("help_sessions_limit"))
    );

    // The report: aggregates only, small counts hidden.
    let report = app
        .call("GET", "/api/v1/volunteer-report", OFFICER, None)
        .await;
    assert_eq!(report.status, StatusCode::OK, "{}", report.json);
    assert_eq!(report.json["smallest_shown"], 5);
    let row = &report.json["rows"][0];
    assert_eq!(row["team"], "Tổ công nghệ số cộng đồng xã Mường Phăng");
    assert_eq!(row["declines"], "<5");
    assert_eq!(row["reports"], "<5");
    assert_eq!(row["residents_helped"], "<5");
    let denied = app.call("GET", "/api/v1/volunteer-report", &an, None).await;
    assert_eq!(denied.status, StatusCode::UNAUTHORIZED);
}

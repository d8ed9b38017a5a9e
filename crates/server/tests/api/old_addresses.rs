//! Addresses written with the units from before 1 July 2025: the old lists with what each unit is
//! today, and a historical question that accepts an old address, converts a whole merger by
//! itself and makes the citizen choose when an old commune was split.

use axum::http::StatusCode;
use serde_json::{Value, json};

use crate::helpers::TestApp;

async fn check(app: &TestApp, answers: Value) -> Value {
    let response = app
        .call(
            "POST",
            "/api/v1/procedures/3.000333/check",
            "",
            Some(json!({ "answers": answers, "questions": ["previous_residence"] })),
        )
        .await;
    assert_eq!(response.status, StatusCode::OK, "{}", response.json);
    response.json
}

#[tokio::test]
async fn the_old_lists_say_what_each_unit_is_today() {
    let app = TestApp::new().await;
    let provinces = app.get("/api/v1/old-provinces").await;
    assert_eq!(provinces.status, StatusCode::OK);
    let provinces = provinces.json.as_array().unwrap();
    assert_eq!(provinces.len(), 63);
    assert_eq!(provinces[0]["name"], "Thành phố Hà Nội");
    assert_eq!(provinces[0]["districts"][0]["name"], "Quận Ba Đình");

    let ba_dinh = app.get("/api/v1/old-districts/1").await;
    assert_eq!(ba_dinh.status, StatusCode::OK);
    assert_eq!(ba_dinh.json["province_name"], "Thành phố Hà Nội");
    let commune = |name: &str| {
        ba_dinh.json["communes"]
            .as_array()
            .unwrap()
            .iter()
            .find(|c| c["name"] == name)
            .cloned()
            .unwrap()
    };
    let truc_bach = commune("Phường Trúc Bạch");
    assert_eq!(truc_bach["code"], 4);
    assert_eq!(truc_bach["today"]["basis"], "table");
    assert_eq!(
        truc_bach["today"]["successors"][0]["ward_name"],
        "Phường Ba Đình"
    );
    assert_eq!(truc_bach["today"]["successors"][0]["note"], "Nhập toàn bộ");
    assert!(
        commune("Phường Ngọc Hà")["today"]["successors"]
            .as_array()
            .unwrap()
            .len()
            > 1
    );

    let missing = app.get("/api/v1/old-districts/9999").await;
    assert_eq!(missing.status, StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn a_historical_address_takes_an_old_address_and_names_its_commune_of_today() {
    let app = TestApp::new().await;
    let old = |commune: &str, ward: Option<&str>| {
        let mut answers = json!({
            "previous_residence_moved": "yes",
            "previous_residence.units": "before-2025-07-01",
            "previous_residence.old_province": "01",
            "previous_residence.old_district": "001",
            "previous_residence.old_commune": commune,
            "previous_residence.street": "  số 5 Trấn Vũ ",
        });
        if let Some(ward) = ward {
            answers["previous_residence.ward"] = json!(ward);
        }
        answers
    };
    // Phường Trúc Bạch went whole into Phường Ba Đình (code 4 today): no choice to make.
    let whole = check(&app, old("00004", None)).await;
    assert_eq!(whole["errors"], json!([]));
    assert_eq!(
        whole["answers"],
        json!({
            "previous_residence.units": "before-2025-07-01",
            "previous_residence.old_province": "1",
            "previous_residence.old_district": "1",
            "previous_residence.old_commune": "4",
            "previous_residence.province": "1",
            "previous_residence.ward": "4",
            "previous_residence.street": "số 5 Trấn Vũ",
        })
    );

    // Phường Ngọc Hà was split: the citizen must choose, among its successors only.
    let split = check(&app, old("00016", None)).await;
    assert_eq!(
        split["errors"],
        json!([{ "field": "previous_residence.ward", "message_key": "address.successor_missing" }])
    );
    let district = app.get("/api/v1/old-districts/1").await.json;
    let ngoc_ha = district["communes"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["code"] == 16)
        .unwrap()
        .clone();
    let second = ngoc_ha["today"]["successors"][1]["ward_code"].to_string();
    let chosen = check(&app, old("00016", Some(&second))).await;
    assert_eq!(chosen["errors"], json!([]));
    assert_eq!(chosen["answers"]["previous_residence.ward"], second);
    let elsewhere = check(&app, old("00016", Some("70"))).await;
    assert_eq!(
        elsewhere["errors"][0]["message_key"],
        "address.successor_not_candidate"
    );

    // A commune from another district, a tax office's 8-digit code, an unknown code list.
    for (commune, key) in [
        ("00082", "address.old_commune_not_in_district"),
        ("10105001", "address.old_commune_not_in_district"),
    ] {
        let wrong = check(&app, old(commune, None)).await;
        assert_eq!(
            wrong["errors"][0]["field"],
            "previous_residence.old_commune"
        );
        assert_eq!(wrong["errors"][0]["message_key"], key);
    }
    let mut unknown_list = old("00004", None);
    unknown_list["previous_residence.units"] = json!("1990");
    assert_eq!(
        check(&app, unknown_list).await["errors"][0]["message_key"],
        "address.code_list_unknown"
    );

    // An address of today is still accepted, and says so.
    let today = check(
        &app,
        json!({
            "previous_residence_moved": "yes",
            "previous_residence.province": "1",
            "previous_residence.ward": "4",
            "previous_residence.street": "số 5",
        }),
    )
    .await;
    assert_eq!(today["errors"], json!([]));
    assert_eq!(today["answers"]["previous_residence.units"], "2025-07-01");
}

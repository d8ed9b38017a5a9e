//! First registration of a vehicle made in Viet Nam (1.012575): the vehicle's papers come from
//! the sector databases under the papers consent and are receipted, and the fee follows the
//! vehicle, its value and the owner's residence as the population data gives it.

use axum::http::StatusCode;
use serde_json::json;

use crate::helpers::TestApp;
use crate::tracking::filed;

#[tokio::test]
async fn a_vehicles_papers_are_read_under_the_papers_consent_and_receipted() {
    let app = TestApp::new().await;
    let token = app.sign_in("minh").await;
    app.consent(&token, &["identity"]).await;
    let data = app
        .call("GET", "/api/v1/me/national-data", &token, None)
        .await;
    assert_eq!(
        data.json["vehicle_papers"],
        json!([]),
        "the vehicle papers need the papers consent"
    );
    app.consent(&token, &["papers"]).await;
    let data = app
        .call("GET", "/api/v1/me/national-data", &token, None)
        .await;
    let kinds: Vec<&str> = data.json["vehicle_papers"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["kind"].as_str().unwrap())
        .collect();
    assert_eq!(
        kinds,
        ["vehicle_quality_slip", "e_invoice", "registration_tax"]
    );
    let receipt = app.call("GET", "/api/v1/me/data-use", &token, None).await;
    assert!(
        receipt.json["items"]
            .as_array()
            .unwrap()
            .iter()
            .any(|e| e["source"] == "sector_db"),
        "{}",
        receipt.json
    );
}

#[tokio::test]
async fn the_fee_follows_the_area_of_the_owners_residence_in_the_population_data() {
    let app = TestApp::new().await;
    let minh = app.consenting("minh").await;
    let body = json!({
        "procedure_code": "1.012575",
        "answers": {
            "vehicle.kind": "motorbike", "vehicle.value": "15m_40m", "plate.kept": "no",
            "delivery": "post", "declaration": "yes"
        }
    });
    let code = filed(&app, &minh, &body).await;
    let payment = app
        .call(
            "POST",
            &format!("/api/v1/dossiers/{code}/payment"),
            &minh,
            None,
        )
        .await;
    assert_eq!(payment.status, StatusCode::CREATED, "{}", payment.json);
    // Minh lives in Hà Nội (area I): a motorbike worth 15 to 40 million đồng pays 2,000,000 đ.
    assert_eq!(payment.json["amount"], 2_000_000);
}

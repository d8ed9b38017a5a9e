//! Fees: paid once through the sandbox or by VietQR, none for a free procedure, and the case a
//! dossier falls in sets its fee (a student's judicial record costs half, an exempt one nothing).

use axum::http::StatusCode;
use serde_json::json;

use crate::helpers::TestApp;
use crate::tracking::{filed, hhen_judicial_record, lan_birth};

#[tokio::test]
async fn a_fee_is_paid_once_and_a_free_procedure_has_nothing_to_pay() {
    let app = TestApp::new().await;
    let hhen = app.consenting("hhen").await;
    // The judicial record's form still asks for a copy of the ID card (its record lists it).
    let copy = app
        .upload(&hhen, b"%PDF-1.7\n% both sides of the ID card\n".to_vec())
        .await;
    let mut body = hhen_judicial_record();
    body["attachments"] = serde_json::json!({ "identity_copy": [copy] });
    let code = filed(&app, &hhen, &body).await;
    // Before paying: a VietQR code any banking app reads, the dossier code as the reference.
    let qr = app
        .get_with_token(&format!("/api/v1/dossiers/{code}/vietqr"), &hhen)
        .await;
    assert_eq!(qr.status, StatusCode::OK, "{}", qr.json);
    assert!(qr.json["qr_svg"].as_str().unwrap().contains("<svg"));
    assert_eq!(qr.json["sandbox"], true);
    let top = motlan_core::vietqr::decode(qr.json["payload"].as_str().unwrap()).expect("CRC");
    let get = |objects: &[(String, String)], id: &str| {
        objects
            .iter()
            .find(|(i, _)| i == id)
            .map(|(_, v)| v.clone())
            .unwrap_or_default()
    };
    assert_eq!(get(&top, "54"), "200000");
    assert_eq!(get(&top, "53"), "704");
    let merchant = motlan_core::vietqr::objects(&get(&top, "38")).unwrap();
    assert_eq!(get(&merchant, "00"), "A000000727");
    let beneficiary = motlan_core::vietqr::objects(&get(&merchant, "01")).unwrap();
    assert_eq!(get(&beneficiary, "00"), "970400");
    let extra = motlan_core::vietqr::objects(&get(&top, "62")).unwrap();
    assert_eq!(get(&extra, "08"), code);
    let payment = app
        .call(
            "POST",
            &format!("/api/v1/dossiers/{code}/payment"),
            &hhen,
            None,
        )
        .await;
    assert_eq!(payment.status, StatusCode::CREATED, "{}", payment.json);
    assert_eq!(payment.json["amount"], 200_000);
    let after = app
        .get_with_token(&format!("/api/v1/dossiers/{code}/vietqr"), &hhen)
        .await;
    assert_eq!(
        after.json["error"], "nothing_to_pay",
        "paid: no code any more"
    );
    assert_eq!(payment.json["sandbox"], true);
    assert!(
        payment.json["reference"]
            .as_str()
            .unwrap()
            .starts_with("SANDBOX-")
    );
    let twice = app
        .call(
            "POST",
            &format!("/api/v1/dossiers/{code}/payment"),
            &hhen,
            None,
        )
        .await;
    assert_eq!(twice.json["error"], "already_paid");
    let detail = app
        .call("GET", &format!("/api/v1/dossiers/{code}"), &hhen, None)
        .await;
    assert_eq!(detail.json["payment"]["amount"], 200_000);

    let lan = app.consenting("lan").await;
    let free = filed(&app, &lan, &lan_birth()).await;
    let none = app
        .call(
            "POST",
            &format!("/api/v1/dossiers/{free}/payment"),
            &lan,
            None,
        )
        .await;
    assert_eq!(none.status, StatusCode::CONFLICT);
    assert_eq!(none.json["error"], "no_fee");
}

#[tokio::test]
async fn the_case_a_dossier_falls_in_sets_its_fee() {
    let app = TestApp::new().await;
    let hhen = app.consenting("hhen").await;
    let mut fees = Vec::new();
    for reduction in ["none", "student", "exempt"] {
        let copy = app
            .upload(&hhen, b"%PDF-1.7\n% both sides of the ID card\n".to_vec())
            .await;
        let proof = app
            .upload(&hhen, b"%PDF-1.7\n% a student card\n".to_vec())
            .await;
        let mut body = hhen_judicial_record();
        body["answers"]["fee_reduction"] = json!(reduction);
        body["attachments"] = if reduction == "none" {
            json!({ "identity_copy": [copy] })
        } else {
            json!({ "identity_copy": [copy], "fee_reduction_proof": [proof] })
        };
        let response = app
            .file(&hhen, Some(&format!("fee-case-{reduction}")), &body)
            .await;
        assert_eq!(response.status, StatusCode::CREATED, "{}", response.json);
        fees.push(response.json["fee"].as_u64().unwrap());
    }
    assert_eq!(fees, vec![200_000, 100_000, 0]);
}

use axum::http::StatusCode;

use crate::helpers::TestApp;

#[tokio::test]
async fn the_catalog_lists_birth_registration_with_code_and_name() {
    let app = TestApp::new().await;
    let response = app.get("/api/v1/procedures").await;
    assert_eq!(response.status, StatusCode::OK);
    let list = response.json["items"].as_array().expect("a page of items");
    let birth = list
        .iter()
        .find(|p| p["code"] == "1.001193")
        .expect("1.001193 listed");
    assert_eq!(birth["name"]["vi"], "Đăng ký khai sinh");
    assert_eq!(birth["name"]["en"], "Birth registration");
}

#[tokio::test]
async fn searching_without_diacritics_finds_the_procedure() {
    let app = TestApp::new().await;
    let response = app
        .get("/api/v1/procedures?q=dang%20ky%20khai%20sinh")
        .await;
    assert_eq!(response.json["items"][0]["code"], "1.001193");
    let none = app.get("/api/v1/procedures?q=xyzzy").await;
    assert_eq!(none.json["items"].as_array().map(Vec::len), Some(0));
    assert_eq!(none.json["total"], 0);
}

#[tokio::test]
async fn a_procedure_shows_its_documents_and_what_replaces_them() {
    let app = TestApp::new().await;
    let response = app.get("/api/v1/procedures/1.001193").await;
    assert_eq!(response.status, StatusCode::OK);
    let documents = response.json["documents"].as_array().expect("documents");
    let identity = documents
        .iter()
        .find(|d| d["id"] == "identity_paper")
        .expect("identity paper");
    assert_eq!(identity["reuse"][0]["source"], "population_db");
    assert_eq!(identity["reuse"][0]["basis"], "104/2022/NĐ-CP");
}

#[tokio::test]
async fn an_unknown_procedure_is_a_404_in_both_languages() {
    let app = TestApp::new().await;
    let response = app.get("/api/v1/procedures/9.999999").await;
    assert_eq!(response.status, StatusCode::NOT_FOUND);
    assert_eq!(response.json["error"], "not_found");
    assert!(
        response.json["message"]["vi"]
            .as_str()
            .unwrap()
            .contains("Không tìm thấy")
    );
    assert!(
        response.json["message"]["en"]
            .as_str()
            .unwrap()
            .contains("not found")
    );
}

#[tokio::test]
async fn an_unknown_api_path_answers_json_not_the_web_app() {
    let app = TestApp::new().await;
    let response = app.get("/api/v1/nothing-here").await;
    assert_eq!(response.status, StatusCode::NOT_FOUND);
    assert_eq!(response.json["error"], "not_found");
}

#[tokio::test]
async fn responses_carry_security_headers() {
    let app = TestApp::new().await;
    let response = app.get("/api/v1/health").await;
    assert_eq!(response.status, StatusCode::OK);
    assert_eq!(response.headers["x-content-type-options"], "nosniff");
    assert_eq!(response.headers["referrer-policy"], "no-referrer");
}

#[tokio::test]
async fn the_api_description_is_openapi_3_1_generated_from_the_code() {
    let app = TestApp::new().await;
    let doc = app.get("/api/v1/openapi.json").await;
    assert_eq!(doc.status, StatusCode::OK);
    assert!(
        doc.json["openapi"].as_str().unwrap().starts_with("3.1"),
        "{}",
        doc.json["openapi"]
    );
    assert_eq!(doc.json["servers"][0]["url"], "/api/v1");
    for (path, method) in [
        ("/procedures", "get"),
        ("/procedures/{code}", "get"),
        ("/dossiers", "post"),
        ("/dossiers/{code}", "get"),
        ("/dossiers/{code}/supplement", "post"),
        ("/dossiers/{code}/payment", "post"),
        ("/dossiers/{code}/rating", "post"),
        ("/dossiers/{code}/withdraw", "post"),
        ("/me/dossiers", "get"),
        ("/me/consents/{purpose}", "put"),
        ("/me/prefill", "post"),
        ("/me/data-use", "get"),
        ("/attachments", "post"),
        ("/officer/dossiers/{code}/result", "post"),
    ] {
        assert!(
            doc.json["paths"][path][method].is_object(),
            "{method} {path} is not described"
        );
    }
    let schemas = &doc.json["components"]["schemas"];
    for schema in [
        "NewDossier",
        "DossierReceipt",
        "DossierDetail",
        "Procedure",
        "Question",
        "ApiError",
        "FieldError",
        "Prefilled",
    ] {
        assert!(schemas[schema].is_object(), "schema {schema} missing");
    }
    assert_eq!(
        doc.json["components"]["securitySchemes"]["citizen"]["scheme"],
        "bearer"
    );
    let submit = &doc.json["paths"]["/dossiers"]["post"];
    assert!(submit["responses"]["409"].is_object() && submit["responses"]["422"].is_object());
}

#[tokio::test]
async fn the_34_provinces_and_their_wards_are_listed_for_the_pickers() {
    let app = TestApp::new().await;
    let provinces = app.get("/api/v1/provinces").await;
    let list = provinces.json.as_array().unwrap();
    assert_eq!(list.len(), 34);
    let total: u64 = list.iter().map(|p| p["wards"].as_u64().unwrap()).sum();
    assert_eq!(total, 3321);
    let hanoi = app.get("/api/v1/provinces/1/wards?q=hoan%20kiem").await;
    assert_eq!(hanoi.json[0]["name"], "Phường Hoàn Kiếm");
    let all = app.get("/api/v1/provinces/1/wards").await;
    assert!(all.json.as_array().unwrap().len() > 100);
    let unknown = app.get("/api/v1/provinces/99/wards").await;
    assert_eq!(unknown.status, StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn catalog_answers_may_be_cached_and_personal_ones_never() {
    let app = TestApp::new().await;
    for (uri, expected) in [
        ("/api/v1/procedures", "public, max-age=60"),
        ("/api/v1/procedures/1.001193", "public, max-age=3600"),
        ("/api/v1/provinces", "public, max-age=86400"),
        ("/api/v1/provinces/1/wards", "public, max-age=86400"),
        ("/api/v1/consent-purposes", "no-store"),
        ("/api/v1/me", "no-store"),
    ] {
        let response = app.get(uri).await;
        assert_eq!(response.headers["cache-control"], expected, "{uri}");
    }
}

#[tokio::test]
async fn every_operation_has_a_summary_a_unique_id_and_its_error_answers() {
    let app = TestApp::new().await;
    let doc = app.get("/api/v1/openapi.json").await.json;
    let mut ids = std::collections::BTreeSet::new();
    let mut operations = 0;
    for (path, item) in doc["paths"].as_object().expect("paths") {
        for (method, op) in item.as_object().expect("operations") {
            operations += 1;
            let summary = op["summary"].as_str().unwrap_or_default();
            assert!(!summary.is_empty(), "{method} {path} has no summary");
            let id = op["operationId"].as_str().unwrap_or_default();
            assert!(ids.insert(id.to_owned()), "operation id {id} used twice");
            let responses = op["responses"].as_object().expect("responses");
            assert!(
                responses.contains_key("500"),
                "{method} {path} does not document the opaque 500"
            );
            for (status, response) in responses.iter().filter(|(s, _)| s.as_str() >= "400") {
                assert_eq!(
                    response["content"]["application/json"]["schema"]["$ref"],
                    "#/components/schemas/ApiError",
                    "{method} {path} {status} is not an ApiError"
                );
                assert!(
                    response["description"]
                        .as_str()
                        .unwrap_or_default()
                        .contains('`'),
                    "{method} {path} {status} does not name its error keys"
                );
            }
            if op["security"].is_array() && op["security"][0].get("citizen").is_some() {
                assert!(
                    responses.contains_key("401"),
                    "{method} {path}: 401 undocumented"
                );
            }
        }
    }
    assert!(operations >= 32, "only {operations} operations described");
}

#[tokio::test]
async fn the_api_description_passes_an_openapi_3_1_validator() {
    let app = TestApp::new().await;
    let doc = app.get("/api/v1/openapi.json").await.json;
    let dir = tempfile::tempdir().expect("temporary folder");
    let file = dir.path().join("openapi.json");
    std::fs::write(&file, serde_json::to_vec(&doc).expect("json")).expect("written");
    // Installed by `cargo xtask setup` (openapi-spec-validator, pinned).
    let validator = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../.tools/openapi-validator"
    );
    assert!(
        std::path::Path::new(validator).is_dir(),
        "{validator} is missing: run `cargo xtask setup`"
    );
    let checked = std::process::Command::new("python3")
        .args(["-m", "openapi_spec_validator"])
        .arg(&file)
        .env("PYTHONPATH", validator)
        .output()
        .expect("python3 runs");
    assert!(
        checked.status.success(),
        "{}{}",
        String::from_utf8_lossy(&checked.stdout),
        String::from_utf8_lossy(&checked.stderr)
    );
}

#[tokio::test]
async fn every_request_body_and_the_main_answers_come_with_examples() {
    let app = TestApp::new().await;
    let doc = app.get("/api/v1/openapi.json").await.json;
    for schema in [
        "NewDossier",
        "DossierReceipt",
        "ApiError",
        "CheckRequest",
        "PrefillRequest",
    ] {
        assert!(
            doc["components"]["schemas"][schema]["example"].is_object(),
            "{schema} has no example"
        );
    }
    assert_eq!(
        doc["components"]["schemas"]["NewDossier"]["example"]["procedure_code"],
        "1.001193"
    );
    // Every JSON request body of every operation has one (schemathesis sends each).
    let mut missing = Vec::new();
    for (path, operations) in doc["paths"].as_object().unwrap() {
        for (method, operation) in operations.as_object().unwrap() {
            let Some(media) = operation["requestBody"]["content"].get("application/json") else {
                continue;
            };
            let name = media["schema"]["$ref"]
                .as_str()
                .and_then(|r| r.rsplit('/').next())
                .unwrap_or_default();
            if media.get("example").is_none()
                && doc["components"]["schemas"][name].get("example").is_none()
            {
                missing.push(format!("{method} {path} ({name})"));
            }
        }
    }
    assert!(
        missing.is_empty(),
        "request bodies without an example: {missing:?}"
    );
}

#[tokio::test]
async fn the_described_consent_version_is_the_one_in_force() {
    let app = TestApp::new().await;
    let doc = app.get("/api/v1/openapi.json").await.json;
    let texts = app.get("/api/v1/consent-purposes").await.json;
    let version = texts[0]["version"].as_str().expect("a version");
    assert_eq!(
        doc["components"]["schemas"]["Give"]["properties"]["text_version"]["pattern"],
        format!("^{version}$")
    );
}

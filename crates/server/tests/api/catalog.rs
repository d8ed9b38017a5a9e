//! The national catalog over HTTP: search over every procedure, paged; information pages with
//! classified documents; the agency review and its CSV.

use axum::http::StatusCode;

use crate::helpers::TestApp;

#[tokio::test]
async fn search_covers_the_national_catalog_ranked_and_paged() {
    let app = TestApp::new().await;
    let first = app
        .get("/api/v1/procedures?q=ho%20kinh%20doanh&limit=5")
        .await;
    assert_eq!(first.status, StatusCode::OK);
    let items = first.json["items"].as_array().unwrap();
    assert_eq!(items.len(), 5);
    assert!(first.json["total"].as_u64().unwrap() > 5);
    assert!(
        items[0]["name"]["vi"]
            .as_str()
            .unwrap()
            .to_lowercase()
            .contains("hộ kinh doanh")
    );
    // The form here first, then the national catalog's other household-business procedures.
    assert_eq!(items[0]["code"], "1.001612");
    assert_eq!(items[0]["online_form"], true);
    assert!(items[1..].iter().all(|i| i["online_form"] == false));
    // The next page continues the same search, by cursor and by Link header.
    let next = first.json["next"].as_str().unwrap();
    let link = first.headers["link"].to_str().unwrap().to_owned();
    assert!(
        link.contains("q=ho%20kinh%20doanh") && link.contains(next),
        "{link}"
    );
    let second = app
        .get(&format!(
            "/api/v1/procedures?q=ho%20kinh%20doanh&limit=5&cursor={next}"
        ))
        .await;
    let codes = |page: &serde_json::Value| -> Vec<String> {
        page["items"]
            .as_array()
            .unwrap()
            .iter()
            .map(|p| p["code"].as_str().unwrap().to_owned())
            .collect()
    };
    let (a, b) = (codes(&first.json), codes(&second.json));
    assert!(a.iter().all(|c| !b.contains(c)), "{a:?} {b:?}");
    // Everything, without a query: the forms first, then every national record.
    let all = app.get("/api/v1/procedures?limit=1").await;
    assert!(all.json["total"].as_u64().unwrap() >= 2642);
    assert_eq!(all.json["items"][0]["online_form"], true);
    let bad = app.get("/api/v1/procedures?cursor=bm9wZQ").await;
    assert_eq!(bad.status, StatusCode::BAD_REQUEST);
    assert!(bad.json["message"]["vi"].is_string(), "{}", bad.json);
    let past = app.get("/api/v1/procedures?cursor=999999").await;
    assert_eq!(past.json["items"].as_array().map(Vec::len), Some(0));
    let long = app
        .get(&format!("/api/v1/procedures?q={}", "a".repeat(201)))
        .await;
    assert_eq!(long.json["error"], "query_too_long");
}

#[tokio::test]
async fn an_information_page_groups_classified_documents_with_their_basis() {
    let app = TestApp::new().await;
    // Issuing an ordinary passport: no form here, an information page.
    let page = app.get("/api/v1/procedures/1.001193/information").await;
    assert_eq!(page.status, StatusCode::OK);
    assert_eq!(page.json["online_form"], true);
    assert!(
        page.json["portal_url"]
            .as_str()
            .unwrap()
            .starts_with("https://dichvucong.gov.vn/")
    );
    let national = app
        .get("/api/v1/procedures?q=cap%20doi%20the%20can%20cuoc&limit=1")
        .await;
    let code = national.json["items"][0]["code"]
        .as_str()
        .unwrap()
        .to_owned();
    let info = app
        .get(&format!("/api/v1/procedures/{code}/information"))
        .await;
    assert_eq!(info.status, StatusCode::OK, "{}", info.json);
    assert_eq!(info.json["online_form"], false);
    assert_eq!(info.json["ministry"], "bo-cong-an");
    assert!(!info.json["ways"].as_array().unwrap().is_empty());
    let documents = info.json["documents"].as_array().unwrap();
    assert!(!documents.is_empty());
    for d in documents {
        if d["class"] == "reusable" {
            assert!(d["source"].is_string() && d["basis"].is_string(), "{d}");
        }
    }
    for missing in [
        "/api/v1/procedures/9.999999/information",
        "/api/v1/procedures/x/information",
    ] {
        let none = app.get(missing).await;
        assert_eq!(
            (none.status, none.json["error"].as_str()),
            (StatusCode::NOT_FOUND, Some("not_found"))
        );
    }
}

#[tokio::test]
async fn the_agency_review_filters_by_ministry_and_downloads_as_csv() {
    let app = TestApp::new().await;
    let all = app.get("/api/v1/audit").await;
    assert_eq!(all.status, StatusCode::OK);
    assert_eq!(all.json["ministries"].as_array().unwrap().len(), 7);
    assert_eq!(all.json["unreadable"], 0);
    let justice = app.get("/api/v1/audit?ministry=bo-tu-phap").await;
    let ministries = justice.json["ministries"].as_array().unwrap();
    assert_eq!(ministries.len(), 1);
    assert!(ministries[0]["asking_for_held"].as_u64().unwrap() > 0);
    let asking = justice.json["asking"].as_array().unwrap();
    assert!(asking.iter().all(|p| p["ministry"] == "bo-tu-phap"));
    assert!(
        asking[0]["avoidable"][0]["basis"].is_string(),
        "each held paper names its legal basis"
    );
    let field = app
        .get("/api/v1/audit?ministry=bo-tu-phap&field=H%E1%BB%99%20t%E1%BB%8Bch")
        .await;
    assert!(
        field.json["asking"]
            .as_array()
            .unwrap()
            .iter()
            .all(|p| p["field"] == "Hộ tịch")
    );
    let long = app
        .get(&format!("/api/v1/audit?field={}", "x".repeat(301)))
        .await;
    assert_eq!(
        (long.status, long.json["error"].as_str()),
        (StatusCode::BAD_REQUEST, Some("filter_too_long"))
    );
    let csv = app.get("/api/v1/audit.csv?ministry=bo-tu-phap").await;
    assert_eq!(csv.status, StatusCode::OK);
    assert!(
        csv.headers["content-type"]
            .to_str()
            .unwrap()
            .starts_with("text/csv")
    );
    let text = csv.json.as_str().unwrap();
    assert!(text.contains("code,name,ministry,field,document,class,source,rule,basis"));
    assert!(text.contains(",reusable,civil_status_db,"));
}

//! Lists that page: a citizen's dossiers, the officer's list with its filters, and the data-use
//! receipt, each newest first, a page at a time, with the next page in the body and the `Link`
//! header; popular procedures counted from per-day counters.

use axum::http::StatusCode;
use serde_json::Value;

use crate::dossiers::lan_birth;
use crate::helpers::TestApp;

/// Follows `next` from `first` to the end; answers every item's `key` field, in order.
async fn walk(app: &TestApp, token: &str, first: &str, key: &str) -> Vec<String> {
    let mut seen = Vec::new();
    let mut path = first.to_owned();
    loop {
        let page = app.call("GET", &path, token, None).await;
        assert_eq!(page.status, StatusCode::OK, "{path}: {}", page.json);
        for item in page.json["items"].as_array().unwrap() {
            seen.push(item[key].as_str().unwrap().to_owned());
        }
        let Some(next) = page.json["next"].as_str() else {
            assert!(page.headers.get("link").is_none(), "no next page, no Link");
            break;
        };
        let link = page.headers["link"].to_str().unwrap().to_owned();
        assert!(link.ends_with("; rel=\"next\""), "{link}");
        path = link
            .trim_start_matches('<')
            .split('>')
            .next()
            .unwrap()
            .to_owned();
        assert!(path.contains(&format!("cursor={next}")), "{path}");
    }
    seen
}

#[tokio::test]
async fn a_citizens_dossiers_and_data_use_page_without_repeats_or_gaps() {
    let app = TestApp::new().await;
    let lan = app.consenting("lan").await;
    let mut codes = Vec::new();
    for i in 0..5 {
        let filed = app
            .file(&lan, Some(&format!("paging-{i}")), &lan_birth())
            .await;
        assert_eq!(filed.status, StatusCode::CREATED, "{}", filed.json);
        codes.push(filed.json["code"].as_str().unwrap().to_owned());
    }
    let seen = walk(&app, &lan, "/api/v1/me/dossiers?limit=2", "code").await;
    codes.reverse();
    assert_eq!(seen, codes, "newest first, each once");

    let everything = app
        .call("GET", "/api/v1/me/data-use?limit=200", &lan, None)
        .await;
    let all: Vec<String> = everything.json["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|u| u["id"].as_str().unwrap().to_owned())
        .collect();
    assert!(all.len() >= 5);
    assert_eq!(
        walk(&app, &lan, "/api/v1/me/data-use?limit=3", "id").await,
        all
    );

    for bad in ["limit=0", "limit=201", "cursor=%%%", "cursor=bm90LWEta2V5"] {
        let answer = app
            .call("GET", &format!("/api/v1/me/dossiers?{bad}"), &lan, None)
            .await;
        assert_eq!(
            answer.status,
            StatusCode::BAD_REQUEST,
            "{bad}: {}",
            answer.json
        );
        let key = answer.json["error"].as_str().unwrap_or_default();
        assert!(
            ["limit_invalid", "cursor_invalid", "bad_request"].contains(&key),
            "{bad}: {key}"
        );
    }
}

#[tokio::test]
async fn the_officer_list_pages_and_filters_by_status_procedure_and_day() {
    let app = TestApp::new().await;
    let lan = app.consenting("lan").await;
    for i in 0..3 {
        let filed = app
            .file(&lan, Some(&format!("officer-{i}")), &lan_birth())
            .await;
        assert_eq!(filed.status, StatusCode::CREATED);
    }
    let page = app.officer("/dossiers?limit=2", None).await;
    assert_eq!(page.json["items"].as_array().map(Vec::len), Some(2));
    assert!(page.json["next"].is_string());
    assert!(
        page.headers["link"]
            .to_str()
            .unwrap()
            .starts_with("</api/v1/officer/dossiers?limit=2&cursor=")
    );
    let today = page.json["items"][0]["received_at"].as_str().unwrap()[..10].to_owned();
    let count = |v: &Value| v["items"].as_array().map_or(0, Vec::len);
    assert_eq!(
        count(
            &app.officer(
                &format!("/dossiers?procedure=1.001193&from={today}&to={today}"),
                None
            )
            .await
            .json
        ),
        3
    );
    assert_eq!(
        count(&app.officer("/dossiers?procedure=3.000333", None).await.json),
        0
    );
    assert_eq!(
        count(&app.officer("/dossiers?to=2020-01-01", None).await.json),
        0
    );
    let filtered = app
        .officer("/dossiers?status=received&procedure=1.001193&limit=1", None)
        .await;
    assert!(
        filtered.headers["link"]
            .to_str()
            .unwrap()
            .contains("status=received&procedure=1.001193&limit=1&cursor=")
    );
    let bad = app.officer("/dossiers?from=30/11/2026", None).await;
    assert_eq!(
        (bad.status, bad.json["error"].as_str()),
        (StatusCode::BAD_REQUEST, Some("day_invalid"))
    );

    // Popular procedures come from the per-day counters kept with each dossier.
    let listing = app.get("/api/v1/procedures").await.json;
    let birth = listing["items"]
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["code"] == "1.001193")
        .unwrap();
    assert_eq!(birth["filed_recently"], 3);
}

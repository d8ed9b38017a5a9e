//! The public pages rendered on the server: search, a procedure with a form, a procedure of the
//! national catalog, not found; the app's other addresses get the bare shell.

use axum::body::Body;
use axum::http::{Request, StatusCode};

use crate::helpers::{TestApp, TestResponse};

/// The web app's own page template (`cargo xtask build` adds the stylesheet and the app; the
/// markers are the same in its output).
const TEMPLATE: &str = include_str!("../../../../index.html");

/// What `cargo xtask build` writes in the template's place for the stylesheet and the app.
const ASSETS: &str = concat!(
    "<link rel=\"stylesheet\" href=\"/style-0123456789abcdef.css\">\n    ",
    "<!--motlan-app--><link rel=\"modulepreload\" href=\"/app-0123456789abcdef/motlan.js\">\n    ",
    "<link rel=\"preload\" href=\"/app-0123456789abcdef/motlan_bg.wasm\" as=\"fetch\" ",
    "type=\"application/wasm\" crossorigin=\"anonymous\"><!--/motlan-app-->\n    ",
    "<script type=\"module\">const html = document.documentElement; ",
    "if (!html.hasAttribute('data-lite') || localStorage.getItem('motlan.kiosk')) ",
    "import('/app-0123456789abcdef/motlan.js');</script>"
);

/// The parts list as `cargo xtask build` writes it, with a name that must never reach a page.
const PARTS: &str = r#"{"app": "app-0123456789abcdef", "parts": {
    "app": ["chunk_7", "split_app"],
    "filing": ["chunk_7", "chunk_16", "split_filing", "../x\"><script>"],
    "review": ["split_review"]}}"#;

async fn app() -> TestApp {
    TestApp::configured(|dir, _| {
        let page = TEMPLATE.replacen("<!--motlan-assets-->", ASSETS, 1);
        std::fs::write(dir.join("index.html"), page).unwrap();
        std::fs::write(dir.join(".parts.json"), PARTS).unwrap();
    })
    .await
}

fn html(response: &TestResponse) -> &str {
    response.json.as_str().expect("an HTML page")
}

/// The answers handed to the app, read back from the page.
fn preloaded(page: &str) -> serde_json::Value {
    let start = page
        .find("<script type=\"application/json\" id=\"motlan-preload\">")
        .expect("the preloaded answers");
    let json = &page[start..];
    let json = &json[json.find('>').unwrap() + 1..json.find("</script>").unwrap()];
    serde_json::from_str(json).expect("valid JSON")
}

#[tokio::test]
async fn the_home_page_is_complete_html_with_a_plain_search_form() {
    let app = app().await;
    let response = app.get("/").await;
    assert_eq!(response.status, StatusCode::OK);
    assert_eq!(response.headers["cache-control"], "no-cache");
    assert!(
        response.headers["vary"]
            .to_str()
            .unwrap()
            .starts_with("Accept-Language, Cookie")
    );
    let page = html(&response);
    assert!(page.contains("<div id=\"motlan\" data-ssr"), "{page}");
    assert!(page.contains("Bạn cần làm thủ tục gì?"));
    assert!(page.contains("action=\"/\"") && page.contains("name=\"q\""));
    assert!(page.contains("href=\"/thu-tuc/1.001193\""));
    assert!(
        !page.contains("Đang tải ứng dụng"),
        "the placeholder is replaced"
    );
    assert!(!page.contains("motlan-page-->"));
    let answers = preloaded(page);
    assert_eq!(answers["/procedures?limit=20&q="]["status"], 200);
    assert!(
        answers["/procedures?limit=20&q="]["body"]["total"]
            .as_u64()
            .unwrap()
            > 1000
    );
}

#[tokio::test]
async fn a_search_is_answered_in_the_page_and_cannot_inject_markup() {
    let app = app().await;
    let page = app.get("/?q=khai+sinh").await;
    let text = html(&page);
    assert!(text.contains("Đăng ký khai sinh"), "{text}");
    assert!(text.contains("value=\"khai sinh\""));
    let answers = preloaded(text);
    let results = &answers["/procedures?limit=20&q=khai%20sinh"]["body"];
    assert!(results["total"].as_u64().unwrap() >= 1);
    let hostile = app
        .get("/?q=%3C%2Fscript%3E%3Cscript%3Ealert(1)%3C%2Fscript%3E")
        .await;
    let text = html(&hostile);
    assert!(!text.contains("<script>alert(1)"), "{text}");
    assert_eq!(
        preloaded(text).as_object().unwrap().keys().next().unwrap(),
        "/procedures?limit=20&q=%3C%2Fscript%3E%3Cscript%3Ealert%281%29%3C%2Fscript%3E"
    );
    // A search the API refuses is shown with its error and status, the words kept in the box.
    let long = "a".repeat(201);
    let refused = app.get(&format!("/?q={long}")).await;
    assert_eq!(refused.status, StatusCode::BAD_REQUEST);
    let text = html(&refused);
    assert!(text.contains("Từ khóa tìm kiếm quá dài"), "{text}");
    assert!(text.contains(&format!("value=\"{long}\"")));
}

#[tokio::test]
async fn a_procedure_page_lists_its_papers_and_the_way_to_file() {
    let app = app().await;
    let page = app.get("/thu-tuc/1.001193").await;
    assert_eq!(page.status, StatusCode::OK);
    let text = html(&page);
    assert!(
        text.contains("<title>Đăng ký khai sinh – Một Lần</title>"),
        "{text}"
    );
    assert!(text.contains("Giấy tờ cần chuẩn bị"));
    assert!(text.contains("href=\"/thu-tuc/1.001193/khai/bat-dau\""));
    // Its summary describes it to search engines and shared links.
    assert!(
        text.contains("<meta name=\"description\" content=\"Đăng ký việc sinh của trẻ em"),
        "{text}"
    );
    // Filing is likely next: the whole app's part and the filing's are fetched at idle, each
    // file once, nothing of another part, and no name that is not a plain file name.
    for file in ["chunk_7", "chunk_16", "split_app", "split_filing"] {
        let link = format!(
            "<link rel=\"prefetch\" href=\"/app-0123456789abcdef/{file}.wasm\" as=\"fetch\" crossorigin=\"anonymous\">"
        );
        assert_eq!(text.matches(&link).count(), 1, "{file}");
    }
    assert_eq!(text.matches("rel=\"prefetch\"").count(), 4);
    assert!(!text.contains("split_review") && !text.contains("<script>\""));
    let answers = preloaded(text);
    assert_eq!(answers["/procedures/1.001193/information"]["status"], 200);
    assert_eq!(answers["/procedures/1.001193"]["status"], 200);
}

#[tokio::test]
async fn a_national_procedure_and_an_unknown_one() {
    let app = app().await;
    let national = app
        .get("/api/v1/procedures?q=cap%20doi%20the%20can%20cuoc&limit=1")
        .await;
    let code = national.json["items"][0]["code"]
        .as_str()
        .unwrap()
        .to_owned();
    let name = national.json["items"][0]["name"]["vi"]
        .as_str()
        .unwrap()
        .to_owned();
    let page = app.get(&format!("/thu-tuc/{code}")).await;
    assert_eq!(page.status, StatusCode::OK);
    let text = html(&page);
    assert!(text.contains(&name), "{text}");
    assert!(text.contains(&format!(
        "<meta name=\"description\" content=\"{}: cơ quan thực hiện",
        name.replace('"', "&quot;")
    )));
    // Only what the page reads is handed over: no definition for a procedure without a form,
    // and nothing to file here, so no module fetched ahead.
    assert_eq!(preloaded(text).as_object().unwrap().len(), 1);
    assert!(!text.contains("rel=\"prefetch\""));

    let unknown = app.get("/thu-tuc/9.999999").await;
    assert_eq!(unknown.status, StatusCode::NOT_FOUND);
    assert!(html(&unknown).contains("data-ssr"));
    let nowhere = app.get("/khong-co-trang-nay").await;
    assert_eq!(nowhere.status, StatusCode::NOT_FOUND);
    assert!(html(&nowhere).contains("Không tìm thấy trang"));
}

#[tokio::test]
async fn the_page_speaks_the_chosen_language_else_the_browsers() {
    let app = app().await;
    let page = app
        .get_with("/", "accept-language", "en-GB,en;q=0.9,vi;q=0.5")
        .await;
    let text = html(&page);
    assert!(text.contains("<html lang=\"en\""));
    assert!(text.contains("Which procedure do you need?"));
    // A language chosen in the app comes before the browser's.
    let chosen = app
        .send(
            Request::get("/thu-tuc/1.001193")
                .header("accept-language", "en-GB,en;q=0.9")
                .header("cookie", "other=1; motlan_lang=vi")
                .body(Body::empty())
                .unwrap(),
        )
        .await;
    assert!(html(&chosen).contains("<html lang=\"vi\""));
    assert!(html(&chosen).contains("Giấy tờ cần chuẩn bị"));
}

#[tokio::test]
async fn the_language_switch_works_as_a_plain_link_before_the_app_runs() {
    let app = app().await;
    // The rendered switch links to the same page in the other language, the query kept.
    let page = app.get("/?q=khai+sinh&cursor=20").await;
    assert!(
        html(&page).contains("href=\"/?q=khai+sinh&amp;cursor=20&amp;lang=en\""),
        "{}",
        html(&page)
    );
    // Followed, the server keeps the choice in the app's cookie and goes back without it.
    let chosen = app.get("/?q=khai+sinh&lang=en&cursor=20").await;
    assert_eq!(chosen.status, StatusCode::SEE_OTHER);
    assert_eq!(chosen.headers["location"], "/?q=khai+sinh&cursor=20");
    let cookie = chosen.headers["set-cookie"].to_str().unwrap();
    assert!(cookie.starts_with("motlan_lang=en; Path=/;"), "{cookie}");
    assert!(
        !cookie.contains("HttpOnly"),
        "the app rewrites it when switching"
    );
    assert_eq!(chosen.headers["cache-control"], "no-cache");
    let procedure = app.get("/thu-tuc/1.001193?lang=vi").await;
    assert_eq!(procedure.headers["location"], "/thu-tuc/1.001193");
    // Only ever back to this site.
    for uri in ["//evil.example/?lang=en", "/\\evil.example/?lang=en"] {
        let away = app.get(uri).await;
        assert_eq!(away.status, StatusCode::SEE_OTHER, "{uri}");
        assert_eq!(away.headers["location"], "/evil.example/", "{uri}");
    }
    // An unknown language is no choice: the page renders as usual.
    let unknown = app.get("/thu-tuc/1.001193?lang=fr").await;
    assert_eq!(unknown.status, StatusCode::OK);
    assert!(html(&unknown).contains("<html lang=\"vi\""));
}

#[tokio::test]
async fn the_app_addresses_and_the_offline_shell_are_the_bare_page() {
    let app = app().await;
    for uri in [
        "/thu-tuc/1.001193/khai/bat-dau",
        "/dang-nhap",
        "/index.html",
    ] {
        let page = app.get(uri).await;
        assert_eq!(page.status, StatusCode::OK, "{uri}");
        let text = html(&page);
        assert!(text.contains("Đang tải ứng dụng"), "{uri}");
        assert!(!text.contains("data-ssr"), "{uri}");
    }
    let post = app
        .send(Request::post("/").body(Body::empty()).unwrap())
        .await;
    assert!(!post.json.as_str().unwrap_or_default().contains("data-ssr"));
}

#[tokio::test]
async fn a_fee_that_depends_on_the_case_is_shown_as_its_range() {
    let app = app().await;
    let vehicle = app.get("/thu-tuc/1.012575").await;
    assert!(
        html(&vehicle).contains("từ 150.000 đ đến 20.000.000 đ, tùy trường hợp"),
        "{}",
        html(&vehicle)
    );
    // A flat fee stays one amount.
    let business = app.get("/thu-tuc/1.001612").await;
    assert!(html(&business).contains("150.000 đ (nộp trực tuyến); 50.000 đ"));
}

#[tokio::test]
async fn a_browser_saving_data_gets_the_public_pages_without_the_app() {
    let app = app().await;
    for address in ["/thu-tuc/1.001193", "/?q=khai+sinh", "/khong-co-trang-nay"] {
        let saving = app.get_with(address, "save-data", "on").await;
        let page = html(&saving);
        assert!(page.contains("<main"), "{address}: {page}");
        assert!(page.contains("/style-0123456789abcdef.css"), "{address}");
        // The loader is there (a kiosk starts the app), told not to start it otherwise.
        assert!(page.contains("<html data-lite lang="), "{address}: {page}");
        for absent in [
            "modulepreload",
            "motlan_bg.wasm",
            "rel=\"prefetch\"",
            "data-ssr",
        ] {
            assert!(!page.contains(absent), "{address}: {absent} in {page}");
        }
        assert!(
            !page.contains("motlan-preload"),
            "no answers for an app that does not start"
        );
        assert!(
            saving.headers["vary"]
                .to_str()
                .unwrap()
                .contains("Save-Data")
        );
        // An ordinary browser gets the app to take the page over.
        let ordinary = app.get(address).await;
        let page = html(&ordinary);
        assert!(page.contains("import('/app-0123456789abcdef/motlan.js')"));
        assert!(page.contains("modulepreload") && page.contains(" data-ssr"));
        assert!(!page.contains("<html data-lite"));
        assert!(!page.contains("motlan-app-->"), "the markers are left out");
        // The WebAssembly file is not preloaded ahead of the page's own bytes.
        assert!(!page.contains("motlan_bg.wasm"));
    }
    let procedure = app.get("/thu-tuc/1.001193").await;
    assert!(html(&procedure).contains("rel=\"prefetch\""));
    // A page that needs the app (the filing) gets it, saving data or not.
    let filing = app
        .get_with("/thu-tuc/1.001193/khai/bat-dau", "save-data", "on")
        .await;
    assert!(html(&filing).contains("import('/app-0123456789abcdef/motlan.js')"));
    assert!(!html(&filing).contains("<html data-lite"));
}

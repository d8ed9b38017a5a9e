//! Tests that run in headless Chromium (wasm-bindgen-test): components rendered into a real DOM,
//! and the core's rules compiled to WebAssembly.

use motlan_core::Localized;
use motlan_core::kinds::DataSource;
use motlan_core::kinds::PaperKind;
use motlan_core::procedure::{Document, FileType, ReuseSource};
use wasm_bindgen_test::*;
use yew::prelude::*;

use crate::components::document_list::DocumentList;
use crate::i18n::{date_time, money};
use crate::state::prefs::PrefsProvider;

wasm_bindgen_test_configure!(run_in_browser);

fn text(vi: &str, en: &str) -> Localized {
    Localized {
        vi: vi.into(),
        en: en.into(),
    }
}

fn documents() -> Vec<Document> {
    vec![
        Document {
            id: "identity_paper".into(),
            component_code: None,
            name: text("Giấy tờ tùy thân", "Identity paper"),
            when: None,
            condition: None,
            waiver: None,
            reuse: vec![ReuseSource {
                source: DataSource::PopulationDb,
                record: PaperKind::Identity,
                basis: "104/2022/NĐ-CP".into(),
            }],
            accept: vec![FileType::Pdf],
            max_mb: 10,
        },
        Document {
            id: "authorisation".into(),
            component_code: None,
            name: text("Văn bản ủy quyền", "Letter of authorisation"),
            when: Some(text("Khi ủy quyền.", "When authorised.")),
            condition: None,
            waiver: None,
            reuse: vec![],
            accept: vec![FileType::Pdf],
            max_mb: 10,
        },
    ]
}

#[derive(PartialEq, Properties)]
struct HarnessProps {
    documents: Vec<Document>,
}

#[function_component(Harness)]
fn harness(props: &HarnessProps) -> Html {
    html! { <PrefsProvider><DocumentList documents={props.documents.clone()} /></PrefsProvider> }
}

async fn render(documents: Vec<Document>) -> web_sys::Element {
    let document = web_sys::window().unwrap().document().unwrap();
    let root = document.create_element("div").unwrap();
    document.body().unwrap().append_child(&root).unwrap();
    yew::Renderer::<Harness>::with_root_and_props(root.clone(), HarnessProps { documents })
        .render();
    // Let the scheduler render.
    yew::platform::time::sleep(std::time::Duration::from_millis(20)).await;
    root
}

#[wasm_bindgen_test]
async fn a_document_national_data_holds_is_marked_not_needed_with_its_source_and_basis() {
    let root = render(documents()).await;
    let identity = root
        .query_selector("[data-document=identity_paper]")
        .unwrap()
        .expect("rendered");
    let text = identity.text_content().unwrap();
    assert!(text.contains("Thường không cần nộp"), "{text}");
    assert!(text.contains("Cơ sở dữ liệu quốc gia về dân cư"), "{text}");
    assert!(text.contains("104/2022/NĐ-CP"), "{text}");
}

#[wasm_bindgen_test]
async fn a_document_without_a_source_may_be_needed_and_says_when() {
    let root = render(documents()).await;
    let letter = root
        .query_selector("[data-document=authorisation]")
        .unwrap()
        .expect("rendered");
    let text = letter.text_content().unwrap();
    assert!(text.contains("Có thể cần nộp"), "{text}");
    assert!(text.contains("Khi ủy quyền."), "{text}");
    assert!(
        letter
            .query_selector(".document__sources")
            .unwrap()
            .is_none()
    );
}

#[wasm_bindgen_test]
fn the_core_search_runs_in_webassembly_with_the_same_results() {
    let index = motlan_core::search::SearchIndex::new([
        (
            "2.000986",
            "Liên thông đăng ký khai sinh, đăng ký thường trú",
        ),
        ("1.001193", "Đăng ký khai sinh"),
    ]);
    let keys: Vec<&str> = index
        .search("dang ky khai sinh")
        .iter()
        .map(|h| h.key)
        .collect();
    assert_eq!(keys, ["1.001193", "2.000986"]);
}

#[wasm_bindgen_test]
fn money_and_times_are_written_the_vietnamese_way() {
    assert_eq!(money(0), "0 đ");
    assert_eq!(money(135_000), "135.000 đ");
    assert_eq!(money(1_234_567), "1.234.567 đ");
    assert_eq!(date_time("2026-11-24T08:41:50+07:00"), "08:41, 24/11/2026");
    assert_eq!(date_time("not a time"), "not a time");
}

#[wasm_bindgen_test]
fn idempotency_keys_are_random_and_128_bits() {
    let a = crate::services::api::new_idempotency_key();
    let b = crate::services::api::new_idempotency_key();
    assert_eq!(a.len(), 32);
    assert_ne!(a, b);
}

/// A draft is kept encrypted, opens only with its key, for its owner and procedure, and is gone
/// after `discard_all` (sign-out).
#[wasm_bindgen_test]
async fn a_draft_is_encrypted_bound_to_its_owner_and_removed_at_sign_out() {
    use crate::services::drafts::{Draft, DraftBox, discard_all};

    let key = crate::services::identity::base64url(&[7u8; 32]);
    let other_key = crate::services::identity::base64url(&[8u8; 32]);
    let mine = DraftBox::from_key(&key, "001197004321").await.expect("key");
    let draft = Draft {
        answers: [("child.full_name".to_owned(), "Trần Ngọc Anh".to_owned())].into(),
        idempotency_key: "k-1".into(),
        step: "child_name".into(),
        ..Draft::default()
    };
    mine.save("1.001193", &draft).await.expect("saved");
    let storage = web_sys::window().unwrap().local_storage().unwrap().unwrap();
    let stored = storage
        .get_item("motlan.draft.1.001193")
        .unwrap()
        .expect("stored");
    assert!(
        !stored.contains("Ngọc") && !stored.contains("child"),
        "{stored}"
    );
    assert_eq!(mine.load("1.001193").await, Some(draft));

    let someone_else = DraftBox::from_key(&key, "036094001234").await.expect("key");
    assert_eq!(
        someone_else.load("1.001193").await,
        None,
        "bound to its owner"
    );
    let wrong_key = DraftBox::from_key(&other_key, "001197004321")
        .await
        .expect("key");
    assert_eq!(
        wrong_key.load("1.001193").await,
        None,
        "opens only with its key"
    );
    assert_eq!(mine.load("1.004194").await, None);

    storage.set_item("unrelated", "kept").unwrap();
    discard_all();
    assert_eq!(storage.get_item("motlan.draft.1.001193").unwrap(), None);
    assert_eq!(
        storage.get_item("unrelated").unwrap().as_deref(),
        Some("kept")
    );
    storage.remove_item("unrelated").unwrap();
}

#[cfg(feature = "journey")]
#[derive(PartialEq, Properties)]
struct SummaryHarnessProps {
    errors: Vec<motlan_core::FieldError>,
}

#[cfg(feature = "journey")]
#[function_component(SummaryHarness)]
fn summary_harness(props: &SummaryHarnessProps) -> Html {
    use crate::components::error_summary::ErrorSummary;
    use crate::route::Route;
    let label = Callback::from(|field: String| format!("Câu hỏi {field}"));
    // Problems with documents live on the documents step; the rest on this page.
    let elsewhere = Callback::from(|field: String| {
        motlan_core::field::document_id(&field).map(|_| Route::Filing {
            code: "1.001193".into(),
            step: motlan_core::journey::DOCUMENTS.into(),
        })
    });
    html! {
        <yew_router::BrowserRouter>
            <PrefsProvider>
                <ErrorSummary errors={std::rc::Rc::new(props.errors.clone())} {label} elsewhere={Some(elsewhere)} />
            </PrefsProvider>
        </yew_router::BrowserRouter>
    }
}

#[cfg(feature = "journey")]
#[wasm_bindgen_test]
async fn the_error_summary_links_each_problem_to_its_field_or_step_and_takes_focus() {
    let document = web_sys::window().unwrap().document().unwrap();
    let root = document.create_element("div").unwrap();
    document.body().unwrap().append_child(&root).unwrap();
    let errors = vec![
        motlan_core::FieldError::new("child.full_name", "name.empty"),
        motlan_core::FieldError::new("documents.portrait", "document.missing"),
    ];
    yew::Renderer::<SummaryHarness>::with_root_and_props(
        root.clone(),
        SummaryHarnessProps { errors },
    )
    .render();
    yew::platform::time::sleep(std::time::Duration::from_millis(50)).await;
    let summary = root
        .query_selector(".error-summary")
        .unwrap()
        .expect("shown");
    assert_eq!(summary.get_attribute("role").as_deref(), Some("alert"));
    let links = summary.query_selector_all("a").unwrap();
    assert_eq!(links.length(), 2);
    let href = |i| {
        use wasm_bindgen::JsCast as _;
        links
            .item(i)
            .unwrap()
            .dyn_into::<web_sys::Element>()
            .unwrap()
            .get_attribute("href")
            .unwrap()
    };
    assert_eq!(href(0), "#q-child-full_name");
    assert_eq!(href(1), "/thu-tuc/1.001193/khai/giay-to");
    let text = summary.text_content().unwrap();
    assert!(text.contains("Câu hỏi child.full_name: "), "{text}");
    let focused = document.active_element().expect("something has focus");
    assert!(
        focused.is_same_node(Some(&summary)),
        "the summary takes focus"
    );
}

//! What the volunteer's screen shows of the resident's filing. The resident's phone reports ids
//! only (the step, the questions with errors, the documents still to upload); the server turns
//! them into names from the catalog here, so whatever a phone sends, nothing the resident typed
//! can reach the volunteer: an id the procedure does not have is refused, not echoed.

use serde::{Deserialize, Serialize};

use crate::form::Page;
use crate::journey::{CHECK, DOCUMENTS, KNOWN, START};
use crate::{Localized, Procedure, field};

/// Sent by the resident's phone when the step or its problems change.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(example = json!({
    "procedure_code": "1.001193", "step": "child", "step_number": 3, "step_count": 9,
    "question_errors": ["child.date_of_birth"], "documents_remaining": []
})))]
#[serde(deny_unknown_fields)]
pub struct ProgressReport {
    /// The procedure being filed (the volunteer may have offered help without naming one).
    pub procedure_code: String,
    /// The step's id: `thong-tin-co-san`, a page id of the procedure, `giay-to` or `kiem-tra`.
    pub step: String,
    #[cfg_attr(feature = "openapi", schema(minimum = 1, maximum = 100))]
    #[serde(deserialize_with = "crate::wire::whole_number")]
    pub step_number: u8,
    #[cfg_attr(feature = "openapi", schema(minimum = 1, maximum = 100))]
    #[serde(deserialize_with = "crate::wire::whole_number")]
    pub step_count: u8,
    /// Answer keys of the questions with an error (never their values).
    #[serde(default)]
    pub question_errors: Vec<String>,
    /// Ids of the documents that still need an upload.
    #[serde(default)]
    pub documents_remaining: Vec<String>,
}

/// What the volunteer sees: names from the catalog and a tip on how to explain the step.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct HelpProgress {
    pub procedure_code: String,
    pub procedure_name: Localized,
    pub step_title: Localized,
    pub step_number: u8,
    pub step_count: u8,
    /// How to explain this step, so the resident can do it alone next time.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tip: Option<Localized>,
    pub questions_with_errors: Vec<Localized>,
    pub documents_remaining: Vec<Localized>,
}

/// What is wrong with a report: the first id the procedure does not have.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ProgressError {
    Step(String),
    Question(String),
    Document(String),
    Numbers,
}

fn both(vi: &str, en: &str) -> Localized {
    Localized {
        vi: vi.to_owned(),
        en: en.to_owned(),
    }
}

/// The tip for a step that is not one of the procedure's pages.
fn journey_tip(step: &str) -> Option<(Localized, Localized)> {
    Some(match step {
        START => (
            both("Bắt đầu", "Start"),
            both(
                "Cho người dân xem thủ tục cần gì trước khi khai; mọi thứ chỉ cần làm một lần.",
                "Show the resident what the procedure needs before they start; everything is asked once.",
            ),
        ),
        KNOWN => (
            both("Thông tin đã có sẵn", "What is already known"),
            both(
                "Giải thích: các thông tin này lấy từ Cơ sở dữ liệu quốc gia về dân cư sau khi người dân đồng ý, nên không phải khai lại. Nếu có gì sai, người dân báo Công an xã, không sửa ở đây.",
                "Explain: this comes from the national population database after the resident's consent, so it is not typed again. If something is wrong, the resident tells the commune police; it is not changed here.",
            ),
        ),
        DOCUMENTS => (
            both("Giấy tờ", "Documents"),
            both(
                "Chỉ ra giấy tờ nào nhà nước đã có (không phải nộp) và giấy tờ nào cần chụp ảnh. Hướng dẫn chụp thẳng, đủ sáng, đủ bốn góc; người dân tự chụp trên điện thoại của mình.",
                "Point out which papers the state already holds (not needed) and which need a photo. Show how to shoot straight, well lit, all four corners; the resident takes the photo on their own phone.",
            ),
        ),
        CHECK => (
            both("Kiểm tra và nộp", "Check and submit"),
            both(
                "Mời người dân tự đọc lại từng mục và tự bấm nộp. Nhắc họ ghi lại mã hồ sơ để tra cứu sau.",
                "Ask the resident to read each item themselves and press submit themselves. Remind them to keep the dossier code to track it later.",
            ),
        ),
        _ => return None,
    })
}

/// The title and tip of a step of the procedure's journey.
pub fn step_tip(procedure: &Procedure, step: &str) -> Option<(Localized, Option<Localized>)> {
    if let Some((title, tip)) = journey_tip(step) {
        return Some((title, Some(tip)));
    }
    procedure
        .pages
        .iter()
        .find(|p| p.id == step)
        .map(|p: &Page| (p.title.clone(), p.tip.clone()))
}

/// Names the ids of a report, refusing any the procedure does not have (the caller looks the
/// procedure up by `report.procedure_code`).
pub fn describe(
    procedure: &Procedure,
    report: &ProgressReport,
) -> Result<HelpProgress, ProgressError> {
    let (step_title, tip) = step_tip(procedure, &report.step)
        .ok_or_else(|| ProgressError::Step(report.step.clone()))?;
    if report.step_number == 0 || report.step_number > report.step_count || report.step_count > 100
    {
        return Err(ProgressError::Numbers);
    }
    let question = |key: &str| {
        procedure
            .pages
            .iter()
            .flat_map(|p| &p.questions)
            .find(|q| q.id == key || q.keys().iter().any(|k| k == key))
            .map(|q| q.label.clone())
    };
    let document = |id: &str| {
        procedure
            .documents
            .iter()
            .find(|d| d.id == id)
            .map(|d| d.name.clone())
    };
    let mut questions_with_errors = Vec::new();
    for key in &report.question_errors {
        // A document's problem may come with the questions' (`documents.{id}`).
        let label = match field::document_id(key) {
            Some(id) => document(id),
            None => question(key),
        }
        .ok_or_else(|| ProgressError::Question(key.clone()))?;
        if !questions_with_errors.contains(&label) {
            questions_with_errors.push(label);
        }
    }
    let mut documents_remaining = Vec::new();
    for id in &report.documents_remaining {
        let name = document(id).ok_or_else(|| ProgressError::Document(id.clone()))?;
        if !documents_remaining.contains(&name) {
            documents_remaining.push(name);
        }
    }
    Ok(HelpProgress {
        procedure_code: procedure.code.to_string(),
        procedure_name: procedure.name.clone(),
        step_title,
        step_number: report.step_number,
        step_count: report.step_count,
        tip,
        questions_with_errors,
        documents_remaining,
    })
}

#[cfg(all(test, feature = "embedded-catalog"))]
mod tests {
    use super::*;
    use crate::catalog::Catalog;

    #[test]
    fn every_page_of_every_procedure_has_a_teach_tip() {
        let catalog = Catalog::embedded().expect("catalog");
        for p in catalog.procedures() {
            for page in &p.pages {
                let tip = page.tip.as_ref();
                assert!(
                    tip.is_some_and(|t| !t.vi.trim().is_empty() && !t.en.trim().is_empty()),
                    "{} / {}: no tip",
                    p.code,
                    page.id
                );
            }
            for step in [START, KNOWN, DOCUMENTS, CHECK] {
                assert!(step_tip(p, step).is_some_and(|(_, tip)| tip.is_some()));
            }
        }
    }

    #[test]
    fn a_report_names_only_what_the_procedure_has() {
        let catalog = Catalog::embedded().expect("catalog");
        let p = catalog.get("1.001193").expect("birth registration");
        let report = |step: &str, questions: &[&str], documents: &[&str]| ProgressReport {
            procedure_code: "1.001193".into(),
            step: step.into(),
            step_number: 2,
            step_count: 9,
            question_errors: questions.iter().map(|s| s.to_string()).collect(),
            documents_remaining: documents.iter().map(|s| s.to_string()).collect(),
        };
        let named = describe(p, &report("child_name", &["child.full_name"], &[])).expect("valid");
        assert_eq!(named.step_title.vi, "Tên của trẻ");
        assert_eq!(
            named.questions_with_errors[0].vi,
            "Họ, chữ đệm và tên của trẻ"
        );
        // A typed value in place of an id is refused, not echoed to the volunteer.
        assert_eq!(
            describe(p, &report("child_name", &["Trần Ngọc Anh"], &[])),
            Err(ProgressError::Question("Trần Ngọc Anh".into()))
        );
        assert_eq!(
            describe(p, &report("Nguyễn Thị Lan", &[], &[])),
            Err(ProgressError::Step("Nguyễn Thị Lan".into()))
        );
        assert_eq!(
            describe(p, &report(DOCUMENTS, &[], &["001197004321"])),
            Err(ProgressError::Document("001197004321".into()))
        );
        let mut bad = report(CHECK, &[], &[]);
        bad.step_number = 10;
        assert_eq!(describe(p, &bad), Err(ProgressError::Numbers));
    }
}

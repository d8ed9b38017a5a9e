//! The steps of the filing journey, one per page: what national data already says (to confirm,
//! not to type), each page of questions that still needs an answer, the documents when any
//! apply, and the check-your-answers page. Pages fully answered by national data are skipped;
//! conditions follow the answers. The web app renders the plan; the rules are here, tested
//! natively.

use std::collections::BTreeSet;

use crate::form::{Answers, Page, Question, visible_questions};
use crate::prefill::Prefilled;
use crate::reuse::{DocumentStatus, Resolution};
use crate::{Lang, Procedure, field};

/// Route segment of the step that resumes a draft (or starts).
pub const START: &str = "bat-dau";
/// Route segment of the step showing what national data already says.
pub const KNOWN: &str = "thong-tin-co-san";
/// Route segment of the documents step.
pub const DOCUMENTS: &str = "giay-to";
/// Route segment of the check-your-answers step.
pub const CHECK: &str = "kiem-tra";

/// One step of the journey.
#[derive(Debug, Clone, PartialEq)]
pub enum Step<'a> {
    Known,
    /// A page of the form with its visible questions (some may be answered by national data).
    Page(&'a Page, Vec<&'a Question>),
    Documents,
    Check,
}

impl Step<'_> {
    /// The step's route segment.
    pub fn id(&self) -> &str {
        match self {
            Step::Known => KNOWN,
            Step::Page(page, _) => &page.id,
            Step::Documents => DOCUMENTS,
            Step::Check => CHECK,
        }
    }
}

/// The journey for the answers so far.
#[derive(Debug, Clone, PartialEq)]
pub struct Plan<'a> {
    pub steps: Vec<Step<'a>>,
    /// Visible questions with a value national data fills and locks.
    pub known: Vec<&'a Question>,
    /// Documents that apply to the answers.
    pub documents: Vec<&'a DocumentStatus>,
    locked: BTreeSet<&'a str>,
}

/// Plans the journey: `effective` holds the answers with national data applied.
pub fn plan<'a>(
    procedure: &'a Procedure,
    prefilled: &'a [Prefilled],
    documents: &'a [DocumentStatus],
    effective: &Answers,
) -> Plan<'a> {
    let locked: BTreeSet<&str> = prefilled
        .iter()
        .filter(|p| p.locked)
        .map(|p| p.key.as_str())
        .collect();
    let visible = visible_questions(&procedure.pages, effective);
    let known: Vec<&Question> = visible
        .iter()
        .map(|(_, q)| *q)
        .filter(|q| q.keys().iter().any(|k| locked.contains(k.as_str())))
        .collect();
    let mut plan = Plan {
        steps: Vec::new(),
        known,
        documents: documents
            .iter()
            .filter(|d| d.resolution != Resolution::NotApplicable)
            .collect(),
        locked,
    };
    if !plan.known.is_empty() {
        plan.steps.push(Step::Known);
    }
    for page in &procedure.pages {
        let questions: Vec<&Question> = visible
            .iter()
            .filter(|(p, _)| p.id == page.id)
            .map(|(_, q)| *q)
            .collect();
        if questions.iter().any(|q| !plan.fully_locked(q)) {
            plan.steps.push(Step::Page(page, questions));
        }
    }
    if !plan.documents.is_empty() {
        plan.steps.push(Step::Documents);
    }
    plan.steps.push(Step::Check);
    plan
}

impl<'a> Plan<'a> {
    /// Whether national data answers every part of the question (nothing to type).
    pub fn fully_locked(&self, q: &Question) -> bool {
        q.keys().iter().all(|k| self.locked.contains(k.as_str()))
    }

    pub fn is_locked(&self, key: &str) -> bool {
        self.locked.contains(key)
    }

    /// Where a route segment lands: its step, or the first one for an unknown segment.
    pub fn index_of(&self, step: &str) -> usize {
        self.steps.iter().position(|s| s.id() == step).unwrap_or(0)
    }

    /// The step after `index`: the check page when the citizen came to change one answer.
    pub fn next(&self, index: usize, returning_to_check: bool) -> usize {
        let last = self.steps.len() - 1;
        if returning_to_check && index < last {
            last
        } else {
            (index + 1).min(last)
        }
    }

    /// The step a problem belongs to, for the links of the error summary.
    pub fn step_of(&self, field: &str) -> &str {
        if field::document_id(field).is_some() {
            return DOCUMENTS;
        }
        self.steps
            .iter()
            .find(|s| matches!(s, Step::Page(_, qs) if qs.iter().any(|q| q.id == field || q.keys().iter().any(|k| k == field))))
            .map_or(KNOWN, Step::id)
    }

    /// The pages of questions, in order.
    pub fn pages(&self) -> impl Iterator<Item = (&'a Page, &[&'a Question])> {
        self.steps.iter().filter_map(|s| match s {
            Step::Page(page, qs) => Some((*page, qs.as_slice())),
            _ => None,
        })
    }

    /// The answers a submission sends: what the citizen gave, without the locked values (the
    /// server fills those from their source).
    pub fn submitted(&self, effective: &Answers) -> Answers {
        effective
            .iter()
            .filter(|(k, _)| !self.locked.contains(k.as_str()))
            .map(|(k, v)| (k.clone(), v.clone()))
            .collect()
    }
}

/// Answer keys read by any condition: a change to one of them can change what national data
/// fills in and which documents apply, so the reading is refreshed.
pub fn condition_keys(p: &Procedure) -> BTreeSet<String> {
    let mut conditions: Vec<&crate::form::Condition> = Vec::new();
    for page in &p.pages {
        conditions.extend(&page.when);
        for q in &page.questions {
            conditions.extend(&q.when);
            conditions.extend(q.prefill.iter().filter_map(|r| r.when.as_ref()));
        }
    }
    conditions.extend(p.documents.iter().filter_map(|d| d.condition.as_ref()));
    let keys: BTreeSet<String> = conditions
        .iter()
        .flat_map(|c| c.questions())
        .map(str::to_owned)
        .collect();
    keys
}

/// The label of the question or document a problem concerns.
pub fn field_label(p: &Procedure, field: &str, lang: Lang) -> String {
    if let Some(id) = field::document_id(field) {
        return p
            .documents
            .iter()
            .find(|d| d.id == id)
            .map_or_else(|| id.to_owned(), |d| d.name.get(lang).to_owned());
    }
    p.pages
        .iter()
        .flat_map(|page| &page.questions)
        .find(|q| q.id == field || q.keys().iter().any(|k| k == field))
        .map_or_else(|| field.to_owned(), |q| q.label.get(lang).to_owned())
}

//! The consistency rules of a form that types cannot express: ids, labels in both languages,
//! conditions that read earlier questions and name their options, sources that fit the question,
//! choices with options, numbers with bounds, holders, historical addresses.

use std::collections::BTreeMap;

use crate::condition::Condition;
use crate::form::{Page, Question, QuestionKind};

/// Consistency rules of a form that types cannot express; each problem in words.
pub fn check_pages(pages: &[Page]) -> Vec<String> {
    let mut problems = Vec::new();
    let mut seen: BTreeMap<String, &Question> = BTreeMap::new();
    let key_ok = |id: &str| {
        !id.is_empty()
            && id
                .bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_' || b == b'.')
    };
    let check_leaf = |what: &str, c: &Condition, seen: &BTreeMap<String, &Question>| {
        let mut problems = Vec::new();
        let target = seen
            .get(&c.question)
            .or_else(|| c.question.rsplit_once('.').and_then(|(q, _)| seen.get(q)));
        match target {
            None => problems.push(format!(
                "{what}: the condition reads {:?}, which is not an earlier question",
                c.question
            )),
            Some(q) if !q.options.is_empty() || matches!(q.kind, QuestionKind::YesNo) => {
                let allowed: Vec<&str> = if q.kind == QuestionKind::YesNo {
                    vec!["yes", "no"]
                } else {
                    q.options.iter().map(|o| o.value.as_str()).collect()
                };
                for v in c.values() {
                    if !allowed.contains(&v.as_str()) {
                        problems.push(format!(
                            "{what}: {v:?} is not an option of question {:?}",
                            q.id
                        ));
                    }
                }
            }
            Some(_) => {}
        }
        if let Some(limit) = &c.before {
            if crate::validate::date::iso::parse(limit).is_none() {
                problems.push(format!(
                    "{what}: before = {limit:?} is not a yyyy-mm-dd date"
                ));
            }
            if target.is_some_and(|q| {
                !matches!(
                    q.kind,
                    QuestionKind::Date | QuestionKind::PastDate | QuestionKind::ValidUntil
                )
            }) {
                problems.push(format!(
                    "{what}: before reads {:?}, which is not a date",
                    c.question
                ));
            }
        }
        problems
    };
    let check_condition = |what: &str, c: &Condition, seen: &BTreeMap<String, &Question>| {
        let mut problems = Vec::new();
        let compound = !c.any.is_empty() || !c.all.is_empty();
        if compound
            && (!c.question.is_empty()
                || c.equals.is_some()
                || !c.one_of.is_empty()
                || c.before.is_some())
        {
            problems.push(format!(
                "{what}: a condition with any or all compares nothing itself"
            ));
        }
        for leaf in c.leaves() {
            problems.extend(check_leaf(what, leaf, seen));
        }
        problems
    };
    for page in pages {
        if !key_ok(&page.id) {
            problems.push(format!(
                "page id {:?} must be lower-case snake_case",
                page.id
            ));
        }
        if page.questions.is_empty() {
            problems.push(format!("page {:?} has no questions", page.id));
        }
        if let Some(c) = &page.when {
            problems.extend(check_condition(&format!("page {:?}", page.id), c, &seen));
        }
        for q in &page.questions {
            let what = format!("question {:?}", q.id);
            if !key_ok(&q.id) {
                problems.push(format!(
                    "{what}: the id must be lower-case snake_case (dots allowed)"
                ));
            }
            if seen.contains_key(&q.id) {
                problems.push(format!("{what} is defined twice"));
            }
            if q.label.vi.trim().is_empty() || q.label.en.trim().is_empty() {
                problems.push(format!("{what} needs a label in both languages"));
            }
            if let Some(c) = &q.when {
                problems.extend(check_condition(&what, c, &seen));
            }
            for rule in &q.prefill {
                if let Some(c) = &rule.when {
                    problems.extend(check_condition(&what, c, &seen));
                }
                if !q.kind.accepts(rule.from.value_kind()) {
                    problems.push(format!(
                        "{what}: {} cannot fill a question of kind {:?}",
                        rule.from, q.kind
                    ));
                }
            }
            match (q.kind, q.options.is_empty()) {
                (QuestionKind::Choice, true) => {
                    problems.push(format!("{what}: a choice question needs options"))
                }
                (QuestionKind::Choice, false) => {}
                (_, false) => problems.push(format!("{what}: only a choice question has options")),
                _ => {}
            }
            if q.historical && q.kind != QuestionKind::Address {
                problems.push(format!("{what}: only an address question is historical"));
            }
            if q.historical && !q.prefill.is_empty() {
                problems.push(format!(
                    "{what}: a historical address is written by the citizen; national data fills only current ones"
                ));
            }
            if q.kind == QuestionKind::Number && q.min.zip(q.max).is_none_or(|(lo, hi)| lo > hi) {
                problems.push(format!("{what}: a number question needs min <= max"));
            }
            if let Some(h) = &q.holder {
                for key in std::iter::once(&h.birth).chain(&h.sex) {
                    if !seen.contains_key(key) {
                        problems.push(format!(
                            "{what}: holder answer {key:?} is not an earlier question"
                        ));
                    }
                }
            }
            seen.insert(q.id.clone(), q);
        }
    }
    problems
}

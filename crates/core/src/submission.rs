//! The check of what a citizen submits, with the rules of filing, once: a new dossier and the
//! answer to a supplement request both pass through here. Locked values must match their national
//! source, every answer is validated and normalised by the form's rules, documents are resolved
//! again (an upload is required only where no national system holds the paper), and only the
//! citizen's own uploads are accepted.
//!
//! The server reads national data and looks up which attachments the citizen owns; this module
//! decides. Every problem is reported at once, each against its field.

use std::collections::{BTreeMap, BTreeSet};

use crate::answers::{CheckContext, check_answers};
use crate::api::{FiledDocument, SupplementAnswer, SupplementError, SupplementItem};
use crate::form::{ADDRESS_PARTS, Answers, OLD_ADDRESS_PARTS};
use crate::prefill::{Prefilled, apply, check_locked};
use crate::reuse::{DocumentError, DocumentStatus, Resolution};
use crate::{FieldError, Procedure, field};

/// What national data says for the submitted answers (read by the server at submission).
#[derive(Debug, Clone, Copy)]
pub struct Reading<'a> {
    pub prefilled: &'a [Prefilled],
    pub documents: &'a [DocumentStatus],
}

/// What a submission is checked against: national data for its answers, the attachment ids the
/// citizen owns (among those it names), today and the unit list.
#[derive(Debug, Clone, Copy)]
pub struct Against<'a> {
    pub reading: Reading<'a>,
    pub owned: &'a BTreeSet<String>,
    pub checks: CheckContext<'a>,
}

/// Attachment ids by document id, as submitted.
pub type Attachments = BTreeMap<String, Vec<String>>;

/// A submission that passed every check: the answers to store (normalised, locked values
/// from their source) and each document with its resolution and attachments.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Checked {
    pub answers: Answers,
    pub documents: Vec<FiledDocument>,
}

/// Every attachment id a submission names: the server looks up which of them the citizen owns.
pub fn attachment_ids(attachments: &Attachments) -> Vec<String> {
    attachments.values().flatten().cloned().collect()
}

/// Checks a new dossier.
pub fn check_filing(
    procedure: &Procedure,
    answers: &Answers,
    attachments: &Attachments,
    against: Against<'_>,
) -> Result<Checked, Vec<FieldError>> {
    let (reading, owned) = (against.reading, against.owned);
    let mut errors = Vec::new();
    let clean = check_given_answers(procedure, answers, against, &mut errors);
    let known: BTreeSet<&str> = reading
        .documents
        .iter()
        .map(|d| d.document.as_str())
        .collect();
    for id in attachments.keys().filter(|id| !known.contains(id.as_str())) {
        errors.push(DocumentError::Unknown.field_error(&field::document(id)));
    }
    let mut documents = Vec::new();
    for status in reading.documents {
        let name = field::document(&status.document);
        let given = attachments
            .get(&status.document)
            .cloned()
            .unwrap_or_default();
        if status.must_upload() && given.is_empty() {
            errors.push(DocumentError::Missing.field_error(&name));
            continue;
        }
        if status.resolution == Resolution::NotApplicable {
            continue;
        }
        if !given.iter().all(|id| owned.contains(id)) {
            errors.push(DocumentError::AttachmentUnknown.field_error(&name));
        }
        documents.push(FiledDocument {
            status: status.clone(),
            attachments: given,
        });
    }
    finish(clean, documents, errors)
}

/// The answers a supplement leaves: those filed, with the reopened ones replaced.
pub fn supplemented(filed: &Answers, answer: &SupplementAnswer) -> Answers {
    let mut answers = filed.clone();
    answers.extend(answer.answers.clone());
    answers
}

/// Checks the answer to a supplement request: only the items the officer named, every one of
/// them, and then the whole dossier again with the rules of filing. Its reading is national
/// data for the [`supplemented`] answers.
pub fn check_supplement(
    procedure: &Procedure,
    requested: &[SupplementItem],
    filed: &Checked,
    answer: &SupplementAnswer,
    against: Against<'_>,
) -> Result<Checked, Vec<FieldError>> {
    let errors = check_requested(requested, answer);
    if !errors.is_empty() {
        return Err(errors);
    }
    let (reading, owned) = (against.reading, against.owned);
    let mut errors = Vec::new();
    // The reopened answers are checked against their source; the rest was checked at filing.
    errors.extend(check_locked(&answer.answers, reading.prefilled));
    let all = supplemented(&filed.answers, answer);
    let clean = check_merged(procedure, &all, against, &mut errors);
    let mut documents = filed.documents.clone();
    for (id, given) in &answer.attachments {
        if !given.iter().all(|a| owned.contains(a)) {
            errors.push(DocumentError::AttachmentUnknown.field_error(&field::document(id)));
            continue;
        }
        match documents.iter_mut().find(|d| &d.status.document == id) {
            Some(filed) => filed.attachments = given.clone(),
            None => {
                if let Some(status) = reading.documents.iter().find(|d| &d.document == id) {
                    documents.push(FiledDocument {
                        status: status.clone(),
                        attachments: given.clone(),
                    });
                }
            }
        }
    }
    finish(clean, documents, errors)
}

/// Locked values unchanged, then every answer by the form's rules (a tampered field is
/// reported once, as tampered).
fn check_given_answers(
    procedure: &Procedure,
    answers: &Answers,
    against: Against<'_>,
    errors: &mut Vec<FieldError>,
) -> Option<Answers> {
    errors.extend(check_locked(answers, against.reading.prefilled));
    check_merged(procedure, answers, against, errors)
}

/// Every answer, with national data applied, by the form's rules.
fn check_merged(
    procedure: &Procedure,
    answers: &Answers,
    against: Against<'_>,
    errors: &mut Vec<FieldError>,
) -> Option<Answers> {
    let merged = apply(answers, against.reading.prefilled);
    match check_answers(procedure, &merged, against.checks) {
        Ok(clean) => Some(clean),
        Err(problems) => {
            let tampered: BTreeSet<String> = errors.iter().map(|e| e.field.clone()).collect();
            errors.extend(
                problems
                    .into_iter()
                    .filter(|p| !tampered.contains(&p.field)),
            );
            None
        }
    }
}

fn finish(
    clean: Option<Answers>,
    documents: Vec<FiledDocument>,
    errors: Vec<FieldError>,
) -> Result<Checked, Vec<FieldError>> {
    match clean {
        Some(answers) if errors.is_empty() => Ok(Checked { answers, documents }),
        _ => Err(errors),
    }
}

/// Answer keys a supplement request reopens (an address question reopens its parts).
pub fn reopened_keys(items: &[SupplementItem]) -> BTreeSet<String> {
    let mut keys = BTreeSet::new();
    for item in items {
        if let SupplementItem::Answer(id) = item {
            keys.insert(id.clone());
            keys.extend(
                ADDRESS_PARTS
                    .iter()
                    .chain(&OLD_ADDRESS_PARTS)
                    .map(|part| format!("{id}.{part}")),
            );
        }
    }
    keys
}

/// Items answered that were not requested, and requested items left unanswered.
fn check_requested(requested: &[SupplementItem], answer: &SupplementAnswer) -> Vec<FieldError> {
    let allowed_keys = reopened_keys(requested);
    let allowed_documents: BTreeSet<&str> = requested
        .iter()
        .filter_map(|i| match i {
            SupplementItem::Document(id) => Some(id.as_str()),
            SupplementItem::Answer(_) => None,
        })
        .collect();
    let mut errors: Vec<FieldError> = answer
        .answers
        .keys()
        .filter(|k| !allowed_keys.contains(*k))
        .map(|k| SupplementError::NotRequested.field_error(k))
        .collect();
    errors.extend(
        answer
            .attachments
            .keys()
            .filter(|id| !allowed_documents.contains(id.as_str()))
            .map(|id| SupplementError::NotRequested.field_error(&field::document(id))),
    );
    for item in requested {
        match item {
            SupplementItem::Answer(id)
                if !answer
                    .answers
                    .keys()
                    .any(|k| k == id || k.starts_with(&format!("{id}."))) =>
            {
                errors.push(SupplementError::Missing.field_error(id));
            }
            SupplementItem::Document(id)
                if answer.attachments.get(id).is_none_or(Vec::is_empty) =>
            {
                errors.push(SupplementError::Missing.field_error(&field::document(id)));
            }
            _ => {}
        }
    }
    errors
}

#[cfg(test)]
mod tests {
    use super::*;

    fn answer(answers: &[(&str, &str)], documents: &[(&str, &str)]) -> SupplementAnswer {
        SupplementAnswer {
            answers: answers
                .iter()
                .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
                .collect(),
            attachments: documents
                .iter()
                .map(|(d, a)| ((*d).to_owned(), vec![(*a).to_owned()]))
                .collect(),
        }
    }

    #[test]
    fn a_supplement_answers_exactly_the_requested_items() {
        let requested = [
            SupplementItem::Answer("child.residence".into()),
            SupplementItem::Document("photo".into()),
        ];
        let fine = answer(
            &[
                ("child.residence.province", "1"),
                ("child.residence.ward", "4"),
            ],
            &[("photo", "a1")],
        );
        assert!(check_requested(&requested, &fine).is_empty());

        let wrong = answer(&[("child.full_name", "X")], &[("licence", "a2")]);
        let problems: Vec<(String, String)> = check_requested(&requested, &wrong)
            .into_iter()
            .map(|e| (e.field, e.message_key))
            .collect();
        assert_eq!(
            problems,
            vec![
                ("child.full_name".into(), "supplement.not_requested".into()),
                (
                    "documents.licence".into(),
                    "supplement.not_requested".into()
                ),
                ("child.residence".into(), "supplement.missing".into()),
                ("documents.photo".into(), "supplement.missing".into()),
            ]
        );
    }

    #[test]
    fn an_address_item_reopens_its_three_parts() {
        let keys = reopened_keys(&[SupplementItem::Answer("home".into())]);
        assert!(keys.contains("home"));
        assert!(
            ADDRESS_PARTS
                .iter()
                .all(|p| keys.contains(&format!("home.{p}")))
        );
    }
}

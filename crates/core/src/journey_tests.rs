//! The journey plan on real catalog procedures and sandbox citizens.

use crate::catalog::Catalog;
use crate::form::Answers;
use crate::journey::{CHECK, DOCUMENTS, KNOWN, Step, plan};
use crate::prefill::prefill_all;
use crate::reuse::resolve;
use crate::sandbox::citizen;
use crate::test_support::answers;

#[test]
fn a_mother_confirms_what_is_known_answers_the_open_pages_and_uploads_nothing() {
    let catalog = Catalog::embedded().unwrap();
    let birth = catalog.get("1.001193").unwrap();
    let lan = citizen("lan").unwrap().data;
    let case = answers(&[
        ("requester.relation", "mother"),
        ("child.circumstance", "normal"),
        ("father.known", "yes"),
    ]);
    let (effective, prefilled) = prefill_all(birth, &lan, &case);
    let documents = resolve(birth, &effective, Some(&lan));
    let plan = plan(birth, &prefilled, &documents, &effective);

    let ids: Vec<&str> = plan.steps.iter().map(Step::id).collect();
    assert_eq!(ids.first(), Some(&KNOWN));
    assert_eq!(ids.last(), Some(&CHECK));
    // The documents step says why each paper is not needed: none is to be uploaded.
    assert!(ids.contains(&DOCUMENTS), "{ids:?}");
    assert!(plan.documents.iter().all(|d| !d.must_upload()));
    // A page whose every question national data answers is skipped.
    for (page, questions) in plan.pages() {
        assert!(
            questions.iter().any(|q| !plan.fully_locked(q)),
            "page {} has nothing to type",
            page.id
        );
    }
    let mother_page = birth
        .pages
        .iter()
        .find(|p| p.questions.iter().any(|q| q.id == "mother.full_name"))
        .unwrap();
    assert!(
        mother_page
            .questions
            .iter()
            .all(|q| q.keys().iter().all(|k| plan.is_locked(k))),
        "national data answers the whole page about the mother"
    );
    assert!(!ids.contains(&mother_page.id.as_str()), "{ids:?}");
    assert!(plan.known.iter().any(|q| q.id == "requester.full_name"));

    // What is sent leaves the locked values to the server.
    let sent = plan.submitted(&effective);
    assert!(!sent.contains_key("requester.full_name"));
    assert_eq!(
        sent.get("requester.relation").map(String::as_str),
        Some("mother")
    );
}

#[test]
fn problems_link_to_their_step_and_a_change_returns_to_the_check_page() {
    let catalog = Catalog::embedded().unwrap();
    let birth = catalog.get("1.001193").unwrap();
    let (effective, prefilled) = (Answers::new(), Vec::new());
    let documents = resolve(birth, &effective, None);
    let plan = plan(birth, &prefilled, &documents, &effective);

    // Without sign-in nothing is known: the journey starts at the first page.
    assert!(!matches!(plan.steps[0], Step::Known));
    assert_eq!(plan.step_of("documents.birth_notice"), DOCUMENTS);
    let (first_page, questions) = plan.pages().next().unwrap();
    assert_eq!(plan.step_of(&questions[0].id), first_page.id);
    assert_eq!(plan.step_of("no.such.field"), KNOWN);

    assert_eq!(plan.index_of("not-a-step"), 0);
    let last = plan.steps.len() - 1;
    assert_eq!(plan.index_of(CHECK), last);
    assert_eq!(plan.next(0, false), 1);
    assert_eq!(plan.next(0, true), last);
    assert_eq!(plan.next(last, false), last);
}

//! The lifecycle's rules, and a property: no sequence of actions reaches an invalid state.

use proptest::prelude::*;

use super::*;
use DossierStatus as S;

fn standing(status: DossierStatus) -> Standing {
    Standing {
        status,
        ..Standing::received(50_000)
    }
}

#[test]
fn officers_move_a_dossier_and_citizens_answer() {
    let s = Standing::received(0);
    let s = s.decide(Actor::Officer, Action::Process).unwrap();
    assert_eq!(s.status, S::InProcessing);
    let s = s.decide(Actor::Officer, Action::RequestSupplement).unwrap();
    assert_eq!(s.status, S::SupplementRequested);
    let s = s.decide(Actor::Owner, Action::AnswerSupplement).unwrap();
    assert_eq!(s.status, S::InProcessing);
    let s = s.decide(Actor::Officer, Action::IssueResult).unwrap();
    assert_eq!(s.status, S::ResultReady);
    let s = s.decide(Actor::Owner, Action::Rate).unwrap();
    assert!(s.rated);
    assert_eq!(
        s.decide(Actor::Owner, Action::Rate),
        Err(Refusal::AlreadyRated)
    );
}

#[test]
fn each_actor_takes_only_its_own_actions() {
    let s = standing(S::Received);
    assert_eq!(
        s.decide(Actor::Owner, Action::Process),
        Err(Refusal::NotPermitted)
    );
    assert_eq!(
        s.decide(Actor::Officer, Action::Withdraw),
        Err(Refusal::NotPermitted)
    );
}

#[test]
fn refusals_keep_the_keys_clients_know() {
    let done = standing(S::ResultReady);
    let refused = done.decide(Actor::Owner, Action::Withdraw).unwrap_err();
    assert_eq!(refused.key(), "dossier_not_withdrawable");
    assert!(refused.message().en.contains("result_ready"));
    let refused = done
        .decide(Actor::Owner, Action::AnswerSupplement)
        .unwrap_err();
    assert_eq!(refused.key(), "no_supplement_requested");
    let refused = standing(S::InProcessing)
        .decide(Actor::Owner, Action::Rate)
        .unwrap_err();
    assert_eq!(refused.key(), "not_ratable");
    let free = Standing::received(0);
    assert_eq!(free.decide(Actor::Owner, Action::Pay), Err(Refusal::NoFee));
    let refused = standing(S::Withdrawn)
        .decide(Actor::Owner, Action::Pay)
        .unwrap_err();
    assert_eq!(refused.key(), "not_payable");
    let refused = standing(S::Rejected)
        .decide(Actor::Officer, Action::Process)
        .unwrap_err();
    assert_eq!(refused.key(), "transition_not_allowed");
    assert!(refused.message().vi.contains("rejected"));
}

#[test]
fn a_fee_is_paid_once_even_after_the_result() {
    let s = standing(S::ResultReady);
    let paid = s.decide(Actor::Owner, Action::Pay).unwrap();
    assert!(paid.paid);
    assert_eq!(paid.status, S::ResultReady);
    assert_eq!(
        paid.decide(Actor::Owner, Action::Pay),
        Err(Refusal::AlreadyPaid)
    );
}

fn any_action() -> impl Strategy<Value = (Actor, Action)> {
    (
        prop_oneof![Just(Actor::Owner), Just(Actor::Officer)],
        proptest::sample::select(Action::ALL.to_vec()),
    )
}

proptest! {
    /// No sequence of actions, allowed or refused, reaches an invalid state.
    #[test]
    fn no_sequence_of_actions_reaches_an_invalid_state(
        fee in prop_oneof![Just(0u64), 1u64..2_000_000],
        actions in proptest::collection::vec(any_action(), 0..40),
    ) {
        let mut s = Standing::received(fee);
        for (actor, action) in actions {
            let before = s;
            if let Ok(next) = s.decide(actor, action) {
                prop_assert_eq!(actor, action.actor());
                prop_assert!(!before.status.is_final() || next.status == before.status,
                    "a final status changed: {:?} -> {:?}", before.status, next.status);
                prop_assert_eq!(next.fee, before.fee);
                s = next;
            }
            // Paid and rated never go back; a paid dossier had a fee; only a finished
            // dossier is rated.
            prop_assert!(!before.paid || s.paid);
            prop_assert!(!before.rated || s.rated);
            prop_assert!(!s.paid || s.fee > 0);
            prop_assert!(!s.rated || matches!(s.status, S::ResultReady | S::Rejected));
        }
    }
}

#[test]
fn the_timeline_says_why_in_both_languages() {
    let reason = crate::Localized {
        vi: "Ảnh không rõ".into(),
        en: "The photo is unreadable".into(),
    };
    let note = Action::Reject.note(&reason);
    assert!(note.vi.ends_with("Lý do: Ảnh không rõ"), "{}", note.vi);
    assert!(note.en.ends_with("Reason: The photo is unreadable"));
    let received = notes::received("2026-12-07");
    assert!(received.vi.contains("07/12/2026"));
    assert_eq!(Action::Pay.note(&reason), crate::Localized::default());
}

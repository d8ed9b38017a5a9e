//! The dossier lifecycle, decided here once: the statuses, the actions that move a dossier
//! (process, request or answer a supplement, pay, issue the result, reject, withdraw, rate), who
//! may take each, and why one is refused. The server applies a decision inside the transaction
//! that reads the dossier; the web app asks the same rules which actions to offer.

use serde::{Deserialize, Serialize};

use crate::Localized;

/// Where a dossier stands (Nghị định 61/2018/NĐ-CP and the provincial systems' usual states).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub enum DossierStatus {
    Received,
    InProcessing,
    /// The officer named exactly which documents or answers to supply again.
    SupplementRequested,
    ResultReady,
    Rejected,
    Withdrawn,
}

impl DossierStatus {
    pub const ALL: [Self; 6] = [
        Self::Received,
        Self::InProcessing,
        Self::SupplementRequested,
        Self::ResultReady,
        Self::Rejected,
        Self::Withdrawn,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Self::Received => "received",
            Self::InProcessing => "in_processing",
            Self::SupplementRequested => "supplement_requested",
            Self::ResultReady => "result_ready",
            Self::Rejected => "rejected",
            Self::Withdrawn => "withdrawn",
        }
    }

    pub fn parse(text: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|s| s.as_str() == text)
    }

    /// No action changes a finished dossier's status.
    pub fn is_final(self) -> bool {
        matches!(self, Self::ResultReady | Self::Rejected | Self::Withdrawn)
    }
}

/// Who asks for an action.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Actor {
    /// The citizen who filed the dossier.
    Owner,
    /// The receiving agency's officer (the officer sandbox here).
    Officer,
}

/// What can be done to a filed dossier.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Action {
    Process,
    RequestSupplement,
    AnswerSupplement,
    Pay,
    IssueResult,
    Reject,
    Withdraw,
    Rate,
}

impl Action {
    pub const ALL: [Self; 8] = [
        Self::Process,
        Self::RequestSupplement,
        Self::AnswerSupplement,
        Self::Pay,
        Self::IssueResult,
        Self::Reject,
        Self::Withdraw,
        Self::Rate,
    ];

    /// Who may take it.
    pub fn actor(self) -> Actor {
        match self {
            Self::Process | Self::RequestSupplement | Self::IssueResult | Self::Reject => {
                Actor::Officer
            }
            Self::AnswerSupplement | Self::Pay | Self::Withdraw | Self::Rate => Actor::Owner,
        }
    }

    /// The statuses it may be taken from, and the status it leaves (`None`: unchanged).
    fn moves(self) -> (&'static [DossierStatus], Option<DossierStatus>) {
        use DossierStatus as S;
        const OPEN: &[DossierStatus] = &[S::Received, S::InProcessing, S::SupplementRequested];
        match self {
            Self::Process => (&[S::Received], Some(S::InProcessing)),
            Self::RequestSupplement => (
                &[S::Received, S::InProcessing],
                Some(S::SupplementRequested),
            ),
            Self::AnswerSupplement => (&[S::SupplementRequested], Some(S::InProcessing)),
            Self::IssueResult => (&[S::Received, S::InProcessing], Some(S::ResultReady)),
            Self::Reject => (OPEN, Some(S::Rejected)),
            Self::Withdraw => (OPEN, Some(S::Withdrawn)),
            // A fee is owed until the dossier is withdrawn or rejected, the result included.
            Self::Pay => (
                &[
                    S::Received,
                    S::InProcessing,
                    S::SupplementRequested,
                    S::ResultReady,
                ],
                None,
            ),
            Self::Rate => (&[S::ResultReady, S::Rejected], None),
        }
    }
}

/// What the rules need to know of a dossier.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Standing {
    pub status: DossierStatus,
    /// Fee due, in đồng.
    pub fee: u64,
    pub paid: bool,
    pub rated: bool,
}

impl Standing {
    /// A dossier just received.
    pub fn received(fee: u64) -> Self {
        Self {
            status: DossierStatus::Received,
            fee,
            paid: false,
            rated: false,
        }
    }

    /// The standing after `action` by `actor`, or why it is refused.
    pub fn decide(self, actor: Actor, action: Action) -> Result<Standing, Refusal> {
        if action.actor() != actor {
            return Err(Refusal::NotPermitted);
        }
        let (from, to) = action.moves();
        match action {
            Action::Pay if self.fee == 0 => return Err(Refusal::NoFee),
            Action::Pay if self.paid => return Err(Refusal::AlreadyPaid),
            Action::Rate if self.rated => return Err(Refusal::AlreadyRated),
            _ => {}
        }
        if !from.contains(&self.status) {
            return Err(Refusal::NotFrom {
                action,
                status: self.status,
            });
        }
        Ok(Standing {
            status: to.unwrap_or(self.status),
            paid: self.paid || action == Action::Pay,
            rated: self.rated || action == Action::Rate,
            ..self
        })
    }

    /// Whether `actor` may take `action` now (what the web app offers).
    pub fn allows(self, actor: Actor, action: Action) -> bool {
        self.decide(actor, action).is_ok()
    }
}

/// Why an action is refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum Refusal {
    #[error("this actor may not take this action")]
    NotPermitted,
    #[error("{action:?} is not allowed from {status:?}")]
    NotFrom {
        action: Action,
        status: DossierStatus,
    },
    #[error("no fee is due")]
    NoFee,
    #[error("already paid")]
    AlreadyPaid,
    #[error("already rated")]
    AlreadyRated,
}

impl Refusal {
    /// The stable key of the error answer.
    pub fn key(self) -> &'static str {
        match self {
            Self::NotPermitted => "action_not_permitted",
            Self::NoFee => "no_fee",
            Self::AlreadyPaid => "already_paid",
            Self::AlreadyRated => "not_ratable",
            Self::NotFrom { action, .. } => match action {
                Action::Withdraw => "dossier_not_withdrawable",
                Action::AnswerSupplement => "no_supplement_requested",
                Action::Pay => "not_payable",
                Action::Rate => "not_ratable",
                Action::Process
                | Action::RequestSupplement
                | Action::IssueResult
                | Action::Reject => "transition_not_allowed",
            },
        }
    }

    /// What the person asking is told.
    pub fn message(self) -> Localized {
        let (vi, en): (String, String) = match self {
            Self::NotPermitted => (
                "Bạn không có quyền thực hiện thao tác này với hồ sơ.".into(),
                "You may not take this action on the dossier.".into(),
            ),
            Self::NoFee => (
                "Thủ tục này không thu phí, lệ phí.".into(),
                "No fee is due for this procedure.".into(),
            ),
            Self::AlreadyPaid => (
                "Phí của hồ sơ này đã được thanh toán.".into(),
                "The fee for this dossier has been paid already.".into(),
            ),
            Self::AlreadyRated
            | Self::NotFrom {
                action: Action::Rate,
                ..
            } => (
                "Chỉ đánh giá được hồ sơ đã có kết quả, và mỗi hồ sơ một lần.".into(),
                "Only a dossier with a result can be rated, once.".into(),
            ),
            Self::NotFrom {
                action: Action::Withdraw,
                status,
            } => (
                format!(
                    "Không thể rút hồ sơ ở trạng thái hiện tại ({}).",
                    status.as_str()
                ),
                format!(
                    "The dossier cannot be withdrawn in its current state ({}).",
                    status.as_str()
                ),
            ),
            Self::NotFrom {
                action: Action::AnswerSupplement,
                ..
            } => (
                "Hồ sơ này không có yêu cầu bổ sung nào đang chờ.".into(),
                "This dossier has no supplement request waiting.".into(),
            ),
            Self::NotFrom {
                action: Action::Pay,
                ..
            } => (
                "Hồ sơ đã rút hoặc bị từ chối nên không thu phí.".into(),
                "The dossier was withdrawn or rejected, so no fee is due.".into(),
            ),
            Self::NotFrom { action, status } => {
                let to = action.moves().1.map_or("?", DossierStatus::as_str);
                (
                    format!(
                        "Không thể chuyển hồ sơ từ trạng thái {} sang {to}.",
                        status.as_str()
                    ),
                    format!("The dossier cannot move from {} to {to}.", status.as_str()),
                )
            }
        };
        Localized { vi, en }
    }
}

#[cfg(test)]
mod tests {
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
}

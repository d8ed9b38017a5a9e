//! The dossier lifecycle, decided here once: the statuses, the actions that move a dossier
//! (process, request or answer a supplement, pay, issue the result, reject, withdraw, rate), who
//! may take each, and why one is refused. The server applies a decision inside the transaction
//! that reads the dossier; the web app asks the same rules which actions to offer.

use serde::{Deserialize, Serialize};

pub mod notes;
mod refusal;

pub use refusal::Refusal;

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
    pub(crate) fn moves(self) -> (&'static [DossierStatus], Option<DossierStatus>) {
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

#[cfg(test)]
mod tests;

//! Why the lifecycle refuses an action, with the stable key and the words the person asking
//! reads (the keys are the API's error keys, kept as clients know them).

use super::{Action, DossierStatus};
use crate::Localized;

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

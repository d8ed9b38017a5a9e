//! A help session's states and who may move it: the resident answers the offer (accept, decline,
//! or "I did not ask for this help"), reports progress while it is accepted, files once, and may
//! end it at any time. Every refusal has its error key, as the dossier lifecycle's do.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum HelpState {
    /// Opened by the volunteer; the code waits for the resident.
    Waiting,
    /// The resident accepted on their phone; they sign in and file there.
    Accepted,
    /// The resident filed a dossier during the session.
    Filed,
    /// The resident declined (or said they never asked for this help).
    Declined,
    /// The resident stopped the help before filing.
    Ended,
}

/// The resident's answer to the offer shown on their phone.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum JoinAnswer {
    /// "Đồng ý nhận hỗ trợ".
    Accept,
    /// "Từ chối".
    Decline,
    /// "Tôi không yêu cầu hỗ trợ này": declines and reports the offer.
    NotRequested,
}

/// Why a help session cannot do what was asked.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum HelpRefusal {
    /// The join code's ten minutes are over.
    Expired,
    /// Someone already answered this offer.
    Used,
    /// The session is over (declined, ended or filed).
    Closed,
    /// The session is not accepted yet, so there is no progress to report.
    NotAccepted,
}

impl HelpRefusal {
    pub fn key(self) -> &'static str {
        match self {
            Self::Expired => "help_code_expired",
            Self::Used => "help_code_used",
            Self::Closed => "help_session_closed",
            Self::NotAccepted => "help_session_not_accepted",
        }
    }
}

impl HelpState {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Waiting => "waiting",
            Self::Accepted => "accepted",
            Self::Filed => "filed",
            Self::Declined => "declined",
            Self::Ended => "ended",
        }
    }

    pub fn parse(text: &str) -> Option<Self> {
        [
            Self::Waiting,
            Self::Accepted,
            Self::Filed,
            Self::Declined,
            Self::Ended,
        ]
        .into_iter()
        .find(|s| s.as_str() == text)
    }

    /// Whether the offer may still be shown to someone holding the code.
    pub fn offer(self, expired: bool) -> Result<(), HelpRefusal> {
        match self {
            Self::Waiting if expired => Err(HelpRefusal::Expired),
            Self::Waiting => Ok(()),
            Self::Accepted | Self::Filed => Err(HelpRefusal::Used),
            Self::Declined | Self::Ended => Err(HelpRefusal::Closed),
        }
    }

    /// The state after the resident's answer, and whether the answer reports the offer.
    pub fn answer(self, expired: bool, answer: JoinAnswer) -> Result<(Self, bool), HelpRefusal> {
        self.offer(expired)?;
        Ok(match answer {
            JoinAnswer::Accept => (Self::Accepted, false),
            JoinAnswer::Decline => (Self::Declined, false),
            JoinAnswer::NotRequested => (Self::Declined, true),
        })
    }

    /// Progress may be reported while the resident files (and the filed state is kept).
    pub fn report_progress(self) -> Result<(), HelpRefusal> {
        match self {
            Self::Accepted | Self::Filed => Ok(()),
            Self::Waiting => Err(HelpRefusal::NotAccepted),
            Self::Declined | Self::Ended => Err(HelpRefusal::Closed),
        }
    }

    /// A dossier filed in the session: one per session (a retry of the same filing is answered
    /// from its idempotency key before this is asked).
    pub fn file(self) -> Result<Self, HelpRefusal> {
        match self {
            Self::Accepted => Ok(Self::Filed),
            Self::Waiting => Err(HelpRefusal::NotAccepted),
            Self::Filed | Self::Declined | Self::Ended => Err(HelpRefusal::Closed),
        }
    }

    /// The resident stops the help: an accepted session ends; a filed one stays filed.
    pub fn end(self) -> Result<Self, HelpRefusal> {
        match self {
            Self::Accepted => Ok(Self::Ended),
            Self::Filed => Ok(Self::Filed),
            Self::Waiting => Err(HelpRefusal::NotAccepted),
            Self::Declined | Self::Ended => Err(HelpRefusal::Closed),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_offer_is_answered_once_and_only_in_time() {
        let w = HelpState::Waiting;
        assert_eq!(
            w.answer(false, JoinAnswer::Accept),
            Ok((HelpState::Accepted, false))
        );
        assert_eq!(
            w.answer(false, JoinAnswer::Decline),
            Ok((HelpState::Declined, false))
        );
        assert_eq!(
            w.answer(false, JoinAnswer::NotRequested),
            Ok((HelpState::Declined, true))
        );
        assert_eq!(
            w.answer(true, JoinAnswer::Accept),
            Err(HelpRefusal::Expired)
        );
        assert_eq!(
            HelpState::Accepted.answer(false, JoinAnswer::Accept),
            Err(HelpRefusal::Used)
        );
        assert_eq!(
            HelpState::Filed.answer(true, JoinAnswer::Decline),
            Err(HelpRefusal::Used)
        );
        assert_eq!(
            HelpState::Declined.answer(false, JoinAnswer::Accept),
            Err(HelpRefusal::Closed)
        );
    }

    #[test]
    fn progress_and_filing_need_an_accepted_session() {
        assert_eq!(
            HelpState::Waiting.report_progress(),
            Err(HelpRefusal::NotAccepted)
        );
        assert_eq!(HelpState::Accepted.file(), Ok(HelpState::Filed));
        assert_eq!(
            HelpState::Filed.file(),
            Err(HelpRefusal::Closed),
            "one dossier per session"
        );
        assert_eq!(HelpState::Ended.file(), Err(HelpRefusal::Closed));
        assert_eq!(HelpState::Accepted.end(), Ok(HelpState::Ended));
        assert_eq!(HelpState::Declined.end(), Err(HelpRefusal::Closed));
        for s in [
            HelpState::Waiting,
            HelpState::Accepted,
            HelpState::Filed,
            HelpState::Declined,
            HelpState::Ended,
        ] {
            assert_eq!(HelpState::parse(s.as_str()), Some(s));
        }
    }
}

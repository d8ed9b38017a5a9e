//! One-time sign-in tickets for a form embedded on an agency's site. Identity providers refuse to
//! be framed, so the frame opens the ordinary sign-in in a popup; the popup, once signed in,
//! leaves its token on the ticket the frame created, and the frame redeems it once with the
//! ticket's secret. Nothing relies on `window.opener` or on cookies, which browsers cut or
//! partition for third-party frames.
//!
//! Tickets live in this process's memory for ten minutes at most (a token only until redeemed).
//! Behind several instances, route `/api/v1/sign-in-tickets` to one, or share them in the database.

use std::collections::HashMap;
use std::sync::{Arc, Mutex, PoisonError};
use std::time::{Duration, Instant};

use sha2::{Digest, Sha256};

/// How long a ticket waits for its sign-in.
pub const LIFETIME: Duration = Duration::from_secs(600);

struct Ticket {
    secret_sha256: [u8; 32],
    created: Instant,
    token: Option<String>,
}

/// What redeeming a ticket came to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Redeemed {
    /// The sign-in is not finished yet: ask again.
    Pending,
    /// The token, handed out once; the ticket is gone.
    Token(String),
    /// Unknown, expired or used.
    Gone,
    /// The ticket exists but this is not its secret (the token stays unreachable).
    WrongSecret,
}

#[derive(Clone, Default)]
pub struct Tickets {
    tickets: Arc<Mutex<HashMap<String, Ticket>>>,
}

fn digest(secret: &str) -> [u8; 32] {
    Sha256::digest(secret.as_bytes()).into()
}

impl Tickets {
    fn live(&self) -> std::sync::MutexGuard<'_, HashMap<String, Ticket>> {
        let mut tickets = self.tickets.lock().unwrap_or_else(PoisonError::into_inner);
        tickets.retain(|_, t| t.created.elapsed() < LIFETIME);
        tickets
    }

    /// Opens a ticket `id` redeemable with `secret`.
    pub fn open(&self, id: &str, secret: &str) {
        self.live().insert(
            id.to_owned(),
            Ticket {
                secret_sha256: digest(secret),
                created: Instant::now(),
                token: None,
            },
        );
    }

    /// Leaves the popup's token on ticket `id`; `false` if there is no such ticket waiting.
    pub fn fill(&self, id: &str, token: &str) -> bool {
        match self.live().get_mut(id) {
            Some(ticket) if ticket.token.is_none() => {
                ticket.token = Some(token.to_owned());
                true
            }
            _ => false,
        }
    }

    /// Redeems ticket `id` with its secret, once.
    pub fn redeem(&self, id: &str, secret: &str) -> Redeemed {
        let mut tickets = self.live();
        let Some(ticket) = tickets.get(id) else {
            return Redeemed::Gone;
        };
        // Compare digests, so the time taken says nothing about the secret.
        if ticket.secret_sha256 != digest(secret) {
            return Redeemed::WrongSecret;
        }
        if ticket.token.is_none() {
            return Redeemed::Pending;
        }
        match tickets.remove(id).and_then(|t| t.token) {
            Some(token) => Redeemed::Token(token),
            None => Redeemed::Gone,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_ticket_is_redeemed_once_with_its_secret() {
        let tickets = Tickets::default();
        tickets.open("t1", "s1");
        assert_eq!(tickets.redeem("t1", "s1"), Redeemed::Pending);
        assert_eq!(tickets.redeem("t1", "wrong"), Redeemed::WrongSecret);
        assert!(tickets.fill("t1", "token"));
        assert!(!tickets.fill("t1", "another"), "a ticket is filled once");
        assert_eq!(tickets.redeem("t1", "wrong"), Redeemed::WrongSecret);
        assert_eq!(tickets.redeem("t1", "s1"), Redeemed::Token("token".into()));
        assert_eq!(tickets.redeem("t1", "s1"), Redeemed::Gone);
        assert!(!tickets.fill("unknown", "token"));
    }
}

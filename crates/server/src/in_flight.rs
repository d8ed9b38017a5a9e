//! Requests being processed, by idempotency key. A retry that arrives while the first request
//! with its key is still being handled gets `409 Conflict` at once instead of queueing behind it;
//! across several server processes the database transaction still guarantees one dossier per key.

use std::collections::HashSet;
use std::sync::{Arc, Mutex, PoisonError};

#[derive(Clone, Default)]
pub struct InFlight {
    keys: Arc<Mutex<HashSet<String>>>,
}

/// Holds a key while its request is processed; dropping it releases the key.
pub struct Claim {
    keys: Arc<Mutex<HashSet<String>>>,
    key: String,
}

impl InFlight {
    /// `None` if a request with this key is already being processed.
    pub fn claim(&self, key: &str) -> Option<Claim> {
        let mut keys = self.keys.lock().unwrap_or_else(PoisonError::into_inner);
        keys.insert(key.to_owned()).then(|| Claim {
            keys: Arc::clone(&self.keys),
            key: key.to_owned(),
        })
    }
}

impl Drop for Claim {
    fn drop(&mut self) {
        self.keys
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .remove(&self.key);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_key_is_held_until_its_claim_is_dropped() {
        let in_flight = InFlight::default();
        let claim = in_flight.claim("k").unwrap();
        assert!(in_flight.claim("k").is_none());
        assert!(in_flight.claim("other").is_some());
        drop(claim);
        assert!(in_flight.claim("k").is_some());
    }
}

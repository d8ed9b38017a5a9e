//! Demo citizens of the identity and national-data sandbox (`sandbox/citizens.json`). They are
//! invented people, clearly labelled as such wherever they appear; every ID number in them
//! decodes consistently with the person's birth year and sex.

use serde::{Deserialize, Serialize};

use crate::Localized;
use crate::citizen::CitizenData;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DemoCitizen {
    /// Short stable key, e.g. `lan`.
    pub key: String,
    pub label: Localized,
    pub description: Localized,
    pub data: CitizenData,
    /// Set for the sandbox's youth-union volunteers, who sign in with their own identity and are
    /// registered in the volunteer registry at start.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub volunteer: Option<DemoVolunteer>,
}

/// A demo volunteer's registry entry.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DemoVolunteer {
    pub team: String,
    pub commune: String,
    pub union_unit: String,
}

/// All demo citizens.
pub fn citizens() -> Vec<DemoCitizen> {
    serde_json::from_str(include_str!("../sandbox/citizens.json"))
        .expect("sandbox/citizens.json is checked by a unit test")
}

pub fn citizen(key: &str) -> Option<DemoCitizen> {
    citizens().into_iter().find(|c| c.key == key)
}

/// For each catalog procedure, the demo citizen whose situation fits its typical case; used for
/// effort figures in tests and benchmarks.
pub const TYPICAL_FILERS: [(&str, &str); 22] = [
    ("1.000656", "pon"),
    ("1.000894", "hhen"),
    ("1.001193", "lan"),
    ("1.002755", "huy"),
    ("1.003677", "minh"),
    ("1.001456", "huy"),
    ("1.001612", "hhen"),
    ("1.010028", "huy"),
    ("1.010041", "lan"),
    ("1.014064", "minh"),
    ("1.004194", "huy"),
    ("1.004222", "minh"),
    ("1.004873", "hhen"),
    ("2.000635", "lan"),
    ("2.000986", "lan"),
    ("2.001023", "lan"),
    ("2.001159", "pon"),
    ("2.000815", "hhen"),
    ("3.000333", "hhen"),
    ("3.000347", "minh"),
    ("3.000348", "hhen"),
    ("1.012575", "minh"),
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn demo_citizens_are_consistent() {
        let all = citizens();
        assert!(all.len() >= 5);
        for c in &all {
            let p = &c.data.population;
            assert_eq!(
                p.personal_id.check_holder(p.date_of_birth.year(), p.sex),
                Ok(()),
                "{}",
                c.key
            );
            for r in &c.data.relations {
                if let (Some(id), Some(dob), Some(sex)) = (&r.personal_id, r.date_of_birth, r.sex) {
                    assert_eq!(
                        id.check_holder(dob.year(), sex),
                        Ok(()),
                        "{} / {}",
                        c.key,
                        r.full_name
                    );
                }
            }
        }
        assert!(
            all.iter().any(|c| c.data.civil_status.is_empty()),
            "someone has no civil-status records"
        );
    }
}

//! A registered volunteer: the commune's youth-union registry says who may offer help, in which
//! team and commune, and for which period. Only an active registered volunteer opens sessions
//! (authenticate-then-initiate, RFC 10027 §6.1.2).

use serde::{Deserialize, Serialize};
use time::Date;

use crate::validate::date::iso;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(example = json!({"personal_id": "011203004521", "full_name": "Quàng Văn An", "team": "Tổ công nghệ số cộng đồng xã Mường Phăng", "commune": "Xã Mường Phăng, Tỉnh Điện Biên", "union_unit": "Đoàn xã Mường Phăng", "active_from": "2025-07-01", "active_until": "2027-06-30"})))]
pub struct Volunteer {
    /// The volunteer's personal ID number, as their own sign-in identifies them.
    pub personal_id: String,
    pub full_name: String,
    /// The community digital team, e.g. `Tổ CNSCĐ xã Mường Phăng`.
    pub team: String,
    /// The commune or ward the team serves.
    pub commune: String,
    /// The youth-union unit the volunteer belongs to.
    pub union_unit: String,
    #[serde(with = "iso")]
    #[cfg_attr(feature = "openapi", schema(value_type = String, format = Date))]
    pub active_from: Date,
    #[serde(with = "iso")]
    #[cfg_attr(feature = "openapi", schema(value_type = String, format = Date))]
    pub active_until: Date,
    #[serde(default)]
    pub suspended: bool,
}

/// Why someone may not open a help session.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum VolunteerRefusal {
    NotRegistered,
    Suspended,
    OutsidePeriod,
}

impl Volunteer {
    /// Whether the volunteer may offer help on `today`.
    pub fn may_help(&self, today: Date) -> Result<(), VolunteerRefusal> {
        if self.suspended {
            Err(VolunteerRefusal::Suspended)
        } else if today < self.active_from || today > self.active_until {
            Err(VolunteerRefusal::OutsidePeriod)
        } else {
            Ok(())
        }
    }

    /// A registry entry must name its team and commune and have a period that ends after it
    /// starts; the message keys of what is wrong.
    pub fn problems(&self) -> Vec<(&'static str, &'static str)> {
        let mut problems = Vec::new();
        if crate::personal_id::PersonalId::parse(&self.personal_id).is_err() {
            problems.push(("personal_id", "volunteer.personal_id"));
        }
        for (field, value) in [
            ("full_name", &self.full_name),
            ("team", &self.team),
            ("commune", &self.commune),
            ("union_unit", &self.union_unit),
        ] {
            if value.trim().is_empty() || value.chars().count() > 200 {
                problems.push((field, "volunteer.text"));
            }
        }
        if self.active_until < self.active_from {
            problems.push(("active_until", "volunteer.period"));
        }
        problems
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::date;

    fn volunteer() -> Volunteer {
        Volunteer {
            personal_id: "048203001234".into(),
            full_name: "Nguyễn Văn An".into(),
            team: "Tổ công nghệ số cộng đồng".into(),
            commune: "Xã Mường Phăng".into(),
            union_unit: "Đoàn xã Mường Phăng".into(),
            active_from: date!(2026 - 07 - 01),
            active_until: date!(2027 - 06 - 30),
            suspended: false,
        }
    }

    #[test]
    fn only_active_volunteers_help() {
        let v = volunteer();
        assert_eq!(v.may_help(date!(2026 - 11 - 30)), Ok(()));
        assert_eq!(
            v.may_help(date!(2027 - 07 - 01)),
            Err(VolunteerRefusal::OutsidePeriod)
        );
        let suspended = Volunteer {
            suspended: true,
            ..v
        };
        assert_eq!(
            suspended.may_help(date!(2026 - 11 - 30)),
            Err(VolunteerRefusal::Suspended)
        );
    }

    #[test]
    fn registry_entries_are_checked() {
        assert!(volunteer().problems().is_empty());
        let bad = Volunteer {
            personal_id: "12".into(),
            team: " ".into(),
            active_until: date!(2026 - 01 - 01),
            ..volunteer()
        };
        let fields: Vec<_> = bad.problems().into_iter().map(|(f, _)| f).collect();
        assert_eq!(fields, ["personal_id", "team", "active_until"]);
    }
}

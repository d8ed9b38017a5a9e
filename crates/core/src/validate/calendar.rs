//! Working days: Monday to Friday except public holidays. Processing times and appointment
//! dates are counted in working days; the holiday list is data (`calendar/holidays.toml` by
//! default) so a province can correct it without a release.

use std::collections::BTreeSet;

use serde::{Deserialize, Serialize};
use time::{Date, Duration, Weekday};

use crate::Localized;

/// One public holiday.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Holiday {
    #[serde(with = "crate::validate::date::iso")]
    pub date: Date,
    pub name: Localized,
}

/// The file format of a holiday calendar.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CalendarFile {
    #[serde(default)]
    pub unverified: Vec<String>,
    #[serde(default, rename = "holiday")]
    pub holidays: Vec<Holiday>,
}

#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct HolidayCalendar {
    holidays: BTreeSet<Date>,
}

impl HolidayCalendar {
    pub fn new(holidays: impl IntoIterator<Item = Date>) -> Self {
        Self {
            holidays: holidays.into_iter().collect(),
        }
    }

    /// The calendar shipped in `calendar/holidays.toml`.
    #[cfg(feature = "embedded-catalog")]
    pub fn embedded() -> Self {
        Self::from_toml(include_str!("../../calendar/holidays.toml"))
            .expect("calendar/holidays.toml is checked by a unit test")
    }

    #[cfg(feature = "embedded-catalog")]
    pub fn from_toml(text: &str) -> Result<Self, String> {
        let file: CalendarFile = toml::from_str(text).map_err(|e| e.to_string())?;
        Ok(Self::new(file.holidays.into_iter().map(|h| h.date)))
    }

    pub fn is_working_day(&self, date: Date) -> bool {
        !matches!(date.weekday(), Weekday::Saturday | Weekday::Sunday)
            && !self.holidays.contains(&date)
    }

    /// `date` itself if it is a working day, otherwise the next one: a dossier filed online on
    /// a Sunday is received on Monday.
    pub fn receipt_day(&self, mut date: Date) -> Date {
        while !self.is_working_day(date) {
            date += Duration::days(1);
        }
        date
    }

    /// The appointment date for a dossier received on `received` and handled in `days` working
    /// days: the received day does not count, and the result is always a working day.
    pub fn add_working_days(&self, received: Date, days: u16) -> Date {
        let mut date = self.receipt_day(received);
        let mut counted = 0;
        while counted < days {
            date += Duration::days(1);
            if self.is_working_day(date) {
                counted += 1;
            }
        }
        date
    }

    /// Working days after `from` up to and including `to` (zero if `to` is not later).
    pub fn working_days_between(&self, from: Date, to: Date) -> u32 {
        let mut date = from;
        let mut count = 0;
        while date < to {
            date += Duration::days(1);
            if self.is_working_day(date) {
                count += 1;
            }
        }
        count
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use time::macros::date;

    fn calendar() -> HolidayCalendar {
        HolidayCalendar::new([date!(2026 - 04 - 30), date!(2026 - 05 - 01)])
    }

    #[test]
    fn weekends_and_holidays_are_skipped() {
        let c = calendar();
        // Tuesday 24/11/2026 + 1 working day = Wednesday.
        assert_eq!(
            c.add_working_days(date!(2026 - 11 - 24), 1),
            date!(2026 - 11 - 25)
        );
        // Friday + 1 = Monday.
        assert_eq!(
            c.add_working_days(date!(2026 - 11 - 27), 1),
            date!(2026 - 11 - 30)
        );
        // Filed on Saturday: received Monday, result Tuesday.
        assert_eq!(
            c.add_working_days(date!(2026 - 11 - 28), 1),
            date!(2026 - 12 - 01)
        );
        // Wednesday 29/4 + 1: Thursday 30/4 and Friday 1/5 are holidays, so Monday 4/5.
        assert_eq!(
            c.add_working_days(date!(2026 - 04 - 29), 1),
            date!(2026 - 05 - 04)
        );
        assert_eq!(
            c.add_working_days(date!(2026 - 11 - 24), 0),
            date!(2026 - 11 - 24)
        );
        assert_eq!(
            c.working_days_between(date!(2026 - 04 - 29), date!(2026 - 05 - 04)),
            1
        );
    }

    #[cfg(feature = "embedded-catalog")]
    #[test]
    fn the_shipped_calendar_reads_and_knows_tet() {
        let c = HolidayCalendar::embedded();
        assert!(!c.is_working_day(date!(2026 - 02 - 17)));
        assert!(!c.is_working_day(date!(2026 - 09 - 02)));
        assert!(c.is_working_day(date!(2026 - 11 - 24)));
        assert!(
            HolidayCalendar::from_toml(
                "[[holiday]]\ndate = \"2026-02-30\"\nname = { vi = \"x\", en = \"x\" }"
            )
            .is_err()
        );
    }

    proptest! {
        #[test]
        fn an_appointment_is_a_working_day_exactly_n_working_days_later(start in 0i64..800, days in 0u16..30) {
            let c = calendar();
            let received = date!(2026 - 01 - 01) + Duration::days(start);
            let due = c.add_working_days(received, days);
            prop_assert!(c.is_working_day(due));
            prop_assert_eq!(c.working_days_between(c.receipt_day(received), due), u32::from(days));
        }
    }
}

//! What answers are checked against: today's date (for "not in the future") and the unit lists.

use time::Date;

use crate::validate::AdminUnits;
use crate::validate::old_units::OldUnits;

#[derive(Debug, Clone, Copy)]
pub struct CheckContext<'a> {
    pub today: Date,
    pub units: &'a AdminUnits,
    /// The units from before 1 July 2025, for historical addresses.
    pub old_units: &'a OldUnits,
}

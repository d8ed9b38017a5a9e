//! Time in Vietnam, where dossier codes and appointment dates are counted.

use time::format_description::well_known::Rfc3339;
use time::{OffsetDateTime, UtcOffset};

/// Vietnam has used UTC+7 all year since 1975.
pub const VIETNAM: UtcOffset = match UtcOffset::from_hms(7, 0, 0) {
    Ok(offset) => offset,
    Err(_) => panic!("UTC+7 is a valid offset"),
};

/// Now, in Vietnam time, to the second.
pub fn now_vietnam() -> anyhow::Result<OffsetDateTime> {
    Ok(OffsetDateTime::now_utc()
        .to_offset(VIETNAM)
        .replace_nanosecond(0)?)
}

pub fn now_vietnam_rfc3339() -> anyhow::Result<String> {
    Ok(now_vietnam()?.format(&Rfc3339)?)
}

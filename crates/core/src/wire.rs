//! How wire numbers are read: JSON Schema's `integer` allows `3.0` as well as `3`, so a client
//! (or a schema-driven tester) that writes a whole number as a float is understood.

use serde::Deserialize as _;

/// A small whole number as JSON Schema's `integer` allows it: `3` or `3.0` (not `3.5`, not 300).
pub(crate) fn whole_number<'de, D: serde::Deserializer<'de>>(
    deserializer: D,
) -> Result<u8, D::Error> {
    use serde::de::Error as _;
    let number = serde_json::Number::deserialize(deserializer)?;
    let whole = number.as_u64().or_else(|| {
        number
            .as_f64()
            .filter(|f| f.fract() == 0.0 && *f >= 0.0 && *f <= 255.0)
            .map(|f| f as u64)
    });
    whole
        .and_then(|n| u8::try_from(n).ok())
        .ok_or_else(|| D::Error::custom(format!("{number} is not a whole number from 0 to 255")))
}

#[cfg(test)]
mod tests {
    use crate::api::Rating;

    #[test]
    fn a_score_is_a_whole_number_however_json_writes_it() {
        let read = |text: &str| serde_json::from_str::<Rating>(text).map(|r| r.score);
        assert_eq!(read(r#"{"score": 4}"#).ok(), Some(4));
        assert_eq!(read(r#"{"score": 1.0}"#).ok(), Some(1));
        assert!(read(r#"{"score": 1.5}"#).is_err());
        assert!(read(r#"{"score": 300}"#).is_err());
        assert!(read(r#"{"score": -1}"#).is_err());
        assert!(read(r#"{"score": "5"}"#).is_err());
    }
}

//! Turning a value that does not fit its column into sqlx's error, for every table.

pub(super) fn encode<E: std::error::Error + Send + Sync + 'static>(e: E) -> sqlx::Error {
    sqlx::Error::Encode(Box::new(e))
}

pub(super) fn decode<E: std::error::Error + Send + Sync + 'static>(e: E) -> sqlx::Error {
    sqlx::Error::Decode(Box::new(e))
}

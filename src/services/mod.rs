pub mod api;
pub mod identity;

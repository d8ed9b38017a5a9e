pub mod api;
pub mod drafts;
pub mod identity;

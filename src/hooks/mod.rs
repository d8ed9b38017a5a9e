//! Hooks the pages share: the API client from context, and a resource loaded once per key.

pub mod use_api;
pub mod use_resource;

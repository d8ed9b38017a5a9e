pub mod use_api;
pub mod use_resource;

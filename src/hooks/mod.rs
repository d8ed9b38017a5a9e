pub mod use_resource;

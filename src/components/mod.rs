//! Reusable widgets: questions, uploads, the error summary, the layout, loading states.

#[cfg(feature = "journey")]
pub mod address;
#[cfg(feature = "journey")]
pub mod address_parts;
#[cfg(feature = "journey")]
pub mod answer_keys;
pub mod document_list;
#[cfg(feature = "journey")]
pub mod embed_layout;
#[cfg(feature = "journey")]
pub mod error_summary;
#[cfg(not(feature = "journey"))]
pub mod journey_loader;
#[cfg(feature = "journey")]
pub mod kiosk_guard;
pub mod layout;
pub mod load_state;
#[cfg(feature = "journey")]
pub mod old_address;
#[cfg(feature = "journey")]
pub mod popup_sign_in;
#[cfg(feature = "journey")]
pub mod question;
pub mod sign_in_button;
#[cfg(feature = "journey")]
pub mod uploader;

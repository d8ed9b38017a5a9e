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
#[cfg(feature = "journey")]
pub mod kiosk_guard;
pub mod layout;
pub mod load_state;
#[cfg(feature = "journey")]
pub mod old_address;
#[cfg(feature = "journey")]
pub mod outbox_runner;
#[cfg(feature = "journey")]
pub mod popup_sign_in;
#[cfg(feature = "journey")]
pub mod question;
pub mod sign_in_button;
#[cfg(feature = "journey")]
pub mod uploader;

/// A click the app may take over: not one meant to open the link in a new tab or window.
pub(crate) fn is_plain_click(e: &yew::MouseEvent) -> bool {
    !(e.ctrl_key() || e.meta_key() || e.shift_key() || e.alt_key())
}

pub mod document_list;
pub mod layout;
pub mod load_state;
pub mod question;
pub mod sign_in_button;
pub mod uploader;

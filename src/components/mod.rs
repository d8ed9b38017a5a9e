pub mod document_list;
pub mod layout;
pub mod load_state;
pub mod sign_in_button;

pub mod document_list;
pub mod layout;
pub mod load_state;

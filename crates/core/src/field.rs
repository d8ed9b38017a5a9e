//! The names problems are reported against: an answer key (`child.full_name`,
//! `mother.residence.ward`), or `documents.{id}` for a document. One place builds and reads the
//! document form, so the server's errors, the app's error summary and its upload inputs agree.

const DOCUMENTS: &str = "documents.";

/// The field of document `id`: `documents.{id}`.
pub fn document(id: &str) -> String {
    format!("{DOCUMENTS}{id}")
}

/// The document a field names, if it names one.
pub fn document_id(field: &str) -> Option<&str> {
    field.strip_prefix(DOCUMENTS)
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_document_field_round_trips() {
        assert_eq!(super::document("birth_notice"), "documents.birth_notice");
        assert_eq!(
            super::document_id(&super::document("birth_notice")),
            Some("birth_notice")
        );
        assert_eq!(super::document_id("child.full_name"), None);
    }
}

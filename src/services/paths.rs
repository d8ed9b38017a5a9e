//! The API paths of what the public pages read, shared by the app's requests and the server
//! that renders those pages from the same answers (an answer is named by its path).

use motlan_core::text::percent_encode;

/// The API path of a page of the catalog search (also the server's key of a rendered search).
pub fn procedures_path(query: &str, cursor: Option<&str>) -> String {
    let mut path = format!("/procedures?limit=20&q={}", percent_encode(query.trim()));
    if let Some(cursor) = cursor {
        path += &format!("&cursor={}", percent_encode(cursor));
    }
    path
}

/// The API path of a procedure's information page.
pub fn information_path(code: &str) -> String {
    format!("/procedures/{}/information", percent_encode(code))
}

/// The API path of a procedure's definition (read whole or as its overview).
pub fn procedure_path(code: &str) -> String {
    format!("/procedures/{}", percent_encode(code))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_encode_their_values() {
        assert_eq!(
            procedures_path(" khai sinh ", None),
            "/procedures?limit=20&q=khai%20sinh"
        );
        assert_eq!(procedure_path("../me"), "/procedures/..%2Fme");
    }
}

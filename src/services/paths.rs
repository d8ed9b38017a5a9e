//! The API paths of what the public pages read, shared by the app's requests and the server
//! that renders those pages from the same answers (an answer is named by its path).

/// The API path of a page of the catalog search (also the server's key of a rendered search).
pub fn procedures_path(query: &str, cursor: Option<&str>) -> String {
    let mut path = format!("/procedures?limit=20&q={}", encode_component(query.trim()));
    if let Some(cursor) = cursor {
        path += &format!("&cursor={}", encode_component(cursor));
    }
    path
}

/// The API path of a procedure's information page.
pub fn information_path(code: &str) -> String {
    format!("/procedures/{}/information", encode_component(code))
}

/// The API path of a procedure's definition (read whole or as its overview).
pub fn procedure_path(code: &str) -> String {
    format!("/procedures/{}", encode_component(code))
}

/// Percent-encodes a query value as `encodeURIComponent` does (the server and the app must
/// name an answer by the same path).
pub fn encode_component(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    for byte in value.bytes() {
        match byte {
            b'A'..=b'Z'
            | b'a'..=b'z'
            | b'0'..=b'9'
            | b'-'
            | b'_'
            | b'.'
            | b'!'
            | b'~'
            | b'*'
            | b'\''
            | b'('
            | b')' => out.push(byte as char),
            _ => out.push_str(&format!("%{byte:02X}")),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn encodes_as_encode_uri_component() {
        assert_eq!(encode_component("khai sinh"), "khai%20sinh");
        assert_eq!(encode_component("đăng ký"), "%C4%91%C4%83ng%20k%C3%BD");
        assert_eq!(encode_component("a&b=c/d?"), "a%26b%3Dc%2Fd%3F");
        assert_eq!(encode_component("1.001193"), "1.001193");
        assert_eq!(
            procedures_path(" khai sinh ", None),
            "/procedures?limit=20&q=khai%20sinh"
        );
        assert_eq!(procedure_path("../me"), "/procedures/..%2Fme");
    }
}

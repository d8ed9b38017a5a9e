//! The few HTML documents the server writes itself (the sandbox sign-in page, the downloadable
//! receipt).

/// Escapes text for an HTML element or a quoted attribute.
pub fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
        .replace('\'', "&#39;")
}

//! API answers a page was rendered with on the server, handed to the app in the page itself
//! (`<script type="application/json" id="motlan-preload">`), so the app's first render shows
//! exactly what the server rendered (hydration) instead of "Loading…". Each answer is read once:
//! a page opened again later asks the API as usual.

use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;

use serde::{Deserialize, Serialize};
use serde_json::value::RawValue;

/// Id of the script element holding the preloaded answers.
pub const PRELOAD_ID: &str = "motlan-preload";

/// One answer of the API to a `GET`: its status and JSON body, as the app would have received.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Answer {
    pub status: u16,
    pub body: Box<RawValue>,
}

impl Answer {
    /// An answer with `body` as its JSON (`null` when `body` is not JSON).
    pub fn new(status: u16, body: String) -> Self {
        let body = RawValue::from_string(body)
            .unwrap_or_else(|_| RawValue::from_string("null".to_owned()).expect("JSON"));
        Self { status, body }
    }
}

/// Answers by API path (`/procedures?limit=20&q=`, relative to the API base).
#[derive(Debug, Default)]
pub struct Preloaded(RefCell<HashMap<String, Answer>>);

impl Preloaded {
    pub fn new(answers: HashMap<String, Answer>) -> Rc<Self> {
        Rc::new(Self(RefCell::new(answers)))
    }

    /// Reads the answers the server wrote into the page (none when it wrote nothing readable).
    pub fn parse(json: &str) -> Rc<Self> {
        Self::new(serde_json::from_str(json).unwrap_or_default())
    }

    /// The answer to `path`, removed: a later visit to the same page asks the API again.
    pub(super) fn take(&self, path: &str) -> Option<Answer> {
        self.0.borrow_mut().remove(path)
    }
}

/// The JSON to write into a page for `answers`, safe inside `<script>`: `<` is escaped so no
/// text of the catalog can close the element.
pub fn to_script_json(answers: &HashMap<String, Answer>) -> String {
    serde_json::to_string(answers)
        .unwrap_or_else(|_| "{}".to_owned())
        .replace('<', "\\u003c")
}

/// The preloaded answers as an `Api` field: compared by identity, so the API context stays
/// cheap to compare.
#[derive(Debug, Clone)]
pub struct Shared(Rc<Preloaded>);

impl From<Rc<Preloaded>> for Shared {
    fn from(preloaded: Rc<Preloaded>) -> Self {
        Self(preloaded)
    }
}

impl std::ops::Deref for Shared {
    type Target = Preloaded;
    fn deref(&self) -> &Preloaded {
        &self.0
    }
}

impl PartialEq for Shared {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn script_json_cannot_close_the_element() {
        let body = r#"{"name":"</script><script>alert(1)"}"#;
        let answers = HashMap::from([("/x".to_owned(), Answer::new(200, body.to_owned()))]);
        let json = to_script_json(&answers);
        assert!(!json.contains('<'));
        let back: HashMap<String, Answer> = serde_json::from_str(&json).unwrap();
        let name: serde_json::Value = serde_json::from_str(back["/x"].body.get()).unwrap();
        assert_eq!(name["name"], "</script><script>alert(1)");
    }
}

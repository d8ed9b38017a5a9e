//! What the core's tests share: answers written as pairs, and a procedure of the embedded
//! catalog by its code.

use crate::catalog::Catalog;
use crate::{Answers, Procedure};

pub(crate) fn answers(pairs: &[(&str, &str)]) -> Answers {
    pairs
        .iter()
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect()
}

pub(crate) fn procedure(code: &str) -> Procedure {
    Catalog::embedded()
        .unwrap()
        .get(code)
        .unwrap_or_else(|| panic!("{code}"))
        .clone()
}

//! Ranked search over procedure names, ignoring case and diacritics.
//!
//! Documents are folded once when the index is built, so a query costs one fold of the query plus
//! a scan of pre-split words: well under a millisecond for the 3,000-odd procedures a province
//! publishes (see `cargo xtask bench`).

use crate::text;

/// A search index over `(key, text)` pairs, such as procedure codes and names.
#[derive(Debug, Clone, Default)]
pub struct SearchIndex {
    entries: Vec<Entry>,
}

#[derive(Debug, Clone)]
struct Entry {
    key: String,
    folded: String,
    words: Vec<String>,
}

/// One hit, best first in the results of [`SearchIndex::search`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hit<'a> {
    pub key: &'a str,
    /// Position of the document in the sequence the index was built from, so callers reach
    /// their own record directly instead of looking the key up again.
    pub position: usize,
    pub score: u32,
}

impl SearchIndex {
    pub fn new<K, T>(documents: impl IntoIterator<Item = (K, T)>) -> Self
    where
        K: Into<String>,
        T: AsRef<str>,
    {
        let entries = documents
            .into_iter()
            .map(|(key, text)| {
                let key = key.into();
                // The key (a procedure code) is searchable too.
                let folded = text::fold(&format!("{} {}", text.as_ref(), key));
                let words = text::words(&folded).map(str::to_owned).collect();
                Entry { key, folded, words }
            })
            .collect();
        Self { entries }
    }

    pub fn len(&self) -> usize {
        self.entries.len()
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// Entries that contain every word of the query (each as a whole word or a word prefix),
    /// best first. An empty query matches nothing: callers show their default list instead.
    pub fn search(&self, query: &str) -> Vec<Hit<'_>> {
        let folded_query = text::fold(query);
        let terms: Vec<&str> = text::words(&folded_query).collect();
        if terms.is_empty() {
            return Vec::new();
        }
        let phrase = terms.join(" ");
        let mut hits: Vec<Hit<'_>> = self
            .entries
            .iter()
            .enumerate()
            .filter_map(|(position, entry)| {
                Some(Hit {
                    key: &entry.key,
                    position,
                    score: entry.score(&terms, &phrase)?,
                })
            })
            .collect();
        // Stable order for equal scores: the catalog's own order.
        hits.sort_by(|a, b| b.score.cmp(&a.score).then(a.position.cmp(&b.position)));
        hits
    }
}

impl Entry {
    fn score(&self, terms: &[&str], phrase: &str) -> Option<u32> {
        let mut score = 0u32;
        for term in terms {
            let best = self
                .words
                .iter()
                .enumerate()
                .filter_map(|(i, word)| {
                    let base = if word == term {
                        30
                    } else if word.starts_with(term) {
                        15
                    } else {
                        return None;
                    };
                    // Words near the start of a name matter more ("Đăng ký khai sinh" before
                    // "Liên thông ... khai sinh").
                    Some(base + 10u32.saturating_sub(i as u32))
                })
                .max()?;
            score += best;
        }
        if terms.len() > 1 && self.folded.contains(phrase) {
            score += 40;
        }
        if self.folded.starts_with(phrase) {
            score += 20;
        }
        // Shorter names are more likely to be what was meant.
        score += 20u32.saturating_sub(self.words.len() as u32);
        Some(score)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn index() -> SearchIndex {
        SearchIndex::new([
            (
                "2.000986",
                "Liên thông đăng ký khai sinh, đăng ký thường trú, cấp thẻ bảo hiểm y tế",
            ),
            ("1.001193", "Đăng ký khai sinh"),
            ("1.000894", "Đăng ký kết hôn"),
            ("3.000347", "Đổi giấy phép lái xe"),
            ("1.000656", "Đăng ký khai tử"),
        ])
    }

    fn keys(index: &SearchIndex, query: &str) -> Vec<String> {
        index
            .search(query)
            .into_iter()
            .map(|h| h.key.to_owned())
            .collect()
    }

    #[test]
    fn a_query_without_diacritics_finds_the_name_with_diacritics() {
        assert_eq!(keys(&index(), "dang ky khai sinh")[0], "1.001193");
        assert_eq!(keys(&index(), "DOI GIAY PHEP"), ["3.000347"]);
    }

    #[test]
    fn the_exact_short_name_ranks_above_a_longer_name_containing_it() {
        assert_eq!(keys(&index(), "khai sinh"), ["1.001193", "2.000986"]);
    }

    #[test]
    fn every_word_of_the_query_must_match() {
        assert!(keys(&index(), "khai sinh ket hon").is_empty());
    }

    #[test]
    fn word_prefixes_match_while_typing() {
        assert_eq!(keys(&index(), "kết h"), ["1.000894"]);
        assert!(keys(&index(), "kha").contains(&"1.000656".to_owned()));
    }

    #[test]
    fn a_hit_gives_the_position_of_its_document() {
        let index = index();
        for hit in index.search("dang ky") {
            assert_eq!(index.entries[hit.position].key, hit.key);
        }
        assert_eq!(index.search("lai xe")[0].position, 3);
    }

    #[test]
    fn the_procedure_code_is_searchable() {
        assert_eq!(keys(&index(), "1.001193"), ["1.001193"]);
    }

    #[test]
    fn an_empty_or_blank_query_matches_nothing() {
        assert!(keys(&index(), "").is_empty());
        assert!(keys(&index(), "  ,; ").is_empty());
    }
}

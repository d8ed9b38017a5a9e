//! Measuring the checker against a labelled set: document items sampled from the national crawl,
//! each labelled by reading its text (`crates/core/tests/data/checker-labelled.jsonl`). The test
//! suite holds the figures to a floor; `cargo xtask bench` prints the confusion table.

use serde::Deserialize;

use super::{Class, RuleSet};
use crate::kinds::DataSource;

/// One labelled item.
#[derive(Debug, Clone, Deserialize)]
pub struct Labelled {
    pub code: String,
    pub procedure: String,
    pub ministry: String,
    pub text: String,
    pub class: Class,
    #[serde(default)]
    pub source: Option<DataSource>,
    #[serde(default)]
    pub reason: Option<String>,
    /// How the item was drawn: `random` (stratified by ministry and field), `hard` (words that
    /// fooled earlier checkers), `held` (papers national systems may hold).
    pub sample: String,
}

/// Reads the labelled set; a bad line is an error naming it.
pub fn read_labelled(text: &str) -> Result<Vec<Labelled>, String> {
    text.lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty())
        .map(|(i, l)| serde_json::from_str(l).map_err(|e| format!("line {}: {e}", i + 1)))
        .collect()
}

/// An item the checker got wrong.
#[derive(Debug, Clone)]
pub struct Miss {
    pub index: usize,
    pub expected: Class,
    pub got: Class,
    pub rule: Option<String>,
}

/// The confusion table (expected × got) and the misses.
#[derive(Debug, Clone)]
pub struct Evaluation {
    /// `table[expected][got]`, indices as in [`Class::ALL`].
    pub table: [[usize; 5]; 5],
    /// Reusable items whose named source differs from the label's.
    pub wrong_source: usize,
    pub misses: Vec<Miss>,
    pub items: usize,
}

fn index(class: Class) -> usize {
    Class::ALL.iter().position(|c| *c == class).unwrap_or(0)
}

impl Evaluation {
    pub fn run(rules: &RuleSet, set: &[Labelled]) -> Self {
        let mut table = [[0; 5]; 5];
        let (mut misses, mut wrong_source) = (Vec::new(), 0);
        for (i, item) in set.iter().enumerate() {
            let v = rules.classify_in(&item.text, &item.procedure);
            table[index(item.class)][index(v.class)] += 1;
            if v.class != item.class {
                misses.push(Miss {
                    index: i,
                    expected: item.class,
                    got: v.class,
                    rule: v.rule_id().map(str::to_owned),
                });
            } else if v.class == Class::Reusable && v.source() != item.source {
                wrong_source += 1;
            }
        }
        Self {
            table,
            wrong_source,
            misses,
            items: set.len(),
        }
    }

    /// Of the items called `class`, the share labelled so.
    pub fn precision(&self, class: Class) -> f64 {
        let c = index(class);
        let called: usize = (0..5).map(|e| self.table[e][c]).sum();
        ratio(self.table[c][c], called)
    }

    /// Of the items labelled `class`, the share called so.
    pub fn recall(&self, class: Class) -> f64 {
        let c = index(class);
        ratio(self.table[c][c], self.table[c].iter().sum())
    }

    /// The table as Markdown, rows expected, columns as classified.
    pub fn to_markdown(&self) -> String {
        let mut out = String::from("| expected \\ classified |");
        for c in Class::ALL {
            out += &format!(" {} |", c.as_str());
        }
        out += " recall |\n|---|";
        out += &"---:|".repeat(6);
        out += "\n";
        for e in Class::ALL {
            out += &format!("| {} |", e.as_str());
            for c in Class::ALL {
                out += &format!(" {} |", self.table[index(e)][index(c)]);
            }
            out += &format!(" {:.1}% |\n", 100.0 * self.recall(e));
        }
        out += "| precision |";
        for c in Class::ALL {
            out += &format!(" {:.1}% |", 100.0 * self.precision(c));
        }
        out + " |\n"
    }
}

fn ratio(part: usize, whole: usize) -> f64 {
    if whole == 0 {
        1.0
    } else {
        part as f64 / whole as f64
    }
}

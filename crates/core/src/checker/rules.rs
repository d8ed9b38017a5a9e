//! The checker's rules, kept as data (`rules.toml`) so an agency can add its own without a
//! release. Rules decide in a fixed order of phases, whatever order a file lists them in:
//!
//! 1. `not_a_document`: notes, instructions, lead-ins and fragments that run together with the
//!    documents on the portal;
//! 2. `never`: papers that can never be reused (issued or certified abroad, consular
//!    legalisation, translations, photos, papers of enterprises and organisations, technical
//!    dossiers, forms to fill in, originals handed back);
//! 3. `abolished`: papers that no longer exist (household and temporary-residence books);
//! 4. `reusable`: papers a Vietnamese authority issues into a named national system;
//! 5. `upload`, then `unclear`: what the citizen provides, and what a person should read.
//!
//! Phrases are compared in lower case with their diacritics, on whole words.
//! Inside a phase the first matching rule wins, an agency's own rules before the built-in ones.
//! An item no rule matches is `unclear`.

use serde::Deserialize;

use super::{Class, Verdict};
use crate::kinds::DataSource;

/// The phases, in the order they decide.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Phase {
    NotADocument,
    Never,
    Abolished,
    Reusable,
    Upload,
    Unclear,
}

impl Phase {
    pub fn class(self) -> Class {
        match self {
            Phase::NotADocument => Class::NotADocument,
            Phase::Never | Phase::Upload => Class::Upload,
            Phase::Abolished => Class::Abolished,
            Phase::Reusable => Class::Reusable,
            Phase::Unclear => Class::Unclear,
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Phase::NotADocument => "not_a_document",
            Phase::Never => "never",
            Phase::Abolished => "abolished",
            Phase::Reusable => "reusable",
            Phase::Upload => "upload",
            Phase::Unclear => "unclear",
        }
    }
}

/// One rule. Phrases are compared folded (no case, no diacritics) and on word boundaries.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Rule {
    pub id: String,
    #[serde(skip, default = "default_phase")]
    pub phase: Phase,
    /// For `reusable` rules: the national system that holds the paper.
    #[serde(default)]
    pub source: Option<DataSource>,
    /// The legal text that forbids asking for the paper, abolished it, or says why it stays.
    #[serde(default)]
    pub basis: Option<String>,
    /// The item contains at least one of these phrases.
    #[serde(default)]
    pub any: Vec<String>,
    /// The item contains every one of these phrases.
    #[serde(default)]
    pub all: Vec<String>,
    /// The item starts with one of these phrases.
    #[serde(default)]
    pub starts_with: Vec<String>,
    /// The item contains none of these phrases.
    #[serde(default)]
    pub none: Vec<String>,
    /// The item starts with none of these phrases.
    #[serde(default)]
    pub not_starts_with: Vec<String>,
    /// The item ends with one of these phrases (`:` for a lead-in).
    #[serde(default)]
    pub ends_with: Vec<String>,
    /// `any` and `all` phrases must start within the item's first `within` words: an item is
    /// named by its head, not by papers mentioned in its conditions.
    #[serde(default)]
    pub within: Option<usize>,
    /// The procedure's name contains one of these phrases.
    #[serde(default)]
    pub procedure_any: Vec<String>,
    /// The procedure's name contains none of these phrases.
    #[serde(default)]
    pub procedure_none: Vec<String>,
}

fn default_phase() -> Phase {
    Phase::Unclear
}

impl Rule {
    fn matches(&self, item: &str, procedure: &str) -> bool {
        let has = |text: &str, p: &String| text.contains(p.as_str());
        let head = match self.within {
            // The byte offset where word `n` ends, counting after the words that say what kind
            // of copy is wanted: phrases must start before it.
            Some(n) => item
                .match_indices(' ')
                .nth(n + copy_words(item))
                .map(|(at, _)| at)
                .unwrap_or(item.len()),
            None => item.len(),
        };
        let in_head = |p: &String| item.find(p.as_str()).is_some_and(|at| at < head);
        (self.any.is_empty() || self.any.iter().any(in_head))
            && self.all.iter().all(in_head)
            && (self.starts_with.is_empty()
                || self
                    .starts_with
                    .iter()
                    .any(|p| item.starts_with(p.as_str())))
            && !self
                .not_starts_with
                .iter()
                .any(|p| item.starts_with(p.as_str()))
            && (self.ends_with.is_empty()
                || self.ends_with.iter().any(|p| item.ends_with(p.as_str())))
            && !self.none.iter().any(|p| has(item, p))
            && (self.procedure_any.is_empty()
                || self.procedure_any.iter().any(|p| has(procedure, p)))
            && !self.procedure_none.iter().any(|p| has(procedure, p))
    }
}

/// Words that say what kind of copy is wanted (`Bản sao kèm bản chính để đối chiếu hoặc bản sao
/// điện tử được chứng thực từ bản chính …`): they come before the paper's name.
const COPY_WORDS: [&str; 27] = [
    "bản", "sao", "chính", "kèm", "theo", "để", "đối", "chiếu", "hoặc", "có", "chứng", "thực",
    "điện", "tử", "được", "từ", "sổ", "gốc", "hợp", "lệ", "xuất", "trình", "nộp", "chụp", "(", ")",
    ":",
];

/// How many of an item's first words say what kind of copy is wanted.
fn copy_words(item: &str) -> usize {
    item.split(' ')
        .filter(|w| !w.is_empty())
        .take_while(|w| COPY_WORDS.contains(w))
        .count()
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct RulesFile {
    #[serde(default)]
    not_a_document: Vec<Rule>,
    #[serde(default)]
    never: Vec<Rule>,
    #[serde(default)]
    abolished: Vec<Rule>,
    #[serde(default)]
    reusable: Vec<Rule>,
    #[serde(default)]
    upload: Vec<Rule>,
    #[serde(default)]
    unclear: Vec<Rule>,
}

/// Rules grouped by phase, in the order they are tried.
#[derive(Debug, Clone)]
pub struct RuleSet {
    rules: Vec<Rule>,
}

/// Old-style tone placements and their modern spelling (`hoá` → `hóa`, `uỷ` → `ủy`), so both
/// spellings of a word match.
const TONE_PLACEMENT: [(&str, &str); 15] = [
    ("oà", "òa"),
    ("oá", "óa"),
    ("oả", "ỏa"),
    ("oã", "õa"),
    ("oạ", "ọa"),
    ("oè", "òe"),
    ("oé", "óe"),
    ("oẻ", "ỏe"),
    ("oẽ", "õe"),
    ("oẹ", "ọe"),
    ("uỳ", "ùy"),
    ("uý", "úy"),
    ("uỷ", "ủy"),
    ("uỹ", "ũy"),
    ("uỵ", "ụy"),
];

/// Text prepared for matching: lower case, composed, one tone placement, words separated by one
/// space, padded with spaces so a phrase ` x y ` matches whole words only. Diacritics are kept:
/// folding them away would make `chứng tử` (a death certificate) `chứng từ` (a voucher).
/// `:`, `(` and `)` stay as words of their own: they mark lead-ins and fragments.
pub fn normalise(text: &str) -> String {
    use unicode_normalization::UnicodeNormalization as _;
    let mut lower: String = text.nfc().flat_map(char::to_lowercase).collect();
    for (old, new) in TONE_PLACEMENT {
        if lower.contains(old) {
            lower = lower.replace(old, new);
        }
    }
    let mut out = String::with_capacity(lower.len() + 2);
    out.push(' ');
    let mut in_word = false;
    for c in lower.chars() {
        if c.is_alphanumeric() {
            out.push(c);
            in_word = true;
            continue;
        }
        if in_word {
            out.push(' ');
            in_word = false;
        }
        if matches!(c, ':' | '(' | ')') {
            out.push(c);
            out.push(' ');
        }
    }
    if in_word {
        out.push(' ');
    }
    out
}

impl RuleSet {
    /// The rules shipped with the checker.
    pub fn builtin() -> Self {
        Self::parse("rules.toml", include_str!("rules.toml"))
            .expect("rules.toml is checked by a unit test")
    }

    /// Parses a rules file; `name` is used in error messages.
    pub fn parse(name: &str, text: &str) -> Result<Self, String> {
        let file: RulesFile = toml::from_str(text).map_err(|e| format!("{name}: {e}"))?;
        let groups = [
            (Phase::NotADocument, file.not_a_document),
            (Phase::Never, file.never),
            (Phase::Abolished, file.abolished),
            (Phase::Reusable, file.reusable),
            (Phase::Upload, file.upload),
            (Phase::Unclear, file.unclear),
        ];
        let mut rules = Vec::new();
        for (phase, group) in groups {
            for mut rule in group {
                rule.phase = phase;
                check(name, &rule)?;
                for list in [
                    &mut rule.any,
                    &mut rule.all,
                    &mut rule.starts_with,
                    &mut rule.none,
                    &mut rule.not_starts_with,
                    &mut rule.ends_with,
                    &mut rule.procedure_any,
                    &mut rule.procedure_none,
                ] {
                    for phrase in list.iter_mut() {
                        *phrase = normalise(phrase);
                    }
                }
                // `starts_with` keeps its leading space: items are normalised the same way.
                rules.push(rule);
            }
        }
        Ok(Self { rules })
    }

    /// `extra` rules are tried before these, phase by phase: an agency's rule can refine a
    /// phase but never move an item ahead of an earlier phase.
    pub fn extended_by(self, extra: RuleSet) -> Self {
        let mut rules: Vec<Rule> = extra.rules.into_iter().chain(self.rules).collect();
        rules.sort_by_key(|r| r.phase);
        Self { rules }
    }

    /// Classifies one item of a procedure's document list.
    pub fn classify(&self, text: &str) -> Verdict<'_> {
        self.classify_in(text, "")
    }

    /// Classifies one item, knowing the procedure it belongs to (some papers are foreign only
    /// because the procedure concerns foreigners).
    pub fn classify_in(&self, text: &str, procedure: &str) -> Verdict<'_> {
        let item = normalise(text);
        let procedure = normalise(procedure);
        match self.rules.iter().find(|r| r.matches(&item, &procedure)) {
            Some(rule) => Verdict {
                class: rule.phase.class(),
                rule: Some(rule),
            },
            None => Verdict {
                class: Class::Unclear,
                rule: None,
            },
        }
    }
}

fn check(name: &str, rule: &Rule) -> Result<(), String> {
    let id = &rule.id;
    if rule.any.is_empty()
        && rule.all.is_empty()
        && rule.starts_with.is_empty()
        && rule.ends_with.is_empty()
    {
        return Err(format!(
            "{name}: rule {id:?} matches nothing: give any, all, starts_with or ends_with"
        ));
    }
    if (rule.phase == Phase::Reusable) != rule.source.is_some() {
        return Err(format!(
            "{name}: rule {id:?}: a source is given exactly for reusable rules"
        ));
    }
    if matches!(rule.phase, Phase::Reusable | Phase::Abolished) && rule.basis.is_none() {
        return Err(format!(
            "{name}: rule {id:?}: a {} rule names its legal basis",
            rule.phase.as_str()
        ));
    }
    let empty = [
        &rule.any,
        &rule.all,
        &rule.starts_with,
        &rule.ends_with,
        &rule.none,
    ]
    .iter()
    .any(|list| list.iter().any(|p| normalise(p).trim().is_empty()));
    if empty {
        return Err(format!("{name}: rule {id:?} has an empty phrase"));
    }
    Ok(())
}

//! Classification rules, kept as data (`rules.toml`) so an agency can add its own without a release.

use serde::{Deserialize, Serialize};

use motlan_core::kinds::DataSource;
use motlan_core::text::fold;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Class {
    /// A national system holds it; asking for it breaks the once-only rule.
    Reusable,
    /// The paper no longer exists (e.g. household books since 1/1/2023).
    Abolished,
    /// The citizen must still provide it.
    Upload,
    /// No rule decided; a person should look.
    Unclear,
}

impl Class {
    pub const ALL: [Class; 4] = [
        Class::Reusable,
        Class::Abolished,
        Class::Upload,
        Class::Unclear,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Class::Reusable => "reusable",
            Class::Abolished => "abolished",
            Class::Upload => "upload",
            Class::Unclear => "unclear",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Rule {
    pub id: String,
    pub class: Class,
    #[serde(default)]
    pub source: Option<DataSource>,
    #[serde(default)]
    pub basis: Option<String>,
    #[serde(default)]
    pub any: Vec<String>,
    #[serde(default)]
    pub all: Vec<String>,
    #[serde(default)]
    pub starts_with: Vec<String>,
    #[serde(default)]
    pub none: Vec<String>,
}

impl Rule {
    fn matches(&self, folded: &str) -> bool {
        let has = |p: &String| folded.contains(p.as_str());
        (self.any.is_empty() || self.any.iter().any(has))
            && self.all.iter().all(has)
            && (self.starts_with.is_empty()
                || self
                    .starts_with
                    .iter()
                    .any(|p| folded.starts_with(p.as_str())))
            && !self.none.iter().any(has)
    }
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RulesFile {
    rule: Vec<Rule>,
}

/// Rules in the order they are tried.
#[derive(Debug, Clone)]
pub struct RuleSet {
    rules: Vec<Rule>,
}

/// How one item was classified.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Verdict<'a> {
    pub class: Class,
    pub rule: Option<&'a Rule>,
}

impl RuleSet {
    /// The rules shipped with the checker.
    pub fn builtin() -> Self {
        Self::parse("rules.toml", include_str!("../rules.toml"))
            .expect("rules.toml is checked by a unit test")
    }

    /// Parses a rules file; `name` is used in error messages.
    pub fn parse(name: &str, text: &str) -> Result<Self, String> {
        let file: RulesFile = toml::from_str(text).map_err(|e| format!("{name}: {e}"))?;
        let mut rules = Vec::new();
        for mut rule in file.rule {
            if rule.any.is_empty() && rule.all.is_empty() && rule.starts_with.is_empty() {
                return Err(format!(
                    "{name}: rule {:?} matches nothing: give any, all or starts_with",
                    rule.id
                ));
            }
            if (rule.class == Class::Reusable) != rule.source.is_some() {
                return Err(format!(
                    "{name}: rule {:?}: a source is given exactly for reusable rules",
                    rule.id
                ));
            }
            for list in [
                &mut rule.any,
                &mut rule.all,
                &mut rule.starts_with,
                &mut rule.none,
            ] {
                for phrase in list.iter_mut() {
                    *phrase = fold(phrase);
                }
            }
            rules.push(rule);
        }
        Ok(Self { rules })
    }

    /// `extra` rules are tried before these.
    pub fn extended_by(self, extra: RuleSet) -> Self {
        Self {
            rules: extra.rules.into_iter().chain(self.rules).collect(),
        }
    }

    pub fn classify(&self, text: &str) -> Verdict<'_> {
        let folded = fold(text);
        match self.rules.iter().find(|r| r.matches(&folded)) {
            Some(rule) => Verdict {
                class: rule.class,
                rule: Some(rule),
            },
            None => Verdict {
                class: Class::Unclear,
                rule: None,
            },
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_builtin_rules_classify_the_usual_papers() {
        let rules = RuleSet::builtin();
        let class = |t: &str| {
            let v = rules.classify(t);
            (
                v.class,
                v.rule.map(|r| r.id.as_str()),
                v.rule.and_then(|r| r.source),
            )
        };
        assert_eq!(
            class("Bản sao Sổ hộ khẩu"),
            (Class::Abolished, Some("household-book"), None)
        );
        assert_eq!(
            class("Bản sao Thẻ Căn cước hoặc Hộ chiếu"),
            (
                Class::Reusable,
                Some("identity-paper"),
                Some(DataSource::PopulationDb)
            )
        );
        assert_eq!(
            class("Giấy chứng sinh"),
            (
                Class::Reusable,
                Some("birth-notice"),
                Some(DataSource::HealthFacility)
            )
        );
        assert_eq!(
            class("Bản sao Giấy chứng nhận kết hôn"),
            (
                Class::Reusable,
                Some("civil-status-paper"),
                Some(DataSource::CivilStatusDb)
            )
        );
        assert_eq!(
            class("Văn bản ủy quyền"),
            (Class::Upload, Some("citizen-document"), None)
        );
        assert_eq!(
            class("Tờ khai theo mẫu"),
            (Class::Upload, Some("declaration-form"), None)
        );
        assert_eq!(
            class(
                "Trường hợp giấy tờ tùy thân là thẻ căn cước thì chỉ cần cung cấp số định danh cá nhân"
            ),
            (Class::Unclear, Some("note-not-a-document"), None)
        );
        assert_eq!(
            class("Kết quả sát hạch đạt yêu cầu còn hiệu lực"),
            (Class::Unclear, None, None)
        );
    }

    #[test]
    fn agency_rules_come_first_and_bad_rules_are_explained() {
        let extra = RuleSet::parse(
            "agency.toml",
            "[[rule]]\nid = \"flegt\"\nclass = \"upload\"\nany = [\"FLEGT\"]\n",
        )
        .unwrap();
        let rules = RuleSet::builtin().extended_by(extra);
        assert_eq!(rules.classify("Giấy phép FLEGT").rule.unwrap().id, "flegt");
        let e = RuleSet::parse(
            "x.toml",
            "[[rule]]\nid = \"a\"\nclass = \"reusable\"\nany = [\"b\"]\n",
        )
        .unwrap_err();
        assert!(e.contains("source"), "{e}");
        let e = RuleSet::parse("x.toml", "[[rule]]\nid = \"a\"\nclass = \"upload\"\n").unwrap_err();
        assert!(e.contains("matches nothing"), "{e}");
        let e = RuleSet::parse(
            "x.toml",
            "[[rule]]\nid = \"a\"\nclass = \"maybe\"\nany = [\"b\"]\n",
        )
        .unwrap_err();
        assert!(e.starts_with("x.toml:"), "{e}");
    }
}

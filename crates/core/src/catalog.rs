//! The procedure catalog embedded from `catalog/*.toml`, validated when it is loaded so that a
//! broken definition is reported with its file name and the problem, never served.

use std::collections::HashSet;

use crate::procedure::Procedure;
use crate::search::SearchIndex;

mod embedded {
    include!(concat!(env!("OUT_DIR"), "/catalog_files.rs"));
}

/// A problem in one catalog file.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("catalog/{file}: {problem}")]
pub struct CatalogError {
    pub file: String,
    pub problem: String,
}

/// Every problem, one per line, for a start-up error or a failed test.
pub fn describe(errors: &[CatalogError]) -> String {
    errors
        .iter()
        .map(ToString::to_string)
        .collect::<Vec<_>>()
        .join("\n")
}

/// All procedures, in code order, with a search index over their names.
#[derive(Debug, Clone)]
pub struct Catalog {
    procedures: Vec<Procedure>,
    index: SearchIndex,
}

impl Catalog {
    /// The catalog built into this binary.
    pub fn embedded() -> Result<Self, Vec<CatalogError>> {
        Self::from_files(embedded::FILES.iter().copied())
    }

    /// Parses and checks `(file name, TOML text)` pairs; returns every problem found, not just
    /// the first.
    pub fn from_files<'a>(
        files: impl IntoIterator<Item = (&'a str, &'a str)>,
    ) -> Result<Self, Vec<CatalogError>> {
        let mut procedures = Vec::new();
        let mut errors = Vec::new();
        for (file, text) in files {
            let error = |problem: String| CatalogError {
                file: file.to_owned(),
                problem,
            };
            match toml::from_str::<Procedure>(text) {
                Ok(procedure) => {
                    errors.extend(check(file, &procedure).into_iter().map(error));
                    procedures.push(procedure);
                }
                Err(e) => errors.push(error(e.to_string().trim_end().to_owned())),
            }
        }
        let mut seen = HashSet::new();
        for p in &procedures {
            if !seen.insert(p.code.clone()) {
                errors.push(CatalogError {
                    file: format!("{}.toml", p.code),
                    problem: format!("procedure {} is defined twice", p.code),
                });
            }
        }
        if !errors.is_empty() {
            return Err(errors);
        }
        procedures.sort_by(|a, b| a.code.cmp(&b.code));
        let index = SearchIndex::new(
            procedures
                .iter()
                .map(|p| (p.code.as_str().to_owned(), &p.name.vi)),
        );
        Ok(Self { procedures, index })
    }

    pub fn procedures(&self) -> &[Procedure] {
        &self.procedures
    }

    pub fn get(&self, code: &str) -> Option<&Procedure> {
        self.procedures.iter().find(|p| p.code.as_str() == code)
    }

    /// Procedures whose name matches `query`, best first.
    pub fn search(&self, query: &str) -> Vec<&Procedure> {
        self.index
            .search(query)
            .into_iter()
            .map(|hit| &self.procedures[hit.position])
            .collect()
    }
}

/// Consistency rules TOML types cannot express.
fn check(file: &str, p: &Procedure) -> Vec<String> {
    let mut problems = Vec::new();
    let expected = format!("{}.toml", p.code);
    if file != expected {
        problems.push(format!(
            "the file of procedure {} must be named {expected}",
            p.code
        ));
    }
    for (what, text) in [
        ("name", &p.name),
        ("summary", &p.summary),
        ("authority", &p.authority),
        ("category", &p.category),
    ] {
        if text.vi.trim().is_empty() || text.en.trim().is_empty() {
            problems.push(format!(
                "{what} needs both a Vietnamese and an English text"
            ));
        }
    }
    if p.legal_basis.is_empty() {
        problems.push("legal_basis lists no legal text".to_owned());
    }
    problems.extend(crate::form_check::check_pages(&p.pages));
    let questions: HashSet<&str> = p
        .pages
        .iter()
        .flat_map(|page| &page.questions)
        .map(|q| q.id.as_str())
        .collect();
    // Every answer key a question fills (an address's parts), or a question's id.
    let keys: HashSet<String> = p
        .pages
        .iter()
        .flat_map(|page| &page.questions)
        .flat_map(|q| q.keys())
        .collect();
    let known_key = |key: &str| questions.contains(key) || keys.contains(key);
    problems.extend(check_fee_cases(p, &known_key));
    for key in p.typical_case.keys() {
        if !known_key(key) {
            problems.push(format!(
                "typical_case answers {key:?}, which is not a question"
            ));
        }
    }
    let cited: HashSet<&str> = p.legal_basis.iter().map(|b| b.code.as_str()).collect();
    let mut cite = |what: String, basis: &str| {
        if !cited.contains(basis) {
            problems.push(format!(
                "{what} cites {basis:?}, which legal_basis does not list"
            ));
        }
    };
    for d in &p.documents {
        for r in &d.reuse {
            cite(format!("document {:?}", d.id), &r.basis);
        }
        if let Some(w) = &d.waiver {
            cite(format!("document {:?} (waiver)", d.id), &w.basis);
        }
    }
    let mut ids = HashSet::new();
    for d in &p.documents {
        for key in d.condition.iter().flat_map(|c| c.questions()) {
            if !known_key(key) {
                problems.push(format!(
                    "document {:?}: the condition reads {:?}, which is not a question",
                    d.id, key
                ));
            }
        }
        if d.accept.is_empty() || d.max_mb == 0 {
            problems.push(format!(
                "document {:?} must accept some file type and size",
                d.id
            ));
        }
        if !ids.insert(d.id.as_str()) {
            problems.push(format!("document id {:?} is used twice", d.id));
        }
        if d.id.is_empty() || !d.id.bytes().all(|b| b.is_ascii_lowercase() || b == b'_') {
            problems.push(format!("document id {:?} must be snake_case", d.id));
        }
        if d.name.vi.trim().is_empty() || d.name.en.trim().is_empty() {
            problems.push(format!(
                "document {:?} needs a name in both languages",
                d.id
            ));
        }
        for r in &d.reuse {
            if r.basis.trim().is_empty() {
                problems.push(format!(
                    "document {:?}: a reuse source needs its legal basis",
                    d.id
                ));
            }
        }
    }
    problems
}

/// Every fee case reads answers of the form (a question, or a part of one such as an address's
/// province), in both languages.
fn check_fee_cases(p: &Procedure, known_key: &dyn Fn(&str) -> bool) -> Vec<String> {
    let mut problems = Vec::new();
    for (i, case) in p.fees.cases.iter().enumerate() {
        if case.label.vi.trim().is_empty() || case.label.en.trim().is_empty() {
            problems.push(format!("fee case {i} needs a label in both languages"));
        }
        for q in case.when.questions() {
            if !known_key(q) {
                problems.push(format!("fee case {i} reads {q:?}, which is not a question"));
            }
        }
    }
    problems
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_embedded_catalog_is_valid() {
        let catalog = Catalog::embedded().unwrap_or_else(|errors| panic!("{}", describe(&errors)));
        assert!(catalog.get("1.001193").is_some());
    }

    #[test]
    fn birth_registration_waives_the_papers_national_data_holds() {
        let catalog = Catalog::embedded().unwrap();
        let birth = catalog.get("1.001193").unwrap();
        let identity = birth
            .documents
            .iter()
            .find(|d| d.id == "identity_paper")
            .unwrap();
        assert!(identity.reuse.iter().any(|r| r.basis == "104/2022/NĐ-CP"));
        let authorisation = birth
            .documents
            .iter()
            .find(|d| d.id == "authorisation")
            .unwrap();
        assert!(
            authorisation.reuse.is_empty(),
            "an authorisation is only ever uploaded"
        );
    }

    #[test]
    fn searching_without_diacritics_finds_birth_registration() {
        let catalog = Catalog::embedded().unwrap();
        assert_eq!(
            catalog.search("dang ky khai sinh")[0].code.as_str(),
            "1.001193"
        );
    }

    fn with_file(name: &str, edit: impl Fn(String) -> String) -> Vec<CatalogError> {
        let (_, text) = embedded::FILES
            .iter()
            .find(|(f, _)| *f == "1.001193.toml")
            .unwrap();
        Catalog::from_files([(name, edit(text.to_string()).as_str())]).unwrap_err()
    }

    #[test]
    fn a_broken_definition_is_reported_with_its_file_and_problem() {
        let errors = with_file("1.001193.toml", |t| {
            t.replace("processing_days = 1", "processing_days = \"one\"")
        });
        assert_eq!(errors[0].file, "1.001193.toml");
        assert!(
            errors[0].to_string().starts_with("catalog/1.001193.toml:"),
            "{}",
            errors[0]
        );
        assert!(
            errors[0].problem.contains("processing_days"),
            "{}",
            errors[0].problem
        );
    }

    #[test]
    fn a_misnamed_file_an_unknown_field_and_a_duplicate_document_are_reported() {
        let errors = with_file("birth.toml", |t| t);
        assert!(
            errors[0].problem.contains("must be named 1.001193.toml"),
            "{errors:?}"
        );

        let errors = with_file("1.001193.toml", |t| {
            t.replace("processing_days = 1", "processing_days = 1\nprocesing = 2")
        });
        assert!(errors[0].problem.contains("procesing"), "{errors:?}");

        let errors = with_file("1.001193.toml", |t| {
            t.replace("id = \"authorisation\"", "id = \"identity_paper\"")
        });
        assert!(
            errors.iter().any(|e| e.problem.contains("used twice")),
            "{errors:?}"
        );
    }

    #[test]
    fn a_bad_identity_source_or_condition_names_the_question() {
        let errors = with_file("1.001193.toml", |t| {
            t.replacen("population.full_name", "population.fullname", 1)
        });
        assert!(
            errors[0].to_string().starts_with("catalog/1.001193.toml:")
                && errors[0].problem.contains("population.fullname")
                && errors[0].problem.contains("full_name"),
            "{errors:?}"
        );

        let errors = with_file("1.001193.toml", |t| {
            t.replace(
                "when = { question = \"father.known\", equals = \"yes\" }",
                "when = { question = \"father.known\", equals = \"maybe\" }",
            )
        });
        assert!(
            errors
                .iter()
                .any(|e| e.problem.contains("\"maybe\" is not an option")),
            "{errors:?}"
        );

        let errors = with_file("1.001193.toml", |t| {
            t.replace(
                "question = \"child.circumstance\"",
                "question = \"child.situation\"",
            )
        });
        assert!(
            errors.iter().any(|e| e.problem.contains("child.situation")),
            "{errors:?}"
        );
    }
}

//! Every procedure a citizen can find: the ones with a form here first, then the national
//! catalog's information pages, one entry per code, searched by name without diacritics.

use motlan_core::Localized;
use motlan_core::api::ProcedureSummary;
use motlan_core::catalog::Catalog;
use motlan_core::search::SearchIndex;

use crate::national_catalog::NationalCatalog;

#[derive(Debug, Default)]
pub struct Directory {
    items: Vec<ProcedureSummary>,
    index: SearchIndex,
}

/// National names often start with "Thủ tục": it says nothing, and ranking by the words near
/// the start would put every such name behind the others.
fn searchable(name: &str) -> &str {
    ["Thủ tục ", "thủ tục "]
        .iter()
        .find_map(|p| name.strip_prefix(p))
        .unwrap_or(name)
}

impl Directory {
    pub fn new(catalog: &Catalog, national: &NationalCatalog) -> Self {
        let mut items: Vec<ProcedureSummary> = catalog
            .procedures()
            .iter()
            .map(|p| {
                let mut summary = ProcedureSummary::from(p);
                if let Some(entry) = national.get(p.code.as_str()) {
                    summary.ministry = Some(entry.record.ministry.clone());
                    summary.field = entry.record.field.clone();
                }
                summary
            })
            .collect();
        let mut others: Vec<ProcedureSummary> = national
            .entries()
            .iter()
            .filter(|e| catalog.get(e.code.as_str()).is_none())
            .map(|e| {
                let first = e.record.ways.first();
                ProcedureSummary {
                    code: e.code.clone(),
                    name: Localized {
                        vi: e.record.name.clone(),
                        en: e.record.name.clone(),
                    },
                    online_form: false,
                    processing_days: None,
                    fee_online: None,
                    processing_time: first.and_then(|w| w.time.clone()),
                    fee: first.and_then(|w| w.fee.clone()),
                    ministry: Some(e.record.ministry.clone()),
                    field: e.record.field.clone(),
                    reusable_documents: e.avoidable,
                    documents: e
                        .documents
                        .iter()
                        .filter(|d| d.class != motlan_core::api::Class::NotADocument)
                        .count(),
                    filed_recently: 0,
                }
            })
            .collect();
        others.sort_by(|a, b| a.code.as_str().cmp(b.code.as_str()));
        items.extend(others);
        let index = SearchIndex::new(
            items
                .iter()
                .map(|p| (p.code.to_string(), searchable(&p.name.vi).to_owned())),
        );
        Self { items, index }
    }

    pub fn len(&self) -> usize {
        self.items.len()
    }

    pub fn is_empty(&self) -> bool {
        self.items.is_empty()
    }

    /// Positions of the entries matching `query`, best first; every entry without a query.
    pub fn search(&self, query: Option<&str>) -> Vec<usize> {
        match query.map(str::trim).filter(|q| !q.is_empty()) {
            Some(q) => self
                .index
                .search(q)
                .into_iter()
                .map(|h| h.position)
                .collect(),
            None => (0..self.items.len()).collect(),
        }
    }

    pub fn item(&self, position: usize) -> &ProcedureSummary {
        &self.items[position]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn directory() -> Directory {
        let catalog = Catalog::embedded().unwrap();
        Directory::new(&catalog, &NationalCatalog::built_in())
    }

    #[test]
    fn the_citizens_searches_find_the_right_national_procedures() {
        let d = directory();
        let names = |q: &str| -> Vec<String> {
            d.search(Some(q))
                .into_iter()
                .take(5)
                .map(|i| d.item(i).name.vi.to_lowercase())
                .collect()
        };
        for (query, expected) in [
            ("cap lai the can cuoc", "cấp lại thẻ căn cước"),
            ("ho chieu", "hộ chiếu"),
            ("dang ky xe", "đăng ký xe"),
            ("dang ky ho kinh doanh", "hộ kinh doanh"),
            ("dang ky khai sinh", "đăng ký khai sinh"),
        ] {
            let found = names(query);
            assert!(
                found.first().is_some_and(|n| n.contains(expected)),
                "{query}: {found:?}"
            );
        }
    }

    #[test]
    fn every_procedure_is_found_by_its_code_and_has_an_information_page() {
        let catalog = Catalog::embedded().unwrap();
        let national = NationalCatalog::built_in();
        let d = Directory::new(&catalog, &national);
        for position in d.search(None) {
            let p = d.item(position);
            assert!(
                d.search(Some(p.code.as_str())).contains(&position),
                "{} not found by its code",
                p.code
            );
            let info = motlan_core::checker::information(
                &p.code,
                national
                    .get(p.code.as_str())
                    .map(|e| (&e.record, &e.documents[..])),
                catalog.get(p.code.as_str()),
            )
            .unwrap();
            assert_eq!(info.online_form, p.online_form, "{}", p.code);
        }
    }

    #[test]
    fn every_code_is_listed_once_forms_first() {
        let d = directory();
        let all = d.search(None);
        assert!(d.len() >= 2642);
        assert!(d.item(all[0]).online_form);
        let mut codes: Vec<&str> = all.iter().map(|i| d.item(*i).code.as_str()).collect();
        codes.sort_unstable();
        let before = codes.len();
        codes.dedup();
        assert_eq!(before, codes.len());
    }
}

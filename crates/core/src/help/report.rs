//! The youth-union report: per team and commune, how many residents were helped, for which
//! procedures, how many questions and documents national data spared them, and how many offers
//! were declined or reported. Aggregates only; a count under [`SMALLEST_SHOWN`] is shown as
//! "<5", so no row points at a person.

use std::collections::{BTreeMap, BTreeSet};

use serde::{Deserialize, Serialize};

/// Counts below this are not shown.
pub const SMALLEST_SHOWN: u64 = 5;

/// One help session, as the report reads it (no personal data: the resident is a pseudonym
/// used only to count people once).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HelpRecord {
    pub team: String,
    pub commune: String,
    pub resident: Option<String>,
    pub procedure: Option<String>,
    pub filed: bool,
    pub declined: bool,
    pub reported: bool,
    pub questions_avoided: u64,
    pub documents_avoided: u64,
}

/// A count, or "<5" when it is too small to show.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(untagged)]
pub enum Cell {
    Count(u64),
    /// Always the text `<5`.
    Few(String),
}

impl Cell {
    pub fn of(count: u64) -> Self {
        if count < SMALLEST_SHOWN {
            Self::Few(format!("<{SMALLEST_SHOWN}"))
        } else {
            Self::Count(count)
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ProcedureCell {
    pub procedure_code: String,
    pub dossiers: Cell,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ReportRow {
    pub team: String,
    pub commune: String,
    /// Different residents who filed with this team's help.
    pub residents_helped: Cell,
    pub dossiers_filed: Cell,
    pub procedures: Vec<ProcedureCell>,
    /// Questions national data answered in those dossiers (not typed again).
    pub questions_avoided: Cell,
    /// Documents not asked for in those dossiers (held by the state or waived).
    pub documents_avoided: Cell,
    pub declines: Cell,
    /// Offers reported as not requested, and helpers reported from a dossier.
    pub reports: Cell,
}

#[derive(Default)]
struct Totals {
    residents: BTreeSet<String>,
    filed: u64,
    procedures: BTreeMap<String, u64>,
    questions: u64,
    documents: u64,
    declines: u64,
    reports: u64,
}

/// The report's rows, by commune then team.
pub fn report(records: &[HelpRecord]) -> Vec<ReportRow> {
    let mut rows: BTreeMap<(String, String), Totals> = BTreeMap::new();
    for r in records {
        let t = rows.entry((r.commune.clone(), r.team.clone())).or_default();
        if r.filed {
            t.filed += 1;
            if let Some(resident) = &r.resident {
                t.residents.insert(resident.clone());
            }
            if let Some(p) = &r.procedure {
                *t.procedures.entry(p.clone()).or_default() += 1;
            }
            t.questions += r.questions_avoided;
            t.documents += r.documents_avoided;
        }
        t.declines += u64::from(r.declined);
        t.reports += u64::from(r.reported);
    }
    rows.into_iter()
        .map(|((commune, team), t)| ReportRow {
            team,
            commune,
            residents_helped: Cell::of(t.residents.len() as u64),
            dossiers_filed: Cell::of(t.filed),
            procedures: t
                .procedures
                .into_iter()
                .map(|(procedure_code, n)| ProcedureCell {
                    procedure_code,
                    dossiers: Cell::of(n),
                })
                .collect(),
            questions_avoided: Cell::of(t.questions),
            documents_avoided: Cell::of(t.documents),
            declines: Cell::of(t.declines),
            reports: Cell::of(t.reports),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn filed(resident: &str, team: &str) -> HelpRecord {
        HelpRecord {
            team: team.into(),
            commune: "Xã A".into(),
            resident: Some(resident.into()),
            procedure: Some("1.001193".into()),
            filed: true,
            declined: false,
            reported: false,
            questions_avoided: 7,
            documents_avoided: 2,
        }
    }

    #[test]
    fn small_counts_are_hidden_and_people_counted_once() {
        let mut records: Vec<HelpRecord> = (0..6).map(|i| filed(&format!("r{i}"), "T1")).collect();
        records.push(filed("r0", "T1"));
        records.push(HelpRecord {
            filed: false,
            declined: true,
            reported: true,
            resident: None,
            ..filed("x", "T1")
        });
        records.push(filed("r9", "T2"));
        let rows = report(&records);
        assert_eq!(rows.len(), 2);
        let t1 = &rows[0];
        assert_eq!(t1.residents_helped, Cell::Count(6));
        assert_eq!(t1.dossiers_filed, Cell::Count(7));
        assert_eq!(t1.questions_avoided, Cell::Count(49));
        assert_eq!(t1.documents_avoided, Cell::Count(14));
        assert_eq!(t1.declines, Cell::Few("<5".into()));
        assert_eq!(t1.reports, Cell::Few("<5".into()));
        assert_eq!(rows[1].residents_helped, Cell::Few("<5".into()));
        assert_eq!(
            serde_json::to_string(&rows[1].dossiers_filed).unwrap(),
            "\"<5\""
        );
        assert_eq!(serde_json::to_string(&t1.dossiers_filed).unwrap(), "7");
    }
}

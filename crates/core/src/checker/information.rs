//! A procedure's information page, from its national record, its definition here, or both.
//! A procedure with a form keeps the documents of its definition: they are what filing applies
//! (held, waived, to upload), so the page and the form never disagree.

use crate::api::{
    Channel, Class, ClassifiedDocument, LegalText, ProcedureInformation, Way, ministry_name,
};
use crate::procedure::Procedure;
use crate::reuse::usually_held;
use crate::{Localized, ProcedureCode};

use super::NationalRecord;

/// The page of `code`; `None` when neither source knows it.
pub fn information(
    code: &ProcedureCode,
    national: Option<(&NationalRecord, &[ClassifiedDocument])>,
    definition: Option<&Procedure>,
) -> Option<ProcedureInformation> {
    let mut info = match (national, definition) {
        (None, None) => return None,
        (Some((record, documents)), _) => from_record(code, record, documents),
        (None, Some(p)) => from_definition(p),
    };
    if let Some(p) = definition {
        info.name = p.name.clone();
        info.online_form = true;
        info.documents = definition_documents(p);
    }
    Some(info)
}

fn from_record(
    code: &ProcedureCode,
    r: &NationalRecord,
    documents: &[ClassifiedDocument],
) -> ProcedureInformation {
    ProcedureInformation {
        code: code.clone(),
        name: Localized {
            vi: r.name.clone(),
            en: r.name.clone(),
        },
        online_form: false,
        ministry: Some(r.ministry.clone()),
        ministry_name: Some(ministry_name(&r.ministry)),
        field: r.field.clone(),
        levels: r.levels.clone(),
        audiences: r.audiences.clone(),
        ways: r.ways.clone(),
        legal_basis: r.legal_basis.clone(),
        results: r.results.clone(),
        documents: documents.to_vec(),
        portal_url: r.portal_url.clone(),
        decision: r.decision.clone(),
    }
}

fn from_definition(p: &Procedure) -> ProcedureInformation {
    let level = p.level.national_name();
    let fee = |amount: u64| {
        if amount == 0 {
            "Miễn phí".to_owned()
        } else {
            format!("{} đồng", crate::text::group_thousands(amount))
        }
    };
    let way = |channel, amount| Way {
        channel,
        time: Some(format!("{} Ngày làm việc", p.processing_days)),
        fee: Some(fee(amount)),
        free: amount == 0,
        note: None,
    };
    ProcedureInformation {
        code: p.code.clone(),
        name: p.name.clone(),
        online_form: true,
        ministry: None,
        ministry_name: None,
        field: Some(p.category.vi.clone()),
        levels: vec![level.to_owned()],
        audiences: Vec::new(),
        ways: vec![
            way(Channel::Online, p.fees.online),
            way(Channel::InPerson, p.fees.in_person),
        ],
        legal_basis: p
            .legal_basis
            .iter()
            .map(|b| LegalText {
                number: b.code.clone(),
                title: b.title.clone(),
            })
            .collect(),
        results: vec![p.result.vi.clone()],
        documents: Vec::new(),
        portal_url: None,
        decision: None,
    }
}

/// The definition's documents as the checker's classes: held or waived documents are not to
/// be requested, with the source and basis the definition names.
fn definition_documents(p: &Procedure) -> Vec<ClassifiedDocument> {
    p.documents
        .iter()
        .map(|d| {
            let held = usually_held(d);
            let basis = d
                .waiver
                .as_ref()
                .map(|w| w.basis.clone())
                .or_else(|| d.reuse.first().map(|r| r.basis.clone()));
            ClassifiedDocument {
                text: d.name.vi.clone(),
                class: if held { Class::Reusable } else { Class::Upload },
                source: d.reuse.first().map(|r| r.source),
                rule: Some(
                    if held {
                        "definition-held"
                    } else {
                        "definition-upload"
                    }
                    .to_owned(),
                ),
                basis,
            }
        })
        .collect()
}

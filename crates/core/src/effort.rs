//! Effort figures: how much of the official form a citizen still types, and how many of the
//! listed documents they still upload, once national data has done its part. The government's
//! target is 20% less to declare (Thông tư 01/2023/TT-VPCP); Một Lần aims for 60%.

use serde::{Deserialize, Serialize};

use crate::citizen::CitizenData;
use crate::form::{Answers, visible_questions};
use crate::prefill::{Prefilled, prefill_all};
use crate::procedure::Procedure;
use crate::reuse::{DocumentStatus, Resolution, resolve};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Effort {
    /// Fields of the official form that apply to this case, including those the online
    /// service fills itself (addressee, date, signature).
    pub official_questions: usize,
    /// Questions the citizen still answers: nothing national data could give.
    pub typed_questions: usize,
    /// Documents on the official list that apply to this case.
    pub official_documents: usize,
    pub documents_to_upload: usize,
}

impl Effort {
    /// How many fewer questions than the paper form, in percent.
    pub fn typed_reduction_percent(&self) -> u32 {
        reduction(self.official_questions, self.typed_questions)
    }

    /// How many fewer documents than the official list, in percent.
    pub fn upload_reduction_percent(&self) -> u32 {
        reduction(self.official_documents, self.documents_to_upload)
    }
}

fn reduction(official: usize, remaining: usize) -> u32 {
    if official == 0 {
        return 0;
    }
    let saved = official.saturating_sub(remaining);
    ((saved * 100 + official / 2) / official) as u32
}

/// Effort for the given answers, pre-filled values and document resolutions.
pub fn effort(
    procedure: &Procedure,
    answers: &Answers,
    prefilled: &[Prefilled],
    documents: &[DocumentStatus],
) -> Effort {
    let visible = visible_questions(&procedure.pages, answers);
    let official_questions =
        visible.iter().filter(|(_, q)| q.official).count() + procedure.system_filled.len();
    let typed_questions = visible
        .iter()
        .filter(|(_, q)| {
            !q.keys()
                .iter()
                .all(|key| prefilled.iter().any(|p| &p.key == key))
        })
        .count();
    let applicable: Vec<&DocumentStatus> = documents
        .iter()
        .filter(|d| d.resolution != Resolution::NotApplicable)
        .collect();
    Effort {
        official_questions,
        typed_questions,
        official_documents: applicable.len(),
        documents_to_upload: applicable.iter().filter(|d| d.must_upload()).count(),
    }
}

/// Effort for the procedure's typical case: once for a citizen not signed in (everything typed,
/// nothing held) and once for `citizen`.
pub fn typical_effort(procedure: &Procedure, citizen: &CitizenData) -> (Effort, Effort) {
    let case = &procedure.typical_case;
    let without = effort(procedure, case, &[], &resolve(procedure, case, None));
    let (answers, prefilled) = prefill_all(procedure, citizen, case);
    let with = effort(
        procedure,
        &answers,
        &prefilled,
        &resolve(procedure, &answers, Some(citizen)),
    );
    (without, with)
}

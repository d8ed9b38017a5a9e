//! The document-reuse resolver: for each document a procedure lists, whether this citizen must
//! upload it, or whether it is already held by a national system (and which record, under which
//! legal text), waived, or not applicable to their case. A citizen may always upload anyway.

use serde::{Deserialize, Serialize};

use crate::Localized;
use crate::citizen::CitizenData;
use crate::error::field_messages;
use crate::form::{Answers, applies, effective_answers};
use crate::kinds::DataSource;
use crate::kinds::PaperKind;
use crate::procedure::{Document, FileType, Procedure};

field_messages! {
    /// Problems with the files given for a dossier's documents.
    DocumentError {
        Missing => "document.missing",
            "Giấy tờ này chưa có trong cơ sở dữ liệu nào: hãy tải lên bản chụp hoặc bản điện tử.",
            "No database holds this document: please upload a scan or an electronic copy.";
        AttachmentUnknown => "document.attachment_unknown",
            "Không tìm thấy tệp đã tải lên cho giấy tờ này. Hãy tải lên lại.",
            "The file uploaded for this document was not found. Please upload it again.";
        Unknown => "document.unknown",
            "Thủ tục này không yêu cầu giấy tờ này.",
            "This procedure does not ask for this document.";
    }
}

/// What happens to one document.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub enum Resolution {
    /// A national system holds it; it is not requested.
    Held {
        source: DataSource,
        record: PaperKind,
        record_id: String,
        title: Localized,
        basis: String,
    },
    /// Never requested online, for the reason given.
    Waived { reason: Localized, basis: String },
    /// The citizen must upload it.
    Upload,
    /// Its condition does not hold for these answers.
    NotApplicable,
}

/// The resolution of one document with what an upload must look like.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct DocumentStatus {
    pub document: String,
    pub resolution: Resolution,
    /// File types accepted when the citizen uploads it (always allowed unless not applicable).
    pub accept: Vec<FileType>,
    pub max_bytes: u64,
}

impl DocumentStatus {
    pub fn must_upload(&self) -> bool {
        self.resolution == Resolution::Upload
    }
}

/// Resolves every document of `procedure`. Without `citizen` (before sign-in) nothing is held,
/// and [`usually_held`] says what is likely to be.
pub fn resolve(
    procedure: &Procedure,
    answers: &Answers,
    citizen: Option<&CitizenData>,
) -> Vec<DocumentStatus> {
    let answers = effective_answers(&procedure.pages, answers);
    let holdings = citizen.map(CitizenData::holdings).unwrap_or_default();
    procedure
        .documents
        .iter()
        .map(|document| {
            let resolution = if !applies(document.condition.as_ref(), &answers) {
                Resolution::NotApplicable
            } else if let Some(w) = &document.waiver {
                Resolution::Waived {
                    reason: w.reason.clone(),
                    basis: w.basis.clone(),
                }
            } else {
                document
                    .reuse
                    .iter()
                    .find_map(|r| {
                        holdings
                            .iter()
                            .find(|h| h.source == r.source && h.kind == r.record)
                            .map(|h| Resolution::Held {
                                source: h.source,
                                record: h.kind,
                                record_id: h.record_id.clone(),
                                title: h.title.clone(),
                                basis: r.basis.clone(),
                            })
                    })
                    .unwrap_or(Resolution::Upload)
            };
            status(document, resolution)
        })
        .collect()
}

fn status(document: &Document, resolution: Resolution) -> DocumentStatus {
    DocumentStatus {
        document: document.id.clone(),
        resolution,
        accept: document.accept.clone(),
        max_bytes: u64::from(document.max_mb) * 1024 * 1024,
    }
}

/// Whether national systems usually hold a document, for the procedure page before sign-in.
pub fn usually_held(document: &Document) -> bool {
    document.waiver.is_some() || !document.reuse.is_empty()
}

//! The catalog on the wire: the search list (`GET /procedures`), a procedure's information page
//! (`GET /procedures/{code}/information`) and the agency review of the whole catalog
//! (`GET /audit/…`). The checker (`crate::checker`) fills them; the app only reads them, so
//! these types carry no rules and no TOML.

use serde::{Deserialize, Serialize};

use crate::Localized;
use crate::kinds::DataSource;
use crate::procedure::{Procedure, ProcedureCode};

/// One entry of `GET /api/v1/procedures`: a procedure with a form here, or one of the national
/// catalog's information pages.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ProcedureSummary {
    pub code: ProcedureCode,
    pub name: Localized,
    /// Whether it can be filed here (a form of the product); otherwise an information page.
    pub online_form: bool,
    /// Working days, for procedures with a form.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub processing_days: Option<u16>,
    /// The online fee in đồng, for procedures with a form.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fee_online: Option<u64>,
    /// The national record's time, as printed (`10 Ngày làm việc`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub processing_time: Option<String>,
    /// The national record's fee, as printed (`Miễn phí`, `100,000 Việt Nam Đồng`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fee: Option<String>,
    /// The ministry or sector (`bo-cong-an`), for national records.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ministry: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub field: Option<String>,
    /// How many listed papers must not be requested: national data holds them, they are
    /// waived online, or they were abolished.
    pub reusable_documents: usize,
    pub documents: usize,
    /// Dossiers received for it in the last 30 days on this server (popular procedures first).
    #[serde(default)]
    pub filed_recently: u64,
}

impl From<&Procedure> for ProcedureSummary {
    fn from(p: &Procedure) -> Self {
        Self {
            code: p.code.clone(),
            name: p.name.clone(),
            online_form: true,
            processing_days: Some(p.processing_days),
            fee_online: Some(p.fees.online),
            processing_time: None,
            fee: None,
            ministry: None,
            field: None,
            reusable_documents: p
                .documents
                .iter()
                .filter(|d| crate::reuse::usually_held(d))
                .count(),
            documents: p.documents.len(),
            filed_recently: 0,
        }
    }
}

/// A page of `GET /api/v1/procedures`, best match first.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CatalogPage {
    pub items: Vec<ProcedureSummary>,
    /// How many procedures match in all.
    pub total: usize,
    /// The cursor of the next page (`?cursor=`), absent on the last page.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub next: Option<String>,
}

/// What the checker says about one item of a document list.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub enum Class {
    /// A Vietnamese authority issued it into a named national system; asking for it breaks the
    /// once-only rule.
    Reusable,
    /// The paper no longer exists (household books since 1/1/2023).
    Abolished,
    /// The citizen must still provide it.
    Upload,
    /// No rule decided, or the item mixes papers; a person should read it.
    Unclear,
    /// A note, instruction or lead-in that runs together with the documents on the portal.
    NotADocument,
}

impl Class {
    pub const ALL: [Class; 5] = [
        Class::Reusable,
        Class::Abolished,
        Class::Upload,
        Class::Unclear,
        Class::NotADocument,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Class::Reusable => "reusable",
            Class::Abolished => "abolished",
            Class::Upload => "upload",
            Class::Unclear => "unclear",
            Class::NotADocument => "not_a_document",
        }
    }

    /// Papers the State holds or that no longer exist: never to be requested.
    pub fn not_to_request(self) -> bool {
        matches!(self, Class::Reusable | Class::Abolished)
    }
}

/// One item of a document list with the checker's verdict.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ClassifiedDocument {
    pub text: String,
    pub class: Class,
    /// For `reusable`: the national system that holds it.
    pub source: Option<DataSource>,
    /// The rule that decided, by its stable id.
    pub rule: Option<String>,
    /// The legal text, or the rule's reason.
    pub basis: Option<String>,
}

/// How a procedure can be filed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub enum Channel {
    Online,
    Postal,
    InPerson,
}

/// One way to file, as the national record prints it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Way {
    pub channel: Channel,
    /// The processing time as printed (`10 Ngày làm việc`, `2 Giờ`); a bare number is days.
    pub time: Option<String>,
    /// `None` when the record says nothing about fees.
    pub fee: Option<String>,
    pub free: bool,
    /// What follows the fee: conditions, fee details.
    pub note: Option<String>,
}

/// A legal text named in a record.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct LegalText {
    /// `104/2022/NĐ-CP`.
    pub number: String,
    pub title: String,
}

/// `GET /api/v1/procedures/{code}/information`: what a procedure is, who handles it, fees and
/// times, and its documents as the checker classified them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ProcedureInformation {
    pub code: ProcedureCode,
    pub name: Localized,
    /// Whether it can be filed here; otherwise the portal link is the way to file.
    pub online_form: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ministry: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ministry_name: Option<Localized>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub field: Option<String>,
    /// `Cấp bộ`, `Cấp tỉnh`, `Cấp xã`.
    pub levels: Vec<String>,
    /// Who may file.
    pub audiences: Vec<String>,
    pub ways: Vec<Way>,
    pub legal_basis: Vec<LegalText>,
    /// What the citizen receives.
    pub results: Vec<String>,
    pub documents: Vec<ClassifiedDocument>,
    /// The procedure's page on the national public-service portal.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub portal_url: Option<String>,
    /// The decision that announced it (`163/QĐ-BTP`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub decision: Option<String>,
}

/// The figures of one ministry or sector in the agency review.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct MinistryFigures {
    /// The crawl's slug (`bo-cong-an`).
    pub ministry: String,
    pub procedures: usize,
    pub documents: usize,
    /// Procedures still listing at least one paper the State holds or that was abolished.
    pub asking_for_held: usize,
    /// Items that could go: held by a national system or abolished.
    pub avoidable: usize,
    /// Items per class, in the order of [`Class::ALL`].
    pub by_class: [usize; 5],
}

/// `GET /api/v1/audit`: the checker over the whole national catalog, filtered.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct AuditOverview {
    pub ministries: Vec<MinistryFigures>,
    /// The procedures of the filter that still ask for held or abolished papers, most first.
    pub asking: Vec<AskingProcedure>,
    /// Every field of the catalog (for the filter), with its ministry.
    pub fields: Vec<AuditField>,
    /// Records the server could not read at start.
    pub unreadable: usize,
}

/// A procedure still asking for papers the State holds.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct AskingProcedure {
    pub code: ProcedureCode,
    pub name: String,
    pub ministry: String,
    pub field: Option<String>,
    /// The papers that must not be requested, with their class, source and basis.
    pub avoidable: Vec<ClassifiedDocument>,
}

/// A field of the catalog.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct AuditField {
    pub ministry: String,
    pub field: String,
    pub procedures: usize,
}

/// The ministries and sectors of the national crawl, by slug: Vietnamese and English names.
pub fn ministry_name(slug: &str) -> Localized {
    let (vi, en) = match slug {
        "bo-tai-chinh" => ("Bộ Tài chính", "Ministry of Finance"),
        "bo-nong-nghiep-mt" => (
            "Bộ Nông nghiệp và Môi trường",
            "Ministry of Agriculture and Environment",
        ),
        "bo-xay-dung" => ("Bộ Xây dựng", "Ministry of Construction"),
        "bo-cong-an" => ("Bộ Công an", "Ministry of Public Security"),
        "bo-tu-phap" => ("Bộ Tư pháp", "Ministry of Justice"),
        "ngan-hang-nha-nuoc" => ("Ngân hàng Nhà nước Việt Nam", "State Bank of Vietnam"),
        "toa-an-nhan-dan" => ("Tòa án nhân dân tối cao", "Supreme People's Court"),
        other => (other, other),
    };
    Localized {
        vi: vi.to_owned(),
        en: en.to_owned(),
    }
}

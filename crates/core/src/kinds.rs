//! The kinds every other module names: which national system holds a record, and which kind of
//! paper a record can stand in for. A leaf: it depends on nothing else in the crate, so the
//! procedure definitions, the citizen records and the reuse rules can all refer to it.

use serde::{Deserialize, Serialize};

/// National systems that hold data or papers a citizen must not be asked for again.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub enum DataSource {
    /// Cơ sở dữ liệu quốc gia về dân cư.
    PopulationDb,
    /// Cơ sở dữ liệu hộ tịch điện tử.
    CivilStatusDb,
    /// Papers integrated in the VNeID application.
    Vneid,
    /// Kho quản lý dữ liệu điện tử của tổ chức, cá nhân.
    DataWarehouse,
    /// Bản sao điện tử được chứng thực từ bản chính.
    ECertifiedCopy,
    /// The electronic result of an earlier procedure.
    EarlierResult,
    /// Data a health facility sends electronically (e.g. the e-birth certificate).
    HealthFacility,
    /// Sector databases connected to the vehicle register: the Vietnam Register's factory
    /// quality-inspection data, the tax authority's e-invoices and registration-tax payments,
    /// electronic customs declarations.
    SectorDb,
}

/// Kinds of papers and records a procedure document can be satisfied by.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub enum PaperKind {
    /// Identity: personal ID number and card details.
    Identity,
    /// Permanent or current residence.
    Residence,
    /// Family relations (parents, spouse, household head).
    FamilyRelations,
    BirthRecord,
    MarriageRecord,
    DivorceRecord,
    DeathRecord,
    BirthNotice,
    DeathNotice,
    DrivingLicence,
    HealthCertificate,
    HealthInsuranceCard,
    JudicialRecord,
    MaritalStatusCertificate,
    /// Proof of a lawful place to live (land or housing certificate).
    LawfulAccommodation,
    /// A domestically made vehicle's factory quality-inspection slip (phiếu kiểm tra chất lượng
    /// xuất xưởng).
    VehicleQualitySlip,
    /// An electronic sales invoice (hóa đơn điện tử).
    EInvoice,
    /// Proof the registration tax was paid (chứng từ nộp lệ phí trước bạ).
    RegistrationTax,
}

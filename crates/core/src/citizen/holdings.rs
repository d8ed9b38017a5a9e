//! Every record of a citizen that can stand in for a paper, with the national system holding it.

use serde::{Deserialize, Serialize};

use super::{CitizenData, CivilStatusKind};
use crate::Localized;
use crate::kinds::{DataSource, PaperKind};
use crate::validate::date::format_date;

/// A record that can stand in for a document.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Holding {
    pub source: DataSource,
    pub kind: PaperKind,
    pub record_id: String,
    /// What the citizen sees, e.g. `Giấy phép lái xe số 790123456789 (hạng B)`.
    pub title: Localized,
}

impl CitizenData {
    /// Every record that can stand in for a paper, with the system holding it.
    pub fn holdings(&self) -> Vec<Holding> {
        let mut held = Vec::new();
        let mut add = |source, kind, record_id: &str, vi: String, en: String| {
            held.push(Holding {
                source,
                kind,
                record_id: record_id.to_owned(),
                title: Localized { vi, en },
            })
        };
        let p = &self.population;
        add(
            DataSource::PopulationDb,
            PaperKind::Identity,
            &p.record_id,
            format!("Thông tin căn cước, số định danh {}", p.personal_id),
            format!("Identity data, personal ID number {}", p.personal_id),
        );
        if let Some(address) = p.current_address.as_ref().or(p.permanent_address.as_ref()) {
            add(
                DataSource::PopulationDb,
                PaperKind::Residence,
                &p.record_id,
                format!("Thông tin cư trú: {}", address.line),
                format!("Residence data: {}", address.line),
            );
        }
        if !self.relations.is_empty() {
            add(
                DataSource::PopulationDb,
                PaperKind::FamilyRelations,
                &p.record_id,
                "Thông tin quan hệ gia đình".to_owned(),
                "Family relations".to_owned(),
            );
        }
        for r in &self.civil_status {
            let (kind, vi, en) = match r.kind {
                CivilStatusKind::Birth => (
                    PaperKind::BirthRecord,
                    "Đăng ký khai sinh",
                    "Birth registration",
                ),
                CivilStatusKind::Marriage => (
                    PaperKind::MarriageRecord,
                    "Đăng ký kết hôn",
                    "Marriage registration",
                ),
                CivilStatusKind::Divorce => {
                    (PaperKind::DivorceRecord, "Ghi chú ly hôn", "Divorce record")
                }
                CivilStatusKind::Death => (
                    PaperKind::DeathRecord,
                    "Đăng ký khai tử",
                    "Death registration",
                ),
            };
            let on = format_date(r.registered_on);
            add(
                DataSource::CivilStatusDb,
                kind,
                &r.record_id,
                format!("{vi} số {}, {on}, {}", r.registration_number, r.authority),
                format!("{en} no. {}, {on}, {}", r.registration_number, r.authority),
            );
        }
        let notices = self
            .birth_notices
            .iter()
            .map(|n| {
                let what = ("Giấy chứng sinh điện tử", "Electronic birth notice");
                (PaperKind::BirthNotice, &n.record_id, what, &n.facility)
            })
            .chain(self.death_notices.iter().map(|n| {
                let what = ("Giấy báo tử điện tử", "Electronic death notice");
                (PaperKind::DeathNotice, &n.record_id, what, &n.facility)
            }));
        for (kind, record_id, (vi, en), facility) in notices {
            add(
                DataSource::HealthFacility,
                kind,
                record_id,
                format!("{vi}, {facility}"),
                format!("{en}, {facility}"),
            );
        }
        for paper in &self.vneid_papers {
            add(
                DataSource::Vneid,
                paper.kind,
                &paper.record_id,
                format!(
                    "Giấy tờ trên VNeID số {} ({})",
                    paper.number, paper.issued_by
                ),
                format!("Paper in VNeID no. {} ({})", paper.number, paper.issued_by),
            );
        }
        for paper in &self.vehicle_papers {
            let (vi, en) = match paper.kind {
                PaperKind::VehicleQualitySlip => (
                    "Phiếu kiểm tra chất lượng xuất xưởng",
                    "Factory quality-inspection slip",
                ),
                PaperKind::EInvoice => ("Hóa đơn điện tử", "E-invoice"),
                PaperKind::RegistrationTax => {
                    ("Chứng từ nộp lệ phí trước bạ", "Registration-tax payment")
                }
                _ => ("Giấy tờ của xe", "Vehicle paper"),
            };
            let on = format_date(paper.issued_on);
            add(
                DataSource::SectorDb,
                paper.kind,
                &paper.record_id,
                format!(
                    "{vi} số {}, {}, {on} ({})",
                    paper.number, paper.issued_by, paper.vehicle
                ),
                format!(
                    "{en} no. {}, {}, {on} ({})",
                    paper.number, paper.issued_by, paper.vehicle
                ),
            );
        }
        for d in &self.warehouse {
            let on = format_date(d.issued_on);
            let mut sources = vec![DataSource::DataWarehouse];
            if d.dossier_code.is_some() {
                sources.push(DataSource::EarlierResult);
            }
            if d.certified_copy {
                sources.push(DataSource::ECertifiedCopy);
            }
            for source in sources {
                add(
                    source,
                    d.kind,
                    &d.record_id,
                    format!("{}, {}, {on} (kho dữ liệu điện tử)", d.title, d.issuer),
                    format!(
                        "{}, {}, {on} (electronic data warehouse)",
                        d.title, d.issuer
                    ),
                );
            }
        }
        held
    }
}

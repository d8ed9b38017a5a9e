//! The receipt of a filed dossier ("Phiếu tiếp nhận hồ sơ và hẹn trả kết quả") as its owner can
//! keep it: the QR code printed on it, and a self-contained HTML copy to download and print.
//!
//! The QR code carries what Thông tư 01/2023/TT-VPCP asks of documents issued by a processing
//! system: dossier code, procedure code, applicant identifier, document name, issuing system and
//! time of issue, plus the address where the dossier can be followed (after sign-in).

use axum::extract::{Path, State};
use axum::http::{HeaderValue, header};
use axum::response::{IntoResponse, Response};

use crate::AppState;
use crate::error::{Common, DossierMissing, Failure};
use crate::html::escape;
use crate::identity::{AuthError, Citizen};
use crate::qr::qr_svg;
use crate::storage::StoredDossier;
use motlan_core::api::DossierReceipt;
use motlan_core::text::{day_month_year, group_thousands};
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use super::owned::owned;

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(qr))
        .routes(routes!(receipt))
}

/// The name of the document the QR code is printed on.
const DOCUMENT: &str = "Phiếu tiếp nhận hồ sơ và hẹn trả kết quả";
const SYSTEM: &str = "Một Lần";

/// The text the QR code encodes, one `field: value` per line.
fn qr_text(r: &DossierReceipt, applicant: &str, unit: &str, public_url: &str) -> String {
    format!(
        "Mã hồ sơ: {}\nMã thủ tục: {}\nNgười nộp: {}\nGiấy tờ: {DOCUMENT}\nHệ thống: {SYSTEM} ({})\nThời gian: {}\nTra cứu: {}/ho-so/{}",
        r.code, r.procedure_code, applicant, unit, r.received_at, public_url, r.code,
    )
}

fn qr_of(state: &AppState, dossier: &StoredDossier) -> String {
    qr_text(
        &dossier.receipt,
        &dossier.owner,
        &state.receiving_unit.to_string(),
        &state.public_url,
    )
}

#[utoipa::path(get, path = "/dossiers/{code}/qr.svg", tag = "dossiers", security(("citizen" = [])), params(("code" = String, Path)),
    summary = "The receipt's QR code",
    responses((status = 200, description = "The receipt's QR code (SVG)", content_type = "image/svg+xml", body = String), DossierMissing, AuthError, Common))]
pub(super) async fn qr(
    State(state): State<AppState>,
    citizen: Citizen,
    Path(code): Path<String>,
) -> Result<Response, Failure> {
    let dossier = owned(&state, &citizen, &code).await?;
    let svg = qr_svg(&qr_of(&state, &dossier))?;
    Ok((
        [
            (
                header::CONTENT_TYPE,
                HeaderValue::from_static("image/svg+xml"),
            ),
            (
                header::CACHE_CONTROL,
                HeaderValue::from_static("private, no-store"),
            ),
        ],
        svg,
    )
        .into_response())
}

#[utoipa::path(get, path = "/dossiers/{code}/receipt.html", tag = "dossiers", security(("citizen" = [])), params(("code" = String, Path)),
    summary = "A copy of the receipt to keep or print",
    responses((status = 200, description = "A self-contained copy of the receipt to keep or print", content_type = "text/html", body = String), DossierMissing, AuthError, Common))]
pub(super) async fn receipt(
    State(state): State<AppState>,
    citizen: Citizen,
    Path(code): Path<String>,
) -> Result<Response, Failure> {
    let dossier = owned(&state, &citizen, &code).await?;
    let r = &dossier.receipt;
    let procedure = state
        .catalog
        .get(&r.procedure_code)
        .map_or_else(|| r.procedure_code.clone(), |p| p.name.vi.clone());
    let svg = qr_svg(&qr_of(&state, &dossier))?;
    let fee = if r.fee == 0 {
        "Miễn phí / Free".to_owned()
    } else {
        format!("{} đồng", group_thousands(r.fee))
    };
    let mut rows = vec![
        ("Mã hồ sơ / Dossier code", r.code.clone()),
        (
            "Thủ tục / Procedure",
            format!("{procedure} ({})", r.procedure_code),
        ),
        (
            "Người nộp / Applicant",
            format!("{} ({})", citizen.name, dossier.owner),
        ),
        ("Nhận lúc / Received", r.received_at.clone()),
        (
            "Ngày hẹn trả kết quả / Result expected",
            day_month_year(&r.appointment_on),
        ),
        ("Lệ phí / Fee", fee),
        (
            "Đơn vị tiếp nhận / Receiving unit",
            state.receiving_unit.to_string(),
        ),
    ];
    if r.fee > 0 {
        rows.push((
            "Nội dung chuyển khoản (VietQR) / Payment reference",
            r.code.clone(),
        ));
    }
    // Addresses written with the units from before 1 July 2025: as written, and today.
    let historical = state
        .catalog
        .get(&r.procedure_code)
        .into_iter()
        .flat_map(|p| p.pages.iter().flat_map(|page| &page.questions))
        .filter(|q| q.historical);
    for q in historical {
        if let Some((old, today)) =
            state
                .old_units
                .old_and_new(&state.units, &q.id, &dossier.filed.answers)
        {
            rows.push((
                "Địa chỉ theo tên cũ → nay / Old address → today",
                format!("{}: {old} → {today}", q.label.vi),
            ));
        }
    }
    if let Some(by) = &r.assisted_by {
        rows.push((
            "Được hỗ trợ bởi / Helped by",
            format!(
                "{} ({}, {}). Người hỗ trợ không nhận được thông tin cá nhân nào của bạn. \
                 The helper received none of your personal data.",
                by.full_name, by.team, by.commune
            ),
        ));
    }
    let rows = rows
        .iter()
        .map(|(k, v)| {
            format!(
                "<tr><th scope=\"row\">{}</th><td>{}</td></tr>",
                escape(k),
                escape(v)
            )
        })
        .collect::<String>();
    let html = format!(
        "<!doctype html><html lang=\"vi\"><head><meta charset=\"utf-8\"><title>{DOCUMENT} {code}</title>\
<style>body{{font-family:system-ui,sans-serif;max-width:42rem;margin:2rem auto;padding:0 1rem;color:#0b0c0c}}\
.qr{{float:left;width:9rem;margin:0 1rem 1rem 0}}.qr svg{{width:100%;height:auto}}\
table{{border-collapse:collapse;width:100%;clear:both}}th,td{{text-align:left;padding:.5rem;border-bottom:1px solid #b1b4b6;vertical-align:top}}\
.sandbox{{border:3px solid #d4351c;padding:.5rem}}</style></head><body>\
<div class=\"qr\" role=\"img\" aria-label=\"Mã QR của phiếu tiếp nhận / QR code of the receipt\">{svg}</div>\
<p>{SYSTEM}: dịch vụ công trực tuyến</p><h1>{DOCUMENT}</h1><p lang=\"en\">Dossier receipt and result appointment</p>\
<table>{rows}</table>\
<p>Giữ mã hồ sơ để theo dõi tiến độ tại {url}/ho-so/{code}. <span lang=\"en\">Keep the dossier code to follow its progress.</span></p>\
<p class=\"sandbox\">Bản thử nghiệm: hồ sơ này được nộp trên hệ thống thử nghiệm, không có giá trị pháp lý. \
<span lang=\"en\">Test version: this dossier was filed on a test system and has no legal effect.</span></p></body></html>",
        code = escape(&r.code),
        url = escape(&state.public_url),
    );
    let disposition = format!("attachment; filename=\"phieu-tiep-nhan-{}.html\"", r.code);
    Ok((
        [
            (
                header::CONTENT_TYPE,
                HeaderValue::from_static("text/html; charset=utf-8"),
            ),
            (
                header::CACHE_CONTROL,
                HeaderValue::from_static("private, no-store"),
            ),
            (
                header::CONTENT_DISPOSITION,
                HeaderValue::from_str(&disposition).map_err(Failure::internal)?,
            ),
        ],
        html,
    )
        .into_response())
}

#[cfg(test)]
mod tests {
    use motlan_core::api::DossierReceipt;
    use motlan_core::lifecycle::DossierStatus;

    use super::*;

    #[test]
    fn the_qr_code_carries_what_circular_01_2023_asks_and_stays_small_enough_to_scan() {
        let receipt = DossierReceipt {
            code: "000.00.20.H12-261124-0001".into(),
            procedure_code: "1.001193".into(),
            status: DossierStatus::Received,
            received_at: "2026-11-24T09:30:00+07:00".into(),
            appointment_on: "2026-11-25".into(),
            fee: 0,
            assisted_by: None,
        };
        let text = qr_text(
            &receipt,
            "001090000001",
            "000.00.20.H12",
            "http://127.0.0.1:8080",
        );
        for expected in [
            "Mã hồ sơ: 000.00.20.H12-261124-0001",
            "Mã thủ tục: 1.001193",
            "Người nộp: 001090000001",
            "Giấy tờ: Phiếu tiếp nhận hồ sơ và hẹn trả kết quả",
            "Hệ thống: Một Lần (000.00.20.H12)",
            "Thời gian: 2026-11-24T09:30:00+07:00",
            "Tra cứu: http://127.0.0.1:8080/ho-so/000.00.20.H12-261124-0001",
        ] {
            assert!(
                text.lines().any(|l| l == expected),
                "{expected:?} in {text}"
            );
        }
        let code = qrcode::QrCode::with_error_correction_level(text.as_bytes(), qrcode::EcLevel::M)
            .expect("fits");
        assert!(
            matches!(code.version(), qrcode::Version::Normal(v) if v <= 13),
            "{:?}",
            code.version()
        );
    }
}

//! QR codes as SVG: the receipt's (Thông tư 01/2023/TT-VPCP) and a help session's join address.

use qrcode::QrCode;
use qrcode::render::svg;

use crate::error::Failure;

/// `text` as an SVG QR code (error correction M, at least 200 px, with its quiet zone).
pub fn qr_svg(text: &str) -> Result<String, Failure> {
    let code = QrCode::with_error_correction_level(text.as_bytes(), qrcode::EcLevel::M)
        .map_err(Failure::internal)?;
    Ok(code
        .render::<svg::Color<'_>>()
        .min_dimensions(200, 200)
        .quiet_zone(true)
        .build())
}

//! Paying a fee with a banking app.

use serde::{Deserialize, Serialize};

/// `GET /api/v1/dossiers/{code}/vietqr`: the VietQR code for paying a dossier's fee with any
/// banking app, the dossier code as the payment reference.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct FeeQr {
    /// The EMVCo payload (what the QR code encodes).
    pub payload: String,
    /// The QR code as SVG.
    pub qr_svg: String,
    pub amount: u64,
    /// The payment reference: the dossier code.
    pub reference: String,
    pub bank_bin: String,
    pub account: String,
    /// The receiving account is the demo one, not a real unit's: no money should be sent.
    pub sandbox: bool,
}

//! The VietQR code for paying a dossier's fee with a banking app.

use motlan_core::api::FeeQr;

use super::api::{Api, ApiFailure, Method};

impl Api {
    pub async fn fee_qr(&self, code: &str) -> Result<FeeQr, ApiFailure> {
        self.request(
            Method::Get,
            &format!("/dossiers/{code}/vietqr"),
            None::<&()>,
            None,
        )
        .await
    }
}

//! Paying a fee with any Vietnamese banking app: the VietQR code (EMVCo, NAPAS 247) of the
//! receiving unit's account, the amount due and the dossier code as the reference.

use axum::Json;
use axum::extract::{Path, State};
use motlan_core::api::FeeQr;
use motlan_core::lifecycle::{Action, Actor};
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use super::owned::owned;
use crate::AppState;
use crate::error::{Common, DossierMissing, Failure, api_errors};
use crate::identity::{AuthError, Citizen};

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new().routes(routes!(fee_qr))
}

api_errors! {
    /// Why there is no code to pay with.
    pub enum FeeError {
        NothingToPay => (CONFLICT, "nothing_to_pay",
            "Hồ sơ này không có lệ phí phải nộp (miễn phí hoặc đã nộp).",
            "This dossier has no fee to pay (free, or already paid)."),
    }
}

#[utoipa::path(get, path = "/dossiers/{code}/vietqr", tag = "dossiers", security(("citizen" = [])), params(("code" = String, Path)),
    summary = "The VietQR code to pay the dossier's fee with a banking app",
    responses((status = 200, body = FeeQr), FeeError, DossierMissing, AuthError, Common))]
async fn fee_qr(
    State(state): State<AppState>,
    citizen: Citizen,
    Path(code): Path<String>,
) -> Result<Json<FeeQr>, Failure> {
    let stored = owned(&state, &citizen, &code).await?;
    if !stored.standing().allows(Actor::Owner, Action::Pay) {
        return Err(FeeError::NothingToPay.into());
    }
    let (payee, sandbox) = &state.payee;
    let amount = stored.receipt.fee;
    let payload = motlan_core::vietqr::payload(payee, amount, &stored.receipt.code)
        .map_err(Failure::internal)?;
    Ok(Json(FeeQr {
        qr_svg: crate::qr::qr_svg(&payload)?,
        payload,
        amount,
        reference: stored.receipt.code,
        bank_bin: payee.bin.clone(),
        account: payee.account.clone(),
        sandbox: *sandbox,
    }))
}

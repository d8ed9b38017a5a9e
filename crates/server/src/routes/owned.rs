//! A citizen's own dossier: found only by its owner (anyone else gets "not found", so codes
//! cannot be probed), and everything about it as the owner sees it.

use motlan_core::api::DossierDetail;

use crate::AppState;
use crate::error::{DossierMissing, Failure};
use crate::identity::Citizen;
use crate::storage::StoredDossier;

/// The dossier if the citizen owns it. Someone else's dossier is "not found", so codes cannot
/// be probed.
pub(super) async fn owned(
    state: &AppState,
    citizen: &Citizen,
    code: &str,
) -> Result<StoredDossier, Failure> {
    state
        .storage
        .dossier(code)
        .await?
        .filter(|d| d.owner == citizen.sub)
        .ok_or_else(|| DossierMissing::NotFound.into())
}

/// Everything about a stored dossier, as its owner sees it.
pub(super) async fn detail_of(
    state: &AppState,
    stored: StoredDossier,
) -> Result<DossierDetail, Failure> {
    Ok(DossierDetail {
        answers: stored.filed.answers,
        documents: stored.filed.documents,
        events: state.storage.events(&stored.receipt.code).await?,
        supplement: stored.supplement,
        payment: stored.payment,
        rating: stored.rating,
        receipt: stored.receipt,
    })
}

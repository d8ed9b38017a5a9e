//! Wire types of embedded forms: which agency embeds a procedure, and the one-time tickets that
//! bring a sign-in made in a popup back to the frame.

use serde::{Deserialize, Serialize};

use crate::Localized;

/// `GET /api/v1/embeds/{procedure}?parent=`: the agency whose page embeds the form.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct EmbedInfo {
    pub procedure_code: String,
    pub agency_id: String,
    pub agency_name: Localized,
    /// The embedding page's origin, registered for this procedure: the only target of the
    /// frame's messages.
    pub parent_origin: String,
}

/// A new sign-in ticket (`POST /api/v1/sign-in-tickets`). The frame keeps `secret` in memory and
/// gives only `id` to the popup.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SignInTicket {
    pub id: String,
    pub secret: String,
    /// Seconds the ticket waits for the sign-in.
    pub expires_in: u64,
}

/// Body of `POST /api/v1/sign-in-tickets/{id}/redeem`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(example = json!({"secret": "Zm9yLXRoZS1mcmFtZS1vbmx5"})))]
pub struct TicketRedeem {
    pub secret: String,
}

/// A redeemed ticket: the access token of the sign-in made in the popup.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct TicketToken {
    pub access_token: String,
}

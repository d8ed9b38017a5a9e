//! The API calls of a form embedded on an agency's page: which agency embeds it, and the one-time
//! ticket that brings a sign-in made in a popup back to the frame.

use motlan_core::api::{EmbedInfo, SignInTicket, TicketRedeem, TicketToken};

use super::api::{Api, ApiFailure, Method};

impl Api {
    /// The agency whose page at `parent` embeds `procedure`.
    pub async fn embed_info(&self, procedure: &str, parent: &str) -> Result<EmbedInfo, ApiFailure> {
        let parent = js_sys::encode_uri_component(parent)
            .as_string()
            .unwrap_or_default();
        self.request(
            Method::Get,
            &format!("/embeds/{procedure}?parent={parent}"),
            None::<&()>,
            None,
        )
        .await
    }

    /// Opens a one-time ticket for a sign-in made in a popup.
    pub async fn open_ticket(&self) -> Result<SignInTicket, ApiFailure> {
        self.request(Method::Post, "/sign-in-tickets", None::<&()>, None)
            .await
    }

    /// Leaves this (signed-in) API's token on the ticket.
    pub async fn fill_ticket(&self, id: &str) -> Result<(), ApiFailure> {
        self.request::<(), serde::de::IgnoredAny>(
            Method::Put,
            &format!("/sign-in-tickets/{id}"),
            None,
            None,
        )
        .await
        .map(|_| ())
    }

    /// The ticket's token once the popup is signed in; `None` while it is not.
    pub async fn redeem_ticket(
        &self,
        id: &str,
        secret: &str,
    ) -> Result<Option<TicketToken>, ApiFailure> {
        let body = TicketRedeem {
            secret: secret.to_owned(),
        };
        self.request(
            Method::Post,
            &format!("/sign-in-tickets/{id}/redeem"),
            Some(&body),
            None,
        )
        .await
    }
}

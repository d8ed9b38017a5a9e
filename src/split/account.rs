//! What the part `account` hands back: its pages, and the way to the identity provider and back
//! from it. The first load only links to signing in; the code that talks to the provider
//! (discovery, PKCE, the redirect, ending the provider's session) comes with this part.

use std::future::Future;
use std::pin::Pin;
use std::rc::Rc;

use yew::AttrValue;

use super::Render;
use crate::services::identity;

/// A task of the part, run where the first load awaits it.
type Task<T> = Pin<Box<dyn Future<Output = T>>>;

#[derive(Clone, Copy)]
pub struct Account {
    pub render: Render,
    /// Sends the citizen to the provider (`identity`: where the app learns it), to come back to
    /// `return_to`. An error: the provider or the network did not answer.
    pub sign_in: fn(AttrValue, String) -> Task<Result<(), ()>>,
    /// Ends the provider's session too, after signing out here (`identity`, the ID token).
    pub end_session: fn(AttrValue, Rc<str>) -> Task<()>,
}

impl Account {
    pub const fn new() -> Self {
        Self {
            render: super::render_account,
            sign_in,
            end_session,
        }
    }
}

fn sign_in(identity: AttrValue, return_to: String) -> Task<Result<(), ()>> {
    Box::pin(async move { identity::start(&identity, &return_to).await.map_err(|_| ()) })
}

fn end_session(identity: AttrValue, token: Rc<str>) -> Task<()> {
    Box::pin(async move { identity::end_session(&identity, &token).await })
}

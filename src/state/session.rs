//! The signed-in citizen. The access token is held in memory only (never in browser storage), so
//! closing the tab or signing out leaves nothing behind on a shared device.

use std::rc::Rc;

use motlan_core::api::Me;
use yew::prelude::*;

#[derive(Debug, Clone, PartialEq, Default)]
pub struct Session {
    pub token: Option<Rc<str>>,
    pub me: Option<Me>,
    /// Where the app learns its identity provider (`/api/v1/identity-provider`).
    pub identity: AttrValue,
}

pub enum SessionAction {
    SignedIn { token: Rc<str>, me: Me },
    SignedOut,
}

impl Reducible for Session {
    type Action = SessionAction;

    fn reduce(self: Rc<Self>, action: Self::Action) -> Rc<Self> {
        match action {
            SessionAction::SignedIn { token, me } => Rc::new(Session {
                token: Some(token),
                me: Some(me),
                identity: self.identity.clone(),
            }),
            SessionAction::SignedOut => Rc::new(Session {
                identity: self.identity.clone(),
                ..Session::default()
            }),
        }
    }
}

pub type SessionContext = UseReducerHandle<Session>;

#[derive(Debug, PartialEq, Properties)]
pub struct SessionProviderProps {
    pub identity: AttrValue,
    /// A session handed over from the first-load app.
    #[prop_or_default]
    pub initial: Option<(Rc<str>, Me)>,
    pub children: Html,
}

#[function_component(SessionProvider)]
pub fn session_provider(props: &SessionProviderProps) -> Html {
    let identity = props.identity.clone();
    let initial = props.initial.clone();
    let session = use_reducer(move || {
        let (token, me) = initial.map_or((None, None), |(t, m)| (Some(t), Some(m)));
        Session {
            identity,
            token,
            me,
        }
    });
    html! {
        <ContextProvider<SessionContext> context={session}>
            { props.children.clone() }
        </ContextProvider<SessionContext>>
    }
}

/// Who is signed in, and the ways to change it.
#[derive(Clone)]
pub struct UseSession {
    handle: SessionContext,
}

impl UseSession {
    pub fn me(&self) -> Option<&Me> {
        self.handle.me.as_ref()
    }

    pub fn token(&self) -> Option<Rc<str>> {
        self.handle.token.clone()
    }

    pub fn identity(&self) -> AttrValue {
        self.handle.identity.clone()
    }

    pub fn signed_in(&self, token: Rc<str>, me: Me) {
        self.handle.dispatch(SessionAction::SignedIn { token, me });
    }

    /// Signs out: the drafts on this device are deleted and the server forgets their key, so
    /// nothing typed stays readable for the next person on a shared device.
    pub fn sign_out(&self, api: &crate::services::api::Api) {
        crate::services::identity::forget_pending();
        crate::services::drafts::discard_all();
        let token = self.token();
        let api = api.authorized(token.clone());
        let identity = self.identity();
        wasm_bindgen_futures::spawn_local(async move {
            let _ = api.forget_draft_key().await;
            // Then the provider's session, so a shared device does not sign the next person in.
            if let Some(token) = token {
                crate::end_provider_session(identity, token).await;
            }
        });
        self.handle.dispatch(SessionAction::SignedOut);
    }
}

#[hook]
pub fn use_session() -> UseSession {
    let handle = use_context::<SessionContext>().expect("SessionProvider wraps the app");
    UseSession { handle }
}

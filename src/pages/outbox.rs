//! "Đang chờ gửi": the dossiers kept on this device because the connection was lost as they were
//! filed, each waiting or refused (with the office's reason), with "Hủy"; those a replay filed
//! in this tab, with their codes. Sending happens by itself (`components/outbox_runner.rs`).

use yew::prelude::*;
use yew_router::prelude::*;

use crate::components::outbox_runner::SENT;
use crate::components::sign_in_button::SignInButton;
use crate::route::Route;
use crate::services::outbox;
use crate::state::prefs::use_prefs;
use crate::state::session::use_session;

#[function_component(OutboxPage)]
pub fn outbox_page() -> Html {
    let prefs = use_prefs();
    let (t, lang) = (prefs.t(), prefs.lang());
    let session = use_session();
    // Read again whenever the outbox changes.
    let _ = crate::hooks::use_outbox::use_outbox_version();
    let entries = outbox::entries();
    let sent = SENT.with(|s| s.borrow().clone());
    html! {
        <>
            <h1>{ t.j().outbox_title }</h1>
            <p>{ t.j().outbox_lead }</p>
            if session.me().is_none() && !entries.is_empty() {
                <p>{ t.j().outbox_sign_in }</p>
                <SignInButton />
            }
            if entries.is_empty() {
                <p>{ t.j().outbox_empty }</p>
            }
            <ul class="plain-list outbox">
                { for entries.iter().map(|e| {
                    let key = e.key.clone();
                    let cancel = Callback::from(move |_: MouseEvent| outbox::cancel(&key));
                    let when = e.queued_at.get(..16).unwrap_or(&e.queued_at).replace('T', " ");
                    html! {
                        <li class="card outbox__item" data-testid="outbox-item">
                            <h2 class="card__title">{ &e.procedure_code }</h2>
                            <p class="hint">{ t.j().outbox_queued_at }{ " " }{ when }{ " (UTC)" }</p>
                            if let Some(reason) = &e.refused {
                                <p class="error-message" data-testid="outbox-refused">{ t.j().outbox_refused }{ " " }{ reason.get(lang) }</p>
                            } else {
                                <p>{ t.j().outbox_waiting }</p>
                            }
                            <button type="button" class="button button--secondary" onclick={cancel}>{ t.j().outbox_cancel }</button>
                        </li>
                    }
                }) }
            </ul>
            if !sent.is_empty() {
                <ul class="plain-list">
                    { for sent.iter().map(|(_, code)| html! {
                        <li>{ t.j().outbox_sent }{ " " }<Link<Route> to={Route::Dossier { code: code.clone() }}>{ code.clone() }</Link<Route>></li>
                    }) }
                </ul>
            }
        </>
    }
}

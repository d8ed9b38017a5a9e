//! Paying the fee through the payment SANDBOX (no money moves).

use yew::prelude::*;

use crate::hooks::use_api::use_api;
use crate::i18n::money;
use crate::state::prefs::use_prefs;

#[derive(Debug, PartialEq, Properties)]
pub(super) struct PayProps {
    pub(super) code: String,
    pub(super) amount: u64,
    pub(super) reload: Callback<()>,
}

/// Pays the fee through the payment SANDBOX (no money moves).
#[function_component(PayFee)]
pub(super) fn pay_fee(props: &PayProps) -> Html {
    let prefs = use_prefs();
    let (t, lang) = (prefs.t(), prefs.lang());
    let api = use_api();
    let failure = use_state(|| None::<String>);
    let busy = use_state(|| false);
    let qr = {
        let api = api.clone();
        crate::hooks::use_resource::use_resource(props.code.clone(), move |code| {
            let api = api.clone();
            async move { api.fee_qr(&code).await }
        })
    };
    let onclick = {
        let (code, reload, failure, busy) = (
            props.code.clone(),
            props.reload.clone(),
            failure.clone(),
            busy.clone(),
        );
        Callback::from(move |_: MouseEvent| {
            busy.set(true);
            let (api, code, reload, failure, busy) = (
                api.clone(),
                code.clone(),
                reload.clone(),
                failure.clone(),
                busy.clone(),
            );
            wasm_bindgen_futures::spawn_local(async move {
                match api.dossier_action(&code, "payment", &()).await {
                    Ok(_) => reload.emit(()),
                    Err(f) => {
                        failure.set(Some(f.message(lang, t.j().submit_network)));
                        busy.set(false);
                    }
                }
            });
        })
    };
    html! {
        <section class="card no-print" aria-labelledby="pay-title">
            <h2 id="pay-title">{ t.j().pay_title }</h2>
            <p>{ t.j().pay_lead }</p>
            if let Some(message) = &*failure { <p class="error-message" role="alert">{ message }</p> }
            <button type="button" class="button" {onclick} disabled={*busy}>{ (t.j().pay_button)(&money(props.amount)) }</button>
            if let crate::hooks::use_resource::Resource::Ready(qr) = &*qr.state {
                <div class="fee-qr">
                    <p>{ t.j().pay_qr_lead }</p>
                    <div class="fee-qr__code" role="img" aria-label={(t.j().pay_qr_details)(&qr.bank_bin, &qr.account, &qr.reference)}>
                        { Html::from_html_unchecked(AttrValue::from(qr.qr_svg.clone())) }
                    </div>
                    <p class="hint">{ (t.j().pay_qr_details)(&qr.bank_bin, &qr.account, &qr.reference) }</p>
                    if qr.sandbox {
                        <p class="notice">{ t.j().pay_qr_sandbox }</p>
                    }
                </div>
            }
        </section>
    }
}

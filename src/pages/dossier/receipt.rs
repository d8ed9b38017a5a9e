//! The receipt's QR code (drawn by the server, which signs what it prints) and the actions to
//! print it or download a self-contained copy.

use yew::prelude::*;

use crate::hooks::use_api::use_api;
use crate::hooks::use_resource::{Resource, use_resource};
use crate::state::prefs::use_prefs;

#[derive(Debug, PartialEq, Properties)]
pub(super) struct CodeProps {
    pub(super) code: String,
}

/// The receipt's QR code, drawn by the server (it signs what it prints).
#[function_component(QrCode)]
pub(super) fn qr_code(props: &CodeProps) -> Html {
    let t = use_prefs().t();
    let api = use_api();
    let svg = use_resource(props.code.clone(), move |code| {
        let api = api.clone();
        async move { api.text(&format!("/dossiers/{code}/qr.svg")).await }
    });
    match &*svg.state {
        Resource::Ready(svg) => {
            // The SVG comes from the API's own QR renderer and holds only shapes.
            let start = svg.find("<svg").unwrap_or(0);
            html! {
                <div class="qr" role="img" aria-label={(t.j().qr_label)(&props.code)}>
                    { Html::from_html_unchecked(AttrValue::from(svg[start..].to_owned())) }
                </div>
            }
        }
        _ => html! {},
    }
}

/// Print the receipt (print stylesheet) or download a self-contained copy.
#[function_component(ReceiptActions)]
pub(super) fn receipt_actions(props: &CodeProps) -> Html {
    let prefs = use_prefs();
    let (t, lang) = (prefs.t(), prefs.lang());
    let api = use_api();
    let failed = use_state(|| None::<String>);
    let print = Callback::from(|_: MouseEvent| {
        if let Some(w) = web_sys::window() {
            let _ = w.print();
        }
    });
    let download = {
        let (code, failed) = (props.code.clone(), failed.clone());
        Callback::from(move |_: MouseEvent| {
            let (api, code, failed) = (api.clone(), code.clone(), failed.clone());
            wasm_bindgen_futures::spawn_local(async move {
                match api.text(&format!("/dossiers/{code}/receipt.html")).await {
                    Ok(html) => save_file(&format!("phieu-tiep-nhan-{code}.html"), &html),
                    Err(f) => failed.set(Some(f.message(lang, t.load_failed))),
                }
            });
        })
    };
    html! {
        <div class="button-group no-print">
            <button type="button" class="button button--secondary" onclick={print}>{ t.j().print }</button>
            <button type="button" class="button button--secondary" onclick={download}>{ t.j().download }</button>
            if let Some(message) = &*failed { <p class="error-message" role="alert">{ message }</p> }
        </div>
    }
}

/// Offers `content` as a file download.
fn save_file(name: &str, content: &str) {
    use wasm_bindgen::JsCast as _;
    let parts = js_sys::Array::of1(&wasm_bindgen::JsValue::from_str(content));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type("text/html;charset=utf-8");
    let Ok(blob) = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options) else {
        return;
    };
    let Ok(url) = web_sys::Url::create_object_url_with_blob(&blob) else {
        return;
    };
    let link = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.create_element("a").ok())
        .and_then(|a| a.dyn_into::<web_sys::HtmlAnchorElement>().ok());
    if let Some(link) = link {
        link.set_href(&url);
        link.set_download(name);
        link.click();
    }
    let _ = web_sys::Url::revoke_object_url(&url);
}

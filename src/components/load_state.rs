//! What a page shows while its data loads or when loading failed.

use motlan_core::Lang;
use yew::prelude::*;

use crate::hooks::use_resource::Resource;
use crate::i18n::Strings;

/// The loading message or the failure with a retry button; nothing once the data is ready.
pub fn pending_view<T>(
    resource: &Resource<T>,
    retry: &Callback<()>,
    lang: Lang,
    t: &Strings,
) -> Html {
    match resource {
        Resource::Loading => loading_view(t),
        Resource::Ready(_) => html! {},
        Resource::Failed(failure) => failed_view(&failure.message(lang, t.load_failed), retry, t),
    }
}

/// "Đang tải…", announced politely.
pub fn loading_view(t: &Strings) -> Html {
    html! { <p class="loading" role="status">{ t.loading }</p> }
}

/// What failed to load, announced at once, with a button to try again.
pub fn failed_view(message: &str, retry: &Callback<()>, t: &Strings) -> Html {
    let retry = retry.reform(|_: MouseEvent| ());
    html! {
        <div class="error-summary" role="alert">
            <p>{ message.to_owned() }</p>
            <button type="button" class="button button--secondary" onclick={retry}>{ t.retry }</button>
        </div>
    }
}

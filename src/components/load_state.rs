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
        Resource::Loading => html! { <p class="loading" role="status">{ t.loading }</p> },
        Resource::Ready(_) => html! {},
        Resource::Failed(failure) => {
            let retry = retry.reform(|_: MouseEvent| ());
            html! {
                <div class="error-summary" role="alert">
                    <p>{ failure.message(lang, t.load_failed) }</p>
                    <button type="button" class="button button--secondary" onclick={retry}>{ t.retry }</button>
                </div>
            }
        }
    }
}

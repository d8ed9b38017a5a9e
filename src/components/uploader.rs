//! Uploading the files of one document: the type and size are checked before anything is sent,
//! a progress bar shows the transfer, and a failed upload can be retried without choosing the
//! file again.

use motlan_core::procedure::FileType;
use yew::prelude::*;

use crate::hooks::use_api::use_api;
use crate::services::drafts::Upload;
use crate::state::prefs::use_prefs;

#[derive(Debug, PartialEq, Properties)]
pub struct UploaderProps {
    /// The input's id (error-summary links point at it).
    pub id: String,
    pub label: AttrValue,
    pub accept: Vec<FileType>,
    pub max_bytes: u64,
    pub uploads: Vec<Upload>,
    /// A message key of the server's or the page's check, shown under the label.
    #[prop_or_default]
    pub error: Option<String>,
    pub on_uploaded: Callback<Upload>,
    pub on_remove: Callback<String>,
}

enum State {
    Idle,
    Sending(u32),
    Failed(String),
}

#[function_component(Uploader)]
pub fn uploader(props: &UploaderProps) -> Html {
    let prefs = use_prefs();
    let (t, lang) = (prefs.t(), prefs.lang());
    let api = use_api();
    let state = use_state(|| State::Idle);
    let file = use_mut_ref(|| None::<web_sys::File>);
    let send = {
        let (state, file, on_uploaded) = (state.clone(), file.clone(), props.on_uploaded.clone());
        let (accept, max) = (props.accept.clone(), props.max_bytes);
        Callback::from(move |()| {
            let Some(chosen) = file.borrow().clone() else {
                return;
            };
            let media = chosen.type_();
            if !accept.iter().any(|a| a.media_type() == media) {
                state.set(State::Failed(t.j().file_wrong_type.to_owned()));
                return;
            }
            let size = chosen.size() as u64;
            if size > max {
                state.set(State::Failed((t.j().file_too_big)(max / (1024 * 1024))));
                return;
            }
            state.set(State::Sending(0));
            let progress = {
                let state = state.clone();
                Callback::from(move |p: u32| state.set(State::Sending(p.min(100))))
            };
            let (api, state, on_uploaded) = (api.clone(), state.clone(), on_uploaded.clone());
            wasm_bindgen_futures::spawn_local(async move {
                match api.upload(&chosen, progress).await {
                    Ok(stored) => {
                        state.set(State::Idle);
                        on_uploaded.emit(Upload {
                            id: stored.id,
                            name: chosen.name(),
                            size,
                        });
                    }
                    Err(failure) => {
                        state.set(State::Failed(failure.message(lang, t.j().upload_failed)))
                    }
                }
            });
        })
    };
    let onchange = {
        let (file, send) = (file.clone(), send.clone());
        Callback::from(move |e: Event| {
            let input: web_sys::HtmlInputElement = e.target_unchecked_into();
            *file.borrow_mut() = input.files().and_then(|f| f.get(0));
            input.set_value("");
            send.emit(());
        })
    };
    let accept = props
        .accept
        .iter()
        .map(|a| a.media_type())
        .collect::<Vec<_>>()
        .join(",");
    let hint_id = format!("{}-hint", props.id);
    let error = props
        .error
        .as_ref()
        .map(|key| crate::components::question::error_text(key, lang, t));
    html! {
        <div class={classes!("uploader", error.is_some().then_some("question--error"))}>
            <label class="label" for={props.id.clone()}>{ props.label.clone() }</label>
            <p id={hint_id.clone()} class="hint">{ (t.j().file_hint)(props.max_bytes / (1024 * 1024)) }</p>
            if let Some(error) = error { <p class="error-message">{ error }</p> }
            if !props.uploads.is_empty() {
                <ul class="plain-list uploads">
                    { for props.uploads.iter().map(|u| {
                        let (id, on_remove) = (u.id.clone(), props.on_remove.clone());
                        let onclick = Callback::from(move |_: MouseEvent| on_remove.emit(id.clone()));
                        html! {
                            <li class="upload">
                                <span class="tag tag--reused">{ t.j().uploaded }</span>
                                <span class="upload__name">{ &u.name }</span>
                                <button type="button" class="link-button" {onclick}>
                                    { t.j().remove }<span class="visually-hidden">{ " " }{ &u.name }</span>
                                </button>
                            </li>
                        }
                    }) }
                </ul>
            }
            <input id={props.id.clone()} class="file-input" type="file" {accept} {onchange} aria-describedby={hint_id} />
            <div aria-live="polite">
                { match &*state {
                    State::Idle => html! {},
                    State::Sending(p) => html! {
                        <p class="progress">
                            <label for={format!("{}-progress", props.id)}>{ t.j().uploading }{ format!(" {p}%") }</label>
                            <progress id={format!("{}-progress", props.id)} max="100" value={p.to_string()}>{ format!("{p}%") }</progress>
                        </p>
                    },
                    State::Failed(message) => {
                        let retry = send.reform(|_: MouseEvent| ());
                        html! {
                            <div class="error-message" role="alert">
                                <p>{ message }</p>
                                if file.borrow().is_some() {
                                    <button type="button" class="button button--secondary" onclick={retry}>{ t.retry }</button>
                                }
                            </div>
                        }
                    }
                } }
            </div>
        </div>
    }
}

//! The API, calling as the signed-in citizen when there is one.

use yew::prelude::*;

use crate::services::api::Api;
use crate::state::session::use_session;

#[hook]
pub fn use_api() -> Api {
    let api = use_context::<Api>().expect("Api context");
    api.authorized(use_session().token())
}

//! The page for an address the app does not know, in plain words, with a way back.

use yew::prelude::*;
use yew_router::prelude::*;

use crate::route::Route;
use crate::state::prefs::use_prefs;

#[function_component(NotFoundPage)]
pub fn not_found_page() -> Html {
    let prefs = use_prefs();
    let t = prefs.t();
    html! {
        <>
            <h1>{ t.not_found_title }</h1>
            <p>{ t.not_found_body }</p>
            <p><Link<Route> to={Route::Home}>{ t.back_to_home }</Link<Route>></p>
        </>
    }
}

//! The floor of the web app's first bundle: the least an app on the same stack carries before
//! any page of its own. One search page that asks the API for JSON and a procedure route, taken
//! over from server-rendered HTML (hydration), nothing else. `cargo xtask bench` builds it as the
//! app is built (profile `wasm-release`, wasm-bindgen, `wasm-opt -Oz`) and prints its size beside
//! the app's, so the 150 KB target of the first bundle can be read against what Yew itself costs.

use serde::Deserialize;
use wasm_bindgen::prelude::*;
use yew::prelude::*;
use yew_router::prelude::*;

#[derive(Clone, PartialEq, Routable)]
enum Route {
    #[at("/")]
    Home,
    #[at("/thu-tuc/:code")]
    Procedure { code: String },
    #[not_found]
    #[at("/404")]
    NotFound,
}

/// One search result, as an API would send it.
#[derive(Clone, PartialEq, Deserialize)]
struct Found {
    code: String,
    name: String,
    days: u16,
}

#[function_component(Home)]
fn home() -> Html {
    let query = use_state(String::new);
    let found = use_state(Vec::<Found>::new);
    {
        let found = found.clone();
        use_effect_with((*query).clone(), move |query| {
            let path = format!("/api/v1/procedures?q={query}");
            wasm_bindgen_futures::spawn_local(async move {
                if let Ok(answer) = gloo_net::http::Request::get(&path).send().await
                    && let Ok(list) = answer.json::<Vec<Found>>().await
                {
                    found.set(list);
                }
            });
        });
    }
    let oninput = {
        let query = query.clone();
        Callback::from(move |e: InputEvent| {
            let input: web_sys::HtmlInputElement = e.target_unchecked_into();
            query.set(input.value());
        })
    };
    html! {
        <main>
            <label for="q">{ "Tìm thủ tục" }</label>
            <input id="q" type="search" value={(*query).clone()} {oninput} />
            <ul>
                { for found.iter().map(|f| html! {
                    <li>
                        <Link<Route> to={Route::Procedure { code: f.code.clone() }}>{ &f.name }</Link<Route>>
                        { format!(" ({} ngày)", f.days) }
                    </li>
                }) }
            </ul>
        </main>
    }
}

#[function_component(App)]
fn app() -> Html {
    html! {
        <BrowserRouter>
            <Switch<Route> render={|route| match route {
                Route::Home => html! { <Home /> },
                Route::Procedure { code } => html! { <h1>{ code }</h1> },
                Route::NotFound => html! { <h1>{ "404" }</h1> },
            }} />
        </BrowserRouter>
    }
}

#[wasm_bindgen(start)]
pub fn run() {
    yew::Renderer::<App>::new().hydrate();
}

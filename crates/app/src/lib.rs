//! The web app as the browser loads it: every page in one WebAssembly module, which
//! `cargo xtask build` splits at the points named in `motlan_web::split` (the filing journey, the
//! dossier pages, the volunteers' pages, the agency review) so the first load carries the public
//! pages and the shell only, and each part is fetched when a citizen first opens it.

use wasm_bindgen::prelude::wasm_bindgen;

/// Runs when the module is instantiated: takes over the server's page, or renders the app.
#[wasm_bindgen(start)]
pub fn run() {
    motlan_web::start();
}

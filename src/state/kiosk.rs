//! A commune-owned kiosk for residents without a phone. The device keeps its token (not personal
//! data) in local storage; on a kiosk the first-load app goes straight to the full app, whose
//! guard (`components::kiosk_guard`) signs out and wipes the browser after each resident.

/// Where the kiosk's device token is kept; the only thing a wipe leaves.
pub const KEY: &str = "motlan.kiosk";

fn local() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok()?
}

/// The device token, if this browser is a registered kiosk.
pub fn token() -> Option<String> {
    local()?.get_item(KEY).ok()?
}

#[cfg(feature = "journey")]
pub fn remember(token: &str) {
    if let Some(s) = local() {
        let _ = s.set_item(KEY, token);
    }
}

#[cfg(feature = "journey")]
pub fn forget() {
    if let Some(s) = local() {
        let _ = s.remove_item(KEY);
    }
}

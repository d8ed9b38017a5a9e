//! `cargo xtask volunteer` and `cargo xtask kiosk`: the volunteer registry and the commune's
//! kiosks on a server started with `cargo xtask run` (through the officer/admin SANDBOX API).
//!
//! ```text
//! cargo xtask volunteer add ID "Họ tên" "Tổ" "Xã" "Đơn vị Đoàn" FROM UNTIL
//! cargo xtask volunteer list
//! cargo xtask volunteer suspend ID
//! cargo xtask kiosk add "Tên máy" "Xã"
//! cargo xtask kiosk list
//! cargo xtask kiosk revoke ID
//! ```

use std::path::Path;

use crate::cmd::Result;
use crate::officer::{json_string, send};

pub fn volunteer(root: &Path, args: &[String]) -> Result {
    let usage = "usage: cargo xtask volunteer add PERSONAL_ID NAME TEAM COMMUNE UNION_UNIT FROM UNTIL | list | suspend PERSONAL_ID\n\
                 (dates as YYYY-MM-DD)";
    match args.first().map(String::as_str) {
        Some("add") if args.len() == 8 => {
            let body = format!(
                "{{\"personal_id\":{},\"full_name\":{},\"team\":{},\"commune\":{},\"union_unit\":{},\"active_from\":{},\"active_until\":{}}}",
                json_string(&args[1]),
                json_string(&args[2]),
                json_string(&args[3]),
                json_string(&args[4]),
                json_string(&args[5]),
                json_string(&args[6]),
                json_string(&args[7]),
            );
            send(root, "POST", "/api/v1/volunteers", Some(&body))
        }
        Some("list") => send(root, "GET", "/api/v1/volunteers", None),
        Some("suspend") if args.len() == 2 => send(
            root,
            "POST",
            &format!("/api/v1/volunteers/{}/suspend", args[1]),
            Some("{}"),
        ),
        _ => Err(usage.to_owned()),
    }
}

pub fn kiosk(root: &Path, args: &[String]) -> Result {
    let usage = "usage: cargo xtask kiosk add NAME COMMUNE | list | revoke ID\n\
                 (`add` prints the device token once: type it at /may-dung-chung on the device)";
    match args.first().map(String::as_str) {
        Some("add") if args.len() == 3 => {
            let body = format!(
                "{{\"name\":{},\"commune\":{}}}",
                json_string(&args[1]),
                json_string(&args[2])
            );
            send(root, "POST", "/api/v1/kiosks", Some(&body))
        }
        Some("list") => send(root, "GET", "/api/v1/kiosks", None),
        Some("revoke") if args.len() == 2 => send(
            root,
            "POST",
            &format!("/api/v1/kiosks/{}/revoke", args[1]),
            Some("{}"),
        ),
        _ => Err(usage.to_owned()),
    }
}

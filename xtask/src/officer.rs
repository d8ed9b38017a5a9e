//! `cargo xtask officer`: drives the officer SANDBOX of a server started with `cargo xtask run`,
//! so a tester can move a dossier through its states and watch the citizen's tracking page.
//!
//! ```text
//! cargo xtask officer list
//! cargo xtask officer process CODE
//! cargo xtask officer supplement CODE answer:child.full_name document:birth_notice -- "Lý do"
//! cargo xtask officer result CODE KIND "Tên kết quả"
//! cargo xtask officer reject CODE "Lý do"
//! ```

use std::io::{Read as _, Write as _};
use std::net::TcpStream;
use std::path::Path;

use crate::cmd::Result;

/// Where `cargo xtask run` keeps the officer token it gives the server.
pub const TOKEN_FILE: &str = "data/officer-token";

/// The token for this checkout, made once (random) and kept in `data/`.
pub fn token(root: &Path) -> Result<String> {
    let path = root.join(TOKEN_FILE);
    if let Ok(token) = std::fs::read_to_string(&path)
        && !token.trim().is_empty()
    {
        return Ok(token.trim().to_owned());
    }
    let mut bytes = [0u8; 16];
    std::fs::File::open("/dev/urandom")
        .and_then(|mut f| f.read_exact(&mut bytes))
        .map_err(|e| format!("no randomness for the officer token: {e}"))?;
    let token: String = bytes.iter().map(|b| format!("{b:02x}")).collect();
    std::fs::create_dir_all(root.join("data")).map_err(|e| e.to_string())?;
    std::fs::write(&path, &token).map_err(|e| format!("{}: {e}", path.display()))?;
    Ok(token)
}

pub fn json_string(text: &str) -> String {
    let mut out = String::from("\"");
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            c if (c as u32) < 0x20 => out.push_str(&format!("\\u{:04x}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

pub fn officer(root: &Path, args: &[String]) -> Result {
    let usage = "usage: cargo xtask officer list | process CODE | supplement CODE answer:ID|document:ID... -- NOTE | result CODE KIND TITLE | reject CODE REASON";
    let arg = |i: usize| {
        args.get(i)
            .map(String::as_str)
            .ok_or_else(|| usage.to_owned())
    };
    let (method, path, body) = match arg(0)? {
        "list" => ("GET", "/api/v1/officer/dossiers".to_owned(), None),
        "process" => (
            "POST",
            format!("/api/v1/officer/dossiers/{}/process", arg(1)?),
            Some("{}".to_owned()),
        ),
        "supplement" => {
            let split = args
                .iter()
                .position(|a| a == "--")
                .ok_or_else(|| usage.to_owned())?;
            let items: Vec<String> = args[2..split]
                .iter()
                .map(|item| {
                    let (kind, id) = item.split_once(':').ok_or_else(|| usage.to_owned())?;
                    Ok(format!(
                        "{{\"kind\":{},\"id\":{}}}",
                        json_string(kind),
                        json_string(id)
                    ))
                })
                .collect::<Result<_>>()?;
            let note = json_string(&args[split + 1..].join(" "));
            (
                "POST",
                format!("/api/v1/officer/dossiers/{}/supplement-request", arg(1)?),
                Some(format!(
                    "{{\"items\":[{}],\"note\":{{\"vi\":{note},\"en\":{note}}}}}",
                    items.join(",")
                )),
            )
        }
        "result" => (
            "POST",
            format!("/api/v1/officer/dossiers/{}/result", arg(1)?),
            Some(format!(
                "{{\"kind\":{},\"title\":{}}}",
                json_string(arg(2)?),
                json_string(&args[3..].join(" "))
            )),
        ),
        "reject" => {
            let reason = json_string(&args[2..].join(" "));
            (
                "POST",
                format!("/api/v1/officer/dossiers/{}/reject", arg(1)?),
                Some(format!(
                    "{{\"reason\":{{\"vi\":{reason},\"en\":{reason}}}}}"
                )),
            )
        }
        _ => return Err(usage.to_owned()),
    };
    send(root, method, &path, body.as_deref())
}

/// One request to the server `cargo xtask run` started, with the officer token; prints the
/// answer and fails unless it is 2xx.
pub fn send(root: &Path, method: &str, path: &str, body: Option<&str>) -> Result {
    let token = token(root)?;
    let addr = std::env::var("MOTLAN_ADDR").unwrap_or_else(|_| "127.0.0.1:8080".to_owned());
    let body = body.unwrap_or_default();
    let request = format!(
        "{method} {path} HTTP/1.1\r\nHost: {addr}\r\nAuthorization: Bearer {token}\r\nContent-Type: application/json\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
        body.len()
    );
    let mut stream = TcpStream::connect(&addr).map_err(|e| {
        format!("cannot reach the server at {addr} (is `cargo xtask run` running?): {e}")
    })?;
    stream
        .write_all(request.as_bytes())
        .map_err(|e| e.to_string())?;
    let mut response = String::new();
    stream
        .read_to_string(&mut response)
        .map_err(|e| e.to_string())?;
    let (head, body) = response.split_once("\r\n\r\n").unwrap_or((&response, ""));
    let status = head.lines().next().unwrap_or_default();
    println!("{status}\n{body}");
    if status.contains(" 2") {
        Ok(())
    } else {
        Err(format!("the server answered {status}"))
    }
}

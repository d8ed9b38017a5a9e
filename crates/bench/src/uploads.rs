//! Memory under uploads (`motlan-bench --uploads SERVER`): a real server process takes 16
//! concurrent uploads of 10 MiB; the bench prints its resident memory when idle and its peak
//! (Linux `VmRSS`, `VmHWM`). Uploads stream to disk, so the peak should stay well under 64 MB
//! above idle. Prints; asserts nothing.

use std::path::Path;
use std::time::Instant;

use http_body_util::{BodyExt as _, Full};
use hyper::body::Bytes;
use hyper::{Method, Request, StatusCode};
use hyper_util::client::legacy::Client;
use hyper_util::rt::TokioExecutor;

use crate::load::{HttpClient, sign_in};

const UPLOADS: usize = 16;
const SIZE: usize = 10 * 1024 * 1024;

/// A field of `/proc/PID/status`, in kB.
fn status_kb(pid: u32, field: &str) -> Option<u64> {
    std::fs::read_to_string(format!("/proc/{pid}/status"))
        .ok()?
        .lines()
        .find_map(|line| {
            line.strip_prefix(field)?
                .trim()
                .strip_suffix(" kB")?
                .trim()
                .parse()
                .ok()
        })
}

pub async fn run(server: &Path) {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let database = format!("sqlite://{}", dir.path().join("uploads.db").display());
    let (mut child, base) = crate::durability::start(server, &database, dir.path());
    let pid = child.id();
    let client: HttpClient = Client::builder(TokioExecutor::new()).build_http();
    let token = sign_in(&client, &base).await;
    let idle = status_kb(pid, "VmRSS:").unwrap_or(0);
    let mut content = b"%PDF-1.7\n".to_vec();
    content.resize(SIZE, b'x');
    let content = Bytes::from(content);
    let started = Instant::now();
    let uploads: Vec<_> = (0..UPLOADS)
        .map(|_| {
            let (client, base, token, content) =
                (client.clone(), base.clone(), token.clone(), content.clone());
            tokio::spawn(async move {
                let request = Request::builder()
                    .method(Method::POST)
                    .uri(format!("{base}/api/v1/attachments"))
                    .header("authorization", format!("Bearer {token}"))
                    .header("content-type", "application/octet-stream")
                    .body(Full::new(content))
                    .expect("request");
                let response = client.request(request).await.expect("the server answers");
                let status = response.status();
                let _ = response.into_body().collect().await;
                status
            })
        })
        .collect();
    let mut stored = 0;
    for upload in uploads {
        if upload.await.expect("upload task") == StatusCode::CREATED {
            stored += 1;
        }
    }
    let elapsed = started.elapsed();
    let peak = status_kb(pid, "VmHWM:").unwrap_or(0);
    let _ = std::process::Command::new("kill")
        .args(["-TERM", &pid.to_string()])
        .status();
    let _ = child.wait();
    println!(
        "uploads: {stored} of {UPLOADS} concurrent uploads of 10 MiB stored in {:.1} s; \
         server memory {:.0} MB idle, peak {:.0} MB ({:.0} MB above idle; target under 64 MB)",
        elapsed.as_secs_f64(),
        idle as f64 / 1024.0,
        peak as f64 / 1024.0,
        peak.saturating_sub(idle) as f64 / 1024.0,
    );
}

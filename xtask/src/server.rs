//! A throwaway server for the end-to-end tests and the browser benchmark: the debug build on a
//! free loopback port with a fresh SQLite database, stopped with SIGTERM (checking it shuts down
//! cleanly) and its scratch folder removed.

use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant};

use crate::cmd::{Result, command};

pub const CHROMIUM: &str = "/usr/bin/chromium";

/// The debug build of the server (`cargo xtask test` builds it first).
pub fn server_binary(root: &Path) -> PathBuf {
    crate::cmd::target_dir(root).join("debug/motlan-server")
}

pub struct TestServer {
    child: Child,
    scratch: PathBuf,
    pub url: String,
    /// The officer SANDBOX token the server was started with (end-to-end tests move dossiers
    /// through their states with it).
    pub officer_token: String,
    stopped: bool,
}

const E2E_AGENCIES: &str = "[[agency]]\nid = \"xa-demo\"\nname = \"UBND xã Demo\"\n\
    name_en = \"Demo Commune\"\norigins = [\"http://localhost:8081\"]\nprocedures = [\"1.001193\"]\n";

impl TestServer {
    pub fn start(root: &Path) -> Result<Self> {
        Self::start_with(root, &[])
    }

    /// A test server with more flags (schemathesis lifts the rate limits).
    pub fn start_with(root: &Path, extra: &[&str]) -> Result<Self> {
        static STARTED: std::sync::atomic::AtomicU32 = std::sync::atomic::AtomicU32::new(0);
        let scratch = std::env::temp_dir().join(format!(
            "motlan-e2e-{}-{}",
            std::process::id(),
            STARTED.fetch_add(1, std::sync::atomic::Ordering::Relaxed)
        ));
        std::fs::create_dir_all(&scratch)
            .map_err(|e| format!("cannot create {}: {e}", scratch.display()))?;
        let officer_token = format!(
            "e2e-{}-{}",
            std::process::id(),
            std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .map_or(0, |d| d.as_nanos())
        );
        // The embedding tests' agency: a site on localhost:8081 (started by the test) may embed
        // birth registration only.
        let agencies = scratch.join("agencies.toml");
        std::fs::write(&agencies, E2E_AGENCIES)
            .map_err(|e| format!("cannot write {}: {e}", agencies.display()))?;
        let mut child = command(root, server_binary(root))
            .args(["--addr", "127.0.0.1:0", "--static-dir", "dist"])
            .args(["--officer-token", &officer_token])
            // The volunteer tests show an expired help code without waiting ten minutes.
            .args(["--help-code-seconds", "20"])
            .arg("--agencies-file")
            .arg(&agencies)
            .arg("--database-url")
            .arg(format!("sqlite://{}", scratch.join("e2e.db").display()))
            .args(extra)
            .env("RUST_LOG", "warn")
            .stdout(Stdio::piped())
            .spawn()
            .map_err(|e| format!("cannot start the server: {e}"))?;
        let url = listening_url(&mut child);
        let mut server = Self {
            child,
            scratch,
            url: String::new(),
            officer_token,
            stopped: false,
        };
        server.url = url?;
        Ok(server)
    }

    /// Stops the server with SIGTERM and checks that it exits cleanly within 15 s.
    pub fn stop(&mut self) -> Result {
        self.stopped = true;
        let _ = Command::new("kill")
            .args(["-TERM", &self.child.id().to_string()])
            .status();
        let deadline = Instant::now() + Duration::from_secs(15);
        let result = loop {
            if Instant::now() >= deadline {
                let _ = self.child.kill();
                break Err("the server did not stop within 15 s of SIGTERM".to_owned());
            }
            match self.child.try_wait() {
                Ok(Some(status)) if status.success() => {
                    println!("xtask: server shut down cleanly on SIGTERM");
                    break Ok(());
                }
                Ok(Some(status)) => {
                    break Err(format!("the server exited with {status} on SIGTERM"));
                }
                Ok(None) => std::thread::sleep(Duration::from_millis(100)),
                Err(e) => break Err(e.to_string()),
            }
        };
        let _ = std::fs::remove_dir_all(&self.scratch);
        result
    }
}

impl Drop for TestServer {
    fn drop(&mut self) {
        if !self.stopped {
            let _ = self.stop();
        }
    }
}

/// Waits for the server's `listening on http://…` line; keeps draining its output afterwards.
fn listening_url(server: &mut Child) -> Result<String> {
    let stdout = server.stdout.take().expect("piped");
    let (sender, receiver) = mpsc::channel();
    std::thread::spawn(move || {
        for line in BufReader::new(stdout)
            .lines()
            .map_while(std::io::Result::ok)
        {
            if let Some(url) = line.split("listening on ").nth(1) {
                let _ = sender.send(url.trim().to_owned());
            }
        }
    });
    receiver
        .recv_timeout(Duration::from_secs(60))
        .map_err(|_| "the server did not start listening within 60 s".to_owned())
}

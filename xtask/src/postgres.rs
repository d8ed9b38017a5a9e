//! A throwaway PostgreSQL server for the API tests: Debian's binaries, a cluster in a temporary
//! folder, trust authentication, listening only on a free loopback port, removed afterwards.
//! PostgreSQL refuses to run as root, so as root the cluster belongs to the `postgres` user.

use std::net::TcpListener;
use std::path::PathBuf;
use std::process::Command;

use crate::cmd::{Result, run};

pub struct TempPostgres {
    dir: PathBuf,
    bin: PathBuf,
    as_postgres_user: bool,
    /// Administrator URL (database `postgres`); tests create their own databases.
    pub url: String,
}

/// The newest installed server's `bin/` folder, e.g. `/usr/lib/postgresql/15/bin`.
pub fn server_bin() -> Option<PathBuf> {
    let mut versions: Vec<(u32, PathBuf)> = std::fs::read_dir("/usr/lib/postgresql")
        .ok()?
        .filter_map(|e| e.ok())
        .filter_map(|e| {
            let version = e.file_name().to_str()?.parse().ok()?;
            let bin = e.path().join("bin");
            bin.join("initdb").exists().then_some((version, bin))
        })
        .collect();
    versions.sort();
    versions.pop().map(|(_, bin)| bin)
}

fn is_root() -> bool {
    Command::new("id")
        .arg("-u")
        .output()
        .is_ok_and(|o| String::from_utf8_lossy(&o.stdout).trim() == "0")
}

impl TempPostgres {
    pub fn start() -> Result<Self> {
        let bin = server_bin().ok_or(
            "PostgreSQL is not installed (cargo xtask setup installs Debian's postgresql as root)",
        )?;
        let dir = std::env::temp_dir().join(format!("motlan-pg-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).map_err(|e| format!("{}: {e}", dir.display()))?;
        let as_postgres_user = is_root();
        if as_postgres_user {
            run(
                "handing the temporary cluster folder to the postgres user",
                Command::new("chown").args(["postgres:"]).arg(&dir),
            )?;
        }
        let port = TcpListener::bind("127.0.0.1:0")
            .and_then(|l| l.local_addr())
            .map_err(|e| format!("no free port: {e}"))?
            .port();
        let server = Self {
            url: format!("postgres://motlan@127.0.0.1:{port}/postgres"),
            dir,
            bin,
            as_postgres_user,
        };
        let data = server.dir.join("data");
        server.pg(
            "creating a temporary PostgreSQL cluster",
            "initdb",
            &[
                "-D".as_ref(),
                data.as_os_str(),
                "-U".as_ref(),
                "motlan".as_ref(),
                "--auth=trust".as_ref(),
                "-E".as_ref(),
                "UTF8".as_ref(),
                "--locale=C".as_ref(),
            ],
        )?;
        let options = format!(
            "-p {port} -k {} -c listen_addresses=127.0.0.1 -c max_connections=200",
            server.dir.display()
        );
        let log = server.dir.join("server.log");
        server.pg(
            &format!("starting PostgreSQL on 127.0.0.1:{port}"),
            "pg_ctl",
            &[
                "-D".as_ref(),
                data.as_os_str(),
                "-o".as_ref(),
                options.as_ref(),
                "-l".as_ref(),
                log.as_os_str(),
                "-w".as_ref(),
                "start".as_ref(),
            ],
        )?;
        Ok(server)
    }

    fn pg(&self, what: &str, program: &str, args: &[&std::ffi::OsStr]) -> Result {
        let program = self.bin.join(program);
        let mut command = if self.as_postgres_user {
            let mut c = Command::new("runuser");
            c.args(["-u", "postgres", "--"]).arg(program);
            c
        } else {
            Command::new(program)
        };
        command.args(args).current_dir(&self.dir);
        run(what, &mut command)
    }
}

impl Drop for TempPostgres {
    fn drop(&mut self) {
        let data = self.dir.join("data");
        let _ = self.pg(
            "stopping the temporary PostgreSQL",
            "pg_ctl",
            &[
                "-D".as_ref(),
                data.as_os_str(),
                "-m".as_ref(),
                "fast".as_ref(),
                "stop".as_ref(),
            ],
        );
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}

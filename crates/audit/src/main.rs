//! `motlan-audit`: checks national procedure records for documents citizens must not be asked for
//! again. Exits 0 with a report even when some records are unreadable (they are listed in it).

use std::io::Write as _;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, ValueEnum};
use motlan_audit::{RuleSet, audit, read_file};

#[derive(Debug, Clone, Copy, ValueEnum)]
enum Format {
    Md,
    Csv,
    Json,
}

/// Audits procedure records (portal API `.json` or crawled `.jsonl`) for papers national data
/// already holds, papers that were abolished, and papers citizens must still provide.
#[derive(Debug, Parser)]
#[command(name = "motlan-audit", version)]
struct Args {
    /// Output format.
    #[arg(long, value_enum, default_value = "md")]
    format: Format,
    /// Extra rules (TOML, same shape as the built-in rules.toml), tried before the built-in ones.
    #[arg(long)]
    rules: Vec<PathBuf>,
    /// Record files: `.json` (portal API) or `.jsonl` (one crawled page record per line).
    #[arg(required = true)]
    files: Vec<PathBuf>,
}

fn main() -> ExitCode {
    let args = Args::parse();
    let mut rules = RuleSet::builtin();
    for path in &args.rules {
        let parsed = std::fs::read_to_string(path)
            .map_err(|e| format!("{}: {e}", path.display()))
            .and_then(|text| RuleSet::parse(&path.display().to_string(), &text));
        match parsed {
            Ok(extra) => rules = rules.extended_by(extra),
            Err(e) => {
                eprintln!("motlan-audit: {e}");
                return ExitCode::from(2);
            }
        }
    }
    let (mut records, mut problems) = (Vec::new(), Vec::new());
    for file in &args.files {
        let (r, p) = read_file(file);
        records.extend(r);
        problems.extend(p);
    }
    let report = audit(records, problems, &rules);
    let text = match args.format {
        Format::Md => report.to_markdown(),
        Format::Csv => report.to_csv(),
        Format::Json => report.to_json() + "\n",
    };
    // A reader that stops early (`| head`) is not an error worth a panic.
    match std::io::stdout().lock().write_all(text.as_bytes()) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("motlan-audit: cannot write the report: {e}");
            ExitCode::FAILURE
        }
    }
}

//! The binary's work beyond one file: choosing a mode, batches, JSON Lines, configuration
//! and the manual page. `main.rs` only dispatches here.

pub mod batch;
pub mod jsonl;
pub mod options;
pub mod progress;

use crate::cli::{Cli, RunArgs};
use anyhow::Result;
use std::process::ExitCode;

/// Which way a cleaning run goes.
pub enum Mode {
    /// One input, as before: standard output, `-o FILE`, `--in-place`.
    Single,
    /// Many inputs or a directory.
    Batch,
    /// `--jsonl` on standard input.
    Jsonl,
}

/// Decide the mode from the arguments: `--jsonl`; many inputs, a directory input, or `-o`
/// naming an existing directory (or ending in `/`) with a file input make a batch.
pub fn mode(args: &RunArgs) -> Mode {
    if args.jsonl {
        return Mode::Jsonl;
    }
    let many = args.inputs.len() > 1 || args.inputs.iter().any(|p| p.is_dir());
    let to_dir = args.output.as_ref().is_some_and(|o| {
        o.is_dir()
            || o.as_os_str()
                .to_string_lossy()
                .ends_with(std::path::MAIN_SEPARATOR)
    }) && args.input().as_os_str() != "-";
    if many || to_dir {
        Mode::Batch
    } else {
        Mode::Single
    }
}

/// `clean config --show`: the effective configuration as TOML, with where it came from.
pub fn show_config(settings: &crate::cli::SettingsArgs) -> Result<String> {
    let (config, path) = options::effective(settings)?;
    let from = match path {
        Some(p) => format!("# configuration from {}, then flags\n", p.display()),
        None => "# no configuration file; defaults, then flags\n".to_string(),
    };
    Ok(from + &config.to_toml())
}

/// `clean man`: the manual page, generated from the clap definition.
pub fn man_page() -> Result<Vec<u8>> {
    use clap::CommandFactory;
    let mut buf = Vec::new();
    clap_mangen::Man::new(Cli::command()).render(&mut buf)?;
    Ok(buf)
}

/// Run a batch or a JSON Lines stream (`Mode::Batch`, `Mode::Jsonl`).
pub fn run_many(args: RunArgs, mode: Mode) -> Result<ExitCode> {
    match mode {
        Mode::Jsonl => jsonl::run(&args),
        _ => batch::run(&args),
    }
}

//! The binary's work beyond one file: choosing a mode, batches, JSON Lines, configuration
//! and the manual page. `main.rs` only dispatches here.

pub mod batch;
pub mod jsonl;
pub mod memory;
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

/// Whether to colour output: `--color`, `NO_COLOR` and whether stdout is a terminal.
pub fn use_color(choice: crate::cli::ColorChoice) -> bool {
    match choice {
        crate::cli::ColorChoice::Always => true,
        crate::cli::ColorChoice::Never => false,
        crate::cli::ColorChoice::Auto => {
            std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
                && std::io::IsTerminal::is_terminal(&std::io::stdout())
        }
    }
}

/// Rewrite `path` with `text` atomically, keeping `PATH.orig` unless `no_backup`.
pub fn write_in_place(path: &std::path::Path, text: &str, no_backup: bool) -> Result<()> {
    if !no_backup {
        let mut backup = path.as_os_str().to_owned();
        backup.push(".orig");
        std::fs::copy(path, &backup).map_err(|source| ocrclean::Error::Io {
            path: path.to_path_buf(),
            source,
        })?;
    }
    ocrclean::fsio::write_atomic(path, text.as_bytes())?;
    Ok(())
}

//! From flags and configuration file to library [`Options`]: the file first, then flags.

use crate::cli::SettingsArgs;
use anyhow::{Context, Result};
use ocrclean::config::Config;
use ocrclean::{LoadOptions, Options};
use std::path::PathBuf;

/// The configuration in effect and the file it came from: `--config FILE`, else the
/// nearest clean.toml (unless `--no-config`), with the flags applied over it.
pub fn effective(s: &SettingsArgs) -> Result<(Config, Option<PathBuf>)> {
    let path = if s.no_config {
        None
    } else if let Some(p) = &s.config {
        Some(p.clone())
    } else {
        let cwd = std::env::current_dir().context("cannot read the working directory")?;
        Config::discover(&cwd)
    };
    let mut config = match &path {
        Some(p) => Config::load(p)?,
        None => Config::default(),
    };
    if !s.select.is_empty() {
        config.select = s.select.clone();
    }
    if !s.ignore.is_empty() {
        config.ignore = s.ignore.clone();
    }
    if s.all {
        config.all = true;
    }
    if let Some(t) = s.threshold {
        anyhow::ensure!(
            (0.0..=1.0).contains(&t),
            "--threshold {t} is not between 0 and 1"
        );
        config.threshold = t;
    }
    config.words.extend(s.dict.iter().cloned());
    Ok((config, path))
}

/// Options for a run: the effective configuration plus how to load input.
pub fn build(s: &SettingsArgs, encoding: Option<String>, strict: bool) -> Result<Options> {
    let (config, _) = effective(s)?;
    let mut opts = config.to_options()?;
    opts.load = LoadOptions { encoding, strict };
    Ok(opts)
}

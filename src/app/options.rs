//! From flags and configuration file to library [`Options`]: the file first, then flags.

use crate::cli::{RunArgs, SettingsArgs};
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
    if let Some(m) = &s.memory_limit {
        ocrclean::limits::parse_memory(m).map_err(|e| anyhow::anyhow!("--memory-limit: {e}"))?;
        config.memory_limit = Some(m.clone());
    }
    if let Some(t) = &s.time_limit {
        ocrclean::limits::parse_time(t).map_err(|e| anyhow::anyhow!("--time-limit: {e}"))?;
        config.time_limit = Some(t.clone());
    }
    Ok((config, path))
}

/// Options for a run: the effective configuration, `--no-fix`, and how to load input
/// (encoding, `--strict`, PDF pages and password).
pub fn build(args: &RunArgs) -> Result<Options> {
    let (config, _) = effective(&args.settings)?;
    let mut opts = config.to_options()?;
    if args.no_fix {
        opts.selection.ignore.extend(
            ocrclean::rules::registry()
                .iter()
                .map(|r| r.info().code.to_string()),
        );
        opts.selection
            .ignore
            .extend(opts.user_rules.iter().map(|r| r.spec().code.clone()));
    }
    opts.unwrap = args.unwrap;
    opts.load = load_options(args, opts.load.limits)?;
    Ok(opts)
}

/// How to load input: encoding, `--strict`, PDF pages and password, and `limits`.
pub fn load_options(args: &RunArgs, limits: ocrclean::limits::Limits) -> Result<LoadOptions> {
    let pages = match &args.pages {
        Some(spec) => Some(ocrclean::input::pdf::parse_pages(spec).map_err(anyhow::Error::msg)?),
        None => None,
    };
    Ok(LoadOptions {
        encoding: args.encoding.clone(),
        strict: args.strict,
        pdf: ocrclean::input::pdf::PdfOptions {
            pages,
            password: args.password.clone(),
        },
        limits,
    })
}

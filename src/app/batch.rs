//! Many inputs: plan the jobs, clean them in parallel (rayon, `-j N`), write each output,
//! print per-file views in input order, and keep going past a bad file (exit 2 at the end).
//!
//! Modes over a batch: with `-o DIR` each input's cleaned text goes to DIR (mirrored,
//! `.txt`), skipping outputs newer than their inputs unless `--force`; `--check` writes
//! nothing, prints the name of each file that would change, and exits 1 if any would;
//! `--changes` prefixes every line with the file's name; `--diff` prints one diff per file;
//! `--format json` prints one compact JSON report per line; `--in-place` rewrites each
//! changed file (keeping FILE.orig unless `--no-backup`).

use super::options;
use super::progress::Progress;
use crate::cli::{Format, RunArgs};
use anyhow::{bail, Result};
use ocrclean::batch::{plan, up_to_date, Job, PlanOptions};
use ocrclean::{error::chain, fsio, input, output, Cleaner, Report};
use rayon::prelude::*;
use std::io::Write;
use std::path::Path;
use std::process::ExitCode;
use std::sync::atomic::Ordering::Relaxed;

/// Files handed to the thread pool at once; their views are printed before the next chunk
/// starts, which bounds memory whatever the batch's size.
const CHUNK_PER_THREAD: usize = 64;

/// What is printed on standard output for each file.
#[derive(Clone, Copy, PartialEq, Eq)]
enum View {
    None,
    Check,
    Changes,
    Diff { color: bool },
    Json,
}

/// Run a batch; see the module documentation for the modes.
pub fn run(args: &RunArgs) -> Result<ExitCode> {
    if args.inputs.iter().any(|p| p.as_os_str() == "-") {
        bail!("- (standard input) cannot be part of a batch; use --jsonl for streams");
    }
    let view = if args.check {
        View::Check
    } else if args.format == Format::Json {
        View::Json
    } else if args.changes {
        View::Changes
    } else if args.diff {
        View::Diff {
            color: super::use_color(args.color),
        }
    } else {
        View::None
    };
    if view == View::None && args.output.is_none() && !args.in_place {
        bail!("many inputs need -o DIR for the cleaned files (or --in-place, --check, --diff, --changes, --format json)");
    }
    let opts = options::build(args)?;
    let cleaner = Cleaner::new(&opts)?;
    if let Some(out) = &args.output {
        if out.exists() && !out.is_dir() {
            bail!(
                "{}: -o must name a directory for many inputs",
                out.display()
            );
        }
    }
    let plan = plan(
        &args.inputs,
        &PlanOptions {
            out_dir: args.output.clone(),
            globs: args.glob.clone(),
        },
    )?;
    super::memory::fit_to_files(plan.jobs.iter().map(|job| job.input.as_path()));
    let threads = args.jobs.map_or(0, usize::from);
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(threads)
        .build()?;
    let progress = Progress::new(plan.jobs.len(), args.quiet);
    for e in &plan.failures {
        progress.note(&format!("clean: error: {}", chain(e)));
        progress.counts.failed.fetch_add(1, Relaxed);
    }
    let work = Work {
        args,
        load: &opts.load,
        cleaner: &cleaner,
        view,
        progress: &progress,
    };
    let chunk = CHUNK_PER_THREAD * pool.current_num_threads();
    let mut stdout = std::io::stdout().lock();
    for jobs in plan.jobs.chunks(chunk) {
        let views: Vec<Option<String>> =
            pool.install(|| jobs.par_iter().map(|job| work.one(job)).collect());
        for v in views.into_iter().flatten() {
            stdout.write_all(v.as_bytes())?;
        }
    }
    stdout.flush()?;
    let summary = progress.finish();
    if !args.quiet {
        eprintln!("clean: {summary}");
    }
    let c = &progress.counts;
    Ok(if c.failed.load(Relaxed) > 0 {
        ExitCode::from(2)
    } else if args.check && c.changed.load(Relaxed) > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

/// What every job shares.
struct Work<'a> {
    args: &'a RunArgs,
    load: &'a ocrclean::LoadOptions,
    cleaner: &'a Cleaner,
    view: View,
    progress: &'a Progress,
}

impl Work<'_> {
    /// Clean one file; its view for standard output, if any. Failures are noted and
    /// counted, never returned: the batch goes on.
    fn one(&self, job: &Job) -> Option<String> {
        let counts = &self.progress.counts;
        let result = if !self.args.force && self.view == View::None && up_to_date(job) {
            counts.skipped.fetch_add(1, Relaxed);
            Ok(None)
        } else {
            self.clean(job)
        };
        let view = match result {
            Ok(v) => v,
            Err(e) => {
                counts.failed.fetch_add(1, Relaxed);
                self.progress.note(&format!("clean: error: {e:#}"));
                None
            }
        };
        self.progress.file_done();
        view
    }

    fn clean(&self, job: &Job) -> Result<Option<String>> {
        let loaded = input::load_path(&job.input, self.load)?;
        let report = self.cleaner.clean(loaded)?;
        for w in report.source.warnings() {
            self.progress.note(&format!("clean: warning: {w}"));
        }
        if let Some(out) = &job.output {
            if fsio::same_file(&job.input, out) {
                bail!("{}: the output would replace the input", out.display());
            }
            if let Some(dir) = out.parent() {
                std::fs::create_dir_all(dir).map_err(|source| ocrclean::Error::Io {
                    path: dir.to_path_buf(),
                    source,
                })?;
            }
            // No fsync per output: see docs/batch.md ("Durability").
            fsio::write_replace(out, report.output.as_bytes(), false)?;
        }
        if self.args.in_place && report.applied() > 0 {
            super::write_in_place(&job.input, &report.output, self.args.no_backup)?;
        }
        let c = &self.progress.counts;
        c.cleaned.fetch_add(1, Relaxed);
        c.pages.fetch_add(report.document.pages().len(), Relaxed);
        c.applied.fetch_add(report.applied(), Relaxed);
        c.not_applied.fetch_add(report.not_applied(), Relaxed);
        if report.applied() > 0 {
            c.changed.fetch_add(1, Relaxed);
        }
        Ok(render(self.view, &job.input, &report))
    }
}

/// One file's view for standard output.
fn render(view: View, path: &Path, report: &Report) -> Option<String> {
    let name = path.display().to_string();
    match view {
        View::None => None,
        View::Check => (report.applied() > 0).then(|| format!("{name}\n")),
        View::Changes => Some(
            output::changes::render(report)
                .lines()
                .map(|l| format!("{name}:{l}\n"))
                .collect(),
        ),
        View::Diff { color } => Some(report.diff(&name, color)),
        View::Json => Some(serde_json::to_string(&output::json::build(report)).ok()? + "\n"),
    }
}

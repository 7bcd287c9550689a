//! The batch progress bar (indicatif, on standard error, only when it is a terminal) and
//! the counters behind the closing summary.

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use std::io::IsTerminal;
use std::sync::atomic::{AtomicUsize, Ordering::Relaxed};
use std::time::{Duration, Instant};

/// Counters of a batch, shared by the worker threads.
#[derive(Default)]
pub struct Counts {
    /// Files cleaned (written or checked).
    pub cleaned: AtomicUsize,
    /// Files skipped because their output is newer than their input.
    pub skipped: AtomicUsize,
    /// Files that failed.
    pub failed: AtomicUsize,
    /// Files with at least one applied change.
    pub changed: AtomicUsize,
    /// Pages read.
    pub pages: AtomicUsize,
    /// Changes applied.
    pub applied: AtomicUsize,
    /// Changes reported but not applied.
    pub not_applied: AtomicUsize,
}

/// Progress of a batch: a bar when standard error is a terminal, nothing otherwise.
pub struct Progress {
    bar: ProgressBar,
    /// The counters.
    pub counts: Counts,
    started: Instant,
}

impl Progress {
    /// A progress display for `total` files; hidden when `quiet` or not on a terminal.
    pub fn new(total: usize, quiet: bool) -> Progress {
        let visible = !quiet && std::io::stderr().is_terminal();
        let bar = if visible {
            ProgressBar::with_draw_target(Some(total as u64), ProgressDrawTarget::stderr())
        } else {
            ProgressBar::hidden()
        };
        let style = ProgressStyle::with_template("{bar:30} {pos}/{len} files  {msg}  ETA {eta}")
            .unwrap_or_else(|_| ProgressStyle::default_bar());
        bar.set_style(style);
        if visible {
            bar.enable_steady_tick(Duration::from_millis(200));
        }
        Progress {
            bar,
            counts: Counts::default(),
            started: Instant::now(),
        }
    }

    /// One file is done: move the bar and refresh its message.
    pub fn file_done(&self) {
        self.bar.inc(1);
        if !self.bar.is_hidden() {
            let c = &self.counts;
            let rate = self.bar.position() as f64 / self.started.elapsed().as_secs_f64().max(1e-3);
            self.bar.set_message(format!(
                "{} pages, {} changes, {:.1} files/s",
                c.pages.load(Relaxed),
                c.applied.load(Relaxed),
                rate
            ));
        }
    }

    /// Print a line on standard error without breaking the bar.
    pub fn note(&self, line: &str) {
        self.bar.suspend(|| eprintln!("{line}"));
    }

    /// Remove the bar and give the closing summary line.
    pub fn finish(&self) -> String {
        self.bar.finish_and_clear();
        let c = &self.counts;
        let secs = self.started.elapsed().as_secs_f64();
        let cleaned = c.cleaned.load(Relaxed);
        let mut s = format!(
            "{} file(s) cleaned, {} changed; {} change(s) applied",
            cleaned,
            c.changed.load(Relaxed),
            c.applied.load(Relaxed)
        );
        let pending = c.not_applied.load(Relaxed);
        if pending > 0 {
            s.push_str(&format!(", {pending} not applied (see --all)"));
        }
        s.push_str(&format!(
            "; {} page(s) in {:.1} s ({:.0} files/s)",
            c.pages.load(Relaxed),
            secs,
            cleaned as f64 / secs.max(1e-9)
        ));
        let skipped = c.skipped.load(Relaxed);
        if skipped > 0 {
            s.push_str(&format!(
                "; {skipped} skipped, up to date (--force rewrites)"
            ));
        }
        let failed = c.failed.load(Relaxed);
        if failed > 0 {
            s.push_str(&format!("; {failed} FAILED (named above)"));
        }
        s
    }
}

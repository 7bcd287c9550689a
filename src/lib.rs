//! ocrclean: turn PDFs and OCR'd text into clean text, and show every change.
//!
//! Rules never mutate text: each proposes [`Edit`]s, the [`pipeline`] composes them onto
//! the original, and the output is the original with the accepted edits applied. The
//! diff, the change list and the JSON report are views of that one list.
//!
//! ```
//! let opts = ocrclean::Options::default();
//! let report = ocrclean::clean_text("The ﬁrst line  \n", &opts).unwrap();
//! assert_eq!(report.output, "The first line\n");
//! assert_eq!(report.changes.len(), 2);
//! ```
//!
//! The one entry point for any input is [`clean`]; the steps under it are
//! [`input::load`] (bytes to a [`Document`]), [`Cleaner::clean`] (run the rules, which
//! calls [`pipeline::run_with`] to decide and apply edits, see also [`edit::apply`]) and
//! [`Report::diff`] (render the decisions as a unified diff). [`config`] reads
//! `clean.toml`; [`batch`] plans many inputs onto many outputs.
//!
//! ```
//! use ocrclean::{clean, Input, Options};
//! let report = clean(Input::Text("ﬁve  \n".into()), &Options::default())?;
//! assert_eq!(report.output, "five\n");
//! print!("{}", report.diff("five.txt", false));
//! # Ok::<(), ocrclean::Error>(())
//! ```

pub mod batch;
pub mod config;
pub mod document;
pub mod edit;
pub mod error;
pub mod eval;
pub mod fsio;
#[doc(hidden)]
pub mod fuzz_checks;
pub mod input;
pub mod lexicon;
pub mod limits;
pub mod output;
pub mod pipeline;
pub mod review;
pub mod rules;
pub mod visible;
pub mod vocab;

pub use document::{Band, Document, LineLayout, Position};
pub use edit::{Edit, Safety};
pub use error::{Error, Result};
pub use input::{Input, LoadOptions, Source};
pub use pipeline::Change;
pub use rules::{Family, Rule, RuleInfo, Selection};

use std::path::Path;
use std::sync::Arc;

/// Options of a cleaning run.
#[derive(Clone, Debug, Default)]
pub struct Options {
    /// Which rules run.
    pub selection: Selection,
    /// Apply suggestions too (`--all`), not only safe edits.
    pub apply_suggestions: bool,
    /// How input is loaded.
    pub load: LoadOptions,
    /// Write one paragraph per line (`--unwrap`): adds the default-off unwrap rule
    /// unless it is ignored.
    pub unwrap: bool,
    /// User words (`--dict FILE`): always valid, never changed by a rule.
    pub words: lexicon::WordList,
    /// Edits whose confidence is below this are reported but not applied (`threshold` in
    /// the configuration; 0 applies every accepted edit).
    pub min_confidence: f32,
    /// User rules from the configuration, run as the `user` family.
    pub user_rules: Vec<Arc<rules::user::UserRule>>,
}

/// The result of cleaning one input.
#[derive(Clone, Debug)]
pub struct Report {
    /// How the input was read.
    pub source: Source,
    /// The original document.
    pub document: Document,
    /// Every change, sorted and non-overlapping, applied or not.
    pub changes: Vec<Change>,
    /// The cleaned text: the original with the applied changes.
    pub output: String,
}

impl Report {
    /// Number of changes applied to the output.
    pub fn applied(&self) -> usize {
        self.changes.iter().filter(|c| c.applied).count()
    }

    /// Page, line and column of an offset of the original text. For a PDF the page is the
    /// PDF's own page number, so `--pages 5-7` reports pages 5 to 7, not 1 to 3.
    pub fn position(&self, offset: usize) -> Position {
        let mut p = self.document.position(offset);
        if let Some(&n) = self
            .source
            .page_numbers
            .as_ref()
            .and_then(|numbers| numbers.get(p.page - 1))
        {
            p.page = n;
        }
        p
    }

    /// The edits the output holds, in order.
    pub fn applied_edits(&self) -> impl Iterator<Item = &Edit> {
        self.changes.iter().filter(|c| c.applied).map(|c| &c.edit)
    }

    /// Number of changes reported but not applied.
    pub fn not_applied(&self) -> usize {
        self.changes.len() - self.applied()
    }

    /// The applied changes as a unified diff (`--- a/NAME`, `+++ b/NAME`) that applies
    /// with `patch -p1`; `color` adds ANSI colours. Empty when nothing was applied.
    ///
    /// ```
    /// let report = ocrclean::clean_text("a  \n", &Default::default()).unwrap();
    /// let diff = report.diff("notes.txt", false);
    /// assert!(diff.starts_with("--- a/notes.txt\n+++ b/notes.txt\n"));
    /// assert!(diff.contains("-a  \n+a\n"));
    /// ```
    pub fn diff(&self, name: &str, color: bool) -> String {
        let edits: Vec<&Edit> = self.applied_edits().collect();
        let name = name.trim_start_matches('/');
        output::diff::unified(
            self.document.text(),
            &self.output,
            &edits,
            &format!("a/{name}"),
            &format!("b/{name}"),
            color,
        )
    }
}

/// The selected rules, ready to clean many documents (from many threads: it is `Sync`).
pub struct Cleaner {
    rules: Vec<Box<dyn Rule>>,
    apply_suggestions: bool,
    min_confidence: f32,
    limits: limits::Limits,
}

impl Cleaner {
    /// Build a cleaner; fails on an unknown rule code or family in the selection.
    ///
    /// ```
    /// let cleaner = ocrclean::Cleaner::new(&Default::default())?;
    /// let loaded = ocrclean::input::load(ocrclean::Input::Text("ﬁx".into()), &Default::default())?;
    /// assert_eq!(cleaner.clean(loaded)?.output, "fix");
    /// # Ok::<(), ocrclean::Error>(())
    /// ```
    pub fn new(opts: &Options) -> Result<Self> {
        let mut all = rules::registry();
        for rule in &opts.user_rules {
            all.push(Box::new(Arc::clone(rule)));
        }
        opts.selection.validate(&all)?;
        let unwrap = Selection {
            select: vec![rules::paragraph::UNWRAP.to_string()],
            ignore: opts.selection.ignore.clone(),
        };
        let rules = all
            .into_iter()
            .filter(|r| {
                opts.selection.includes(r.info()) || (opts.unwrap && unwrap.includes(r.info()))
            })
            .collect();
        Ok(Cleaner {
            rules,
            apply_suggestions: opts.apply_suggestions,
            min_confidence: opts.min_confidence,
            limits: opts.load.limits,
        })
    }

    /// Add a rule built at run time (e.g. the rule of pairs learned in review); it runs in
    /// its family's stage.
    pub fn add_rule(&mut self, rule: Box<dyn Rule>) {
        self.rules.push(rule);
    }

    /// The rules this cleaner runs.
    pub fn rules(&self) -> impl Iterator<Item = &dyn Rule> {
        self.rules.iter().map(|r| r.as_ref())
    }

    /// Clean a loaded input. Long texts are cleaned in segments (see [`limits`]), so the
    /// rules' working memory stays bounded; the run fails with [`Error::TimeLimit`] when
    /// the input's time budget runs out.
    pub fn clean(&self, loaded: input::Loaded) -> Result<Report> {
        let mut changes = Vec::new();
        let mut output = String::new();
        self.clean_segments(&loaded, |segment| {
            if segment.offset == 0 {
                output = segment.output;
                changes = segment.changes;
            } else {
                output.push_str(&segment.output);
                changes.extend(segment.changes);
            }
            Ok(())
        })?;
        Ok(Report {
            source: loaded.source,
            document: loaded.document,
            changes,
            output,
        })
    }

    /// Clean a loaded input segment by segment, handing each cleaned [`Segment`] to `each`
    /// in order: a caller that writes each one out and drops it holds only the input and
    /// one segment's work, whatever the size of the file (how `clean` writes a 1 GB text).
    /// Stops at the first error from `each` or when the time budget runs out.
    pub fn clean_segments(
        &self,
        loaded: &input::Loaded,
        mut each: impl FnMut(Segment) -> Result<()>,
    ) -> Result<()> {
        let rules: Vec<&dyn Rule> = self.rules().collect();
        let text = loaded.document.text();
        let path = &loaded.source.path;
        let deadline = loaded.deadline;
        let layout = loaded.document.layout();
        for segment in limits::segments(text, self.limits.segment_bytes()) {
            let offset = segment.start;
            // The layout facts of the segment's lines, in its own coordinates.
            let first = layout.partition_point(|l| l.range.start < segment.start);
            let facts: Vec<document::LineLayout> = layout[first..]
                .iter()
                .take_while(|l| l.range.end <= segment.end)
                .map(|l| document::LineLayout {
                    range: l.range.start - offset..l.range.end - offset,
                    ..l.clone()
                })
                .collect();
            let outcome = pipeline::run_laid_out(
                &text[segment],
                &facts,
                &rules,
                self.apply_suggestions,
                self.min_confidence,
                &deadline,
            )
            .ok_or_else(|| deadline.exceeded(path))?;
            let mut changes = outcome.changes;
            if offset > 0 {
                for c in &mut changes {
                    c.edit.range = c.edit.range.start + offset..c.edit.range.end + offset;
                }
            }
            each(Segment {
                offset,
                output: outcome.output,
                changes,
            })?;
        }
        deadline.check(path)
    }
}

/// One cleaned piece of a document, from [`Cleaner::clean_segments`].
#[derive(Clone, Debug)]
pub struct Segment {
    /// Where the piece starts in the original text.
    pub offset: usize,
    /// The cleaned piece.
    pub output: String,
    /// Its changes, in coordinates of the whole original text.
    pub changes: Vec<Change>,
}

/// Load and clean any [`Input`]: a file, bytes or text.
///
/// ```
/// use ocrclean::{clean, Input, Options};
/// let bytes = Input::Bytes { bytes: b"caf\xe9  \n".to_vec(), name: "old.txt".into() };
/// let report = clean(bytes, &Options::default())?;
/// assert_eq!(report.output, "café\n");
/// assert_eq!(report.source.encoding, "windows-1252");
/// # Ok::<(), ocrclean::Error>(())
/// ```
pub fn clean(input: Input, opts: &Options) -> Result<Report> {
    let cleaner = Cleaner::new(opts)?;
    cleaner.clean(input::load(input, &opts.load)?)
}

/// Load and clean a file (`-` for standard input).
pub fn clean_path(path: &Path, opts: &Options) -> Result<Report> {
    let cleaner = Cleaner::new(opts)?;
    cleaner.clean(input::load_path(path, &opts.load)?)
}

/// Clean text already in memory.
pub fn clean_text(text: &str, opts: &Options) -> Result<Report> {
    let cleaner = Cleaner::new(opts)?;
    let loaded = input::load_bytes(text.as_bytes().to_vec(), Path::new("-"), &opts.load)?;
    cleaner.clean(loaded)
}

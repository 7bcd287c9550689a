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

pub mod document;
pub mod edit;
pub mod error;
pub mod eval;
pub mod fsio;
pub mod input;
pub mod lexicon;
pub mod output;
pub mod pipeline;
pub mod review;
pub mod rules;
pub mod visible;
pub mod vocab;

pub use document::{Document, Position};
pub use edit::{Edit, Safety};
pub use error::{Error, Result};
pub use input::{LoadOptions, Source};
pub use pipeline::Change;
pub use rules::{Family, Rule, RuleInfo, Selection};

use std::path::Path;

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

    /// Number of changes reported but not applied.
    pub fn not_applied(&self) -> usize {
        self.changes.len() - self.applied()
    }
}

/// The selected rules, ready to clean many documents.
pub struct Cleaner {
    rules: Vec<Box<dyn Rule>>,
    apply_suggestions: bool,
}

impl Cleaner {
    /// Build a cleaner; fails on an unknown rule code or family in the selection.
    pub fn new(opts: &Options) -> Result<Self> {
        let all = rules::registry();
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

    /// Clean a loaded input.
    pub fn clean(&self, loaded: input::Loaded) -> Report {
        let rules: Vec<&dyn Rule> = self.rules().collect();
        let outcome = pipeline::run(loaded.document.text(), &rules, self.apply_suggestions);
        Report {
            source: loaded.source,
            document: loaded.document,
            changes: outcome.changes,
            output: outcome.output,
        }
    }
}

/// Load and clean a file (`-` for standard input).
pub fn clean_path(path: &Path, opts: &Options) -> Result<Report> {
    let cleaner = Cleaner::new(opts)?;
    Ok(cleaner.clean(input::load_path(path, &opts.load)?))
}

/// Clean text already in memory.
pub fn clean_text(text: &str, opts: &Options) -> Result<Report> {
    let cleaner = Cleaner::new(opts)?;
    let loaded = input::load_bytes(text.as_bytes().to_vec(), Path::new("-"), &opts.load)?;
    Ok(cleaner.clean(loaded))
}

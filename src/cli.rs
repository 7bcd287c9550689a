//! Command-line definitions (clap): modes, options and subcommands.

use clap::{Args, Parser, Subcommand, ValueEnum};
use std::path::PathBuf;

const EXAMPLES: &str = "\
Examples:
  clean scan.txt -o clean.txt        write the cleaned text
  clean --diff scan.txt              show what would change, as a unified diff
  clean --changes scan.txt           one line per change, with its rule and reason
  clean --format json scan.txt       every change as JSON
  clean --check scan.txt             exit 1 if anything would change
  cat scan.txt | clean - > out.txt   as a filter
  clean --in-place scan.txt          rewrite the file, keeping scan.txt.orig
  clean scan.txt --review -o out.txt step through every change and keep what you accept
  clean --decisions out.txt.decisions.json scan.txt -o out.txt   replay a review
  clean rules                        list every rule

Many files:
  clean a.txt b.txt -o out/          clean each into out/a.txt, out/b.txt
  clean scans/ -o cleaned/ -j 2      a whole tree, mirrored, two files at a time
  clean scans/ -o cleaned/ --glob 'vol1/**' --glob '!*.pdf'
  clean --check scans/               exit 1 if any file would change
  clean --changes scans/             changes of every file, each line led by its name

Streams and configuration:
  clean --jsonl < in.jsonl > out.jsonl   {\"id\", \"text\"|\"path\"} per line in, report per line out
  clean config --show                the effective configuration (clean.toml + flags)
  clean --config my.toml scan.txt    use this configuration instead of ./clean.toml
  clean man > clean.1                the manual page";

/// Turn OCR'd text into clean text, and show every change.
#[derive(Parser, Debug)]
#[command(name = "clean", version, about, after_help = EXAMPLES, args_conflicts_with_subcommands = true)]
pub struct Cli {
    /// A subcommand; without one, clean the input.
    #[command(subcommand)]
    pub command: Option<Command>,
    /// Options of a cleaning run.
    #[command(flatten)]
    pub run: RunArgs,
}

/// Subcommands.
#[derive(Subcommand, Debug)]
pub enum Command {
    /// List every rule with its code, family, summary and an example.
    Rules,
    /// Score the cleaner against ground truth: error rates before and after, words fixed
    /// and broken, and what each rule's edits did.
    Eval(EvalArgs),
    /// Print a shell completion script.
    Completions {
        /// The shell.
        shell: clap_complete::Shell,
    },
    /// Show the configuration in effect (clean.toml, then flags).
    Config {
        /// Print the effective configuration as TOML.
        #[arg(long)]
        show: bool,
        /// Configuration settings, as for a cleaning run.
        #[command(flatten)]
        settings: SettingsArgs,
    },
    /// Print the manual page (roff) on standard output, e.g. `clean man > clean.1`.
    Man,
}

/// Output format.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// Plain text (the cleaned text, a diff or a change list).
    Text,
    /// One JSON document with every change.
    Json,
}

/// Output format of `clean eval`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum EvalFormat {
    /// Tables: one row per set and the total, then the rules.
    Text,
    /// One JSON document with every set, the total and the per-rule counts.
    Json,
}

/// Which changes `--review` shows.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum ReviewScope {
    /// Every change, safe or suggestion.
    All,
    /// Only suggestions; safe changes are applied.
    Suggestions,
}

/// When to colour output.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum ColorChoice {
    /// When standard output is a terminal and NO_COLOR is not set.
    Auto,
    /// Always.
    Always,
    /// Never.
    Never,
}

/// Options of a cleaning run.
#[derive(Args, Debug)]
pub struct RunArgs {
    /// Input files (PDF or text) or directories, or - for standard
    /// input. More than one, or a directory, makes a batch.
    #[arg(default_value = "-", value_name = "INPUT")]
    pub inputs: Vec<PathBuf>,
    /// Write to this file instead of standard output; with many inputs or a directory, the
    /// directory that receives one .txt per input, mirroring the tree.
    #[arg(short, long, value_name = "FILE|DIR")]
    pub output: Option<PathBuf>,
    /// Batch: clean only walked files whose path (relative to the directory given) matches;
    /// `!GLOB` excludes. Default: *.txt and *.pdf. May be given more than once.
    #[arg(long, value_name = "GLOB")]
    pub glob: Vec<String>,
    /// Batch: rewrite outputs even when they are newer than their inputs.
    #[arg(long)]
    pub force: bool,
    /// Files (or JSON Lines chunks) cleaned at once; default: one per core.
    #[arg(short = 'j', long, value_name = "N", value_parser = clap::value_parser!(u16).range(1..))]
    pub jobs: Option<u16>,
    /// Read JSON Lines on standard input ({"id", "text"} or {"id", "path"} per line) and
    /// write one result per line, in input order.
    #[arg(long, conflicts_with_all = ["output", "in_place", "diff", "changes", "check", "format"])]
    pub jsonl: bool,
    /// Rewrite the input file (through a temporary file and rename), keeping FILE.orig.
    #[arg(long, conflicts_with = "output")]
    pub in_place: bool,
    /// With --in-place, keep no FILE.orig backup.
    #[arg(long, requires = "in_place")]
    pub no_backup: bool,
    /// Show a unified diff (applies with `patch`) instead of the cleaned text.
    #[arg(long, conflicts_with = "changes")]
    pub diff: bool,
    /// List the changes, one per line: page:line:col RULE 'old' → 'new' reason.
    #[arg(long)]
    pub changes: bool,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Text, conflicts_with_all = ["diff", "changes"])]
    pub format: Format,
    /// Write nothing; exit with 1 if any change would be applied.
    #[arg(long, conflicts_with_all = ["in_place", "output"])]
    pub check: bool,
    /// Colour the diff.
    #[arg(long, value_enum, default_value_t = ColorChoice::Auto)]
    pub color: ColorChoice,
    /// No summary line (and no progress bar) on standard error.
    #[arg(short, long)]
    pub quiet: bool,
    /// Write one paragraph per line, joining the lines of each paragraph.
    #[arg(long)]
    pub unwrap: bool,
    /// Decode text input with this encoding (a WHATWG label such as windows-1252).
    #[arg(long, value_name = "LABEL")]
    pub encoding: Option<String>,
    /// Refuse input with bytes that cannot be decoded.
    #[arg(long)]
    pub strict: bool,
    /// Step through every change in the terminal and keep what you accept; with
    /// `--review=suggestions` only the suggestions are shown and safe changes are applied.
    /// Each answer is saved at once to the decisions file; run again to resume.
    #[arg(long, value_enum, num_args = 0..=1, require_equals = true, default_missing_value = "all",
          value_name = "WHICH", conflicts_with_all = ["diff", "changes", "check", "in_place"])]
    pub review: Option<ReviewScope>,
    /// The decisions file of a review (default with --review: OUT.decisions.json beside -o
    /// OUT, else INPUT.decisions.json). Without --review, apply its saved answers without
    /// prompting.
    #[arg(long, value_name = "FILE")]
    pub decisions: Option<PathBuf>,
    /// Pairs and words learned from "always" answers in review (TOML; default with --review
    /// or --decisions: clean-learned.toml beside the decisions file). Loaded when it exists.
    #[arg(long, value_name = "FILE")]
    pub learn: Option<PathBuf>,
    /// PDF input: only these pages, e.g. 1-3,7 (5- runs to the end).
    #[arg(long, value_name = "PAGES")]
    pub pages: Option<String>,
    /// PDF input: the password of an encrypted PDF (the empty password is tried first).
    #[arg(long, value_name = "PASSWORD")]
    pub password: Option<String>,
    /// Print the input as read (PDF: the extracted text) with every rule off.
    #[arg(long, conflicts_with_all = ["select", "all"])]
    pub no_fix: bool,
    /// Rules, threshold, word lists and configuration file.
    #[command(flatten)]
    pub settings: SettingsArgs,
}

impl RunArgs {
    /// The single input of a one-file run.
    pub fn input(&self) -> &std::path::Path {
        self.inputs
            .first()
            .map_or(std::path::Path::new("-"), |p| p.as_path())
    }
}

/// Settings that a configuration file can also give; flags override it.
#[derive(Args, Debug, Clone, Default)]
pub struct SettingsArgs {
    /// Read this configuration file instead of looking for clean.toml in the working
    /// directory and its parents.
    #[arg(long, value_name = "FILE", conflicts_with = "no_config")]
    pub config: Option<PathBuf>,
    /// Use no configuration file.
    #[arg(long)]
    pub no_config: bool,
    /// Run only these rules: codes or family names, comma-separated.
    #[arg(long, value_delimiter = ',', value_name = "RULES")]
    pub select: Vec<String>,
    /// Never run these rules: codes or family names, comma-separated.
    #[arg(long, value_delimiter = ',', value_name = "RULES")]
    pub ignore: Vec<String>,
    /// Apply suggestions too, not only safe changes.
    #[arg(long)]
    pub all: bool,
    /// Apply only edits at least this confident (0 to 1); others are reported only.
    #[arg(long, value_name = "X")]
    pub threshold: Option<f32>,
    /// Words that are always valid and never changed: one per line, '#' starts a comment.
    /// May be given more than once.
    #[arg(long, value_name = "FILE")]
    pub dict: Vec<PathBuf>,
    /// Memory ceiling for one input, e.g. 512M or 4G (default 4G); larger inputs are refused
    /// and long texts are cleaned in segments that fit.
    #[arg(long, value_name = "SIZE")]
    pub memory_limit: Option<String>,
    /// Time budget for one input, e.g. 90s, 15m or none (default 15m); an input over it
    /// fails with exit code 2 and a batch goes on.
    #[arg(long, value_name = "TIME")]
    pub time_limit: Option<String>,
}

/// Options of `clean eval`.
#[derive(Args, Debug)]
#[command(after_help = "\
Examples:
  clean eval --truth truth.txt scan.txt          one document
  clean eval --no-hyphen corpus/real             every SET/ocr/*.txt against SET/truth/*.txt
  clean eval --input-name scan.pdf corpus/gen    every DOC/scan.pdf against DOC/truth.txt
  clean eval --format json --all corpus/real     with suggestions applied, as JSON")]
pub struct EvalArgs {
    /// A corpus directory; with --truth, the one input file to clean.
    pub path: PathBuf,
    /// The ground truth of the single input PATH.
    #[arg(long, value_name = "FILE")]
    pub truth: Option<PathBuf>,
    /// In DOC/truth.txt corpora, the input file beside the truth.
    #[arg(long, value_name = "NAME", default_value = "ocr.txt")]
    pub input_name: String,
    /// Fold hyphenation away on all sides before scoring (as score.py --no-hyphen).
    #[arg(long)]
    pub no_hyphen: bool,
    /// Output format.
    #[arg(long, value_enum, default_value_t = EvalFormat::Text)]
    pub format: EvalFormat,
    /// Also print the per-rule table of each set.
    #[arg(long)]
    pub rules_per_set: bool,
    /// Show up to N applied edits per rule and set that moved the text away from the
    /// truth, with the truth they were judged against.
    #[arg(long, value_name = "N", default_value_t = 0)]
    pub show_away: usize,
    /// Run only these rules: codes or family names, comma-separated.
    #[arg(long, value_delimiter = ',', value_name = "RULES")]
    pub select: Vec<String>,
    /// Never run these rules: codes or family names, comma-separated.
    #[arg(long, value_delimiter = ',', value_name = "RULES")]
    pub ignore: Vec<String>,
    /// Apply suggestions too, not only safe changes.
    #[arg(long)]
    pub all: bool,
    /// Decode text inputs with this encoding (a WHATWG label such as windows-1252).
    #[arg(long, value_name = "LABEL")]
    pub encoding: Option<String>,
    /// Words that are always right (one a line), as for a cleaning run; repeatable.
    #[arg(long, value_name = "FILE")]
    pub dict: Vec<PathBuf>,
}

//! Typed errors of the library. The binary maps every one of them to exit code 2.

use std::path::PathBuf;

/// Everything that can go wrong while loading or cleaning a document.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// Reading or writing a file failed. Displays the path only: the operating-system
    /// error is the error's `source()`, so chain-printing reporters (`{:#}` in anyhow,
    /// [`crate::error::chain`]) show it once.
    #[error("{path}")]
    Io {
        /// The file involved.
        path: PathBuf,
        /// The operating-system error.
        source: std::io::Error,
    },
    /// The input is a PDF and PDF support is not available for it.
    #[error("{path}: {reason}")]
    Pdf {
        /// The file involved.
        path: PathBuf,
        /// What went wrong.
        reason: String,
    },
    /// The input holds binary data, not text.
    #[error("{path}: not a text file ({reason})")]
    Binary {
        /// The file involved.
        path: PathBuf,
        /// Why it was judged binary.
        reason: String,
    },
    /// `--encoding` named an encoding that does not exist.
    #[error("unknown encoding label '{0}' (try utf-8, windows-1252, iso-8859-2, koi8-r, shift_jis, utf-16le …)")]
    UnknownEncoding(String),
    /// Some bytes could not be decoded and `--strict` was given.
    #[error("{path}: {count} byte sequence(s) are not valid {encoding} (first at byte {first}); refusing under --strict")]
    Undecodable {
        /// The file involved.
        path: PathBuf,
        /// How many malformed sequences were met.
        count: usize,
        /// Name of the encoding used.
        encoding: &'static str,
        /// Byte offset of the first malformed sequence in the input.
        first: usize,
    },
    /// A rule code or family name given to `--select` or `--ignore` is unknown.
    #[error("unknown rule or family '{0}' (see `clean rules`)")]
    UnknownRule(String),
    /// The input would need more memory than the per-input ceiling allows.
    #[error("{path}: too large for the memory limit: needs about {needed_mb} MiB, the limit is {limit_mb} MiB (raise it with --memory-limit)")]
    TooLarge {
        /// The file involved.
        path: PathBuf,
        /// The estimated need, in MiB.
        needed_mb: u64,
        /// The ceiling, in MiB.
        limit_mb: u64,
    },
    /// Loading and cleaning the input took longer than its time budget.
    #[error("{path}: stopped after the time limit of {seconds} s (raise it with --time-limit)")]
    TimeLimit {
        /// The file involved.
        path: PathBuf,
        /// The budget, in seconds.
        seconds: u64,
    },
    /// The arguments do not make sense together.
    #[error("{0}")]
    Usage(String),
    /// A configuration file (`clean.toml`) is malformed: a syntax error, an unknown key,
    /// a bad value or a bad regular expression.
    #[error("{path}:{line}: {key}: {message}")]
    Config {
        /// The configuration file.
        path: PathBuf,
        /// Line number, from 1 (0 when the position is unknown).
        line: usize,
        /// The key involved (dotted, e.g. `rules[2].find`), or `-` when none applies.
        key: String,
        /// What is wrong.
        message: String,
    },
}

/// An error and all its causes, joined by `": "`, as one line: what a reporter without
/// `anyhow` shows for a per-file failure.
///
/// ```
/// let e = ocrclean::input::load_path(std::path::Path::new("/no/such/file"), &Default::default())
///     .unwrap_err();
/// let line = ocrclean::error::chain(&e);
/// assert!(line.starts_with("/no/such/file: "));
/// ```
pub fn chain(e: &(dyn std::error::Error + 'static)) -> String {
    let mut out = e.to_string();
    let mut cur = e.source();
    while let Some(s) = cur {
        out.push_str(": ");
        out.push_str(&s.to_string());
        cur = s.source();
    }
    out
}

/// Result type of the library.
pub type Result<T, E = Error> = std::result::Result<T, E>;

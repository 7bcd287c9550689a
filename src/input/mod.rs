//! Loading input: sniff PDF or text, decode, and build the [`Document`].

pub mod pdf;
pub mod text;

use crate::document::Document;
use crate::error::{Error, Result};
use crate::limits::{Deadline, Limits};
use serde::Serialize;
use std::path::{Path, PathBuf};
use std::time::Instant;
pub use text::Malformed;

/// What kind of input a file was.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    /// A text file.
    Text,
    /// A PDF file.
    Pdf,
}

/// How to load input.
#[derive(Clone, Debug, Default)]
pub struct LoadOptions {
    /// An encoding label (`--encoding`) that overrides detection.
    pub encoding: Option<String>,
    /// Refuse input with undecodable bytes instead of reporting them.
    pub strict: bool,
    /// How to extract text from PDF input (pages, password).
    pub pdf: pdf::PdfOptions,
    /// The memory ceiling and time budget of one input.
    pub limits: Limits,
}

/// Where a document came from and how it was read.
#[derive(Clone, Debug, Serialize)]
pub struct Source {
    /// The input's name: a path, or `-` for standard input.
    pub path: PathBuf,
    /// Text or PDF.
    pub kind: Kind,
    /// The encoding the text was decoded from.
    pub encoding: &'static str,
    /// Whether the encoding was guessed by detection.
    pub encoding_detected: bool,
    /// Whether a byte-order mark was removed.
    pub bom: bool,
    /// Undecodable byte sequences (each replaced by U+FFFD in the text).
    pub undecodable: Option<Malformed>,
    /// PDF input: the page number of each page in the text, in order.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub page_numbers: Option<Vec<usize>>,
    /// Warnings from reading the input (PDF extraction: damaged or empty pages, unmapped
    /// glyphs).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub notes: Vec<String>,
}

impl Source {
    /// Warnings a user should see about how the input was read.
    pub fn warnings(&self) -> Vec<String> {
        let mut w: Vec<String> = self
            .notes
            .iter()
            .map(|n| format!("{}: {n}", self.path.display()))
            .collect();
        if let Some(m) = self.undecodable {
            w.push(format!(
                "{}: {} byte sequence(s) are not valid {} (first at byte {}); each became U+FFFD",
                self.path.display(),
                m.count,
                self.encoding,
                m.first_byte
            ));
        }
        w
    }
}

/// A loaded input: its document and where it came from.
#[derive(Clone, Debug)]
pub struct Loaded {
    /// How the input was read.
    pub source: Source,
    /// The document.
    pub document: Document,
    /// When the input's time budget runs out (counted from the start of loading).
    pub deadline: Deadline,
}

/// Whether `bytes` start like a PDF (`%PDF-` within the first kilobyte, as readers accept).
pub fn is_pdf(bytes: &[u8]) -> bool {
    memchr::memmem::find(&bytes[..bytes.len().min(1024)], b"%PDF-").is_some()
}

/// Load input from bytes; `path` names it in messages (`-` for standard input).
pub fn load_bytes(bytes: Vec<u8>, path: &Path, opts: &LoadOptions) -> Result<Loaded> {
    load_within(bytes, path, opts, opts.limits.deadline(Instant::now()))
}

/// [`load_bytes`] with the time budget counted from an earlier start (the start of reading).
fn load_within(
    bytes: Vec<u8>,
    path: &Path,
    opts: &LoadOptions,
    deadline: Deadline,
) -> Result<Loaded> {
    opts.limits.check_size(bytes.len() as u64, path)?;
    if is_pdf(&bytes) {
        let extracted = pdf::extract_within(&bytes, &opts.pdf, &deadline).map_err(|e| match e {
            pdf::PdfError::TimeLimit => deadline.exceeded(path),
            e => Error::Pdf {
                path: path.to_path_buf(),
                reason: e.to_string(),
            },
        })?;
        return Ok(Loaded {
            source: Source {
                path: path.to_path_buf(),
                kind: Kind::Pdf,
                encoding: "UTF-8",
                encoding_detected: false,
                bom: false,
                undecodable: None,
                page_numbers: Some(extracted.page_numbers),
                notes: extracted.warnings,
            },
            document: Document::with_layout(extracted.text, extracted.layout),
            deadline,
        });
    }
    let forced = match &opts.encoding {
        Some(label) => Some(
            encoding_rs::Encoding::for_label(label.as_bytes())
                .ok_or_else(|| Error::UnknownEncoding(label.clone()))?,
        ),
        None => None,
    };
    let decoded = text::decode(bytes, forced).map_err(|e| Error::Binary {
        path: path.to_path_buf(),
        reason: e.0,
    })?;
    if let (true, Some(m)) = (opts.strict, decoded.malformed) {
        return Err(Error::Undecodable {
            path: path.to_path_buf(),
            count: m.count,
            encoding: decoded.encoding.name(),
            first: m.first_byte,
        });
    }
    Ok(Loaded {
        source: Source {
            path: path.to_path_buf(),
            kind: Kind::Text,
            encoding: decoded.encoding.name(),
            encoding_detected: decoded.detected,
            bom: decoded.bom,
            undecodable: decoded.malformed,
            page_numbers: None,
            notes: Vec::new(),
        },
        document: Document::new(decoded.text),
        deadline,
    })
}

/// An input to clean: what [`crate::clean`] and [`load`] accept.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Input {
    /// A file; `-` reads standard input.
    Path(PathBuf),
    /// Bytes in any encoding, with the name used in messages and reports.
    Bytes {
        /// The content.
        bytes: Vec<u8>,
        /// Its name (a path, an id, or `-`).
        name: PathBuf,
    },
    /// Text already decoded; named `-`.
    Text(String),
}

impl From<&Path> for Input {
    fn from(p: &Path) -> Input {
        Input::Path(p.to_path_buf())
    }
}

impl From<String> for Input {
    fn from(s: String) -> Input {
        Input::Text(s)
    }
}

/// Load any [`Input`] into a document: read, sniff, decode.
///
/// ```
/// use ocrclean::input::{load, Input};
/// let loaded = load(Input::Text("one\x0ctwo".into()), &Default::default())?;
/// assert_eq!(loaded.document.pages().len(), 2);
/// let err = load(Input::Bytes { bytes: b"%PDF-1.7".to_vec(), name: "scan.pdf".into() },
///                &Default::default()).unwrap_err();
/// assert!(err.to_string().starts_with("scan.pdf: "));
/// # Ok::<(), ocrclean::Error>(())
/// ```
pub fn load(input: Input, opts: &LoadOptions) -> Result<Loaded> {
    match input {
        Input::Path(p) => load_path(&p, opts),
        Input::Bytes { bytes, name } => load_bytes(bytes, &name, opts),
        Input::Text(text) => {
            // Already text: never re-detect its encoding.
            let utf8 = LoadOptions {
                encoding: Some("utf-8".into()),
                ..opts.clone()
            };
            load_bytes(text.into_bytes(), Path::new("-"), &utf8)
        }
    }
}

/// Load a file (`-` reads standard input).
pub fn load_path(path: &Path, opts: &LoadOptions) -> Result<Loaded> {
    let io = |source| Error::Io {
        path: path.to_path_buf(),
        source,
    };
    let deadline = opts.limits.deadline(Instant::now());
    // Refuse what cannot fit before reading it; standard input is read up to the limit.
    let cap = opts.limits.max_input_bytes();
    let bytes = if path.as_os_str() == "-" {
        let mut buf = Vec::new();
        std::io::Read::read_to_end(
            &mut std::io::Read::take(std::io::stdin().lock(), cap.saturating_add(1)),
            &mut buf,
        )
        .map_err(io)?;
        buf
    } else {
        if let Ok(meta) = std::fs::metadata(path) {
            if meta.is_file() {
                opts.limits.check_size(meta.len(), path)?;
            }
        }
        let file = std::fs::File::open(path).map_err(io)?;
        let mut buf = Vec::new();
        std::io::Read::read_to_end(
            &mut std::io::Read::take(file, cap.saturating_add(1)),
            &mut buf,
        )
        .map_err(io)?;
        buf
    };
    load_within(bytes, path, opts, deadline)
}

//! PDF text extraction: lopdf reads the objects, streams and encryption; our own
//! content-stream interpreter ([`interpreter`]) places glyphs using the fonts ([`fonts`]),
//! and the layout analysis ([`layout`]) turns them into words, lines, blocks and columns in
//! reading order. Pages are joined by form feeds.

pub mod facts;
pub mod fonts;
mod guard;
pub mod interpreter;
pub mod layout;
pub mod objects;
mod repair;

use crate::limits::Deadline;
use std::ops::RangeInclusive;

/// How to extract text from a PDF.
#[derive(Clone, Debug, Default)]
pub struct PdfOptions {
    /// Only these pages (1-based, inclusive ranges); all pages when `None`.
    pub pages: Option<Vec<RangeInclusive<usize>>>,
    /// The password of an encrypted PDF (the empty user password is always tried first).
    pub password: Option<String>,
}

/// The text of a PDF and what happened while extracting it.
#[derive(Clone, Debug, Default)]
pub struct Extracted {
    /// The text, pages joined by form feeds (`\f`).
    pub text: String,
    /// The page number (1-based) of each page in `text`, in order.
    pub page_numbers: Vec<usize>,
    /// Things the user should know: damaged pages, pages without text, unmapped glyphs.
    pub warnings: Vec<String>,
    /// Glyphs whose Unicode text could not be known (each became U+FFFD).
    pub unmapped_glyphs: usize,
    /// Layout facts of the lines of `text` (font size against the page's body, gaps, top
    /// or bottom of the page), sorted by position; see [`facts`].
    pub layout: Vec<crate::document::LineLayout>,
}

/// Why a PDF yielded no text.
#[derive(Debug, thiserror::Error)]
pub enum PdfError {
    /// The file cannot be read as a PDF at all.
    #[error("cannot read this PDF: {0}")]
    Damaged(String),
    /// The PDF is encrypted and the empty user password does not open it.
    #[error("this PDF is encrypted; give its password with --password")]
    NeedsPassword,
    /// The given password opens neither the user nor the owner lock.
    #[error("wrong password for this encrypted PDF")]
    WrongPassword,
    /// `--pages` selects no page of the document.
    #[error("--pages selects no page (the PDF has {0} pages)")]
    NoPagesSelected(usize),
    /// The time budget ran out during extraction.
    #[error("stopped after the time limit")]
    TimeLimit,
    /// No selected page has any text.
    #[error("no text layer on {0}: this PDF needs OCR first, e.g. with ocrmypdf")]
    NoText(String),
}

/// Parse a page selection such as `1-3,7` (1-based, inclusive; `5-` runs to the end).
pub fn parse_pages(spec: &str) -> Result<Vec<RangeInclusive<usize>>, String> {
    let bad = || format!("bad page selection '{spec}' (expected e.g. 1-3,7)");
    let mut out = Vec::new();
    for part in spec.split(',').map(str::trim).filter(|p| !p.is_empty()) {
        let (a, b) = match part.split_once('-') {
            Some((a, b)) => (a.trim(), b.trim()),
            None => (part, part),
        };
        let a: usize = a.parse().map_err(|_| bad())?;
        let b: usize = if b.is_empty() {
            usize::MAX
        } else {
            b.parse().map_err(|_| bad())?
        };
        if a == 0 || b < a {
            return Err(bad());
        }
        out.push(a..=b);
    }
    if out.is_empty() {
        return Err(bad());
    }
    Ok(out)
}

/// "page 3" or "pages 1–3, 7".
pub fn pages_phrase(pages: &[usize]) -> String {
    if pages.len() == 1 {
        format!("page {}", pages[0])
    } else {
        format!("pages {}", format_pages(pages))
    }
}

/// Format page numbers compactly: `1–3, 7`.
pub fn format_pages(pages: &[usize]) -> String {
    let mut parts = Vec::new();
    let mut i = 0;
    while i < pages.len() {
        let mut j = i;
        while j + 1 < pages.len() && pages[j + 1] == pages[j] + 1 {
            j += 1;
        }
        parts.push(if j > i {
            format!("{}–{}", pages[i], pages[j])
        } else {
            pages[i].to_string()
        });
        i = j + 1;
    }
    parts.join(", ")
}

fn load(bytes: &[u8], opts: &PdfOptions) -> Result<(lopdf::Document, Vec<String>), PdfError> {
    let lopts = || lopdf::LoadOptions {
        password: opts.password.clone(),
        ..Default::default()
    };
    guard::check_object_streams(bytes).map_err(PdfError::Damaged)?;
    let first = catch(|| lopdf::Document::load_mem_with_options(bytes, lopts()));
    let mut warnings = Vec::new();
    let doc = match first {
        Ok(Ok(d)) if !d.get_pages().is_empty() || d.is_encrypted() => d,
        Ok(Err(lopdf::Error::InvalidPassword)) => {
            return Err(if opts.password.is_some() {
                PdfError::WrongPassword
            } else {
                PdfError::NeedsPassword
            })
        }
        other => {
            let reason = match other {
                Ok(Ok(_)) => "no pages found".to_string(),
                Ok(Err(e)) => e.to_string(),
                Err(p) => p,
            };
            let repaired = repair::rebuild(bytes)
                .and_then(|b| catch(|| lopdf::Document::load_mem_with_options(&b, lopts())).ok())
                .and_then(Result::ok)
                .filter(|d| !d.get_pages().is_empty());
            match repaired {
                Some(d) => {
                    warnings.push(format!(
                        "the file is damaged ({reason}); its cross-reference table was rebuilt, so text may be incomplete"
                    ));
                    d
                }
                None => return Err(PdfError::Damaged(reason)),
            }
        }
    };
    if doc.is_encrypted() {
        return Err(if opts.password.is_some() {
            PdfError::WrongPassword
        } else {
            PdfError::NeedsPassword
        });
    }
    Ok((doc, warnings))
}

/// Run `f`, turning a panic inside a dependency into an error message.
fn catch<T>(f: impl FnOnce() -> T) -> Result<T, String> {
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(f)).map_err(|p| {
        p.downcast_ref::<&str>()
            .map(|s| s.to_string())
            .or_else(|| p.downcast_ref::<String>().cloned())
            .unwrap_or_else(|| "internal error in the PDF reader".into())
    })
}

/// Extract the text of a PDF held in memory.
pub fn extract(bytes: &[u8], opts: &PdfOptions) -> Result<Extracted, PdfError> {
    extract_within(bytes, opts, &Deadline::none())
}

/// [`extract`], giving up with [`PdfError::TimeLimit`] when `deadline` passes (checked
/// after loading and after each page).
pub fn extract_within(
    bytes: &[u8],
    opts: &PdfOptions,
    deadline: &Deadline,
) -> Result<Extracted, PdfError> {
    let (doc, mut warnings) = load(bytes, opts)?;
    let pages = doc.get_pages();
    let total = pages.len();
    let selected: Vec<(usize, lopdf::ObjectId)> = pages
        .iter()
        .map(|(&n, &id)| (n as usize, id))
        .filter(|(n, _)| {
            opts.pages
                .as_ref()
                .is_none_or(|r| r.iter().any(|r| r.contains(n)))
        })
        .collect();
    if selected.is_empty() {
        return Err(PdfError::NoPagesSelected(total));
    }
    if let Some(ranges) = &opts.pages {
        let missing: Vec<usize> = ranges
            .iter()
            .filter(|r| *r.end() != usize::MAX)
            .flat_map(|r| r.clone().take(10_000))
            .filter(|&p| p > total)
            .collect();
        if !missing.is_empty() {
            warnings.push(format!(
                "{} not in the PDF (it has {total} pages)",
                pages_phrase(&missing)
            ));
        }
    }
    let mut cache = interpreter::FontCache::default();
    let mut out = Extracted::default();
    let mut empty = Vec::new();
    let mut lost = Vec::new();
    let mut unmapped_pages = Vec::new();
    for (k, (n, id)) in selected.iter().enumerate() {
        if deadline.expired() {
            return Err(PdfError::TimeLimit);
        }
        let page = catch(|| interpreter::run_page(&doc, *id, &mut cache));
        if k > 0 {
            out.text.push('\x0c');
        }
        let text = match page {
            Ok(content) => {
                for p in &content.problems {
                    warnings.push(format!("page {n}: {p}"));
                }
                if content.unmapped > 0 {
                    out.unmapped_glyphs += content.unmapped;
                    unmapped_pages.push(*n);
                }
                let page = layout::page_layout(&content.glyphs);
                out.layout.extend(facts::line_facts(&page, out.text.len()));
                let text = page.text;
                if text.trim().is_empty() {
                    if content.problems.is_empty() {
                        empty.push(*n);
                    } else {
                        lost.push(*n);
                    }
                }
                text
            }
            Err(e) => {
                warnings.push(format!("page {n}: {e}"));
                lost.push(*n);
                String::new()
            }
        };
        out.text.push_str(&text);
        out.page_numbers.push(*n);
    }
    if empty.len() + lost.len() == selected.len() {
        if lost.is_empty() {
            return Err(PdfError::NoText(pages_phrase(&empty)));
        }
        let first = warnings.last().cloned().unwrap_or_default();
        return Err(PdfError::Damaged(format!(
            "no page could be read ({} lost; {first})",
            pages_phrase(&lost)
        )));
    }
    if !lost.is_empty() {
        warnings.push(format!(
            "text lost on {} (damaged content)",
            pages_phrase(&lost)
        ));
    }
    if !empty.is_empty() {
        warnings.push(format!(
            "no text layer on {}: OCR them first, e.g. with ocrmypdf",
            pages_phrase(&empty)
        ));
    }
    if out.unmapped_glyphs > 0 {
        warnings.push(format!(
            "{} glyph(s) on {} have no Unicode mapping in their fonts; each became U+FFFD",
            out.unmapped_glyphs,
            pages_phrase(&unmapped_pages)
        ));
    }
    out.warnings = warnings;
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn page_specs() {
        assert_eq!(parse_pages("1-3,7").unwrap(), vec![1..=3, 7..=7]);
        assert_eq!(parse_pages("5-").unwrap(), vec![5..=usize::MAX]);
        assert!(parse_pages("0").is_err());
        assert!(parse_pages("3-1").is_err());
        assert!(parse_pages("x").is_err());
        assert_eq!(format_pages(&[1, 2, 3, 7, 9, 10]), "1–3, 7, 9–10");
        assert_eq!(pages_phrase(&[4]), "page 4");
        assert_eq!(pages_phrase(&[4, 5]), "pages 4–5");
    }
}

//! The document model: one text buffer, its pages and a line index.
//!
//! Pages are separated by form feeds (`\f`), as `pdftotext` and Tesseract write them, so a
//! page keeps its identity through the pipeline. Lines end at `\n`, `\r\n`, `\r` or `\f`;
//! the buffer keeps the input's line endings byte for byte.

use serde::Serialize;
use std::ops::Range;

/// A place in the document for humans: page, line within the page and column (all 1-based;
/// the column counts characters, not bytes).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct Position {
    /// Page number, from 1.
    pub page: usize,
    /// Line number within the page, from 1.
    pub line: usize,
    /// Column in characters, from 1.
    pub column: usize,
}

/// Where a line stands in the page's vertical order of text.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Band {
    /// No text of the page lies above it: where a running head is printed.
    Top,
    /// Text lies above and below it.
    Body,
    /// No text of the page lies below it: where a running foot is printed.
    Bottom,
}

/// Layout facts about one printed line that a PDF shows and plain text does not: how big
/// it is set against the page's body text, how far it stands from its neighbours, and
/// where it sits on the page. The PDF input gives them (see
/// [`crate::input::pdf::Extracted::layout`]); text input has none. Rules read them through
/// [`crate::rules::Context::line_layout`], to tell a running head from a title on a page
/// where nothing recurs.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct LineLayout {
    /// Byte range of the line's text in the document (without the indentation the PDF
    /// reader writes before it, and without its line end).
    pub range: Range<usize>,
    /// Font size relative to the page's body text (1.0 is body size; a title is larger).
    pub size: f32,
    /// Baseline distance to the nearest line above that shares part of its width, in body
    /// line spacings (1.0 is the next line of a paragraph); `None` when nothing is above.
    pub gap_above: Option<f32>,
    /// Baseline distance to the nearest line below that shares part of its width, in body
    /// line spacings; `None` when nothing is below.
    pub gap_below: Option<f32>,
    /// Whether it is the page's top or bottom line, or between.
    pub band: Band,
    /// Whether it crosses the gutter between the columns of the text below or above it.
    pub spans_columns: bool,
    /// Whether it is centred on the page's body text (and does not fill its width).
    pub centred: bool,
}

/// One text buffer with page spans and a line index.
#[derive(Clone, Debug)]
pub struct Document {
    text: String,
    /// Layout facts of the lines, sorted by position (PDF input only).
    layout: Vec<LineLayout>,
    /// Byte offset where each line starts (the first is 0).
    line_starts: Vec<usize>,
    /// Index into `line_starts` of the first line of each page.
    page_first_line: Vec<usize>,
    /// Byte range of each page (without the form feed that ends it).
    pages: Vec<Range<usize>>,
}

impl Document {
    /// Index `text` into pages and lines.
    pub fn new(text: String) -> Self {
        let bytes = text.as_bytes();
        let mut line_starts = vec![0];
        let mut page_first_line = vec![0];
        let mut pages = Vec::new();
        let mut page_start = 0;
        for i in memchr::memchr3_iter(b'\n', b'\r', b'\x0c', bytes) {
            match bytes[i] {
                b'\r' if bytes.get(i + 1) == Some(&b'\n') => continue,
                b'\x0c' => {
                    pages.push(page_start..i);
                    page_start = i + 1;
                    line_starts.push(i + 1);
                    page_first_line.push(line_starts.len() - 1);
                }
                _ => line_starts.push(i + 1),
            }
        }
        pages.push(page_start..bytes.len());
        Document {
            text,
            layout: Vec::new(),
            line_starts,
            page_first_line,
            pages,
        }
    }

    /// Index `text` and keep the layout facts of its lines (as the PDF input gives them;
    /// entries that are not sorted, overlap or lie outside the text are dropped).
    pub fn with_layout(text: String, mut layout: Vec<LineLayout>) -> Self {
        let mut doc = Document::new(text);
        layout.sort_by_key(|l| (l.range.start, l.range.end));
        let mut end = 0;
        layout.retain(|l| {
            let ok = l.range.start >= end
                && l.range.start <= l.range.end
                && doc.text.get(l.range.clone()).is_some();
            if ok {
                end = l.range.end;
            }
            ok
        });
        doc.layout = layout;
        doc
    }

    /// Layout facts of the lines, sorted by position: empty for text input.
    pub fn layout(&self) -> &[LineLayout] {
        &self.layout
    }

    /// The whole text.
    pub fn text(&self) -> &str {
        &self.text
    }

    /// Consume the document, returning its text.
    pub fn into_text(self) -> String {
        self.text
    }

    /// Byte ranges of the pages (a text without form feeds is one page).
    pub fn pages(&self) -> &[Range<usize>] {
        &self.pages
    }

    /// Number of lines (a trailing line ending does not open a counted empty line).
    pub fn line_count(&self) -> usize {
        let n = self.line_starts.len();
        if n > 1 && self.line_starts[n - 1] == self.text.len() {
            n - 1
        } else {
            n
        }
    }

    /// Page, line and column of a byte offset (clamped to the text).
    pub fn position(&self, offset: usize) -> Position {
        let offset = offset.min(self.text.len());
        let line_idx = self.line_starts.partition_point(|&s| s <= offset) - 1;
        let page_idx = self.page_first_line.partition_point(|&l| l <= line_idx) - 1;
        let line_start = self.line_starts[line_idx];
        let mut col_end = offset;
        while !self.text.is_char_boundary(col_end) {
            col_end -= 1;
        }
        Position {
            page: page_idx + 1,
            line: line_idx - self.page_first_line[page_idx] + 1,
            column: self.text[line_start..col_end].chars().count() + 1,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn positions_across_pages_and_line_endings() {
        let d = Document::new("ab\r\ncd\rэf\n\x0cgh\nij".to_string());
        assert_eq!(d.pages().len(), 2);
        assert_eq!(
            d.position(0),
            Position {
                page: 1,
                line: 1,
                column: 1
            }
        );
        assert_eq!(d.position(5).line, 2);
        let e = d.text().find('f').unwrap();
        assert_eq!(
            d.position(e),
            Position {
                page: 1,
                line: 3,
                column: 2
            }
        );
        let i = d.text().find('i').unwrap();
        assert_eq!(
            d.position(i),
            Position {
                page: 2,
                line: 2,
                column: 1
            }
        );
    }

    #[test]
    fn offset_inside_a_character_is_clamped() {
        let d = Document::new("é".to_string());
        assert_eq!(d.position(1).column, 1);
        assert_eq!(d.position(99).column, 2);
    }

    #[test]
    fn line_count_ignores_final_newline() {
        assert_eq!(Document::new("a\nb\n".into()).line_count(), 2);
        assert_eq!(Document::new("".into()).line_count(), 1);
    }

    #[test]
    fn layout_is_sorted_and_bad_entries_dropped() {
        let fact = |start: usize, end: usize| LineLayout {
            range: start..end,
            size: 1.0,
            gap_above: None,
            gap_below: None,
            band: Band::Body,
            spans_columns: false,
            centred: false,
        };
        // Out of order, overlapping, past the end, inside a character.
        let d = Document::with_layout(
            "héad\nbody\n".to_string(),
            vec![fact(6, 10), fact(0, 5), fact(3, 8), fact(9, 40), fact(0, 2)],
        );
        let kept: Vec<_> = d.layout().iter().map(|l| l.range.clone()).collect();
        assert_eq!(kept, vec![0..5, 6..10]);
        assert!(Document::new("x".into()).layout().is_empty());
    }
}

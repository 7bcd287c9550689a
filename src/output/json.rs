//! The JSON report: input, how it was read, every change with its position, and totals.
//! The schema is documented in the README and versioned by `schema`.

use crate::input::Source;
use crate::{Report, Safety};
use serde::Serialize;

/// Version of the JSON schema; bumped on any incompatible change.
pub const SCHEMA_VERSION: u32 = 1;

/// One change as it appears in JSON.
#[derive(Serialize)]
pub struct JsonChange<'a> {
    /// Byte offset where the change starts in the (decoded, UTF-8) input text.
    pub start: usize,
    /// Byte offset where it ends.
    pub end: usize,
    /// Page number, from 1.
    pub page: usize,
    /// Line within the page, from 1.
    pub line: usize,
    /// Column in characters, from 1.
    pub column: usize,
    /// The input text replaced.
    pub old: &'a str,
    /// The replacement.
    pub new: &'a str,
    /// Rule code(s), joined by `+` when stages merged.
    pub rule: &'a str,
    /// From 0 to 1.
    pub confidence: f32,
    /// `safe` or `suggestion`.
    pub safety: Safety,
    /// Whether the output holds it.
    pub applied: bool,
    /// Why.
    pub reason: &'a str,
}

/// Counts over all changes.
#[derive(Serialize)]
pub struct Totals {
    /// All changes.
    pub changes: usize,
    /// Changes in the output.
    pub applied: usize,
    /// Changes not in the output.
    pub not_applied: usize,
    /// Safe changes.
    pub safe: usize,
    /// Suggestions.
    pub suggestions: usize,
}

/// The whole JSON document.
#[derive(Serialize)]
pub struct JsonReport<'a> {
    /// Schema version.
    pub schema: u32,
    /// Input and how it was read.
    pub input: &'a Source,
    /// Pages in the input.
    pub pages: usize,
    /// Lines in the input.
    pub lines: usize,
    /// Bytes of decoded input text.
    pub bytes: usize,
    /// Every change.
    pub changes: Vec<JsonChange<'a>>,
    /// Totals.
    pub totals: Totals,
    /// The cleaned text.
    pub output: &'a str,
}

/// Build the JSON view of a report.
pub fn build(report: &Report) -> JsonReport<'_> {
    let text = report.document.text();
    let changes: Vec<JsonChange> = report
        .changes
        .iter()
        .map(|c| {
            let e = &c.edit;
            let p = report.position(e.range.start);
            JsonChange {
                start: e.range.start,
                end: e.range.end,
                page: p.page,
                line: p.line,
                column: p.column,
                old: &text[e.range.clone()],
                new: &e.replacement,
                rule: &e.rule,
                confidence: e.confidence,
                safety: e.safety,
                applied: c.applied,
                reason: &e.reason,
            }
        })
        .collect();
    let safe = changes.iter().filter(|c| c.safety == Safety::Safe).count();
    let applied = report.applied();
    JsonReport {
        schema: SCHEMA_VERSION,
        input: &report.source,
        pages: report.document.pages().len(),
        lines: report.document.line_count(),
        bytes: text.len(),
        totals: Totals {
            changes: changes.len(),
            applied,
            not_applied: changes.len() - applied,
            safe,
            suggestions: changes.len() - safe,
        },
        changes,
        output: &report.output,
    }
}

/// Render the JSON report, pretty-printed.
pub fn render(report: &Report) -> String {
    serde_json::to_string_pretty(&build(report)).unwrap_or_default() + "\n"
}

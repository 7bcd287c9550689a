//! The change list: one line per edit, `page:line:col  RULE  'old' → 'new'  reason`.

use super::visible;
use crate::Report;
use std::fmt::Write;

/// Render every change of a report, one per line.
pub fn render(report: &Report) -> String {
    let mut out = String::new();
    let text = report.document.text();
    for c in &report.changes {
        let e = &c.edit;
        let p = report.position(e.range.start);
        let status = if c.applied {
            ""
        } else {
            "  [suggestion, not applied]"
        };
        let _ = writeln!(
            out,
            "{}:{}:{}  {}  '{}' → '{}'  {}{}",
            p.page,
            p.line,
            p.column,
            e.rule,
            visible(&text[e.range.clone()]),
            visible(&e.replacement),
            e.reason,
            status
        );
    }
    out
}

//! Views of a report: the change list, the unified diff, the JSON document and the
//! one-line summary.

pub mod changes;
pub mod diff;
pub mod json;

use crate::Report;

/// Show a piece of text on one line with invisible characters made visible
/// (`\n`, `\t`, `\f`, `\u{a0}` …), so a change list never prints a bare control character.
pub fn visible(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            '\x0c' => out.push_str("\\f"),
            '\\' => out.push_str("\\\\"),
            c if c.is_control()
                || matches!(c, '\u{a0}' | '\u{ad}' | '\u{200b}'..='\u{200f}' | '\u{2000}'..='\u{200a}' | '\u{2028}'..='\u{202f}' | '\u{205f}'..='\u{206f}' | '\u{feff}' | '\u{3000}') =>
            {
                out.push_str(&format!("\\u{{{:x}}}", c as u32));
            }
            c => out.push(c),
        }
    }
    out
}

/// The one-line summary printed on stderr after a run.
pub fn summary(report: &Report) -> String {
    let applied = report.applied();
    let pending = report.not_applied();
    let mut s = match applied {
        0 => "no changes applied".to_string(),
        1 => "1 change applied".to_string(),
        n => format!("{n} changes applied"),
    };
    if pending > 0 {
        let noun = if pending == 1 {
            "suggestion"
        } else {
            "suggestions"
        };
        s.push_str(&format!(
            ", {pending} {noun} not applied — see --all or --review"
        ));
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn visible_escapes_invisibles() {
        assert_eq!(visible("a\nb\u{a0}c\u{7}"), "a\\nb\\u{a0}c\\u{7}");
        assert_eq!(visible("plain ’text’"), "plain ’text’");
    }
}

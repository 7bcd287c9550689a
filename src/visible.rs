//! Making invisible characters visible in one-line messages.

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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn visible_escapes_invisibles() {
        assert_eq!(visible("a\nb\u{a0}c\u{7}"), "a\\nb\\u{a0}c\\u{7}");
        assert_eq!(visible("plain ’text’"), "plain ’text’");
    }
}

//! Joining a word that a line end split in two, keeping the line structure: the rest of
//! the word moves up to the first line ("organi-\nsation is" → "organisation\nis").

use super::scan::line_break_len;
use std::ops::Range;

fn is_blank(b: u8) -> bool {
    b == b' ' || b == b'\t'
}

/// The edit (range and replacement) that removes `marker` (the soft hyphen or hyphen that
/// ends the first part), the line break after it and the indentation of the next line, puts
/// `glue` at the join ("" to close up, "-" to keep a hyphen) and moves the rest of the word
/// up. `None` when no line break follows `marker` or the next line does not start with a
/// word (a letter or digit).
pub fn join_word(text: &str, marker: Range<usize>, glue: &str) -> Option<(Range<usize>, String)> {
    let bytes = text.as_bytes();
    let mut b = marker.end;
    while b < bytes.len() && is_blank(bytes[b]) {
        b += 1;
    }
    let blen = line_break_len(bytes, b);
    if blen == 0 {
        return None;
    }
    let line_break = &text[b..b + blen];
    let mut w = b + blen;
    while w < bytes.len() && is_blank(bytes[w]) {
        w += 1;
    }
    let we = w + text[w..]
        .find(|c: char| c.is_whitespace())
        .unwrap_or(text.len() - w);
    if !text[w..we].starts_with(char::is_alphanumeric) {
        return None;
    }
    let mut end = we;
    while end < bytes.len() && is_blank(bytes[end]) {
        end += 1;
    }
    let rest_of_line_empty = end == bytes.len() || line_break_len(bytes, end) > 0;
    let mut replacement = String::with_capacity(glue.len() + (we - w) + blen);
    replacement.push_str(glue);
    replacement.push_str(&text[w..we]);
    if !rest_of_line_empty {
        replacement.push_str(line_break);
    }
    Some((marker.start..end, replacement))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn join(text: &str, marker: &str, glue: &str) -> String {
        let s = text.find(marker).unwrap();
        let (r, rep) = join_word(text, s..s + marker.len(), glue).unwrap();
        format!("{}{}{}", &text[..r.start], rep, &text[r.end..])
    }

    #[test]
    fn moves_rest_of_word_up() {
        assert_eq!(
            join("organi-\nsation is here", "-", ""),
            "organisation\nis here"
        );
        assert_eq!(
            join("organi-\r\n  sation.\nNext", "-", ""),
            "organisation.\nNext"
        );
        assert_eq!(join("freedom- \nfighters", "-", "-"), "freedom-fighters");
    }

    #[test]
    fn needs_a_line_break_and_a_word() {
        assert!(join_word("a-b", 1..2, "").is_none());
        assert!(join_word("a-\n\nb", 1..2, "").is_none());
    }
}

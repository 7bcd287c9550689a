//! Byte offsets to line numbers, and TOML errors to [`Error::Config`].

use crate::error::Error;
use std::ops::Range;
use std::path::Path;

/// The line (from 1) holding byte `offset` of `text`.
pub fn line_of(text: &str, offset: usize) -> usize {
    let end = offset.min(text.len());
    text.as_bytes()[..end]
        .iter()
        .filter(|&&b| b == b'\n')
        .count()
        + 1
}

/// The line of the first `key = …` at the start of a line (0 when absent).
pub fn line_of_key(text: &str, key: &str) -> usize {
    line_of_key_in(text, &(0..text.len()), key).unwrap_or(0)
}

/// The line of the first `key = …` in the table that starts within `range` of `text`
/// (from `range.start` to the end of `range` or the next table header, whichever is later).
pub fn line_of_key_in(text: &str, range: &Range<usize>, key: &str) -> Option<usize> {
    let mut offset = 0;
    for line in text.split_inclusive('\n') {
        let start = offset;
        offset += line.len();
        if start + line.len() <= range.start {
            continue;
        }
        let t = line.trim_start();
        if start >= range.end && t.starts_with('[') {
            return None;
        }
        let name = t.split('=').next().unwrap_or("").trim().trim_matches('"');
        if t.contains('=') && name == key {
            return Some(line_of(text, start));
        }
    }
    None
}

/// A TOML parse or schema error as [`Error::Config`]: its line from the error's span, and
/// the key from the text at that span (or `-`).
pub fn toml_error(e: &toml::de::Error, text: &str, path: &Path) -> Error {
    let span = e.span();
    let line = span.as_ref().map_or(0, |s| line_of(text, s.start));
    let key = span
        .and_then(|s| text.get(s))
        .map(|k| k.trim().trim_matches('"'))
        .filter(|k| {
            !k.is_empty()
                && k.len() <= 64
                && k.chars()
                    .all(|c| c.is_alphanumeric() || c == '_' || c == '-' || c == '.')
        })
        .unwrap_or("-")
        .to_string();
    Error::Config {
        path: path.to_path_buf(),
        line,
        key,
        message: e.message().trim().replace('\n', " "),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines() {
        let t = "a = 1\nb = 2\n[[rules]]\ncode = \"X\"\n";
        assert_eq!(line_of(t, 0), 1);
        assert_eq!(line_of(t, 6), 2);
        assert_eq!(line_of_key(t, "b"), 2);
        assert_eq!(line_of_key(t, "zz"), 0);
        assert_eq!(line_of_key_in(t, &(16..t.len()), "code"), Some(4));
    }
}

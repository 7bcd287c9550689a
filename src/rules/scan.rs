//! Fast scanning helpers shared by rules: most text is ASCII, so rules that look for other
//! characters skip ASCII eight bytes at a time.

/// Offset of the next byte ≥ 0x80 at or after `from`.
pub fn next_non_ascii(bytes: &[u8], from: usize) -> Option<usize> {
    let mut i = from;
    while i + 8 <= bytes.len() {
        let mut chunk = [0u8; 8];
        chunk.copy_from_slice(&bytes[i..i + 8]);
        if u64::from_ne_bytes(chunk) & 0x8080_8080_8080_8080 != 0 {
            break;
        }
        i += 8;
    }
    bytes[i.min(bytes.len())..]
        .iter()
        .position(|&b| b >= 0x80)
        .map(|p| p + i)
}

/// Every non-ASCII character of `text` with its byte offset.
pub fn non_ascii_chars(text: &str) -> impl Iterator<Item = (usize, char)> + '_ {
    let bytes = text.as_bytes();
    let mut pos = 0;
    std::iter::from_fn(move || {
        let i = next_non_ascii(bytes, pos)?;
        let c = text[i..].chars().next()?;
        pos = i + c.len_utf8();
        Some((i, c))
    })
}

/// True for the bytes that end a line: `\n`, `\r` and the page break `\f`.
pub fn is_line_break(b: u8) -> bool {
    matches!(b, b'\n' | b'\r' | b'\x0c')
}

/// Length of the line break starting at `i` (`\r\n` counts as one), or 0 if none.
pub fn line_break_len(bytes: &[u8], i: usize) -> usize {
    match bytes.get(i) {
        Some(b'\r') if bytes.get(i + 1) == Some(&b'\n') => 2,
        Some(&b) if is_line_break(b) => 1,
        _ => 0,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_non_ascii_anywhere() {
        let t = "abcdefghijklmnopé and ü";
        let found: Vec<_> = non_ascii_chars(t).collect();
        assert_eq!(found, vec![(16, 'é'), (23, 'ü')]);
        assert_eq!(next_non_ascii(b"abc", 0), None);
    }

    #[test]
    fn line_breaks() {
        assert_eq!(line_break_len(b"a\r\nb", 1), 2);
        assert_eq!(line_break_len(b"a\rb", 1), 1);
        assert_eq!(line_break_len(b"ab", 1), 0);
    }
}

//! The base encodings of simple fonts (Standard, MacRoman, WinAnsi, PDFDoc) as glyph-name
//! tables, and decoding of PDF text strings (UTF-16BE with a byte-order mark, or PDFDoc).

use super::glyphlist;
use super::tables::{MAC_ROMAN, PDF_DOC, STANDARD, SYMBOL, WIN_ANSI};

/// A glyph-name table: the name of each one-byte code (empty when undefined).
pub type NameTable = [&'static str; 256];

/// The table of a named base encoding (`/WinAnsiEncoding` …), or `None` if unknown.
pub fn by_name(name: &[u8]) -> Option<&'static NameTable> {
    match name {
        b"StandardEncoding" => Some(&STANDARD),
        b"MacRomanEncoding" | b"MacExpertEncoding" => Some(&MAC_ROMAN),
        b"WinAnsiEncoding" => Some(&WIN_ANSI),
        b"PDFDocEncoding" => Some(&PDF_DOC),
        _ => None,
    }
}

/// StandardEncoding, the default of Type 1 fonts.
pub fn standard() -> &'static NameTable {
    &STANDARD
}

/// The built-in encoding of the Symbol font (Greek letters, mathematical signs).
pub fn symbol() -> &'static NameTable {
    &SYMBOL
}

/// WinAnsiEncoding, the usual default of TrueType fonts.
pub fn win_ansi() -> &'static NameTable {
    &WIN_ANSI
}

/// Decode a PDF text string (as in `/ActualText`): UTF-16BE (or UTF-8) after a byte-order
/// mark, PDFDocEncoding otherwise.
pub fn decode_text_string(bytes: &[u8]) -> String {
    if let Some(rest) = bytes.strip_prefix(&[0xFE, 0xFF]) {
        let units = rest
            .chunks_exact(2)
            .map(|c| u16::from_be_bytes([c[0], c[1]]));
        return char::decode_utf16(units)
            .map(|r| r.unwrap_or('\u{FFFD}'))
            .collect();
    }
    if let Some(rest) = bytes.strip_prefix(&[0xEF, 0xBB, 0xBF]) {
        return String::from_utf8_lossy(rest).into_owned();
    }
    bytes
        .iter()
        .map(|&b| {
            let name = PDF_DOC[b as usize];
            if name.is_empty() {
                if b.is_ascii() {
                    (b as char).to_string()
                } else {
                    "\u{FFFD}".to_string()
                }
            } else {
                glyphlist::to_unicode(name).unwrap_or_else(|| "\u{FFFD}".into())
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tables_hold_the_expected_names() {
        assert_eq!(WIN_ANSI[0x93], "quotedblleft");
        assert_eq!(STANDARD[0xAE], "fi");
        assert_eq!(MAC_ROMAN[0x8E], "eacute");
        assert_eq!(SYMBOL[0x61], "alpha");
        assert_eq!(by_name(b"WinAnsiEncoding").map(|t| t[65]), Some("A"));
        assert!(by_name(b"Nonsense").is_none());
    }

    #[test]
    fn text_strings_decode() {
        assert_eq!(decode_text_string(b"\xfe\xff\x00h\x00i"), "hi");
        assert_eq!(decode_text_string(b"ab"), "ab");
    }
}

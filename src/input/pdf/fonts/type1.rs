//! The encoding built into an embedded Type 1 font program (`/FontFile`, or CFF in
//! `/FontFile3`), which TeX fonts rely on when the PDF gives no `/Encoding`.

use super::super::objects;
use lopdf::{Dictionary, Document, Object};

/// The `(code, glyph name)` pairs of the font program's `/Encoding` array, or `None` when
/// the font is not an embedded Type 1 program with its own encoding.
pub fn builtin_encoding(doc: &Document, descriptor: &Dictionary) -> Option<Vec<(u8, String)>> {
    if let Some(Object::Stream(s)) = objects::get(doc, descriptor, b"FontFile3") {
        if objects::get_name(doc, &s.dict, b"Subtype") == Some(b"Type1C") {
            let bytes = objects::stream_bytes(doc, s, objects::MAX_STREAM_BYTES).ok()?;
            return super::cff::builtin_encoding(&bytes);
        }
        return None;
    }
    let Some(Object::Stream(s)) = objects::get(doc, descriptor, b"FontFile") else {
        return None;
    };
    let bytes = objects::stream_bytes(doc, s, objects::MAX_STREAM_BYTES).ok()?;
    let clear_len = objects::get(doc, &s.dict, b"Length1")
        .and_then(|o| objects::number(doc, o))
        .map_or(bytes.len(), |l| (l.max(0.0) as usize).min(bytes.len()));
    let clear = &bytes[..clear_len];
    let start = memchr::memmem::find(clear, b"/Encoding")?;
    let rest = &clear[start + 9..];
    if rest.trim_ascii_start().starts_with(b"StandardEncoding") {
        return None;
    }
    let end = memchr::memmem::find(rest, b"readonly def")
        .or_else(|| memchr::memmem::find(rest, b"def"))
        .unwrap_or(rest.len());
    let text = String::from_utf8_lossy(&rest[..end]);
    let toks: Vec<&str> = text.split_ascii_whitespace().collect();
    let mut out = Vec::new();
    for w in toks.windows(4) {
        if w[0] == "dup" && w[3] == "put" {
            if let (Ok(code), Some(name)) = (w[1].parse::<u8>(), w[2].strip_prefix('/')) {
                out.push((code, name.to_string()));
            }
        }
    }
    (!out.is_empty()).then_some(out)
}

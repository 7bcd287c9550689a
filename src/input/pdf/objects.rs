//! Small helpers over lopdf's object model: following references, reading numbers and
//! names, and decoding streams with a hard cap on their decoded size (decompression bombs).

use lopdf::{Dictionary, Document, Object, Stream};
use std::io::Read;

/// Largest decoded size of one stream (content, CMap, font program).
pub const MAX_STREAM_BYTES: usize = 64 << 20;

/// Follow references (a bounded number of times) to the object itself.
pub fn resolve<'a>(doc: &'a Document, mut obj: &'a Object) -> &'a Object {
    for _ in 0..16 {
        match obj {
            Object::Reference(id) => match doc.get_object(*id) {
                Ok(o) => obj = o,
                Err(_) => return &Object::Null,
            },
            _ => return obj,
        }
    }
    &Object::Null
}

/// `dict[key]`, references followed.
pub fn get<'a>(doc: &'a Document, dict: &'a Dictionary, key: &[u8]) -> Option<&'a Object> {
    dict.get(key).ok().map(|o| resolve(doc, o))
}

/// `dict[key]` as a dictionary (a stream's dictionary counts).
pub fn get_dict<'a>(doc: &'a Document, dict: &'a Dictionary, key: &[u8]) -> Option<&'a Dictionary> {
    as_dict(get(doc, dict, key)?)
}

/// An object as a dictionary (a stream's dictionary counts).
pub fn as_dict(obj: &Object) -> Option<&Dictionary> {
    match obj {
        Object::Dictionary(d) => Some(d),
        Object::Stream(s) => Some(&s.dict),
        _ => None,
    }
}

/// `dict[key]` as a name.
pub fn get_name<'a>(doc: &'a Document, dict: &'a Dictionary, key: &[u8]) -> Option<&'a [u8]> {
    match get(doc, dict, key)? {
        Object::Name(n) => Some(n),
        _ => None,
    }
}

/// `dict[key]` as an array, references followed.
pub fn get_array<'a>(doc: &'a Document, dict: &'a Dictionary, key: &[u8]) -> Option<&'a [Object]> {
    match get(doc, dict, key)? {
        Object::Array(a) => Some(a),
        _ => None,
    }
}

/// A number (integer or real), references followed.
pub fn number(doc: &Document, obj: &Object) -> Option<f32> {
    match resolve(doc, obj) {
        Object::Integer(i) => Some(*i as f32),
        Object::Real(r) if r.is_finite() => Some(*r),
        _ => None,
    }
}

/// A number operand (no references in content streams).
pub fn num(obj: &Object) -> Option<f32> {
    match obj {
        Object::Integer(i) => Some(*i as f32),
        Object::Real(r) if r.is_finite() => Some(*r),
        _ => None,
    }
}

/// An array of numbers (six for a matrix), references followed.
pub fn numbers(doc: &Document, obj: &Object) -> Option<Vec<f32>> {
    match resolve(doc, obj) {
        Object::Array(a) => a.iter().map(|o| number(doc, o)).collect(),
        _ => None,
    }
}

/// The decoded bytes of a stream, refusing to produce more than `limit` bytes.
pub fn stream_bytes(doc: &Document, stream: &Stream, limit: usize) -> Result<Vec<u8>, String> {
    let filters: Vec<Vec<u8>> = match stream.dict.get(b"Filter").ok().map(|o| resolve(doc, o)) {
        None | Some(Object::Null) => Vec::new(),
        Some(Object::Name(n)) => vec![n.clone()],
        Some(Object::Array(a)) => a
            .iter()
            .filter_map(|o| match resolve(doc, o) {
                Object::Name(n) => Some(n.clone()),
                _ => None,
            })
            .collect(),
        Some(_) => return Err("stream /Filter is not a name".into()),
    };
    let mut data = std::borrow::Cow::Borrowed(stream.content.as_slice());
    for f in &filters {
        let out = match f.as_slice() {
            b"FlateDecode" | b"Fl" => inflate(&data, limit)?,
            b"ASCIIHexDecode" | b"AHx" => ascii_hex(&data),
            b"ASCII85Decode" | b"A85" | b"LZWDecode" | b"LZW" => {
                let mut s = Stream::new(
                    lopdf::dictionary! { "Filter" => Object::Name(f.clone()) },
                    data.into_owned(),
                );
                s.allows_compression = false;
                s.decompressed_content().map_err(|e| {
                    format!("cannot decode {} stream: {e}", String::from_utf8_lossy(f))
                })?
            }
            b"DCTDecode" | b"JPXDecode" | b"CCITTFaxDecode" | b"JBIG2Decode"
            | b"RunLengthDecode" => {
                return Err(format!(
                    "{} streams hold no text",
                    String::from_utf8_lossy(f)
                ));
            }
            other => {
                return Err(format!(
                    "unsupported stream filter {}",
                    String::from_utf8_lossy(other)
                ))
            }
        };
        if out.len() > limit {
            return Err(format!(
                "stream decodes to more than {} MB; refused as a decompression bomb",
                limit >> 20
            ));
        }
        data = std::borrow::Cow::Owned(out);
    }
    Ok(data.into_owned())
}

/// Inflate zlib (or, failing that, raw deflate) data, refusing more than `limit` bytes.
pub fn inflate(input: &[u8], limit: usize) -> Result<Vec<u8>, String> {
    let mut out = Vec::with_capacity((input.len() * 4).min(limit));
    let cap = limit as u64 + 1;
    let res = flate2::read::ZlibDecoder::new(input)
        .take(cap)
        .read_to_end(&mut out);
    if res.is_err() && out.is_empty() && input.len() > 2 {
        // A damaged zlib header or checksum: try raw deflate, as readers do.
        let _ = flate2::read::DeflateDecoder::new(&input[2..])
            .take(cap)
            .read_to_end(&mut out);
    }
    if out.len() > limit {
        return Err(format!(
            "stream decodes to more than {} MB; refused as a decompression bomb",
            limit >> 20
        ));
    }
    if res.is_err() && out.is_empty() {
        return Err("damaged compressed stream".into());
    }
    Ok(out)
}

fn ascii_hex(input: &[u8]) -> Vec<u8> {
    let digits: Vec<u8> = input
        .iter()
        .take_while(|&&c| c != b'>')
        .filter_map(|&c| (c as char).to_digit(16).map(|d| d as u8))
        .collect();
    digits
        .chunks(2)
        .map(|p| p[0] << 4 | p.get(1).copied().unwrap_or(0))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bombs_are_refused() {
        use std::io::Write;
        let mut enc = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::best());
        enc.write_all(&vec![b' '; 4 << 20]).unwrap();
        let z = enc.finish().unwrap();
        let doc = Document::new();
        let s = Stream::new(lopdf::dictionary! {"Filter" => "FlateDecode"}, z);
        assert!(stream_bytes(&doc, &s, 1 << 20)
            .unwrap_err()
            .contains("bomb"));
        assert_eq!(stream_bytes(&doc, &s, 8 << 20).unwrap().len(), 4 << 20);
    }

    #[test]
    fn hex_streams_decode() {
        let doc = Document::new();
        let s = Stream::new(
            lopdf::dictionary! {"Filter" => "ASCIIHexDecode"},
            b"4142 4>".to_vec(),
        );
        assert_eq!(stream_bytes(&doc, &s, 100).unwrap(), b"AB@");
    }
}

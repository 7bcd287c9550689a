//! A check before lopdf reads a file: lopdf inflates object streams (`/Type /ObjStm`)
//! while loading, with no limit, so a decompression bomb hidden in one would exhaust
//! memory. Each compressed object stream is inflated here first with a hard cap.

use super::objects;
use regex::bytes::Regex;
use std::sync::OnceLock;

fn objstm() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(r"(?-u)/Type\s*/ObjStm").unwrap_or_else(|_| unreachable!("constant regex"))
    })
}

/// `Err` with a message when an object stream decodes to more than the stream limit.
pub fn check_object_streams(bytes: &[u8]) -> Result<(), String> {
    for m in objstm().find_iter(bytes) {
        // The dictionary holding the match ends at the next `stream` keyword.
        let after = &bytes[m.end()..];
        let Some(s) = memchr::memmem::find(&after[..after.len().min(4096)], b"stream") else {
            continue;
        };
        let head = &after[..s];
        if memchr::memmem::find(head, b"endobj").is_some()
            || memchr::memmem::find(head, b"Flate").is_none()
        {
            continue;
        }
        let mut start = s + 6;
        while after.get(start).is_some_and(|b| *b == b'\r' || *b == b'\n') {
            start += 1;
        }
        let end =
            memchr::memmem::find(&after[start..], b"endstream").map_or(after.len(), |e| start + e);
        if let Err(e) = objects::inflate(&after[start..end], objects::MAX_STREAM_BYTES) {
            if e.contains("bomb") {
                return Err(format!("an object stream {e}"));
            }
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    #[test]
    fn bombs_in_object_streams_are_found() {
        let mut enc = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::fast());
        let chunk = vec![0u8; 1 << 20];
        for _ in 0..70 {
            enc.write_all(&chunk).unwrap();
        }
        let z = enc.finish().unwrap();
        let mut pdf =
            b"%PDF-1.5\n5 0 obj << /Type /ObjStm /N 1 /First 4 /Filter /FlateDecode >>\nstream\n"
                .to_vec();
        pdf.extend_from_slice(&z);
        pdf.extend_from_slice(b"\nendstream\nendobj\n");
        assert!(check_object_streams(&pdf).unwrap_err().contains("bomb"));
        assert!(check_object_streams(b"%PDF-1.5\n/Type /ObjStm stream x endstream").is_ok());
    }
}

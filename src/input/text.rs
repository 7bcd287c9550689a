//! Decoding text input: byte-order marks, UTF-8, and detected legacy encodings.
//! Undecodable bytes are never dropped silently: each malformed sequence becomes U+FFFD
//! and is counted, with the offset of the first.

use encoding_rs::{DecoderResult, Encoding, UTF_16BE, UTF_16LE, UTF_8};
use serde::Serialize;

/// Malformed byte sequences met while decoding.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct Malformed {
    /// Number of malformed sequences (each became one U+FFFD).
    pub count: usize,
    /// Byte offset of the first one in the input.
    pub first_byte: usize,
}

/// Decoded text and how it was decoded.
#[derive(Debug)]
pub struct Decoded {
    /// The text.
    pub text: String,
    /// The encoding used.
    pub encoding: &'static Encoding,
    /// Whether a byte-order mark was found (and removed).
    pub bom: bool,
    /// Whether the encoding was detected (not given, not from a BOM, not valid UTF-8).
    pub detected: bool,
    /// Undecodable sequences, if any.
    pub malformed: Option<Malformed>,
}

/// Why bytes are not text.
#[derive(Debug, PartialEq, Eq)]
pub struct NotText(pub String);

/// How much of a large input the legacy-encoding detector reads.
const DETECT_LIMIT: usize = 1 << 20;

/// Decode `bytes`: a forced encoding if given, else a BOM, else UTF-8 if valid, else the
/// encoding chardetng detects. Refuses binary data (NUL bytes outside UTF-16, or mostly
/// control characters).
pub fn decode(bytes: Vec<u8>, forced: Option<&'static Encoding>) -> Result<Decoded, NotText> {
    let bom = Encoding::for_bom(&bytes);
    if let Some(enc) = forced {
        let skip = match bom {
            Some((b, len)) if b == enc => len,
            _ => 0,
        };
        return Ok(decode_with(enc, bytes, skip, false));
    }
    if let Some((enc, len)) = bom {
        return Ok(decode_with(enc, bytes, len, false));
    }
    if let Some(enc) = utf16_without_bom(&bytes) {
        return Ok(decode_with(enc, bytes, 0, true));
    }
    if let Some(offset) = memchr::memchr(0, &bytes) {
        return Err(NotText(format!("NUL byte at offset {offset}")));
    }
    check_not_binary(&bytes)?;
    match String::from_utf8(bytes) {
        Ok(text) => Ok(Decoded {
            text,
            encoding: UTF_8,
            bom: false,
            detected: false,
            malformed: None,
        }),
        Err(e) => {
            let bytes = e.into_bytes();
            let mut detector = chardetng::EncodingDetector::new();
            detector.feed(&bytes[..bytes.len().min(DETECT_LIMIT)], true);
            let enc = detector.guess(None, true);
            Ok(decode_with(enc, bytes, 0, true))
        }
    }
}

/// UTF-16 text without a BOM shows up as a NUL in every other byte.
fn utf16_without_bom(bytes: &[u8]) -> Option<&'static Encoding> {
    let sample = &bytes[..bytes.len().min(4096) & !1];
    if sample.len() < 4 {
        return None;
    }
    let pairs = sample.len() / 2;
    let even_nul = sample.iter().step_by(2).filter(|&&b| b == 0).count();
    let odd_nul = sample
        .iter()
        .skip(1)
        .step_by(2)
        .filter(|&&b| b == 0)
        .count();
    if odd_nul * 10 >= pairs * 9 && even_nul * 10 < pairs {
        Some(UTF_16LE)
    } else if even_nul * 10 >= pairs * 9 && odd_nul * 10 < pairs {
        Some(UTF_16BE)
    } else {
        None
    }
}

/// Text has few control characters besides tab, newline, carriage return, form feed and
/// escape; a file where more than one byte in ten is another control is binary.
fn check_not_binary(bytes: &[u8]) -> Result<(), NotText> {
    let sample = &bytes[..bytes.len().min(65536)];
    let controls = sample
        .iter()
        .filter(|&&b| b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r' | 0x0c | 0x1b))
        .count();
    if !sample.is_empty() && controls * 10 > sample.len() {
        return Err(NotText(format!(
            "{controls} of its first {} bytes are control characters",
            sample.len()
        )));
    }
    Ok(())
}

fn decode_with(enc: &'static Encoding, bytes: Vec<u8>, skip: usize, detected: bool) -> Decoded {
    let input = &bytes[skip..];
    let mut decoder = enc.new_decoder_without_bom_handling();
    let mut text = String::with_capacity(input.len() + input.len() / 8 + 16);
    let mut pos = 0;
    let mut malformed: Option<Malformed> = None;
    loop {
        let (result, read) =
            decoder.decode_to_string_without_replacement(&input[pos..], &mut text, true);
        pos += read;
        match result {
            DecoderResult::InputEmpty => break,
            DecoderResult::OutputFull => {
                text.reserve((input.len() - pos) / 2 + 64);
            }
            DecoderResult::Malformed(bad, after) => {
                let first = skip + pos - bad as usize - after as usize;
                let m = malformed.get_or_insert(Malformed {
                    count: 0,
                    first_byte: first,
                });
                m.count += 1;
                if text.capacity() - text.len() < 3 {
                    text.reserve(64);
                }
                text.push('\u{fffd}');
            }
        }
    }
    Decoded {
        text,
        encoding: enc,
        bom: skip > 0,
        detected,
        malformed,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dec(bytes: &[u8]) -> Decoded {
        decode(bytes.to_vec(), None).unwrap()
    }

    #[test]
    fn utf8_and_boms() {
        assert_eq!(dec("café".as_bytes()).text, "café");
        let d = dec(b"\xef\xbb\xbfhi");
        assert_eq!((d.text.as_str(), d.bom), ("hi", true));
        let d = dec(b"\xff\xfeh\0i\0");
        assert_eq!((d.text.as_str(), d.encoding), ("hi", UTF_16LE));
        let d = dec(b"\xfe\xff\0h\0i");
        assert_eq!((d.text.as_str(), d.encoding), ("hi", UTF_16BE));
    }

    #[test]
    fn utf16_without_bom_is_recognised() {
        let bytes: Vec<u8> = "hello world"
            .encode_utf16()
            .flat_map(|u| u.to_le_bytes())
            .collect();
        assert_eq!(dec(&bytes).text, "hello world");
    }

    #[test]
    fn windows_1252_detected() {
        let d =
            dec(b"The caf\xe9 \x93serves\x94 cr\xe8me br\xfbl\xe9e and na\xefve d\xe9j\xe0 vu.");
        assert_eq!(d.text, "The café “serves” crème brûlée and naïve déjà vu.");
        assert!(d.detected);
    }

    #[test]
    fn malformed_sequences_counted() {
        let d = decode(b"ok \xff\xfe end \xff".to_vec(), Some(UTF_8)).unwrap();
        assert_eq!(d.text, "ok \u{fffd}\u{fffd} end \u{fffd}");
        assert_eq!(
            d.malformed,
            Some(Malformed {
                count: 3,
                first_byte: 3
            })
        );
    }

    #[test]
    fn binary_refused() {
        assert!(decode(b"abc\0\x01\x02def".to_vec(), None).is_err());
        assert!(decode(vec![1u8; 100], None).is_err());
    }
}

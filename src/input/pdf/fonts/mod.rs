//! Fonts: how the bytes of a shown string become codes, Unicode text and advance widths.
//!
//! Simple fonts (Type1, TrueType, Type3) map one byte to one glyph through a base encoding,
//! `/Differences` (glyph names via the Adobe Glyph List) or a ToUnicode CMap, with widths
//! from `/Widths` or the standard 14 metrics. Composite (Type0) fonts split bytes by their
//! CMap (Identity-H/V or embedded), widths come from `/W` and `/DW`, text from ToUnicode.

mod cff;
pub mod cmap;
pub mod encodings;
pub mod glyphlist;
pub mod metrics;
#[allow(clippy::all)]
#[rustfmt::skip]
mod tables;
mod truetype;
mod type1;

use super::objects::{self, get, get_array, get_dict, get_name, number};
use cmap::CMap;
use lopdf::{Dictionary, Document, Object};
use std::borrow::Cow;
use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;

/// Width of a glyph whose width is known from nowhere (in 1/1000 em).
const DEFAULT_WIDTH: f32 = 500.0;

/// One glyph decoded from a shown string.
#[derive(Debug)]
pub struct Decoded {
    /// Its Unicode text (control characters removed); `None` when the font gives no way
    /// to know it.
    pub text: Option<Rc<str>>,
    /// Horizontal advance in text space units (1 = font size), before Tc/Tw/Tz.
    pub width: f32,
    /// A single-byte code 32, to which word spacing (Tw) applies.
    pub word_space: bool,
}

/// A loaded font, ready to decode strings.
#[derive(Debug)]
pub struct Font {
    /// The `/BaseFont` name (for messages).
    pub name: String,
    kind: Kind,
    /// Vertical writing (Identity-V and other `-V` CMaps).
    pub vertical: bool,
    /// Scale of glyph space to text space vertically, relative to the usual 1/1000.
    pub size_scale: f32,
}

#[derive(Debug)]
enum Kind {
    Simple {
        texts: Vec<Option<Rc<str>>>,
        widths: Vec<f32>,
    },
    Composite(Box<Composite>),
}

#[derive(Debug)]
struct Composite {
    encoding: CodeMap,
    to_unicode: Option<CMap>,
    widths: HashMap<u32, f32>,
    default_width: f32,
    /// Widths are multiplied by this (1/1000 normally).
    scale: f32,
    /// Texts already looked up, by code.
    memo: RefCell<HashMap<u32, Option<Rc<str>>>>,
    /// Without ToUnicode: the embedded TrueType program's glyph-to-Unicode map, and the
    /// CID-to-glyph map (`None`: identity).
    glyph_text: Option<GlyphText>,
}

/// The text a glyph stands for: ligatures expanded, control characters dropped.
fn glyph_text(t: &str) -> Rc<str> {
    let t = expand_ligatures(t);
    if t.chars().any(char::is_control) {
        Rc::from(t.chars().filter(|c| !c.is_control()).collect::<String>())
    } else {
        Rc::from(t.as_ref())
    }
}

#[derive(Debug)]
enum CodeMap {
    /// Two-byte codes that are CIDs.
    Identity,
    /// Two-byte codes that are UTF-16 (the predefined `Uni…-UCS2`/`UTF16` CMaps).
    Utf16,
    /// An embedded CMap.
    Embedded(CMap),
}

/// Replace the typographic ligature characters (U+FB00–FB06) by their letters: a ligature
/// glyph stands for the letters it joins, and extracted text should hold those letters.
pub fn expand_ligatures(s: &str) -> Cow<'_, str> {
    if !s.chars().any(|c| ('\u{FB00}'..='\u{FB06}').contains(&c)) {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + 4);
    for c in s.chars() {
        match c {
            '\u{FB00}' => out.push_str("ff"),
            '\u{FB01}' => out.push_str("fi"),
            '\u{FB02}' => out.push_str("fl"),
            '\u{FB03}' => out.push_str("ffi"),
            '\u{FB04}' => out.push_str("ffl"),
            '\u{FB05}' => out.push_str("ſt"),
            '\u{FB06}' => out.push_str("st"),
            c => out.push(c),
        }
    }
    Cow::Owned(out)
}

fn to_unicode_cmap(doc: &Document, dict: &Dictionary) -> Option<CMap> {
    let Some(Object::Stream(s)) = get(doc, dict, b"ToUnicode") else {
        return None;
    };
    let bytes = objects::stream_bytes(doc, s, objects::MAX_STREAM_BYTES).ok()?;
    let m = CMap::parse(&bytes);
    m.has_unicode().then_some(m)
}

impl Font {
    /// Load a font from its dictionary. Never fails: what cannot be read falls back to
    /// defaults, and glyphs without text become U+FFFD later (and are counted).
    pub fn load(doc: &Document, dict: &Dictionary) -> Font {
        let name = get_name(doc, dict, b"BaseFont")
            .map(|n| String::from_utf8_lossy(n).into_owned())
            .unwrap_or_default();
        let subtype = get_name(doc, dict, b"Subtype").unwrap_or(b"Type1");
        if subtype == b"Type0" {
            return Self::load_composite(doc, dict, name);
        }
        Self::load_simple(doc, dict, name, subtype)
    }

    fn load_simple(doc: &Document, dict: &Dictionary, name: String, subtype: &[u8]) -> Font {
        let descriptor = get_dict(doc, dict, b"FontDescriptor");
        // Base encoding: named, or in an /Encoding dictionary, or built into the font.
        let mut names: [Option<String>; 256] = std::array::from_fn(|_| None);
        let enc_obj = get(doc, dict, b"Encoding");
        let base_name = match enc_obj {
            Some(Object::Name(n)) => Some(n.as_slice()),
            Some(Object::Dictionary(d)) => get_name(doc, d, b"BaseEncoding"),
            _ => None,
        };
        let lower = name.to_ascii_lowercase();
        let is_symbol = lower.contains("symbol") || lower.contains("dingbats");
        let table = base_name.and_then(encodings::by_name);
        let builtin = if table.is_none() {
            descriptor.and_then(|d| type1::builtin_encoding(doc, d))
        } else {
            None
        };
        if let Some(b) = builtin {
            for (code, n) in b {
                names[code as usize] = Some(n);
            }
        } else {
            let base = lower.split_once('+').map_or(lower.as_str(), |(_, b)| b);
            let t = table.unwrap_or(if base.starts_with("symbol") {
                encodings::symbol()
            } else if subtype == b"TrueType" {
                encodings::win_ansi()
            } else {
                encodings::standard()
            });
            if !is_symbol || table.is_some() || base.starts_with("symbol") {
                for (code, n) in t.iter().enumerate() {
                    if !n.is_empty() {
                        names[code] = Some((*n).to_string());
                    }
                }
            }
        }
        if let Some(Object::Dictionary(d)) = enc_obj {
            if let Some(diffs) = get_array(doc, d, b"Differences") {
                let mut code: i64 = 0;
                for o in diffs {
                    match objects::resolve(doc, o) {
                        Object::Integer(i) => code = *i,
                        Object::Name(n) => {
                            if (0..256).contains(&code) {
                                names[code as usize] =
                                    Some(String::from_utf8_lossy(n).into_owned());
                            }
                            code += 1;
                        }
                        _ => {}
                    }
                }
            }
        }
        let cmap = to_unicode_cmap(doc, dict);
        let texts: Vec<Option<Rc<str>>> = (0..256u32)
            .map(|code| {
                let from_cmap = cmap.as_ref().and_then(|m| m.unicode(code));
                let t = match from_cmap {
                    Some(t) if !t.is_empty() => Some(t),
                    _ => names[code as usize]
                        .as_deref()
                        .and_then(glyphlist::to_unicode),
                };
                t.map(|t| glyph_text(&t))
            })
            .collect();

        // Widths: /Widths from /FirstChar, else the standard 14 metrics, else a default.
        let matrix = get(doc, dict, b"FontMatrix").and_then(|m| objects::numbers(doc, m));
        let (wscale, size_scale) = match (subtype, matrix.as_deref()) {
            (b"Type3", Some([a, _, _, d, ..])) if *a != 0.0 => (*a, (d.abs() * 1000.0).max(1e-3)),
            _ => (0.001, 1.0),
        };
        let missing = descriptor
            .and_then(|d| get(doc, d, b"MissingWidth"))
            .and_then(|o| number(doc, o))
            .filter(|w| *w > 0.0);
        let std14 = metrics::standard14(&name);
        let first = get(doc, dict, b"FirstChar")
            .and_then(|o| number(doc, o))
            .unwrap_or(0.0) as i64;
        let warr = get_array(doc, dict, b"Widths");
        let widths = (0..256i64)
            .map(|code| {
                let from_array = warr.and_then(|a| {
                    let i = usize::try_from(code - first).ok()?;
                    number(doc, a.get(i)?)
                });
                let w = from_array
                    .or_else(|| {
                        let m = std14?;
                        let t = texts[code as usize].as_deref()?;
                        metrics::width(m, t).map(f32::from)
                    })
                    .or(missing)
                    .unwrap_or(if subtype == b"Type3" {
                        0.0
                    } else {
                        DEFAULT_WIDTH
                    });
                w * wscale
            })
            .collect();
        Font {
            name,
            kind: Kind::Simple { texts, widths },
            vertical: false,
            size_scale,
        }
    }

    fn load_composite(doc: &Document, dict: &Dictionary, name: String) -> Font {
        let descendant = get_array(doc, dict, b"DescendantFonts")
            .and_then(|a| a.first())
            .and_then(|o| objects::as_dict(objects::resolve(doc, o)));
        let mut vertical = false;
        let mut encoding = match get(doc, dict, b"Encoding") {
            Some(Object::Name(n)) => {
                vertical = n.ends_with(b"-V");
                let s = String::from_utf8_lossy(n);
                if s.contains("UCS2") || s.contains("UTF16") {
                    CodeMap::Utf16
                } else {
                    CodeMap::Identity
                }
            }
            Some(Object::Stream(s)) => {
                vertical = matches!(get(doc, &s.dict, b"WMode"), Some(Object::Integer(1)));
                match objects::stream_bytes(doc, s, objects::MAX_STREAM_BYTES) {
                    Ok(b) => CodeMap::Embedded(CMap::parse(&b)),
                    Err(_) => CodeMap::Identity,
                }
            }
            _ => CodeMap::Identity,
        };
        // `/ToUnicode /Identity-H` (a name, not a CMap) says the codes are Unicode.
        if matches!(
            get_name(doc, dict, b"ToUnicode"),
            Some(b"Identity-H" | b"Identity-V")
        ) {
            encoding = match encoding {
                CodeMap::Identity => CodeMap::Utf16,
                other => other,
            };
        }
        let mut widths = HashMap::new();
        let mut default_width = 1000.0;
        if let Some(d) = descendant {
            if let Some(dw) = get(doc, d, b"DW").and_then(|o| number(doc, o)) {
                default_width = dw;
            }
            if let Some(w) = get_array(doc, d, b"W") {
                parse_w(doc, w, &mut widths);
            }
        }
        let to_unicode = to_unicode_cmap(doc, dict);
        let glyph_text = match (&to_unicode, descendant) {
            (None, Some(d)) => truetype_glyph_text(doc, d),
            _ => None,
        };
        Font {
            name,
            kind: Kind::Composite(Box::new(Composite {
                encoding,
                to_unicode,
                glyph_text,
                widths,
                default_width,
                scale: 0.001,
                memo: RefCell::new(HashMap::new()),
            })),
            vertical,
            size_scale: 1.0,
        }
    }

    /// Decode a shown string into glyphs, calling `f` for each.
    pub fn decode(&self, bytes: &[u8], mut f: impl FnMut(Decoded)) {
        match &self.kind {
            Kind::Simple { texts, widths } => {
                for &b in bytes {
                    f(Decoded {
                        text: texts[b as usize].clone(),
                        width: widths[b as usize],
                        word_space: b == 32,
                    });
                }
            }
            Kind::Composite(c) => {
                let mut rest = bytes;
                while !rest.is_empty() {
                    let (code, len) = match &c.encoding {
                        CodeMap::Embedded(m) if m.has_codespace() => m.next_code(rest, 2),
                        _ => {
                            let len = rest.len().min(2);
                            (
                                rest[..len].iter().fold(0u32, |a, &b| a << 8 | b as u32),
                                len,
                            )
                        }
                    };
                    rest = &rest[len..];
                    let cid = match &c.encoding {
                        CodeMap::Embedded(m) => m.cid(code).unwrap_or(code),
                        _ => code,
                    };
                    let text = c
                        .memo
                        .borrow_mut()
                        .entry(code)
                        .or_insert_with(|| {
                            let mut text = c.to_unicode.as_ref().and_then(|m| m.unicode(code));
                            if text.is_none() {
                                if let CodeMap::Utf16 = c.encoding {
                                    text = char::from_u32(code).map(String::from);
                                }
                            }
                            if text.is_none() {
                                if let Some((map, cid_to_gid)) = &c.glyph_text {
                                    let gid = match cid_to_gid {
                                        Some(v) => v.get(cid as usize).copied(),
                                        None => u16::try_from(cid).ok(),
                                    };
                                    text = gid.and_then(|g| map.get(&g)).map(|c| c.to_string());
                                }
                            }
                            text.map(|t| glyph_text(&t))
                        })
                        .clone();
                    let width = c.widths.get(&cid).copied().unwrap_or(c.default_width) * c.scale;
                    f(Decoded {
                        text,
                        width,
                        word_space: len == 1 && code == 32,
                    });
                }
            }
        }
    }
}

/// Glyph id to Unicode, and CID to glyph id (`None`: identity).
type GlyphText = (HashMap<u16, char>, Option<Vec<u16>>);

/// The glyph-to-Unicode map of a CIDFontType2's embedded TrueType program, with its
/// `/CIDToGIDMap` stream (absent or `/Identity`: CIDs are glyph ids).
fn truetype_glyph_text(doc: &Document, cid_font: &Dictionary) -> Option<GlyphText> {
    if get_name(doc, cid_font, b"Subtype") != Some(b"CIDFontType2") {
        return None;
    }
    let descriptor = get_dict(doc, cid_font, b"FontDescriptor")?;
    let Some(Object::Stream(s)) = get(doc, descriptor, b"FontFile2") else {
        return None;
    };
    let program = objects::stream_bytes(doc, s, objects::MAX_STREAM_BYTES).ok()?;
    let map = truetype::gid_to_unicode(&program)?;
    let cid_to_gid = match get(doc, cid_font, b"CIDToGIDMap") {
        Some(Object::Stream(m)) => {
            let b = objects::stream_bytes(doc, m, objects::MAX_STREAM_BYTES).ok()?;
            Some(
                b.chunks_exact(2)
                    .map(|p| u16::from_be_bytes([p[0], p[1]]))
                    .collect(),
            )
        }
        _ => None,
    };
    Some((map, cid_to_gid))
}

/// Parse a `/W` array: `c [w1 w2 …]` and `c_first c_last w` entries.
fn parse_w(doc: &Document, w: &[Object], out: &mut HashMap<u32, f32>) {
    let mut i = 0;
    while i < w.len() && out.len() < 1 << 20 {
        let Some(first) = number(doc, &w[i]) else {
            i += 1;
            continue;
        };
        let first = first.max(0.0) as u32;
        match w.get(i + 1).map(|o| objects::resolve(doc, o)) {
            Some(Object::Array(list)) => {
                for (k, o) in list.iter().enumerate() {
                    if let Some(v) = number(doc, o) {
                        out.insert(first.saturating_add(k as u32), v);
                    }
                }
                i += 2;
            }
            Some(o) => {
                let last = number(doc, o).unwrap_or(0.0).max(0.0) as u32;
                let v = w.get(i + 2).and_then(|o| number(doc, o)).unwrap_or(0.0);
                for c in first..=last.min(first.saturating_add(65535)) {
                    out.insert(c, v);
                }
                i += 3;
            }
            None => break,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use lopdf::dictionary;

    fn texts(font: &Font, bytes: &[u8]) -> Vec<Option<String>> {
        let mut v = Vec::new();
        font.decode(bytes, |d| v.push(d.text.map(|t| t.to_string())));
        v
    }

    #[test]
    fn winansi_and_differences() {
        let doc = Document::new();
        let d = dictionary! {
            "Type" => "Font", "Subtype" => "Type1", "BaseFont" => "Helvetica",
            "Encoding" => dictionary! {
                "BaseEncoding" => "WinAnsiEncoding",
                "Differences" => vec![Object::Integer(1), "fi".into(), "ffl".into(), "g7".into()],
            },
        };
        let f = Font::load(&doc, &d);
        let t: Vec<String> = texts(&f, b"A\x93\x01\x02\x03")
            .into_iter()
            .map(|t| t.unwrap_or_else(|| "?".into()))
            .collect();
        assert_eq!(t, ["A", "\u{201c}", "fi", "ffl", "?"]);
        let mut w = Vec::new();
        f.decode(b"A", |d| w.push(d.width));
        assert!((w[0] - 0.667).abs() < 1e-6);
    }

    #[test]
    fn w_arrays() {
        let doc = Document::new();
        let mut m = HashMap::new();
        let w = vec![
            Object::Integer(1),
            Object::Array(vec![Object::Integer(500), Object::Integer(600)]),
            Object::Integer(10),
            Object::Integer(12),
            Object::Integer(250),
        ];
        parse_w(&doc, &w, &mut m);
        assert_eq!(m.get(&2), Some(&600.0));
        assert_eq!(m.get(&11), Some(&250.0));
        assert_eq!(m.len(), 5);
    }

    #[test]
    fn ligatures_expand() {
        assert_eq!(expand_ligatures("\u{FB01}rst"), "first");
        assert_eq!(expand_ligatures("plain"), "plain");
    }
}

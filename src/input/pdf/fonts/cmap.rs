//! CMaps: the ToUnicode maps (bfchar, bfrange) and the code-to-CID maps of composite fonts
//! (codespace ranges, cidchar, cidrange), parsed from their PostScript-like source.

use std::collections::HashMap;

/// A parsed CMap. Codes are big-endian numbers of 1 to 4 bytes.
#[derive(Clone, Debug, Default)]
pub struct CMap {
    /// Codespace ranges: (byte length, low, high).
    codespace: Vec<(u8, u32, u32)>,
    /// Single code to Unicode text.
    unicode: HashMap<u32, String>,
    /// Code ranges to Unicode: (low, high, text of `low`, or one text per code).
    uni_ranges: Vec<(u32, u32, RangeDst)>,
    /// Code to CID, singles.
    cids: HashMap<u32, u32>,
    /// Code ranges to CIDs: (low, high, CID of `low`).
    cid_ranges: Vec<(u32, u32, u32)>,
}

#[derive(Clone, Debug)]
enum RangeDst {
    Start(Vec<u16>),
    List(Vec<String>),
}

/// Most entries a single CMap may hold; more are ignored (bounded memory).
const MAX_ENTRIES: usize = 1 << 20;

#[derive(Debug, PartialEq)]
enum Tok<'a> {
    Hex(Vec<u8>),
    Name(&'a [u8]),
    Num(i64),
    Word(&'a [u8]),
    Open,
    Close,
}

fn tokens(src: &[u8]) -> Vec<Tok<'_>> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < src.len() {
        let b = src[i];
        match b {
            b'%' => {
                while i < src.len() && src[i] != b'\n' && src[i] != b'\r' {
                    i += 1;
                }
            }
            b'<' if src.get(i + 1) == Some(&b'<') => i += 2,
            b'>' if src.get(i + 1) == Some(&b'>') => i += 2,
            b'<' => {
                let start = i + 1;
                let end = memchr::memchr(b'>', &src[start..]).map_or(src.len(), |e| start + e);
                let digits: Vec<u8> = src[start..end]
                    .iter()
                    .filter(|c| c.is_ascii_hexdigit())
                    .copied()
                    .collect();
                let mut bytes = Vec::with_capacity(digits.len() / 2 + 1);
                for pair in digits.chunks(2) {
                    let hi = hex_val(pair[0]);
                    let lo = pair.get(1).map_or(0, |&c| hex_val(c));
                    bytes.push(hi << 4 | lo);
                }
                out.push(Tok::Hex(bytes));
                i = end + 1;
            }
            b'[' => {
                out.push(Tok::Open);
                i += 1;
            }
            b']' => {
                out.push(Tok::Close);
                i += 1;
            }
            b'(' => {
                // Literal strings (rare in CMaps): skip, balancing parentheses.
                let mut depth = 0usize;
                while i < src.len() {
                    match src[i] {
                        b'\\' => i += 1,
                        b'(' => depth += 1,
                        b')' => {
                            depth -= 1;
                            if depth == 0 {
                                break;
                            }
                        }
                        _ => {}
                    }
                    i += 1;
                }
                i += 1;
            }
            _ if b.is_ascii_whitespace() => i += 1,
            _ => {
                let start = i;
                i += 1;
                while i < src.len() && !b"<>[]()/%{} \t\r\n\x0c\0".contains(&src[i]) {
                    i += 1;
                }
                let word = &src[start..i];
                if let Some(name) = word.strip_prefix(b"/") {
                    out.push(Tok::Name(name));
                } else if let Some(n) = std::str::from_utf8(word).ok().and_then(|s| s.parse().ok())
                {
                    out.push(Tok::Num(n));
                } else if b == b'{' || b == b'}' {
                    // procedures: ignored
                } else {
                    out.push(Tok::Word(word));
                }
            }
        }
    }
    out
}

fn hex_val(c: u8) -> u8 {
    match c {
        b'0'..=b'9' => c - b'0',
        b'a'..=b'f' => c - b'a' + 10,
        b'A'..=b'F' => c - b'A' + 10,
        _ => 0,
    }
}

fn code_of(bytes: &[u8]) -> Option<(u8, u32)> {
    if bytes.is_empty() || bytes.len() > 4 {
        return None;
    }
    Some((
        bytes.len() as u8,
        bytes.iter().fold(0u32, |a, &b| a << 8 | b as u32),
    ))
}

fn utf16(bytes: &[u8]) -> Vec<u16> {
    if bytes.len() == 1 {
        return vec![bytes[0] as u16];
    }
    bytes
        .chunks(2)
        .map(|c| u16::from_be_bytes([c[0], *c.get(1).unwrap_or(&0)]))
        .collect()
}

fn utf16_string(units: &[u16]) -> String {
    char::decode_utf16(units.iter().copied())
        .map(|r| r.unwrap_or('\u{FFFD}'))
        .collect()
}

impl CMap {
    /// Parse a CMap from its (decompressed) source. Unknown constructs are skipped.
    pub fn parse(src: &[u8]) -> CMap {
        let toks = tokens(src);
        let mut m = CMap::default();
        let mut i = 0;
        let mut entries = 0usize;
        while i < toks.len() {
            let Tok::Word(w) = toks[i] else {
                i += 1;
                continue;
            };
            i += 1;
            match w {
                b"begincodespacerange" => {
                    while let (Some(Tok::Hex(lo)), Some(Tok::Hex(hi))) =
                        (toks.get(i), toks.get(i + 1))
                    {
                        if let (Some((len, l)), Some((_, h))) = (code_of(lo), code_of(hi)) {
                            m.codespace.push((len, l, h));
                        }
                        i += 2;
                    }
                }
                b"beginbfchar" => {
                    while let (Some(Tok::Hex(src)), Some(dst)) = (toks.get(i), toks.get(i + 1)) {
                        if let Some((_, c)) = code_of(src) {
                            let text = match dst {
                                Tok::Hex(d) => utf16_string(&utf16(d)),
                                Tok::Name(n) => {
                                    super::glyphlist::to_unicode(&String::from_utf8_lossy(n))
                                        .unwrap_or_default()
                                }
                                _ => String::new(),
                            };
                            if entries < MAX_ENTRIES {
                                m.unicode.insert(c, text);
                                entries += 1;
                            }
                        }
                        i += 2;
                    }
                }
                b"beginbfrange" => {
                    while let (Some(Tok::Hex(lo)), Some(Tok::Hex(hi))) =
                        (toks.get(i), toks.get(i + 1))
                    {
                        let range = code_of(lo).zip(code_of(hi));
                        i += 2;
                        match toks.get(i) {
                            Some(Tok::Hex(d)) => {
                                if let Some(((_, l), (_, h))) = range {
                                    if l <= h && entries < MAX_ENTRIES {
                                        m.uni_ranges.push((l, h, RangeDst::Start(utf16(d))));
                                        entries += 1;
                                    }
                                }
                                i += 1;
                            }
                            Some(Tok::Open) => {
                                i += 1;
                                let mut list = Vec::new();
                                while let Some(Tok::Hex(d)) = toks.get(i) {
                                    if list.len() < 65536 {
                                        list.push(utf16_string(&utf16(d)));
                                    }
                                    i += 1;
                                }
                                if toks.get(i) == Some(&Tok::Close) {
                                    i += 1;
                                }
                                if let Some(((_, l), (_, h))) = range {
                                    if l <= h && entries < MAX_ENTRIES {
                                        m.uni_ranges.push((l, h, RangeDst::List(list)));
                                        entries += 1;
                                    }
                                }
                            }
                            _ => break,
                        }
                    }
                }
                b"begincidchar" => {
                    while let (Some(Tok::Hex(src)), Some(Tok::Num(cid))) =
                        (toks.get(i), toks.get(i + 1))
                    {
                        if let (Some((_, c)), Ok(cid)) = (code_of(src), u32::try_from(*cid)) {
                            if entries < MAX_ENTRIES {
                                m.cids.insert(c, cid);
                                entries += 1;
                            }
                        }
                        i += 2;
                    }
                }
                b"begincidrange" => {
                    while let (Some(Tok::Hex(lo)), Some(Tok::Hex(hi)), Some(Tok::Num(cid))) =
                        (toks.get(i), toks.get(i + 1), toks.get(i + 2))
                    {
                        if let (Some((_, l)), Some((_, h)), Ok(cid)) =
                            (code_of(lo), code_of(hi), u32::try_from(*cid))
                        {
                            if l <= h && entries < MAX_ENTRIES {
                                m.cid_ranges.push((l, h, cid));
                                entries += 1;
                            }
                        }
                        i += 3;
                    }
                }
                _ => {}
            }
        }
        m.uni_ranges.sort_by_key(|r| r.0);
        m.cid_ranges.sort_by_key(|r| r.0);
        m
    }

    /// Whether this CMap defines codespace ranges.
    pub fn has_codespace(&self) -> bool {
        !self.codespace.is_empty()
    }

    /// Split the next code off `bytes` by the codespace ranges: (code, its byte length).
    /// Without a matching range, `fallback` bytes are taken.
    pub fn next_code(&self, bytes: &[u8], fallback: usize) -> (u32, usize) {
        for len in 1..=4usize {
            if bytes.len() < len {
                break;
            }
            let code = bytes[..len].iter().fold(0u32, |a, &b| a << 8 | b as u32);
            if self
                .codespace
                .iter()
                .any(|&(l, lo, hi)| l as usize == len && lo <= code && code <= hi)
            {
                return (code, len);
            }
        }
        let len = fallback.clamp(1, 4).min(bytes.len()).max(1);
        let code = bytes[..len.min(bytes.len())]
            .iter()
            .fold(0u32, |a, &b| a << 8 | b as u32);
        (code, len)
    }

    /// The Unicode text of a code, if mapped.
    pub fn unicode(&self, code: u32) -> Option<String> {
        if let Some(s) = self.unicode.get(&code) {
            return Some(s.clone());
        }
        let idx = self.uni_ranges.partition_point(|r| r.0 <= code);
        for r in self.uni_ranges[..idx].iter().rev().take(64) {
            if code <= r.1 {
                let off = code - r.0;
                return match &r.2 {
                    RangeDst::List(l) => l.get(off as usize).cloned(),
                    RangeDst::Start(units) => {
                        let mut u = units.clone();
                        let last = u.last_mut()?;
                        *last = last.wrapping_add(off as u16);
                        Some(utf16_string(&u))
                    }
                };
            }
        }
        None
    }

    /// The CID of a code, if mapped.
    pub fn cid(&self, code: u32) -> Option<u32> {
        if let Some(&c) = self.cids.get(&code) {
            return Some(c);
        }
        let idx = self.cid_ranges.partition_point(|r| r.0 <= code);
        self.cid_ranges[..idx]
            .iter()
            .rev()
            .take(64)
            .find(|r| code <= r.1)
            .map(|r| r.2 + (code - r.0))
    }

    /// Whether any Unicode mapping is present.
    pub fn has_unicode(&self) -> bool {
        !self.unicode.is_empty() || !self.uni_ranges.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const SRC: &[u8] = b"/CIDInit /ProcSet findresource begin 12 dict begin begincmap
1 begincodespacerange <0000> <FFFF> endcodespacerange
2 beginbfchar <0003> <0020> <0011> <00660069> endbfchar
2 beginbfrange <0024> <0026> <0041> <0030> <0031> [<0078> <D83DDE00>] endbfrange
1 begincidrange <0100> <01FF> 5 endcidrange
endcmap CMapName currentdict /CMap defineresource pop end end";

    #[test]
    fn parses_bfchar_bfrange_and_cids() {
        let m = CMap::parse(SRC);
        assert_eq!(m.unicode(3).as_deref(), Some(" "));
        assert_eq!(m.unicode(0x11).as_deref(), Some("fi"));
        assert_eq!(m.unicode(0x25).as_deref(), Some("B"));
        assert_eq!(m.unicode(0x31).as_deref(), Some("😀"));
        assert_eq!(m.unicode(0x99), None);
        assert_eq!(m.cid(0x0102), Some(7));
        assert_eq!(m.next_code(&[0, 0x24, 1], 1), (0x24, 2));
    }

    #[test]
    fn garbage_does_not_panic() {
        let m = CMap::parse(b"beginbfrange <00> [ <> > ] endbfrange begincodespacerange <");
        assert_eq!(m.unicode(0), None);
        let _ = CMap::parse(&[0xff, b'<', b'(', b'\\']);
    }
}

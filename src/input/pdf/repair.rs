//! Rebuilding a damaged file: scan it for `N G obj … endobj`, copy each object (the last
//! one of each number wins) into a fresh file with stream `/Length`s recomputed from where
//! `endstream` really is, and write a new cross-reference table and trailer, so lopdf can
//! read what is left.

use regex::bytes::Regex;
use std::collections::BTreeMap;
use std::fmt::Write;
use std::sync::OnceLock;

fn object_header() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(r"(?-u)(?:^|[\r\n\s])(\d{1,10})[ \t\r\n]+(\d{1,5})[ \t\r\n]+obj\b")
            .unwrap_or_else(|_| unreachable!("constant regex"))
    })
}

fn length_entry() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(r"(?-u)/Length[ \t\r\n]+\d+(?:[ \t\r\n]+\d+[ \t\r\n]+R)?")
            .unwrap_or_else(|_| unreachable!("constant regex"))
    })
}

fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    memchr::memmem::find(hay, needle)
}

/// One object's bytes from `obj` to `endobj`, with its stream length made true.
fn object_body(rest: &[u8]) -> Vec<u8> {
    let next_obj = object_header()
        .find_at(rest, 1)
        .map_or(rest.len(), |m| m.start());
    let rest = &rest[..next_obj];
    let Some(s) = find(rest, b"stream") else {
        let end = find(rest, b"endobj").unwrap_or(rest.len());
        return rest[..end].to_vec();
    };
    if find(&rest[..s], b"endobj").is_some() {
        let end = find(rest, b"endobj").unwrap_or(rest.len());
        return rest[..end].to_vec();
    }
    let mut data_start = s + 6;
    if rest.get(data_start) == Some(&b'\r') {
        data_start += 1;
    }
    if rest.get(data_start) == Some(&b'\n') {
        data_start += 1;
    }
    let mut data_end =
        find(&rest[data_start..], b"endstream").map_or(rest.len(), |e| data_start + e);
    let after = (data_end + 9).min(rest.len());
    if data_end > data_start && rest[data_end - 1] == b'\n' {
        data_end -= 1;
        if data_end > data_start && rest[data_end - 1] == b'\r' {
            data_end -= 1;
        }
    }
    let dict = &rest[..s];
    let len = data_end - data_start;
    let mut out = length_entry()
        .replace(dict, format!("/Length {len}").as_bytes())
        .into_owned();
    if find(&out, b"/Length").is_none() {
        if let Some(p) = out.iter().rposition(|&b| b == b'>') {
            out.splice(p - 1..p - 1, format!(" /Length {len} ").into_bytes());
        }
    }
    out.extend_from_slice(b"stream\n");
    out.extend_from_slice(&rest[data_start..data_end]);
    out.extend_from_slice(b"\nendstream\n");
    let _ = after;
    out
}

/// A rebuilt copy of the file, or `None` when no object or no document catalog is found.
pub fn rebuild(bytes: &[u8]) -> Option<Vec<u8>> {
    let mut starts: BTreeMap<u32, (usize, u16)> = BTreeMap::new();
    for c in object_header().captures_iter(bytes) {
        let (Some(all), Some(n), Some(g)) = (c.get(0), c.get(1), c.get(2)) else {
            continue;
        };
        let (Ok(n), Ok(g)) = (
            String::from_utf8_lossy(n.as_bytes()).parse::<u32>(),
            String::from_utf8_lossy(g.as_bytes()).parse::<u16>(),
        ) else {
            continue;
        };
        if n == 0 || n > 8_000_000 {
            continue;
        }
        let start = all.start()
            + all
                .as_bytes()
                .iter()
                .take_while(|b| !b.is_ascii_digit())
                .count();
        starts.insert(n, (start, g));
    }
    let mut out = b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n".to_vec();
    let mut offsets: BTreeMap<u32, (usize, u16)> = BTreeMap::new();
    let mut root = None;
    for (&n, &(start, g)) in &starts {
        let body = object_body(&bytes[start..]);
        let compact: Vec<u8> = body
            .iter()
            .take(600)
            .copied()
            .filter(|b| !b.is_ascii_whitespace())
            .collect();
        if find(&compact, b"/Type/Catalog").is_some() {
            root = Some((n, g));
        }
        offsets.insert(n, (out.len(), g));
        out.extend_from_slice(&body);
        out.extend_from_slice(b"\nendobj\n");
    }
    let (rn, rg) = root?;
    let max = *offsets.keys().next_back()?;
    let xref_at = out.len();
    let mut table = String::new();
    let _ = writeln!(table, "xref\n0 {}", max + 1);
    table.push_str("0000000000 65535 f\r\n");
    for n in 1..=max {
        match offsets.get(&n) {
            Some((off, g)) => {
                let _ = write!(table, "{off:010} {g:05} n\r\n");
            }
            None => table.push_str("0000000000 65535 f\r\n"),
        }
    }
    let _ = write!(
        table,
        "trailer\n<< /Size {} /Root {rn} {rg} R >>\nstartxref\n{xref_at}\n%%EOF\n",
        max + 1
    );
    out.extend_from_slice(table.as_bytes());
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stream_lengths_are_recomputed() {
        let body =
            object_body(b"5 0 obj\n<< /Length 3 >>\nstream\nBT (Hi) Tj ET\nendstream\nendobj\n");
        let s = String::from_utf8(body).unwrap();
        assert!(s.contains("/Length 13"), "{s}");
        assert!(s.contains("BT (Hi) Tj ET\nendstream"));
    }

    #[test]
    fn nothing_to_rebuild_without_a_catalog() {
        assert!(rebuild(b"garbage").is_none());
        assert!(rebuild(b"1 0 obj << /Type /Page >> endobj").is_none());
    }
}

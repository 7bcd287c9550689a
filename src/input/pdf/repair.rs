//! Rebuilding a damaged cross-reference table: scan the file for `N G obj` headers and
//! append a fresh table and trailer, so lopdf can read what is left of the file.

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

/// The file with a rebuilt cross-reference table appended, or `None` when no object or
/// no document catalog can be found.
pub fn rebuild(bytes: &[u8]) -> Option<Vec<u8>> {
    let mut offsets: BTreeMap<u32, (usize, u16)> = BTreeMap::new();
    let mut root: Option<(u32, u16)> = None;
    for c in object_header().captures_iter(bytes) {
        let (Some(all), Some(n), Some(g)) = (c.get(0), c.get(1), c.get(2)) else {
            continue;
        };
        let (Ok(n), Ok(g)) = (
            std::str::from_utf8(n.as_bytes()).unwrap_or("x").parse::<u32>(),
            std::str::from_utf8(g.as_bytes()).unwrap_or("x").parse::<u16>(),
        ) else {
            continue;
        };
        if n > 8_000_000 {
            continue;
        }
        let start = all.start() + all.as_bytes().iter().take_while(|b| !b.is_ascii_digit()).count();
        offsets.insert(n, (start, g));
        let body = &bytes[all.end()..bytes.len().min(all.end() + 400)];
        let body_end = memchr::memmem::find(body, b"endobj").unwrap_or(body.len());
        let body = &body[..body_end];
        let compact: Vec<u8> = body.iter().copied().filter(|b| !b.is_ascii_whitespace()).collect();
        if memchr::memmem::find(&compact, b"/Type/Catalog").is_some() {
            root = Some((n, g));
        }
    }
    let (rn, rg) = root?;
    let max = *offsets.keys().next_back()?;
    let mut out = bytes.to_vec();
    out.extend_from_slice(b"\n");
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

//! The encoding built into a bare CFF font program (`/FontFile3 /Subtype /Type1C`), which
//! TeX fonts converted to CFF rely on when the PDF gives no `/Encoding`.

use super::tables::CFF_STANDARD_STRINGS;

struct Reader<'a> {
    data: &'a [u8],
}

impl<'a> Reader<'a> {
    fn u8(&self, at: usize) -> Option<usize> {
        self.data.get(at).map(|&b| b as usize)
    }

    fn u16(&self, at: usize) -> Option<usize> {
        Some(self.u8(at)? << 8 | self.u8(at + 1)?)
    }

    fn offset(&self, at: usize, size: usize) -> Option<usize> {
        (0..size).try_fold(0usize, |a, i| Some(a << 8 | self.u8(at + i)?))
    }

    /// An INDEX at `at`: its items as byte ranges, and the position after it.
    fn index(&self, at: usize) -> Option<(Vec<std::ops::Range<usize>>, usize)> {
        let count = self.u16(at)?;
        if count == 0 {
            return Some((Vec::new(), at + 2));
        }
        let size = self.u8(at + 2)?;
        if !(1..=4).contains(&size) {
            return None;
        }
        let offsets: Vec<usize> = (0..=count)
            .map(|i| self.offset(at + 3 + i * size, size))
            .collect::<Option<_>>()?;
        let base = at + 2 + (count + 1) * size;
        let items = offsets
            .windows(2)
            .map(|w| base + w[0]..base + w[1])
            .collect::<Vec<_>>();
        let end = base + *offsets.last()?;
        if end > self.data.len() {
            return None;
        }
        Some((items, end))
    }
}

/// Operators 15 (charset), 16 (Encoding) and 17 (CharStrings) of a Top DICT.
fn top_dict(d: &[u8]) -> (Option<i64>, Option<i64>, Option<i64>) {
    let (mut charset, mut encoding, mut charstrings) = (None, None, None);
    let mut stack: Vec<i64> = Vec::new();
    let mut i = 0;
    while i < d.len() {
        let b0 = d[i] as i64;
        match b0 {
            32..=246 => {
                stack.push(b0 - 139);
                i += 1;
            }
            247..=250 => {
                let b1 = *d.get(i + 1).unwrap_or(&0) as i64;
                stack.push((b0 - 247) * 256 + b1 + 108);
                i += 2;
            }
            251..=254 => {
                let b1 = *d.get(i + 1).unwrap_or(&0) as i64;
                stack.push(-(b0 - 251) * 256 - b1 - 108);
                i += 2;
            }
            28 => {
                let v =
                    i16::from_be_bytes([*d.get(i + 1).unwrap_or(&0), *d.get(i + 2).unwrap_or(&0)]);
                stack.push(v as i64);
                i += 3;
            }
            29 => {
                let bytes: [u8; 4] = std::array::from_fn(|k| *d.get(i + 1 + k).unwrap_or(&0));
                stack.push(i32::from_be_bytes(bytes) as i64);
                i += 5;
            }
            30 => {
                // A real number: nibbles until one is 0xf.
                i += 1;
                while i < d.len() && d[i] & 0x0f != 0x0f && d[i] >> 4 != 0x0f {
                    i += 1;
                }
                i += 1;
                stack.push(0);
            }
            12 => {
                stack.clear();
                i += 2;
            }
            _ => {
                let last = stack.last().copied();
                match b0 {
                    15 => charset = last,
                    16 => encoding = last,
                    17 => charstrings = last,
                    _ => {}
                }
                stack.clear();
                i += 1;
            }
        }
    }
    (charset, encoding, charstrings)
}

/// The `(code, glyph name)` pairs of a CFF font's own encoding, or `None` when it uses
/// the standard encoding or cannot be read.
pub fn builtin_encoding(data: &[u8]) -> Option<Vec<(u8, String)>> {
    let r = Reader { data };
    let header = r.u8(2)?;
    let (_names, after_names) = r.index(header)?;
    let (tops, after_tops) = r.index(after_names)?;
    let (strings, _) = r.index(after_tops)?;
    let top = tops.first()?.clone();
    let (charset, encoding, charstrings) = top_dict(data.get(top)?);
    let enc = usize::try_from(encoding?).ok()?;
    if enc <= 1 {
        return None;
    }
    let n_glyphs = r.index(usize::try_from(charstrings?).ok()?)?.0.len();
    let name = |sid: usize| -> Option<String> {
        if sid < CFF_STANDARD_STRINGS.len() {
            return Some(CFF_STANDARD_STRINGS[sid].to_string());
        }
        let range = strings.get(sid - CFF_STANDARD_STRINGS.len())?.clone();
        Some(String::from_utf8_lossy(data.get(range)?).into_owned())
    };
    // charset: GID → SID.
    let mut sids = vec![0usize; n_glyphs.min(65536)];
    match charset.and_then(|c| usize::try_from(c).ok()) {
        Some(c) if c > 2 => {
            let format = r.u8(c)?;
            let mut gid = 1;
            let mut at = c + 1;
            while gid < sids.len() {
                match format {
                    0 => {
                        sids[gid] = r.u16(at)?;
                        at += 2;
                        gid += 1;
                    }
                    1 | 2 => {
                        let first = r.u16(at)?;
                        let left = if format == 1 {
                            r.u8(at + 2)?
                        } else {
                            r.u16(at + 2)?
                        };
                        at += if format == 1 { 3 } else { 4 };
                        for k in 0..=left {
                            if gid >= sids.len() {
                                break;
                            }
                            sids[gid] = first + k;
                            gid += 1;
                        }
                    }
                    _ => return None,
                }
            }
        }
        _ => {
            for (gid, s) in sids.iter_mut().enumerate() {
                *s = gid;
            }
        }
    }
    let mut out = Vec::new();
    let format = r.u8(enc)?;
    match format & 0x7f {
        0 => {
            let n = r.u8(enc + 1)?;
            for i in 0..n {
                let code = r.u8(enc + 2 + i)?;
                if let Some(&sid) = sids.get(i + 1) {
                    out.push((code as u8, name(sid)?));
                }
            }
            if format & 0x80 != 0 {
                supplements(&r, enc + 2 + n, &name, &mut out)?;
            }
        }
        1 => {
            let n = r.u8(enc + 1)?;
            let mut gid = 1;
            for i in 0..n {
                let first = r.u8(enc + 2 + i * 2)?;
                let left = r.u8(enc + 3 + i * 2)?;
                for k in 0..=left {
                    if let (Some(&sid), Ok(code)) = (sids.get(gid), u8::try_from(first + k)) {
                        out.push((code, name(sid)?));
                    }
                    gid += 1;
                }
            }
            if format & 0x80 != 0 {
                supplements(&r, enc + 2 + n * 2, &name, &mut out)?;
            }
        }
        _ => return None,
    }
    (!out.is_empty()).then_some(out)
}

fn supplements(
    r: &Reader<'_>,
    at: usize,
    name: &dyn Fn(usize) -> Option<String>,
    out: &mut Vec<(u8, String)>,
) -> Option<()> {
    let n = r.u8(at)?;
    for i in 0..n {
        let code = r.u8(at + 1 + i * 3)?;
        let sid = r.u16(at + 2 + i * 3)?;
        out.push((code as u8, name(sid)?));
    }
    Some(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn garbage_is_not_an_encoding() {
        assert!(builtin_encoding(b"").is_none());
        assert!(builtin_encoding(&[1, 0, 4, 1, 0, 1, 1, 1, 0xff]).is_none());
        assert!(builtin_encoding(&[0xff; 64]).is_none());
    }
}

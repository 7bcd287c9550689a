//! The `cmap` table of an embedded TrueType program (`/FontFile2`), read backwards: glyph
//! id to Unicode. Composite TrueType fonts without a ToUnicode CMap still name their glyphs
//! this way.

use std::collections::HashMap;

fn u16_at(d: &[u8], at: usize) -> Option<u32> {
    Some(u32::from(*d.get(at)?) << 8 | u32::from(*d.get(at + 1)?))
}

fn u32_at(d: &[u8], at: usize) -> Option<u32> {
    Some(u16_at(d, at)? << 16 | u16_at(d, at + 2)?)
}

/// Most code points looked at in one cmap subtable (bounded work on hostile fonts).
const MAX_CODES: u32 = 1 << 20;

/// Glyph id to Unicode from the font's best Unicode `cmap` subtable (Windows Unicode, then
/// Unicode platform, then Windows Symbol with U+F0xx folded to U+00xx).
pub fn gid_to_unicode(font: &[u8]) -> Option<HashMap<u16, char>> {
    let num_tables = u16_at(font, 4)? as usize;
    let cmap = (0..num_tables.min(256)).find_map(|i| {
        let rec = 12 + i * 16;
        (font.get(rec..rec + 4)? == b"cmap").then(|| u32_at(font, rec + 8))?
    })? as usize;
    let n = u16_at(font, cmap + 2)? as usize;
    let mut best: Option<(u32, usize)> = None;
    for i in 0..n.min(64) {
        let rec = cmap + 4 + i * 8;
        let (platform, encoding) = (u16_at(font, rec)?, u16_at(font, rec + 2)?);
        let rank = match (platform, encoding) {
            (3, 10) => 5,
            (3, 1) => 4,
            (0, _) => 3,
            (3, 0) => 1,
            _ => continue,
        };
        let offset = cmap + u32_at(font, rec + 4)? as usize;
        if best.is_none_or(|(r, _)| rank > r) {
            best = Some((rank, offset));
        }
    }
    let (rank, table) = best?;
    let mut out: HashMap<u16, char> = HashMap::new();
    let mut add = |code: u32, gid: u32| {
        let code = if rank == 1 && (0xF000..=0xF0FF).contains(&code) {
            code - 0xF000
        } else {
            code
        };
        if gid != 0 && gid <= 0xFFFF {
            if let Some(c) = char::from_u32(code).filter(|c| !c.is_control()) {
                out.entry(gid as u16).or_insert(c);
            }
        }
    };
    match u16_at(font, table)? {
        4 => {
            let segs = (u16_at(font, table + 6)? / 2) as usize;
            let ends = table + 14;
            let starts = ends + segs * 2 + 2;
            let deltas = starts + segs * 2;
            let range_offsets = deltas + segs * 2;
            let mut seen = 0u32;
            for s in 0..segs {
                let end = u16_at(font, ends + s * 2)?;
                let start = u16_at(font, starts + s * 2)?;
                let delta = u16_at(font, deltas + s * 2)?;
                let ro_at = range_offsets + s * 2;
                let ro = u16_at(font, ro_at)? as usize;
                if start > end {
                    continue;
                }
                for c in start..=end.min(0xFFFE) {
                    seen += 1;
                    if seen > MAX_CODES {
                        break;
                    }
                    let gid = if ro == 0 {
                        (c + delta) & 0xFFFF
                    } else {
                        let at = ro_at + ro + 2 * (c - start) as usize;
                        match u16_at(font, at) {
                            Some(0) | None => 0,
                            Some(g) => (g + delta) & 0xFFFF,
                        }
                    };
                    add(c, gid);
                }
            }
        }
        12 => {
            let groups = u32_at(font, table + 12)? as usize;
            let mut seen = 0u32;
            for g in 0..groups.min(1 << 16) {
                let at = table + 16 + g * 12;
                let (first, last, gid) = (
                    u32_at(font, at)?,
                    u32_at(font, at + 4)?,
                    u32_at(font, at + 8)?,
                );
                for c in first..=last.min(first.saturating_add(MAX_CODES)) {
                    seen += 1;
                    if seen > MAX_CODES {
                        break;
                    }
                    add(c, gid + (c - first));
                }
            }
        }
        6 => {
            let first = u16_at(font, table + 6)?;
            let count = u16_at(font, table + 8)?;
            for i in 0..count {
                add(first + i, u16_at(font, table + 10 + 2 * i as usize)?);
            }
        }
        _ => return None,
    }
    (!out.is_empty()).then_some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A minimal font: one table, `cmap`, with a (3,1) format 4 subtable mapping
    /// 'A'..'C' to glyphs 10..12.
    fn font() -> Vec<u8> {
        let mut sub = Vec::new();
        let segs: [(u16, u16, u16); 2] =
            [(0x41, 0x43, 10u16.wrapping_sub(0x41)), (0xFFFF, 0xFFFF, 1)];
        sub.extend_from_slice(&4u16.to_be_bytes());
        sub.extend_from_slice(&0u16.to_be_bytes()); // length (unused)
        sub.extend_from_slice(&0u16.to_be_bytes()); // language
        sub.extend_from_slice(&((segs.len() * 2) as u16).to_be_bytes());
        sub.extend_from_slice(&[0; 6]);
        for s in segs {
            sub.extend_from_slice(&s.1.to_be_bytes());
        }
        sub.extend_from_slice(&[0, 0]);
        for s in segs {
            sub.extend_from_slice(&s.0.to_be_bytes());
        }
        for s in segs {
            sub.extend_from_slice(&s.2.to_be_bytes());
        }
        for _ in segs {
            sub.extend_from_slice(&[0, 0]);
        }
        let mut cmap = vec![0, 0, 0, 1, 0, 3, 0, 1, 0, 0, 0, 12];
        cmap.extend_from_slice(&sub);
        let mut f = vec![0, 1, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0];
        f.extend_from_slice(b"cmap");
        f.extend_from_slice(&[0; 4]);
        f.extend_from_slice(&28u32.to_be_bytes());
        f.extend_from_slice(&(cmap.len() as u32).to_be_bytes());
        f.extend_from_slice(&cmap);
        f
    }

    #[test]
    fn format4_reversed() {
        let m = gid_to_unicode(&font()).unwrap();
        assert_eq!(m.get(&10), Some(&'A'));
        assert_eq!(m.get(&12), Some(&'C'));
        assert_eq!(m.len(), 3);
    }

    #[test]
    fn garbage_is_not_a_font() {
        assert!(gid_to_unicode(b"").is_none());
        assert!(gid_to_unicode(&[0xff; 100]).is_none());
        let mut f = font();
        f.truncate(40);
        assert!(gid_to_unicode(&f).is_none());
    }
}

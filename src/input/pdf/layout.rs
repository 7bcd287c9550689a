//! Layout analysis: positioned glyphs → words → lines → blocks → reading order.
//!
//! Glyphs are grouped by writing direction and turned upright, so rotated pages and rotated
//! text read like any other. Words break where the gap between glyphs, less the character
//! spacing, exceeds a fraction of the font size (or at white-space glyphs). Lines share a
//! baseline; smaller glyphs raised or lowered onto a line (superscripts) stay with it.
//! Column gutters are found as gaps that stay open over a run of lines with text on both
//! sides; lines split there, stack into blocks, and blocks are read in the order of
//! Breuel's rules (above before below when they overlap horizontally, left before right
//! when nothing spanning both lies between), so columns read left to right, top to bottom.

use super::interpreter::Glyph;
use std::collections::HashMap;

/// A word break: gap (less character spacing) above this fraction of the font size.
const WORD_GAP: f32 = 0.15;
/// Most glyphs a row of superscripts (or subscripts) may hold.
const MAX_SCRIPT_GLYPHS: usize = 16;
/// Glyphs that follow in content order stay in one chunk up to this gap (in font sizes).
const CHUNK_GAP: f32 = 1.5;
/// A gap this wide (in font sizes) may be a column gutter.
const GUTTER_MIN: f32 = 0.6;
/// Gaps of letter-spaced text differ by at most this much (in font sizes).
const LETTER_SPACING_EVEN: f32 = 0.07;
/// A gap this wide (in font sizes) always splits a line.
const SPLIT_GAP: f32 = 4.0;
/// A gutter is this many times wider than the word spaces of its rows.
const GUTTER_RATIO: f32 = 1.8;
/// Lines of a gutter run needed to accept it as a column gutter.
const GUTTER_RUN: usize = 4;
/// Above this many blocks, order them by position only (the pairwise rules are cubic).
const MAX_ORDERED_BLOCKS: usize = 400;

/// An upright glyph: positions along and across its writing direction.
#[derive(Clone, Copy, Debug)]
struct G {
    x0: f32,
    x1: f32,
    y: f32,
    size: f32,
    spacing: f32,
    space: bool,
    idx: usize,
    /// The chunk (run in content order) it belongs to.
    chunk: u32,
}

#[derive(Debug)]
struct Word {
    x0: f32,
    x1: f32,
    text: String,
    /// Chunks of its first and last glyph.
    first_chunk: u32,
    last_chunk: u32,
    /// An explicit space glyph came before it.
    after_space: bool,
}

#[derive(Debug)]
struct Row {
    y: f32,
    size: f32,
    glyphs: Vec<G>,
}

#[derive(Debug)]
struct Segment {
    x0: f32,
    x1: f32,
    y: f32,
    size: f32,
    text: String,
}

#[derive(Debug)]
struct Block {
    x0: f32,
    x1: f32,
    top: f32,
    bottom: f32,
    lines: Vec<Segment>,
}

/// Lay out one page's glyphs as text: lines joined by `\n`, blocks in reading order.
pub fn page_text(glyphs: &[Glyph]) -> String {
    page_layout(glyphs).text
}

/// A page laid out: its text, and where each line of its main writing direction stands.
#[derive(Debug, Default)]
pub struct PageLayout {
    /// The page's text, as [`page_text`] gives it.
    pub text: String,
    /// The lines of the most common writing direction, in text order (upright
    /// coordinates: y grows up the page).
    pub lines: Vec<LineGeom>,
    /// The column gutters of that direction.
    pub gutters: Vec<GutterGeom>,
}

/// Where one line of text stands on the page.
#[derive(Clone, Debug, PartialEq)]
pub struct LineGeom {
    /// Byte range of its text in [`PageLayout::text`] (without indentation).
    pub range: std::ops::Range<usize>,
    /// Left and right ends.
    pub x0: f32,
    /// Right end.
    pub x1: f32,
    /// Baseline.
    pub y: f32,
    /// Font size (the largest on the line).
    pub size: f32,
}

/// A column gutter: its centre line and the baselines of the highest and lowest rows it
/// separates.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct GutterGeom {
    /// Its centre line.
    pub x: f32,
    /// Highest baseline it separates.
    pub top: f32,
    /// Lowest baseline it separates.
    pub bottom: f32,
}

/// Lay out one page's glyphs: the text of [`page_text`] with the geometry of the lines of
/// its main writing direction (the others are rotated notes and the like).
pub fn page_layout(glyphs: &[Glyph]) -> PageLayout {
    // Group by writing direction (whole degrees), the most common first.
    let mut groups: HashMap<i32, Vec<usize>> = HashMap::new();
    for (i, g) in glyphs.iter().enumerate() {
        let deg = g.dy.atan2(g.dx).to_degrees();
        // Slightly skewed text (scans) reads with the nearest right angle.
        let right = (deg / 90.0).round() * 90.0;
        let deg = if (deg - right).abs() <= 10.0 {
            right
        } else {
            deg.round()
        };
        groups
            .entry((deg as i32).rem_euclid(360))
            .or_default()
            .push(i);
    }
    let mut groups: Vec<(i32, Vec<usize>)> = groups.into_iter().collect();
    groups.sort_by(|a, b| b.1.len().cmp(&a.1.len()).then(a.0.cmp(&b.0)));
    let mut out = PageLayout::default();
    for (k, (deg, idxs)) in groups.into_iter().enumerate() {
        let rad = (deg as f32).to_radians();
        let (sin, cos) = rad.sin_cos();
        let upright: Vec<G> = idxs
            .iter()
            .map(|&i| {
                let g = &glyphs[i];
                let x0 = g.x * cos + g.y * sin;
                let y = -g.x * sin + g.y * cos;
                let x1 = g.ex * cos + g.ey * sin;
                G {
                    x0: x0.min(x1),
                    x1: x1.max(x0),
                    y,
                    size: g.size,
                    spacing: g.spacing,
                    space: g.space,
                    idx: i,
                    chunk: 0,
                }
            })
            .collect();
        let (text, lines, gutters) = direction_text(upright, glyphs);
        if text.is_empty() {
            continue;
        }
        if !out.text.is_empty() {
            out.text.push('\n');
        }
        if k == 0 {
            let at = out.text.len();
            out.lines = lines
                .into_iter()
                .map(|l| LineGeom {
                    range: l.range.start + at..l.range.end + at,
                    ..l
                })
                .collect();
            out.gutters = gutters
                .iter()
                .map(|g| GutterGeom {
                    x: g.x,
                    top: g.top,
                    bottom: g.bottom,
                })
                .collect();
        }
        out.text.push_str(&text);
    }
    out
}

fn direction_text(gs: Vec<G>, glyphs: &[Glyph]) -> (String, Vec<LineGeom>, Vec<Gutter>) {
    let rows: Vec<RowWords> = rows(chunks(gs)).iter().map(|r| words(r, glyphs)).collect();
    let gutters = gutters(&rows);
    let (segments, seps) = segments(rows, &gutters);
    let blocks = blocks(segments, &gutters);
    let (text, lines) = render(order(blocks, &seps));
    (text, lines, gutters)
}

/// Runs of glyphs that follow each other in content order along one baseline (a drifting
/// baseline too, as on skewed scans): the pieces lines are made of.
fn chunks(gs: Vec<G>) -> Vec<Row> {
    let mut out: Vec<Row> = Vec::new();
    for mut g in gs {
        g.chunk = out.len() as u32;
        if let Some(c) = out.last_mut() {
            if let Some(p) = c.glyphs.last() {
                let size = p.size.min(g.size);
                let gap = g.x0 - p.x1;
                if (g.y - p.y).abs() <= 0.3 * size && gap >= -0.5 * size && gap <= CHUNK_GAP * size
                {
                    g.chunk = p.chunk;
                    c.size = c.size.max(g.size);
                    c.glyphs.push(g);
                    continue;
                }
            }
        }
        out.push(Row {
            y: g.y,
            size: g.size,
            glyphs: vec![g],
        });
    }
    out
}

/// A row's words, sorted by x, with its baseline and size.
struct RowWords {
    y: f32,
    size: f32,
    words: Vec<Word>,
    /// The median gap between its words (its ordinary word space).
    gap: f32,
}

/// Cluster chunks into rows by baseline, then merge rows of smaller raised or lowered
/// glyphs (superscripts, subscripts) into the line they belong to.
fn rows(mut chunks: Vec<Row>) -> Vec<Row> {
    chunks.sort_by(|a, b| b.y.total_cmp(&a.y));
    let mut rows: Vec<Row> = Vec::new();
    for c in chunks {
        match rows.last_mut() {
            Some(r) if (r.y - c.y).abs() <= 0.3 * r.size.min(c.size) => {
                r.size = r.size.max(c.size);
                r.glyphs.extend(c.glyphs);
            }
            _ => rows.push(c),
        }
    }
    // Superscripts and subscripts: a row of smaller glyphs within a neighbour's line box.
    let mut i = 0;
    while i < rows.len() {
        let small = &rows[i];
        let (sx0, sx1) = extent(&small.glyphs);
        let mut target = None;
        // A superscript is a few raised glyphs, not a line of small print.
        if small.glyphs.len() > MAX_SCRIPT_GLYPHS {
            i += 1;
            continue;
        }
        for j in [i.wrapping_sub(1), i + 1] {
            let Some(big) = rows.get(j) else { continue };
            if small.size > 0.85 * big.size {
                continue;
            }
            let dy = small.y - big.y;
            if dy < -0.35 * big.size || dy > 0.7 * big.size {
                continue;
            }
            // Bigger glyphs of that line must stand right next to it.
            let beside = big.glyphs.iter().any(|g| {
                g.size * 0.85 >= small.size && g.x1 >= sx0 - big.size && g.x0 <= sx1 + big.size
            });
            if !beside {
                continue;
            }
            if target.is_none_or(|t: usize| rows[t].size < big.size) {
                target = Some(j);
            }
        }
        if let Some(t) = target {
            let small = rows.remove(i);
            let t = if t > i { t - 1 } else { t };
            rows[t].glyphs.extend(small.glyphs);
            if t < i {
                continue;
            }
        } else {
            i += 1;
        }
    }
    for r in &mut rows {
        r.glyphs.sort_by(|a, b| a.x0.total_cmp(&b.x0));
    }
    rows
}

fn extent(gs: &[G]) -> (f32, f32) {
    gs.iter()
        .fold((f32::MAX, f32::MIN), |(a, b), g| (a.min(g.x0), b.max(g.x1)))
}

/// Dedupe overprinted glyphs (fake bold) and break a row into words.
fn words(row: &Row, glyphs: &[Glyph]) -> RowWords {
    let mut words: Vec<Word> = Vec::new();
    let mut prev: Option<G> = None;
    let mut open = false;
    let mut spaced = false;
    for g in &row.glyphs {
        let text = &*glyphs[g.idx].text;
        if let Some(p) = prev {
            let same = &*glyphs[p.idx].text == text
                && (g.x0 - p.x0).abs() < 0.1 * g.size
                && (g.y - p.y).abs() < 0.1 * g.size;
            if same {
                continue;
            }
        }
        if g.space {
            open = false;
            spaced = true;
            prev = Some(*g);
            continue;
        }
        let joins = open
            && prev.is_some_and(|p| {
                let gap = g.x0 - p.x1 - p.spacing.max(0.0);
                gap <= WORD_GAP * p.size.max(g.size)
            });
        match words.last_mut() {
            Some(w) if joins => {
                w.text.push_str(text);
                w.x1 = w.x1.max(g.x1);
                w.last_chunk = g.chunk;
            }
            _ => words.push(Word {
                x0: g.x0,
                x1: g.x1,
                text: text.to_string(),
                first_chunk: g.chunk,
                last_chunk: g.chunk,
                after_space: std::mem::take(&mut spaced),
            }),
        }
        open = true;
        prev = Some(*g);
    }
    let mut gaps: Vec<f32> = words.windows(2).map(|p| p[1].x0 - p[0].x1).collect();
    gaps.sort_by(f32::total_cmp);
    let gap = gaps.get(gaps.len() / 2).copied().unwrap_or(0.3 * row.size);
    RowWords {
        y: row.y,
        size: row.size,
        words,
        gap,
    }
}

/// A vertical strip of white space that separates columns over a range of rows.
#[derive(Debug, Clone, Copy)]
struct Gutter {
    /// Its centre line.
    x: f32,
    /// Highest and lowest baseline of the rows it separates.
    top: f32,
    bottom: f32,
}

fn covered(row: &RowWords, x: f32) -> bool {
    row.words.iter().any(|w| w.x0 < x && x < w.x1)
}

/// How a row sees a candidate gutter at `x`: `Some(true)` when it has words on both sides
/// with a gap there clearly wider than its word spaces, `Some(false)` when both sides hold
/// words but the gap is ordinary (a river in running text), `None` when one side is empty.
fn gap_at(row: &RowWords, x: f32) -> Option<bool> {
    let left = row
        .words
        .iter()
        .filter(|w| w.x1 <= x)
        .map(|w| w.x1)
        .fold(f32::MIN, f32::max);
    let right = row
        .words
        .iter()
        .filter(|w| w.x0 >= x)
        .map(|w| w.x0)
        .fold(f32::MAX, f32::min);
    (left > f32::MIN && right < f32::MAX).then(|| right - left >= gutter_width(row))
}

fn gutter_width(row: &RowWords) -> f32 {
    (GUTTER_MIN * row.size).max(GUTTER_RATIO * row.gap)
}

/// Find column gutters: wide gaps whose centre stays uncovered over a run of rows, where
/// rows with text on both sides mostly show a gap clearly wider than their word spaces.
fn gutters(rows: &[RowWords]) -> Vec<Gutter> {
    let mut found: Vec<Gutter> = Vec::new();
    for (r, row) in rows.iter().enumerate() {
        for pair in row.words.windows(2) {
            let gap = pair[1].x0 - pair[0].x1;
            if gap < gutter_width(row) {
                continue;
            }
            let x = (pair[0].x1 + pair[1].x0) / 2.0;
            if found
                .iter()
                .any(|g| (g.x - x).abs() < gap / 2.0 && g.top >= row.y && row.y >= g.bottom)
            {
                continue;
            }
            let mut lo = r;
            while lo > 0 && !covered(&rows[lo - 1], x) {
                lo -= 1;
            }
            let mut hi = r;
            while hi + 1 < rows.len() && !covered(&rows[hi + 1], x) {
                hi += 1;
            }
            let run = &rows[lo..=hi];
            let strong = run.iter().filter(|w| gap_at(w, x) == Some(true)).count();
            let weak = run.iter().filter(|w| gap_at(w, x) == Some(false)).count();
            if strong >= GUTTER_RUN && strong >= 2 * weak {
                found.push(Gutter {
                    x,
                    top: rows[lo].y,
                    bottom: rows[hi].y,
                });
            }
        }
    }
    found
}

fn in_gutter(gutters: &[Gutter], y: f32, a: f32, b: f32) -> bool {
    gutters
        .iter()
        .any(|g| g.top >= y && y >= g.bottom && a <= g.x && g.x <= b)
}

/// The widest part of `[a, b]` that no word of `row` covers.
fn open_width(row: &RowWords, a: f32, b: f32) -> f32 {
    let mut cursor = a;
    let mut best: f32 = 0.0;
    for w in row.words.iter().filter(|w| w.x1 > a && w.x0 < b) {
        best = best.max(w.x0 - cursor);
        cursor = cursor.max(w.x1);
    }
    best.max(b - cursor)
}

/// Whether the rows next to row `r` (within two line heights) leave part of the gap
/// `[a, b]` open, wider than their word spaces: a separation, not a hole in running text.
fn open_around(rows: &[RowWords], r: usize, a: f32, b: f32) -> bool {
    let row = &rows[r];
    let near = |o: &RowWords| (o.y - row.y).abs() <= 2.0 * row.size.max(o.size);
    let open = |o: &RowWords| open_width(o, a, b) >= (GUTTER_MIN * o.size).max(1.3 * o.gap);
    let above = r.checked_sub(1).map(|i| &rows[i]).filter(|o| near(o));
    let below = rows.get(r + 1).filter(|o| near(o));
    above.is_none_or(open) && below.is_none_or(open)
}

/// Split rows into line segments: at gutters, and at wide gaps between pieces drawn
/// separately (or very wide gaps) that the neighbouring lines leave open too.
fn segments(rows: Vec<RowWords>, gutters: &[Gutter]) -> (Vec<Segment>, Vec<Separation>) {
    let splits: Vec<Vec<bool>> = rows
        .iter()
        .enumerate()
        .map(|(r, row)| {
            row.words
                .windows(2)
                .map(|p| {
                    let (a, b) = (&p[0], &p[1]);
                    let gap = b.x0 - a.x1;
                    if gap <= GUTTER_MIN * row.size {
                        return false;
                    }
                    if in_gutter(gutters, row.y, a.x1, b.x0) {
                        return true;
                    }
                    (gap > SPLIT_GAP * row.size || b.first_chunk != a.last_chunk)
                        && open_around(&rows, r, a.x1, b.x0)
                })
                .collect()
        })
        .collect();
    let seps = separations(&rows, &splits);
    let mut out = Vec::new();
    for (row, split) in rows.into_iter().zip(splits) {
        let (y, size) = (row.y, row.size);
        let mut parts: Vec<Word> = Vec::new();
        for (k, w) in row.words.into_iter().enumerate() {
            if k > 0 && split[k - 1] {
                out.push(segment(std::mem::take(&mut parts), y, size));
            }
            parts.push(w);
        }
        if !parts.is_empty() {
            out.push(segment(parts, y, size));
        }
    }
    (out, seps)
}

/// A line segment from its words: joined by spaces, except letter-spaced text (a line of
/// three or more single characters at even gaps without space glyphs between them, like
/// "C H A P T E R") which is one word.
fn segment(words: Vec<Word>, y: f32, size: f32) -> Segment {
    let x0 = words.first().map_or(0.0, |w| w.x0);
    let x1 = words.iter().fold(x0, |a, w| a.max(w.x1));
    let gaps = words.windows(2).map(|p| p[1].x0 - p[0].x1);
    let (lo, hi) = gaps.fold((f32::MAX, f32::MIN), |(a, b), g| (a.min(g), b.max(g)));
    let letter_spaced = words.len() >= 3
        && words.iter().all(|w| w.text.chars().count() == 1)
        && words.iter().skip(1).all(|w| !w.after_space)
        && hi - lo <= LETTER_SPACING_EVEN * size
        && hi <= GUTTER_MIN * size;
    let sep = if letter_spaced { "" } else { " " };
    let text = words
        .into_iter()
        .map(|w| w.text)
        .collect::<Vec<_>>()
        .join(sep);
    Segment {
        x0,
        x1,
        y,
        size,
        text,
    }
}

/// Stack segments into blocks: a segment joins the block whose last line is just above it,
/// overlaps it horizontally, has a similar size and lies on the same side of every gutter.
fn blocks(segs: Vec<Segment>, gutters: &[Gutter]) -> Vec<Block> {
    let mut blocks: Vec<Block> = Vec::new();
    for s in segs {
        let mut best: Option<(usize, f32)> = None;
        for (i, b) in blocks.iter().enumerate() {
            let Some(l) = b.lines.last() else { continue };
            let dy = l.y - s.y;
            let size = l.size.max(s.size);
            if dy <= 0.1 * size || dy > 1.8 * size {
                continue;
            }
            if l.size.max(s.size) > 1.4 * l.size.min(s.size) {
                continue;
            }
            let overlap = l.x1.min(s.x1) - l.x0.max(s.x0);
            if overlap <= 0.0 {
                continue;
            }
            let differ = gutters
                .iter()
                .filter(|g| g.top + size >= s.y && s.y >= g.bottom - 2.0 * size)
                .any(|g| (l.x0 < g.x && g.x < l.x1) != (s.x0 < g.x && g.x < s.x1));
            if differ {
                continue;
            }
            if best.is_none_or(|(_, d)| dy < d) {
                best = Some((i, dy));
            }
        }
        match best {
            Some((i, _)) => {
                let b = &mut blocks[i];
                b.x0 = b.x0.min(s.x0);
                b.x1 = b.x1.max(s.x1);
                b.bottom = s.y - 0.25 * s.size;
                b.lines.push(s);
            }
            None => blocks.push(Block {
                x0: s.x0,
                x1: s.x1,
                top: s.y + 0.75 * s.size,
                bottom: s.y - 0.25 * s.size,
                lines: vec![s],
            }),
        }
    }
    blocks
}

fn x_overlap(a: &Block, b: &Block) -> bool {
    a.x1.min(b.x1) - a.x0.max(b.x0) > 0.0
}

fn centre(b: &Block) -> f32 {
    (b.top + b.bottom) / 2.0
}

/// White space that separates line segments: where rows were split, stacked into vertical
/// runs (a column gutter is a run of many rows).
#[derive(Debug, Clone, Copy)]
struct Separation {
    x0: f32,
    x1: f32,
    top: f32,
    bottom: f32,
    size: f32,
}

/// Stack row splits whose gaps share an x-interval into separations, and extend each up
/// and down through the rows that leave its centre open.
fn separations(rows: &[RowWords], splits: &[Vec<bool>]) -> Vec<Separation> {
    // (x0, x1, first row, last row, size)
    let mut runs: Vec<(f32, f32, usize, usize, f32)> = Vec::new();
    for (r, (row, split)) in rows.iter().zip(splits).enumerate() {
        for (k, _) in split.iter().enumerate().filter(|(_, s)| **s) {
            let (x0, x1) = (row.words[k].x1, row.words[k + 1].x0);
            match runs
                .iter_mut()
                .find(|o| o.0.max(x0) < o.1.min(x1) && r <= o.3 + 6)
            {
                Some(o) => {
                    o.0 = o.0.max(x0);
                    o.1 = o.1.min(x1);
                    o.3 = r;
                    o.4 = o.4.max(row.size);
                }
                None => runs.push((x0, x1, r, r, row.size)),
            }
        }
    }
    runs.into_iter()
        .map(|(x0, x1, mut lo, mut hi, size)| {
            let m = (x0 + x1) / 2.0;
            while lo > 0 && !covered(&rows[lo - 1], m) {
                lo -= 1;
            }
            while hi + 1 < rows.len() && !covered(&rows[hi + 1], m) {
                hi += 1;
            }
            Separation {
                x0,
                x1,
                top: rows[lo].y + rows[lo].size,
                bottom: rows[hi].y - 0.3 * rows[hi].size,
                size,
            }
        })
        .collect()
}

/// Whether `a` and `b` share a vertical range, or a separation between them spans the
/// height of both (they are side by side in columns).
fn side_by_side(a: &Block, b: &Block, seps: &[Separation]) -> bool {
    if a.bottom < b.top && b.bottom < a.top {
        return true;
    }
    seps.iter().any(|s| {
        let pad = s.size;
        a.x1 <= s.x1 + pad
            && s.x0 - pad <= b.x0
            && s.bottom < a.top
            && a.bottom < s.top
            && s.bottom < b.top
            && b.bottom < s.top
    })
}

/// Whether `a` must be read before `b` (Breuel's ordering rules; left-before-right only
/// for blocks side by side, so a heading below a centred title is not read before it).
fn before(blocks: &[Block], seps: &[Separation], a: usize, b: usize) -> bool {
    let (ba, bb) = (&blocks[a], &blocks[b]);
    if x_overlap(ba, bb) {
        return ba.top > bb.top || (ba.top == bb.top && ba.x0 < bb.x0);
    }
    if ba.x1 > bb.x0 || !side_by_side(ba, bb, seps) {
        return false;
    }
    let (hi, lo) = if centre(ba) > centre(bb) {
        (centre(ba), centre(bb))
    } else {
        (centre(bb), centre(ba))
    };
    !blocks.iter().enumerate().any(|(c, bc)| {
        c != a
            && c != b
            && centre(bc) < hi
            && centre(bc) > lo
            && x_overlap(bc, ba)
            && x_overlap(bc, bb)
    })
}

/// Put blocks in reading order: a topological sort of `before`, ties broken top first.
fn order(blocks: Vec<Block>, seps: &[Separation]) -> Vec<Block> {
    let n = blocks.len();
    let mut idx: Vec<usize> = (0..n).collect();
    idx.sort_by(|&a, &b| {
        blocks[b]
            .top
            .total_cmp(&blocks[a].top)
            .then(blocks[a].x0.total_cmp(&blocks[b].x0))
    });
    let order: Vec<usize> = if !(2..=MAX_ORDERED_BLOCKS).contains(&n) {
        idx
    } else {
        let mut indeg = vec![0usize; n];
        let mut succ = vec![Vec::new(); n];
        for (a, succ_a) in succ.iter_mut().enumerate() {
            for (b, indeg_b) in indeg.iter_mut().enumerate() {
                if a != b && before(&blocks, seps, a, b) {
                    succ_a.push(b);
                    *indeg_b += 1;
                }
            }
        }
        let mut done = vec![false; n];
        let mut out = Vec::with_capacity(n);
        while out.len() < n {
            // The first ready block in position order; on a cycle, the first left.
            let pick = idx
                .iter()
                .copied()
                .find(|&i| !done[i] && indeg[i] == 0)
                .or_else(|| idx.iter().copied().find(|&i| !done[i]));
            let Some(p) = pick else { break };
            done[p] = true;
            out.push(p);
            for &s in &succ[p] {
                indeg[s] = indeg[s].saturating_sub(1);
            }
        }
        out
    };
    let mut slots: Vec<Option<Block>> = blocks.into_iter().map(Some).collect();
    order.into_iter().filter_map(|i| slots[i].take()).collect()
}

/// Lines joined by `\n`; a blank line where the next block starts below the previous one
/// (a new paragraph or section), none where reading moves up to the next column.
/// A line starting this far (in font sizes) right of its block's left margin is indented.
const INDENT_MIN: f32 = 0.8;
/// Lines start at the same margin when their x differs by at most this (in font sizes).
const MARGIN_TOLERANCE: f32 = 0.3;
/// Spaces written per font size of indentation…
const SPACES_PER_EM: f32 = 2.0;
/// …and at most this many (a centred line is set apart, not measured).
const MAX_INDENT_SPACES: usize = 8;

/// Leading spaces for each line of a block: a line that starts clearly right of the
/// block's margin (the x where most of its lines start; the leftmost of equally common
/// ones) gets about two spaces per font size of indentation, at least two, so that a
/// paragraph's indented first line stays visible in the text as it would in a scan's OCR.
fn indents(lines: &[Segment]) -> Vec<usize> {
    // Sorted starts and the block's median size; then, for each start, how many lines
    // start within the tolerance of it (a sliding window: no quadratic work on huge blocks).
    let mut xs: Vec<f32> = lines
        .iter()
        .map(|l| l.x0)
        .filter(|x| x.is_finite())
        .collect();
    xs.sort_by(f32::total_cmp);
    let mut sizes: Vec<f32> = lines.iter().map(|l| l.size).collect();
    sizes.sort_by(f32::total_cmp);
    let Some(&size) = sizes.get(sizes.len() / 2) else {
        return Vec::new();
    };
    let tol = (MARGIN_TOLERANCE * size).max(0.0);
    let (mut lo, mut hi) = (0, 0);
    let mut margin: Option<(usize, f32)> = None;
    for &x in &xs {
        while xs[lo] < x - tol {
            lo += 1;
        }
        while hi < xs.len() && xs[hi] <= x + tol {
            hi += 1;
        }
        // Strictly more lines: the leftmost of equally common starts wins.
        if margin.is_none_or(|(best, _)| hi - lo > best) {
            margin = Some((hi - lo, x));
        }
    }
    let margin = margin.map_or(0.0, |(_, x)| x);
    lines
        .iter()
        .map(|l| {
            let em = (l.x0 - margin) / l.size.max(1.0);
            if em.is_finite() && em >= INDENT_MIN {
                ((em * SPACES_PER_EM).round() as usize).clamp(2, MAX_INDENT_SPACES)
            } else {
                0
            }
        })
        .collect()
}

fn render(blocks: Vec<Block>) -> (String, Vec<LineGeom>) {
    let mut out = String::new();
    let mut geoms = Vec::new();
    let mut prev: Option<&Block> = None;
    for b in &blocks {
        if let Some(p) = prev {
            out.push('\n');
            if b.top < p.bottom {
                out.push('\n');
            }
        }
        let indents = indents(&b.lines);
        for (i, (l, n)) in b.lines.iter().zip(indents).enumerate() {
            if i > 0 {
                out.push('\n');
            }
            out.extend(std::iter::repeat_n(' ', n));
            let start = out.len();
            out.push_str(&l.text);
            geoms.push(LineGeom {
                range: start..out.len(),
                x0: l.x0,
                x1: l.x1,
                y: l.y,
                size: l.size,
            });
        }
        prev = Some(b);
    }
    if !out.is_empty() {
        out.push('\n');
    }
    (out, geoms)
}

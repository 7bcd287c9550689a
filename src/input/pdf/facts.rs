//! Layout facts of a page's lines ([`LineLayout`]): from where the lines stand
//! ([`LineGeom`]), how big each is set against the page's body text, how far it stands from
//! the lines above and below it (in body line spacings), whether it is the page's top or
//! bottom line, whether it crosses a column gutter and whether it is centred. Rules read
//! them to tell furniture from text where the words alone cannot (a running head from a
//! title on a page of its own).

use super::layout::{GutterGeom, LineGeom, PageLayout};
use crate::document::{Band, LineLayout};

/// A page with more lines than this gets no facts (the neighbour search is bounded).
const MAX_LINES: usize = 20_000;
/// Lines looked at below (or above) a line for its nearest neighbour.
const MAX_SCAN: usize = 400;
/// Lines within this fraction of the body size are body-size lines.
const BODY_TOLERANCE: f32 = 0.1;
/// Baselines within this fraction of the font size are one row.
const SAME_ROW: f32 = 0.3;
/// A gutter this many line spacings away from a line still counts as the columns beside it.
const GUTTER_REACH: f32 = 6.0;

/// The facts of every line of `page`, with ranges moved by `offset` (where the page's text
/// starts in the document).
pub fn line_facts(page: &PageLayout, offset: usize) -> Vec<LineLayout> {
    let lines = &page.lines;
    if lines.is_empty() || lines.len() > MAX_LINES {
        return Vec::new();
    }
    let ok = |l: &&LineGeom| {
        l.x0.is_finite() && l.x1.is_finite() && l.y.is_finite() && l.size.is_finite()
    };
    if !lines.iter().all(|l| ok(&l)) {
        return Vec::new();
    }
    let Some(body) = body_size(lines) else {
        return Vec::new();
    };
    let leading = leading(lines, body);
    let is_body = |l: &LineGeom| (l.size - body).abs() <= BODY_TOLERANCE * body;
    let framed: Vec<&LineGeom> = lines.iter().filter(|l| is_body(l)).collect();
    let (fx0, fx1) = framed
        .iter()
        .fold((f32::MAX, f32::MIN), |(a, b), l| (a.min(l.x0), b.max(l.x1)));
    let top = lines.iter().map(|l| l.y).fold(f32::MIN, f32::max);
    let bottom = lines.iter().map(|l| l.y).fold(f32::MAX, f32::min);
    // Lines from the top of the page down, for the neighbour search.
    let mut by_y: Vec<usize> = (0..lines.len()).collect();
    by_y.sort_by(|&a, &b| lines[b].y.total_cmp(&lines[a].y));
    let mut rank = vec![0; lines.len()];
    for (r, &i) in by_y.iter().enumerate() {
        rank[i] = r;
    }
    let nearest = |i: usize, down: bool| -> Option<f32> {
        let l = &lines[i];
        let steps: Box<dyn Iterator<Item = usize>> = if down {
            Box::new(rank[i] + 1..by_y.len())
        } else {
            Box::new((0..rank[i]).rev())
        };
        steps
            .take(MAX_SCAN)
            .map(|r| &lines[by_y[r]])
            .filter(|o| {
                let dy = if down { l.y - o.y } else { o.y - l.y };
                dy > SAME_ROW * l.size.min(o.size) && o.x1.min(l.x1) > o.x0.max(l.x0)
            })
            .map(|o| (l.y - o.y).abs() / leading)
            .next()
    };
    lines
        .iter()
        .enumerate()
        .map(|(i, l)| {
            let tol = SAME_ROW * l.size;
            let band = if l.y >= top - tol {
                Band::Top
            } else if l.y <= bottom + tol {
                Band::Bottom
            } else {
                Band::Body
            };
            LineLayout {
                range: l.range.start + offset..l.range.end + offset,
                size: l.size / body,
                gap_above: nearest(i, false),
                gap_below: nearest(i, true),
                band,
                spans_columns: spans(l, &page.gutters, leading),
                centred: !framed.is_empty() && centred(l, fx0, fx1, body),
            }
        })
        .collect()
}

/// The page's body size: the size most of its text is set in (the median of the lines'
/// sizes, each line weighed by its length).
fn body_size(lines: &[LineGeom]) -> Option<f32> {
    let mut sized: Vec<(f32, usize)> = lines
        .iter()
        .filter(|l| l.size > 0.0)
        .map(|l| (l.size, l.range.len().max(1)))
        .collect();
    sized.sort_by(|a, b| a.0.total_cmp(&b.0));
    let total: usize = sized.iter().map(|s| s.1).sum();
    let mut seen = 0;
    sized.into_iter().find_map(|(size, n)| {
        seen += n;
        (2 * seen >= total).then_some(size)
    })
}

/// The body's line spacing: the median distance between the baselines of consecutive
/// body-size lines of a paragraph (one below the other in text order, overlapping); 1.2
/// times the body size when no two lines show it.
fn leading(lines: &[LineGeom], body: f32) -> f32 {
    let is_body = |l: &LineGeom| (l.size - body).abs() <= BODY_TOLERANCE * body;
    let mut gaps: Vec<f32> = lines
        .windows(2)
        .filter(|p| is_body(&p[0]) && is_body(&p[1]))
        .filter(|p| p[0].x1.min(p[1].x1) > p[0].x0.max(p[1].x0))
        .map(|p| p[0].y - p[1].y)
        .filter(|&d| d > 0.5 * body && d < 3.0 * body)
        .collect();
    gaps.sort_by(f32::total_cmp);
    gaps.get(gaps.len() / 2).copied().unwrap_or(1.2 * body)
}

/// Whether the line crosses a column gutter that separates text just below or above it.
fn spans(l: &LineGeom, gutters: &[GutterGeom], leading: f32) -> bool {
    let reach = GUTTER_REACH * leading;
    gutters.iter().any(|g| {
        let inside = l.x0 + 0.5 * l.size < g.x && g.x < l.x1 - 0.5 * l.size;
        let near = (g.top < l.y && l.y - g.top <= reach)
            || (g.bottom > l.y && g.bottom - l.y <= reach)
            || (g.bottom <= l.y && l.y <= g.top);
        inside && near
    })
}

/// Whether the line is centred on the body text's frame `[x0, x1]`: its middle within a
/// body size (or 3% of the width) of the frame's, starting clearly right of the frame.
fn centred(l: &LineGeom, x0: f32, x1: f32, body: f32) -> bool {
    let width = x1 - x0;
    if width <= 0.0 {
        return false;
    }
    let tol = body.max(0.03 * width);
    ((l.x0 + l.x1) / 2.0 - (x0 + x1) / 2.0).abs() <= tol && l.x0 >= x0 + 2.0 * body
}

#[cfg(test)]
mod tests {
    use super::*;

    fn line(at: usize, text_len: usize, x0: f32, x1: f32, y: f32, size: f32) -> LineGeom {
        LineGeom {
            range: at..at + text_len,
            x0,
            x1,
            y,
            size,
        }
    }

    /// A page of two columns of body text (10 pt on 12 pt spacing) under a smaller,
    /// centred head 3 line spacings above.
    fn two_columns() -> PageLayout {
        let mut lines = vec![line(0, 30, 230.0, 380.0, 700.0, 9.0)];
        let mut at = 31;
        for x in [(72.0, 300.0), (312.0, 540.0)] {
            for k in 0..20 {
                lines.push(line(at, 50, x.0, x.1, 664.0 - 12.0 * k as f32, 10.0));
                at += 51;
            }
        }
        PageLayout {
            text: String::new(),
            lines,
            gutters: vec![GutterGeom {
                x: 306.0,
                top: 664.0,
                bottom: 436.0,
            }],
        }
    }

    #[test]
    fn a_head_over_two_columns() {
        let facts = line_facts(&two_columns(), 100);
        let head = &facts[0];
        assert_eq!(head.range, 100..130);
        assert!((head.size - 0.9).abs() < 1e-3, "{head:?}");
        assert_eq!(head.band, Band::Top);
        assert!(head.spans_columns && head.centred);
        assert_eq!(head.gap_above, None);
        assert!((head.gap_below.unwrap() - 3.0).abs() < 1e-3);
        // A body line: body size, one line spacing from its neighbours, in one column.
        let body = &facts[5];
        assert!((body.size - 1.0).abs() < 1e-3);
        assert_eq!(body.band, Band::Body);
        assert!(!body.spans_columns && !body.centred);
        assert!((body.gap_below.unwrap() - 1.0).abs() < 1e-3);
        assert!((body.gap_above.unwrap() - 1.0).abs() < 1e-3);
        // The last lines of both columns are the page's bottom.
        assert_eq!(facts[20].band, Band::Bottom);
        assert_eq!(facts[40].band, Band::Bottom);
        assert_eq!(facts[20].gap_below, None);
    }

    #[test]
    fn no_facts_without_lines_or_with_bad_numbers() {
        assert!(line_facts(&PageLayout::default(), 0).is_empty());
        let mut page = two_columns();
        page.lines[3].y = f32::NAN;
        assert!(line_facts(&page, 0).is_empty());
    }
}

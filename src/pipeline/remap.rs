//! Carrying the layout facts of the original text's lines onto the text after earlier
//! stages: each line's byte range moves with the edits applied before it; a line an edit
//! removed, or one whose ends an edit crossed, loses its facts.

use crate::document::LineLayout;
use crate::edit::Edit;

/// The facts of `layout` (sorted, on the original text) in coordinates of the text that
/// `applied` (sorted, non-conflicting, on the original text) yields. Edits inside a line
/// (a ligature undone) keep its facts and stretch or shrink its range.
pub fn remap(layout: &[LineLayout], applied: &[Edit]) -> Vec<LineLayout> {
    if applied.is_empty() {
        return layout.to_vec();
    }
    let mut out = Vec::with_capacity(layout.len());
    // Edits wholly before the current line, and the shift they make.
    let mut k = 0;
    let mut delta: isize = 0;
    for l in layout {
        let (s, e) = (l.range.start, l.range.end);
        while k < applied.len() && applied[k].range.end <= s {
            // An insertion at the line's very start belongs before it.
            delta += applied[k].delta();
            k += 1;
        }
        // Edits that touch the line: each must lie inside it, and not remove all of it.
        let mut inner: isize = 0;
        let mut keep = true;
        for a in applied[k..].iter().take_while(|a| a.range.start < e) {
            let r = &a.range;
            if r.start < s || r.end > e || (r.start == s && r.end == e && !r.is_empty()) {
                keep = false;
                break;
            }
            inner += a.delta();
        }
        if !keep {
            continue;
        }
        let start = s as isize + delta;
        let end = e as isize + delta + inner;
        if start < 0 || end < start {
            continue;
        }
        out.push(LineLayout {
            range: start as usize..end as usize,
            ..l.clone()
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::Band;
    use crate::edit::Safety;

    fn fact(start: usize, end: usize) -> LineLayout {
        LineLayout {
            range: start..end,
            size: 1.0,
            gap_above: None,
            gap_below: Some(1.0),
            band: Band::Body,
            spans_columns: false,
            centred: false,
        }
    }

    fn edit(start: usize, end: usize, with: &str) -> Edit {
        Edit::new(start..end, with, "T000", 1.0, Safety::Safe, "test")
    }

    #[test]
    fn lines_move_with_edits_before_and_inside_them() {
        // "ab\nﬁne\ncd\n": the ligature (3 bytes) becomes "fi", a line before is removed.
        let text = "ab\n\u{fb01}ne\ncd\n";
        let layout = vec![fact(0, 2), fact(3, 8), fact(9, 11)];
        let applied = vec![edit(0, 3, ""), edit(3, 6, "fi")];
        let out = "fine\ncd\n";
        assert_eq!(crate::edit::apply(text, &applied), out);
        let moved = remap(&layout, &applied);
        assert_eq!(moved.len(), 2, "{moved:?}");
        assert_eq!(&out[moved[0].range.clone()], "fine");
        assert_eq!(&out[moved[1].range.clone()], "cd");
    }

    #[test]
    fn a_line_cut_across_its_end_loses_its_facts() {
        let layout = vec![fact(0, 4), fact(5, 9)];
        // A join across the first line's end.
        let moved = remap(&layout, &[edit(3, 6, "x")]);
        assert!(moved.is_empty(), "{moved:?}");
        assert_eq!(remap(&layout, &[]), layout);
    }
}

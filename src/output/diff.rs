//! A unified diff built from the applied edits: only the lines an edit touches are
//! compared, so a diff of a large file costs time in proportion to its changes. The diff
//! applies with `patch` to the (decoded) input and gives the output. On a terminal,
//! changed words are emphasised.

use crate::edit::Edit;
use similar::{ChangeTag, TextDiff};
use std::fmt::Write;
use std::ops::Range;

const CONTEXT: usize = 3;

const RED: &str = "\x1b[31m";
const GREEN: &str = "\x1b[32m";
const CYAN: &str = "\x1b[36m";
const BOLD: &str = "\x1b[1m";
const EMPH_RED: &str = "\x1b[1;97;41m";
const EMPH_GREEN: &str = "\x1b[1;30;42m";
const RESET: &str = "\x1b[0m";

/// Line-aligned byte ranges of the old and new text that hold one group of edits.
#[derive(Clone, Debug)]
struct Region {
    old: Range<usize>,
    new: Range<usize>,
}

fn line_start(text: &str, pos: usize) -> usize {
    memchr::memrchr(b'\n', &text.as_bytes()[..pos]).map_or(0, |i| i + 1)
}

/// Just past the `\n` that ends the line holding `pos` (or the end of the text).
fn line_end(text: &str, pos: usize) -> usize {
    memchr::memchr(b'\n', &text.as_bytes()[pos..]).map_or(text.len(), |i| pos + i + 1)
}

fn count_lines(s: &str) -> usize {
    let n = memchr::memchr_iter(b'\n', s.as_bytes()).count();
    if s.is_empty() || s.ends_with('\n') {
        n
    } else {
        n + 1
    }
}

/// Move `pos` back over up to `n` whole lines (it must be a line start).
fn back_lines(text: &str, mut pos: usize, n: usize) -> usize {
    for _ in 0..n {
        if pos == 0 {
            break;
        }
        pos = line_start(text, pos - 1);
    }
    pos
}

/// Move `pos` forward over up to `n` whole lines (it must be a line start or the end).
fn forward_lines(text: &str, mut pos: usize, n: usize) -> usize {
    for _ in 0..n {
        if pos >= text.len() {
            break;
        }
        pos = line_end(text, pos);
    }
    pos
}

/// Where offset `pos` of the old text lands in the new one: shifted by every edit that
/// ends at or before it (an insertion exactly at `pos` counts as after it).
/// `prefix[i]` is the summed delta of `edits[..i]` (edits sorted and non-overlapping).
fn to_new(edits: &[&Edit], prefix: &[isize], pos: usize) -> usize {
    let k = edits.partition_point(|e| e.range.start < pos);
    let mut shift = prefix[k];
    if k > 0 && edits[k - 1].range.end > pos {
        shift -= edits[k - 1].delta();
    }
    (pos as isize + shift).max(0) as usize
}

fn at_line_start(text: &str, pos: usize) -> bool {
    pos == 0 || text.as_bytes()[pos - 1] == b'\n'
}

fn regions(old: &str, new: &str, edits: &[&Edit]) -> Vec<Region> {
    let mut out: Vec<Region> = Vec::new();
    let mut delta: isize = 0;
    let prefix: Vec<isize> = std::iter::once(0)
        .chain(edits.iter().scan(0, |acc, e| {
            *acc += e.delta();
            Some(*acc)
        }))
        .collect();
    for e in edits {
        let (s, end) = (e.range.start, e.range.end);
        let new_s = (s as isize + delta) as usize;
        let new_end = new_s + e.replacement.len();
        delta += e.delta();
        // Widen the old side to whole lines, and map its ends into the new text through
        // every edit before them (earlier edits on the same line change lengths too).
        let back = s - line_start(old, s);
        let fwd = if at_line_start(old, end) && at_line_start(new, new_end) {
            0
        } else {
            memchr::memchr(b'\n', &old.as_bytes()[end..]).map_or(old.len() - end, |i| i + 1)
        };
        let r = Region {
            old: s - back..end + fwd,
            new: to_new(edits, &prefix, s - back).min(new_s)
                ..to_new(edits, &prefix, end + fwd).max(new_end),
        };
        if let Some(last) = out.last_mut() {
            let gap = &old[last.old.end.min(r.old.start)..r.old.start];
            if r.old.start <= last.old.end || count_lines(gap) <= 2 * CONTEXT {
                last.old.end = last.old.end.max(r.old.end);
                last.new.end = last.new.end.max(r.new.end);
                continue;
            }
        }
        out.push(r);
    }
    for r in &mut out {
        let back = CONTEXT.min(count_lines(&old[..r.old.start]));
        let fwd = CONTEXT.min(count_lines(&old[r.old.end..]));
        r.old = back_lines(old, r.old.start, back)..forward_lines(old, r.old.end, fwd);
        r.new = back_lines(new, r.new.start, back)..forward_lines(new, r.new.end, fwd);
    }
    out
}

fn hunk_start(line: usize, count: usize) -> usize {
    if count == 0 {
        line.saturating_sub(1)
    } else {
        line
    }
}

/// A unified diff from `old` to `new` (which must be `old` with `edits` applied).
pub fn unified(
    old: &str,
    new: &str,
    edits: &[&Edit],
    old_name: &str,
    new_name: &str,
    color: bool,
) -> String {
    let mut out = String::new();
    let regions = regions(old, new, edits);
    if regions.is_empty() {
        return out;
    }
    let (bold, reset) = if color { (BOLD, RESET) } else { ("", "") };
    let _ = writeln!(
        out,
        "{bold}--- {old_name}{reset}\n{bold}+++ {new_name}{reset}"
    );
    let (mut old_line, mut new_line) = (1, 1);
    let (mut old_pos, mut new_pos) = (0, 0);
    for r in regions {
        old_line += memchr::memchr_iter(b'\n', &old.as_bytes()[old_pos..r.old.start]).count();
        new_line += memchr::memchr_iter(b'\n', &new.as_bytes()[new_pos..r.new.start]).count();
        old_pos = r.old.start;
        new_pos = r.new.start;
        let (a, b) = (&old[r.old.clone()], &new[r.new.clone()]);
        if a == b {
            continue;
        }
        let (na, nb) = (count_lines(a), count_lines(b));
        let header = format!(
            "@@ -{},{} +{},{} @@",
            hunk_start(old_line, na),
            na,
            hunk_start(new_line, nb),
            nb
        );
        if color {
            let _ = writeln!(out, "{CYAN}{header}{RESET}");
        } else {
            let _ = writeln!(out, "{header}");
        }
        write_hunk(&mut out, a, b, color);
    }
    out
}

fn write_hunk(out: &mut String, a: &str, b: &str, color: bool) {
    let diff = TextDiff::from_lines(a, b);
    for op in diff.ops() {
        for change in diff.iter_inline_changes(op) {
            let (sign, base, emph) = match change.tag() {
                ChangeTag::Equal => (' ', "", ""),
                ChangeTag::Delete => ('-', RED, EMPH_RED),
                ChangeTag::Insert => ('+', GREEN, EMPH_GREEN),
            };
            let mut line = String::new();
            for (emphasised, part) in change.iter_strings_lossy() {
                if color && emphasised {
                    let part = part.trim_end_matches('\n');
                    let _ = write!(line, "{emph}{part}{RESET}{base}");
                } else {
                    line.push_str(&part);
                }
            }
            let newline = line.ends_with('\n');
            let body = line.trim_end_matches('\n');
            if color && !base.is_empty() {
                let _ = write!(out, "{base}{sign}{body}{RESET}");
            } else {
                let _ = write!(out, "{sign}{body}");
            }
            out.push('\n');
            if !newline {
                out.push_str("\\ No newline at end of file\n");
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::edit::{apply, Safety};

    fn diff_of(old: &str, edits: &[Edit]) -> String {
        let new = apply(old, edits);
        let refs: Vec<&Edit> = edits.iter().collect();
        unified(old, &new, &refs, "a", "b", false)
    }

    fn e(r: Range<usize>, s: &str) -> Edit {
        Edit::new(r, s, "T", 1.0, Safety::Safe, "t")
    }

    #[test]
    fn two_edits_on_one_line_that_change_lengths() {
        let opts = crate::Options::default();
        for text in ["ﬁve  \n", "a ﬁ ﬂ b  \nnext\n", "x\n\nﬁﬁ \n"] {
            let report = crate::clean_text(text, &opts).unwrap();
            assert!(report.applied() >= 2, "{text:?}");
            let diff = report.diff("t.txt", false);
            let minus: String = diff
                .lines()
                .filter(|l| l.starts_with('-') && !l.starts_with("---"))
                .map(|l| format!("{}\n", &l[1..]))
                .collect();
            let plus: String = diff
                .lines()
                .filter(|l| l.starts_with('+') && !l.starts_with("+++"))
                .map(|l| format!("{}\n", &l[1..]))
                .collect();
            assert!(text.contains(&minus), "{diff}");
            assert!(report.output.contains(&plus), "{diff}");
            assert!(!plus.is_empty() && !minus.is_empty(), "{diff}");
        }
    }

    #[test]
    fn one_hunk_with_context() {
        let old = "1\n2\n3\n4\ntbe\n6\n7\n8\n9\n";
        let d = diff_of(old, &[e(8..11, "the")]);
        assert_eq!(
            d,
            "--- a\n+++ b\n@@ -2,7 +2,7 @@\n 2\n 3\n 4\n-tbe\n+the\n 6\n 7\n 8\n"
        );
    }

    #[test]
    fn far_apart_edits_make_two_hunks_and_joins_count_lines() {
        let old: String = (1..=20).map(|i| format!("l{i}\n")).collect();
        let p = old.find("l3\n").unwrap() + 2;
        let q = old.find("l18").unwrap();
        let d = diff_of(&old, &[e(p..p + 1, " "), e(q..q + 3, "L18")]);
        assert!(d.contains("@@ -1,7 +1,6 @@"), "{d}");
        assert!(d.contains("@@ -15,6 +14,6 @@"), "{d}");
    }

    #[test]
    fn missing_final_newline_is_marked() {
        let d = diff_of("abc", &[e(0..1, "A")]);
        assert_eq!(
            d,
            "--- a\n+++ b\n@@ -1,1 +1,1 @@\n-abc\n\\ No newline at end of file\n+Abc\n\\ No newline at end of file\n"
        );
    }

    #[test]
    fn no_edits_no_diff() {
        assert_eq!(diff_of("abc\n", &[]), "");
    }
}

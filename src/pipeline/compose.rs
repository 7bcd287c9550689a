//! Composing a stage's edits, made against the text after earlier stages, back onto the
//! original text, so the run ends with one list of non-overlapping edits on the input.

use crate::edit::{ranges_conflict, Edit, Safety};
use std::ops::Range;

/// Which list an item of the sweep comes from.
#[derive(Clone, Copy)]
enum From {
    /// An edit already applied, in original coordinates (index into `applied`).
    Old(usize),
    /// A new edit of this stage, in current coordinates (index into `new`).
    New(usize),
}

/// Whether a cluster holds an old edit that inserted text (empty original range) or a new
/// edit that inserts (empty current range).
#[derive(Clone, Copy)]
struct Sticky {
    old_insertion: bool,
    new_insertion: bool,
}

impl Sticky {
    fn of(item: &(Range<usize>, From), applied: &[Edit]) -> Sticky {
        match item.1 {
            From::Old(k) => Sticky {
                old_insertion: applied[k].range.is_empty(),
                new_insertion: false,
            },
            From::New(_) => Sticky {
                old_insertion: false,
                new_insertion: item.0.is_empty(),
            },
        }
    }
}

/// The current-text range of each applied edit (`applied` is sorted, in original coordinates).
fn current_ranges(applied: &[Edit]) -> Vec<Range<usize>> {
    let mut delta: isize = 0;
    applied
        .iter()
        .map(|e| {
            let start = (e.range.start as isize + delta) as usize;
            delta += e.delta();
            start..start + e.replacement.len()
        })
        .collect()
}

/// Compose `new` (sorted, non-conflicting edits on `current`, all of them applied) with
/// `applied` (sorted, non-conflicting edits on the original whose result is `current`).
/// Returns the applied list for the original text that yields `apply(current, new)`.
/// A new edit that touches the result of an earlier edit is merged with it into one edit
/// whose rule codes, confidence and reasons combine both.
pub fn compose(current: &str, mut applied: Vec<Edit>, new: &[Edit]) -> Vec<Edit> {
    if new.is_empty() {
        return applied;
    }
    let old_ranges = current_ranges(&applied);
    let mut items: Vec<(Range<usize>, From)> = old_ranges
        .iter()
        .enumerate()
        .map(|(i, r)| (r.clone(), From::Old(i)))
        .chain(
            new.iter()
                .enumerate()
                .map(|(i, e)| (e.range.clone(), From::New(i))),
        )
        .collect();
    items.sort_by_key(|(r, _)| (r.start, r.end));

    let mut out = Vec::with_capacity(applied.len() + new.len());
    // Sum of the deltas of old edits already passed: current = original + delta.
    let mut delta: isize = 0;
    let mut i = 0;
    while i < items.len() {
        // Grow a cluster of items whose current ranges conflict. An old insertion and a
        // new insertion that touch it must merge too: two insertions at one original
        // position would have no defined order.
        let mut span = items[i].0.clone();
        let mut flags = Sticky::of(&items[i], &applied);
        let mut j = i + 1;
        let mut k = i + 1;
        while k < items.len() && items[k].0.start <= span.end {
            let next = Sticky::of(&items[k], &applied);
            let touching = span.start <= items[k].0.end && items[k].0.start <= span.end;
            let sticky = touching
                && ((flags.old_insertion && next.new_insertion)
                    || (flags.new_insertion && next.old_insertion));
            if sticky || ranges_conflict(&span, &items[k].0) {
                // Take in everything up to k: items in between lie inside the span.
                for item in &items[j..=k] {
                    let f = Sticky::of(item, &applied);
                    span.end = span.end.max(item.0.end);
                    flags.old_insertion |= f.old_insertion;
                    flags.new_insertion |= f.new_insertion;
                }
                j = k + 1;
            }
            k += 1;
        }
        let cluster = &items[i..j];
        let has_new = cluster.iter().any(|(_, f)| matches!(f, From::New(_)));
        let has_old = cluster.iter().any(|(_, f)| matches!(f, From::Old(_)));
        if !has_new {
            for (_, f) in cluster {
                if let From::Old(k) = f {
                    delta += applied[*k].delta();
                    // Moved, not copied: each old edit belongs to one cluster, and only its
                    // range (kept) is read again, by the sweep's look-ahead.
                    out.push(take_edit(&mut applied[*k]));
                }
            }
        } else if !has_old {
            for (_, f) in cluster {
                if let From::New(k) = f {
                    let mut e = new[*k].clone();
                    e.range = shift(&e.range, -delta);
                    out.push(e);
                }
            }
        } else {
            out.push(merge(current, &applied, new, cluster, &span, &mut delta));
        }
        i = j;
    }
    out
}

/// The edit at `slot`, leaving in its place an edit with the same range and no text.
fn take_edit(slot: &mut Edit) -> Edit {
    let empty = Edit {
        range: slot.range.clone(),
        replacement: String::new(),
        rule: String::new(),
        confidence: slot.confidence,
        safety: slot.safety,
        reason: String::new(),
    };
    std::mem::replace(slot, empty)
}

/// Merge one cluster of old and new edits into a single edit on the original text.
fn merge(
    current: &str,
    applied: &[Edit],
    new: &[Edit],
    cluster: &[(Range<usize>, From)],
    span: &Range<usize>,
    delta: &mut isize,
) -> Edit {
    let old_delta: isize = cluster
        .iter()
        .filter_map(|(_, f)| match f {
            From::Old(k) => Some(applied[*k].delta()),
            From::New(_) => None,
        })
        .sum();
    let start = (span.start as isize - *delta) as usize;
    let end = (span.end as isize - *delta - old_delta) as usize;
    *delta += old_delta;

    let mut replacement = String::new();
    let mut pos = span.start;
    let mut codes: Vec<&str> = Vec::new();
    let mut reasons: Vec<&str> = Vec::new();
    let mut confidence = 1.0f32;
    let mut safety = Safety::Safe;
    for (_, f) in cluster {
        let e = match f {
            From::Old(k) => &applied[*k],
            From::New(k) => {
                let e = &new[*k];
                replacement.push_str(&current[pos..e.range.start]);
                replacement.push_str(&e.replacement);
                pos = e.range.end;
                e
            }
        };
        for code in e.rule.split('+') {
            if !codes.contains(&code) {
                codes.push(code);
            }
        }
        if !reasons.contains(&e.reason.as_str()) {
            reasons.push(&e.reason);
        }
        confidence = confidence.min(e.confidence);
        safety = safety.max(e.safety);
    }
    replacement.push_str(&current[pos..span.end]);
    Edit {
        range: start..end,
        replacement,
        rule: codes.join("+"),
        confidence,
        safety,
        reason: reasons.join("; "),
    }
}

fn shift(r: &Range<usize>, by: isize) -> Range<usize> {
    (r.start as isize + by) as usize..(r.end as isize + by) as usize
}

/// Map edits that are *not* applied (suggestions) from current to original coordinates.
/// A suggestion that touches an applied edit cannot be expressed on its own against the
/// original, so it is dropped.
pub fn map_unapplied(applied: &[Edit], suggestions: Vec<Edit>) -> Vec<Edit> {
    let old_ranges = current_ranges(applied);
    let mut out = Vec::with_capacity(suggestions.len());
    let mut k = 0;
    let mut delta: isize = 0;
    for mut s in suggestions {
        while k < old_ranges.len() && old_ranges[k].end < s.range.start {
            delta += applied[k].delta();
            k += 1;
        }
        let touches = old_ranges[k..]
            .iter()
            .zip(&applied[k..])
            .take_while(|(r, _)| r.start <= s.range.end)
            .any(|(r, a)| {
                let touching = r.start <= s.range.end && s.range.start <= r.end;
                ranges_conflict(r, &s.range)
                    || (touching && s.range.is_empty() && a.range.is_empty())
            });
        if touches {
            continue;
        }
        // Old edits ending exactly at the suggestion start (non-empty, non-conflicting).
        let mut d = delta;
        let mut m = k;
        while m < old_ranges.len() && old_ranges[m].end <= s.range.start {
            d += applied[m].delta();
            m += 1;
        }
        s.range = shift(&s.range, -d);
        out.push(s);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::edit::apply;

    fn e(r: Range<usize>, s: &str, code: &str) -> Edit {
        Edit::new(r, s, code, 0.9, Safety::Safe, code)
    }

    #[test]
    fn disjoint_edits_shift_back() {
        let orig = "aaa bbb ccc";
        let applied = vec![e(0..3, "A", "X1")];
        let cur = apply(orig, &applied);
        assert_eq!(cur, "A bbb ccc");
        let composed = compose(&cur, applied, &[e(6..9, "C", "X2")]);
        assert_eq!(composed[1].range, 8..11);
        assert_eq!(apply(orig, &composed), "A bbb C");
    }

    #[test]
    fn overlapping_edits_merge() {
        let orig = "ﬁnd tbe";
        let applied = vec![e(0..3, "fi", "U001")];
        let cur = apply(orig, &applied);
        // a later stage rewrites "find" to "FIND", overlapping the ligature fix
        let composed = compose(&cur, applied, &[e(0..4, "FIND", "C1")]);
        assert_eq!(composed.len(), 1);
        assert_eq!(composed[0].range, 0..5);
        assert_eq!(composed[0].rule, "U001+C1");
        assert_eq!(apply(orig, &composed), "FIND tbe");
    }

    #[test]
    fn suggestion_after_applied_maps_back() {
        let orig = "xx tbe";
        let applied = vec![e(0..2, "", "D")];
        let cur = apply(orig, &applied);
        let s = map_unapplied(&applied, vec![e(1..4, "the", "C")]);
        assert_eq!(s[0].range, 3..6);
        assert_eq!(&orig[s[0].range.clone()], "tbe");
        assert!(cur.starts_with(' '));
    }

    #[test]
    fn suggestion_touching_applied_is_dropped() {
        let applied = vec![e(0..2, "yy", "D")];
        assert!(map_unapplied(&applied, vec![e(1..3, "z", "C")]).is_empty());
    }
}

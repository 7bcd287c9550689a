//! The edit model: rules never mutate text, they propose [`Edit`]s.
//!
//! An edit is a byte range of a text, the replacement for it, the rule that asked for it,
//! how sure the rule is and why. The output of a run is `apply(original, accepted_edits)`;
//! any subset of a run's (non-overlapping) edits applies cleanly.

use serde::{Deserialize, Serialize};
use std::ops::Range;

/// Whether an edit is applied by default.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Safety {
    /// Strong evidence: applied unless the user rejects it.
    Safe,
    /// Weak evidence: shown, applied only with `--all` or when accepted in review.
    Suggestion,
}

/// A proposed change of one byte range of a text.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Edit {
    /// Byte range of the text the edit replaces (may be empty for an insertion).
    pub range: Range<usize>,
    /// The new text for that range.
    pub replacement: String,
    /// The code of the rule that proposed it; composed edits join codes with `+`.
    pub rule: String,
    /// How sure the rule is, from 0 to 1.
    pub confidence: f32,
    /// Applied by default or only on request.
    pub safety: Safety,
    /// A human explanation of the evidence.
    pub reason: String,
}

impl Edit {
    /// A new edit; `rule` is the proposing rule's code.
    pub fn new(
        range: Range<usize>,
        replacement: impl Into<String>,
        rule: &str,
        confidence: f32,
        safety: Safety,
        reason: impl Into<String>,
    ) -> Self {
        Edit {
            range,
            replacement: replacement.into(),
            rule: rule.to_string(),
            confidence,
            safety,
            reason: reason.into(),
        }
    }

    /// True when the two edits cannot both be applied: their ranges intersect, an insertion
    /// falls strictly inside the other's range, or both insert at the same place (whose
    /// order would be ambiguous). Ranges that merely touch do not conflict.
    pub fn conflicts_with(&self, other: &Edit) -> bool {
        ranges_conflict(&self.range, &other.range)
    }

    /// The length change this edit makes, in bytes.
    pub fn delta(&self) -> isize {
        self.replacement.len() as isize - self.range.len() as isize
    }
}

/// See [`Edit::conflicts_with`].
pub fn ranges_conflict(a: &Range<usize>, b: &Range<usize>) -> bool {
    match (a.is_empty(), b.is_empty()) {
        (true, true) => a.start == b.start,
        (true, false) => b.start < a.start && a.start < b.end,
        (false, true) => a.start < b.start && b.start < a.end,
        (false, false) => a.start < b.end && b.start < a.end,
    }
}

/// Apply edits (sorted by start, pairwise non-conflicting, ranges on char boundaries of
/// `text`) and return the new text. Edits that break those conditions are skipped, so the
/// function never panics; [`check_well_formed`] tells whether a list is valid.
pub fn apply<'a>(text: &str, edits: impl IntoIterator<Item = &'a Edit>) -> String {
    // Room for exactly the output: a string that grows doubles its capacity, which on a
    // large text is the largest allocation of the run (and a bound from every edit's
    // growth, skipped ones included, reserved up to twice the text).
    let edits: Vec<&Edit> = edits.into_iter().collect();
    let (mut added, mut removed) = (0usize, 0usize);
    for_each_applied(text, edits.iter().copied(), |e| {
        added = added.saturating_add(e.replacement.len());
        removed = removed.saturating_add(e.range.len());
    });
    let mut out = String::with_capacity(text.len().saturating_add(added).saturating_sub(removed));
    let mut pos = 0;
    for_each_applied(text, edits, |e| {
        out.push_str(&text[pos..e.range.start]);
        out.push_str(&e.replacement);
        pos = e.range.end;
    });
    out.push_str(&text[pos..]);
    out
}

/// Call `f` with each edit [`apply`] applies, in order (the others are skipped as there):
/// for callers that must know where the new text differs from the old.
pub fn for_each_applied<'a>(
    text: &str,
    edits: impl IntoIterator<Item = &'a Edit>,
    mut f: impl FnMut(&'a Edit),
) {
    let mut pos = 0;
    let mut last: Option<&Range<usize>> = None;
    for e in edits {
        let ok = e.range.start >= pos
            && e.range.end <= text.len()
            && text.is_char_boundary(e.range.start)
            && text.is_char_boundary(e.range.end)
            && last.is_none_or(|l| !ranges_conflict(l, &e.range));
        if !ok {
            continue;
        }
        f(e);
        pos = e.range.end;
        last = Some(&e.range);
    }
}

/// Checks that `edits` is sorted, non-conflicting and lies on char boundaries of `text`.
pub fn check_well_formed(text: &str, edits: &[Edit]) -> Result<(), String> {
    for (i, e) in edits.iter().enumerate() {
        if e.range.start > e.range.end || e.range.end > text.len() {
            return Err(format!("edit {i} range {:?} out of bounds", e.range));
        }
        if !text.is_char_boundary(e.range.start) || !text.is_char_boundary(e.range.end) {
            return Err(format!("edit {i} range {:?} splits a character", e.range));
        }
        if i > 0 {
            let p = &edits[i - 1];
            if p.range.start > e.range.start || p.conflicts_with(e) {
                return Err(format!("edits {} and {i} overlap or are unsorted", i - 1));
            }
        }
    }
    Ok(())
}

/// Drop edits that conflict with an earlier-kept one, keeping the list sorted. Among
/// edits that start at the same place the most confident wins.
pub fn resolve_conflicts(mut edits: Vec<Edit>) -> Vec<Edit> {
    edits.sort_by(|a, b| {
        a.range
            .start
            .cmp(&b.range.start)
            .then(b.confidence.total_cmp(&a.confidence))
            .then(a.range.end.cmp(&b.range.end))
    });
    keep_non_conflicting(edits)
}

/// Keep each edit (in the given order, sorted by start) that conflicts with none kept
/// before it. Kept non-empty ranges are disjoint, so only the last kept non-empty range
/// and the last kept insertion can conflict with a later edit.
pub fn keep_non_conflicting(edits: impl IntoIterator<Item = Edit>) -> Vec<Edit> {
    let mut kept: Vec<Edit> = Vec::new();
    let mut last_range: Option<Range<usize>> = None;
    let mut last_insert: Option<Range<usize>> = None;
    for e in edits {
        let clash = last_range
            .iter()
            .chain(last_insert.iter())
            .any(|r| ranges_conflict(r, &e.range));
        if clash {
            continue;
        }
        if e.range.is_empty() {
            last_insert = Some(e.range.clone());
        } else {
            last_range = Some(e.range.clone());
        }
        kept.push(e);
    }
    kept
}

#[cfg(test)]
mod tests {
    use super::*;

    fn e(r: Range<usize>, s: &str) -> Edit {
        Edit::new(r, s, "T001", 1.0, Safety::Safe, "test")
    }

    #[test]
    fn applies_sorted_edits() {
        let t = "tbe cat sat";
        assert_eq!(apply(t, &[e(1..2, "h"), e(4..7, "dog")]), "the dog sat");
    }

    #[test]
    fn insertion_and_deletion() {
        let t = "ab";
        assert_eq!(apply(t, &[e(1..1, "-"), e(2..2, "!")]), "a-b!");
        assert_eq!(apply(t, &[e(0..1, "")]), "b");
    }

    #[test]
    fn conflicting_edits_are_skipped_not_panicking() {
        let t = "abcdef";
        assert_eq!(apply(t, &[e(0..3, "X"), e(2..4, "Y")]), "Xdef");
        assert_eq!(apply(t, &[e(4..9, "X")]), "abcdef");
    }

    #[test]
    fn conflicts() {
        assert!(ranges_conflict(&(2..2), &(2..2)));
        assert!(ranges_conflict(&(2..2), &(0..4)));
        assert!(!ranges_conflict(&(2..2), &(0..2)));
        assert!(!ranges_conflict(&(2..2), &(2..4)));
        assert!(!ranges_conflict(&(0..2), &(2..4)));
        assert!(ranges_conflict(&(0..3), &(2..4)));
    }

    #[test]
    fn later_edit_inside_an_earlier_range_is_dropped() {
        let mut low = e(0..0, "x");
        low.confidence = 0.1;
        let kept = resolve_conflicts(vec![e(0..5, "a"), low, e(2..3, "b"), e(5..6, "c")]);
        let ranges: Vec<_> = kept.iter().map(|k| k.range.clone()).collect();
        assert_eq!(ranges, vec![0..5, 0..0, 5..6]);
    }

    #[test]
    fn resolve_keeps_most_confident_at_same_start() {
        let mut a = e(0..2, "a");
        a.confidence = 0.5;
        let b = e(0..3, "b");
        let kept = resolve_conflicts(vec![a, b.clone()]);
        assert_eq!(kept, vec![b]);
    }
}

//! F004: the running head of a page that stands alone, known by its layout. On a text of
//! one page nothing recurs, and in plain text a head cannot be told from a title; a PDF
//! shows more ([`crate::document::LineLayout`]): a title is set larger than the body, a
//! running head at body size or smaller, on the page's top line, set off from the body by
//! clearly more than the body's own line spacing (often across the columns).

use super::{key, PageLines};
use crate::document::{Band, LineLayout};
use crate::edit::{Edit, Safety};
use crate::rules::lines::ends_sentence;
use crate::rules::{Context, RuleInfo};

/// A head is set at most this much larger than the body (sizes measured from a scan's
/// text layer wobble a little); a title is larger.
const MAX_SIZE: f32 = 1.05;
/// At most this size it is set smaller than the body.
const SMALLER: f32 = 0.95;
/// Set apart: this many body line spacings or more between its baseline and the body's
/// first (two is a blank line's worth)…
const SET_APART: f32 = 2.0;
/// …and, for a head removed without review, this many.
const CLEARLY_APART: f32 = 2.5;
/// The gap must also be this many times the page's usual gap between lines (a page whose
/// lines all stand far apart sets nothing apart).
const GAP_RATIO: f32 = 2.0;
/// A head is a short line: at most this many characters…
const MAX_CHARS: usize = 100;
/// …and at least this many letters.
const MIN_LETTERS: usize = 3;
/// Lines of body text the page must hold below the head.
const MIN_BODY_LINES: usize = 3;

/// How strong the layout evidence for a head is, and what it is.
#[derive(Debug, PartialEq)]
pub(super) enum Verdict {
    /// Remove: smaller than the body or across its columns, and clearly set apart.
    Head(String),
    /// Suggest removing: at body size and set apart, but nothing more says it is a head.
    Maybe(String),
    /// Keep: a title (larger), a first body line (not set apart), or no evidence.
    Keep,
}

/// Judge the top line of a page from its layout facts, its text and the page's usual gap
/// between lines (`usual_gap`, in body line spacings).
pub(super) fn judge(facts: &LineLayout, text: &str, usual_gap: f32) -> Verdict {
    let t = text.trim();
    if facts.band != Band::Top
        || facts.size > MAX_SIZE
        || t.chars().count() > MAX_CHARS
        || key(t).chars().count() < MIN_LETTERS
    {
        return Verdict::Keep;
    }
    let Some(gap) = facts.gap_below else {
        return Verdict::Keep;
    };
    if gap < SET_APART || gap < GAP_RATIO * usual_gap {
        return Verdict::Keep;
    }
    let mut why = vec![if facts.size <= SMALLER {
        format!(
            "set at {:.0}% of the body's size (a title is larger)",
            facts.size * 100.0
        )
    } else {
        "set at the body's size (a title is larger)".to_string()
    }];
    why.push(format!(
        "{gap:.1} line spacings above the body (its lines are {usual_gap:.1} apart)"
    ));
    if facts.spans_columns {
        why.push("across the columns".to_string());
    }
    if facts.centred {
        why.push("centred".to_string());
    }
    let what = if super::is_page_number(t) {
        "page number"
    } else {
        "running head"
    };
    let reason = format!(
        "{what} '{t}' on the top line of the only page, known by its layout: {}",
        why.join(", ")
    );
    let strong =
        gap >= CLEARLY_APART && (facts.size <= SMALLER || facts.spans_columns) && !ends_sentence(t);
    if strong {
        Verdict::Head(reason)
    } else {
        Verdict::Maybe(reason)
    }
}

/// The median gap below the page's lines (in body line spacings), from the facts of the
/// lines in `lines` that have one: how far apart its lines usually stand.
fn usual_gap(facts: &[&LineLayout]) -> Option<f32> {
    let mut gaps: Vec<f32> = facts.iter().filter_map(|f| f.gap_below).collect();
    gaps.sort_by(f32::total_cmp);
    gaps.get(gaps.len() / 2).copied()
}

/// F004: the top line of a text of one page, when its layout says it is a running head.
pub(super) fn layout_heads(info: &RuleInfo, cx: &Context<'_>, out: &mut Vec<Edit>) {
    if cx.layout().is_empty() {
        return;
    }
    let pl = PageLines::new(cx.text);
    if pl.pages_with_text() != 1 {
        return;
    }
    let Some(p) = (0..pl.count()).find(|&p| !pl.nonblank(p).is_empty()) else {
        return;
    };
    let nb = pl.nonblank(p);
    if nb.len() < 1 + MIN_BODY_LINES {
        return;
    }
    let facts: Vec<&LineLayout> = nb
        .iter()
        .filter_map(|&i| cx.line_layout(pl.lines[i].start..pl.lines[i].end))
        .collect();
    let head = nb[0];
    let Some(top) = cx.line_layout(pl.lines[head].start..pl.lines[head].end) else {
        return;
    };
    let Some(usual) = usual_gap(&facts) else {
        return;
    };
    let (safety, confidence, reason) = match judge(top, pl.line(head), usual) {
        Verdict::Head(r) => (Safety::Safe, 0.9, r),
        Verdict::Maybe(r) => (Safety::Suggestion, 0.5, r),
        Verdict::Keep => return,
    };
    out.push(Edit::new(
        pl.removal(p, head, head, true),
        "",
        info.code,
        confidence,
        safety,
        reason,
    ));
}

#[cfg(test)]
mod tests {
    use super::*;

    fn facts(size: f32, gap_below: Option<f32>) -> LineLayout {
        LineLayout {
            range: 0..10,
            size,
            gap_above: None,
            gap_below,
            band: Band::Top,
            spans_columns: false,
            centred: true,
        }
    }

    #[test]
    fn a_smaller_head_set_apart_goes() {
        let v = judge(&facts(0.9, Some(3.2)), "Midland Gazette, No. 4", 1.0);
        let Verdict::Head(why) = v else {
            panic!("{v:?}")
        };
        assert!(why.contains("90% of the body's size"), "{why}");
        assert!(why.contains("3.2 line spacings"), "{why}");
    }

    #[test]
    fn a_head_at_body_size_across_the_columns_goes() {
        let mut f = facts(1.0, Some(2.8));
        f.spans_columns = true;
        assert!(matches!(
            judge(&f, "Quarterly Notes", 1.0),
            Verdict::Head(_)
        ));
        // In one column it is only a suggestion.
        f.spans_columns = false;
        assert!(matches!(
            judge(&f, "Quarterly Notes", 1.0),
            Verdict::Maybe(_)
        ));
    }

    #[test]
    fn a_title_set_larger_stays() {
        for size in [1.2, 1.44, 2.0] {
            assert_eq!(
                judge(&facts(size, Some(3.0)), "A Study of Things", 1.0),
                Verdict::Keep
            );
        }
    }

    #[test]
    fn a_first_body_line_stays() {
        // One line spacing to the next line: the first line of a paragraph.
        let text = "The museum at Springfield reopened its west wing";
        assert_eq!(judge(&facts(1.0, Some(1.0)), text, 1.0), Verdict::Keep);
        assert_eq!(judge(&facts(0.9, Some(1.5)), text, 1.0), Verdict::Keep);
        // A page whose lines all stand far apart sets nothing apart.
        assert_eq!(judge(&facts(1.0, Some(3.4)), "Hello", 3.4), Verdict::Keep);
        // Not the top line, or nothing below it.
        let mut f = facts(0.9, Some(3.0));
        f.band = Band::Body;
        assert_eq!(judge(&f, "Midland Gazette", 1.0), Verdict::Keep);
        assert_eq!(
            judge(&facts(0.9, None), "Midland Gazette", 1.0),
            Verdict::Keep
        );
    }

    #[test]
    fn a_head_that_ends_a_sentence_is_only_suggested() {
        assert!(matches!(
            judge(&facts(0.9, Some(3.0)), "Notes by J. Smith et al.", 1.0),
            Verdict::Maybe(_)
        ));
    }

    fn context_with(text: &str, layout: Vec<LineLayout>) -> Vec<Edit> {
        let cx = Context::new(text).with_layout(layout);
        let rule = super::super::rules()
            .into_iter()
            .find(|r| r.info().code == "F004")
            .unwrap();
        let mut out = Vec::new();
        rule.check(&cx, &mut out);
        out
    }

    /// Facts for the lines of a one-page text: its first line at `head_size`, `head_gap`
    /// line spacings above the body, the body lines one spacing apart.
    fn facts_of(text: &str, head_size: f32, head_gap: f32) -> Vec<LineLayout> {
        let mut at = 0;
        let mut spans = Vec::new();
        for l in text.split('\n') {
            if !l.trim().is_empty() {
                spans.push(at..at + l.len());
            }
            at += l.len() + 1;
        }
        let n = spans.len();
        spans
            .into_iter()
            .enumerate()
            .map(|(k, range)| LineLayout {
                range,
                size: if k == 0 { head_size } else { 1.0 },
                gap_above: (k > 0).then_some(if k == 1 { head_gap } else { 1.0 }),
                gap_below: if k == 0 {
                    Some(head_gap)
                } else {
                    (k + 1 < n).then_some(1.0)
                },
                band: if k == 0 { Band::Top } else { Band::Body },
                spans_columns: false,
                centred: k == 0,
            })
            .collect()
    }

    /// A one-page text: a head line and four body lines, with facts for each line.
    fn page(head_size: f32, head_gap: f32) -> (String, Vec<LineLayout>) {
        let text = "Midland Gazette, No. 4\n\nThe first line of the body of this page goes on\nand the second line goes on with more of the text\nand a third, which is as long as the other lines\nand the last one ends the page with its full stop.\n";
        (text.to_string(), facts_of(text, head_size, head_gap))
    }

    #[test]
    fn the_example_holds_with_facts() {
        let rule = super::super::rules()
            .into_iter()
            .find(|r| r.info().code == "F004")
            .unwrap();
        let (input, output) = rule.info().example;
        let edits = context_with(input, facts_of(input, 0.9, 3.0));
        assert_eq!(crate::edit::apply(input, &edits), output);
    }

    #[test]
    fn the_rule_removes_the_head_with_its_blank_line() {
        let (text, layout) = page(0.9, 3.0);
        let edits = context_with(&text, layout);
        assert_eq!(edits.len(), 1);
        assert_eq!(edits[0].safety, Safety::Safe);
        let out = crate::edit::apply(&text, &edits);
        assert!(out.starts_with("The first line"), "{out}");
        // A title keeps its place; text input (no facts) is never touched.
        let (text, layout) = page(1.4, 3.0);
        assert!(context_with(&text, layout).is_empty());
        assert!(context_with(&text, Vec::new()).is_empty());
    }
}

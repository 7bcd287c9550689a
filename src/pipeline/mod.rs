//! The pipeline: rules run in stages — one stage per rule, in family order and in each
//! family's own order — each stage seeing the text after the edits applied by earlier
//! stages; their edits are composed back onto the original text.

pub mod compose;
pub mod remap;

use crate::edit::{keep_non_conflicting, resolve_conflicts, Edit, Safety};
use crate::limits::Deadline;
use crate::rules::{Context, Rule};
use serde::Serialize;

/// One edit of a run and whether the run applied it.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Change {
    /// The edit, in coordinates of the original text.
    #[serde(flatten)]
    pub edit: Edit,
    /// Whether the output holds this edit.
    pub applied: bool,
}

/// What a run produced: every change (sorted, non-overlapping, on the original text) and
/// the output, which is exactly the original with the applied changes.
#[derive(Clone, Debug)]
pub struct Outcome {
    /// Every change, applied or not.
    pub changes: Vec<Change>,
    /// The cleaned text.
    pub output: String,
}

/// Run `rules` over `original` stage by stage. Safe edits are applied; suggestions too when
/// `apply_suggestions` is set (`--all`), otherwise they are reported only.
///
/// ```
/// let rules = ocrclean::rules::registry();
/// let refs: Vec<&dyn ocrclean::Rule> = rules.iter().map(|r| r.as_ref()).collect();
/// let outcome = ocrclean::pipeline::run("ﬁne  \n", &refs, false);
/// assert_eq!(outcome.output, "fine\n");
/// assert!(outcome.changes.iter().all(|c| c.applied));
/// ```
pub fn run(original: &str, rules: &[&dyn Rule], apply_suggestions: bool) -> Outcome {
    run_with(original, rules, apply_suggestions, 0.0)
}

/// [`run`], applying only edits whose confidence is at least `min_confidence` (the
/// configuration's `threshold`); the others are reported as not applied.
///
/// ```
/// let rules = ocrclean::rules::registry();
/// let refs: Vec<&dyn ocrclean::Rule> = rules.iter().map(|r| r.as_ref()).collect();
/// let outcome = ocrclean::pipeline::run_with("ﬁne\n", &refs, false, 1.01);
/// assert_eq!(outcome.output, "ﬁne\n");
/// assert!(outcome.changes.iter().all(|c| !c.applied));
/// ```
pub fn run_with(
    original: &str,
    rules: &[&dyn Rule],
    apply_suggestions: bool,
    min_confidence: f32,
) -> Outcome {
    run_limited(
        original,
        rules,
        apply_suggestions,
        min_confidence,
        &Deadline::none(),
    )
    .unwrap_or_else(|| Outcome {
        changes: Vec::new(),
        output: original.to_string(),
    })
}

/// [`run_with`], giving up (`None`) when `deadline` passes; it is checked before each stage.
pub fn run_limited(
    original: &str,
    rules: &[&dyn Rule],
    apply_suggestions: bool,
    min_confidence: f32,
    deadline: &Deadline,
) -> Option<Outcome> {
    run_laid_out(
        original,
        &[],
        rules,
        apply_suggestions,
        min_confidence,
        deadline,
    )
}

/// [`run_limited`] on a text whose lines have layout facts (`layout`, sorted, on
/// `original`, as [`crate::Document::layout`] gives them): every stage's rules see the
/// facts moved onto the text they check ([`remap::remap`]).
pub fn run_laid_out(
    original: &str,
    layout: &[crate::document::LineLayout],
    rules: &[&dyn Rule],
    apply_suggestions: bool,
    min_confidence: f32,
    deadline: &Deadline,
) -> Option<Outcome> {
    // A large text repays the lexicon's faster search form (built meanwhile, same answers).
    crate::lexicon::Lexicon::embedded().prepare_for_large_input(original.len());
    let mut applied: Vec<Edit> = Vec::new();
    let mut suggestions: Vec<Edit> = Vec::new();
    // `None` while the current text is still the original: no copy is made until needed.
    let mut current: Option<String> = None;
    let mut ordered: Vec<&dyn Rule> = rules.to_vec();
    ordered.sort_by_key(|r| r.info().family);
    let mut stages = ordered.into_iter().peekable();
    // The last context and the changes its stage made: the next context patches its word
    // tokens instead of finding them again.
    let mut before: Option<(crate::rules::Handover, Vec<crate::rules::TextChange>)> = None;
    // The table of lexicon answers, once a rule asked for it: valid for every later text.
    let mut known = None;
    while stages.peek().is_some() {
        let text = current.as_deref().unwrap_or(original);
        // One context while the text stays the same: stages that change nothing share
        // what it computes (tokens, word counts, pages).
        let cx = match before.take() {
            Some((handover, changes)) => Context::after_handover(handover, text, changes),
            None => Context::new(text),
        };
        let cx = if layout.is_empty() {
            cx
        } else {
            cx.with_layout(remap::remap(layout, &applied))
        };
        cx.carry_known(known.clone());
        let mut stage_edits = None;
        for rule in stages.by_ref() {
            if deadline.expired() {
                return None;
            }
            let mut proposed = Vec::new();
            rule.check(&cx, &mut proposed);
            // A rule's bug must never corrupt text: edits off character boundaries are
            // dropped, and so are edits that change nothing.
            proposed.retain(|e| {
                e.range.start <= e.range.end
                    && text
                        .get(e.range.clone())
                        .is_some_and(|old| old != e.replacement)
            });
            let proposed = resolve_conflicts(proposed);
            let (to_apply, to_show): (Vec<Edit>, Vec<Edit>) = proposed.into_iter().partition(|e| {
                (apply_suggestions || e.safety == Safety::Safe) && e.confidence >= min_confidence
            });
            suggestions.extend(compose::map_unapplied(&applied, to_show));
            if to_apply.is_empty() {
                continue;
            }
            stage_edits = Some(to_apply);
            break;
        }
        known = cx.known_if_built().or(known);
        if let Some(to_apply) = stage_edits {
            // The context's tables are let go before the next text is made: only the word
            // tokens, and the whitespace tokens and counts the hyphen rules ask for one stage
            // after another, are kept for the next context to patch (peak memory).
            let handover = cx.into_handover();
            let next_text = crate::edit::apply(text, &to_apply);
            let mut changes = Vec::with_capacity(to_apply.len());
            crate::edit::for_each_applied(text, &to_apply, |e| {
                changes.push((e.range.clone(), e.replacement.len()))
            });
            applied = compose::compose(text, applied, &to_apply);
            before = Some((handover.patched(text, &next_text, &changes), changes));
            current = Some(next_text);
        }
    }
    let output = current.unwrap_or_else(|| original.to_string());
    let changes = merge_changes(applied, suggestions);
    Some(Outcome { changes, output })
}

/// One sorted list: every applied edit, plus each suggestion that conflicts with none of
/// them; among conflicting suggestions the one that starts first is kept.
fn merge_changes(applied: Vec<Edit>, mut suggestions: Vec<Edit>) -> Vec<Change> {
    suggestions.retain(|s| {
        let i = applied.partition_point(|a| a.range.end < s.range.start);
        !applied[i..]
            .iter()
            .take_while(|a| a.range.start <= s.range.end)
            .any(|a| a.conflicts_with(s))
    });
    suggestions.sort_by_key(|s| (s.range.start, s.range.end));
    let kept = keep_non_conflicting(suggestions);
    let mut changes: Vec<Change> = applied
        .into_iter()
        .map(|edit| Change {
            edit,
            applied: true,
        })
        .chain(kept.into_iter().map(|edit| Change {
            edit,
            applied: false,
        }))
        .collect();
    changes.sort_by_key(|c| (c.edit.range.start, c.edit.range.end));
    changes
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::edit::apply;
    use crate::rules::{registry, Family, RuleInfo};

    #[test]
    fn unicode_then_spacing_compose() {
        let rules = registry();
        let refs: Vec<&dyn Rule> = rules
            .iter()
            .filter(|r| r.info().default_on)
            .map(|r| r.as_ref())
            .collect();
        let original = "ﬁne\u{a0}\u{a0}\nnext";
        let out = run(original, &refs, false);
        assert_eq!(out.output, "fine\nnext");
        let edits: Vec<&Edit> = out.changes.iter().map(|c| &c.edit).collect();
        assert_eq!(apply(original, edits), out.output);
        // The odd spaces became spaces, then were trimmed: one merged edit.
        assert!(out.changes.iter().any(|c| c.edit.rule == "U003+S001"));
    }

    struct Suggest(RuleInfo);
    impl Rule for Suggest {
        fn info(&self) -> &RuleInfo {
            &self.0
        }
        fn check(&self, cx: &Context<'_>, out: &mut Vec<Edit>) {
            if let Some(i) = cx.text.find("tbe") {
                out.push(Edit::new(
                    i..i + 3,
                    "the",
                    "C999",
                    0.5,
                    Safety::Suggestion,
                    "x",
                ));
            }
        }
    }

    #[test]
    fn suggestions_reported_not_applied_unless_all() {
        let rule = Suggest(RuleInfo {
            code: "C999",
            name: "test",
            family: Family::Confusion,
            summary: "",
            example: ("", ""),
            default_on: true,
        });
        let refs: Vec<&dyn Rule> = vec![&rule];
        let out = run("tbe cat", &refs, false);
        assert_eq!(out.output, "tbe cat");
        assert_eq!(out.changes.len(), 1);
        assert!(!out.changes[0].applied);
        let out = run("tbe cat", &refs, true);
        assert_eq!(out.output, "the cat");
        assert!(out.changes[0].applied);
    }
}

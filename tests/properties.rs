//! Property tests of the edit model: whatever the rules propose, stage by stage, the run
//! ends with well-formed, non-overlapping edits on the original whose application gives
//! the output; any subset applies cleanly; every byte of difference lies inside an edit.

use ocrclean::edit::{apply, check_well_formed};
use ocrclean::pipeline::{run, Outcome};
use ocrclean::rules::{registry, Context, Family, Rule, RuleInfo};
use ocrclean::{Edit, Safety};
use proptest::prelude::*;

/// A rule that proposes edits chosen by the test: each (position, length, replacement,
/// safe) is scaled onto the current text and snapped to character boundaries.
struct Scripted {
    info: RuleInfo,
    edits: Vec<(f64, usize, String, bool)>,
}

impl Rule for Scripted {
    fn info(&self) -> &RuleInfo {
        &self.info
    }
    fn check(&self, cx: &Context<'_>, out: &mut Vec<Edit>) {
        let t = cx.text;
        for (pos, len, rep, safe) in &self.edits {
            let mut s = ((t.len() as f64) * pos) as usize;
            while !t.is_char_boundary(s) {
                s -= 1;
            }
            let mut e = (s + len).min(t.len());
            while !t.is_char_boundary(e) {
                e += 1;
            }
            let safety = if *safe {
                Safety::Safe
            } else {
                Safety::Suggestion
            };
            out.push(Edit::new(
                s..e,
                rep.clone(),
                self.info.code,
                0.5,
                safety,
                "scripted",
            ));
        }
    }
}

fn scripted(
    code: &'static str,
    family: Family,
    edits: Vec<(f64, usize, String, bool)>,
) -> Scripted {
    Scripted {
        info: RuleInfo {
            code,
            name: "scripted",
            family,
            summary: "test",
            example: ("", ""),
            default_on: true,
        },
        edits,
    }
}

fn text_strategy() -> impl Strategy<Value = String> {
    let pieces = prop::sample::select(vec![
        "a", "b", "tbe", " ", "  ", "\n", "\r\n", "\r", "\x0c", "ﬁ", "é", "\u{a0}", "\u{ad}",
        "\u{200b}", "â€™", "Ã©", "-\n", "\t", "\x07", "Kim II", "日本",
    ]);
    prop::collection::vec(pieces, 0..40).prop_map(|v| v.concat())
}

fn edit_strategy() -> impl Strategy<Value = Vec<(f64, usize, String, bool)>> {
    let rep = prop::sample::select(vec!["", "x", "yy", "\n", "é", "-"]).prop_map(String::from);
    prop::collection::vec((0.0f64..1.0, 0usize..5, rep, any::<bool>()), 0..6)
}

fn check_outcome(original: &str, out: &Outcome, mask: &[bool]) {
    let all: Vec<Edit> = out.changes.iter().map(|c| c.edit.clone()).collect();
    check_well_formed(original, &all).unwrap();
    let applied: Vec<&Edit> = out
        .changes
        .iter()
        .filter(|c| c.applied)
        .map(|c| &c.edit)
        .collect();
    assert_eq!(apply(original, applied.iter().copied()), out.output);
    // Any subset applies cleanly, and outside its edits the text is untouched.
    let subset: Vec<&Edit> = all
        .iter()
        .zip(mask.iter().cycle())
        .filter(|(_, &m)| m)
        .map(|(e, _)| e)
        .collect();
    let result = apply(original, subset.iter().copied());
    let (mut o, mut r) = (0, 0);
    for e in &subset {
        let gap = e.range.start - o;
        assert_eq!(&original[o..e.range.start], &result[r..r + gap]);
        r += gap + e.replacement.len();
        o = e.range.end;
    }
    assert_eq!(&original[o..], &result[r..]);
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(1000))]

    #[test]
    fn scripted_stages_compose(
        text in text_strategy(),
        e1 in edit_strategy(),
        e2 in edit_strategy(),
        e3 in edit_strategy(),
        all in any::<bool>(),
        mask in prop::collection::vec(any::<bool>(), 1..8),
    ) {
        let r1 = scripted("T001", Family::Unicode, e1);
        let r2 = scripted("T002", Family::Hyphen, e2);
        let r3 = scripted("T003", Family::Spacing, e3);
        let rules: Vec<&dyn Rule> = vec![&r1, &r2, &r3];
        let out = run(&text, &rules, all);
        check_outcome(&text, &out, &mask);
    }

    #[test]
    fn real_rules_compose_and_are_idempotent(
        text in text_strategy(),
        mask in prop::collection::vec(any::<bool>(), 1..8),
    ) {
        let rules = registry();
        let refs: Vec<&dyn Rule> = rules.iter().map(|r| r.as_ref()).collect();
        let out = run(&text, &refs, false);
        check_outcome(&text, &out, &mask);
        let again = run(&out.output, &refs, false);
        prop_assert!(again.changes.iter().all(|c| !c.applied), "not idempotent: {:?}", again.changes);
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(500))]

    /// Segments for bounded memory (`limits::segments`) cover the text exactly, in order,
    /// each within the size asked for, and cut only at character boundaries and never
    /// between the CR and LF of a line end.
    #[test]
    fn segments_cover_the_text(
        text in "([a-zé ]{0,12}(\n|\r\n|\r|\n\n|\x0c)){0,60}",
        max in 8usize..200,
    ) {
        let segs = ocrclean::limits::segments(&text, max);
        prop_assert_eq!(segs.first().map(|r| r.start), Some(0));
        prop_assert_eq!(segs.last().map(|r| r.end), Some(text.len()));
        for w in segs.windows(2) {
            prop_assert_eq!(w[0].end, w[1].start);
        }
        for r in &segs {
            prop_assert!(text.is_char_boundary(r.start) && text.is_char_boundary(r.end));
            prop_assert!(r.len() <= max + 3, "{} > {}", r.len(), max);
            prop_assert!(!(text[..r.end].ends_with('\r') && text[r.end..].starts_with('\n')));
        }
    }
}

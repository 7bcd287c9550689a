//! From answers to output: accepted changes are applied, rejected ones are not, edited ones
//! are applied with the reviewer's text; undecided safe changes follow the default (applied)
//! and undecided suggestions are not applied.

use super::state::Answer;
use crate::edit::{apply, Safety};
use crate::Report;
use std::fmt;

/// How a review ended, for the final message.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Summary {
    /// Changes accepted as proposed.
    pub accepted: usize,
    /// Changes applied with the reviewer's replacement.
    pub edited: usize,
    /// Changes rejected.
    pub rejected: usize,
    /// Undecided safe changes, applied by default.
    pub undecided_applied: usize,
    /// Undecided suggestions, not applied.
    pub undecided_skipped: usize,
}

impl Summary {
    /// Number of changes the output holds.
    pub fn applied(&self) -> usize {
        self.accepted + self.edited + self.undecided_applied
    }

    /// Number of undecided changes.
    pub fn undecided(&self) -> usize {
        self.undecided_applied + self.undecided_skipped
    }
}

impl fmt::Display for Summary {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} accepted", self.accepted + self.edited)?;
        if self.edited > 0 {
            write!(f, " ({} edited)", self.edited)?;
        }
        write!(
            f,
            ", {} rejected, {} undecided",
            self.rejected,
            self.undecided()
        )?;
        if self.undecided() > 0 {
            write!(
                f,
                " ({} safe applied by default, {} suggestions not applied)",
                self.undecided_applied, self.undecided_skipped
            )?;
        }
        Ok(())
    }
}

/// Set each change's `applied` flag (and an edited replacement) from `answers` (one per
/// change; missing ones are undecided), and recompute the report's output.
pub fn apply_answers(report: &mut Report, answers: &[Answer]) -> Summary {
    let mut s = Summary::default();
    for (i, c) in report.changes.iter_mut().enumerate() {
        let answer = answers.get(i).unwrap_or(&Answer::Undecided);
        c.applied = match answer {
            Answer::Accept => {
                s.accepted += 1;
                true
            }
            Answer::Reject => {
                s.rejected += 1;
                false
            }
            Answer::Edit(text) => {
                s.edited += 1;
                c.edit.replacement = text.clone();
                if !c.edit.reason.ends_with("(edited in review)") {
                    c.edit.reason.push_str(" (edited in review)");
                }
                true
            }
            Answer::Undecided if c.edit.safety == Safety::Safe => {
                s.undecided_applied += 1;
                true
            }
            Answer::Undecided => {
                s.undecided_skipped += 1;
                false
            }
        };
    }
    let applied = report.applied_edits();
    report.output = apply(report.document.text(), applied);
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    fn report(text: &str) -> Report {
        super::super::test_report(text)
    }

    #[test]
    fn accept_all_is_the_full_run() {
        let text = "The ﬁrst ﬂoor.  \nA caf\u{e9} — cafÃ©\n";
        let mut r = report(text);
        let full = r.output.clone();
        let n = r.changes.len();
        assert!(n >= 3, "{:?}", r.changes);
        let s = apply_answers(&mut r, &vec![Answer::Accept; n]);
        assert_eq!(r.output, full);
        assert_eq!(s.accepted, n);
        assert_eq!(s.applied(), n);
    }

    #[test]
    fn rejecting_one_leaves_that_spot_as_in_the_input() {
        let text = "The ﬁrst ﬂoor.  \n";
        let mut r = report(text);
        let n = r.changes.len();
        let mut answers = vec![Answer::Accept; n];
        answers[1] = Answer::Reject;
        let s = apply_answers(&mut r, &answers);
        assert_eq!(r.output, "The first ﬂoor.\n");
        assert_eq!(s.rejected, 1);
        assert!(s
            .to_string()
            .starts_with(&format!("{} accepted, 1 rejected", n - 1)));
    }

    #[test]
    fn edited_and_undecided() {
        let text = "The ﬁrst ﬂoor.\n";
        let mut r = report(text);
        let s = apply_answers(&mut r, &[Answer::Edit("F".into())]);
        // The second change is undecided and safe: applied by default.
        assert_eq!(r.output, "The Frst floor.\n");
        assert_eq!(s.edited, 1);
        assert_eq!(s.undecided_applied, 1);
        assert!(r.changes[0].edit.reason.ends_with("(edited in review)"));
    }

    #[test]
    fn undecided_suggestions_are_not_applied() {
        let mut r = report("x\n");
        r.changes.push(crate::Change {
            edit: crate::Edit::new(0..1, "y", "T", 0.5, Safety::Suggestion, "t"),
            applied: true,
        });
        let s = apply_answers(&mut r, &[]);
        assert_eq!(r.output, "x\n");
        assert_eq!(s.undecided_skipped, 1);
    }
}

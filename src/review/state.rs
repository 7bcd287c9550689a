//! The review state machine: which change is shown, the answer given to each, and an undo
//! stack. It is pure (no terminal, no files), so it is tested with scripted answers; the
//! front end turns keys into [`Command`]s and saves the answers after each one.
//!
//! Batch answers ("all remaining of this rule", "all identical") are explicit commands and
//! only ever touch the current change and changes still undecided: an answer never spreads
//! silently to later occurrences, and never overrides an answer already given.

use serde::{Deserialize, Serialize};

/// A reviewer's answer to one change.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Answer {
    /// Not answered yet: safe changes follow the default (applied), suggestions are not.
    Undecided,
    /// Apply the change as proposed.
    Accept,
    /// Leave the original text.
    Reject,
    /// Apply the change with this replacement instead of the proposed one.
    Edit(String),
}

impl Answer {
    /// Whether the reviewer answered.
    pub fn is_decided(&self) -> bool {
        !matches!(self, Answer::Undecided)
    }
}

/// What the state machine needs to know of a change.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Entry {
    /// Rule code(s), e.g. `U001` or `U003+S001`.
    pub rule: String,
    /// The original text the change replaces.
    pub old: String,
    /// The proposed replacement.
    pub new: String,
    /// Whether the change is safe (applied by default) rather than a suggestion.
    pub safe: bool,
}

/// Which changes are shown.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum Scope {
    /// Every change, safe or suggestion.
    #[default]
    All,
    /// Only suggestions; safe changes follow the default unless answered earlier.
    Suggestions,
}

/// One step of the review.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Command {
    /// Accept the current change.
    Accept,
    /// Reject the current change.
    Reject,
    /// Apply the current change with another replacement.
    Edit(String),
    /// Accept the current change and every undecided change of the same rule.
    AcceptRule,
    /// Reject the current change and every undecided change of the same rule.
    RejectRule,
    /// Accept the current change and every undecided identical change (same old → new).
    AcceptIdentical,
    /// Reject the current change and every undecided identical change (same old → new).
    RejectIdentical,
    /// Take back the last answer (or batch of answers).
    Undo,
    /// Show the next change.
    Next,
    /// Show the previous change.
    Prev,
    /// Show the next undecided change (wrapping around).
    NextUndecided,
    /// Stop reviewing.
    Quit,
}

/// What a command did, for the front end to save and report.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Event {
    /// Answers changed (this many changes): save them.
    Answered(usize),
    /// An answer was taken back (this many changes): save.
    Undone(usize),
    /// Nothing to undo.
    NothingToUndo,
    /// The cursor moved.
    Moved,
    /// The cursor is already at the first or last change.
    AtEdge,
    /// No undecided change is left after an answer: the review is complete.
    Finished,
    /// The reviewer quit.
    Quit,
}

#[derive(Clone, Debug)]
struct Step {
    cursor: usize,
    previous: Vec<(usize, Answer)>,
}

/// The state of a review: entries, their answers, the cursor and the undo stack.
#[derive(Clone, Debug)]
pub struct Review {
    entries: Vec<Entry>,
    answers: Vec<Answer>,
    /// Indices of the entries that are shown, in document order.
    shown: Vec<usize>,
    /// Index into `shown`.
    cursor: usize,
    undo: Vec<Step>,
}

impl Review {
    /// A review of `entries` with earlier `answers` (one per entry; missing ones are
    /// undecided), starting at the first undecided shown change.
    pub fn new(entries: Vec<Entry>, mut answers: Vec<Answer>, scope: Scope) -> Review {
        answers.resize(entries.len(), Answer::Undecided);
        let shown = (0..entries.len())
            .filter(|&i| scope == Scope::All || !entries[i].safe)
            .collect();
        let mut r = Review {
            entries,
            answers,
            shown,
            cursor: 0,
            undo: Vec::new(),
        };
        if let Some(c) = r.find_undecided(0) {
            r.cursor = c;
        }
        r
    }

    /// Every answer, one per entry.
    pub fn answers(&self) -> &[Answer] {
        &self.answers
    }

    /// The entries.
    pub fn entries(&self) -> &[Entry] {
        &self.entries
    }

    /// Number of changes shown.
    pub fn len(&self) -> usize {
        self.shown.len()
    }

    /// Whether there is nothing to review.
    pub fn is_empty(&self) -> bool {
        self.shown.is_empty()
    }

    /// Index (into the entries) of the change shown now, if any.
    pub fn current(&self) -> Option<usize> {
        self.shown.get(self.cursor).copied()
    }

    /// Position of the current change among the shown ones, from 1.
    pub fn position(&self) -> usize {
        self.cursor + 1
    }

    /// Number of shown changes still undecided.
    pub fn undecided(&self) -> usize {
        self.shown
            .iter()
            .filter(|&&i| !self.answers[i].is_decided())
            .count()
    }

    /// The status line: "37/212, 5 rejected", with edited and undecided counts.
    pub fn status(&self) -> String {
        let count =
            |f: fn(&Answer) -> bool| self.shown.iter().filter(|&&i| f(&self.answers[i])).count();
        let accepted = count(|a| matches!(a, Answer::Accept));
        let rejected = count(|a| matches!(a, Answer::Reject));
        let edited = count(|a| matches!(a, Answer::Edit(_)));
        let mut s = format!(
            "{}/{}, {accepted} accepted, {rejected} rejected",
            self.position().min(self.len()),
            self.len()
        );
        if edited > 0 {
            s.push_str(&format!(", {edited} edited"));
        }
        s.push_str(&format!(", {} undecided", self.undecided()));
        s
    }

    /// The entries a batch command would answer: the current change and every undecided
    /// shown change of the same rule (`same_rule`) or with the same old → new text.
    pub fn batch_targets(&self, same_rule: bool) -> Vec<usize> {
        let Some(cur) = self.current() else {
            return Vec::new();
        };
        let c = &self.entries[cur];
        self.shown
            .iter()
            .copied()
            .filter(|&i| {
                let e = &self.entries[i];
                let same = if same_rule {
                    e.rule == c.rule
                } else {
                    e.old == c.old && e.new == c.new
                };
                i == cur || (same && !self.answers[i].is_decided())
            })
            .collect()
    }

    /// Carry out one command.
    pub fn apply(&mut self, cmd: Command) -> Event {
        if self.shown.is_empty() {
            return match cmd {
                Command::Quit => Event::Quit,
                _ => Event::Finished,
            };
        }
        match cmd {
            Command::Accept => self.answer(vec![self.cursor_entry()], |_| Answer::Accept),
            Command::Reject => self.answer(vec![self.cursor_entry()], |_| Answer::Reject),
            Command::Edit(text) => {
                let i = self.cursor_entry();
                let e = &self.entries[i];
                let a = if text == e.new {
                    Answer::Accept
                } else if text == e.old {
                    Answer::Reject
                } else {
                    Answer::Edit(text)
                };
                self.answer(vec![i], move |_| a.clone())
            }
            Command::AcceptRule => self.answer(self.batch_targets(true), |_| Answer::Accept),
            Command::RejectRule => self.answer(self.batch_targets(true), |_| Answer::Reject),
            Command::AcceptIdentical => self.answer(self.batch_targets(false), |_| Answer::Accept),
            Command::RejectIdentical => self.answer(self.batch_targets(false), |_| Answer::Reject),
            Command::Undo => match self.undo.pop() {
                None => Event::NothingToUndo,
                Some(step) => {
                    let n = step.previous.len();
                    for (i, a) in step.previous {
                        self.answers[i] = a;
                    }
                    self.cursor = step.cursor;
                    Event::Undone(n)
                }
            },
            Command::Next => {
                if self.cursor + 1 < self.shown.len() {
                    self.cursor += 1;
                    Event::Moved
                } else {
                    Event::AtEdge
                }
            }
            Command::Prev => {
                if self.cursor > 0 {
                    self.cursor -= 1;
                    Event::Moved
                } else {
                    Event::AtEdge
                }
            }
            Command::NextUndecided => match self.find_undecided(self.cursor + 1) {
                Some(c) if c != self.cursor => {
                    self.cursor = c;
                    Event::Moved
                }
                Some(_) => Event::AtEdge,
                None => Event::Finished,
            },
            Command::Quit => Event::Quit,
        }
    }

    fn cursor_entry(&self) -> usize {
        self.shown[self.cursor]
    }

    /// Set the answers of `targets`, push an undo step and move to the next undecided
    /// change after the current one; `Finished` when none is left.
    fn answer(&mut self, targets: Vec<usize>, f: impl Fn(usize) -> Answer) -> Event {
        let previous: Vec<(usize, Answer)> = targets
            .iter()
            .map(|&i| (i, self.answers[i].clone()))
            .collect();
        for &i in &targets {
            self.answers[i] = f(i);
        }
        self.undo.push(Step {
            cursor: self.cursor,
            previous,
        });
        match self.find_undecided(self.cursor + 1) {
            Some(c) => {
                self.cursor = c;
                Event::Answered(targets.len())
            }
            None => Event::Finished,
        }
    }

    /// The first undecided shown change at or after `from` (a cursor position), wrapping
    /// around to the start.
    fn find_undecided(&self, from: usize) -> Option<usize> {
        let n = self.shown.len();
        (0..n)
            .map(|k| (from + k) % n)
            .find(|&c| !self.answers[self.shown[c]].is_decided())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry(rule: &str, old: &str, new: &str, safe: bool) -> Entry {
        Entry {
            rule: rule.into(),
            old: old.into(),
            new: new.into(),
            safe,
        }
    }

    fn sample() -> Vec<Entry> {
        vec![
            entry("U001", "ﬁ", "fi", true),
            entry("C001", "tbe", "the", false),
            entry("U001", "ﬂ", "fl", true),
            entry("C001", "tbe", "the", false),
            entry("S001", "  ", "", true),
            entry("U001", "ﬁ", "fi", true),
        ]
    }

    fn run(r: &mut Review, cmds: &[Command]) -> Vec<Event> {
        cmds.iter().map(|c| r.apply(c.clone())).collect()
    }

    #[test]
    fn scripted_accept_reject_edit_in_order() {
        let mut r = Review::new(sample(), vec![], Scope::All);
        assert_eq!(r.current(), Some(0));
        let ev = run(
            &mut r,
            &[
                Command::Accept,
                Command::Reject,
                Command::Edit("fI".into()),
                Command::Accept,
                Command::Accept,
            ],
        );
        assert_eq!(ev.last(), Some(&Event::Answered(1)));
        assert_eq!(r.current(), Some(5));
        assert_eq!(
            r.status(),
            "6/6, 3 accepted, 1 rejected, 1 edited, 1 undecided"
        );
        assert_eq!(r.apply(Command::Accept), Event::Finished);
        assert_eq!(
            r.answers(),
            &[
                Answer::Accept,
                Answer::Reject,
                Answer::Edit("fI".into()),
                Answer::Accept,
                Answer::Accept,
                Answer::Accept
            ]
        );
    }

    #[test]
    fn undo_restores_answers_and_cursor() {
        let mut r = Review::new(sample(), vec![], Scope::All);
        assert_eq!(r.apply(Command::Undo), Event::NothingToUndo);
        r.apply(Command::Accept);
        r.apply(Command::Reject);
        assert_eq!(r.current(), Some(2));
        assert_eq!(r.apply(Command::Undo), Event::Undone(1));
        assert_eq!(r.current(), Some(1));
        assert_eq!(r.answers()[1], Answer::Undecided);
        assert_eq!(r.answers()[0], Answer::Accept);
        // A batch undoes as one step.
        assert_eq!(r.apply(Command::RejectIdentical), Event::Answered(2));
        assert_eq!(r.answers()[3], Answer::Reject);
        assert_eq!(r.apply(Command::Undo), Event::Undone(2));
        assert_eq!(r.answers()[3], Answer::Undecided);
        assert_eq!(r.answers()[1], Answer::Undecided);
    }

    #[test]
    fn batches_never_override_an_answer() {
        let mut r = Review::new(sample(), vec![], Scope::All);
        r.apply(Command::Reject); // ﬁ at 0 rejected
        r.apply(Command::Next); // skip 1, now at 2
        assert_eq!(r.current(), Some(2));
        assert_eq!(r.batch_targets(true), vec![2, 5]);
        assert_eq!(r.apply(Command::AcceptRule), Event::Answered(2));
        assert_eq!(r.answers()[0], Answer::Reject);
        assert_eq!(r.answers()[5], Answer::Accept);
        // The next undecided after 2 is 3, not 1 which was skipped.
        assert_eq!(r.current(), Some(3));
        // Identical: same old and new, the skipped one included.
        assert_eq!(r.batch_targets(false), vec![1, 3]);
        assert_eq!(r.apply(Command::AcceptIdentical), Event::Answered(2));
        assert_eq!(r.current(), Some(4));
        assert_eq!(r.undecided(), 1);
    }

    #[test]
    fn navigation_and_next_undecided_wrap() {
        let answers = vec![Answer::Accept, Answer::Undecided, Answer::Accept];
        let mut r = Review::new(sample(), answers, Scope::All);
        assert_eq!(r.current(), Some(1), "resumes at the first undecided");
        assert_eq!(r.apply(Command::Prev), Event::Moved);
        assert_eq!(r.apply(Command::Prev), Event::AtEdge);
        assert_eq!(r.apply(Command::NextUndecided), Event::Moved);
        assert_eq!(r.current(), Some(1));
        for _ in 0..10 {
            r.apply(Command::Next);
        }
        assert_eq!(r.current(), Some(5));
        assert_eq!(r.apply(Command::NextUndecided), Event::Moved);
        assert_eq!(r.current(), Some(1), "wraps around");
        assert_eq!(r.apply(Command::Quit), Event::Quit);
    }

    #[test]
    fn edit_to_proposed_or_original_is_accept_or_reject() {
        let mut r = Review::new(sample(), vec![], Scope::All);
        r.apply(Command::Edit("fi".into()));
        r.apply(Command::Edit("tbe".into()));
        assert_eq!(r.answers()[0], Answer::Accept);
        assert_eq!(r.answers()[1], Answer::Reject);
    }

    #[test]
    fn suggestions_scope_shows_only_suggestions() {
        let mut r = Review::new(sample(), vec![], Scope::Suggestions);
        assert_eq!(r.len(), 2);
        assert_eq!(r.current(), Some(1));
        r.apply(Command::Accept);
        assert_eq!(r.current(), Some(3));
        assert_eq!(r.apply(Command::Reject), Event::Finished);
        assert_eq!(r.status(), "2/2, 1 accepted, 1 rejected, 0 undecided");
        assert_eq!(r.answers()[0], Answer::Undecided);
    }

    #[test]
    fn nothing_to_review() {
        let mut r = Review::new(vec![], vec![], Scope::All);
        assert!(r.is_empty());
        assert_eq!(r.current(), None);
        assert_eq!(r.apply(Command::Accept), Event::Finished);
        assert_eq!(r.apply(Command::Quit), Event::Quit);
    }
}

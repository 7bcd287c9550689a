//! Review mode: a person steps through every change and keeps exactly what they accept.
//!
//! The library side is pure and I/O-light so it can be tested with scripted answers:
//! [`state`] is the review state machine (answers, cursor, undo), [`decisions`] the decisions
//! file that saves each answer keyed by content and context (so answers survive a re-run of
//! extraction), [`apply`] turns answers into the final edit list, [`learn`] keeps the pairs
//! and words a reviewer marked "always", and [`view`] renders one change for a terminal.
//! The terminal front end lives in the `clean` binary.

pub mod apply;
pub mod decisions;
pub mod learn;
pub mod state;
pub mod view;

pub use apply::{apply_answers, Summary};
pub use decisions::{Key, Store};
pub use learn::Learned;
pub use state::{Answer, Command, Entry, Event, Review, Scope};

/// Test helper: the report of a run with every change applied (the list review works on).
#[cfg(test)]
pub(crate) fn test_report(text: &str) -> crate::Report {
    let opts = crate::Options {
        apply_suggestions: true,
        ..crate::Options::default()
    };
    crate::clean_text(text, &opts).unwrap()
}

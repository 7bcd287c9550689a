//! Views of a report: the change list, the unified diff, the JSON document and the
//! one-line summary.

pub mod changes;
pub mod diff;
pub mod json;

use crate::Report;

pub use crate::visible::visible;

/// The one-line summary printed on stderr after a run.
pub fn summary(report: &Report) -> String {
    summary_of(report.applied(), report.not_applied())
}

/// [`summary`] from the counts of applied and not applied changes.
pub fn summary_of(applied: usize, pending: usize) -> String {
    let mut s = match applied {
        0 => "no changes applied".to_string(),
        1 => "1 change applied".to_string(),
        n => format!("{n} changes applied"),
    };
    if pending > 0 {
        let noun = if pending == 1 {
            "suggestion"
        } else {
            "suggestions"
        };
        s.push_str(&format!(
            ", {pending} {noun} not applied — see --all or --review"
        ));
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn summary_mentions_suggestions() {
        let report = crate::clean_text("x", &crate::Options::default()).unwrap();
        assert_eq!(summary(&report), "no changes applied");
    }
}

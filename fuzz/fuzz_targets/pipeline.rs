//! Every rule (default-off ones and `--all` suggestions included) on arbitrary UTF-8.
//! Beyond not crashing, the report must account for every byte: the output is exactly the
//! original with the applied changes, which are sorted and do not overlap.
#![no_main]

use libfuzzer_sys::fuzz_target;
use ocrclean::{clean_text, Options, Selection};

fuzz_target!(|text: &str| {
    let every_rule = Options {
        selection: Selection {
            select: ocrclean::rules::Family::ALL
                .iter()
                .map(|f| f.name().to_string())
                .collect(),
            ignore: Vec::new(),
        },
        apply_suggestions: true,
        unwrap: true,
        ..Options::default()
    };
    for opts in [Options::default(), every_rule] {
        let Ok(report) = clean_text(text, &opts) else {
            continue;
        };
        let applied: Vec<&ocrclean::Edit> = report
            .changes
            .iter()
            .filter(|c| c.applied)
            .map(|c| &c.edit)
            .collect();
        for pair in report.changes.windows(2) {
            assert!(pair[0].edit.range.end <= pair[1].edit.range.start, "changes overlap");
        }
        let rebuilt = ocrclean::edit::apply(text, applied);
        assert_eq!(rebuilt, report.output, "output differs from input + reported edits");
    }
});

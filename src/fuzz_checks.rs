//! The checks each fuzz target runs (`fuzz/fuzz_targets/`), shared with the regression
//! test that replays every committed fuzz input (`tests/fuzz_regressions.rs`), so a crash
//! found by the fuzzer stays fixed. Each function must return normally for any input; a
//! panic is a bug.

use crate::config::Config;
use crate::input::pdf::{extract, PdfOptions};
use crate::input::{load_bytes, LoadOptions};
use crate::review::decisions::{self, Store};
use crate::review::learn::Learned;
use crate::{clean_text, Options, Selection};
use std::path::Path;

/// PDF loading and extraction on arbitrary bytes, then the default rules on the text.
pub fn pdf_extract(data: &[u8]) {
    if let Ok(extracted) = extract(data, &PdfOptions::default()) {
        let _ = clean_text(&extracted.text, &Options::default());
    }
}

/// Text input on arbitrary bytes: sniffing, BOMs, detection and decoding (also with a
/// forced legacy encoding), and the document built from it.
pub fn text_decode(data: &[u8]) {
    let _ = crate::input::text::decode(data.to_vec(), None);
    let _ = crate::input::text::decode(data.to_vec(), Some(encoding_rs::WINDOWS_1252));
    let opts = LoadOptions {
        strict: data.first().is_some_and(|b| b & 1 == 1),
        ..LoadOptions::default()
    };
    if let Ok(loaded) = load_bytes(data.to_vec(), Path::new("fuzz.txt"), &opts) {
        let _ = loaded.document.pages().len();
    }
}

/// Every rule (default-off ones and suggestions included) on arbitrary UTF-8. The report
/// must account for every byte: its changes are sorted and disjoint, and the output is
/// exactly the input with the applied ones. The text's segments for bounded memory
/// (at a size small enough to cut it) must cover it at character boundaries.
pub fn pipeline(text: &str) {
    let segments = crate::limits::segments(text, 1 + text.len() / 3);
    let mut at = 0;
    for r in segments {
        assert!(
            r.start == at && text.is_char_boundary(r.end),
            "bad segment {r:?}"
        );
        at = r.end;
    }
    assert_eq!(at, text.len(), "segments do not cover the text");
    let every_rule = Options {
        selection: Selection {
            select: crate::rules::Family::ALL
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
        for pair in report.changes.windows(2) {
            assert!(
                pair[0].edit.range.end <= pair[1].edit.range.start,
                "changes overlap"
            );
        }
        // Edits are offsets into the decoded document (a leading byte-order mark is not
        // part of it: it is reported as `Source::bom`).
        let original = report.document.text();
        let rebuilt = crate::edit::apply(original, report.applied_edits());
        assert_eq!(
            rebuilt, report.output,
            "output is not input + reported edits"
        );
    }
}

/// The files a user or a review writes: `clean.toml`, a decisions file, a learned file
/// (the first byte picks which). A configuration that parses must also build options
/// and clean a text; a decisions file must resolve against a report.
pub fn config_parse(data: &[u8]) {
    let Some((&which, rest)) = data.split_first() else {
        return;
    };
    let path = Path::new("fuzz.toml");
    match which % 3 {
        0 => {
            let Ok(text) = std::str::from_utf8(rest) else {
                return;
            };
            if let Ok(config) = Config::parse(text, path) {
                let _ = config.to_toml();
                if let Ok(opts) = config.to_options() {
                    let _ = clean_text("Tbe l953 text, Kim II Sung.\n", &opts);
                }
            }
        }
        1 => {
            let Ok(mut store) = Store::parse(Path::new("fuzz.decisions.json"), rest) else {
                return;
            };
            if let Ok(report) = clean_text("tbe l953 text\n\nof II Sung\n", &Options::default()) {
                let keys = decisions::keys(&report);
                let answers = store.resolve(&keys);
                let _ = store.render(&report, &keys, &answers);
            }
        }
        _ => {
            let Ok(text) = std::str::from_utf8(rest) else {
                return;
            };
            if let Ok(learned) = Learned::parse(text, path) {
                let _ = learned.rule();
            }
        }
    }
}

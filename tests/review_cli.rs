//! CLI tests of review mode without a terminal: the clear error, replaying a decisions file
//! with `--decisions`, and learned files with `--learn`.

use assert_cmd::Command;
use ocrclean::review::{decisions, Answer, Store};
use ocrclean::{clean_text, edit, Options};
use predicates::str::contains;

/// A project-written text with ligatures, trailing spaces, mojibake and a soft hyphen.
const TEXT: &str = "The \u{fb01}rst meeting was held in the o\u{fb03}ce.  \n\
The treasurer\u{e2}\u{20ac}\u{2122}s report was read in the \u{fb02}at.\n\
The secretary thanked them for the reorgan\u{ad}isation.\n";

fn full_report(text: &str) -> ocrclean::Report {
    let opts = Options {
        apply_suggestions: true,
        ..Options::default()
    };
    clean_text(text, &opts).unwrap()
}

fn clean() -> Command {
    Command::cargo_bin("clean").unwrap()
}

#[test]
fn review_without_a_terminal_is_a_clear_error() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("in.txt");
    std::fs::write(&input, TEXT).unwrap();
    clean()
        .arg(&input)
        .arg("--review")
        .arg("-o")
        .arg(dir.path().join("out.txt"))
        .write_stdin("y\n")
        .assert()
        .code(2)
        .stderr(contains("terminal"))
        .stderr(contains("--changes"))
        .stderr(contains("--format json"))
        .stderr(contains("--decisions"));
    assert!(!dir.path().join("out.txt").exists());
    assert!(!dir.path().join("out.txt.decisions.json").exists());
}

#[test]
fn decisions_replay_applies_exactly_the_answers() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("in.txt");
    std::fs::write(&input, TEXT).unwrap();
    let report = full_report(TEXT);
    let n = report.changes.len();
    assert!(n >= 5, "{:?}", report.changes);
    // Reject the second change, edit the third, accept the rest.
    let mut answers = vec![Answer::Accept; n];
    answers[1] = Answer::Reject;
    answers[2] = Answer::Edit("[edited]".into());
    let keys = decisions::keys(&report);
    let path = dir.path().join("d.json");
    Store::load(&path)
        .unwrap()
        .save(&report, &keys, &answers)
        .unwrap();

    let mut expected_edits: Vec<ocrclean::Edit> =
        report.changes.iter().map(|c| c.edit.clone()).collect();
    expected_edits[2].replacement = "[edited]".into();
    expected_edits.remove(1);
    let expected = edit::apply(TEXT, &expected_edits);
    let rejected = &report.changes[1].edit;
    assert!(expected.contains(&TEXT[rejected.range.clone()]));

    clean()
        .arg("--decisions")
        .arg(&path)
        .arg(&input)
        .assert()
        .success()
        .stdout(expected.clone())
        .stderr(contains(format!(
            "{} accepted (1 edited), 1 rejected",
            n - 1
        )));

    // Text added before everything: the answers follow their changes.
    let shifted = format!("A preface \u{fb01}tted in later.\n\n{TEXT}");
    std::fs::write(&input, &shifted).unwrap();
    let out = clean()
        .arg("--decisions")
        .arg(&path)
        .arg(&input)
        .arg("-q")
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let out = String::from_utf8(out).unwrap();
    assert_eq!(out, format!("A preface fitted in later.\n\n{expected}"));
}

#[test]
fn missing_decisions_file_is_an_error_naming_it() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("in.txt");
    std::fs::write(&input, TEXT).unwrap();
    clean()
        .arg("--decisions")
        .arg(dir.path().join("nothing.json"))
        .arg(&input)
        .assert()
        .code(2)
        .stderr(contains("nothing.json"));
}

#[test]
fn learned_pairs_and_kept_words_apply_in_later_runs() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("in.txt");
    std::fs::write(
        &input,
        "Mr Smyth spoke. World War II ended. The o\u{fb03}ce.\n",
    )
    .unwrap();
    let learn = dir.path().join("learned.toml");
    std::fs::write(
        &learn,
        "keep = [\"o\u{fb03}ce\"]\n\n[[replace]]\nold = \"Mr Smyth\"\nnew = \"Mr Smith\"\n",
    )
    .unwrap();
    clean()
        .arg("--learn")
        .arg(&learn)
        .arg(&input)
        .assert()
        .success()
        .stdout("Mr Smith spoke. World War II ended. The o\u{fb03}ce.\n");
    clean()
        .arg("--learn")
        .arg(&learn)
        .arg("--changes")
        .arg(&input)
        .assert()
        .success()
        .stdout(contains("X001"))
        .stdout(contains("learned from review"));
}

#[test]
fn broken_decisions_file_is_never_overwritten() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("in.txt");
    std::fs::write(&input, TEXT).unwrap();
    let path = dir.path().join("d.json");
    std::fs::write(&path, "{ not json").unwrap();
    clean()
        .arg("--decisions")
        .arg(&path)
        .arg(&input)
        .assert()
        .code(2)
        .stderr(contains("d.json"));
    assert_eq!(std::fs::read_to_string(&path).unwrap(), "{ not json");
}

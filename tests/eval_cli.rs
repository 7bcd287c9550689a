//! `clean eval` from the command line: both forms, both formats, per-file errors. The
//! runs select the Unicode rules only, so the expected figures stay put as other rule
//! families grow.

use assert_cmd::Command;
use predicates::prelude::*;
use predicates::str::contains;
use std::fs;
use std::path::Path;

fn clean() -> Command {
    Command::cargo_bin("clean").unwrap()
}

/// A corpus with one set (two documents) and one document directory whose input is a
/// PDF stub.
fn corpus(root: &Path) {
    for d in ["news/ocr", "news/truth", "gen/doc1", "gen/doc2"] {
        fs::create_dir_all(root.join(d)).unwrap();
    }
    fs::write(
        root.join("news/truth/a.txt"),
        "The first flow of the river.\n",
    )
    .unwrap();
    fs::write(root.join("news/ocr/a.txt"), "The ﬁrst ﬂow of tbe river.\n").unwrap();
    fs::write(
        root.join("news/truth/b.txt"),
        "A quiet evening by the water.\n",
    )
    .unwrap();
    fs::write(
        root.join("news/ocr/b.txt"),
        "A quiet eve\u{200b}ning by the water.\n",
    )
    .unwrap();
    fs::write(root.join("gen/doc1/truth.txt"), "Plain words here.\n").unwrap();
    fs::write(root.join("gen/doc1/ocr.txt"), "Plain words here.\n").unwrap();
    fs::write(root.join("gen/doc2/truth.txt"), "Some text.\n").unwrap();
    fs::write(root.join("gen/doc2/ocr.txt"), "%PDF-1.4\n%%EOF\n").unwrap();
}

#[test]
fn one_document_with_truth() {
    let tmp = tempfile::tempdir().unwrap();
    let r = tmp.path();
    corpus(r);
    clean()
        .args(["eval", "--select", "unicode", "--truth"])
        .arg(r.join("news/truth/a.txt"))
        .arg(r.join("news/ocr/a.txt"))
        .assert()
        .success()
        .stdout(contains("0.5000 → 0.1667"))
        .stdout(contains("U001"));
}

#[test]
fn corpus_as_json_lists_sets_and_errors() {
    let tmp = tempfile::tempdir().unwrap();
    let r = tmp.path();
    corpus(r);
    let out = clean()
        .args(["eval", "--select", "unicode", "--format", "json"])
        .arg(r)
        .assert()
        .success()
        .stderr(contains("doc2"))
        .get_output()
        .stdout
        .clone();
    let v: serde_json::Value = serde_json::from_slice(&out).unwrap();
    let names: Vec<&str> = v["sets"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["name"].as_str().unwrap())
        .collect();
    assert_eq!(names, ["gen/doc1", "gen/doc2", "news"]);
    assert_eq!(v["total"]["docs"], 3);
    assert_eq!(v["total"]["words"], 6 + 6 + 3);
    assert_eq!(v["sets"][2]["fixed"], 3);
    assert_eq!(v["sets"][2]["broken"], 0);
    assert_eq!(v["sets"][2]["rules"]["U004"]["applied"]["toward"], 1);
    let errors = v["total"]["errors"].as_array().unwrap();
    assert_eq!(errors.len(), 1);
    assert!(errors[0]["path"].as_str().unwrap().ends_with("ocr.txt"));
}

#[test]
fn selection_applies_and_nothing_evaluated_is_an_error() {
    let tmp = tempfile::tempdir().unwrap();
    let r = tmp.path();
    corpus(r);
    clean()
        .args(["eval", "--select", "U004"])
        .arg(r.join("news"))
        .assert()
        .success()
        .stdout(contains("U004"))
        .stdout(contains("U001").not());
    clean()
        .args(["eval", "--select", "nope"])
        .arg(r)
        .assert()
        .code(2);
    clean()
        .arg("eval")
        .arg(r.join("gen/doc2"))
        .assert()
        .code(2)
        .stderr(contains("no document could be evaluated"));
    clean()
        .arg("eval")
        .arg(r.join("news/ocr"))
        .assert()
        .code(2)
        .stderr(contains("no corpus found"));
}

#[test]
fn no_hyphen_folds_line_end_hyphens() {
    let tmp = tempfile::tempdir().unwrap();
    let (t, i) = (tmp.path().join("t"), tmp.path().join("i"));
    fs::write(&t, "the organisation met\n").unwrap();
    fs::write(&i, "the organi-\nsation met\n").unwrap();
    clean()
        .args(["eval", "--truth"])
        .arg(&t)
        .arg(&i)
        .assert()
        .success()
        .stdout(contains("0.6667 →"));
    clean()
        .args(["eval", "--no-hyphen", "--truth"])
        .arg(&t)
        .arg(&i)
        .assert()
        .success()
        .stdout(contains("0.0000 → 0.0000"));
}

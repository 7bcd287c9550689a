//! End-to-end tests of the split-word (C004) and run-together (C005) rules through the
//! `clean` binary, on sentences written for the test.

use assert_cmd::Command;

fn clean() -> Command {
    Command::cargo_bin("clean").unwrap()
}

fn run(args: &[&str], input: &str) -> String {
    let out = clean().args(args).write_stdin(input).output().unwrap();
    assert!(out.status.success(), "{out:?}");
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn joins_and_splits_with_the_default_rules() {
    let text = "The storm con tinued for days, and most ofthe boats stayed in.\nThey lived a part of the year by the sea.\n";
    let cleaned = run(&["-q", "--select", "C004,C005"], text);
    assert_eq!(
        cleaned,
        "The storm continued for days, and most of the boats stayed in.\nThey lived a part of the year by the sea.\n"
    );
}

#[test]
fn every_change_names_its_evidence() {
    let text = "The storm con tinued, and most ofthe boats stayed in.\n";
    let changes = run(&["--changes", "--select", "C004,C005"], text);
    let lines: Vec<&str> = changes.lines().collect();
    assert_eq!(lines.len(), 2, "{changes}");
    assert!(lines[0].contains("C004") && lines[0].contains("'tinued' is not a word"));
    assert!(lines[1].contains("C005") && lines[1].contains("common pair"));
}

#[test]
fn seed_article_untouched() {
    let seed =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/samples/seed-article.txt");
    if !seed.exists() {
        eprintln!("skipping: ../shared/samples/seed-article.txt is not here");
        return;
    }
    let out = clean()
        .args(["--changes", "--select", "C004,C005"])
        .arg(&seed)
        .output()
        .unwrap();
    assert!(out.status.success());
    assert!(
        out.stdout.is_empty(),
        "{}",
        String::from_utf8_lossy(&out.stdout)
    );
}

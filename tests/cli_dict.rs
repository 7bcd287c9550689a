//! CLI tests of `--dict FILE` (user words).

use assert_cmd::Command;
use predicates::str::contains;

#[test]
fn dict_file_is_read() {
    let dir = tempfile::tempdir().unwrap();
    let dict = dir.path().join("words.txt");
    std::fs::write(&dict, "# my names\nLalkar\nWPK\n").unwrap();
    let input = dir.path().join("in.txt");
    std::fs::write(&input, "Lalkar and the WPK.\n").unwrap();
    Command::cargo_bin("clean")
        .unwrap()
        .arg("--dict")
        .arg(&dict)
        .arg("--dict")
        .arg(&dict)
        .arg(&input)
        .assert()
        .success()
        .stdout("Lalkar and the WPK.\n");
}

#[test]
fn missing_dict_file_is_an_error_naming_it() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("in.txt");
    std::fs::write(&input, "text\n").unwrap();
    Command::cargo_bin("clean")
        .unwrap()
        .arg("--dict")
        .arg(dir.path().join("no-such-words.txt"))
        .arg(&input)
        .assert()
        .code(2)
        .stderr(contains("no-such-words.txt"));
}

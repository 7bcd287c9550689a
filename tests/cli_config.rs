//! CLI tests of the configuration file, `clean config --show`, the man page and --help.

use assert_cmd::Command;
use predicates::prelude::*;

fn clean(cwd: &std::path::Path) -> Command {
    let mut c = Command::cargo_bin("clean").unwrap();
    c.current_dir(cwd);
    c
}

const RULES: &str = r#"
ignore = ["spacing"]

[[rules]]
code = "X101"
find = "teh"
replace = "the"
reason = "a slip this archive makes often"

[[rules]]
code = "X102"
find = '(\d+) ?per ?cent'
replace = "$1%"
regex = true
reason = "house style"
safety = "suggestion"
"#;

#[test]
fn clean_toml_in_a_parent_directory_is_used() {
    let d = tempfile::tempdir().unwrap();
    std::fs::write(d.path().join("clean.toml"), RULES).unwrap();
    let sub = d.path().join("work");
    std::fs::create_dir(&sub).unwrap();
    std::fs::write(sub.join("in.txt"), "teh tehran, 5 per cent  \n").unwrap();
    clean(&sub)
        .args(["-q", "in.txt"])
        .assert()
        .success()
        .stdout("the tehran, 5 per cent  \n");
    clean(&sub)
        .args(["-q", "--all", "in.txt"])
        .assert()
        .success()
        .stdout("the tehran, 5% \u{20}\n");
    clean(&sub)
        .args(["-q", "--changes", "in.txt"])
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "1:1:1  X101  'teh' → 'the'  a slip this archive makes often",
        ));
    // Flags override the file; --no-config ignores it.
    clean(&sub)
        .args(["-q", "--ignore", "X101", "in.txt"])
        .assert()
        .stdout("teh tehran, 5 per cent\n");
    clean(&sub)
        .args(["-q", "--no-config", "in.txt"])
        .assert()
        .stdout("teh tehran, 5 per cent\n");
}

#[test]
fn errors_name_file_line_and_key() {
    let d = tempfile::tempdir().unwrap();
    let cfg = d.path().join("my.toml");
    std::fs::write(&cfg, "threshold = 0.5\ncolour = true\n").unwrap();
    clean(d.path())
        .arg("--config")
        .arg(&cfg)
        .arg("-")
        .write_stdin("x")
        .assert()
        .code(2)
        .stderr(predicate::str::contains("my.toml:2: colour: unknown field"));
    std::fs::write(
        &cfg,
        "[[rules]]\ncode = \"X101\"\nfind = \"(\"\nreplace = \"\"\nreason = \"r\"\nregex = true\n",
    )
    .unwrap();
    clean(d.path())
        .arg("--config")
        .arg(&cfg)
        .write_stdin("x")
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "my.toml:3: rules[0].find: bad regular expression",
        ));
    std::fs::write(&cfg, "language = \"de\"\n").unwrap();
    clean(d.path())
        .arg("--config")
        .arg(&cfg)
        .write_stdin("x")
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "my.toml:1: language: 'de' is not supported",
        ));
}

#[test]
fn word_lists_are_read_relative_to_the_file() {
    let d = tempfile::tempdir().unwrap();
    std::fs::write(
        d.path().join("clean.toml"),
        "words = [\"missing-words.txt\"]\n",
    )
    .unwrap();
    clean(d.path())
        .write_stdin("x")
        .assert()
        .code(2)
        .stderr(predicate::str::contains("missing-words.txt"));
    std::fs::write(d.path().join("missing-words.txt"), "Lalkar\n").unwrap();
    clean(d.path()).write_stdin("x").assert().success();
}

#[test]
fn show_prints_the_effective_configuration() {
    let d = tempfile::tempdir().unwrap();
    std::fs::write(d.path().join("clean.toml"), RULES).unwrap();
    let out = clean(d.path())
        .args(["config", "--show", "--threshold", "0.3"])
        .output()
        .unwrap();
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("clean.toml, then flags"), "{text}");
    assert!(text.contains("threshold = 0.3"), "{text}");
    assert!(text.contains("ignore = [\"spacing\"]"), "{text}");
    assert!(text.contains("code = \"X102\""), "{text}");
    // What it prints is itself a valid configuration.
    let body: String = text
        .lines()
        .filter(|l| !l.starts_with('#'))
        .collect::<Vec<_>>()
        .join("\n");
    std::fs::write(d.path().join("shown.toml"), body).unwrap();
    clean(d.path())
        .args(["--config", "shown.toml", "-q"])
        .write_stdin("teh\n")
        .assert()
        .success()
        .stdout("the\n");
}

#[test]
fn man_page_and_help_examples() {
    let d = tempfile::tempdir().unwrap();
    clean(d.path())
        .arg("man")
        .assert()
        .success()
        .stdout(predicate::str::contains(".TH clean 1").and(predicate::str::contains("jsonl")));
    clean(d.path()).arg("--help").assert().success().stdout(
        predicate::str::contains("clean scans/ -o cleaned/")
            .and(predicate::str::contains("--jsonl")),
    );
}

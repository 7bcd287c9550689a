//! CLI tests of many inputs: directory walks, per-file failures, skipping, batch modes.

use assert_cmd::Command;
use predicates::prelude::*;
use std::path::Path;

fn clean(cwd: &Path) -> Command {
    let mut c = Command::cargo_bin("clean").unwrap();
    c.current_dir(cwd).arg("--no-config");
    c
}

fn write(path: &Path, bytes: &[u8]) {
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(path, bytes).unwrap();
}

/// A tree of inputs: two good text files, one binary file, one PDF, one ignored file.
fn tree(root: &Path) {
    write(&root.join("in/a.txt"), "The ﬁrst page  \n".as_bytes());
    write(&root.join("in/vol/b.txt"), b"Nothing to do here.\n");
    let mut binary: Vec<u8> = (0u8..=255).cycle().take(4096).collect();
    binary[0] = 0;
    write(&root.join("in/vol/broken.txt"), &binary);
    write(&root.join("in/vol/scan.pdf"), b"%PDF-1.7\n%binary\n");
    write(&root.join("in/notes.md"), b"not selected\n");
}

#[test]
fn broken_file_does_not_stop_the_batch() {
    let d = tempfile::tempdir().unwrap();
    tree(d.path());
    clean(d.path())
        .args(["in", "-o", "out", "-j", "2"])
        .assert()
        .code(2)
        .stderr(
            predicate::str::contains("in/vol/broken.txt: not a text file")
                .and(predicate::str::contains("in/vol/scan.pdf"))
                .and(predicate::str::contains("2 FAILED")),
        );
    let out = d.path().join("out");
    assert_eq!(
        std::fs::read_to_string(out.join("a.txt")).unwrap(),
        "The first page\n"
    );
    assert_eq!(
        std::fs::read_to_string(out.join("vol/b.txt")).unwrap(),
        "Nothing to do here.\n"
    );
    assert!(!out.join("vol/broken.txt").exists());
    assert!(!out.join("notes.txt").exists());
}

#[test]
fn missing_explicit_file_is_named_and_the_rest_written() {
    let d = tempfile::tempdir().unwrap();
    tree(d.path());
    clean(d.path())
        .args(["in/a.txt", "no-such.txt", "in/vol/b.txt", "-o", "out"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("no-such.txt: No such file"));
    assert!(d.path().join("out/a.txt").exists());
    assert!(d.path().join("out/b.txt").exists());
}

#[test]
fn up_to_date_outputs_are_skipped_unless_forced() {
    let d = tempfile::tempdir().unwrap();
    let input = d.path().join("in/a.txt");
    write(&input, "ﬁ\n".as_bytes());
    // File times are coarse (a clock tick): date the input an hour back so the output is
    // strictly newer, as it would be in real use.
    let hour_ago = std::time::SystemTime::now() - std::time::Duration::from_secs(3600);
    std::fs::File::options()
        .write(true)
        .open(&input)
        .unwrap()
        .set_modified(hour_ago)
        .unwrap();
    clean(d.path()).args(["in", "-o", "out"]).assert().success();
    let out = d.path().join("out/a.txt");
    std::fs::write(&out, "kept\n").unwrap();
    clean(d.path())
        .args(["in", "-o", "out"])
        .assert()
        .success()
        .stderr(predicate::str::contains("1 skipped"));
    assert_eq!(std::fs::read_to_string(&out).unwrap(), "kept\n");
    clean(d.path())
        .args(["in", "-o", "out", "--force"])
        .assert()
        .success();
    assert_eq!(std::fs::read_to_string(&out).unwrap(), "fi\n");
}

#[test]
fn globs_select_and_exclude() {
    let d = tempfile::tempdir().unwrap();
    tree(d.path());
    clean(d.path())
        .args(["in", "-o", "out", "--glob", "*.md", "--glob", "*.txt"])
        .args(["--glob", "!**/broken.txt"])
        .assert()
        .success();
    assert!(d.path().join("out/notes.txt").exists());
    assert!(d.path().join("out/vol/b.txt").exists());
}

#[test]
fn check_over_many_files_lists_those_that_would_change() {
    let d = tempfile::tempdir().unwrap();
    write(&d.path().join("in/a.txt"), "ﬁ\n".as_bytes());
    write(&d.path().join("in/b.txt"), b"fine\n");
    clean(d.path())
        .args(["--check", "-q", "in"])
        .assert()
        .code(1)
        .stdout("in/a.txt\n");
    std::fs::write(d.path().join("in/a.txt"), "fi\n").unwrap();
    clean(d.path())
        .args(["--check", "-q", "in"])
        .assert()
        .code(0)
        .stdout("");
}

#[test]
fn changes_are_prefixed_with_the_file_name_in_input_order() {
    let d = tempfile::tempdir().unwrap();
    write(&d.path().join("in/a.txt"), "ﬁ\n".as_bytes());
    write(&d.path().join("in/b.txt"), "x  \n".as_bytes());
    clean(d.path())
        .args(["--changes", "-q", "in/b.txt", "in/a.txt"])
        .assert()
        .success()
        .stdout(
            predicate::str::starts_with("in/b.txt:1:1:2  S001")
                .and(predicate::str::contains("\nin/a.txt:1:1:1  U001")),
        );
}

#[test]
fn json_over_many_files_is_one_report_per_line() {
    let d = tempfile::tempdir().unwrap();
    write(&d.path().join("a.txt"), "ﬁ\n".as_bytes());
    write(&d.path().join("b.txt"), b"b\n");
    let out = clean(d.path())
        .args(["--format", "json", "-q", "a.txt", "b.txt"])
        .output()
        .unwrap();
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    let paths: Vec<String> = text
        .lines()
        .map(|l| {
            let v: serde_json::Value = serde_json::from_str(l).unwrap();
            v["input"]["path"].as_str().unwrap().to_string()
        })
        .collect();
    assert_eq!(paths, ["a.txt", "b.txt"]);
}

#[test]
fn in_place_over_many_files_rewrites_only_changed_ones() {
    let d = tempfile::tempdir().unwrap();
    write(&d.path().join("in/a.txt"), "ﬁ\n".as_bytes());
    write(&d.path().join("in/b.txt"), b"fine\n");
    clean(d.path())
        .args(["--in-place", "in"])
        .assert()
        .success();
    assert_eq!(
        std::fs::read_to_string(d.path().join("in/a.txt")).unwrap(),
        "fi\n"
    );
    assert!(d.path().join("in/a.txt.orig").exists());
    assert!(!d.path().join("in/b.txt.orig").exists());
}

#[test]
fn many_inputs_without_a_destination_is_an_error() {
    let d = tempfile::tempdir().unwrap();
    tree(d.path());
    clean(d.path())
        .arg("in")
        .assert()
        .code(2)
        .stderr(predicate::str::contains("-o DIR"));
}

#[test]
fn one_file_into_an_existing_directory() {
    let d = tempfile::tempdir().unwrap();
    write(&d.path().join("a.txt"), "ﬁ\n".as_bytes());
    std::fs::create_dir(d.path().join("out")).unwrap();
    clean(d.path())
        .args(["a.txt", "-o", "out"])
        .assert()
        .success();
    assert_eq!(
        std::fs::read_to_string(d.path().join("out/a.txt")).unwrap(),
        "fi\n"
    );
}

#[test]
fn colliding_outputs_are_refused_before_writing() {
    let d = tempfile::tempdir().unwrap();
    write(&d.path().join("in/a.txt"), b"a\n");
    write(&d.path().join("in/a.pdf"), b"%PDF-1.7\n");
    clean(d.path())
        .args(["in", "-o", "out"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("would both be written"));
    assert!(!d.path().join("out/a.txt").exists());
}

#[test]
fn batch_output_is_the_same_bytes_for_any_number_of_jobs() {
    let d = tempfile::tempdir().unwrap();
    // Twelve OCR-like files, each with work for several rule families.
    for i in 0..12 {
        let body = format!(
            "The report {i} was ﬁled in l95{i} by tbe council, and the organi-\n\
             sation of the market was discussed at length  \n\nby all.\n"
        )
        .repeat(20 + i);
        write(
            &d.path().join(format!("in/part{}/doc{i}.txt", i % 3)),
            body.as_bytes(),
        );
    }
    let run = |jobs: &str, out: &str, report: &str| {
        let written = clean(d.path())
            .args(["in", "-q", "-j", jobs, "-o", out])
            .output()
            .unwrap();
        assert!(written.status.success());
        let json = clean(d.path())
            .args(["in", "-q", "-j", jobs, "--format", "json"])
            .output()
            .unwrap();
        std::fs::write(d.path().join(report), json.stdout).unwrap();
    };
    run("1", "out1", "report1.json");
    run("2", "out2", "report2.json");
    run("4", "out4", "report4.json");
    let read_tree = |root: &str| {
        let mut files = Vec::new();
        let mut stack = vec![d.path().join(root)];
        while let Some(dir) = stack.pop() {
            for e in std::fs::read_dir(dir).unwrap() {
                let p = e.unwrap().path();
                if p.is_dir() {
                    stack.push(p);
                } else {
                    let rel = p.strip_prefix(d.path().join(root)).unwrap().to_path_buf();
                    files.push((rel, std::fs::read(&p).unwrap()));
                }
            }
        }
        files.sort();
        files
    };
    let one = read_tree("out1");
    assert_eq!(one.len(), 12);
    assert!(one
        .iter()
        .all(|(_, bytes)| !bytes.windows(4).any(|w| w == b"tbe ")));
    assert_eq!(one, read_tree("out2"));
    assert_eq!(one, read_tree("out4"));
    let report = std::fs::read(d.path().join("report1.json")).unwrap();
    assert!(!report.is_empty());
    assert_eq!(
        report,
        std::fs::read(d.path().join("report2.json")).unwrap()
    );
    assert_eq!(
        report,
        std::fs::read(d.path().join("report4.json")).unwrap()
    );
}

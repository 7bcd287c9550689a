//! End-to-end tests of the `clean` binary: modes, encodings, safety and exit codes.

use assert_cmd::Command;
use predicates::prelude::*;
use std::path::{Path, PathBuf};

fn clean() -> Command {
    Command::cargo_bin("clean").unwrap()
}

fn sample(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("samples")
        .join(name)
}

fn seed_article() -> Option<PathBuf> {
    let p = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/samples/seed-article.txt");
    if p.exists() {
        Some(p)
    } else {
        eprintln!("skipping: ../shared/samples/seed-article.txt is not here");
        None
    }
}

#[test]
fn every_sample_gives_its_expected_output() {
    let mut checked = 0;
    for entry in std::fs::read_dir(sample("")).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_name().unwrap().to_string_lossy().to_string();
        if !name.ends_with(".txt") || name.ends_with(".expected.txt") {
            continue;
        }
        let expected = path.with_extension("expected.txt");
        let want = std::fs::read_to_string(&expected).unwrap();
        let out = clean().arg("-q").arg(&path).output().unwrap();
        assert!(out.status.success(), "{name}");
        assert_eq!(String::from_utf8(out.stdout).unwrap(), want, "{name}");
        checked += 1;
    }
    assert!(checked >= 3);
}

#[test]
fn windows_1252_sample_is_decoded_and_reported() {
    let out = clean()
        .args(["--format", "json"])
        .arg(sample("letter-cp1252.txt"))
        .output()
        .unwrap();
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["input"]["encoding"], "windows-1252");
    assert_eq!(v["input"]["encoding_detected"], true);
    assert!(v["output"].as_str().unwrap().contains("François Lefèvre"));
    assert!(v["output"].as_str().unwrap().contains("“damp but legible”"));
}

#[test]
fn iso_8859_1_with_encoding_override() {
    let bytes = b"na\xefve caf\xe9 \xa3\xbd".to_vec();
    clean()
        .args(["--encoding", "iso-8859-1", "-"])
        .write_stdin(bytes)
        .assert()
        .success()
        .stdout("naïve café £½");
}

#[test]
fn utf16_with_bom() {
    let mut bytes = vec![0xff, 0xfe];
    bytes.extend("ﬁrst line\r\n".encode_utf16().flat_map(|u| u.to_le_bytes()));
    clean()
        .args(["--changes", "-"])
        .write_stdin(bytes)
        .assert()
        .success()
        .stdout(predicate::str::contains("U001  'ﬁ' → 'fi'"));
}

#[test]
fn mojibake_changes_carry_reasons() {
    clean()
        .arg("--changes")
        .arg(sample("report-mojibake.txt"))
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "U005  'â€™' → '’'  mojibake: 'â€™' is UTF-8 text read as Windows-1252",
        ))
        .stdout(predicate::str::contains("U002  '\\u{ad}' → ''"));
}

#[test]
fn undecodable_bytes_are_reported_and_strict_refuses() {
    let bytes = b"ok \xff\xfe end".to_vec();
    clean()
        .args(["--encoding", "utf-8", "-"])
        .write_stdin(bytes.clone())
        .assert()
        .success()
        .stderr(predicate::str::contains(
            "2 byte sequence(s) are not valid UTF-8 (first at byte 3)",
        ));
    clean()
        .args(["--encoding", "utf-8", "--strict", "-"])
        .write_stdin(bytes)
        .assert()
        .code(2)
        .stderr(predicate::str::contains("refusing under --strict"));
}

#[test]
fn binary_and_unknown_encoding_are_errors() {
    clean()
        .arg("-")
        .write_stdin(b"\x7fELF\x02\x01\x01\0\0\0".to_vec())
        .assert()
        .code(2)
        .stderr(predicate::str::contains("not a text file"));
    clean()
        .args(["--encoding", "klingon", "-"])
        .write_stdin("x")
        .assert()
        .code(2)
        .stderr(predicate::str::contains("unknown encoding label 'klingon'"));
}

#[test]
fn missing_file_names_the_file() {
    clean()
        .arg("/nonexistent/scan.txt")
        .assert()
        .code(2)
        .stderr(predicate::str::contains("/nonexistent/scan.txt"));
}

#[test]
fn check_exit_codes() {
    clean()
        .args(["--check", "-"])
        .write_stdin("clean text\n")
        .assert()
        .code(0)
        .stdout("");
    clean()
        .args(["--check", "-"])
        .write_stdin("trailing \n")
        .assert()
        .code(1)
        .stdout("");
}

#[test]
fn seed_article_unchanged_by_unicode_and_spacing_rules() {
    let Some(seed) = seed_article() else { return };
    clean()
        .args(["--check", "--select", "unicode,spacing"])
        .arg(&seed)
        .assert()
        .code(0);
    clean()
        .args(["--diff", "--select", "unicode,spacing"])
        .arg(&seed)
        .assert()
        .success()
        .stdout("");
}

#[test]
fn diff_applies_with_patch() {
    if std::process::Command::new("patch")
        .arg("--version")
        .output()
        .is_err()
    {
        eprintln!("skipping: patch is not installed");
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("in.txt");
    let text = std::fs::read_to_string(sample("report-mojibake.txt")).unwrap();
    std::fs::write(&input, &text).unwrap();
    let diff = clean().arg("--diff").arg(&input).output().unwrap().stdout;
    assert!(!diff.is_empty());
    let patched = dir.path().join("patched.txt");
    std::fs::write(&patched, &text).unwrap();
    let status = std::process::Command::new("patch")
        .arg("-s")
        .arg(&patched)
        .stdin(std::process::Stdio::piped())
        .spawn()
        .and_then(|mut child| {
            use std::io::Write;
            child.stdin.take().unwrap().write_all(&diff)?;
            child.wait()
        })
        .unwrap();
    assert!(status.success());
    let want = clean().arg("-q").arg(&input).output().unwrap().stdout;
    assert_eq!(std::fs::read(&patched).unwrap(), want);
}

#[test]
fn colour_only_when_asked_or_on_a_terminal() {
    let input = sample("report-mojibake.txt");
    let plain = clean().arg("--diff").arg(&input).output().unwrap().stdout;
    assert!(!plain.contains(&0x1b));
    let coloured = clean()
        .args(["--diff", "--color", "always"])
        .arg(&input)
        .output()
        .unwrap()
        .stdout;
    assert!(coloured.contains(&0x1b));
}

#[test]
fn json_lists_every_edit_with_position() {
    let out = clean()
        .args(["--format", "json", "-"])
        .write_stdin("a.\x0cb ﬁ \n")
        .output()
        .unwrap();
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["pages"], 2);
    let changes = v["changes"].as_array().unwrap();
    assert_eq!(changes.len(), 2);
    assert_eq!(changes[0]["page"], 2);
    assert_eq!(changes[0]["rule"], "U001");
    assert_eq!(changes[0]["old"], "ﬁ");
    assert_eq!(changes[0]["safety"], "safe");
    assert_eq!(changes[0]["applied"], true);
    assert_eq!(v["totals"]["applied"], 2);
    assert_eq!(v["output"], "a.\x0cb fi\n");
}

#[test]
fn output_file_must_not_be_the_input() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("in.txt");
    std::fs::write(&input, "x \n").unwrap();
    clean()
        .arg(&input)
        .arg("-o")
        .arg(dir.path().join(".").join("in.txt"))
        .assert()
        .code(2)
        .stderr(predicate::str::contains("--in-place"));
    assert_eq!(std::fs::read_to_string(&input).unwrap(), "x \n");
    let out = dir.path().join("out.txt");
    clean().arg(&input).arg("-o").arg(&out).assert().success();
    assert_eq!(std::fs::read_to_string(&out).unwrap(), "x\n");
}

#[test]
fn in_place_keeps_a_backup_unless_told_not_to() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("in.txt");
    std::fs::write(&input, "x \n").unwrap();
    clean().arg("--in-place").arg(&input).assert().success();
    assert_eq!(std::fs::read_to_string(&input).unwrap(), "x\n");
    assert_eq!(
        std::fs::read_to_string(dir.path().join("in.txt.orig")).unwrap(),
        "x \n"
    );
    let other = dir.path().join("b.txt");
    std::fs::write(&other, "y \n").unwrap();
    clean()
        .args(["--in-place", "--no-backup"])
        .arg(&other)
        .assert()
        .success();
    assert!(!dir.path().join("b.txt.orig").exists());
}

#[test]
fn summary_on_stderr_and_quiet() {
    clean()
        .arg("-")
        .write_stdin("a \n")
        .assert()
        .stderr(predicate::str::contains("1 change applied"));
    clean()
        .args(["-q", "-"])
        .write_stdin("a \n")
        .assert()
        .stderr("");
}

#[test]
fn selection_by_code_and_family() {
    clean()
        .args(["--select", "U001", "-"])
        .write_stdin("ﬁ  \n")
        .assert()
        .stdout("fi  \n");
    clean()
        .args(["--ignore", "unicode", "-"])
        .write_stdin("ﬁ  \n")
        .assert()
        .stdout("ﬁ\n");
    clean()
        .args(["--select", "Z999", "-"])
        .write_stdin("x")
        .assert()
        .code(2)
        .stderr(predicate::str::contains("unknown rule or family 'Z999'"));
}

#[test]
fn rules_lists_every_rule() {
    clean()
        .arg("rules")
        .assert()
        .success()
        .stdout(predicate::str::contains("U001"))
        .stdout(predicate::str::contains("S001"));
}

#[test]
fn closed_pipe_ends_quietly() {
    use std::io::Read;
    use std::process::{Command as Std, Stdio};
    let dir = tempfile::tempdir().unwrap();
    let big = dir.path().join("big.txt");
    std::fs::write(&big, "a line of text\n".repeat(400_000)).unwrap();
    let mut child = Std::new(assert_cmd::cargo::cargo_bin("clean"))
        .arg(&big)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut first = [0u8; 16];
    child.stdout.take().unwrap().read_exact(&mut first).unwrap();
    // stdout is dropped here: the pipe closes while clean is still writing.
    let out = child.wait_with_output().unwrap();
    assert!(out.status.success(), "{:?}", out.status);
    assert!(!String::from_utf8_lossy(&out.stderr).contains("error"));
}

#[test]
fn seed_article_ocr_fixes_are_exactly_the_editors() {
    let Some(seed) = seed_article() else { return };
    let out = clean()
        .args(["--changes", "--select", "confusion"])
        .arg(&seed)
        .output()
        .unwrap();
    let listing = String::from_utf8(out.stdout).unwrap();
    let lines: Vec<&str> = listing.lines().collect();
    let il = lines
        .iter()
        .filter(|l| l.contains("C003  'II' → 'Il'"))
        .count();
    let commuist = lines
        .iter()
        .filter(|l| l.contains("C001  'commuist' → 'communist'"))
        .count();
    assert_eq!(il, 17, "{listing}");
    assert_eq!(commuist, 1, "{listing}");
    assert_eq!(lines.len(), 18, "{listing}");
    assert!(!listing.contains("suggestion"), "{listing}");
}

#[test]
fn roman_numerals_and_il_names_in_our_own_sentences() {
    let text = "In 1994 Kim II Sung died; Kim Jong II followed him. After World War II, \
                Elizabeth II visited Part III of the exhibition, and Henry VIII's portrait \
                hung beside Vol. II of the catalogue. He left through III health.\n";
    clean()
        .args(["-q", "-"])
        .write_stdin(text)
        .assert()
        .success()
        .stdout(
            "In 1994 Kim Il Sung died; Kim Jong Il followed him. After World War II, \
             Elizabeth II visited Part III of the exhibition, and Henry VIII's portrait \
             hung beside Vol. II of the catalogue. He left through Ill health.\n",
        );
}

//! Resource limits (issue 9): the memory ceiling refuses what cannot fit, long texts are
//! cleaned in segments without losing a byte, and the time budget stops a slow input with
//! an error naming it.

use assert_cmd::Command;
use std::fmt::Write as _;

fn clean() -> Command {
    let mut c = Command::cargo_bin("clean").unwrap();
    c.arg("--no-config");
    c
}

/// A hard-wrapped OCR-like text of about `bytes` bytes, with misreads, hyphenation,
/// page breaks and running heads for every rule family to work on.
fn long_text(bytes: usize) -> String {
    let mut text = String::new();
    let mut page = 1;
    while text.len() < bytes {
        let _ = write!(
            text,
            "THE HISTORY OF TOWNS\n\nTbe council met in l953 to discuss the organi-\n\
             sation of the market, which had grown since the war.\n\
             Its members agreed that tbe old hall was too small\n\
             and that a new one should be built near the river.\n\n\
             The work began the next spring and went on for years,\n\
             with the help of many people from the town and the\n\n\
             country around it.\n{page}\n\x0c"
        );
        page += 1;
    }
    text
}

/// Run `clean ARGS FILE` on a file of `content` named `name`, expecting exit 2 and an
/// error that names the file and says `why`.
fn fails_naming_the_file(args: &[&str], name: &str, content: &str, why: &str) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(name);
    std::fs::write(&path, content).unwrap();
    let out = clean().args(args).arg(&path).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains(name), "{err}");
    assert!(err.contains(why), "{err}");
    assert!(!err.contains("panicked"), "{err}");
}

#[test]
fn input_over_the_memory_limit_is_refused_naming_the_file() {
    let big = "word ".repeat(400_000);
    fails_naming_the_file(&["--memory-limit", "1M"], "big.txt", &big, "memory limit");
}

#[test]
fn standard_input_over_the_memory_limit_is_refused() {
    let out = clean()
        .args(["--memory-limit", "1M", "-"])
        .write_stdin("word ".repeat(400_000))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("memory limit"));
}

#[test]
fn segmented_cleaning_accounts_for_every_byte() {
    // A 3 MiB ceiling makes 128 KiB segments, so this 400 kB text is cleaned in pieces.
    let text = long_text(400_000);
    let out = clean()
        .args(["--memory-limit", "3M", "--format", "json", "-"])
        .write_stdin(text.clone())
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let changes = v["changes"].as_array().unwrap();
    assert!(changes.len() > 100, "{} changes", changes.len());
    // Rebuild the output from the input and the applied changes, in order.
    let mut rebuilt = String::new();
    let mut at = 0;
    for c in changes.iter().filter(|c| c["applied"] == true) {
        let (start, end) = (
            c["start"].as_u64().unwrap() as usize,
            c["end"].as_u64().unwrap() as usize,
        );
        assert!(start >= at, "changes overlap or are out of order");
        assert_eq!(&text[start..end], c["old"].as_str().unwrap());
        rebuilt.push_str(&text[at..start]);
        rebuilt.push_str(c["new"].as_str().unwrap());
        at = end;
    }
    rebuilt.push_str(&text[at..]);
    assert_eq!(rebuilt, v["output"].as_str().unwrap());
    // The rules worked in every segment: every page's misread and hyphen are fixed.
    let output = v["output"].as_str().unwrap();
    assert!(!output.contains("tbe old hall"));
    assert!(!output.contains("organi-"));
}

#[test]
fn segmented_output_matches_whole_cleaning_away_from_the_cuts() {
    let text = long_text(400_000);
    // Written segment by segment as each is cleaned…
    let pieces = clean()
        .args(["--memory-limit", "3M", "-"])
        .write_stdin(text.clone())
        .output()
        .unwrap()
        .stdout;
    // …and cleaned whole, taken from the JSON report.
    let json = clean()
        .args(["--format", "json", "-"])
        .write_stdin(text.clone())
        .output()
        .unwrap()
        .stdout;
    let v: serde_json::Value = serde_json::from_slice(&json).unwrap();
    let whole = v["output"].as_str().unwrap().as_bytes().to_vec();
    // Segments are cut between paragraphs and are of equal size, so each holds enough
    // pages for the document-wide evidence: here the outputs agree byte for byte.
    assert_eq!(pieces.len(), whole.len());
    assert!(pieces == whole);
}

#[test]
fn time_limit_stops_a_slow_input_naming_it() {
    let text = long_text(100_000);
    fails_naming_the_file(&["--time-limit", "0.001s"], "slow.txt", &text, "time limit");
}

#[test]
fn bad_limits_are_usage_errors() {
    for (flag, value) in [("--memory-limit", "lots"), ("--time-limit", "soon")] {
        let out = clean()
            .args([flag, value, "-"])
            .write_stdin("x")
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(2));
        assert!(String::from_utf8_lossy(&out.stderr).contains(flag));
    }
}

#[test]
fn limits_from_the_configuration_file() {
    let dir = tempfile::tempdir().unwrap();
    let config = dir.path().join("clean.toml");
    let path = dir.path().join("big.txt");
    std::fs::write(&path, "word ".repeat(400_000)).unwrap();
    let run_with = |toml: &str| {
        std::fs::write(&config, toml).unwrap();
        let out = Command::cargo_bin("clean")
            .unwrap()
            .arg("--config")
            .arg(&config)
            .arg(&path)
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(2));
        String::from_utf8_lossy(&out.stderr).into_owned()
    };
    assert!(run_with("memory_limit = \"1M\"\n").contains("memory limit"));
    let err = run_with("time_limit = \"soon\"\n");
    assert!(err.contains("clean.toml:1: time_limit"), "{err}");
}

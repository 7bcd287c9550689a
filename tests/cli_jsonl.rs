//! CLI tests of `--jsonl`, and of the README's worked example (README.md).

use assert_cmd::Command;
use std::path::Path;

fn clean() -> Command {
    let mut c = Command::cargo_bin("clean").unwrap();
    c.arg("--no-config");
    c
}

fn parse(stdout: &[u8]) -> Vec<serde_json::Value> {
    String::from_utf8(stdout.to_vec())
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}

#[test]
fn results_in_input_order_with_errors_in_place() {
    let d = tempfile::tempdir().unwrap();
    let file = d.path().join("f.txt");
    std::fs::write(&file, "ﬁle\n").unwrap();
    let mut input = String::new();
    for i in 0..500 {
        input.push_str(&format!("{{\"id\": {i}, \"text\": \"line {i} ﬁ  \"}}\n"));
    }
    input.push_str(&format!("{{\"id\": \"p\", \"path\": {:?}}}\n", file));
    input.push_str("{\"id\": \"bad\", \"path\": \"/no/such/file\"}\n");
    input.push_str("not json\n\n");
    input.push_str("{\"id\": \"last\", \"text\": \"ok\"}\n");
    let out = clean()
        .args(["--jsonl", "-j", "2"])
        .write_stdin(input)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let lines = parse(&out.stdout);
    assert_eq!(lines.len(), 504);
    for (i, l) in lines.iter().take(500).enumerate() {
        assert_eq!(l["id"], i);
        assert_eq!(l["text"], format!("line {i} fi"));
        assert_eq!(l["stats"]["applied"], 2);
        assert_eq!(l["changes"][0]["rule"], "U001");
    }
    assert_eq!(lines[500]["text"], "file\n");
    assert_eq!(lines[501]["id"], "bad");
    assert!(lines[501]["error"]
        .as_str()
        .unwrap()
        .contains("/no/such/file: No such file"));
    assert_eq!(lines[502]["id"], serde_json::Value::Null);
    assert_eq!(lines[502]["line"], 503);
    assert_eq!(lines[503]["id"], "last");
}

#[test]
fn all_good_exits_zero() {
    let out = clean()
        .arg("--jsonl")
        .write_stdin("{\"id\": [1, \"a\"], \"text\": \"x\", \"meta\": 7}\n")
        .output()
        .unwrap();
    assert!(out.status.success());
    assert_eq!(parse(&out.stdout)[0]["id"], serde_json::json!([1, "a"]));
}

/// The first ```sh block after the marker in README.md, run as written with `clean`
/// on PATH. Skips when GNU parallel is missing (CI installs it).
#[test]
fn readme_jsonl_example_runs_as_written() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let doc = std::fs::read_to_string(root.join("README.md")).unwrap();
    let marker = "<!-- jsonl-example -->";
    let after = &doc[doc.find(marker).expect("marker in README.md") + marker.len()..];
    let start = after.find("```sh\n").unwrap() + 6;
    let script = &after[start..start + after[start..].find("```").unwrap()];
    if std::process::Command::new("parallel")
        .arg("--version")
        .output()
        .is_err()
    {
        eprintln!("skipping: GNU parallel is not installed");
        return;
    }
    let bin = assert_cmd::cargo::cargo_bin("clean");
    let path = format!(
        "{}:{}",
        bin.parent().unwrap().display(),
        std::env::var("PATH").unwrap_or_default()
    );
    let d = tempfile::tempdir().unwrap();
    let out = std::process::Command::new("bash")
        .args(["-euo", "pipefail", "-c", script])
        .current_dir(d.path())
        .env("PATH", path)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "example failed:\n{}\n{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    let cleaned = std::fs::read_to_string(d.path().join("cleaned.jsonl")).unwrap();
    let lines = parse(cleaned.as_bytes());
    assert!(lines.len() >= 1000, "{} lines", lines.len());
    for (i, l) in lines.iter().enumerate() {
        assert_eq!(l["id"], i + 1, "order kept");
        assert!(l["error"].is_null());
    }
}

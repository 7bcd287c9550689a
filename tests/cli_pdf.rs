//! The `clean` binary on PDF input: `--pages`, `--password`, `--no-fix` and clear errors.

use assert_cmd::Command;
mod common;

use common::{build_pdf, helvetica, save};
use lopdf::dictionary;
use predicates::prelude::PredicateBooleanExt;
use predicates::str::contains;
use std::path::{Path, PathBuf};

fn write_pdf(dir: &Path, name: &str, pages: &[&str]) -> PathBuf {
    let pages: Vec<&[u8]> = pages.iter().map(|p| p.as_bytes()).collect();
    let (doc, _, _) = build_pdf(&pages, dictionary! { "F1" => helvetica() }, dictionary! {});
    let path = dir.join(name);
    std::fs::write(&path, save(doc)).unwrap();
    path
}

fn clean() -> Command {
    Command::cargo_bin("clean").unwrap()
}

#[test]
fn pages_and_no_fix() {
    let dir = tempfile::tempdir().unwrap();
    let pdf = write_pdf(
        dir.path(),
        "a.pdf",
        &[
            "BT /F1 12 Tf 72 700 Td (first  page) Tj ET",
            "BT /F1 12 Tf 72 700 Td (the \\337rst line) Tj ET",
            "BT /F1 12 Tf 72 700 Td (third) Tj ET",
        ],
    );
    clean()
        .args(["--no-fix", "--pages", "2-3"])
        .arg(&pdf)
        .assert()
        .success()
        .stdout("the ßrst line\n\x0cthird\n");
    // Changes are reported with the PDF's own page numbers: the misread on the PDF's third
    // page is on page 3, though it is the second page extracted.
    let misread = write_pdf(
        dir.path(),
        "b.pdf",
        &[
            "BT /F1 12 Tf 72 700 Td (one) Tj ET",
            "BT /F1 12 Tf 72 700 Td (two) Tj ET",
            "BT /F1 12 Tf 72 700 Td (and tbe end of it) Tj ET",
        ],
    );
    clean()
        .args(["--no-config", "--changes", "--pages", "2-3"])
        .arg(&misread)
        .assert()
        .success()
        .stdout(contains("3:1:5").and(contains("2:1:5").not()));
    clean()
        .args(["--no-fix", "--pages", "0"])
        .arg(&pdf)
        .assert()
        .code(2)
        .stderr(contains("bad page selection"));
    clean()
        .args(["--pages", "9"])
        .arg(&pdf)
        .assert()
        .code(2)
        .stderr(contains("selects no page"));
}

#[test]
fn image_only_pdf_says_it_needs_ocr() {
    let dir = tempfile::tempdir().unwrap();
    let pdf = write_pdf(dir.path(), "scan.pdf", &["q Q", "q Q", "q Q"]);
    clean()
        .arg(&pdf)
        .assert()
        .code(2)
        .stderr(contains("no text layer on pages 1–3").and(contains("ocrmypdf")));
}

#[test]
fn not_a_pdf_at_all_names_the_file() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("broken.pdf");
    std::fs::write(&path, b"%PDF-1.4\n1 0 obj garbage").unwrap();
    clean()
        .arg(&path)
        .assert()
        .code(2)
        .stderr(contains("broken.pdf").and(contains("cannot read this PDF")));
}

#[test]
fn password_option_reaches_the_reader() {
    let dir = tempfile::tempdir().unwrap();
    let pdf = write_pdf(
        dir.path(),
        "plain.pdf",
        &["BT /F1 12 Tf 72 700 Td (open) Tj ET"],
    );
    // A password on an unencrypted file is harmless.
    clean()
        .args(["--no-fix", "--password", "x"])
        .arg(&pdf)
        .assert()
        .success()
        .stdout("open\n");
}

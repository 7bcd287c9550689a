//! The `clean` binary on a one-page PDF whose running head only its layout shows (F004):
//! a head set smaller than the body, centred over two columns and set apart from them, is
//! removed; a title set larger, and a first body line, stay; the same text as a text file
//! keeps its head (text has no layout).

use assert_cmd::Command;
mod common;

use common::{build_pdf, helvetica, save};
use lopdf::dictionary;
use predicates::prelude::PredicateBooleanExt;
use predicates::str::contains;
use std::path::{Path, PathBuf};

const HEAD: &str = "Riverside Garden Club Bulletin, No. 7";

/// Body lines: plain prose, different on every line, none ending a sentence but the last.
fn body_lines(n: usize) -> Vec<String> {
    let words = [
        "the", "garden", "members", "planted", "roses", "along", "a", "quiet", "path", "near",
        "old", "stone", "wall", "and", "watered", "them", "every", "morning", "before", "work",
    ];
    (0..n)
        .map(|i| {
            let line: Vec<&str> = (0..7)
                .map(|k| words[(i * 7 + k * 3) % words.len()])
                .collect();
            let mut l = line.join(" ");
            if i + 1 == n {
                l.push('.');
            }
            l
        })
        .collect()
}

/// A content stream: `top` (if any) at `top_size` points centred on the page at y = 720,
/// then two columns of 10 pt body text on 12 pt spacing, starting `gap` points lower.
fn page(top: Option<(&str, f32)>, gap: f32) -> String {
    let mut s = String::new();
    if let Some((text, size)) = top {
        // Helvetica averages about half an em per character: centre it roughly.
        let width = text.len() as f32 * size * 0.5;
        s.push_str(&format!(
            "BT /F1 {size} Tf {} 720 Td ({text}) Tj ET\n",
            306.0 - width / 2.0
        ));
    }
    let lines = body_lines(40);
    for (k, l) in lines.iter().enumerate() {
        let (x, row) = if k < 20 { (72, k) } else { (318, k - 20) };
        let y = 720.0 - gap - 12.0 * row as f32;
        s.push_str(&format!("BT /F1 10 Tf {x} {y} Td ({l}) Tj ET\n"));
    }
    s
}

fn write_pdf(dir: &Path, name: &str, content: &str) -> PathBuf {
    let (doc, _, _) = build_pdf(
        &[content.as_bytes()],
        dictionary! { "F1" => helvetica() },
        dictionary! {},
    );
    let path = dir.join(name);
    std::fs::write(&path, save(doc)).unwrap();
    path
}

fn clean() -> Command {
    let mut c = Command::cargo_bin("clean").unwrap();
    c.arg("--no-config");
    c
}

#[test]
fn the_head_of_a_one_page_pdf_goes_by_its_layout() {
    let dir = tempfile::tempdir().unwrap();
    let pdf = write_pdf(dir.path(), "head.pdf", &page(Some((HEAD, 9.0)), 36.0));
    // The reader sees the head on the page's first line.
    clean()
        .arg("--no-fix")
        .arg(&pdf)
        .assert()
        .success()
        .stdout(predicates::str::starts_with(format!("{HEAD}\n")));
    clean().arg(&pdf).assert().success().stdout(
        contains(HEAD)
            .not()
            .and(contains(body_lines(40)[0].as_str())),
    );
    clean()
        .args(["--changes", "--select", "furniture"])
        .arg(&pdf)
        .assert()
        .success()
        .stdout(
            contains("F004")
                .and(contains("known by its layout"))
                .and(contains("90% of the body's size"))
                .and(contains("across the columns")),
        );
    // The same text as a text file: nothing tells the head from a title, so it stays.
    let out = clean().arg("--no-fix").arg(&pdf).output().unwrap();
    let txt = dir.path().join("head.txt");
    std::fs::write(&txt, &out.stdout).unwrap();
    clean()
        .args(["--select", "furniture"])
        .arg(&txt)
        .assert()
        .success()
        .stdout(contains(HEAD));
}

#[test]
fn a_title_set_larger_and_a_first_body_line_stay() {
    let dir = tempfile::tempdir().unwrap();
    let title = write_pdf(
        dir.path(),
        "title.pdf",
        &page(Some(("A Summer in the Garden", 16.0)), 36.0),
    );
    clean()
        .args(["--select", "furniture"])
        .arg(&title)
        .assert()
        .success()
        .stdout(contains("A Summer in the Garden\n"));
    // No head: the first body line is the page's top line, one spacing above the next.
    let plain = write_pdf(dir.path(), "plain.pdf", &page(None, 0.0));
    let first = body_lines(40)[0].clone();
    clean()
        .args(["--select", "furniture"])
        .arg(&plain)
        .assert()
        .success()
        .stdout(predicates::str::starts_with(format!("{first}\n")));
}

/// A page of `pages`: the small head at the top, then body lines; on the page given by
/// `heading_on`, a heading that reads like the head stands, set larger, between two body
/// lines of one sentence.
fn paged(head: &str, heading_on: usize, pages: usize) -> Vec<String> {
    (0..pages)
        .map(|p| {
            let mut s = format!("BT /F1 9 Tf 250 740 Td ({head}) Tj ET\n");
            let lines = body_lines(30);
            let mut y = 704.0;
            for (k, l) in lines.iter().enumerate().skip(p).take(24) {
                if p == heading_on && k == p + 12 {
                    y -= 14.0;
                    s.push_str(&format!("BT /F1 16 Tf 72 {y} Td ({head}) Tj ET\n"));
                    y -= 26.0;
                }
                let l = l.trim_end_matches('.');
                s.push_str(&format!("BT /F1 10 Tf 72 {y} Td ({l}) Tj ET\n"));
                y -= 12.0;
            }
            s
        })
        .collect()
}

#[test]
fn a_heading_that_reads_like_the_head_stays_in_a_pdf() {
    let dir = tempfile::tempdir().unwrap();
    let head = "Garden Notes";
    let pages = paged(head, 1, 3);
    let contents: Vec<&[u8]> = pages.iter().map(|p| p.as_bytes()).collect();
    let (doc, _, _) = build_pdf(
        &contents,
        dictionary! { "F1" => helvetica() },
        dictionary! {},
    );
    let pdf = dir.path().join("notes.pdf");
    std::fs::write(&pdf, save(doc)).unwrap();
    // The PDF: the three heads at the top go, the heading inside page 2 stays.
    let out = clean()
        .args(["--select", "furniture"])
        .arg(&pdf)
        .output()
        .unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    assert_eq!(text.matches(head).count(), 1, "{text}");
    assert!(text.contains(&format!("\n\n{head}\n\n")), "{text}");
    // Its text alone: the heading is taken for the head out of place, and goes too.
    let raw = clean().arg("--no-fix").arg(&pdf).output().unwrap();
    assert_eq!(
        String::from_utf8_lossy(&raw.stdout).matches(head).count(),
        4
    );
    let txt = dir.path().join("notes.txt");
    std::fs::write(&txt, &raw.stdout).unwrap();
    let out = clean()
        .args(["--select", "furniture"])
        .arg(&txt)
        .output()
        .unwrap();
    assert_eq!(
        String::from_utf8_lossy(&out.stdout).matches(head).count(),
        0
    );
}

//! Hostile inputs (issue 9): each test builds one broken or adversarial file in a temporary
//! directory and runs the real `clean` binary on it with a wall-clock limit. The run must
//! end in time, never panic (exit 0, 1 or 2; no "panicked" on stderr; no signal), and an
//! error (exit 2) must name the file. A property test checks that cleaning is deterministic
//! and idempotent with the default rules.

use lopdf::{dictionary, Dictionary, Document, Object, ObjectId, Stream};
use proptest::prelude::*;
mod common;

use common::{build_pdf, helvetica, save};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// Wall-clock limit of one run of `clean`; a run that takes longer is a hang.
const LIMIT: Duration = Duration::from_secs(20);

/// What one run of `clean` did.
struct Run {
    code: Option<i32>,
    stderr: String,
    stdout_len: u64,
    elapsed: Duration,
}

/// Run `clean --no-config FILE -o OUT` with a kill after [`LIMIT`]; stdout and stderr go
/// to files so a large output cannot block the child.
fn run_clean(dir: &Path, file: &Path) -> Run {
    let out = dir.join(format!(
        "{}.out",
        file.file_name().unwrap().to_string_lossy()
    ));
    let err_path = dir.join(format!(
        "{}.err",
        file.file_name().unwrap().to_string_lossy()
    ));
    let start = Instant::now();
    let mut child = Command::new(env!("CARGO_BIN_EXE_clean"))
        .arg("--no-config")
        .arg(file)
        .arg("-o")
        .arg(&out)
        .current_dir(dir)
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(std::fs::File::create(&err_path).unwrap())
        .spawn()
        .unwrap();
    let status = loop {
        if let Some(s) = child.try_wait().unwrap() {
            break s;
        }
        if start.elapsed() > LIMIT {
            let _ = child.kill();
            let _ = child.wait();
            panic!("clean hung on {}: killed after {LIMIT:?}", file.display());
        }
        std::thread::sleep(Duration::from_millis(20));
    };
    Run {
        code: status.code(),
        stderr: std::fs::read_to_string(&err_path)
            .map(|s| s.chars().take(4000).collect())
            .unwrap_or_default(),
        stdout_len: std::fs::metadata(&out).map_or(0, |m| m.len()),
        elapsed: start.elapsed(),
    }
}

/// Write `bytes` as `name` in a fresh temporary directory, run `clean` on it and check
/// the guarantees. Returns the run for case-specific checks.
fn hostile(name: &str, bytes: &[u8]) -> Run {
    let dir = tempfile::tempdir().unwrap();
    let path: PathBuf = dir.path().join(name);
    std::fs::write(&path, bytes).unwrap();
    let run = run_clean(dir.path(), &path);
    eprintln!(
        "{name}: exit {:?} in {:?}, {} output bytes, stderr: {}",
        run.code,
        run.elapsed,
        run.stdout_len,
        run.stderr.lines().next().unwrap_or("")
    );
    assert!(
        matches!(run.code, Some(0..=2)),
        "{name}: exit status {:?} (101 is a panic, none is a signal); stderr:\n{}",
        run.code,
        run.stderr
    );
    assert!(
        !run.stderr.contains("panicked"),
        "{name}: panic message on stderr:\n{}",
        run.stderr
    );
    if run.code == Some(2) {
        assert!(
            run.stderr.contains(name),
            "{name}: the error does not name the file:\n{}",
            run.stderr
        );
    }
    run
}

// ---------- PDF builders ----------

/// A document with one page per content stream; Helvetica and `xobjects` in the tree's
/// root. Returns the document and the root's id.
fn build(pages: &[Vec<u8>], xobjects: Dictionary) -> (Document, ObjectId) {
    let pages: Vec<&[u8]> = pages.iter().map(Vec::as_slice).collect();
    let (doc, root, _) = build_pdf(&pages, dictionary! { "F1" => helvetica() }, xobjects);
    (doc, root)
}

fn valid_pdf() -> Vec<u8> {
    save(
        build(
            &[
                b"BT /F1 12 Tf 72 700 Td (The first page of a small document.) Tj ET".to_vec(),
                b"BT /F1 12 Tf 72 700 Td (A second page follows here.) Tj ET".to_vec(),
            ],
            dictionary! {},
        )
        .0,
    )
}

fn zlib(data_len: usize) -> Vec<u8> {
    let mut enc = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::fast());
    let chunk = vec![0u8; 1 << 20];
    for _ in 0..data_len >> 20 {
        enc.write_all(&chunk).unwrap();
    }
    enc.finish().unwrap()
}

// ---------- hostile PDFs ----------

#[test]
fn cyclic_page_tree() {
    let (mut doc, root) = build(
        &[b"BT /F1 12 Tf 72 700 Td (loop) Tj ET".to_vec()],
        dictionary! {},
    );
    let pages = doc.get_dictionary_mut(root).unwrap();
    let mut kids = pages.get(b"Kids").unwrap().as_array().unwrap().clone();
    kids.push(Object::Reference(root));
    pages.set("Kids", kids);
    hostile("cyclic_pages.pdf", &save(doc));
}

#[test]
fn page_whose_parent_kids_point_to_itself() {
    // A page that is also a Pages node listing itself as its own kid.
    let mut doc = Document::with_version("1.5");
    let root = doc.new_object_id();
    doc.objects.insert(
        root,
        Object::Dictionary(dictionary! {
            "Type" => "Pages", "Kids" => vec![Object::Reference(root)], "Count" => 1,
        }),
    );
    let catalog = doc.add_object(dictionary! { "Type" => "Catalog", "Pages" => root });
    doc.trailer.set("Root", catalog);
    hostile("self_kid.pdf", &save(doc));
}

#[test]
fn form_xobject_drawing_itself() {
    let (mut doc, root) = build(&[b"/X1 Do".to_vec()], dictionary! {});
    let form = doc.new_object_id();
    let stream = Stream::new(
        dictionary! {
            "Type" => "XObject", "Subtype" => "Form",
            "BBox" => vec![0.into(), 0.into(), 612.into(), 792.into()],
            "Resources" => dictionary! {
                "Font" => dictionary! { "F1" => helvetica() },
                "XObject" => dictionary! { "X1" => form },
            },
        },
        b"BT /F1 12 Tf 72 700 Td (again) Tj ET /X1 Do".to_vec(),
    );
    doc.objects.insert(form, Object::Stream(stream));
    let res = doc
        .get_dictionary_mut(root)
        .unwrap()
        .get_mut(b"Resources")
        .unwrap()
        .as_dict_mut()
        .unwrap();
    res.set("XObject", dictionary! { "X1" => form });
    let run = hostile("self_form.pdf", &save(doc));
    assert_eq!(run.code, Some(0), "the form is drawn once, the cycle cut");
}

#[test]
fn deep_q_nesting() {
    let n = 100_000;
    let mut c = b"q ".repeat(n);
    c.extend_from_slice(b"BT /F1 12 Tf 72 700 Td (deep) Tj ET ");
    c.extend_from_slice(&b"Q ".repeat(n));
    hostile("deep_q.pdf", &save(build(&[c], dictionary! {}).0));
}

#[test]
fn deep_array_nesting() {
    let n = 100_000;
    let mut c = b"BT /F1 12 Tf 72 700 Td (before) Tj ".to_vec();
    c.extend_from_slice(&b"[".repeat(n));
    c.extend_from_slice(&b"]".repeat(n));
    c.extend_from_slice(b" TJ ET");
    hostile("deep_array.pdf", &save(build(&[c], dictionary! {}).0));
}

#[test]
fn deep_dictionary_nesting_in_object() {
    // Deep nesting in the file structure itself, not in a content stream.
    let n = 50_000;
    let mut pdf = valid_pdf();
    let cut = find(&pdf, b"xref").unwrap();
    let mut tail = b"99 0 obj\n".to_vec();
    tail.extend_from_slice(&b"<</A ".repeat(n));
    tail.extend_from_slice(&b">>".repeat(n));
    tail.extend_from_slice(b"\nendobj\n");
    pdf.splice(cut..cut, tail);
    hostile("deep_dict.pdf", &pdf);
}

fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).position(|w| w == needle)
}

/// Replace the first `/Length N` with `/Length {len}`.
fn set_first_length(pdf: &[u8], len: &str) -> Vec<u8> {
    let at = find(pdf, b"/Length ").unwrap() + 8;
    let end = at + pdf[at..].iter().position(|b| !b.is_ascii_digit()).unwrap();
    let mut out = pdf[..at].to_vec();
    out.extend_from_slice(len.as_bytes());
    out.extend_from_slice(&pdf[end..]);
    out
}

#[test]
fn stream_length_too_long() {
    hostile(
        "length_long.pdf",
        &set_first_length(&valid_pdf(), "9999999"),
    );
}

#[test]
fn stream_length_too_short() {
    hostile("length_short.pdf", &set_first_length(&valid_pdf(), "3"));
}

#[test]
fn stream_length_negative() {
    hostile("length_negative.pdf", &set_first_length(&valid_pdf(), "-5"));
}

#[test]
fn truncated_pdf() {
    let pdf = valid_pdf();
    hostile("truncated.pdf", &pdf[..pdf.len() / 2]);
}

#[test]
fn header_only_pdf() {
    hostile("header_only.pdf", b"%PDF-1.7\n");
}

#[test]
fn garbage_after_eof() {
    let mut pdf = valid_pdf();
    let mut x: u32 = 12345;
    for _ in 0..200_000 {
        x = x.wrapping_mul(1_103_515_245).wrapping_add(12_345);
        pdf.push((x >> 16) as u8);
    }
    pdf.extend_from_slice(b"\n%%EOF\nstartxref\n999999999\n");
    let run = hostile("garbage_tail.pdf", &pdf);
    assert_eq!(
        run.code,
        Some(0),
        "a valid PDF with a garbage tail still reads"
    );
}

#[test]
fn decompression_bomb_in_content_stream() {
    let z = zlib(80 << 20);
    let mut doc = build(&[b"BT ET".to_vec()], dictionary! {}).0;
    let bomb = doc.add_object(Stream::new(dictionary! { "Filter" => "FlateDecode" }, z));
    // Point the page's contents at the bomb.
    let page = *doc.get_pages().values().next().unwrap();
    doc.get_dictionary_mut(page)
        .unwrap()
        .set("Contents", Object::Reference(bomb));
    hostile("bomb_content.pdf", &save(doc));
}

#[test]
fn decompression_bomb_in_object_stream() {
    let z = zlib(80 << 20);
    let mut pdf = valid_pdf();
    let cut = find(&pdf, b"xref").unwrap();
    let mut obj = format!(
        "98 0 obj\n<< /Type /ObjStm /N 1 /First 4 /Filter /FlateDecode /Length {} >>\nstream\n",
        z.len()
    )
    .into_bytes();
    obj.extend_from_slice(&z);
    obj.extend_from_slice(b"\nendstream\nendobj\n");
    pdf.splice(cut..cut, obj);
    hostile("bomb_objstm.pdf", &pdf);
}

#[test]
fn absurd_font_sizes_and_matrices() {
    let big = "340000000000000000000000000000000000000.0";
    let c = format!(
        "BT /F1 1000000000000000000000000000000 Tf 72 700 Td (huge) Tj ET \
         BT /F1 0 Tf 0 0 0 0 0 0 Tm (zero scale) Tj ET \
         BT /F1 12 Tf {big} 0 0 {big} {big} {big} Tm (overflow) Tj ET \
         {big} 0 0 {big} 0 0 cm {big} 0 0 {big} 0 0 cm BT /F1 12 Tf 0 0 Td (infinite) Tj ET \
         0 0 0 0 0 0 cm BT /F1 {big} Tf {big} Tz {big} Tc {big} Tw {big} TL (nan) ' ET \
         BT /F1 -12 Tf -1 0 0 -1 600 100 Tm (negative) Tj ET \
         BT /F1 12 Tf 1e30 0 0 NaN 0 0 Tm (bad numbers) Tj ET"
    );
    hostile(
        "absurd.pdf",
        &save(build(&[c.into_bytes()], dictionary! {}).0),
    );
}

#[test]
fn two_hundred_thousand_text_operations() {
    let mut c = b"BT /F1 1 Tf 0 790 Td ".to_vec();
    for i in 0..200_000u32 {
        let ch = b'a' + (i % 26) as u8;
        c.extend_from_slice(b"(");
        c.push(ch);
        c.extend_from_slice(b") Tj 0.6 0 Td ");
        if i % 1000 == 999 {
            c.extend_from_slice(b"-600 -1.2 Td ");
        }
    }
    c.extend_from_slice(b"ET");
    let run = hostile("many_ops.pdf", &save(build(&[c], dictionary! {}).0));
    assert_eq!(run.code, Some(0), "a large but valid page is read");
    assert!(run.stdout_len > 0);
}

#[test]
fn huge_declared_page_count() {
    let (mut doc, root) = build(
        &[b"BT /F1 12 Tf 72 700 Td (one) Tj ET".to_vec()],
        dictionary! {},
    );
    doc.get_dictionary_mut(root)
        .unwrap()
        .set("Count", Object::Integer(i64::MAX));
    hostile("huge_count.pdf", &save(doc));
}

#[test]
fn many_kids_pointing_to_one_page() {
    let (mut doc, root) = build(
        &[b"BT /F1 12 Tf 72 700 Td (same page) Tj ET".to_vec()],
        dictionary! {},
    );
    let pages = doc.get_dictionary_mut(root).unwrap();
    let one = pages.get(b"Kids").unwrap().as_array().unwrap()[0].clone();
    pages.set("Kids", vec![one; 100_000]);
    pages.set("Count", Object::Integer(100_000));
    hostile("many_kids.pdf", &save(doc));
}

// ---------- hostile text ----------

fn lcg_bytes(n: usize, seed: u32) -> Vec<u8> {
    let mut x = seed;
    (0..n)
        .map(|_| {
            x = x.wrapping_mul(1_103_515_245).wrapping_add(12_345);
            (x >> 16) as u8
        })
        .collect()
}

#[test]
fn twenty_megabyte_line() {
    let words = b"lorem ipsum, dolor sit amet; the quick brown fox. ";
    let mut t = Vec::with_capacity(20 << 20);
    while t.len() < 20 << 20 {
        t.extend_from_slice(words);
    }
    hostile("long_line.txt", &t);
}

#[test]
fn only_form_feeds() {
    hostile("form_feeds.txt", &vec![0x0c; 1 << 20]);
}

#[test]
fn random_bytes() {
    hostile("random.txt", &lcg_bytes(2 << 20, 7));
}

#[test]
fn random_bytes_named_pdf() {
    let mut b = b"%PDF-1.4\n".to_vec();
    b.extend(lcg_bytes(1 << 20, 11));
    hostile("random.pdf", &b);
}

#[test]
fn utf16_with_odd_length() {
    let mut b = vec![0xff, 0xfe];
    for u in "Some text in UTF-16 little endian.\n".encode_utf16() {
        b.extend_from_slice(&u.to_le_bytes());
    }
    b.push(0x41);
    hostile("utf16_odd_le.txt", &b);
    let mut b = vec![0xfe, 0xff];
    for u in "Big endian, with a lone surrogate: ".encode_utf16() {
        b.extend_from_slice(&u.to_be_bytes());
    }
    b.extend_from_slice(&[0xd8, 0x00, 0x00]);
    hostile("utf16_odd_be.txt", &b);
}

#[test]
fn invalid_utf8_everywhere() {
    let bad: [&[u8]; 6] = [
        b"\xff",
        b"\xc3(",
        b"\xe2\x82",
        b"\xf0\x90\x80",
        b"\xed\xa0\x80",
        b"\xc0\xaf",
    ];
    let mut t = Vec::new();
    for i in 0..200_000 {
        t.extend_from_slice(b"word");
        t.extend_from_slice(bad[i % bad.len()]);
        if i % 13 == 0 {
            t.push(b'\n');
        }
    }
    hostile("invalid_utf8.txt", &t);
}

#[test]
fn repeated_mojibake() {
    hostile("mojibake.txt", "Ã".repeat(1_000_000).as_bytes());
    hostile(
        "mojibake_words.txt",
        "cafÃƒÂ© ÃƒÂ¢Ã‚Â€Ã‚Â™ ".repeat(50_000).as_bytes(),
    );
}

#[test]
fn hundred_thousand_roman_ii_tokens() {
    hostile("roman.txt", "II ".repeat(100_000).as_bytes());
}

// ---------- properties of the library ----------

fn word() -> impl Strategy<Value = String> {
    prop_oneof![
        "[a-z]{1,10}",
        "[A-Z][a-z]{0,9}",
        "[a-zàáâçèéêëîïôöùûüñß]{1,8}",
        "[0-9]{1,4}",
    ]
}

fn sep() -> impl Strategy<Value = &'static str> {
    prop::sample::select(vec![
        " ", " ", " ", ", ", ". ", "; ", ": ", "! ", "? ", " - ", "-", "\n", "\n\n", " (", ") ",
        "\"", "'", "  ", " ...",
    ])
}

fn text() -> impl Strategy<Value = String> {
    prop::collection::vec((word(), sep()), 1..60).prop_map(|v| {
        let mut s = String::new();
        for (w, p) in v {
            s.push_str(&w);
            s.push_str(p);
        }
        s
    })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 200, ..ProptestConfig::default() })]

    /// Same input and options give the same bytes.
    #[test]
    fn cleaning_is_deterministic(t in text()) {
        let opts = ocrclean::Options::default();
        let a = ocrclean::clean_text(&t, &opts).unwrap().output;
        let b = ocrclean::clean_text(&t, &opts).unwrap().output;
        prop_assert_eq!(a, b);
    }

    /// Cleaning the output again with the default rules changes nothing.
    #[test]
    fn cleaning_is_idempotent(t in text()) {
        let opts = ocrclean::Options::default();
        let once = ocrclean::clean_text(&t, &opts).unwrap().output;
        let twice = ocrclean::clean_text(&once, &opts).unwrap().output;
        prop_assert_eq!(once, twice);
    }
}

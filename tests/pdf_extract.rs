//! PDF extraction on small PDFs built here with lopdf, one per feature, and on the
//! third-party PDFs in `../shared/corpus/pdf` when they are present.

use lopdf::{dictionary, Dictionary, Document, Object, ObjectId, Stream};
mod common;

use common::{build_pdf, helvetica, save};
use ocrclean::input::pdf::{extract, PdfError, PdfOptions};

/// A document whose pages have the given contents; fonts and XObjects live in the page
/// tree's root (so pages inherit them).
fn build(pages: &[&str], fonts: Dictionary, xobjects: Dictionary) -> (Document, Vec<ObjectId>) {
    let pages: Vec<&[u8]> = pages.iter().map(|p| p.as_bytes()).collect();
    let (doc, _, ids) = build_pdf(&pages, fonts, xobjects);
    (doc, ids)
}

fn simple(pages: &[&str]) -> Vec<u8> {
    save(build(pages, dictionary! { "F1" => helvetica() }, dictionary! {}).0)
}

fn text(bytes: &[u8]) -> String {
    extract(bytes, &PdfOptions::default()).unwrap().text
}

#[test]
fn winansi_text() {
    let pdf = simple(&["BT /F1 12 Tf 72 700 Td (Caf\\351 \\223quoted\\224 \\226 ok) Tj ET"]);
    assert_eq!(text(&pdf), "Café “quoted” – ok\n");
}

#[test]
fn differences_with_ligature_and_uni_names() {
    let font = dictionary! {
        "Type" => "Font", "Subtype" => "Type1", "BaseFont" => "Times-Roman",
        "Encoding" => dictionary! {
            "Type" => "Encoding", "BaseEncoding" => "WinAnsiEncoding",
            "Differences" => vec![1.into(), "fi".into(), "ffl".into(), "uni00E9".into(), "f_f".into()],
        },
    };
    let (doc, _) = build(
        &["BT /F1 12 Tf 72 700 Td (\\001nd wa\\002e caf\\003 o\\004) Tj ET"],
        dictionary! { "F1" => font },
        dictionary! {},
    );
    assert_eq!(text(&save(doc)), "find waffle café off\n");
}

const TO_UNICODE: &str = "/CIDInit /ProcSet findresource begin 12 dict begin begincmap
1 begincodespacerange <0000> <FFFF> endcodespacerange
3 beginbfchar <0001> <0048> <0002> <0065> <0005> <00660069> endbfchar
1 beginbfrange <0003> <0004> [<006C> <006F>] endbfrange
1 beginbfrange <0006> <0008> <0061> endbfrange
endcmap end end";

fn type0(doc: &mut Document, encoding: &str) -> Dictionary {
    let cmap = doc.add_object(Stream::new(dictionary! {}, TO_UNICODE.as_bytes().to_vec()));
    let cid = doc.add_object(dictionary! {
        "Type" => "Font", "Subtype" => "CIDFontType2", "BaseFont" => "Test",
        "CIDSystemInfo" => dictionary! { "Registry" => Object::string_literal("Adobe"),
            "Ordering" => Object::string_literal("Identity"), "Supplement" => 0 },
        "DW" => 500,
        "W" => vec![1.into(), vec![Object::Integer(700), 500.into(), 250.into(), 250.into(), 550.into()].into()],
    });
    dictionary! {
        "Type" => "Font", "Subtype" => "Type0", "BaseFont" => "Test",
        "Encoding" => encoding, "DescendantFonts" => vec![cid.into()], "ToUnicode" => cmap,
    }
}

#[test]
fn identity_h_with_to_unicode_and_w_widths() {
    let (mut doc, _) = build(
        &["BT /F2 10 Tf 72 700 Td <00010002000300030004> Tj 19.5 0 Td <0005> Tj 15 0 Td <000600070008> Tj ET"],
        dictionary! {},
        dictionary! {},
    );
    let f = type0(&mut doc, "Identity-H");
    let pages = doc
        .catalog()
        .unwrap()
        .get(b"Pages")
        .unwrap()
        .as_reference()
        .unwrap();
    let res = doc
        .get_dictionary_mut(pages)
        .unwrap()
        .get_mut(b"Resources")
        .unwrap();
    res.as_dict_mut()
        .unwrap()
        .set("Font", dictionary! { "F2" => f });
    // "Hello" is 700+500+250+250+250 = 1.95 em: a Td of 19.5 pt leaves no gap, so "fi"
    // ends the same word; the next Td leaves almost 1 em and starts a word.
    assert_eq!(text(&save(doc)), "Hellofi abc\n");
}

#[test]
fn identity_v_text_reads_top_to_bottom() {
    let (mut doc, _) = build(
        &["BT /F2 10 Tf 300 700 Td <00010002000300030004> Tj ET"],
        dictionary! {},
        dictionary! {},
    );
    let f = type0(&mut doc, "Identity-V");
    let pages = doc
        .catalog()
        .unwrap()
        .get(b"Pages")
        .unwrap()
        .as_reference()
        .unwrap();
    let res = doc
        .get_dictionary_mut(pages)
        .unwrap()
        .get_mut(b"Resources")
        .unwrap();
    res.as_dict_mut()
        .unwrap()
        .set("Font", dictionary! { "F2" => f });
    assert_eq!(text(&save(doc)), "Hello\n");
}

#[test]
fn kerning_by_real_tj_offsets_is_not_a_word_break() {
    let pdf = simple(&[
        "BT /F1 12 Tf 72 700 Td [(W) 80.5 (a) 15.25 (ve) -350.75 (ne) -20.5 (xt) -250 (one)] TJ ET",
    ]);
    assert_eq!(text(&pdf), "Wave next one\n");
}

#[test]
fn words_separated_by_positioning_only() {
    // "Hel" is 18 pt wide in 12 pt Helvetica: a Td of 18 continues the word, 24 starts one.
    let pdf = simple(&["BT /F1 12 Tf 72 700 Td (Hel) Tj 18 0 Td (lo) Tj 24 0 Td (World) Tj ET"]);
    assert_eq!(text(&pdf), "Hello World\n");
}

#[test]
fn letter_spaced_text_stays_one_word() {
    let pdf = simple(&["BT /F1 12 Tf 4 Tc 72 700 Td (spaced) Tj 0 Tc ( out) Tj ET"]);
    assert_eq!(text(&pdf), "spaced out\n");
}

#[test]
fn two_columns_read_left_then_right() {
    let mut c = String::from(
        "BT /F1 10 Tf 12 TL 72 720 Td (A Title Across Both Columns Of The Page) Tj ET\n",
    );
    for i in 0..12 {
        let y = 690 - 12 * i;
        c.push_str(&format!(
            "BT /F1 10 Tf 72 {y} Td (left column line {i} with words) Tj ET\n\
             BT /F1 10 Tf 320 {y} Td (right column line {i} with words) Tj ET\n"
        ));
    }
    let out = text(&simple(&[&c]));
    let lines: Vec<&str> = out.lines().filter(|l| !l.is_empty()).collect();
    assert_eq!(lines[0], "A Title Across Both Columns Of The Page");
    assert_eq!(lines[1], "left column line 0 with words");
    assert_eq!(lines[12], "left column line 11 with words");
    assert_eq!(lines[13], "right column line 0 with words");
    assert_eq!(lines.len(), 25);
}

#[test]
fn invisible_ocr_text_is_extracted() {
    let pdf = simple(&["BT 3 Tr /F1 12 Tf 72 700 Td (hidden layer) Tj ET"]);
    assert_eq!(text(&pdf), "hidden layer\n");
}

#[test]
fn form_xobject_with_matrix_and_own_resources() {
    let (mut doc, _) = build(
        &["BT /F1 12 Tf 72 700 Td (Top) Tj ET q 1 0 0 1 0 -100 cm /X1 Do Q BT /F1 12 Tf 72 500 Td (Bottom) Tj ET"],
        dictionary! { "F1" => helvetica() },
        dictionary! {},
    );
    let form = doc.add_object(Stream::new(
        dictionary! {
            "Type" => "XObject", "Subtype" => "Form",
            "BBox" => vec![0.into(), 0.into(), 612.into(), 792.into()],
            "Matrix" => vec![1.into(), 0.into(), 0.into(), 1.into(), 0.into(), (-50).into()],
            "Resources" => dictionary! { "Font" => dictionary! { "F9" => helvetica() } },
        },
        b"BT /F9 12 Tf 72 700 Td (Middle) Tj ET".to_vec(),
    ));
    let pages = doc
        .catalog()
        .unwrap()
        .get(b"Pages")
        .unwrap()
        .as_reference()
        .unwrap();
    let res = doc
        .get_dictionary_mut(pages)
        .unwrap()
        .get_mut(b"Resources")
        .unwrap();
    res.as_dict_mut()
        .unwrap()
        .set("XObject", dictionary! { "X1" => form });
    let out = text(&save(doc));
    let words: Vec<&str> = out.split_whitespace().collect();
    assert_eq!(words, ["Top", "Middle", "Bottom"]);
}

#[test]
fn rotated_page_with_rotated_text() {
    let (mut doc, ids) = build(
        &["BT /F1 12 Tf 0 1 -1 0 300 100 Tm (first line here) Tj 0 1 -1 0 315 100 Tm (second line) Tj ET"],
        dictionary! { "F1" => helvetica() },
        dictionary! {},
    );
    doc.get_dictionary_mut(ids[0]).unwrap().set("Rotate", 90);
    assert_eq!(text(&save(doc)), "first line here\nsecond line\n");
}

#[test]
fn actual_text_replaces_glyphs() {
    let pdf = simple(&[
        "BT /F1 12 Tf 72 700 Td (a ) Tj /Span <</ActualText (fi)>> BDC (XX) Tj EMC (b) Tj ET",
    ]);
    assert_eq!(text(&pdf), "a fib\n");
}

#[test]
fn superscripts_stay_on_their_line() {
    let pdf = simple(&[
        "BT /F1 12 Tf 72 700 Td (E = mc) Tj /F1 7 Tf 5 Ts (2) Tj 0 Ts /F1 12 Tf ( holds) Tj ET \
        BT /F1 12 Tf 72 686 Td (next line) Tj ET",
    ]);
    assert_eq!(text(&pdf), "E = mc2 holds\nnext line\n");
}

#[test]
fn unmapped_glyphs_are_counted_and_reported() {
    let font = dictionary! {
        "Type" => "Font", "Subtype" => "Type1", "BaseFont" => "Custom",
        "Encoding" => dictionary! { "Differences" => vec![1.into(), "g17".into()] },
    };
    let (doc, _) = build(
        &["BT /F1 12 Tf 72 700 Td (a\\001b) Tj ET"],
        dictionary! { "F1" => font },
        dictionary! {},
    );
    let e = extract(&save(doc), &PdfOptions::default()).unwrap();
    assert_eq!(e.text, "a\u{FFFD}b\n");
    assert_eq!(e.unmapped_glyphs, 1);
    assert!(e
        .warnings
        .iter()
        .any(|w| w.contains("U+FFFD") && w.contains("on page 1 ")));
    assert!(!e.text.contains("cid"));
}

#[test]
fn pages_are_separated_by_form_feeds_and_selected() {
    let pdf = simple(&[
        "BT /F1 12 Tf 72 700 Td (one) Tj ET",
        "BT /F1 12 Tf 72 700 Td (two) Tj ET",
        "BT /F1 12 Tf 72 700 Td (three) Tj ET",
    ]);
    let all = extract(&pdf, &PdfOptions::default()).unwrap();
    assert_eq!(all.text, "one\n\x0ctwo\n\x0cthree\n");
    assert_eq!(all.page_numbers, [1, 2, 3]);
    let opts = PdfOptions {
        pages: Some(vec![2..=3]),
        password: None,
    };
    let some = extract(&pdf, &opts).unwrap();
    assert_eq!(some.text, "two\n\x0cthree\n");
    assert_eq!(some.page_numbers, [2, 3]);
    let none = PdfOptions {
        pages: Some(vec![7..=9]),
        password: None,
    };
    assert!(matches!(
        extract(&pdf, &none),
        Err(PdfError::NoPagesSelected(3))
    ));
}

fn encrypted(user: &str, owner: &str) -> Vec<u8> {
    let (mut doc, _) = build(
        &["BT /F1 12 Tf 72 700 Td (secret text) Tj ET"],
        dictionary! { "F1" => helvetica() },
        dictionary! {},
    );
    doc.trailer.set(
        "ID",
        vec![
            Object::string_literal(b"0123456789abcdef".to_vec()),
            Object::string_literal(b"0123456789abcdef".to_vec()),
        ],
    );
    let version = lopdf::EncryptionVersion::V2 {
        document: &doc,
        owner_password: owner,
        user_password: user,
        key_length: 128,
        permissions: lopdf::Permissions::all(),
    };
    let state = lopdf::EncryptionState::try_from(version).unwrap();
    doc.encrypt(&state).unwrap();
    save(doc)
}

#[test]
fn encrypted_with_user_password() {
    let pdf = encrypted("open sesame", "owner");
    assert!(matches!(
        extract(&pdf, &PdfOptions::default()),
        Err(PdfError::NeedsPassword)
    ));
    let wrong = PdfOptions {
        pages: None,
        password: Some("nope".into()),
    };
    assert!(matches!(
        extract(&pdf, &wrong),
        Err(PdfError::WrongPassword)
    ));
    let right = PdfOptions {
        pages: None,
        password: Some("open sesame".into()),
    };
    assert_eq!(extract(&pdf, &right).unwrap().text, "secret text\n");
}

#[test]
fn encrypted_with_empty_user_password_opens_without_one() {
    let pdf = encrypted("", "owner");
    assert_eq!(text(&pdf), "secret text\n");
}

#[test]
fn image_only_pdf_needs_ocr() {
    let pdf = simple(&["q 612 0 0 792 0 0 cm Q", "q Q"]);
    match extract(&pdf, &PdfOptions::default()) {
        Err(e @ PdfError::NoText(_)) => {
            let msg = e.to_string();
            assert!(
                msg.contains("pages 1–2") && msg.contains("ocrmypdf"),
                "{msg}"
            );
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn truncated_and_garbage_files_do_not_panic() {
    let mut pages = Vec::new();
    for i in 0..6 {
        pages.push(format!("BT /F1 12 Tf 72 700 Td (page {i} text) Tj ET"));
    }
    let refs: Vec<&str> = pages.iter().map(String::as_str).collect();
    let pdf = simple(&refs);
    for cut in [
        pdf.len() / 4,
        pdf.len() / 2,
        pdf.len() * 3 / 4,
        pdf.len() - 10,
    ] {
        match extract(&pdf[..cut], &PdfOptions::default()) {
            Ok(e) => assert!(!e.warnings.is_empty(), "a damaged file must warn"),
            Err(e) => assert!(!e.to_string().is_empty()),
        }
    }
    let garbage: Vec<u8> = b"%PDF-1.4\n"
        .iter()
        .copied()
        .chain((0..5000u32).map(|i| (i.wrapping_mul(2654435761) >> 13) as u8))
        .collect();
    assert!(matches!(
        extract(&garbage, &PdfOptions::default()),
        Err(PdfError::Damaged(_))
    ));
}

#[test]
fn broken_xref_is_rebuilt() {
    let pdf = simple(&["BT /F1 12 Tf 72 700 Td (still here) Tj ET"]);
    let s = String::from_utf8_lossy(&pdf).into_owned();
    let at = s.rfind("startxref").unwrap();
    let mut broken = pdf[..at].to_vec();
    broken.extend_from_slice(b"startxref\n999999\n%%EOF\n");
    let e = extract(&broken, &PdfOptions::default()).unwrap();
    assert_eq!(e.text, "still here\n");
    assert!(e.warnings.iter().any(|w| w.contains("rebuilt")));
}

#[test]
fn decompression_bomb_is_refused_and_named() {
    use std::io::Write;
    let mut enc = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::fast());
    let chunk = vec![b' '; 1 << 20];
    for _ in 0..80 {
        enc.write_all(&chunk).unwrap();
    }
    let bomb = enc.finish().unwrap();
    let (mut doc, ids) = build(
        &["BT /F1 12 Tf 72 700 Td (fine page) Tj ET", ""],
        dictionary! { "F1" => helvetica() },
        dictionary! {},
    );
    let sid = doc.add_object(Stream::new(dictionary! { "Filter" => "FlateDecode" }, bomb));
    doc.get_dictionary_mut(ids[1]).unwrap().set("Contents", sid);
    let e = extract(&save(doc), &PdfOptions::default()).unwrap();
    assert_eq!(e.text, "fine page\n\x0c");
    assert!(e
        .warnings
        .iter()
        .any(|w| w.contains("page 2") && w.contains("bomb")));
    assert!(e.warnings.iter().any(|w| w.contains("lost on page 2 ")));
}

#[test]
fn missing_objects_lose_only_their_page() {
    let (mut doc, ids) = build(
        &[
            "BT /F1 12 Tf 72 700 Td (kept) Tj ET",
            "BT /F1 12 Tf 72 700 Td (gone) Tj ET",
        ],
        dictionary! { "F1" => helvetica() },
        dictionary! {},
    );
    let content = doc
        .get_dictionary(ids[1])
        .unwrap()
        .get(b"Contents")
        .unwrap()
        .as_reference()
        .unwrap();
    doc.objects.remove(&content);
    let e = extract(&save(doc), &PdfOptions::default()).unwrap();
    assert_eq!(e.text, "kept\n\x0c");
    assert!(
        e.warnings.iter().any(|w| w.contains("lost on page 2 ")),
        "{:?}",
        e.warnings
    );
}

#[test]
fn third_party_pdfs_extract() {
    let dir = std::path::Path::new("../shared/corpus/pdf");
    if !dir.exists() {
        eprintln!("note: ../shared/corpus/pdf not present; skipped");
        return;
    }
    let mut n = 0;
    for sub in std::fs::read_dir(dir).unwrap() {
        let sub = sub.unwrap().path();
        if !sub.is_dir() {
            continue;
        }
        for f in std::fs::read_dir(&sub).unwrap() {
            let f = f.unwrap().path();
            if f.extension().is_some_and(|e| e == "pdf") {
                let bytes = std::fs::read(&f).unwrap();
                let e = extract(&bytes, &PdfOptions::default())
                    .unwrap_or_else(|e| panic!("{}: {e}", f.display()));
                assert!(
                    e.text.split_whitespace().count() > 0,
                    "{}: no words",
                    f.display()
                );
                n += 1;
            }
        }
    }
    assert!(n > 0);
}

#[test]
fn letter_spaced_heading_is_one_word_but_prose_keeps_spaces() {
    let pdf = simple(&[
        "BT /F1 12 Tf 72 700 Td [(C) -300 (H) -300 (A) -300 (P)] TJ ET \
        BT /F1 12 Tf 72 680 Td [(I) -278 (am) -278 (a) -278 (cat)] TJ ET",
    ]);
    assert_eq!(text(&pdf), "CHAP\nI am a cat\n");
}

#[test]
fn symbol_font_uses_its_built_in_encoding() {
    let font = dictionary! { "Type" => "Font", "Subtype" => "Type1", "BaseFont" => "Symbol" };
    let (doc, _) = build(
        &["BT /F1 12 Tf 72 700 Td (a \\263 b) Tj ET"],
        dictionary! { "F1" => font },
        dictionary! {},
    );
    assert_eq!(text(&save(doc)), "α ≥ β\n");
}

#[test]
fn centred_title_comes_before_a_heading_below_and_left_of_it() {
    let mut c = String::from(
        "BT /F1 16 Tf 200 740 Td (A Centred Title) Tj ET\n\
         BT /F1 13 Tf 72 700 Td (Abstract) Tj ET\n",
    );
    for i in 0..10 {
        let y = 680 - 12 * i;
        c.push_str(&format!(
            "BT /F1 10 Tf 72 {y} Td (left text {i} goes here) Tj ET\n\
             BT /F1 10 Tf 320 {y} Td (right text {i} goes here) Tj ET\n"
        ));
    }
    let out = text(&simple(&[&c]));
    let lines: Vec<&str> = out.lines().filter(|l| !l.is_empty()).collect();
    assert_eq!(
        &lines[..3],
        ["A Centred Title", "Abstract", "left text 0 goes here"]
    );
    assert_eq!(lines[12], "right text 0 goes here");
}

#[test]
fn small_print_beside_a_column_is_not_a_superscript() {
    // Footnote lines (7 pt, 8 pt apart) in the left column while body text (9 pt) runs in
    // the right column at baselines in between: each footnote line stays whole.
    let c = "BT /F1 7 Tf 45 382 Td (first footnote line of small print) Tj ET\n\
             BT /F1 7 Tf 45 374 Td (second footnote line of small print) Tj ET\n\
             BT /F1 7 Tf 45 366 Td (third footnote line of small print) Tj ET\n\
             BT /F1 9 Tf 320 388 Td (body text in the right column) Tj ET\n\
             BT /F1 9 Tf 320 378 Td (more body text on the right) Tj ET\n\
             BT /F1 9 Tf 320 368 Td (and a last body line here) Tj ET\n";
    let out = text(&simple(&[c]));
    for line in [
        "first footnote line of small print",
        "second footnote line of small print",
        "third footnote line of small print",
    ] {
        assert!(out.lines().any(|l| l == line), "{out}");
    }
}

#[test]
fn indented_first_lines_keep_their_indentation() {
    // Two paragraphs of a 10 pt text, each with a first line indented by 15 pt.
    let mut c = String::new();
    for (i, x) in [87, 72, 72, 87, 72, 72].iter().enumerate() {
        let y = 700 - 12 * i;
        c.push_str(&format!(
            "BT /F1 10 Tf {x} {y} Td (line {i} of a paragraph set in a column) Tj ET\n"
        ));
    }
    let out = text(&simple(&[&c]));
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines.len(), 6, "{out}");
    assert_eq!(lines[0], "   line 0 of a paragraph set in a column");
    assert_eq!(lines[1], "line 1 of a paragraph set in a column");
    assert!(lines[3].starts_with("   line 3"), "{out}");
    // A line alone (a heading, a page number) has nothing to be indented against.
    let one = text(&simple(&["BT /F1 10 Tf 300 700 Td (Alone) Tj ET"]));
    assert_eq!(one, "Alone\n");
}

//! Cleaning throughput on a large OCR-like text, and the speed of the evaluation aligner.
//!
//! The text is the real OCR of `../shared/corpus/real` (concatenated, repeated up to
//! [`TARGET_BYTES`]) when it is present, else a synthetic text with the same kinds of
//! damage (ligatures, soft hyphens, odd spaces, mojibake, line-end hyphens, page breaks).
//! Nothing from the corpus is stored in the repository; it is read at bench time.
//!
//! Run: `cargo bench --bench clean`.

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};
use ocrclean::eval::{align, normalize};
use ocrclean::{input, Cleaner, LoadOptions, Options};
use std::hint::black_box;
use std::path::{Path, PathBuf};

/// The allocator the `clean` binary uses (`src/app/memory.rs`), so that the figures are
/// the binary's.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// Size of the benchmark text.
const TARGET_BYTES: usize = 2 << 20;

/// The real corpus's OCR files, if `../shared` is here.
fn corpus_files() -> Vec<PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus/real");
    let mut files = Vec::new();
    let Ok(sets) = std::fs::read_dir(&root) else {
        return files;
    };
    let mut sets: Vec<PathBuf> = sets.filter_map(|e| e.ok().map(|e| e.path())).collect();
    sets.sort();
    for set in sets {
        if let Ok(docs) = std::fs::read_dir(set.join("ocr")) {
            let mut docs: Vec<PathBuf> = docs.filter_map(|e| e.ok().map(|e| e.path())).collect();
            docs.sort();
            files.extend(docs);
        }
    }
    files
}

/// A synthetic OCR-like text of about `bytes` bytes (deterministic).
fn synthetic(bytes: usize) -> String {
    const WORDS: &[&str] = &[
        "the",
        "of",
        "and",
        "river",
        "ﬁrst",
        "meeting",
        "organi-\nsation",
        "harbour",
        "ﬂow",
        "committee",
        "itâ€™s",
        "report",
        "up\u{ad}ward",
        "10\u{a0}km",
        "wil\u{200b}low",
        "tbe",
        "rnatter",
        "well-\nknown",
        "survey",
        "council",
        "evening",
        "channel",
    ];
    let mut out = String::with_capacity(bytes + 64);
    let mut state: u64 = 42;
    let mut line = 0;
    let mut page_lines = 0;
    while out.len() < bytes {
        state = state.wrapping_mul(6364136223846793005).wrapping_add(1);
        let w = WORDS[(state >> 33) as usize % WORDS.len()];
        out.push_str(w);
        line += w.len() + 1;
        if line > 70 {
            out.push_str(if state & 7 == 0 { "  \n" } else { "\n" });
            line = 0;
            page_lines += 1;
            if page_lines == 50 {
                out.push_str("THE COASTAL GAZETTE 7\n\x0c");
                page_lines = 0;
            }
        } else {
            out.push(' ');
        }
    }
    out
}

/// The benchmark text and where it came from.
fn bench_text() -> (String, &'static str) {
    let files = corpus_files();
    let mut text = String::new();
    if !files.is_empty() {
        'fill: loop {
            for f in &files {
                if let Ok(loaded) = input::load_path(f, &LoadOptions::default()) {
                    text.push_str(loaded.document.text());
                }
                if text.len() >= TARGET_BYTES {
                    break 'fill;
                }
            }
            if text.is_empty() {
                break;
            }
        }
    }
    if text.is_empty() {
        (synthetic(TARGET_BYTES), "synthetic")
    } else {
        (text, "corpus/real")
    }
}

fn cleaning(c: &mut Criterion) {
    let (text, origin) = bench_text();
    let bytes = text.into_bytes();
    let mut g = c.benchmark_group("clean");
    g.sample_size(10);
    g.throughput(Throughput::Bytes(bytes.len() as u64));
    // The default rules, and the character-level families alone (their fast path).
    let selections: [(&str, Vec<String>); 2] = [
        ("default-rules", vec![]),
        ("unicode+spacing", vec!["unicode".into(), "spacing".into()]),
    ];
    for (name, select) in selections {
        let opts = Options {
            selection: ocrclean::Selection {
                select,
                ignore: vec![],
            },
            ..Options::default()
        };
        let cleaner = Cleaner::new(&opts).expect("known rules");
        g.bench_function(BenchmarkId::new(name, origin), |b| {
            b.iter(|| {
                let loaded =
                    input::load_bytes(bytes.clone(), Path::new("-"), &LoadOptions::default())
                        .expect("text input");
                black_box(cleaner.clean(loaded).map_or(0, |r| r.output.len()))
            })
        });
    }
    g.finish();
}

fn alignment(c: &mut Criterion) {
    // A truth and a damaged copy of it, about 50k words each.
    let truth = synthetic(300_000);
    let raw: String = truth
        .split(' ')
        .enumerate()
        .map(|(i, w)| if i % 7 == 3 { "tbe" } else { w })
        .collect::<Vec<_>>()
        .join(" ");
    let t = normalize::tokenize(&truth, true);
    let r = normalize::tokenize(&raw, true);
    let mut ids = align::Interner::default();
    let ti = ids.intern(t.iter());
    let ri = ids.intern(r.iter());
    let mut g = c.benchmark_group("eval");
    g.sample_size(10);
    g.throughput(Throughput::Elements(ti.len() as u64));
    g.bench_function("difflib-opcodes", |b| {
        b.iter(|| black_box(align::opcodes(&ti, &ri).len()))
    });
    g.finish();
}

// Lexicon lookups are benched in benches/lexicon.rs (from the lexicon work).

criterion_group!(benches, cleaning, alignment);
criterion_main!(benches);

//! Lexicon speed: start-up (building the instance over the embedded data), exact and
//! policy lookups, compounds and bigrams.
//!
//! `cargo bench --bench lexicon`

use criterion::{criterion_group, criterion_main, Criterion};
use ocrclean::lexicon::Lexicon;
use std::hint::black_box;

/// Tokens of every kind a rule asks about: common, capitalised, all caps, names,
/// possessives, unknown OCR errors.
const WORDS: &[&str] = &[
    "the",
    "The",
    "THE",
    "government",
    "London",
    "LONDON",
    "london",
    "organised",
    "Korea's",
    "don\u{2019}t",
    "tbe",
    "commuist",
    "wbich",
    "modem",
    "Pyongyang",
    "cafe",
    "NATO",
    "ill",
    "magnificent",
    "Lalkar",
];

fn bench(c: &mut Criterion) {
    c.bench_function("lexicon/init (Lexicon::load + first lookup)", |b| {
        b.iter(|| {
            let lex = Lexicon::load();
            black_box(lex.lookup(black_box("the")))
        })
    });
    let lex = Lexicon::embedded();
    c.bench_function("lexicon/lookup exact (20 words)", |b| {
        b.iter(|| {
            for w in WORDS {
                black_box(lex.lookup(black_box(w)));
            }
        })
    });
    c.bench_function("lexicon/contains any case (20 words)", |b| {
        b.iter(|| {
            for w in WORDS {
                black_box(lex.contains(black_box(w)));
            }
        })
    });
    c.bench_function("lexicon/compound co-operation", |b| {
        b.iter(|| black_box(lex.compound(black_box("co-operation"))))
    });
    c.bench_function("lexicon/bigram", |b| {
        b.iter(|| black_box(lex.bigram(black_box("of"), black_box("the"))))
    });
}

criterion_group!(benches, bench);
criterion_main!(benches);

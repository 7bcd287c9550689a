//! Show what the embedded lexicon knows about each word given on the command line.
//!
//! Usage: `cargo run --example lexicon_probe -- London LONDON london tbe co-operation`

use ocrclean::lexicon::Lexicon;

fn main() {
    let start = std::time::Instant::now();
    let lex = Lexicon::embedded();
    let first = lex.contains("the");
    eprintln!(
        "first use (Lexicon::embedded + one lookup, fresh process): {:?} ({first})",
        start.elapsed()
    );
    let words: Vec<String> = std::env::args().skip(1).collect();
    for w in &words {
        match lex.find(w) {
            Some(f) => println!(
                "{w}\t{}\tlevel {}\tfreq {}\tcommon {}\t{:?}{}{}",
                f.spelling,
                f.entry.level,
                f.entry.frequency,
                f.entry.is_common(),
                f.entry,
                if f.possessive { "\tpossessive" } else { "" },
                if f.accents { "\taccents" } else { "" },
            ),
            None => println!("{w}\t-\t{:?}", lex.compound(w)),
        }
    }
    for pair in words.windows(2) {
        println!(
            "bigram {} {}: {}",
            pair[0],
            pair[1],
            lex.bigram(&pair[0], &pair[1])
        );
    }
}

//! Tests of the embedded lexicon: the data and the lookup policy.

use super::*;

fn lex() -> &'static Lexicon {
    Lexicon::embedded()
}

#[test]
fn embedded_data_load() {
    assert!(lex().words.is_some() && lex().bigrams.is_some());
    assert!(lex().len() > 300_000, "{}", lex().len());
    assert!(lex().bigram_count() > 200_000);
    assert!(!lex().accents.is_empty());
}

//! The long s of old print (ſ) that OCR engines drop ("reaon" for "reason", "ociety" for
//! "society"): a misreading only some documents have, so it is looked for only in a
//! document that shows it — one with enough distinct non-words that a single inserted s
//! inside them turns into common words.

use crate::lexicon::known::KnownWords;
use crate::lexicon::{Entry, Lexicon};

/// Distinct non-words an inserted s must mend before a document counts as one that lost
/// its long s.
pub const MIN_TYPES: usize = 4;
/// Cost of the swap, in nats (as the confusion table's costs).
pub const COST: f32 = 5.0;
/// Shortest word (bytes) that may have lost an initial long s: "uch" for "such"; a lost
/// initial s is as common as an inner one in old print (measured on the real corpora: 46
/// more words fixed, 3 more broken, from 3 bytes; from 4, 40 and 2).
const MIN_LEN_FOR_INITIAL: usize = 3;
/// Longest word examined (bytes).
const MAX_LEN: usize = 20;

/// Call `f` with each spelling `word` becomes by one s inserted inside it or before it
/// ("uch", "ociety"; only for words of `MIN_LEN_FOR_INITIAL` bytes or more), never after
/// its last letter (a fragment's missing s is no long s).
pub fn for_each_insertion(word: &str, mut f: impl FnMut(&str)) {
    if word.len() > MAX_LEN {
        return;
    }
    let mut buf = String::with_capacity(word.len() + 1);
    let first = if word.len() >= MIN_LEN_FOR_INITIAL {
        0
    } else {
        1
    };
    for i in (first..word.len()).filter(|&i| word.is_char_boundary(i)) {
        buf.clear();
        buf.push_str(&word[..i]);
        buf.push('s');
        buf.push_str(&word[i..]);
        f(&buf);
    }
}

/// Each spelling [`for_each_insertion`] makes of `word` that the lexicon knows without a
/// change of accents (`known`'s answer, as `Lexicon::find` gives it), with its entry, in
/// the same order. A plain word (lower-case ASCII letters and digits) is answered by one
/// walk of the lexicon along it; any other spelling by spelling.
pub fn for_each_known_insertion(
    lex: &Lexicon,
    known: &KnownWords,
    word: &str,
    mut f: impl FnMut(&str, Entry),
) {
    if word.len() > MAX_LEN {
        return;
    }
    if !crate::lexicon::is_plain(word) {
        for_each_insertion(word, |cand| {
            if let Some(found) = known.find(cand).filter(|found| !found.accents) {
                f(cand, found.entry);
            }
        });
        return;
    }
    let first = if word.len() >= MIN_LEN_FOR_INITIAL {
        0
    } else {
        1
    };
    let mut buf = String::with_capacity(word.len() + 1);
    lex.for_each_insertion_entry(word, b's', first, |i, entry| {
        buf.clear();
        buf.push_str(&word[..i]);
        buf.push('s');
        buf.push_str(&word[i..]);
        f(&buf, entry);
    });
}

/// Whether a document shows the lost long s: at least [`MIN_TYPES`] of its distinct
/// `non_words` (spellings the lexicon lacks, see [`super::profile::Profile::non_words`])
/// that are lower-case and of four letters or more become common words by one inserted s.
pub fn document_shows_it(lex: &Lexicon, non_words: &[&str]) -> bool {
    let mut mended = 0;
    for &w in non_words {
        if w.len() < 4 || !w.bytes().all(|b| b.is_ascii_lowercase()) {
            continue;
        }
        let mut hit = false;
        for_each_insertion(w, |v| hit = hit || lex.contains(v));
        if hit {
            mended += 1;
            if mended >= MIN_TYPES {
                return true;
            }
        }
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The walk finds the spellings, entries and order that asking about each finds, for
    /// plain words and others, on the fst and on the flat copy.
    #[test]
    fn known_insertions_are_those_asked_one_by_one() {
        let lex = Lexicon::embedded();
        let known = KnownWords::none();
        let words = [
            "reaon",
            "ociety",
            "uch",
            "houe",
            "thoe",
            "puh",
            "leon",
            "clas",
            "pase",
            "aid",
            "a",
            "",
            "ab",
            "zzzz",
            "caf\u{e9}",
            "Houe",
            "ho-ue",
            "te4t",
            "mitrel",
            "poe",
        ];
        let mut met = 0;
        for flat in [false, true] {
            if flat {
                assert!(lex.build_flat());
            }
            for w in words {
                let mut one_by_one = Vec::new();
                for_each_insertion(w, |cand| {
                    if let Some(found) = known.find(cand).filter(|found| !found.accents) {
                        one_by_one.push((cand.to_string(), found.entry));
                    }
                });
                let mut walked = Vec::new();
                for_each_known_insertion(lex, known, w, |cand, entry| {
                    walked.push((cand.to_string(), entry));
                });
                assert_eq!(walked, one_by_one, "{w}");
                met += walked.len();
            }
        }
        assert!(met >= 10, "{met}");
    }

    #[test]
    fn insertions_are_inside_the_word_or_before_it() {
        let mut got = Vec::new();
        for_each_insertion("abc", |v| got.push(v.to_string()));
        assert_eq!(got, vec!["sabc", "asbc", "absc"]);
        got.clear();
        for_each_insertion("ab", |v| got.push(v.to_string()));
        assert_eq!(got, vec!["asb"]);
    }

    #[test]
    fn only_a_document_full_of_lost_s_shows_it() {
        let lex = Lexicon::embedded();
        let old = [
            "reaon", "ociety", "poible", "paions", "neceary", "aerted", "hiory", "myelf", "faten",
            "thoe",
        ];
        assert!(document_shows_it(lex, &old));
        // A modern text's two slips are not a pattern.
        assert!(!document_shows_it(
            lex,
            &["contrained", "asist", "the", "cat"]
        ));
    }
}

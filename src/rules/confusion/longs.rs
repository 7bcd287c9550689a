//! The long s of old print (ſ) that OCR engines drop ("reaon" for "reason", "ociety" for
//! "society"): a misreading only some documents have, so it is looked for only in a
//! document that shows it — one with enough distinct non-words that a single inserted s
//! inside them turns into common words.

use crate::lexicon::Lexicon;

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

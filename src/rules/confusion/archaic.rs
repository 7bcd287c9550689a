//! Early Modern English spelling ("hee", "owne", "keepe", "haue", "vnto", "marryed"): words
//! the lexicon lacks because they are old spellings, not misreadings. A document printed
//! in that spelling shows many distinct such words; in it they are left alone, so that
//! "hee" is not "corrected" to "bee" because the OCR elsewhere reads h as b.

use super::model;
use crate::lexicon::Lexicon;

/// Distinct old spellings a document must use before it counts as one printed in them.
pub const MIN_TYPES: usize = 3;
/// Uses of old spellings per thousand words of a document printed in them (such texts
/// have 17 to 56 in the real corpora; modern ones at most 10).
pub const MIN_USES_PER_THOUSAND: u64 = 12;
/// Longest word examined (bytes).
const MAX_LEN: usize = 20;

/// The common modern word that `word` (lower case, not itself a word) is an old spelling
/// of, by one of the regular differences of Early Modern English print: a final e
/// ("owne", "hee"), "ie" for a final "y" ("citie"), "y" for "i" ("marryed", "raysed"),
/// "u" for "v" inside a word ("haue", "euery") and "v" for an initial "u" ("vnto").
pub fn modern_form(lex: &Lexicon, word: &str) -> Option<String> {
    if word.len() < 3 || word.len() > MAX_LEN || !word.bytes().all(|b| b.is_ascii_lowercase()) {
        return None;
    }
    // A modern word has a vowel: "tbe" is no old spelling of "tb".
    let found = |w: &str| {
        (w.bytes().any(|b| b"aeiouy".contains(&b)) && lex.contains(w)).then(|| w.to_string())
    };
    if let Some(stem) = word.strip_suffix("ie") {
        if let Some(m) = found(&format!("{stem}y")) {
            return Some(m);
        }
    }
    if let Some(stem) = word.strip_suffix('e') {
        if stem.len() >= 2 {
            if let Some(m) = found(stem) {
                return Some(m);
            }
        }
    }
    if let Some(rest) = word.strip_prefix('v') {
        if let Some(m) = found(&format!("u{rest}")) {
            return Some(m);
        }
    }
    for (i, b) in word.bytes().enumerate().skip(1) {
        let to = match b {
            b'y' => b'i',
            b'u' if i + 1 < word.len() => b'v',
            _ => continue,
        };
        let mut v = word.as_bytes().to_vec();
        v[i] = to;
        if let Ok(v) = String::from_utf8(v) {
            if let Some(m) = found(&v) {
                return Some(m);
            }
        }
    }
    None
}

/// Whether a document is printed in old spelling: at least [`MIN_TYPES`] of its distinct
/// `non_words` (spellings the lexicon lacks, see [`super::profile::Profile::non_words`])
/// are old spellings of common words ([`modern_form`]) and no common word misread by one
/// swap of the confusion table ("magie" is "magi" with an old final e, but first the
/// misread "magic"; "hee" may be "bee"): only the spellings no misreading explains count.
/// Their uses (`count`) must also make [`MIN_USES_PER_THOUSAND`] of the document's `total`
/// words: a long modern text has a few such spellings too, in names ("Moore") and garble.
pub fn document_shows_it(
    lex: &Lexicon,
    non_words: &[&str],
    count: impl Fn(&str) -> u32,
    total: u64,
) -> bool {
    let misread = |w: &str| {
        let mut hit = false;
        model::for_each_table_swap(w, |v, _| hit = hit || lex.contains(v));
        hit
    };
    let (mut types, mut uses) = (0usize, 0u64);
    for w in non_words {
        if modern_form(lex, w).is_some() && !misread(w) {
            types += 1;
            uses += u64::from(count(w));
        }
    }
    types >= MIN_TYPES && uses * 1000 >= MIN_USES_PER_THOUSAND * total
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn old_spellings_map_to_modern_words() {
        let lex = Lexicon::embedded();
        for (old, new) in [
            ("hee", "he"),
            ("owne", "own"),
            ("keepe", "keep"),
            ("citie", "city"),
            ("marryed", "married"),
            ("haue", "have"),
            ("vnto", "unto"),
        ] {
            assert_eq!(modern_form(lex, old).as_deref(), Some(new), "{old}");
        }
        // Misreadings are not old spellings.
        for w in ["tbe", "wbich", "tlie", "Owne"] {
            assert_eq!(modern_form(lex, w), None, "{w}");
        }
    }

    #[test]
    fn only_a_document_in_old_spelling_shows_it() {
        let lex = Lexicon::embedded();
        let old = [
            "hee", "owne", "keepe", "feare", "haue", "vnto", "neede", "tbe",
        ];
        assert!(document_shows_it(lex, &old, |_| 2, 1000));
        // Too few kinds, or too few uses for the length of the text.
        assert!(!document_shows_it(
            lex,
            &["hee", "tbe", "wbich", "owne"],
            |_| 2,
            1000
        ));
        assert!(!document_shows_it(lex, &old, |_| 1, 5000));
    }
}

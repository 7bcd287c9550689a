//! C014 stray-dot: a speck on the page that the OCR read as a full stop inside a word
//! ("exhi.bit" → "exhibit", "yea.r" → "year") or glued to the front of one in the middle
//! of a sentence ("it .must have been" → "it must have been").
//!
//! Evidence: the word without the dot is a common word of three letters or more, and the
//! dotted form is no word the lexicon knows ("e.g", "a.m"). Inside a word, the two pieces
//! must not both be words (a full stop with its space lost, "chimney.must", stays: the
//! dot may end a sentence) nor single letters ("a.t"). Before a word, the dot must follow
//! a word or a comma on the same line (not the end of a sentence) and be followed by a
//! lower-case word: ".com" or ".NET" after a name stays unless it is common and mid-
//! sentence. URLs, e-mail addresses and numbers are never touched. The document must show
//! the speck twice or more.

use crate::edit::{Edit, Safety};
use crate::lexicon::known::KnownWords;
use crate::rules::{Context, RuleInfo};

/// Sites a document needs before its dots count as specks.
const MIN_SITES: usize = 2;

/// Letters the word without the dot needs.
const MIN_WORD_LEN: usize = 3;

/// Where a dot sits in its whitespace-separated chunk.
#[derive(Debug, PartialEq, Eq)]
enum Place {
    /// Before the word, in the middle of a sentence.
    Before,
    /// Between two pieces of the word.
    Inside,
}

/// One speck: the byte range of the dot and the word it spoils.
struct Site<'t> {
    dot: std::ops::Range<usize>,
    word: String,
    written: &'t str,
    place: Place,
}

/// Whether `w` is a common word of the lexicon (as written or in lower case), with no
/// accents added.
fn common(known: &KnownWords, w: &str) -> bool {
    w.len() >= MIN_WORD_LEN
        && known
            .find(w)
            .is_some_and(|f| f.entry.is_common() && !f.accents)
}

/// Whether the piece `w` is a word by itself: any word the lexicon knows of two letters
/// or more, or "a" (the lexicon lists every letter).
fn any_word(known: &KnownWords, w: &str) -> bool {
    w == "a" || (w.len() >= 2 && known.find(w).is_some())
}

/// The speck in the chunk `text[start..end]` (no white space inside), if any.
fn site<'t>(known: &KnownWords, text: &'t str, start: usize, end: usize) -> Option<Site<'t>> {
    let chunk = &text[start..end];
    // The word proper: trailing punctuation set aside.
    let core = chunk.trim_end_matches([',', ';', ':', '.', '!', '?', '"', '\'', ')', '’', '”']);
    if core.is_empty() || core.contains(['/', '@', ':', '\\']) || known.find(core).is_some() {
        return None;
    }
    if let Some(word) = core.strip_prefix('.') {
        let plain = word.len() >= MIN_WORD_LEN && word.bytes().all(|b| b.is_ascii_lowercase());
        if !plain || !common(known, word) || !mid_sentence_before(text, start) {
            return None;
        }
        return Some(Site {
            dot: start..start + 1,
            word: word.to_string(),
            written: core,
            place: Place::Before,
        });
    }
    let i = core.find('.')?;
    let (a, b) = (&core[..i], &core[i + 1..]);
    let letters = |s: &str, first_may_be_capital: bool| {
        !s.is_empty()
            && s.bytes().enumerate().all(|(k, c)| {
                c.is_ascii_lowercase() || (first_may_be_capital && k == 0 && c.is_ascii_uppercase())
            })
    };
    if !letters(a, true) || !letters(b, false) || (a.len() == 1 && b.len() == 1) {
        return None;
    }
    let joined = format!("{a}{b}");
    if !common(known, &joined) || (any_word(known, a) && any_word(known, b)) {
        return None;
    }
    Some(Site {
        dot: start + i..start + i + 1,
        word: joined,
        written: core,
        place: Place::Inside,
    })
}

/// Whether the chunk starting at `start` stands in the middle of a sentence: on the same
/// line, the chunk before it ends with a letter or a comma.
fn mid_sentence_before(text: &str, start: usize) -> bool {
    let before = text[..start].trim_end_matches([' ', '\t']);
    if before.len() == start {
        return false;
    }
    before
        .chars()
        .next_back()
        .is_some_and(|c| c.is_alphabetic() || c == ',')
}

/// The check of rule C014.
pub fn stray_dots(info: &RuleInfo, cx: &Context<'_>, out: &mut Vec<Edit>) {
    let text = cx.text;
    let known = cx.known_words();
    let bytes = text.as_bytes();
    let mut sites = Vec::new();
    let mut done = 0usize;
    for i in memchr::memchr_iter(b'.', bytes) {
        if i < done {
            continue;
        }
        let start = text[..i].rfind(char::is_whitespace).map_or(0, |k| {
            k + text[k..].chars().next().map_or(1, char::len_utf8)
        });
        let end = text[i..]
            .find(char::is_whitespace)
            .map_or(text.len(), |k| i + k);
        done = end;
        if let Some(s) = site(known, text, start, end) {
            sites.push(s);
        }
    }
    if sites.len() < MIN_SITES {
        return;
    }
    let n = sites.len();
    for s in sites {
        let place = match s.place {
            Place::Before => "before",
            Place::Inside => "inside",
        };
        out.push(Edit::new(
            s.dot,
            String::new(),
            info.code,
            0.9,
            Safety::Safe,
            format!(
                "'{}' read as '{}': a speck read as a full stop {place} a common word; this document's OCR shows {n} such specks",
                s.written, s.word
            ),
        ));
    }
}

#[cfg(test)]
mod tests {
    fn fixes(text: &str) -> Vec<String> {
        super::super::edits_of("C014", text)
            .into_iter()
            .filter(|e| e.2 == crate::Safety::Safe)
            .map(|e| format!("{}→{}", e.0, e.1))
            .collect()
    }

    #[test]
    fn specks_inside_and_before_words_go() {
        assert_eq!(
            fixes("I was willing to exhi.bit myself that yea.r, and it .must have been so."),
            vec![".→", ".→", ".→"]
        );
    }

    #[test]
    fn full_stops_abbreviations_and_addresses_stay() {
        let text = "It was late.Then we left, e.g. at 5 a.m. with Mr. Smith. \
                    See www.example.com or mail a.b@c.org, version 1.5 of the file.txt. \
                    The chimney.must be swept. Ends here. .and then.";
        assert!(fixes(text).is_empty(), "{:?}", fixes(text));
    }

    #[test]
    fn one_speck_is_no_habit() {
        assert!(fixes("I was willing to exhi.bit myself.").is_empty());
    }
}

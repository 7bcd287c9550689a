//! C014 mark-in-word: a mark inside a word that the OCR made of a speck or a thin letter.
//! A speck on the page read as a full stop inside a word ("exhi.bit" → "exhibit", "yea.r"
//! → "year") or glued to the front of one in the middle of a sentence ("it .must have
//! been" → "it must have been") goes; an "l" or "i" read as "!" between letters
//! ("be!ieve", "wa!ked", "h!s") is put back; so is a letter whose stem and bowl the OCR
//! read as a stroke and a closing bracket ("l)oy" → "boy", "sl)ould" → "should", "j)lace"
//! → "place", "ap])eared" → "appeared").
//!
//! Evidence: the word with the mark mended is a common word of three letters or more, and
//! the written form is no word the lexicon knows ("e.g", "a.m"). Inside a word, the two
//! pieces must not both be words (a full stop with its space lost, "chimney.must", stays:
//! the dot may end a sentence) nor single letters ("a.t"); for "!", exactly one of "l" and
//! "i" must make a word. Before a word, the dot must follow a word or a comma on the same
//! line (not the end of a sentence) and be followed by a lower-case word. URLs, e-mail
//! addresses and numbers are never touched. The document must show each kind of mark twice
//! or more, except the bracket: its reading must be a common word twenty times as frequent
//! as the stroke's other readings, in a chunk with no opening bracket.

use crate::edit::{Edit, Safety};
use crate::lexicon::known::KnownWords;
use crate::rules::{Context, RuleInfo};

/// Sites a document needs before its dots count as specks.
const MIN_SITES: usize = 2;

/// Sites a document needs before its brackets count as parts of letters: a closing
/// bracket between letters is no English punctuation, and the reading must be a common
/// word far ahead of the others, so one is enough (measured on the real corpora: +37
/// words fixed, 0 broken; asking for two, +10).
const MIN_BOWL_SITES: usize = 1;

/// Letters the word without the dot needs.
const MIN_WORD_LEN: usize = 3;

/// What a mark is, and where it sits in its whitespace-separated chunk.
#[derive(Debug, PartialEq, Eq, Clone, Copy)]
enum Kind {
    /// A full stop before the word, in the middle of a sentence: a speck.
    DotBefore,
    /// A full stop between two pieces of the word: a speck.
    DotInside,
    /// A "!" between two pieces of the word: a thin letter.
    Bang,
    /// A stroke and a closing bracket inside the word: one letter with a bowl.
    Bowl,
}

/// What a stroke and a closing bracket inside a word may stand for: the letter whose stem
/// and bowl the OCR read apart ("l)oy" for "boy", "sl)ould" for "should", "l)lace" and
/// "j)lace" for "place", "sui)pose", "ap])eared").
const BOWLS: &[(&str, &[&str])] = &[
    ("l)", &["b", "h", "p"]),
    ("i)", &["p"]),
    ("j)", &["p"]),
    ("])", &["p"]),
];

/// The lexicon count a word read through a bowl needs (about one word in 400,000): the
/// lexicon lists rare words that a bracket's other readings would make.
const MIN_BOWL_FREQUENCY: u64 = 1_000_000;

/// How many times more frequent the best reading of a bowl must be than any other ("l)e"
/// may be "be" or "he": it stays).
const MIN_BOWL_LEAD: u64 = 20;

/// One mark: its byte range, what replaces it, and the word it spoils.
struct Site<'t> {
    mark: std::ops::Range<usize>,
    replacement: &'static str,
    word: String,
    written: &'t str,
    kind: Kind,
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
    let core = chunk.trim_end_matches(super::CLOSING_PUNCTUATION);
    if core.is_empty() || super::address_like(core) || known.find(core).is_some() {
        return None;
    }
    if let Some(word) = core.strip_prefix('.') {
        let plain = word.len() >= MIN_WORD_LEN && word.bytes().all(|b| b.is_ascii_lowercase());
        if !plain || !common(known, word) || !mid_sentence_before(text, start) {
            return None;
        }
        return Some(Site {
            mark: start..start + 1,
            replacement: "",
            word: word.to_string(),
            written: core,
            kind: Kind::DotBefore,
        });
    }
    let i = core.find(['.', '!'])?;
    let (a, b) = (&core[..i], &core[i + 1..]);
    let letters = |s: &str, first_may_be_capital: bool| {
        !s.is_empty() && super::plain_letters(s, first_may_be_capital)
    };
    if !letters(a, true) || !letters(b, false) {
        return None;
    }
    let mark = start + i..start + i + 1;
    if core.as_bytes()[i] == b'!' {
        let mut words = ["l", "i"]
            .into_iter()
            .map(|letter| (letter, format!("{a}{letter}{b}")))
            .filter(|(_, w)| common(known, w));
        let (letter, word) = words.next()?;
        if words.next().is_some() {
            return None;
        }
        return Some(Site {
            mark,
            replacement: letter,
            word,
            written: core,
            kind: Kind::Bang,
        });
    }
    let joined = format!("{a}{b}");
    let letters_alone = a.len() == 1 && b.len() == 1;
    if letters_alone || !common(known, &joined) || (any_word(known, a) && any_word(known, b)) {
        return None;
    }
    Some(Site {
        mark,
        replacement: "",
        word: joined,
        written: core,
        kind: Kind::DotInside,
    })
}

/// The stroke and bracket read as one letter in the chunk `text[start..end]`, if any: the
/// chunk's one closing bracket, with no opening one, sits between lower-case letters after
/// a stroke listed in [`BOWLS`], and exactly one of the stroke's letters makes a common
/// word there, [`MIN_BOWL_LEAD`] times as frequent as any other.
fn bowl_site<'t>(known: &KnownWords, text: &'t str, start: usize, end: usize) -> Option<Site<'t>> {
    let chunk = &text[start..end];
    let (lead, core) = super::word_core(chunk, &super::OPENING_QUOTES);
    if core.contains('(') || core.matches(')').count() != 1 || super::address_like(core) {
        return None;
    }
    let close = core.find(')')?;
    let stroke = core[..close].chars().next_back()?;
    let at = close - stroke.len_utf8();
    let (a, pair, b) = (&core[..at], &core[at..=close], &core[close + 1..]);
    let lower = |s: &str| s.bytes().all(|c| c.is_ascii_lowercase());
    if !lower(a) || b.is_empty() || !lower(b) {
        return None;
    }
    let (_, letters) = BOWLS.iter().find(|(p, _)| *p == pair)?;
    let readings: Vec<(&'static str, String, u64)> = letters
        .iter()
        .filter_map(|&letter| {
            let word = format!("{a}{letter}{b}");
            let f = known.find(&word)?;
            let plain = !f.accents && !f.possessive && !f.entry.proper && f.entry.is_common();
            (plain && f.entry.frequency >= MIN_BOWL_FREQUENCY).then_some((
                letter,
                word,
                f.entry.frequency,
            ))
        })
        .collect();
    let (letter, word, _) = super::clear_winner(readings, MIN_BOWL_LEAD)?;
    let from = start + lead + at;
    Some(Site {
        mark: from..from + pair.len(),
        replacement: letter,
        word,
        written: core,
        kind: Kind::Bowl,
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
pub fn marks_in_words(info: &RuleInfo, cx: &Context<'_>, out: &mut Vec<Edit>) {
    let text = cx.text;
    let known = cx.known_words();
    let marks = memchr::memchr3_iter(b'.', b'!', b')', text.as_bytes());
    let sites: Vec<Site<'_>> = super::chunks_with_marks(text, marks)
        .filter_map(|(_, chunk)| {
            bowl_site(known, text, chunk.start, chunk.end)
                .or_else(|| site(known, text, chunk.start, chunk.end))
        })
        .collect();
    let count = |kinds: &[Kind]| sites.iter().filter(|s| kinds.contains(&s.kind)).count();
    let specks = count(&[Kind::DotBefore, Kind::DotInside]);
    let bangs = count(&[Kind::Bang]);
    let bowls = count(&[Kind::Bowl]);
    for s in sites {
        let (n, least, what) = match s.kind {
            Kind::DotBefore => (
                specks,
                MIN_SITES,
                "a speck read as a full stop before a common word",
            ),
            Kind::DotInside => (
                specks,
                MIN_SITES,
                "a speck read as a full stop inside a common word",
            ),
            Kind::Bang => (
                bangs,
                MIN_SITES,
                "a thin letter read as '!' inside a common word",
            ),
            Kind::Bowl => (
                bowls,
                MIN_BOWL_SITES,
                "a letter read as a stroke and a bracket inside a common word",
            ),
        };
        if n < least {
            continue;
        }
        out.push(Edit::new(
            s.mark,
            s.replacement.to_string(),
            info.code,
            0.9,
            Safety::Safe,
            format!(
                "'{}' read as '{}': {what}; this document's OCR shows it {n} times",
                s.written, s.word
            ),
        ));
    }
}

#[cfg(test)]
mod tests {
    fn fixes(text: &str) -> Vec<String> {
        super::super::safe_changes("C014", text)
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
    fn a_thin_letter_read_as_a_bang_is_put_back() {
        assert_eq!(
            fixes("I be!ieve he wa!ked home and took h!s hat. Stop! Go!"),
            vec!["!→l", "!→l", "!→i"]
        );
        // One mark of a kind is no habit, whatever the other kind shows.
        assert_eq!(
            fixes("I be!ieve it was exhi.bit and yea.r"),
            vec![".→", ".→"]
        );
    }

    #[test]
    fn a_letter_read_as_a_stroke_and_a_bracket_is_put_back() {
        assert_eq!(
            fixes("The l)oy came to the j)lace, sui)pose it sl)ould ap])ear."),
            vec!["l)→b", "j)→p", "i)→p", "l)→h", "])→p"]
        );
        // Brackets of the writer's, and a reading two words share ("l)e": "be", "he").
        let text = "The (l)ower case, f(i)x, a) list, i) item, word(s) and l)e stay.";
        assert!(fixes(text).is_empty(), "{:?}", fixes(text));
    }

    #[test]
    fn one_speck_is_no_habit() {
        assert!(fixes("I was willing to exhi.bit myself.").is_empty());
    }
}

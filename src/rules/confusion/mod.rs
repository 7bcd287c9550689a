//! OCR confusions: misread words fixed with evidence from the embedded lexicon, the OCR
//! confusion model and the document's own vocabulary.

pub mod accents;
pub mod apostrophe;
pub mod archaic;
pub mod capital_i;
pub mod digit_letter;
pub mod digits;
pub mod exclamation;
pub mod gap;
pub mod guillemet;
mod halves;
pub mod inner_u;
pub mod longs;
mod marked;
pub mod model;
pub mod phrase;
pub mod profile;
pub mod pronoun;
pub mod repeated;
pub mod roman;
pub mod runon;
pub mod speck;
pub mod split;
pub mod tokens;
pub mod unread;
pub mod vocab;
pub mod word;
pub mod zero;

use super::{Context, Family, FnRule, Rule, RuleInfo};
use crate::edit::Edit;
use halves::half_of_one_word;

/// The rules of this family.
pub fn rules() -> Vec<Box<dyn Rule>> {
    vec![
    Box::new(FnRule {
        info: RuleInfo {
            code: "C010",
            name: "stray-accent",
            family: Family::Confusion,
            summary: "Take off accents the OCR put on English words ('Hère' for 'Here'), in a document whose OCR does so several times; words the lexicon spells with accents and quotations stay",
            example: ("Hère the Tempérance Society met at the Collège", "Here the Temperance Society met at the College"),
            default_on: true,
        },
        check: accents::stray_accents,
    }),
    Box::new(FnRule {
        info: RuleInfo {
            code: "C014",
            name: "mark-in-word",
            family: Family::Confusion,
            summary: "Remove a speck read as a full stop inside a word ('exhi.bit') or before one in mid-sentence ('it .must'), and read a '!' between letters as the 'l' or 'i' it stands for ('be!ieve'), when that makes a common word and the document shows the mark twice or more; read a stroke and a closing bracket inside a word as the letter they make ('l)oy', 'j)lace'); full stops, abbreviations, addresses and numbers stay",
            example: ("I was willing to exhi.bit myself that yea.r; I be!ieve it .must be so, he wa!ked.", "I was willing to exhibit myself that year; I believe it must be so, he walked."),
            default_on: true,
        },
        check: speck::marks_in_words,
    }),
    Box::new(FnRule {
        info: RuleInfo {
            code: "C016",
            name: "unread-letter",
            family: Family::Confusion,
            summary: "Read a '~' or '^' inside a word as the one letter that makes a common word ('my~elf', 'si^ht'), or drop it from a word's edge ('~hope'), when no other reading is nearly as common and the document shows such marks three times or more; numbers, paths and powers stay",
            example: ("I said to my~elf that the sa~ety and the si^ht of it gave us ~hope.", "I said to myself that the safety and the sight of it gave us hope."),
            default_on: true,
        },
        check: unread::unread_letters,
    }),
    Box::new(FnRule {
        info: RuleInfo {
            code: "C018",
            name: "guillemet-for-letter",
            family: Family::Confusion,
            summary: "Read a '«' or '»' glued to a word as the letter the OCR could not make out ('chest»', '»pent', 'th«': most often an s, then w, e or a) when one reading is a common word far ahead of the others, in a document whose guillemets are no quotation marks (one inside a word, or those at words' edges following both the French and the German convention); quotations, numbers and addresses stay",
            example: ("He sign»d the paper. The chest» were full and the rate« were high.", "He signed the paper. The chests were full and the rates were high."),
            default_on: true,
        },
        check: guillemet::guillemets_for_letters,
    }),
    Box::new(FnRule {
        info: RuleInfo {
            code: "C017",
            name: "digit-for-letter",
            family: Family::Confusion,
            summary: "Read a digit inside a word as the letter it resembles ('w1th', 'pe0ple', 'wa3', '8econd': 0 and 6 as o, 1 as l or i, 3, 5 and 8 as s) when exactly one reading is a common word; amounts, ordinals, measures and codes ('10s', '3rd', '50ft', 'A1') stay",
            example: ("He was pleased w1th the pe0ple who wa3 there.", "He was pleased with the people who was there."),
            default_on: true,
        },
        check: digit_letter::digits_for_letters,
    }),
    Box::new(FnRule {
        info: RuleInfo {
            code: "C001",
            name: "misread-word",
            family: Family::Confusion,
            summary: "Fix a word the OCR misread, when the lexicon, the document and the OCR confusion model agree",
            example: ("tbe cat sat on whioh mat", "the cat sat on which mat"),
            default_on: true,
        },
        check: misread_words,
    }),
    Box::new(FnRule {
        info: RuleInfo {
            code: "C002",
            name: "pronoun-i",
            family: Family::Confusion,
            summary: "Read a lone '1' or 'l' as the pronoun 'I' when the next word usually follows 'I' (in English or in this document), or between two words of a first-person document",
            example: ("and 1 have seen it", "and I have seen it"),
            default_on: true,
        },
        check: pronoun_i,
    }),
    Box::new(FnRule {
        info: RuleInfo {
            code: "C003",
            name: "il-not-roman",
            family: Family::Confusion,
            summary: "Read 'II' as the name 'Il' and 'III' as 'Ill' when a known name, the document or the next word says so; Roman numerals stay",
            example: ("Kim II Sung and World War II", "Kim Il Sung and World War II"),
            default_on: true,
        },
        check: il_not_roman,
    }),
    Box::new(FnRule {
        info: RuleInfo {
            code: "C004",
            name: "split-word",
            family: Family::Confusion,
            summary: "Join a word split by a stray space when a piece is no word and the joined form is one",
            example: ("it con tinued to rain", "it continued to rain"),
            default_on: true,
        },
        check: split::split_words,
    }),
    Box::new(FnRule {
        info: RuleInfo {
            code: "C005",
            name: "run-together",
            family: Family::Confusion,
            summary: "Split two words run together when the token is no word and the two words are a common pair",
            example: ("most ofthe time", "most of the time"),
            default_on: true,
        },
        check: runon::run_together,
    }),
    Box::new(FnRule {
        info: RuleInfo {
            code: "C006",
            name: "run-on-phrase",
            family: Family::Confusion,
            summary: "Segment several words run together when the token is no word, every piece is a common word, one is a function word, and no other segmentation is close",
            example: ("they werenoneofthe best", "they were none of the best"),
            default_on: true,
        },
        check: phrase::run_on_phrases,
    }),
    Box::new(FnRule {
        info: RuleInfo {
            code: "C007",
            name: "lost-letter",
            family: Family::Confusion,
            summary: "Put back a letter the OCR read as a space when one letter clearly makes a common word of two pieces, one of them no word",
            example: ("and t e man went throu h", "and the man went through"),
            default_on: true,
        },
        check: gap::lost_letters,
    }),
    Box::new(FnRule {
        info: RuleInfo {
            code: "C008",
            name: "digit-misread",
            family: Family::Confusion,
            summary: "Read letters shaped like digits (l, I, O, S, B, Z) as digits inside a number of three real digits or more and at least as many as such letters, or in a two-character number after a month's name or before a word that counts ('January l8', 'l8 months'), 'Is' as '1s' where a sum of money stands ('£1. Is 10s 6d', 'Is 6d'), and pence after shillings ('5s. fid.' → '5s. 6d.')",
            example: ("in l953 and 19S3", "in 1953 and 1953"),
            default_on: true,
        },
        check: digits::digit_misreads,
    }),
    Box::new(FnRule {
        info: RuleInfo {
            code: "C009",
            name: "capital-i",
            family: Family::Confusion,
            summary: "Read 'In', 'Is', 'It', 'Its', 'Into', 'If', and common words that begin with I or J, between lower-case words as lower case, in a document that capitalises mostly these inside sentences (the OCR's capital I for i)",
            example: ("the men In the street said It was so and It is, In fact", "the men in the street said it was so and it is, in fact"),
            default_on: true,
        },
        check: capital_i::capital_i,
    }),
    Box::new(FnRule {
        info: RuleInfo {
            code: "C011",
            name: "exclamation-misread",
            family: Family::Confusion,
            summary: "Read a lone '1' or 'l' after the last word of a sentence (a capitalised word, a closing quote or the line end follows) as the '!' or '?' the OCR misread; numbers after 'page', 'Chapter', 'to'… stay",
            example: ("Away with you 1 The door is open. Go 1 Now.", "Away with you! The door is open. Go! Now."),
            default_on: true,
        },
        check: exclamation::misread_marks,
    }),
    Box::new(FnRule {
        info: RuleInfo {
            code: "C012",
            name: "u-for-ll",
            family: Family::Confusion,
            summary: "Read a capital U inside a lower-case word as the 'll' the OCR misread when that makes a common word, and 'AU' before a lower-case word as 'All' in such a document (anywhere once it shows the misreading three times)",
            example: ("It was foUy to wait tiU dawn. AU this was done.", "It was folly to wait till dawn. All this was done."),
            default_on: true,
        },
        check: inner_u::inner_u,
    }),
    Box::new(FnRule {
        info: RuleInfo {
            code: "C013",
            name: "apostrophe-for-space",
            family: Family::Confusion,
            summary: "Read an apostrophe or tilde between two common words that often stand together as the space the OCR misread ('at'his' → 'at his'), in a document that shows it twice or more; contractions and words such as o'clock stay",
            example: ("He came at'his own pace because'of the rain.", "He came at his own pace because of the rain."),
            default_on: true,
        },
        check: apostrophe::misread_spaces,
    }),
    Box::new(FnRule {
        info: RuleInfo {
            code: "C015",
            name: "zero-for-o",
            family: Family::Confusion,
            summary: "Read a lone '0' after a comma or stop and before a common word as the interjection 'O' the OCR misread, with no number near, in a document that shows it twice or more and more often than any other lone '0'",
            example: ("They sailed the angry sea. 0 brother, come! I call to thee, 0 sire, now.", "They sailed the angry sea. O brother, come! I call to thee, O sire, now."),
            default_on: true,
        },
        check: zero::zero_for_o,
    })]
}

fn il_not_roman(info: &RuleInfo, cx: &Context<'_>, out: &mut Vec<Edit>) {
    if !cx.text.contains("II") {
        return;
    }
    let lex = crate::lexicon::Lexicon::embedded();
    let il = roman::IlSpellings::of_windows(cx.text, cx.words().windows_where(|w| w == "Il"));
    // Two tokens on each side of the one examined.
    for (around, at) in cx
        .words()
        .neighbourhoods_where(2, |w| matches!(w, "II" | "III"))
    {
        if let Some((fixed, why)) = roman::fix(cx.text, &around, at, &il, lex) {
            out.push(Edit::new(
                around[at].range.clone(),
                fixed,
                info.code,
                0.95,
                crate::Safety::Safe,
                why,
            ));
        }
    }
}

fn pronoun_i(info: &RuleInfo, cx: &Context<'_>, out: &mut Vec<Edit>) {
    let lex = crate::lexicon::Lexicon::embedded();
    let followers = pronoun::Followers::of_windows(cx.text, cx.words().windows_where(|w| w == "I"));
    // Only a token that starts with '1' or 'l' can be the pronoun ("1", "l'm"): the rest
    // are passed over before any other check.
    let pronoun_like = |w: &str| matches!(w.as_bytes().first(), Some(b'1' | b'l'));
    for (prev, t, next) in cx.words().windows_where(pronoun_like) {
        if let Some((fixed, why)) =
            pronoun::as_pronoun(cx.text, prev.as_ref(), &t, next.as_ref(), lex, &followers)
        {
            out.push(Edit::new(
                t.range.clone(),
                fixed,
                info.code,
                0.95,
                crate::Safety::Safe,
                why,
            ));
        }
    }
}

/// True when the token sits at a line-end hyphen ("organi-\n", "-\nsation"): its other
/// half is on the next or previous line, and the hyphenation rules own it.
fn at_line_end_hyphen(text: &str, range: &std::ops::Range<usize>) -> bool {
    let after = &text[range.end..];
    let before = &text[..range.start];
    let hyphen_break = |s: &str| {
        let s = s.trim_start_matches([' ', '\t']);
        s.starts_with('\n') || s.starts_with('\r') || s.starts_with('\x0c')
    };
    (after.starts_with(['-', '\u{ad}']) && hyphen_break(&after[1..]))
        || before
            .trim_end_matches([' ', '\t', '\n', '\r', '\x0c'])
            .ends_with('-')
            && before.ends_with(['\n', '\r', '\x0c', ' ', '\t'])
            && before
                .trim_end_matches([' ', '\t'])
                .ends_with(['\n', '\r', '\x0c'])
}

/// A short part of a hyphenated compound ("pre" in "pre-paid", "de" in "fiddle-de-dees"):
/// prefixes and affixes that are not words on their own, not misreadings.
fn is_compound_affix(text: &str, t: &tokens::Token<'_>) -> bool {
    let letter_beyond = |s: &str| s.chars().next().is_some_and(char::is_alphabetic);
    t.text.chars().count() <= 3
        && ((text[t.range.end..].starts_with('-') && letter_beyond(&text[t.range.end + 1..]))
            || (text[..t.range.start].ends_with('-')
                && text[..t.range.start - 1]
                    .chars()
                    .next_back()
                    .is_some_and(char::is_alphabetic)))
}

/// Each whitespace-separated chunk of `text` that holds a mark at one of `marks` (byte
/// positions in ascending order, none of them white space), once, with the position of
/// its first mark: C014 and C016 read each spoilt word once however many marks it holds.
pub(crate) fn chunks_with_marks<'t>(
    text: &'t str,
    marks: impl Iterator<Item = usize> + 't,
) -> impl Iterator<Item = (usize, std::ops::Range<usize>)> + 't {
    let mut done = 0usize;
    marks.filter_map(move |i| {
        if i < done {
            return None;
        }
        let chunk = chunk_around(text, i);
        done = chunk.end;
        Some((i, chunk))
    })
}

/// The whitespace-separated chunk of `text` that holds byte `i` (which must not be white
/// space): from after the white space before it to the next. C013, C014 and C016 look only at
/// the chunks around the marks they find.
pub(crate) fn chunk_around(text: &str, i: usize) -> std::ops::Range<usize> {
    let start = text[..i].rfind(char::is_whitespace).map_or(0, |k| {
        k + text[k..].chars().next().map_or(1, char::len_utf8)
    });
    let end = text[i..]
        .find(char::is_whitespace)
        .map_or(text.len(), |k| i + k);
    start..end
}

/// Endings an apostrophe joins to a word on purpose ("'s", "n't", "'ll", "'em"): C013
/// splits no token at them, and C001 reads no such apostrophe as the OCR's.
pub(crate) const CONTRACTION_ENDINGS: &[&str] = &["s", "t", "ll", "ve", "re", "d", "m", "em", "n"];

/// The most frequent of `readings` (each with its lexicon count, last), when it is at
/// least `lead` times as frequent as the next: C014's brackets and C016's marks read a
/// spoilt word only where one reading clearly wins ("ca~e" may be "case" or "came").
pub(crate) fn clear_winner<T>(
    mut readings: Vec<(T, String, u64)>,
    lead: u64,
) -> Option<(T, String, u64)> {
    readings.sort_by_key(|r| std::cmp::Reverse(r.2));
    let mut readings = readings.into_iter();
    let best = readings.next()?;
    if readings
        .next()
        .is_some_and(|second| second.2.saturating_mul(lead) > best.2)
    {
        return None;
    }
    Some(best)
}

/// Whether the chunk starting at `start` begins a sentence: the text before it, white
/// space aside, is empty or ends with a full stop, "!" or "?". C016 and C017 put a capital
/// for a letter they read at a word's start only there.
pub(crate) fn sentence_start(text: &str, start: usize) -> bool {
    text[..start]
        .trim_end()
        .chars()
        .next_back()
        .is_none_or(|c| matches!(c, '.' | '!' | '?'))
}

/// Punctuation that may close a word ("word,", "word.\u{201d}"): C014, C016 and C017 set
/// it aside to read the word proper.
pub(crate) const CLOSING_PUNCTUATION: [char; 11] =
    [',', ';', ':', '.', '!', '?', '"', '\'', ')', '’', '”'];

/// Quotes that may open a word ("\u{201c}word").
pub(crate) const OPENING_QUOTES: [char; 4] = ['"', '\'', '‘', '“'];

/// Quotes and a bracket that may open a word ("(word").
pub(crate) const OPENING_PUNCTUATION: [char; 5] = ['"', '\'', '(', '‘', '“'];

/// The word inside a whitespace-separated `chunk`: where it starts (after any of `opening`)
/// and the word itself, [`CLOSING_PUNCTUATION`] after it set aside. C014, C016 and C017
/// read the word proper with it.
pub(crate) fn word_core<'t>(chunk: &'t str, opening: &[char]) -> (usize, &'t str) {
    let lead = chunk.len() - chunk.trim_start_matches(opening).len();
    (lead, chunk[lead..].trim_end_matches(CLOSING_PUNCTUATION))
}

/// Whether a word's `core` belongs to an address, a path or code ("a.b@c.org",
/// "~/notes", "C:\\dir"): its marks are no misreadings.
pub(crate) fn address_like(core: &str) -> bool {
    core.contains(['/', '@', ':', '\\'])
}

/// Whether `piece` (part of a word cut by a mark) is lower-case ASCII letters only, its
/// first letter allowed a capital when `first_may_be_capital`; the empty piece is. C014
/// and C016 read the pieces on either side of their marks with it.
pub(crate) fn plain_letters(piece: &str, first_may_be_capital: bool) -> bool {
    piece.bytes().enumerate().all(|(k, c)| {
        c.is_ascii_lowercase() || (first_may_be_capital && k == 0 && c.is_ascii_uppercase())
    })
}

/// A token glued by a mark to letters on its other side ("se" in "who.se", "ieve" in
/// "be!ieve", "he" in "hirn,he"): a fragment of a garbled word, or a word whose space the
/// OCR lost, which C001 cannot judge alone (it had made "be!ieve" "be!love" and a URL's
/// ".se" ".so").
fn glued_to_letters(text: &str, t: &tokens::Token<'_>) -> bool {
    let bytes = text.as_bytes();
    let mark = |b: Option<&u8>| matches!(b, Some(b'.' | b'!' | b',' | b';' | b':' | b'?'));
    let letter = |b: Option<&u8>| b.is_some_and(|b| b.is_ascii_alphanumeric() || *b >= 0x80);
    let before = t.range.start.checked_sub(1);
    let glued_before = before.is_some_and(|i| {
        mark(bytes.get(i)) && i.checked_sub(1).is_some_and(|k| letter(bytes.get(k)))
    });
    let glued_after = mark(bytes.get(t.range.end)) && letter(bytes.get(t.range.end + 1));
    glued_before || glued_after
}

/// A lone letter beside an apostrophe: the end or start of a contraction ("'t", "o'"),
/// not a word.
fn letter_of_contraction(text: &str, t: &tokens::Token<'_>) -> bool {
    let after = |s: &str| s.starts_with(['\'', '’']);
    let before = |s: &str| s.ends_with(['\'', '’']);
    t.text.len() == 1 && (before(&text[..t.range.start]) || after(&text[t.range.end..]))
}

/// Whether the text between two tokens keeps them in one phrase (for bigram context).
fn same_phrase(between: &str) -> bool {
    between.len() <= 4
        && !between.contains(['.', '!', '?', ';', ':', '(', ')', '"', '“', '”'])
        && between.matches('\n').count() <= 1
}

/// A token glued to brackets, slashes, operators or digits is code, a formula or a
/// reference ("S(np(dog))", "x_1", "a/b"), not prose.
fn is_code_like(text: &str, t: &tokens::Token<'_>) -> bool {
    // Every such character is ASCII: a byte of 0x80 or more (part of another character)
    // is none of them, so the bytes beside the token tell without decoding.
    let code = |b: &u8| {
        matches!(
            b,
            b'(' | b')'
                | b'['
                | b']'
                | b'{'
                | b'}'
                | b'<'
                | b'>'
                | b'_'
                | b'/'
                | b'\\'
                | b'='
                | b'@'
                | b'#'
                | b'$'
                | b'%'
                | b'^'
                | b'&'
                | b'*'
                | b'+'
                | b'|'
                | b'~'
        ) || b.is_ascii_digit()
    };
    let bytes = text.as_bytes();
    t.range
        .start
        .checked_sub(1)
        .and_then(|i| bytes.get(i))
        .is_some_and(code)
        || bytes.get(t.range.end).is_some_and(code)
}

/// Particles of European names ("von Tirpitz", "van Dyck", "de Gaulle", "da Vinci", "zu
/// Guttenberg"). The lexicon's frequency list lacks several ("von", "zu", "da"), so C001
/// took "von" for a rare word and made it "van" or "won".
const NAME_PARTICLES: &[&str] = &[
    "von", "van", "de", "du", "da", "di", "del", "della", "der", "den", "ten", "ter", "zu",
];

/// Whether `t` is a particle of a name: one of [`NAME_PARTICLES`] (or, opening a
/// sentence, capitalised) before a capitalised word. Asked of every token C001 judges, so
/// it allocates nothing.
fn is_name_particle(t: &tokens::Token<'_>, next: Option<&tokens::Token<'_>>) -> bool {
    let w = t.text.as_bytes();
    let particle = |p: &&str| {
        let p = p.as_bytes();
        w.len() == p.len() && w[0].to_ascii_lowercase() == p[0] && w[1..] == p[1..]
    };
    NAME_PARTICLES.iter().any(particle)
        && next.is_some_and(|n| n.text.starts_with(char::is_uppercase))
}

/// A short token followed by a full stop ("cf.", "Jo.", "vol.") is probably an
/// abbreviation the lexicon does not list.
fn is_abbreviation(text: &str, t: &tokens::Token<'_>) -> bool {
    t.text.chars().count() <= 3 && text[t.range.end..].starts_with('.')
}

/// The neighbours of a token that give it context: the previous and next word in the
/// same phrase, as corrected so far (`fixed` maps a token's start to its correction).
fn neighbours<'t>(
    text: &'t str,
    prev: Option<&tokens::Token<'t>>,
    t: &tokens::Token<'t>,
    next: Option<&tokens::Token<'t>>,
    fixed: &std::collections::HashMap<usize, word::Correction>,
) -> (Option<&'t str>, Option<&'t str>, bool) {
    let mut changed = false;
    let mut word = |tok: &tokens::Token<'t>| match fixed.get(&tok.range.start) {
        Some(_) => {
            changed = true;
            None
        }
        None => Some(tok.text),
    };
    let p = prev.filter(|p| same_phrase(&text[p.range.end..t.range.start]));
    let n = next.filter(|n| same_phrase(&text[t.range.end..n.range.start]));
    let pw = p.and_then(&mut word);
    let nw = n.and_then(&mut word);
    (pw, nw, changed)
}

/// Tokens whose spellings C001 works out ahead at a time (see `Corrector::prepare`):
/// enough to keep every core busy, few enough to bound the memory of the answers.
const PREPARE_CHUNK: usize = 16_384;

/// Tokens C001 judges on one thread at a time, at least: enough to outweigh the cost of
/// handing them out.
const JUDGE_CHUNK: usize = 512;

fn misread_words(info: &RuleInfo, cx: &Context<'_>, out: &mut Vec<Edit>) {
    let text = cx.text;
    let mut corrector = word::Corrector::with_known(cx.word_counts(), cx.known_words());
    let known = cx.known_words();
    let skip = |prev: Option<&tokens::Token<'_>>,
                t: &tokens::Token<'_>,
                next: Option<&tokens::Token<'_>>| {
        at_line_end_hyphen(text, &t.range)
            || is_abbreviation(text, t)
            || is_code_like(text, t)
            || is_name_particle(t, next)
            || glued_to_letters(text, t)
            || letter_of_contraction(text, t)
            || is_compound_affix(text, t)
            // Last: they look the joined words up.
            || half_of_one_word(text, prev, t, next, known)
    };
    // Pass 1: each token in the context of its neighbours as written.
    let none = std::collections::HashMap::new();
    let mut fixed: std::collections::HashMap<usize, word::Correction> = Default::default();
    // The neighbours of the corrected tokens, by token number, in order: the only tokens
    // pass 2 can weigh differently.
    let mut beside_fixed: Vec<usize> = Vec::new();
    // Per spelling id (see `Context::word_ids`): whether it was found settled, and whether
    // it was handed to `prepare` already. A settled spelling stays settled (its answers
    // depend on the spelling alone), so an array replaces the hash lookup per occurrence.
    let ids = cx.word_ids();
    let by_id = if ids.is_empty() {
        0
    } else {
        cx.word_id_count()
    };
    let mut settled = vec![false; by_id];
    let mut prepared = vec![false; by_id];
    // The costly searches of each stretch of tokens are worked out ahead, in parallel;
    // a spelling once worked out is remembered, so each is handed over once. Then the
    // stretch's occurrences are judged on every core: a verdict depends on the spelling's
    // answers and the neighbours alone, so it is the same in any order.
    let mut ahead = cx.words().enumerate();
    let mut windows = tokens::windows_of(cx.words()).enumerate();
    loop {
        let stretch: Vec<_> = windows.by_ref().take(PREPARE_CHUNK).collect();
        if stretch.is_empty() {
            break;
        }
        let spellings = ahead.by_ref().take(PREPARE_CHUNK).filter_map(|(k, t)| {
            match ids.get(k).and_then(|&id| prepared.get_mut(id as usize)) {
                Some(true) => None,
                Some(seen) => {
                    *seen = true;
                    Some(t.text)
                }
                None => Some(t.text),
            }
        });
        corrector.prepare(spellings);
        let verdicts: Vec<(usize, word::Verdict)> = {
            use rayon::prelude::*;
            let (corrector, settled) = (&corrector, &settled);
            stretch
                .par_iter()
                .with_min_len(JUDGE_CHUNK)
                .filter_map(|(i, (prev, t, next))| {
                    // A settled spelling never changes: checked before the costlier checks.
                    let known_settled = ids
                        .get(*i)
                        .and_then(|&id| settled.get(id as usize))
                        .is_some_and(|&s| s);
                    if known_settled
                        || corrector.is_settled(t.text)
                        || skip(prev.as_ref(), t, next.as_ref())
                    {
                        return None;
                    }
                    let (p, n, _) = neighbours(text, prev.as_ref(), t, next.as_ref(), &none);
                    Some((*i, corrector.judge(t, p, n)))
                })
                .collect()
        };
        for (i, verdict) in verdicts {
            let Some((_, (_, t, _))) = stretch.get(i % PREPARE_CHUNK) else {
                continue;
            };
            match verdict {
                word::Verdict::Settled => {
                    corrector.settle(t.text);
                    if let Some(slot) = ids.get(i).and_then(|&id| settled.get_mut(id as usize)) {
                        *slot = true;
                    }
                }
                word::Verdict::Open(Some(c)) => {
                    fixed.insert(t.range.start, c);
                    beside_fixed.extend(i.checked_sub(1));
                    beside_fixed.push(i + 1);
                }
                word::Verdict::Open(None) => {}
            }
        }
    }
    let mut is_settled = |corrector: &word::Corrector<'_>, i: usize, t: &tokens::Token<'_>| {
        let slot = ids.get(i).and_then(|&id| settled.get_mut(id as usize));
        match slot {
            Some(true) => true,
            Some(slot) => {
                *slot = corrector.is_settled(t.text);
                *slot
            }
            None => corrector.is_settled(t.text),
        }
    };
    // Pass 2: a token next to a corrected word is weighed again beside the correction, so
    // that cleaning the output once more finds nothing new. Only the neighbours of
    // corrected tokens are looked at: for every other token nothing changed.
    let mut second: Vec<(std::ops::Range<usize>, Option<word::Correction>)> = Vec::new();
    if !fixed.is_empty() {
        beside_fixed.sort_unstable();
        beside_fixed.dedup();
        let mut wanted = beside_fixed.iter().copied().peekable();
        for (i, (prev, t, next)) in tokens::windows_of(cx.words()).enumerate() {
            while wanted.next_if(|&w| w < i).is_some() {}
            if wanted.next_if_eq(&i).is_none() {
                continue;
            }
            if is_settled(&corrector, i, &t) || skip(prev.as_ref(), &t, next.as_ref()) {
                continue;
            }
            let (_, _, changed) = neighbours(text, prev.as_ref(), &t, next.as_ref(), &fixed);
            if !changed {
                continue;
            }
            let fixed_word = |tok: Option<&tokens::Token<'_>>| -> Option<String> {
                let tok = tok?;
                Some(
                    fixed
                        .get(&tok.range.start)
                        .map_or(tok.text.to_string(), |c| c.word.clone()),
                )
            };
            let p = prev
                .as_ref()
                .filter(|p| same_phrase(&text[p.range.end..t.range.start]));
            let n = next
                .as_ref()
                .filter(|n| same_phrase(&text[t.range.end..n.range.start]));
            let (pw, nw) = (fixed_word(p), fixed_word(n));
            let c = corrector.correct(&t, pw.as_deref(), nw.as_deref());
            second.push((t.range.clone(), c));
        }
    }
    for (range, c) in second {
        match c {
            Some(c) => fixed.insert(range.start, c),
            None => fixed.remove(&range.start),
        };
    }
    for (start, c) in fixed {
        let end = start + c.original_len;
        out.push(Edit::new(
            start..end,
            c.word,
            info.code,
            c.confidence,
            c.safety,
            c.reason,
        ));
    }
}

/// Test helper: the edits of the family's rule `code` on `text`, as (original,
/// replacement, safety), in order.
#[cfg(test)]
pub(crate) fn edits_of(code: &str, text: &str) -> Vec<(String, String, crate::Safety)> {
    let rules = rules();
    let Some(rule) = rules.iter().find(|r| r.info().code == code) else {
        return Vec::new();
    };
    crate::rules::run_rule(rule.as_ref(), text)
        .into_iter()
        .map(|e| (text[e.range.clone()].to_string(), e.replacement, e.safety))
        .collect()
}

/// Test helper: the safe edits of rule `code` on `text` as "old→new", in order (for rules
/// that replace a mark, where the replacement alone says little).
#[cfg(test)]
pub(crate) fn safe_changes(code: &str, text: &str) -> Vec<String> {
    edits_of(code, text)
        .into_iter()
        .filter(|e| e.2 == crate::Safety::Safe)
        .map(|e| format!("{}→{}", e.0, e.1))
        .collect()
}

/// Test helper: the replacements of the safe edits of rule `code` on `text`, in order.
#[cfg(test)]
pub(crate) fn safe_replacements(code: &str, text: &str) -> Vec<String> {
    edits_of(code, text)
        .into_iter()
        .filter(|e| e.2 == crate::Safety::Safe)
        .map(|e| e.1)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::run_rule;

    /// Rule C001, found by its code.
    fn c001() -> Box<dyn Rule> {
        rules()
            .into_iter()
            .find(|r| r.info().code == "C001")
            .expect("C001 is a rule")
    }

    fn c001_fixes(text: &str) -> Vec<String> {
        run_rule(c001().as_ref(), text)
            .into_iter()
            .map(|e| format!("{}→{}", &text[e.range.clone()], e.replacement))
            .collect()
    }

    #[test]
    fn judging_on_every_core_changes_no_decision() {
        // More than one stretch of tokens, with misreadings, names and real words.
        let words = [
            "tbe",
            "committee",
            "met",
            "whioh",
            "was",
            "rnatter",
            "of",
            "the",
            "Lalkar",
            "cornmittee",
            "said",
            "modem",
            "times",
            "and",
            "tho",
            "report",
            "Aubert",
            "Auhert",
            "1953",
            "l953",
            "knowu",
            "known",
            "house",
            "bouse",
            "wbich",
            "which",
        ];
        let mut text = String::new();
        let mut k = 11usize;
        while text.len() < 6 * PREPARE_CHUNK * 5 {
            k = k.wrapping_mul(1_103_515_245).wrapping_add(12_345) % (1 << 31);
            text.push_str(words[k % words.len()]);
            text.push_str(if k % 9 == 0 { ".\n" } else { " " });
        }
        let c001 = c001();
        let run = |threads: usize| {
            let pool = rayon::ThreadPoolBuilder::new()
                .num_threads(threads)
                .build()
                .unwrap();
            pool.install(|| run_rule(c001.as_ref(), &text))
        };
        let one = run(1);
        assert!(one.len() > 100, "{}", one.len());
        for threads in [2, 4] {
            assert_eq!(run(threads), one, "{threads} threads");
        }
    }

    #[test]
    fn a_capital_that_was_part_of_a_misreading_goes_inside_a_sentence() {
        // The document writes the words capitalised elsewhere (a capital inside a sentence
        // is otherwise taken for a name, "the river Avon").
        let text = format!(
            "{}With bread they came. With wine they left. Were they kings? Were they not? \
             Which was it? Which one? The men walked Avith care and Avere soldiers. \
             Avhich was good.",
            "The people of the town met in the hall and spoke of the harvest. ".repeat(8)
        );
        let got = c001_fixes(&text);
        assert_eq!(got, ["Avith→with", "Avere→were", "Avhich→Which"]);
    }

    #[test]
    fn a_lone_letter_may_be_a_misread_short_word() {
        let got = c001_fixes("They were interested m the matter and lived m the town.");
        assert!(got.contains(&"m→in".to_string()), "{got:?}");
        // Never grown into a longer word, nor taken from a contraction.
        let got = c001_fixes("I said 't was y and o of the t, and 'twas so.");
        assert!(got.is_empty(), "{got:?}");
    }

    #[test]
    fn affixes_of_compounds_are_not_misreadings() {
        // "pre" alone would read as "pro"; inside a compound it is a prefix.
        assert!(c001_fixes("The forms were pre-paid and pre-defined by the office.").is_empty());
        // A misread compound part of full length is still fixed.
        assert_eq!(c001_fixes("a well-knowu case"), ["knowu→known"]);
    }

    #[test]
    fn code_like_tokens_are_told_by_the_characters_beside_them() {
        let old = |text: &str, t: &tokens::Token<'_>| {
            let code = |c: char| "()[]{}<>_/\\=@#$%^&*+|~".contains(c) || c.is_ascii_digit();
            text[..t.range.start].chars().next_back().is_some_and(code)
                || text[t.range.end..].chars().next().is_some_and(code)
        };
        let text = "S(np(dog)) x_1 a/b é€word€ plain, (paren) 3x x3 ~tilde| «q» café\\n";
        for t in tokens::iter(text) {
            assert_eq!(is_code_like(text, &t), old(text, &t), "{}", t.text);
        }
    }

    #[test]
    fn halves_of_a_word_split_by_a_line_break_are_left_alone() {
        // "gether" reads as "gather", "un" as "an", but each joins the word before or after.
        assert!(
            c001_fixes("they came to\ngether at last").is_empty(),
            "{:?}",
            c001_fixes("they came to\ngether at last")
        );
        assert!(c001_fixes("a most un\nusual day").is_empty());
        // Without the line break nothing joins, and a misread is fixed as usual.
        assert_eq!(c001_fixes("they came tbe next day"), ["tbe→the"]);
    }

    #[test]
    fn halves_of_a_word_hyphenated_in_a_joined_line_are_left_alone() {
        // "gether" alone reads as "gather", but "to-gether" is one word broken at a hyphen.
        assert!(c001_fixes("they came to-gether at last").is_empty());
    }
}

//! C009 capital-i: a lower-case "i" (or "j") the OCR read as a capital at the start of a
//! word inside a sentence ("the men In the street", "which Is right", "Rose Bay Is
//! built", "a claim for personal Injuries arising", "who was Joined as corespondent").
//!
//! A capital inside a sentence may be right (a title, a line of verse, a sentence whose
//! full stop the OCR lost, a noun an old text capitalises), so the rule asks the document
//! twice:
//! - "In", "Is", "It", "Its", "Into" and "If" are lowered where they stand between two
//!   lower-case words more often than the other capitalised function words ("The",
//!   "And", "Of", …) do. In verse, headlines and title case all of them are capitalised;
//!   where only the words that begin with an "I" are, the capital is the OCR's misreading.
//!   Where the document shows that habit, such a word is also lowered after a lower-case
//!   word and before a capitalised word or a number ("held In Government grants",
//!   "retired from that position In 1916"), when the lexicon's pairs know the lower-case
//!   word after that one ("position in"): such sites do not count towards the habit,
//!   since a title ("Life In London") writes them so too.
//! - Any other word that begins with "I" or "J" (a common word in lower case, no name) is
//!   lowered where it stands between two lower-case words, when such words, the six
//!   above included, outnumber every other capitalised common word and function word that
//!   stands so. A text that capitalises its nouns capitalises those of every letter.

use super::tokens::Token;
use crate::edit::{Edit, Safety};
use crate::lexicon::known::KnownWords;
use crate::lexicon::Lexicon;
use crate::rules::{Context, RuleInfo};

/// The function words whose capital the rule questions.
const I_WORDS: &[&str] = &["In", "Is", "It", "Its", "Into", "If"];

/// Capitalised function words that do not begin with an "I": how often the document
/// capitalises words inside a sentence for reasons of its own.
const OTHER_WORDS: &[&str] = &[
    "The", "And", "Of", "To", "A", "For", "With", "But", "That", "On", "At", "By", "As", "From",
    "He", "She", "We", "They", "This", "There", "When", "Which", "Was", "Were", "Be", "Not", "Or",
    "No",
];

/// Sites of the six function words a document needs before their capitals count as
/// misreadings.
const MIN_SITES: usize = 2;

/// Sites of capitalised "I" and "J" words, the six function words included, a document
/// needs before the capitals of its other "I" and "J" words count as misreadings.
const MIN_WORD_SITES: usize = 3;

/// Letters of a capitalised word, at least, for it to count as a word site or a rival.
const MIN_WORD_LEN: usize = 3;

/// What a capitalised token inside a sentence is, for the rule.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Site {
    /// One of [`I_WORDS`].
    IFunction,
    /// One of [`I_WORDS`] after a lower-case word and before a capitalised word or a
    /// number: lowered where the [`Site::IFunction`] sites show the habit, not counted.
    IFunctionBeforeCapital,
    /// Another common word that begins with "I" or "J".
    IWord,
    /// One of [`OTHER_WORDS`].
    OtherFunction,
    /// Another common word, capitalised with a letter other than "I" or "J".
    OtherWord,
}

/// Whether the white space `gap` between two words of a sentence is blanks, or one line
/// break among blanks (a comma before it allowed when `comma` is).
fn sentence_gap(gap: &str, comma: bool) -> bool {
    let gap = if comma {
        gap.strip_prefix(',').unwrap_or(gap)
    } else {
        gap
    };
    !gap.is_empty() && gap.chars().all(|c| c == ' ' || c == '\n') && gap.matches('\n').count() <= 1
}

/// Whether `t` stands inside a sentence: after a word (of any case: "the Bay Is built";
/// a comma between them allowed) and before a word that begins in lower case, on the same
/// line or across one line break.
fn inside_sentence(
    text: &str,
    prev: Option<&Token<'_>>,
    t: &Token<'_>,
    next: Option<&Token<'_>>,
) -> bool {
    let (Some(p), Some(n)) = (prev, next) else {
        return false;
    };
    let word = |s: &str| !s.is_empty() && s.chars().all(char::is_alphabetic);
    word(p.text)
        && sentence_gap(&text[p.range.end..t.range.start], true)
        && sentence_gap(&text[t.range.end..n.range.start], false)
        && n.text.starts_with(char::is_lowercase)
}

/// Whether `t` is a [`Site::IFunctionBeforeCapital`]: one of [`I_WORDS`] right after a
/// lower-case word (blanks or one line break between them, no punctuation) and before a
/// capitalised word or a number, where the lexicon's pairs know `lower` after that word.
fn before_capital(
    text: &str,
    prev: Option<&Token<'_>>,
    t: &Token<'_>,
    next: Option<&Token<'_>>,
    lower: &str,
) -> bool {
    let (Some(p), Some(n)) = (prev, next) else {
        return false;
    };
    !p.text.is_empty()
        && p.text.chars().all(char::is_lowercase)
        && sentence_gap(&text[p.range.end..t.range.start], false)
        && sentence_gap(&text[t.range.end..n.range.start], false)
        && n.text
            .starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit())
        && Lexicon::embedded().bigram(p.text, lower) > 0
}

/// What `t` is as a site of the rule, if anything.
fn site_of(
    known: &KnownWords,
    text: &str,
    prev: Option<&Token<'_>>,
    t: &Token<'_>,
    next: Option<&Token<'_>>,
) -> Option<Site> {
    let mut chars = t.text.chars();
    let first = chars.next()?;
    if !first.is_ascii_uppercase() || !chars.all(char::is_lowercase) {
        return None;
    }
    let i_word = first == 'I' || first == 'J';
    let function = if I_WORDS.contains(&t.text) {
        Some(Site::IFunction)
    } else if OTHER_WORDS.contains(&t.text) {
        Some(Site::OtherFunction)
    } else {
        None
    };
    if function.is_none() && t.text.chars().count() < MIN_WORD_LEN {
        return None;
    }
    if !inside_sentence(text, prev, t, next) {
        // Lowered only for the six words.
        let before_capital = function == Some(Site::IFunction)
            && before_capital(text, prev, t, next, &t.text.to_ascii_lowercase());
        return before_capital.then_some(Site::IFunctionBeforeCapital);
    }
    if function.is_some() {
        return function;
    }
    // A word site follows a lower-case word: "Woodlark Island groups" is a name.
    if !prev.is_some_and(|p| p.text.starts_with(char::is_lowercase)) {
        return None;
    }
    let lower = t.text.to_lowercase();
    let common = known
        .find(&lower)
        .is_some_and(|f| !f.possessive && !f.accents && !f.entry.proper && f.entry.is_common());
    let name = known.find(t.text).is_some_and(|f| f.entry.proper);
    if !common || name {
        return None;
    }
    Some(if i_word { Site::IWord } else { Site::OtherWord })
}

/// The check of rule C009.
pub fn capital_i(info: &RuleInfo, cx: &Context<'_>, out: &mut Vec<Edit>) {
    let text = cx.text;
    let known = cx.known_words();
    let mut sites: Vec<(Token<'_>, Site)> = Vec::new();
    let mut counts = [0usize; 5];
    // A site begins with an ASCII capital (see `site_of`).
    let capitalised = |w: &str| w.as_bytes().first().is_some_and(u8::is_ascii_uppercase);
    for (prev, t, next) in cx.words().windows_where(capitalised) {
        let Some(site) = site_of(known, text, prev.as_ref(), &t, next.as_ref()) else {
            continue;
        };
        counts[site as usize] += 1;
        if matches!(
            site,
            Site::IFunction | Site::IFunctionBeforeCapital | Site::IWord
        ) {
            sites.push((t, site));
        }
    }
    let [functions, _, words, other_functions, other_words] = counts;
    let functions_shown = functions >= MIN_SITES && other_functions < functions;
    let words_shown =
        functions + words >= MIN_WORD_SITES && other_functions + other_words < functions + words;
    for (t, site) in sites {
        let shown = match site {
            Site::IFunction => functions_shown || words_shown,
            Site::IFunctionBeforeCapital => functions_shown,
            _ => words_shown,
        };
        if !shown {
            continue;
        }
        let first = t.text.chars().next().unwrap_or('I');
        let lower = format!("{}{}", first.to_ascii_lowercase(), &t.text[1..]);
        let reason = if site == Site::IFunctionBeforeCapital {
            format!(
                "'{}' after a lower-case word read as '{lower}', the pair the lexicon knows: this document capitalises In/Is/It/Its/Into/If between lower-case words {functions} times and other function words {other_functions} times, so the capital is a misread 'i'",
                t.text
            )
        } else if site == Site::IFunction && functions_shown {
            format!(
                "'{}' inside a sentence read as '{lower}': this document capitalises In/Is/It/Its/Into/If between lower-case words {functions} times and other function words {other_functions} times, so the capital is a misread 'i'",
                t.text
            )
        } else {
            format!(
                "'{}' inside a sentence read as '{lower}': this document capitalises words that begin with I or J between lower-case words {} times and other words {} times, so the capital is a misread '{}'",
                t.text,
                functions + words,
                other_functions + other_words,
                first.to_ascii_lowercase()
            )
        };
        out.push(Edit::new(
            t.range.start..t.range.end,
            lower,
            info.code,
            0.85,
            Safety::Safe,
            reason,
        ));
    }
}

#[cfg(test)]
mod tests {
    fn fixes(text: &str) -> Vec<String> {
        super::super::safe_replacements("C009", text)
    }

    #[test]
    fn capitals_only_the_ocr_misread_are_lowered() {
        let text = "the men In the street said that It was so, and the rest Is history. \
                    He put it Into a box at Rose Bay In the evening.";
        assert_eq!(fixes(text), vec!["in", "it", "is", "into", "in"]);
    }

    #[test]
    fn before_a_capital_or_a_number_only_where_the_document_shows_the_habit() {
        // The habit shown twice between lower-case words; then "In" before a name and a
        // year, after words the lexicon's pairs know it to follow.
        let text = "the men In the street said that It was so, and the lease was held \
                    In Government hands until he retired from that position In 1916.";
        assert_eq!(fixes(text), vec!["in", "it", "in", "in"]);
        // Without the habit, such a site alone changes nothing ("Life In London").
        assert!(fixes("he wrote the play In London in a week").is_empty());
        // A word the lexicon does not know "in" to follow ("the In" for "the late").
        let text = "the men In the street said that It was so, the daughter of the Into \
                    Mr. West";
        assert_eq!(fixes(text), vec!["in", "it"]);
    }

    #[test]
    fn capitals_the_document_uses_everywhere_stay() {
        // Verse: every line capitalised, "In" no more than "And" or "The".
        let verse = "the wind was cold And the night was long \
                     the stars went out In the sky \
                     the sea was dark The waves were high \
                     and all was still In the town";
        assert!(fixes(verse).is_empty(), "{:?}", fixes(verse));
        // One capital is not a habit; a sentence start is no site.
        assert!(fixes("the men In the street said so.").is_empty());
        assert!(fixes("It was late. In the end It is so.").is_empty());
    }

    #[test]
    fn other_words_that_begin_with_i_or_j_are_lowered_where_the_document_shows_the_habit() {
        let text = "he claimed for personal Injuries arising from the fall\n\
                    and the clerk was Joined as a party, while the men\n\
                    In the street said nothing of the Injury at all.";
        assert_eq!(fixes(text), vec!["injuries", "joined", "in", "injury"]);
    }

    #[test]
    fn capitals_of_every_letter_are_a_style_not_a_misreading() {
        // An old text capitalises its nouns: "Infection", "Idleness" and "Ignorance" are
        // three of many.
        let text = "his solitary Habits, or some Infection caught abroad, and the \
                    Manners of the Time made the Matter worse, with Pride and Idleness \
                    and Ignorance of the Rich and the Want of the poor";
        assert!(fixes(text).is_empty(), "{:?}", fixes(text));
        // A name stays: "Woodlark Island groups" follows a capital.
        assert!(fixes("the Trobriand and Woodlark Island groups were seen").is_empty());
        // Two line breaks are a paragraph: no site across them.
        let text = "the men were there\n\nIn the end it was so\n\nIn short we went home";
        assert!(fixes(text).is_empty(), "{:?}", fixes(text));
    }
}

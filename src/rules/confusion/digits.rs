//! C008 digit misread: a number with letters the OCR put for digits that look like them
//! ("l953" → "1953", "19S3" → "1953").
//!
//! Only letters shaped like a digit are read as one (l, I and | as 1, O and o as 0, S as 5,
//! B as 8, Z as 2), only in a token with at least as many real digits as such letters, and
//! only when every letter goes: "1960s", "20s", "6d", "1st", "4th" keep their letters (a
//! lower-case s, d, st, th are plurals, money and ordinals, not misreads), and a code that
//! starts with a capital ("B12", "A4", "M25") stays.
//!
//! A number of two characters, one digit and an `l` or `I` ("l8"), is read as one only
//! where the neighbours say a number stands: after a month's name ("January l8,") or
//! before a word that counts ("l8 months", "l8 acres"). Elsewhere it may be "is" misread.
//!
//! "Is" or "ls" is read as "1s" (one shilling) only where a sum of money stands: after a
//! sum in pounds ("£1. Is 10s 6d"), before a sum in pence ("Is 6d"), or written "Is." after
//! "price" ("price Is. each"). Elsewhere it is the verb. After a sum in shillings, a
//! token of such letters and a final d is read as pence up to 11d ("5s. fid." → "6d").

use crate::edit::{Edit, Safety};
use crate::rules::{Context, RuleInfo};

/// Real digits a token needs before its letters count as misread digits.
const MIN_DIGITS: usize = 3;

/// The digit a letter stands for, if it looks like one.
fn digit_for(c: char) -> Option<char> {
    match c {
        'l' | 'I' | '|' => Some('1'),
        'O' | 'o' => Some('0'),
        'S' => Some('5'),
        'B' => Some('8'),
        'Z' => Some('2'),
        _ => None,
    }
}

/// `token` read with each digit-like letter as its digit, and how many real digits and
/// such letters it has; `None` when any other character is in it.
fn read_digits(token: &str) -> Option<(String, usize, usize)> {
    let mut out = String::with_capacity(token.len());
    let (mut digits, mut letters) = (0usize, 0usize);
    for c in token.chars() {
        if c.is_ascii_digit() {
            digits += 1;
            out.push(c);
        } else {
            out.push(digit_for(c)?);
            letters += 1;
        }
    }
    Some((out, digits, letters))
}

/// The number `token` stands for, when it is one with digit-like letters in it.
pub fn as_number(token: &str) -> Option<String> {
    let (out, digits, letters) = read_digits(token)?;
    let first = token.chars().next()?;
    let code = first.is_ascii_uppercase() && first != 'I';
    // "11Z" is a time in UTC, "I0" and "l8" names in formulas: a number needs three
    // real digits for its letters to be misreads.
    let zulu = token.ends_with('Z');
    (letters > 0 && digits >= MIN_DIGITS.max(letters) && !code && !zulu).then_some(out)
}

/// Months (and their usual abbreviations), after whose name a short number is a day
/// ("January l8,").
const MONTHS: &[&str] = &[
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "jan",
    "feb",
    "mar",
    "apr",
    "jun",
    "jul",
    "aug",
    "sep",
    "sept",
    "oct",
    "nov",
    "dec",
];

/// Words that a count stands before ("l8 months", "l8 acres").
const COUNTED: &[&str] = &[
    "years",
    "months",
    "weeks",
    "days",
    "hours",
    "minutes",
    "seconds",
    "acres",
    "miles",
    "yards",
    "feet",
    "inches",
    "pounds",
    "tons",
    "guineas",
    "shillings",
    "pence",
    "per",
    "men",
    "persons",
    "people",
    "children",
    "horses",
    "sheep",
    "cattle",
];

/// The number a two-character token of one digit and an `l` or `I` stands for ("l8" for
/// "18") where a number belongs: after a month's name or before a word that counts. The
/// same two characters are as often "is" misread ("the verandah l8 provided"), so the
/// neighbours must say which.
pub fn short_number_in_place(
    token: &str,
    prev: Option<&str>,
    next: Option<&str>,
) -> Option<String> {
    if token.len() != 2 || !token.contains(['l', 'I']) {
        return None;
    }
    let (number, 1, 1) = read_digits(token)? else {
        return None;
    };
    let month = prev.is_some_and(|p| {
        let p = p.trim_end_matches('.').to_ascii_lowercase();
        MONTHS.contains(&p.as_str())
    });
    let counted = next.is_some_and(|n| COUNTED.contains(&n));
    (month || counted).then_some(number)
}

/// The word after which "Is." is a price in shillings ("price Is. each").
const PRICE: &str = "price";

/// Whether the token at `range` of `text`, "Is" or "ls", is "1s" (one shilling) misread:
/// it follows a sum in pounds ("£1. Is", "£221 Is"), comes before a sum in pence ("Is 6d",
/// "Is. 8d."), or is written "Is." after "price" ("price Is. each"). OCR reads the 1 as a
/// capital I or an l; C009 would otherwise take it for the verb.
pub fn shillings_in_place(text: &str, range: &std::ops::Range<usize>) -> bool {
    if !matches!(text.get(range.clone()), Some("Is" | "ls")) {
        return false;
    }
    let before = text[..range.start].trim_end();
    let after = &text[range.end..];
    let with_period = after.starts_with('.');
    // "£1.", "£221", "£1,989": the pound sign, digits and commas, a closing period.
    let amount = before.trim_end_matches(['.', ',']);
    let digits = amount.trim_end_matches(|c: char| c.is_ascii_digit() || c == ',');
    // A full stop after the pounds may end a sentence whose next one asks "Is this …?":
    // a lower-case word after the token says so.
    let question = before.ends_with('.')
        && after
            .trim_start_matches('.')
            .trim_start()
            .starts_with(char::is_lowercase);
    let pounds = digits.len() < amount.len() && digits.trim_end().ends_with('£') && !question;
    // "6d", "10½d", "8d.": digits, perhaps a fraction, and d.
    let rest = after.strip_prefix('.').unwrap_or(after);
    let pence = rest.starts_with(char::is_whitespace) && {
        let rest = rest.trim_start();
        let unit = rest.trim_start_matches(|c: char| c.is_ascii_digit());
        let unit = unit.trim_start_matches(['½', '¼', '¾']);
        unit.len() < rest.len()
            && rest.starts_with(|c: char| c.is_ascii_digit())
            && unit.starts_with('d')
            && !unit[1..].starts_with(char::is_alphanumeric)
    };
    // Only the word's own bytes are compared: `before` is the whole text so far.
    let price = with_period
        && before.len() >= PRICE.len()
        && before.is_char_boundary(before.len() - PRICE.len())
        && before[before.len() - PRICE.len()..].eq_ignore_ascii_case(PRICE)
        && !before[..before.len() - PRICE.len()].ends_with(char::is_alphanumeric);
    pounds || pence || price
}

/// The pence a token stands for after a sum in shillings when letters shaped like digits
/// were read for its digits ("5s. fid." → "6d", "2s. Gd." → "6d", "2s Id" → "1d"): a
/// token of such letters (and real digits) and a final d, after "5s", "5s." or "Is",
/// making a number of pence from 1 to 11 without a leading zero. Real pence ("6d") are
/// left as they are.
pub fn pence_in_place(text: &str, range: &std::ops::Range<usize>) -> Option<String> {
    let stem = text.get(range.clone())?.strip_suffix('d')?;
    if stem.is_empty() || stem.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let mut pence = String::new();
    let mut rest = stem;
    while !rest.is_empty() {
        let (digit, len) = if rest.starts_with("fi") {
            ('6', 2)
        } else {
            let c = rest.chars().next()?;
            let digit = match c {
                '0'..='9' => c,
                'G' | 'b' => '6',
                _ => digit_for(c)?,
            };
            (digit, c.len_utf8())
        };
        pence.push(digit);
        rest = &rest[len..];
    }
    // A sum of pence is written without a leading zero and is never nought: "old" after
    // "It Is" is the word, not "01d".
    if pence.starts_with('0') || pence.parse::<u32>().ok()? > 11 {
        return None;
    }
    // "5s", "12s.", "Is": a sum in shillings, alone.
    let before = text[..range.start].trim_end();
    let shillings = before
        .strip_suffix('.')
        .unwrap_or(before)
        .strip_suffix('s')?;
    let head = shillings.trim_end_matches(|c: char| c.is_ascii_digit() || c == 'I' || c == 'l');
    let alone = !head.ends_with(|c: char| c.is_alphanumeric());
    (head.len() < shillings.len() && alone).then(|| format!("{pence}d"))
}

/// The check of rule C008.
pub fn digit_misreads(info: &RuleInfo, cx: &Context<'_>, out: &mut Vec<Edit>) {
    let text = cx.text;
    // What `reading_of` can read: "Is" or "ls" for a shilling, pence ending in "d", or a
    // token with a digit.
    let readable = |w: &str| {
        matches!(w, "Is" | "ls") || w.ends_with('d') || w.bytes().any(|b| b.is_ascii_digit())
    };
    for (prev, t, next) in cx.words().windows_where(readable) {
        let (p, n) = (prev.as_ref().map(|p| p.text), next.as_ref().map(|n| n.text));
        let Some((reading, why)) = reading_of(text, &t.range, p, n) else {
            continue;
        };
        let reason = format!("'{}' {why}; read as '{reading}'", t.text);
        out.push(Edit::new(
            t.range.clone(),
            reading,
            info.code,
            0.9,
            Safety::Safe,
            reason,
        ));
    }
}

/// What C008 reads the token at `range` of `text` as, with the reason, if anything: one
/// shilling, pence after shillings, or a number (`prev` and `next` are its neighbours).
fn reading_of(
    text: &str,
    range: &std::ops::Range<usize>,
    prev: Option<&str>,
    next: Option<&str>,
) -> Option<(String, &'static str)> {
    if shillings_in_place(text, range) {
        return Some((
            "1s".to_string(),
            "stands where a sum of money does (a sum in pounds before it, pence after it, \
             or 'price' and a period): one shilling",
        ));
    }
    if let Some(pence) = pence_in_place(text, range) {
        return Some((
            pence,
            "follows a sum in shillings, with letters shaped like digits",
        ));
    }
    let token = &text[range.clone()];
    if !token.bytes().any(|b| b.is_ascii_digit()) {
        return None;
    }
    // Part of something longer: "v1.l", "x-l9", "ISBN0l2".
    let before = text[..range.start].chars().next_back();
    let after = text[range.end..].chars().next();
    let glued = |c: Option<char>| c.is_some_and(|c| matches!(c, '-' | '_' | '/' | '.' | '@'));
    if glued(before) || (glued(after) && !text[range.end..].starts_with(". ")) {
        return None;
    }
    let number = as_number(token).or_else(|| short_number_in_place(token, prev, next))?;
    Some((number, "is a number with letters shaped like digits"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn shillings(text: &str) -> bool {
        let at = text.find("Is").or_else(|| text.find("ls")).unwrap();
        shillings_in_place(text, &(at..at + 2))
    }

    #[test]
    fn one_shilling_read_as_is_where_money_stands() {
        assert!(shillings("cloth, pub. at £1. Is 10s 6d Grant."));
        assert!(shillings("liabilities £221 Is 7d; assets"));
        assert!(shillings("oak frames at either Is 6d or 2s"));
        assert!(shillings("were £1,989 Is. 8d. in all"));
        assert!(shillings("in 26 parts, price ls. each"));
        assert!(shillings("Price Is. 6d."));
        // The verb stays, even near money or after "price".
        assert!(!shillings("the price Is high"));
        assert!(!shillings("the sum Is 6 days late"));
        assert!(!shillings("which Is 6 dozen"));
        assert!(!shillings("it Is 6 deep"));
        assert!(!shillings("It Is done"));
        // A sentence that ends on a sum, and a question after it.
        assert!(!shillings("The fee was £5. Is this too much?"));
    }

    fn pence(text: &str, token: &str) -> Option<String> {
        let at = text.rfind(token).unwrap();
        pence_in_place(text, &(at..at + token.len()))
    }

    #[test]
    fn pence_read_from_letters_after_shillings() {
        assert_eq!(pence("price 5s. fid. each", "fid").as_deref(), Some("6d"));
        assert_eq!(pence("at 2s. Gd. a yard", "Gd").as_deref(), Some("6d"));
        assert_eq!(pence("from Is Id to 3s", "Id").as_deref(), Some("1d"));
        assert_eq!(pence("£3 12s lOd", "lOd").as_deref(), Some("10d"));
        // Real pence, more than eleven, no shillings before, or a word: left alone.
        assert_eq!(pence("at 2s. 6d. a yard", "6d"), None);
        assert_eq!(pence("at 2s. lSd", "lSd"), None);
        assert_eq!(pence("the Gd was", "Gd"), None);
        assert_eq!(pence("bus Id", "Id"), None);
        assert_eq!(pence("at 2s. Good", "Good"), None);
        // "old" reads as "01": no sum of pence, the word after the verb "Is".
        assert_eq!(pence("It Is old now", "old"), None);
        assert_eq!(pence("at 5s. Od", "Od"), None);
    }

    #[test]
    fn digit_like_letters_in_numbers() {
        assert_eq!(as_number("l953").as_deref(), Some("1953"));
        assert_eq!(as_number("19S3").as_deref(), Some("1953"));
        assert_eq!(as_number("I9O45").as_deref(), Some("19045"));
    }

    #[test]
    fn plurals_money_ordinals_and_codes_stay() {
        for kept in [
            "1960s", "20s", "6d", "1st", "4th", "B12", "A4", "M25", "lol", "l", "ll8",
        ] {
            assert_eq!(as_number(kept), None, "{kept}");
        }
    }

    #[test]
    fn a_short_number_needs_a_place_for_a_number() {
        let got = super::super::safe_replacements(
            "C008",
            "On January l8, at noon, he got l8 months; the verandah l8 provided, with I0 in it.",
        );
        assert_eq!(got, vec!["18", "18"]);
    }

    #[test]
    fn in_running_text() {
        let got = super::super::safe_replacements("C008", "in l953 the 19S3 plan, v1.l and x-l9");
        assert_eq!(got, vec!["1953", "1953"]);
    }
}

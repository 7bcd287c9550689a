//! Unicode repair: ligature characters, soft hyphens, odd spaces, invisible and control
//! characters, and mojibake (UTF-8 that was decoded as Windows-1252 or Latin-1).

use super::linejoin::join_word;
use super::scan::non_ascii_chars;
use super::{Context, Family, FnRule, Rule, RuleInfo};
use crate::edit::{Edit, Safety};

/// The rules of this family, in stage order: mojibake first (it needs the C1 controls
/// that the invisible-character rule removes), soft hyphens last (a join moves a whole
/// word, so the word should already be repaired).
pub fn rules() -> Vec<Box<dyn Rule>> {
    vec![
        Box::new(FnRule {
            info: RuleInfo {
                code: "U005",
                name: "mojibake",
                family: Family::Unicode,
                summary:
                    "Repair UTF-8 that was decoded as Windows-1252 or Latin-1, where unambiguous",
                example: ("donâ€™t go to the cafÃ©", "don’t go to the café"),
                default_on: true,
            },
            check: mojibake,
        }),
        Box::new(FnRule {
            info: RuleInfo {
                code: "U001",
                name: "ligature",
                family: Family::Unicode,
                summary: "Spell out ligature characters (ﬁ ﬂ ﬀ ﬃ ﬄ ﬅ ﬆ) as plain letters",
                example: ("ﬁnd the ﬂow", "find the flow"),
                default_on: true,
            },
            check: ligatures,
        }),
        Box::new(FnRule {
            info: RuleInfo {
                code: "U004",
                name: "invisible",
                family: Family::Unicode,
                summary:
                    "Remove zero-width and control characters (keeping tab, newline and form feed)",
                example: ("wo\u{200b}rd\u{7}", "word"),
                default_on: true,
            },
            check: invisibles,
        }),
        Box::new(FnRule {
            info: RuleInfo {
                code: "U003",
                name: "odd-space",
                family: Family::Unicode,
                summary: "Turn no-break, thin, ideographic and other odd spaces into a plain space",
                example: ("10\u{a0}km", "10 km"),
                default_on: true,
            },
            check: odd_spaces,
        }),
        Box::new(FnRule {
            info: RuleInfo {
                code: "U002",
                name: "soft-hyphen",
                family: Family::Unicode,
                summary: "Remove soft hyphens; at a line end, join the word they split",
                example: ("organi\u{ad}\nsation is", "organisation\nis"),
                default_on: true,
            },
            check: soft_hyphens,
        }),
        Box::new(FnRule {
            info: RuleInfo {
                code: "U006",
                name: "hash-for-letter",
                family: Family::Unicode,
                summary: "Read a '#' between or after letters as the 'e' or 's' the OCR could not read when exactly one of them makes a common word ('th#' → 'the'), in a document that shows it in three words or more; codes such as C# and bug#12 stay",
                example: ("Th# titl# of th# work will b# read.", "The title of the work will be read."),
                default_on: true,
            },
            check: super::hash_letter::hash_letters,
        }),
    ]
}

fn push(out: &mut Vec<Edit>, info: &RuleInfo, start: usize, len: usize, new: &str, why: String) {
    out.push(Edit::new(
        start..start + len,
        new,
        info.code,
        1.0,
        Safety::Safe,
        why,
    ));
}

fn ligature_letters(c: char) -> Option<&'static str> {
    Some(match c {
        '\u{fb00}' => "ff",
        '\u{fb01}' => "fi",
        '\u{fb02}' => "fl",
        '\u{fb03}' => "ffi",
        '\u{fb04}' => "ffl",
        '\u{fb05}' | '\u{fb06}' => "st",
        _ => return None,
    })
}

fn ligatures(info: &RuleInfo, cx: &Context<'_>, out: &mut Vec<Edit>) {
    for (i, c) in non_ascii_chars(cx.text) {
        if let Some(letters) = ligature_letters(c) {
            let why = format!("ligature character '{c}' (U+{:04X}) spelled out", c as u32);
            push(out, info, i, c.len_utf8(), letters, why);
        }
    }
}

fn soft_hyphens(info: &RuleInfo, cx: &Context<'_>, out: &mut Vec<Edit>) {
    for (i, c) in non_ascii_chars(cx.text) {
        if c != '\u{ad}' {
            continue;
        }
        let before_is_letter = cx.text[..i]
            .chars()
            .next_back()
            .is_some_and(char::is_alphanumeric);
        match join_word(cx.text, i..i + 2, "").filter(|_| before_is_letter) {
            Some((range, joined)) => out.push(Edit::new(
                range,
                joined.replace('\u{ad}', ""),
                info.code,
                1.0,
                Safety::Safe,
                "soft hyphen at a line end: the word it split is joined",
            )),
            None => push(out, info, i, 2, "", "soft hyphen (U+00AD) removed".into()),
        }
    }
}

fn is_odd_space(c: char) -> bool {
    matches!(
        c,
        '\u{a0}' | '\u{1680}' | '\u{2000}'..='\u{200a}' | '\u{202f}' | '\u{205f}' | '\u{3000}'
    )
}

fn odd_spaces(info: &RuleInfo, cx: &Context<'_>, out: &mut Vec<Edit>) {
    for (i, c) in non_ascii_chars(cx.text) {
        if is_odd_space(c) {
            let why = format!("odd space U+{:04X} made a plain space", c as u32);
            push(out, info, i, c.len_utf8(), " ", why);
        }
    }
}

fn is_unwanted_control(b: u8) -> bool {
    (b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r' | b'\x0c')) || b == 0x7f
}

fn invisibles(info: &RuleInfo, cx: &Context<'_>, out: &mut Vec<Edit>) {
    let text = cx.text;
    for (i, &b) in text.as_bytes().iter().enumerate() {
        if is_unwanted_control(b) {
            push(
                out,
                info,
                i,
                1,
                "",
                format!("control character U+{b:04X} removed"),
            );
        }
    }
    for (i, c) in non_ascii_chars(text) {
        let remove = match c {
            '\u{200b}' | '\u{2060}' | '\u{feff}' | '\u{80}'..='\u{9f}' => true,
            // Joiners shape Arabic, Indic and emoji text: only drop them between Latin letters.
            '\u{200c}' | '\u{200d}' => {
                let before = text[..i].chars().next_back();
                let after = text[i + 3..].chars().next();
                before.is_some_and(|c| c.is_ascii_alphanumeric())
                    && after.is_some_and(|c| c.is_ascii_alphanumeric())
            }
            _ => false,
        };
        if remove {
            let why = format!("invisible character U+{:04X} removed", c as u32);
            push(out, info, i, c.len_utf8(), "", why);
        }
    }
}

/// The byte a character stands for when UTF-8 was wrongly decoded as Windows-1252 (or
/// Latin-1, whose C1 controls fill Windows-1252's gaps).
fn cp1252_byte(c: char) -> Option<u8> {
    let cp = c as u32;
    if (0x80..=0xff).contains(&cp) {
        return Some(cp as u8);
    }
    Some(match c {
        '€' => 0x80,
        '‚' => 0x82,
        'ƒ' => 0x83,
        '„' => 0x84,
        '…' => 0x85,
        '†' => 0x86,
        '‡' => 0x87,
        'ˆ' => 0x88,
        '‰' => 0x89,
        'Š' => 0x8a,
        '‹' => 0x8b,
        'Œ' => 0x8c,
        'Ž' => 0x8e,
        '‘' => 0x91,
        '’' => 0x92,
        '“' => 0x93,
        '”' => 0x94,
        '•' => 0x95,
        '–' => 0x96,
        '—' => 0x97,
        '˜' => 0x98,
        '™' => 0x99,
        'š' => 0x9a,
        '›' => 0x9b,
        'œ' => 0x9c,
        'ž' => 0x9e,
        'Ÿ' => 0x9f,
        _ => return None,
    })
}

/// Whether a character decoded from a mojibake sequence is one that such damage really
/// produces: from two bytes, Latin-1, Latin Extended-A, Greek or Cyrillic letters; from
/// three, punctuation, currency and letterlike symbols (the "â€™" family); from four,
/// emoji. Other results are coincidences such as "ß“" or "é’’", which must stay.
fn plausible(c: char, len: usize) -> bool {
    let cp = c as u32;
    match len {
        2 => matches!(cp, 0xa0..=0x17f | 0x370..=0x4ff),
        3 => matches!(cp, 0x2000..=0x2bff | 0xfb00..=0xfb06),
        _ => matches!(cp, 0x1f000..=0x1faff),
    }
}

/// The mojibake sequence starting at `start` (whose first char is `lead`): its byte length
/// in `text` and the character it should have been.
fn mojibake_at(text: &str, start: usize, lead: char) -> Option<(usize, char)> {
    let first = cp1252_byte(lead)?;
    let need = match first {
        0xc2..=0xdf => 1,
        0xe0..=0xef => 2,
        0xf0..=0xf4 => 3,
        _ => return None,
    };
    let mut bytes = vec![first];
    let mut end = start + lead.len_utf8();
    for c in text[end..].chars().take(need) {
        let b = cp1252_byte(c).filter(|b| (0x80..=0xbf).contains(b))?;
        bytes.push(b);
        end += c.len_utf8();
    }
    if bytes.len() != need + 1 {
        return None;
    }
    let decoded = std::str::from_utf8(&bytes).ok()?.chars().next()?;
    if !plausible(decoded, bytes.len()) {
        return None;
    }
    Some((end - start, decoded))
}

/// Repair every mojibake sequence of `s` once.
fn unmojibake_once(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut i = 0;
    while let Some(c) = s[i..].chars().next() {
        match mojibake_at(s, i, c) {
            Some((len, fixed)) => {
                out.push(fixed);
                i += len;
            }
            None => {
                out.push(c);
                i += c.len_utf8();
            }
        }
    }
    out
}

/// The run of characters around `at` that could be part of mojibake (non-ASCII characters
/// with a Windows-1252 byte): damage applied twice spreads over such a run.
fn mojibake_run(text: &str, at: usize) -> std::ops::Range<usize> {
    let suspect = |c: char| !c.is_ascii() && cp1252_byte(c).is_some();
    let start = text[..at]
        .char_indices()
        .rev()
        .take_while(|&(_, c)| suspect(c))
        .last()
        .map_or(at, |(i, _)| i);
    let end = text[at..]
        .char_indices()
        .find(|&(_, c)| !suspect(c))
        .map_or(text.len(), |(i, _)| at + i);
    start..end
}

fn mojibake(info: &RuleInfo, cx: &Context<'_>, out: &mut Vec<Edit>) {
    let mut skip_to = 0;
    for (i, c) in non_ascii_chars(cx.text) {
        if i < skip_to || mojibake_at(cx.text, i, c).is_none() {
            continue;
        }
        let run = mojibake_run(cx.text, i);
        let bad = &cx.text[run.clone()];
        // Damage can be applied more than once ("ÃƒÂ©"): repair until nothing changes.
        let mut fixed = unmojibake_once(bad);
        for _ in 0..3 {
            let again = unmojibake_once(&fixed);
            if again == fixed {
                break;
            }
            fixed = again;
        }
        skip_to = run.end;
        if fixed != bad {
            let why = format!(
                "mojibake: '{}' is UTF-8 text read as Windows-1252; it reads '{}'",
                crate::visible::visible(bad),
                crate::visible::visible(&fixed)
            );
            push(out, info, run.start, run.len(), &fixed, why);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::fix;

    fn rule(code: &str) -> Box<dyn Rule> {
        rules().into_iter().find(|r| r.info().code == code).unwrap()
    }

    #[test]
    fn ligatures_spelled_out() {
        assert_eq!(
            fix(rule("U001").as_ref(), "eﬃcient ﬂuﬀy ﬄ ﬅ ﬆ"),
            "efficient fluffy ffl st st"
        );
    }

    #[test]
    fn soft_hyphen_mid_line_removed() {
        assert_eq!(fix(rule("U002").as_ref(), "hy\u{ad}phen"), "hyphen");
        assert_eq!(fix(rule("U002").as_ref(), "end\u{ad}\n"), "end\n");
    }

    #[test]
    fn joiners_kept_outside_latin() {
        let r = rule("U004");
        assert_eq!(fix(r.as_ref(), "می\u{200c}خواهم"), "می\u{200c}خواهم");
        assert_eq!(fix(r.as_ref(), "a\u{200d}b\tc\r\n\x0c"), "ab\tc\r\n\x0c");
    }

    #[test]
    fn mojibake_repairs() {
        let r = rule("U005");
        assert_eq!(
            fix(r.as_ref(), "Ã¼ber naÃ¯ve â€œquotedâ€\u{9d}"),
            "über naïve “quoted”"
        );
        assert_eq!(fix(r.as_ref(), "Â£5 and 20Â°C"), "£5 and 20°C");
        // Latin-1 flavour: the C1 control characters survive decoding.
        assert_eq!(fix(r.as_ref(), "don\u{e2}\u{80}\u{99}t"), "don’t");
        // Applied twice.
        assert_eq!(fix(r.as_ref(), "cafÃƒÂ©"), "café");
        assert_eq!(fix(r.as_ref(), "ðŸ˜€ ok"), "😀 ok");
    }

    #[test]
    fn mojibake_leaves_real_text_alone() {
        let r = rule("U005");
        for s in [
            "Straße, „daß“ – café – Ærø – œuvre",
            "São Paulo, Ålesund, Ñandú, naïve",
            "ÀÉÎÕÜ àéîõü ¡Olé! ¿Qué? «ça» ©2020 ±3° ½",
            "Weiß‘ and Fuß”",
            "é’’ è“” “é”",
        ] {
            assert_eq!(fix(r.as_ref(), s), s);
        }
    }
}

//! Hyphenation: a word broken by a hyphen at a line end is joined ("organi-\nsation" →
//! "organisation"), kept hyphenated ("freedom-\nfighters" → "freedom-fighters") or left as
//! it is when the evidence is weak; and hyphens that an earlier tool lost by joining
//! ("side-byside") are restored. Wrongly joining is worse than wrongly keeping, so a join
//! needs positive evidence.
//!
//! Evidence, strongest first: a capital after the hyphen (keep); the document's own
//! spellings (the joined or the hyphenated form elsewhere in the text); the lexicon;
//! whether the parts are words themselves (a compound: keep); and the Knuth–Liang
//! hyphenation patterns (a legal break point supports joining).

use super::linejoin::join_word;
use super::lines::lines;
use super::{Context, Family, FnRule, Rule, RuleInfo};
use crate::edit::{Edit, Safety};
use crate::lexicon::fold::fold_diacritics;
use crate::lexicon::search::Swap;
use crate::vocab::{Vocab, WordEvidence};
use hyphenation::{Hyphenator, Language, Load, Standard};
use std::sync::OnceLock;

/// The rules of this family.
pub fn rules() -> Vec<Box<dyn Rule>> {
    vec![
        Box::new(FnRule {
            info: RuleInfo {
                code: "H001",
                name: "line-end-hyphen",
                family: Family::Hyphen,
                summary: "Join a word split by a hyphen at a line end, or keep a real hyphen, by the evidence",
                example: (
                    "the organi-\nsation of Japanese and anti-\nJapanese units",
                    "the organisation\nof Japanese and anti-Japanese\nunits",
                ),
                default_on: true,
            },
            check: line_end_hyphens,
        }),
        Box::new(FnRule {
            info: RuleInfo {
                code: "H002",
                name: "lost-hyphen",
                family: Family::Hyphen,
                summary: "Restore a hyphen lost when an earlier tool joined a line-end hyphen (side-byside)",
                example: (
                    "side-by-side views, side-by-side tests\nand a side-byside one",
                    "side-by-side views, side-by-side tests\nand a side-by-side one",
                ),
                default_on: true,
            },
            check: lost_hyphens,
        }),
    ]
}

/// The embedded lexicon (absent only if its data did not load).
pub fn lexicon() -> Option<&'static dyn WordEvidence> {
    let lex = crate::lexicon::Lexicon::embedded();
    (!lex.is_empty()).then_some(lex as &dyn WordEvidence)
}

fn patterns() -> Option<&'static Standard> {
    static DICT: OnceLock<Option<Standard>> = OnceLock::new();
    DICT.get_or_init(|| Standard::from_embedded(Language::EnglishUS).ok())
        .as_ref()
}

/// Whether the hyphenation patterns allow a break after the first `at` bytes of `word`.
/// `None` when the patterns are not available.
pub fn legal_break(word: &str, at: usize) -> Option<bool> {
    let dict = patterns()?;
    let lower = word.to_lowercase();
    if lower.len() != word.len() {
        return Some(false);
    }
    if lower.is_ascii() {
        return Some(dict.hyphenate(&lower).breaks.contains(&at));
    }
    // The patterns know plain letters: "café" breaks where "cafe" does. Folding here also
    // keeps the answer the same before and after a later stage drops a stray accent.
    let mut folded = String::with_capacity(lower.len());
    let mut folded_at = None;
    for (i, c) in lower.char_indices() {
        if i == at {
            folded_at = Some(folded.len());
        }
        let mut buf = [0u8; 4];
        folded.push_str(&fold_diacritics(c.encode_utf8(&mut buf)));
    }
    Some(folded_at.is_some_and(|f| dict.hyphenate(&folded).breaks.contains(&f)))
}

/// All the evidence about words that a decision may use.
pub struct Evidence<'a> {
    /// The document's own vocabulary.
    pub doc: &'a Vocab,
    /// The lexicon, if there is one.
    pub lex: Option<&'a dyn WordEvidence>,
}

impl Evidence<'_> {
    fn lex_word(&self, w: &str) -> bool {
        self.lex.is_some_and(|l| l.is_word(w))
    }
    /// A word by the lexicon or the document.
    fn is_word(&self, w: &str) -> bool {
        self.lex_word(w) || self.doc.is_word(w)
    }
    fn frequency(&self, w: &str) -> u64 {
        self.lex.map_or(0, |l| l.frequency(w)) + self.doc.frequency(w)
    }
}

/// What to do with a line-end hyphen.
#[derive(Clone, Debug, PartialEq)]
pub struct Decision {
    /// True to keep the hyphen (join with `-`), false to close the word up.
    pub keep: bool,
    /// Whether the evidence is strong enough to apply by default.
    pub safety: Safety,
    /// How sure the decision is.
    pub confidence: f32,
    /// The evidence, for the edit's reason.
    pub reason: String,
    /// The whole word to write instead of the two parts, when the parts joined are an
    /// OCR misreading of it ("metaphur-" + "ically" → "metaphorically").
    pub word: Option<String>,
}

fn decision(keep: bool, safe: bool, confidence: f32, reason: String) -> Option<Decision> {
    Some(Decision {
        word: None,
        keep,
        safety: if safe {
            Safety::Safe
        } else {
            Safety::Suggestion
        },
        confidence,
        reason,
    })
}

/// Decide a line-end hyphen between `first` (the text before the hyphen, which may hold
/// earlier hyphens: "side-by") and `second` (the word that starts the next line, without
/// trailing punctuation). `None`: leave it as it is.
pub fn decide(first: &str, second: &str, ev: &Evidence<'_>) -> Option<Decision> {
    let head = first.rsplit('-').next().unwrap_or(first);
    let b0 = second.chars().next()?;
    if !b0.is_alphabetic() {
        return None;
    }
    if head.is_empty() || !head.chars().any(char::is_alphabetic) {
        // "‘-" + "f": a hyphen after an opening quote or bracket starts an option or prefix.
        return (!head.is_empty()
            && head
                .chars()
                .all(|c| matches!(c, '\'' | '‘' | '"' | '“' | '(' | '[' | '`')))
        .then(|| Decision {
            keep: true,
            safety: Safety::Safe,
            confidence: 0.8,
            reason: "a hyphen that follows no letter is part of the next word".into(),
            word: None,
        });
    }
    if !head.chars().last().is_some_and(char::is_alphabetic) {
        return None;
    }
    let all_caps = |s: &str| s.chars().all(|c| !c.is_lowercase());
    if let Some(d) = misread_join(head, second, ev) {
        return Some(d);
    }
    if b0.is_uppercase() && !(all_caps(head) && all_caps(second)) {
        // "anti-Japanese": a capital after the hyphen starts a name. When neither part
        // is known, it may as well be an OCR misreading inside one word ("revo-Jution").
        let known = ev.is_word(second) || ev.is_word(head);
        return decision(
            true,
            known,
            if known { 0.95 } else { 0.5 },
            format!("capital after the hyphen: '{head}-{second}'"),
        );
    }
    if head.chars().count() == 1 {
        return decision(
            true,
            true,
            0.9,
            format!("'{head}-' is a one-letter prefix, never a hyphenation break"),
        );
    }
    let joined = format!("{head}{second}");
    let hyph = format!("{head}-{second}");
    // The document's own spellings.
    let dj = ev.doc.count(&joined);
    let dh = ev.doc.count(&hyph) + ev.doc.count(&format!("{first}-{second}"));
    match (dj, dh) {
        (0, 0) => {}
        (j, 0) => {
            return decision(
                false,
                true,
                0.95,
                format!("'{joined}' occurs {j} time(s) in this document"),
            )
        }
        (0, h) => {
            return decision(
                true,
                true,
                0.95,
                format!("'{hyph}' occurs {h} time(s) in this document"),
            )
        }
        (j, h) => {
            let keep = h > j;
            return decision(
                keep,
                false,
                0.6,
                format!("this document spells it '{joined}' {j} time(s) and '{hyph}' {h} time(s)"),
            );
        }
    }
    // The lexicon.
    let lj = ev.lex_word(&joined);
    let lh = ev.lex_word(&hyph);
    if lj && !lh {
        return decision(
            false,
            true,
            0.9,
            format!("'{joined}' is a word; '{hyph}' is not"),
        );
    }
    if lh && !lj {
        return decision(
            true,
            true,
            0.9,
            format!("'{hyph}' is a word; '{joined}' is not"),
        );
    }
    if lh && lj {
        let (fj, fh) = (ev.frequency(&joined), ev.frequency(&hyph));
        let keep = fh > fj;
        return decision(
            keep,
            fj.max(fh) >= 5 * fj.min(fh).max(1),
            0.6,
            format!(
                "both '{joined}' and '{hyph}' are words; the {} is more common",
                if keep {
                    "hyphenated form"
                } else {
                    "joined form"
                }
            ),
        );
    }
    // A compound of two words, when the joined form is not a word.
    // Lexicon words when there is a lexicon: parts of compounds that an earlier run made
    // would otherwise count as words the second time.
    let a_word = strong_word(head, ev);
    let b_word = strong_word(second, ev);
    if first.contains('-') && a_word && b_word {
        return decision(
            true,
            true,
            0.85,
            format!("'{first}-' is a chain of words joined by hyphens and '{second}' is a word"),
        );
    }
    let have_lex = ev.lex.is_some();
    let (a_len, b_len) = (head.chars().count(), second.chars().count());
    if a_word && b_word && a_len >= 2 && b_len <= 2 {
        return decision(
            true,
            true,
            0.8,
            format!("'{second}' is too short to be the end of a hyphenated word; '{head}' and '{second}' are words"),
        );
    }
    let prefix_uses = ev.doc.compounds_starting_with(head);
    if a_len >= 3 && prefix_uses >= 1 {
        return decision(
            true,
            prefix_uses >= 2,
            0.75,
            format!("this document writes {prefix_uses} other compound(s) as '{head}-…'"),
        );
    }
    let capitalised = head.chars().next().is_some_and(char::is_uppercase)
        && !all_caps(head)
        && second.chars().all(|c| !c.is_uppercase());
    if capitalised {
        // "Darling-" + "hurst": a name split at a line end is one name.
        let legal = legal_break(&joined, head.len()) == Some(true);
        return decision(
            false,
            legal,
            if legal { 0.7 } else { 0.5 },
            format!("'{joined}' is a name split at the line end ('{head}' is capitalised and '{second}' is not)"),
        );
    }
    if a_word && b_word && a_len >= 3 && b_len >= 3 {
        if have_lex {
            return decision(
                true,
                true,
                0.8,
                format!("'{head}' and '{second}' are words and '{joined}' is not: a compound"),
            );
        }
        return None;
    }
    // The hyphenation patterns.
    let legal = legal_break(&joined, head.len());
    match legal {
        Some(true) if !(a_word && b_word) || a_len <= 2 => decision(
            false,
            true,
            0.75,
            format!(
                "'{head}-' + '{second}' is a legal hyphenation of '{joined}' and {}",
                if a_len <= 2 {
                    "a two-letter first part is a syllable, not a compound"
                } else {
                    "the parts are not both words"
                }
            ),
        ),
        Some(false) if !a_word && !b_word => decision(
            false,
            false,
            0.5,
            format!("neither '{head}' nor '{second}' is a word, though '{joined}' would not be hyphenated there"),
        ),
        _ => None,
    }
}

/// Shortest joined form that [`misread_join`] corrects: short words have too many
/// neighbours one letter away.
const MISREAD_MIN_CHARS: usize = 7;
/// Longest joined form (in bytes) that [`misread_join`] examines: no word is longer, and
/// the candidates grow with the square of the length.
const MISREAD_MAX_BYTES: usize = 48;

/// A word broken at a line end whose parts OCR misread ("metaphur-" + "ically",
/// "revo-" + "Jution", "Fotk-" + "lore"): the first part is no word, neither the joined
/// nor the hyphenated form is a word, and exactly one word of the lexicon is one misread
/// character away from the joined form — a swap of the OCR confusion model or a single
/// wrong letter — and may be hyphenated exactly where
/// the line broke. Then the parts are joined into that word. A capital after the hyphen
/// counts only when the second part is no word either (so "anti-" + "Japanese" is not
/// touched), and inserted or dropped letters are never guessed (a plural is no misreading).
fn misread_join(head: &str, second: &str, ev: &Evidence<'_>) -> Option<Decision> {
    if !head.chars().chain(second.chars()).all(char::is_alphabetic) {
        return None;
    }
    let joined = format!("{head}{second}");
    let hyph = format!("{head}-{second}");
    let lower = joined.to_lowercase();
    if lower.chars().count() < MISREAD_MIN_CHARS
        || lower.len() > MISREAD_MAX_BYTES
        || lower.len() != joined.len()
        || ev.is_word(&joined)
        || ev.is_word(&hyph)
        || strong_word(head, ev)
        || ev.doc.compounds_starting_with(head) > 0
    {
        return None;
    }
    let b0_upper = second.chars().next().is_some_and(char::is_uppercase);
    if b0_upper && ev.is_word(second) {
        return None;
    }
    let lex = ev.lex?;
    let found = lex.one_swap_words(&lower, misread_swaps());
    let [cand] = found.as_slice() else {
        return None;
    };
    // Where the candidate differs: after the common start, before the common end.
    let p: usize = lower
        .chars()
        .zip(cand.chars())
        .take_while(|(x, y)| x == y)
        .map(|(x, _)| x.len_utf8())
        .sum();
    let tail_max = lower.len().min(cand.len()) - p;
    let s: usize = lower
        .chars()
        .rev()
        .zip(cand.chars().rev())
        .take_while(|(x, y)| x == y)
        .map(|(x, _)| x.len_utf8())
        .sum::<usize>()
        .min(tail_max);
    let seen = joined.get(p..lower.len() - s).unwrap_or("?");
    let meant = cand.get(p..cand.len() - s).unwrap_or("?");
    let how = format!("'{seen}' read for '{meant}'");
    let (at, delta) = (&p, &(cand.len() as isize - lower.len() as isize));
    let brk = if *at < head.len() {
        head.len().checked_add_signed(*delta)?
    } else {
        head.len()
    };
    if legal_break(cand, brk) != Some(true) {
        return None;
    }
    let word = if head.chars().all(char::is_uppercase) {
        cand.to_uppercase()
    } else if head.chars().next().is_some_and(char::is_uppercase) {
        crate::lexicon::case::title_case(cand)
    } else {
        cand.clone()
    };
    Some(Decision {
        keep: false,
        safety: Safety::Safe,
        confidence: 0.8,
        reason: format!(
            "neither '{joined}' nor '{hyph}' is a word; '{word}' is one misreading away ({how}), \
             the only word that is, and breaks there"
        ),
        word: Some(word),
    })
}

/// The misreadings [`misread_join`] considers: the lower-case swaps of the OCR confusion
/// model and any one letter read for another.
fn misread_swaps() -> &'static [Swap] {
    static SWAPS: OnceLock<Vec<Swap>> = OnceLock::new();
    SWAPS.get_or_init(|| {
        const LETTERS: [&str; 26] = [
            "a", "b", "c", "d", "e", "f", "g", "h", "i", "j", "k", "l", "m", "n", "o", "p", "q",
            "r", "s", "t", "u", "v", "w", "x", "y", "z",
        ];
        let lower = |s: &str| !s.is_empty() && s.chars().all(|c| c.is_ascii_lowercase());
        let mut v: Vec<Swap> = super::confusion::model::TABLE
            .iter()
            .filter(|c| lower(c.seen) && lower(c.meant))
            .copied()
            .collect();
        for a in LETTERS {
            for b in LETTERS {
                if a != b {
                    v.push(Swap {
                        seen: a,
                        meant: b,
                        cost: super::confusion::model::GENERIC_COST,
                    });
                }
            }
        }
        v
    })
}

fn evidence<'c>(cx: &'c Context<'_>) -> Evidence<'c> {
    Evidence {
        doc: cx.vocab(),
        lex: lexicon(),
    }
}

fn line_end_hyphens(info: &RuleInfo, cx: &Context<'_>, out: &mut Vec<Edit>) {
    let text = cx.text;
    let toks = cx.vocab_tokens();
    if !toks.iter().any(|t| t.line_end_hyphen) {
        return;
    }
    let ev = evidence(cx);
    for (k, t) in toks.iter().enumerate() {
        if !t.line_end_hyphen {
            continue;
        }
        let Some(next) = toks.get(k + 1) else {
            continue;
        };
        // A line of one word ending in a hyphen, after or before another line-end hyphen,
        // is a chain: left alone.
        let after_hyphen = k
            .checked_sub(1)
            .and_then(|p| toks.get(p))
            .is_some_and(|p| p.line_end_hyphen);
        if next.line_end_hyphen || after_hyphen {
            continue;
        }
        let first = &text[t.start..t.end - 1];
        // The first part as printed: from the start of its whitespace-separated chunk
        // (so a leading quote stays out, but "‘-" is seen).
        let chunk_start = text[..t.end - 1]
            .char_indices()
            .rev()
            .find(|(_, c)| c.is_whitespace())
            .map_or(0, |(i, c)| i + c.len_utf8());
        let raw_first = &text[chunk_start..t.end - 1];
        let first = if first.is_empty() || !first.chars().any(char::is_alphanumeric) {
            raw_first
        } else {
            first
        };
        // The next word must start the next line, right after its indentation.
        let between = &text[t.end..next.start];
        if between.chars().filter(|&c| c == '\n' || c == '\r').count() > 1
            || between.contains('\x0c')
            || !between
                .trim_matches([' ', '\t'])
                .chars()
                .all(|c| c == '\n' || c == '\r')
            || between.trim_matches([' ', '\t']).is_empty()
        {
            continue;
        }
        let second = &text[next.start..next.end];
        let second = second.trim_end_matches('-');
        let Some(d) = decide(first, second, &ev) else {
            continue;
        };
        let marker = t.end - 1..t.end;
        let Some((mut range, mut replacement)) =
            join_word(text, marker, if d.keep { "-" } else { "" })
        else {
            continue;
        };
        if let Some(word) = &d.word {
            // The whole word replaces both parts: from the start of the first part.
            let head = first.rsplit('-').next().unwrap_or(first);
            let Some(rest) = replacement.strip_prefix(second) else {
                continue;
            };
            replacement = format!("{word}{rest}");
            range.start = t.end - 1 - head.len();
        }
        let verb = if d.keep { "kept the hyphen" } else { "joined" };
        out.push(Edit::new(
            range,
            replacement,
            info.code,
            d.confidence,
            d.safety,
            format!("{verb}: {}", d.reason),
        ));
    }
}

/// The wrap width of a hard-wrapped text: the median line length, when it is 30 to 150
/// characters and at least 60% of the lines are within 15% of it; `None` for text that is
/// not wrapped at a fixed measure (one paragraph a line, or ragged).
fn wrap_width(text: &str) -> Option<usize> {
    let mut lens: Vec<usize> = lines(text)
        .iter()
        .map(|l| l.text(text).trim_end().chars().count())
        .filter(|&n| n > 0)
        .collect();
    if lens.len() < 5 {
        return None;
    }
    lens.sort_unstable();
    let median = lens[lens.len() / 2];
    let near = lens
        .iter()
        .filter(|&&n| n * 100 >= median * 85 && n * 100 <= median * 115)
        .count();
    ((30..=150).contains(&median) && near * 10 >= lens.len() * 6).then_some(median)
}

/// Spellings H002 remembers being words or not before the memo starts again (bounds
/// memory).
const WORDS_REMEMBERED: usize = 100_000;

fn lost_hyphens(info: &RuleInfo, cx: &Context<'_>, out: &mut Vec<Edit>) {
    let text = cx.text;
    // The lexicon's answers for the document's words, looked up once (and kept for the
    // confusion rules): the same answers as the lexicon's.
    let ev = Evidence {
        doc: cx.vocab(),
        lex: lexicon().map(|_| cx.known_words() as &dyn WordEvidence),
    };
    let width = wrap_width(text);
    let all = lines(text);
    let mut li = 0;
    // Whether each spelling met is a word (by the lexicon or its repeats): most tokens are
    // words met again and again.
    let mut words: rustc_hash::FxHashMap<&str, bool> = Default::default();
    for t in cx.vocab_tokens().iter() {
        if t.line_end_hyphen {
            continue;
        }
        let word = &text[t.start..t.end];
        // Lower-case words only: a capitalised one is likely a name ("MacTurk").
        if word.chars().count() < 6 || !word.chars().all(|c| c.is_lowercase() || c == '-') {
            continue;
        }
        let is_word = match words.get(word) {
            Some(&known) => known,
            None => {
                let known = ev.lex_word(word) || ev.doc.count(word) > 1;
                if words.len() >= WORDS_REMEMBERED {
                    words.clear();
                }
                words.insert(word, known);
                known
            }
        };
        if is_word {
            continue;
        }
        while li + 1 < all.len() && all[li].next <= t.start {
            li += 1;
        }
        let line = all[li];
        let segs: Vec<&str> = word.split('-').collect();
        // Each hyphen-free segment may hide one lost hyphen; the others must be words.
        let mut seg_start = t.start;
        for (k, seg) in segs.iter().enumerate() {
            let s0 = seg_start;
            seg_start += seg.len() + 1;
            if seg.chars().count() < 5 || ev.lex_word(seg) {
                continue;
            }
            let others_are_words = segs
                .iter()
                .enumerate()
                .all(|(m, o)| m == k || strong_word(o, &ev));
            if !others_are_words {
                continue;
            }
            let Some((at, x, y)) = best_split(seg, &ev) else {
                continue;
            };
            let hyph = format!("{x}-{y}");
            let full = format!("{}{}-{}", &text[t.start..s0], x, &text[s0 + at..t.end]);
            // The document writes the hyphenated form elsewhere (twice, or once when both
            // parts are of three letters or more: "of-some" once is an OCR slip).
            let seen = ev.doc.count(&hyph) + ev.doc.count(&full);
            let long_parts = x.chars().count() >= 3 && y.chars().count() >= 3;
            let attested = (seen >= 2 || (seen == 1 && long_parts))
                .then(|| format!("'{full}' occurs {seen} time(s) in this document"));
            // Where an earlier tool joined two lines of a hard-wrapped text, the line is
            // too long and the lost hyphen sits where a line would have ended. (Counted only
            // when needed: the lines of a reflowed text are long.)
            let overlong = match (&attested, width) {
                (None, Some(w)) => {
                    let len = line.text(text).trim_end().chars().count();
                    (len * 2 >= w * 3 && {
                        let col = text[line.start..s0 + at].chars().count();
                        col * 100 >= w * 80 && col * 100 <= w * 115
                    })
                    .then_some(len)
                }
                _ => None,
            };
            let why = match (attested, overlong) {
                (Some(a), _) => a,
                (None, Some(len)) => format!(
                        "'{x}' and '{y}' are words and the line is {len} characters long where lines are {}: a line once ended at '{x}-'",
                        width.unwrap_or(0)
                    ),
                (None, None) => continue,
            };
            out.push(Edit::new(
                s0 + at..s0 + at,
                "-",
                info.code,
                0.85,
                Safety::Safe,
                format!("'{seg}' is not a word; {why}"),
            ));
        }
    }
}

/// A word by the lexicon (common words) when there is one, else by the document.
fn strong_word(w: &str, ev: &Evidence<'_>) -> bool {
    if ev.lex.is_some() {
        ev.lex_word(w)
    } else {
        ev.doc.count(w) > 0
    }
}

/// The one split of `seg` into two words (the first of two letters or more, the second of
/// three or more); `None` when there is none or several equally good.
fn best_split<'s>(seg: &'s str, ev: &Evidence<'_>) -> Option<(usize, &'s str, &'s str)> {
    let mut found: Vec<(u64, usize)> = Vec::new();
    for (at, _) in seg.char_indices().skip(2) {
        let (x, y) = seg.split_at(at);
        if y.chars().count() < 3 || !strong_word(x, ev) || !strong_word(y, ev) {
            continue;
        }
        let score = ev.frequency(x).min(ev.frequency(y));
        found.push((score, at));
    }
    found.sort_by_key(|f| std::cmp::Reverse(f.0));
    match found.as_slice() {
        [] => None,
        [(_, at)] => Some((*at, &seg[..*at], &seg[*at..])),
        [(s1, at), (s2, _), ..] if *s1 >= 4 * s2.max(&1) => Some((*at, &seg[..*at], &seg[*at..])),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::vocab::tokens;
    use std::collections::HashSet;

    /// A tiny stand-in lexicon for tests.
    struct Words(HashSet<&'static str>);
    impl WordEvidence for Words {
        fn is_word(&self, w: &str) -> bool {
            self.0.contains(w.to_lowercase().as_str())
        }
        fn frequency(&self, w: &str) -> u64 {
            u64::from(self.is_word(w)) * 10
        }
    }

    fn lex() -> Words {
        Words(
            [
                "organisation",
                "freedom",
                "fighters",
                "side",
                "by",
                "something",
                "some",
                "thing",
                "afterwards",
                "after",
                "wards",
                "the",
                "and",
                "of",
                "a",
                "view",
                "one",
                "courses",
                "cooperation",
                "co-operation",
                "japanese",
                "foul",
                "up",
                "metaphorically",
                "revolution",
                "folklore",
                "lore",
                "sensation",
                "striking",
                "stroking",
            ]
            .into_iter()
            .collect(),
        )
    }

    fn run(text: &str, lex: Option<&dyn WordEvidence>) -> String {
        let cx = Context::new(text);
        let ev = Evidence {
            doc: cx.vocab(),
            lex,
        };
        let mut out = Vec::new();
        for (k, t) in tokens(text).iter().enumerate() {
            if !t.line_end_hyphen {
                continue;
            }
            let next = tokens(text)[k + 1];
            let first = &text[t.start..t.end - 1];
            if let Some(d) = decide(first, &text[next.start..next.end], &ev) {
                out.push(format!("{first}:{}:{:?}", d.keep, d.safety));
            }
        }
        out.join(" ")
    }

    #[test]
    fn decisions_with_a_lexicon() {
        let l = lex();
        let l: Option<&dyn WordEvidence> = Some(&l);
        assert_eq!(run("organi-\nsation", l), "organi:false:Safe");
        assert_eq!(run("freedom-\nfighters", l), "freedom:true:Safe");
        assert_eq!(run("anti-\nJapanese", l), "anti:true:Safe");
        assert_eq!(run("side-by-\nside", l), "side-by:true:Safe");
        assert_eq!(run("some-\nthing", l), "some:false:Safe");
        assert_eq!(run("after-\nwards", l), "after:false:Safe");
        assert_eq!(run("n-\ntridecanal", l), "n:true:Safe");
        assert_eq!(run("in 1914-\n1918", l), "");
        // Nothing known about either part: at most a suggestion.
        assert!(!run("a blorf-\nzq", l).contains("Safe"));
        assert_eq!(run("the foul and the up; a foul-\nup", l), "foul:true:Safe");
        assert_eq!(run("be-\ncometh", l), "be:false:Safe");
        assert_eq!(run("dovo-\nJution", l), "dovo:true:Suggestion");
        assert!(run("at Darling-\nhurst", l).starts_with("Darling:false"));
    }

    #[test]
    fn the_document_decides_first() {
        let l = lex();
        let l: Option<&dyn WordEvidence> = Some(&l);
        assert_eq!(run("co-operation and co-\noperation", l), "co:true:Safe");
        assert_eq!(run("cooperation and co-\noperation", l), "co:false:Safe");
    }

    #[test]
    fn document_compounds_keep_the_hyphen() {
        let t = "well-organised and well-written, then well-\njudged";
        assert_eq!(run(t, None), "well:true:Safe");
    }

    #[test]
    fn without_a_lexicon_fragments_join_by_the_patterns() {
        assert_eq!(run("organi-\nsation", None), "organi:false:Safe");
        assert_eq!(run("the hyphen-\nation", None), "hyphen:false:Safe");
    }

    #[test]
    fn rule_keeps_line_structure() {
        let r = &rules()[0];
        let t = "the organi-\nsation of anti-\nJapanese units";
        assert_eq!(
            crate::rules::fix(r.as_ref(), t),
            "the organisation\nof anti-Japanese\nunits"
        );
        // Any whitespace before the first part, even a no-break space.
        assert_eq!(
            crate::rules::fix(r.as_ref(), "a\u{a0}‘-\nf b"),
            "a\u{a0}‘-f\nb"
        );
        // Not a line end, or a blank line between: left alone.
        let t = "a well- known and organi-\n\nsation";
        assert_eq!(crate::rules::fix(r.as_ref(), t), t);
    }

    /// Runs H001 with the test lexicon.
    fn fix_with(text: &str, lex: &dyn WordEvidence) -> String {
        let cx = Context::new(text);
        let ev = Evidence {
            doc: cx.vocab(),
            lex: Some(lex),
        };
        let mut out = String::new();
        let mut pos = 0;
        for (k, t) in tokens(text).iter().enumerate() {
            if !t.line_end_hyphen {
                continue;
            }
            let next = tokens(text)[k + 1];
            let first = &text[t.start..t.end - 1];
            let second = &text[next.start..next.end];
            if let Some(word) = decide(first, second, &ev).and_then(|d| d.word) {
                out.push_str(&text[pos..t.end - 1 - first.len()]);
                out.push_str(&word);
                pos = next.end;
            }
        }
        out.push_str(&text[pos..]);
        out
    }

    #[test]
    fn misread_parts_join_into_the_one_word_they_spell() {
        let l = lex();
        assert_eq!(fix_with("metaphur-\nically", &l), "metaphorically");
        assert_eq!(fix_with("the revo-\nJution", &l), "the revolution");
        assert_eq!(fix_with("Fotk-\nlore", &l), "Folklore");
        assert_eq!(run("metaphur-\nically", Some(&l)), "metaphur:false:Safe");
        assert_eq!(fix_with("sen-\nxation", &l), "sensation");
        // A known word after a capital is a name or compound, not a misreading.
        assert_eq!(fix_with("anti-\nJapanese", &l), "anti-\nJapanese");
        // Two words equally near ("striking", "stroking"): no guess.
        assert_eq!(fix_with("strx-\nking", &l), "strx-\nking");
        // Letters are never inserted or dropped: a plural is no misreading.
        assert_eq!(fix_with("organi-\nsations", &l), "organi-\nsations");
        // Short words have too many neighbours.
        assert_eq!(fix_with("lo-\nru", &l), "lo-\nru");
    }

    #[test]
    fn a_misread_word_is_replaced_whole_by_the_rule() {
        let r = &rules()[0];
        let t = "it means metaphur-\nically to be one with it, and more words here";
        let out = crate::rules::fix(r.as_ref(), t);
        // The embedded lexicon knows the word; without it nothing is guessed.
        if lexicon().is_some() {
            assert_eq!(
                out,
                "it means metaphorically\nto be one with it, and more words here"
            );
        }
    }

    #[test]
    fn legal_breaks_from_patterns() {
        assert_eq!(legal_break("hyphenation", 6), Some(true));
        assert_eq!(legal_break("hyphenation", 1), Some(false));
    }

    #[test]
    fn legal_breaks_ignore_accents() {
        for at in 1..8 {
            let plain = legal_break("hyphenation", at);
            let accented = "hyphénation";
            let at_accented = if at > 4 { at + 1 } else { at };
            assert_eq!(legal_break(accented, at_accented), plain, "break at {at}");
        }
    }
}

//! Page furniture: running heads and feet that recur at the top or bottom of pages, and
//! bare page numbers. Only text with pages (form feeds) is examined: furniture is known by
//! its place on the page and its recurrence across pages, never by repetition alone, so a
//! refrain or repeated quotation in the body is never touched. A text of one page
//! (no form feed) loses only a bare `1` set apart at its foot (see `first_page_number`).

mod layout;

use super::lines::{ends_sentence, lines, page_starts, Line};
use super::{Context, Family, FnRule, Rule, RuleInfo};
use crate::document::{Band, LineLayout};
use crate::edit::{Edit, Safety};
use regex::Regex;
use std::ops::Range;
use std::sync::OnceLock;

/// The rules of this family.
pub fn rules() -> Vec<Box<dyn Rule>> {
    vec![
        Box::new(FnRule {
            info: RuleInfo {
                code: "F001",
                name: "running-head",
                family: Family::Furniture,
                summary: "Remove a line that recurs (exactly or nearly) at the top or bottom of pages",
                example: (
                    "My Book\n\nThe first page of the book holds some lines\nof body text, as a printed page does.\n\x0cMy Book 2\n\nThe second page goes on with more of\nthe same kind of text until its end.\n",
                    "The first page of the book holds some lines\nof body text, as a printed page does.\n\x0cThe second page goes on with more of\nthe same kind of text until its end.\n",
                ),
                default_on: true,
            },
            check: running_heads,
        }),
        Box::new(FnRule {
            info: RuleInfo {
                code: "F002",
                name: "page-number",
                family: Family::Furniture,
                summary: "Remove a bare page number (12, xii, - 12 -, Page 3 of 10) at the top or bottom of a page",
                example: (
                    "The first page of the book holds some lines\nof body text, as a printed page does.\n\n- 1 -\n\x0cThe second page goes on with more of\nthe same kind of text until its end.\n\n- 2 -\n",
                    "The first page of the book holds some lines\nof body text, as a printed page does.\n\x0cThe second page goes on with more of\nthe same kind of text until its end.\n",
                ),
                default_on: true,
            },
            check: page_numbers,
        }),
        Box::new(FnRule {
            info: RuleInfo {
                code: "F003",
                name: "stray-title",
                family: Family::Furniture,
                summary: "Suggest removing a title-like line that stands alone inside a sentence (a head OCR read out of place)",
                example: (
                    "the troops fought side by side with partisans\n\nMidwest Museums Newsletter\n\nin the hills south of Florence.",
                    "the troops fought side by side with partisans\n\nin the hills south of Florence.",
                ),
                default_on: true,
            },
            check: stray_titles,
        }),
        Box::new(FnRule {
            info: RuleInfo {
                code: "F004",
                name: "layout-head",
                family: Family::Furniture,
                summary: "Remove the running head of a PDF page that stands alone, known by its layout: the top line, at body size or smaller (a title is larger), set apart from the body (PDF input only)",
                example: (
                    "Midland Gazette, No. 4\n\nThe first line of the body of this page goes on\nand the second line goes on with more of the text\nand the last one ends the page with its full stop.\n",
                    "The first line of the body of this page goes on\nand the second line goes on with more of the text\nand the last one ends the page with its full stop.\n",
                ),
                default_on: true,
            },
            check: layout::layout_heads,
        }),
    ]
}

/// Rules that read the layout facts of PDF input: their examples hold only with facts
/// (their own tests give them), and text input never changes under them.
pub const LAYOUT_RULES: &[&str] = &["F004"];

fn page_number_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        // A number (arabic, with OCR's l/I/| for 1), a small roman numeral, or "Page N
        // (of M)", between optional dashes, bars and dots.
        let deco = r"[\s\-–—|·•=_~()\[\]]*";
        let num = r"(?:[0-9][0-9Il|]{0,3}|[Il|][0-9]{0,3})";
        let onum = r"[0-9Il|]{1,4}";
        let roman = r"(?:x{0,3}(?:ix|iv|vi{0,3}|i{1,3})|x{1,3})";
        Regex::new(&format!(
            r"(?i)^{deco}(?:(?:page|p\.?|pg\.?)\s*{onum}(?:\s*(?:of|/)\s*{onum})?|{num}|{roman}){deco}$"
        ))
        .expect("the page-number pattern is valid")
    })
}

/// True for a line that is nothing but a page number.
pub fn is_page_number(line: &str) -> bool {
    let t = line.trim();
    !t.is_empty() && t.len() <= 24 && page_number_re().is_match(t)
}

/// True for a very short line that OCR may have made of a decorated page number ("=35",
/// "Hs" for "– 1 –"): at most six visible characters and no run of four letters.
fn is_short_noise(line: &str) -> bool {
    let t: String = line.chars().filter(|c| !c.is_whitespace()).collect();
    let n = t.chars().count();
    if n == 0 || n > 6 || ends_sentence(&t) {
        return false;
    }
    let mut run = 0;
    for c in t.chars() {
        run = if c.is_alphabetic() { run + 1 } else { 0 };
        if run >= 4 {
            return false;
        }
    }
    true
}

/// Whether `text` is printed pages: two or more pages with text, averaging at least
/// `MIN_LINES_PER_PAGE` non-blank lines and `MIN_CHARS_PER_PAGE` characters. Furniture and page-break joins act only then.
pub fn paged(text: &str) -> bool {
    PageLines::new(text).pages_with_text() >= 2
}

/// Pages of fewer lines than this, on average, are not treated as printed pages.
const MIN_LINES_PER_PAGE: usize = 3;

/// Pages of fewer characters than this, on average, are not treated as printed pages.
const MIN_CHARS_PER_PAGE: usize = 80;

/// The line of a page, as furniture sees it.
struct PageLines<'a> {
    text: &'a str,
    lines: Vec<Line>,
    /// `lines[firsts[p]..firsts[p + 1]]` is page `p`.
    firsts: Vec<usize>,
}

impl<'a> PageLines<'a> {
    fn new(text: &'a str) -> Self {
        let lines = lines(text);
        let firsts = page_starts(&lines);
        PageLines {
            text,
            lines,
            firsts,
        }
    }

    fn count(&self) -> usize {
        self.firsts.len() - 1
    }

    fn range(&self, p: usize) -> Range<usize> {
        self.firsts[p]..self.firsts[p + 1]
    }

    fn nonblank(&self, p: usize) -> Vec<usize> {
        self.range(p)
            .filter(|&i| !self.lines[i].is_blank(self.text))
            .collect()
    }

    /// Pages that hold any text (a trailing empty page after a final form feed is none),
    /// or 0 when the pages are too short to be printed pages: furniture is only looked for
    /// where pages average at least `MIN_LINES_PER_PAGE` lines and
    /// `MIN_CHARS_PER_PAGE` characters.
    fn pages_with_text(&self) -> usize {
        let pages = (0..self.count())
            .filter(|&p| !self.nonblank(p).is_empty())
            .count();
        let lines = self.lines.iter().filter(|l| !l.is_blank(self.text)).count();
        let chars: usize = self
            .lines
            .iter()
            .map(|l| l.text(self.text).trim().chars().count())
            .sum();
        if lines < pages * MIN_LINES_PER_PAGE || chars < pages * MIN_CHARS_PER_PAGE {
            0
        } else {
            pages
        }
    }

    fn line(&self, i: usize) -> &'a str {
        self.lines[i].text(self.text)
    }

    /// The byte range that removes lines `first..=last` of page `p` (furniture at the top
    /// when `top`, at the bottom otherwise) together with the blank lines that separate
    /// them from the body, keeping the form feed.
    fn removal(&self, p: usize, first: usize, last: usize, top: bool) -> Range<usize> {
        let r = self.range(p);
        let last_line = &self.lines[r.end - 1];
        // Up to the form feed, or through the final line break of the text.
        let page_end = if last_line.ends_page {
            last_line.end
        } else {
            last_line.next
        };
        if top {
            let start = self.lines[r.start].start;
            let end = (last + 1..r.end)
                .find(|&i| !self.lines[i].is_blank(self.text))
                .map_or(page_end, |i| self.lines[i].start);
            start..end
        } else {
            let start = (r.start..first)
                .rev()
                .find(|&i| !self.lines[i].is_blank(self.text))
                .map_or(self.lines[r.start].start, |i| self.lines[i].next);
            start..page_end
        }
    }
}

/// Letters only, lower-cased: what two printings of one running head share.
fn key(line: &str) -> String {
    line.chars()
        .filter(|c| c.is_alphabetic())
        .flat_map(char::to_lowercase)
        .collect()
}

/// Similarity of two strings from 0 to 1 (1 − edit distance / longer length).
/// Strings whose lengths differ more than this are never similar, so the edit distance is
/// not computed for them (it is at least the length difference).
fn similarity(a: &str, b: &str) -> f32 {
    const MAX: usize = 120;
    let (mut ab, mut bb) = (['\0'; MAX], ['\0'; MAX]);
    let mut la = 0;
    for c in a.chars().take(MAX) {
        ab[la] = c;
        la += 1;
    }
    let mut lb = 0;
    for c in b.chars().take(MAX) {
        bb[lb] = c;
        lb += 1;
    }
    if la == 0 || lb == 0 {
        return 0.0;
    }
    let longer = la.max(lb) as f32;
    // The distance is at least the length difference: skip pairs that cannot be similar.
    if 1.0 - (la.abs_diff(lb) as f32) / longer < SIMILAR.min(0.5) {
        return 0.0;
    }
    1.0 - edit_distance(&ab[..la], &bb[..lb]) as f32 / longer
}

/// The Levenshtein distance between `a` (at most 128 characters) and `b`: Myers'
/// bit-parallel algorithm in Hyyrö's form for whole strings, one 128-bit column per
/// character of `b` instead of a row of cells. The running-head search compares every
/// page's edge lines with every other page's, so this cost a few percent of a run as the
/// table of cells. The same distance (a test compares it with the table).
fn edit_distance(a: &[char], b: &[char]) -> usize {
    let m = a.len();
    if m == 0 || m > 128 {
        return table_distance(a, b);
    }
    // For each character, the positions of `a` that hold it.
    let mut letters = [0u128; 26];
    let mut others: Vec<(char, u128)> = Vec::new();
    for (i, &c) in a.iter().enumerate() {
        let bit = 1u128 << i;
        if c.is_ascii_lowercase() {
            letters[usize::from(c as u8 - b'a')] |= bit;
        } else if let Some(slot) = others.iter_mut().find(|(k, _)| *k == c) {
            slot.1 |= bit;
        } else {
            others.push((c, bit));
        }
    }
    let peq = |c: char| -> u128 {
        if c.is_ascii_lowercase() {
            letters[usize::from(c as u8 - b'a')]
        } else {
            others.iter().find(|(k, _)| *k == c).map_or(0, |&(_, v)| v)
        }
    };
    let high = 1u128 << (m - 1);
    let (mut pv, mut mv, mut score) = (!0u128, 0u128, m);
    for &c in b {
        let eq = peq(c);
        let xv = eq | mv;
        let xh = ((eq & pv).wrapping_add(pv) ^ pv) | eq;
        let ph = mv | !(xh | pv);
        let mh = pv & xh;
        if ph & high != 0 {
            score += 1;
        } else if mh & high != 0 {
            score = score.saturating_sub(1);
        }
        // The first row of the table counts up by one per character of `b`.
        let ph = (ph << 1) | 1;
        let mh = mh << 1;
        pv = mh | !(xv | ph);
        mv = ph & xv;
    }
    score
}

/// The Levenshtein distance by the table of cells, two rows at a time.
fn table_distance(a: &[char], b: &[char]) -> usize {
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    let mut cur = vec![0usize; b.len() + 1];
    for (i, ca) in a.iter().enumerate() {
        cur[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            cur[j + 1] = (prev[j + 1] + 1)
                .min(cur[j] + 1)
                .min(prev[j] + usize::from(ca != cb));
        }
        std::mem::swap(&mut prev, &mut cur);
    }
    prev[b.len()]
}

const SIMILAR: f32 = 0.6;

/// Candidate furniture at one end of a page: the key of its first (or first two) lines.
struct Candidate {
    page: usize,
    /// Line indices (1 or 2) from the page edge inward.
    lines: Vec<usize>,
    key: String,
    /// Key of the two edge lines joined, when the head was broken over two lines.
    key2: Option<(usize, String)>,
}

fn candidates(pl: &PageLines<'_>, top: bool) -> Vec<Candidate> {
    let mut out = Vec::new();
    for p in 0..pl.count() {
        // A page of one line (a blank page with its head or number) counts too.
        let nb = pl.nonblank(p);
        if nb.is_empty() {
            continue;
        }
        let (a, b) = if top {
            (nb[0], nb[1.min(nb.len() - 1)])
        } else {
            (nb[nb.len() - 1], nb[nb.len().saturating_sub(2)])
        };
        let la = pl.line(a);
        let lb = pl.line(b);
        let key2 = (lb.trim().chars().count() <= 40 && nb.len() >= 2).then(|| {
            let joined = if top {
                format!("{la} {lb}")
            } else {
                format!("{lb} {la}")
            };
            (b, key(&joined))
        });
        out.push(Candidate {
            page: p,
            lines: vec![a],
            key: key(la),
            key2,
        });
    }
    out
}

/// Typical body line length (median of non-blank lines), in characters.
fn median_line_len(pl: &PageLines<'_>) -> usize {
    let mut lens: Vec<usize> = pl
        .lines
        .iter()
        .filter(|l| !l.is_blank(pl.text))
        .map(|l| l.text(pl.text).trim().chars().count())
        .collect();
    if lens.is_empty() {
        return 0;
    }
    lens.sort_unstable();
    lens[lens.len() / 2]
}

fn running_heads(info: &RuleInfo, cx: &Context<'_>, out: &mut Vec<Edit>) {
    let pl = PageLines::new(cx.text);
    let pages = pl.pages_with_text();
    if pages < 2 {
        return;
    }
    let median = median_line_len(&pl);
    let facts = |i: usize| cx.line_layout(pl.lines[i].start..pl.lines[i].end);
    let strays: Vec<(usize, String)> = stray_candidates(&pl)
        .into_iter()
        .filter(|&(_, i)| !inside_body(facts(i)))
        .map(|(p, i)| (p, key(pl.line(i))))
        .collect();
    // Keys of the heads and feet removed with confidence, to find them inside pages too.
    let mut found: Vec<String> = Vec::new();
    // Lines already taken as heads or feet.
    let mut taken: Vec<usize> = Vec::new();
    for top in [true, false] {
        let cands = candidates(&pl, top);
        for c in &cands {
            if c.key.chars().count() < 3 && c.key2.is_none() {
                continue;
            }
            // Support: other pages whose edge line (or two lines) is similar.
            let matches = |k: &str| -> (usize, f32) {
                let mut n = 0;
                let mut best = 0.0f32;
                let alike = |o: &&Candidate| printed_alike(facts(c.lines[0]), facts(o.lines[0]));
                for o in cands.iter().filter(|o| o.page != c.page).filter(alike) {
                    let s = similarity(k, &o.key)
                        .max(o.key2.as_ref().map_or(0.0, |(_, k2)| similarity(k, k2)));
                    if s >= SIMILAR {
                        n += 1;
                    }
                    best = best.max(s);
                }
                // A page whose head reading order put inside the page supports it too.
                for (_, sk) in strays.iter().filter(|(sp, _)| *sp != c.page) {
                    let s = similarity(k, sk);
                    if s >= 0.7 && k.chars().count() >= 5 {
                        n += 1;
                        best = best.max(s);
                    }
                }
                (n, best)
            };
            let (mut lines_used, mut support, mut best) = (c.lines.clone(), 0, 0.0);
            if c.key.chars().count() >= 3 {
                (support, best) = matches(&c.key);
            }
            if support == 0 {
                if let Some((b, k2)) = c.key2.as_ref().filter(|(_, k)| k.chars().count() >= 3) {
                    let (n, s) = matches(k2);
                    if n > 0 {
                        lines_used.push(*b);
                        (support, best) = (n, s);
                    }
                }
            }
            if support == 0 {
                continue;
            }
            let edge = lines_used[0];
            let inner = *lines_used.last().unwrap_or(&edge);
            let shown = pl.line(edge).trim();
            let len = shown.chars().count();
            let short = median == 0 || len * 10 <= median * 8;
            let set_apart = {
                let r = pl.range(c.page);
                let neighbour = if top {
                    inner + 1
                } else {
                    inner.wrapping_sub(1)
                };
                r.contains(&neighbour) && pl.lines[neighbour].is_blank(pl.text)
            };
            // A line that ends a sentence may be a refrain: never removed without review.
            // Heads are short or set apart from the body by a blank line.
            let strong =
                !ends_sentence(shown) && (short || set_apart) && (support >= 2 || best >= 0.8);
            let (first, last) = if top { (edge, inner) } else { (inner, edge) };
            if strong {
                found.push(key(&lines_used
                    .iter()
                    .map(|&i| pl.line(i))
                    .collect::<Vec<_>>()
                    .join(" ")));
            }
            taken.extend(first.min(last)..=first.max(last));
            let range = pl.removal(c.page, first, last, top);
            let place = if top { "top" } else { "foot" };
            out.push(Edit::new(
                range,
                "",
                info.code,
                if strong { 0.95 } else { 0.6 },
                if strong {
                    Safety::Safe
                } else {
                    Safety::Suggestion
                },
                format!(
                    "running {}: '{}' at the {place} of page {} recurs at the {place} of {} other page(s)",
                    if top { "head" } else { "foot" },
                    shown,
                    c.page + 1,
                    support
                ),
            ));
        }
    }
    stray_heads(info, cx, &pl, &found, &taken, out);
}

/// Two printings of one running head are set alike: when the input gives layout facts
/// (PDF), their sizes differ by at most this factor (a chapter title set large at the top
/// of one page is no printing of the small head at the top of the others).
const ALIKE_SIZE: f32 = 1.15;

/// Whether two lines may be printings of one head by their layout: true without facts
/// (text input), else when their sizes are alike.
fn printed_alike(a: Option<&LineLayout>, b: Option<&LineLayout>) -> bool {
    match (a, b) {
        (Some(a), Some(b)) => {
            let (hi, lo) = (a.size.max(b.size), a.size.min(b.size));
            lo > 0.0 && hi <= ALIKE_SIZE * lo
        }
        _ => true,
    }
}

/// Whether the layout facts place a line inside the page, with text above and below it:
/// then it is no running head that reading order put out of place (a section heading
/// that reads like the head of its pages, `1.1 Topological Spaces` under
/// `1.1. TOPOLOGICAL SPACES`).
fn inside_body(f: Option<&LineLayout>) -> bool {
    f.is_some_and(|f| f.band == Band::Body)
}

/// True for a short line that looks like a title: two to twelve words, the first and
/// every word of four letters or more capitalised, no closing full stop.
fn title_like(line: &str) -> bool {
    let words: Vec<&str> = line.split_whitespace().collect();
    if !(2..=12).contains(&words.len()) || line.trim_end().ends_with('.') {
        return false;
    }
    let cap = |w: &str| {
        w.trim_start_matches(|c: char| !c.is_alphanumeric())
            .chars()
            .next()
            .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
    };
    cap(words[0])
        && words
            .iter()
            .filter(|w| w.chars().filter(|c| c.is_alphabetic()).count() >= 4)
            .all(|w| cap(w))
}

fn stray_titles(info: &RuleInfo, cx: &Context<'_>, out: &mut Vec<Edit>) {
    let text = cx.text;
    let ls = lines(text);
    let nonblank: Vec<usize> = (0..ls.len()).filter(|&i| !ls[i].is_blank(text)).collect();
    for w in nonblank.windows(3) {
        let (before, i, after) = (w[0], w[1], w[2]);
        let between_blank = |a: usize, b: usize| a + 1 < b && ls[a..b].iter().all(|l| !l.ends_page);
        if !between_blank(before, i) || !between_blank(i, after) {
            continue;
        }
        let (prev, line, next) = (
            ls[before].text(text),
            ls[i].text(text),
            ls[after].text(text),
        );
        let prev_open = !ends_sentence(prev)
            && prev
                .trim_end()
                .chars()
                .last()
                .is_some_and(|c| c.is_alphabetic() || c == ',');
        let next_lower = super::lines::first_letter(next).is_some_and(char::is_lowercase);
        if !(prev_open && next_lower && title_like(line)) {
            continue;
        }
        out.push(Edit::new(
            ls[i].start..ls[after].start,
            "",
            info.code,
            0.5,
            Safety::Suggestion,
            format!(
                "'{}' looks like a title and stands alone inside a sentence: perhaps a running head read out of place",
                line.trim()
            ),
        ));
    }
}

/// A running head that OCR or PDF reading order put in the middle of a page (two-column
/// pages put it between the columns): a line set apart by a blank line, inside a sentence,
/// like a head found at the top or bottom of other pages.
fn stray_heads(
    info: &RuleInfo,
    cx: &Context<'_>,
    pl: &PageLines<'_>,
    heads: &[String],
    taken: &[usize],
    out: &mut Vec<Edit>,
) {
    if heads.is_empty() {
        return;
    }
    for (p, i) in stray_candidates(pl) {
        let k = key(pl.line(i));
        if taken.contains(&i)
            || !heads.iter().any(|h| similarity(&k, h) >= 0.7)
            || inside_body(cx.line_layout(pl.lines[i].start..pl.lines[i].end))
        {
            continue;
        }
        let nb = pl.nonblank(p);
        let Some(at) = nb.iter().position(|&j| j == i) else {
            continue;
        };
        let (before, after) = (nb[at - 1], nb[at + 1]);
        let range = if i + 1 < after {
            pl.lines[i].start..pl.lines[after].start
        } else {
            pl.lines[before].next..pl.lines[i].next
        };
        out.push(Edit::new(
            range,
            "",
            info.code,
            0.85,
            Safety::Safe,
            format!(
                "running head '{}' inside page {}: it interrupts a sentence and matches the head of other pages",
                pl.line(i).trim(),
                p + 1
            ),
        ));
    }
}

/// Lines inside a page that may be a running head out of place: set apart by a blank line
/// on one side at least, after a line that does not end a sentence (a chapter heading that
/// reads like the head follows a finished sentence), with five letters or more.
fn stray_candidates(pl: &PageLines<'_>) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    for p in 0..pl.count() {
        let nb = pl.nonblank(p);
        for w in nb.windows(3) {
            let (before, i, after) = (w[0], w[1], w[2]);
            if (before + 1 < i || i + 1 < after)
                && !ends_sentence(pl.line(before))
                && key(pl.line(i)).chars().count() >= 5
            {
                out.push((p, i));
            }
        }
    }
    out
}

/// A one-page text longer than this many characters is no single printed page.
const ONE_PAGE_MAX_CHARS: usize = 12_000;

/// True for a page number that says 1: `1`, `- 1 -`, `(1)`, `Page 1`, `Page 1 of 1`.
fn says_one(line: &str) -> bool {
    if !is_page_number(line) {
        return false;
    }
    let t = line.trim().to_lowercase();
    let t = t.strip_prefix("page").unwrap_or(&t);
    let t = t.strip_suffix("of 1").unwrap_or(t);
    let digits: String = t.chars().filter(|c| !c.is_whitespace()).collect();
    digits.trim_matches(|c: char| !c.is_alphanumeric()) == "1"
}

/// The foot of the only page of a one-page text: its last line, when that is a bare page
/// number 1 (nothing else can number the only page) set apart from the body by a blank
/// line, on a page of printed size (three lines and 80 characters or more, at most
/// `ONE_PAGE_MAX_CHARS`). Recurrence cannot help on one page, so this is the only page
/// number a text without form feeds loses: a PDF page read alone ends this way, and no
/// other line of text stands alone as `1` at the very end. A number at the top (a
/// heading's number) and any other number (a count, a total) stay.
fn first_page_number(pl: &PageLines<'_>) -> Option<(usize, usize)> {
    if pl.pages_with_text() != 1 || pl.text.chars().count() > ONE_PAGE_MAX_CHARS {
        return None;
    }
    let p = (0..pl.count()).find(|&p| !pl.nonblank(p).is_empty())?;
    if p != 0 {
        return None;
    }
    let nb = pl.nonblank(p);
    let (&last, &body_end) = (nb.last()?, nb.get(nb.len().checked_sub(2)?)?);
    let set_apart = last > body_end + 1;
    (set_apart && says_one(pl.line(last)) && !furniture_like_number(pl.line(body_end)))
        .then_some((p, last))
}

/// A line that is a number too: then the `1` below it is one of a column of figures.
fn furniture_like_number(line: &str) -> bool {
    is_page_number(line) || line.trim().chars().all(|c| c.is_ascii_digit() || c == '.')
}

fn page_numbers(info: &RuleInfo, cx: &Context<'_>, out: &mut Vec<Edit>) {
    let pl = PageLines::new(cx.text);
    let pages = pl.pages_with_text();
    if pages < 2 {
        if let Some((p, i)) = first_page_number(&pl) {
            out.push(Edit::new(
                pl.removal(p, i, i, false),
                "",
                info.code,
                0.9,
                Safety::Safe,
                format!(
                    "page number '{}' alone at the foot of the only page, set apart by a blank line",
                    pl.line(i).trim()
                ),
            ));
        }
        return;
    }
    let furniture_like = |line: &str| is_page_number(line) || is_short_noise(line);
    // How many page ends carry a page number or page-number-like noise.
    let numbered = |top: bool| -> usize {
        (0..pl.count())
            .filter(|&p| {
                let nb = pl.nonblank(p);
                let edge = if top { nb.first() } else { nb.last() };
                edge.is_some_and(|&i| furniture_like(pl.line(i)))
            })
            .count()
    };
    for top in [true, false] {
        let periodic = numbered(top);
        let place = if top { "top" } else { "foot" };
        for p in 0..pl.count() {
            let nb = pl.nonblank(p);
            // The run of number-like lines from the page edge inward (a running head above
            // a number was removed before, by F001).
            let from_edge: Vec<usize> = if top {
                nb.clone()
            } else {
                nb.iter().rev().copied().collect()
            };
            let r = pl.range(p);
            let inward_blank = |i: usize| {
                let n = if top { i + 1 } else { i.wrapping_sub(1) };
                r.contains(&n) && pl.lines[n].is_blank(pl.text)
            };
            // The edge line, then more lines only while each is set apart from the body.
            let mut run: Vec<usize> = Vec::new();
            for i in from_edge {
                if !furniture_like(pl.line(i)) || (!run.is_empty() && !inward_blank(i)) {
                    break;
                }
                run.push(i);
            }
            let (Some(&edge), Some(&inner)) = (run.first(), run.last()) else {
                continue;
            };
            let mut strong = true;
            let mut shown = Vec::new();
            let mut any_number = false;
            for &i in &run {
                let line = pl.line(i);
                let number = is_page_number(line);
                any_number |= number;
                let set_apart = inward_blank(i);
                // A number set apart by a blank line, or one of several numbered page ends;
                // noise only when set apart and several pages have some.
                strong &= if number {
                    set_apart || periodic >= 2
                } else {
                    set_apart && periodic >= 2
                };
                shown.push(line.trim().to_string());
            }
            let why = if any_number && run.len() == 1 {
                format!(
                    "page number '{}' alone on a line at the {place} of page {}",
                    shown.join(" / "),
                    p + 1
                )
            } else {
                format!(
                    "'{}' at the {place} of page {} looks like an OCR'd page number: {} of {} pages have one there",
                    shown.join(" / "),
                    p + 1,
                    periodic,
                    pages
                )
            };
            let (first, last) = if top { (edge, inner) } else { (inner, edge) };
            out.push(Edit::new(
                pl.removal(p, first, last, top),
                "",
                info.code,
                if strong { 0.9 } else { 0.5 },
                if strong {
                    Safety::Safe
                } else {
                    Safety::Suggestion
                },
                why,
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The bit-parallel distance is the table's, on random strings of up to 120
    /// characters over small alphabets (many matches) with letters outside a–z.
    #[test]
    fn edit_distance_is_the_tables() {
        let alphabet: Vec<char> = "abcdezéü1 ".chars().collect();
        let mut seed = 0x2545_f491_4f6c_dd1du64;
        let mut next = |n: usize| {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            (seed % n as u64) as usize
        };
        for round in 0..3000 {
            let k = 1 + round % alphabet.len();
            let la = next(121);
            let lb = if round % 3 == 0 { la } else { next(121) };
            let a: Vec<char> = (0..la).map(|_| alphabet[next(k)]).collect();
            let mut b: Vec<char> = (0..lb).map(|_| alphabet[next(k)]).collect();
            if round % 5 == 0 {
                // A near copy: a few characters changed.
                b = a.clone();
                for _ in 0..next(4) {
                    if !b.is_empty() {
                        let at = next(b.len());
                        b[at] = alphabet[next(alphabet.len())];
                    }
                }
            }
            assert_eq!(edit_distance(&a, &b), table_distance(&a, &b), "{a:?} {b:?}");
        }
        let long: Vec<char> = "x".repeat(130).chars().collect();
        assert_eq!(edit_distance(&long, &['x']), 129);
    }

    fn both(text: &str) -> String {
        let mut edits = Vec::new();
        let cx = Context::new(text);
        for r in rules() {
            r.check(&cx, &mut edits);
        }
        edits.retain(|e| e.safety == Safety::Safe);
        crate::edit::apply(text, &crate::edit::resolve_conflicts(edits))
    }

    #[test]
    fn page_number_shapes() {
        for s in [
            "12",
            "- 12 -",
            "xii",
            "Page 3 of 10",
            "12 |",
            "— 7 —",
            "Page |",
            "p. 4",
            "(12)",
            "i)",
        ] {
            assert!(is_page_number(s), "{s}: {:?}", page_number_re().as_str());
        }
        for s in ["12.", "In 1953", "Chapter", "1953 was a year", "mix"] {
            assert!(!is_page_number(s), "{s}");
        }
    }

    /// Three lines of body text for page `n`, different on every page.
    fn body(n: usize) -> String {
        let words = ["first", "second", "third", "fourth", "fifth"];
        format!(
            "The {} page of this book holds a line of text\nand a second one, as pages do,\nand then it ends with another, {} line.\n",
            words[n % 5],
            ["short", "longer", "plain", "final", "odd"][n % 5]
        )
    }

    #[test]
    fn the_only_page_loses_a_bare_one_at_its_foot() {
        let page = body(0);
        for foot in ["1", "- 1 -", "Page 1", "Page 1 of 1", "(1)"] {
            let t = format!("{page}\n{foot}\n");
            assert_eq!(both(&t), page, "{foot}");
        }
        // The one page as pdftotext writes it, ended by a form feed.
        assert_eq!(both(&format!("{page}\n1\n\x0c")), format!("{page}\x0c"));
        // Not set apart, not 1, not at the foot, or a column of figures: kept.
        for t in [
            format!("{page}1\n"),
            format!("{page}\n2\n"),
            format!("1\n\n{page}"),
            format!("{page}\n7\n\n1\n"),
            format!("{page}\nI\n"),
        ] {
            assert_eq!(both(&t), t);
        }
        // Too short to be a printed page.
        let t = "A line.\n\n1\n";
        assert_eq!(both(t), t);
    }

    #[test]
    fn removes_heads_with_noise_and_numbers() {
        let t = format!(
            "The Book of Things\n\n{}\x0cThe Bo0k of Thing5 2\n\n{}\x0cBook of Things\n\n{}",
            body(0),
            body(1),
            body(2)
        );
        assert_eq!(PageLines::new(&t).pages_with_text(), 3);
        assert_eq!(
            both(&t),
            format!("{}\x0c{}\x0c{}", body(0), body(1), body(2))
        );
    }

    #[test]
    fn alternating_heads_and_split_head() {
        let t = format!(
            "Left Head\n\n{}\x0cRight Head\n\n{}\x0cLeft Head\n\n{}\x0cRight\n\nHead\n\n{}",
            body(0),
            body(1),
            body(2),
            body(3)
        );
        assert_eq!(
            both(&t),
            format!("{}\x0c{}\x0c{}\x0c{}", body(0), body(1), body(2), body(3))
        );
    }

    #[test]
    fn a_head_inside_a_page_goes_too() {
        let page = |middle: &str| {
            format!(
                "The Book of Things\n\n{}\x0cThe Book of Things\n\n{}{middle}\x0cThe Book of Things\n\n{}",
                body(0),
                body(1),
                body(2)
            )
        };
        // Inside a sentence, after or before a blank line: a head out of place.
        let t = page("and so the sentence goes on\n\nThe Book of Thngs\n\nacross it.\n");
        let want = format!(
            "{}\x0c{}and so the sentence goes on\n\nacross it.\n\x0c{}",
            body(0),
            body(1),
            body(2)
        );
        assert_eq!(both(&t), want);
        let t = page("and so the sentence goes on\nThe Book of Things\n\nacross it.\n");
        assert!(both(&t).contains("goes on\nacross it."), "{}", both(&t));
        // After a finished sentence it may be a chapter heading: kept.
        let t = page("The sentence ends.\n\nThe Book of Things\n\nA new one.\n");
        assert!(both(&t).contains("\nThe Book of Things\n"), "{}", both(&t));
    }

    #[test]
    fn body_repetition_is_not_furniture() {
        // The same refrain in the middle of pages, and a text without pages.
        let t = format!(
            "{}Refrain here\n{}\x0c{}Refrain here\n{}",
            body(0),
            body(1),
            body(2),
            body(3)
        );
        assert_eq!(both(&t), t);
        let one = "Title\n\nbody\nTitle\n\n12\n";
        assert_eq!(both(one), one);
        // Pages too short to be printed pages are left alone.
        let tiny = "Head\n\na b\nc\n\x0cHead\n\nd e\nf\n";
        assert_eq!(both(tiny), tiny);
    }

    #[test]
    fn footer_noise_needs_periodic_support() {
        let t = format!(
            "{}\n=35\n\x0c{}\nHs\n\x0c{}\nass\n",
            body(0),
            body(1),
            body(2)
        );
        assert_eq!(
            both(&t),
            format!("{}\x0c{}\x0c{}", body(0), body(1), body(2))
        );
        // One short line on one of three pages is only a suggestion.
        let t = format!("{}\nok\n\x0c{}\x0c{}", body(0), body(1), body(2));
        assert_eq!(both(&t), t);
        let r = &rules()[1];
        let e = crate::rules::run_rule(r.as_ref(), &t);
        assert!(!e.is_empty() && e.iter().all(|e| e.safety == Safety::Suggestion));
    }

    /// Layout facts for every non-blank line of `text`: body size, one line spacing apart,
    /// the first line of a page on its top band, the last on its bottom band.
    fn facts_for(text: &str) -> Vec<LineLayout> {
        let pl = PageLines::new(text);
        let mut out = Vec::new();
        for p in 0..pl.count() {
            let nb = pl.nonblank(p);
            for (k, &i) in nb.iter().enumerate() {
                let l = &pl.lines[i];
                let band = if k == 0 {
                    Band::Top
                } else if k + 1 == nb.len() {
                    Band::Bottom
                } else {
                    Band::Body
                };
                out.push(LineLayout {
                    range: l.start..l.end,
                    size: 1.0,
                    gap_above: Some(1.0),
                    gap_below: Some(1.0),
                    band,
                    spans_columns: false,
                    centred: false,
                });
            }
        }
        out
    }

    fn safe_with_layout(text: &str, layout: Vec<LineLayout>) -> String {
        let cx = Context::new(text).with_layout(layout);
        let mut edits = Vec::new();
        rules()[0].check(&cx, &mut edits);
        edits.retain(|e| e.safety == Safety::Safe);
        crate::edit::apply(text, &crate::edit::resolve_conflicts(edits))
    }

    #[test]
    fn layout_keeps_a_heading_that_reads_like_the_head() {
        // A section heading inside page 2 reads like the head of the pages; in text it is
        // taken for a head out of place, but the PDF shows it set larger inside the page.
        let t = format!(
            "The Book of Things\n\n{}\x0cThe Book of Things\n\n{}and so the sentence goes on\n\nThe Book of Things\n\nacross it.\n\x0cThe Book of Things\n\n{}",
            body(0),
            body(1),
            body(2)
        );
        let plain = safe_with_layout(&t, Vec::new());
        assert!(!plain.contains("Things"), "{plain}");
        // The heading is set larger, with text above and below it.
        let pl = PageLines::new(&t);
        let inside = pl.nonblank(1)[5];
        assert_eq!(pl.line(inside), "The Book of Things");
        let mut layout = facts_for(&t);
        for f in &mut layout {
            if f.range.start == pl.lines[inside].start {
                f.size = 1.3;
                f.band = Band::Body;
            }
        }
        let out = safe_with_layout(&t, layout);
        assert_eq!(out.matches("The Book of Things").count(), 1, "{out}");
        assert!(
            out.contains("goes on\n\nThe Book of Things\n\nacross it."),
            "{out}"
        );
    }

    #[test]
    fn layout_keeps_a_title_set_larger_at_the_top_of_a_page() {
        // A chapter title at the top of page 2 reads like the small head of pages 1 and 3.
        let t = format!(
            "Things\n\n{}\x0cThings\n\n{}\x0cThings\n\n{}",
            body(0),
            body(1),
            body(2)
        );
        let pl = PageLines::new(&t);
        let title = pl.nonblank(1)[0];
        let mut layout = facts_for(&t);
        for f in &mut layout {
            f.size = if f.range.start == pl.lines[title].start {
                1.9
            } else if pl.text[f.range.clone()].starts_with("Things") {
                0.9
            } else {
                1.0
            };
        }
        let out = safe_with_layout(&t, layout);
        assert_eq!(
            out,
            format!("{}\x0cThings\n\n{}\x0c{}", body(0), body(1), body(2))
        );
        // Without layout all three go.
        assert_eq!(
            safe_with_layout(&t, Vec::new()),
            format!("{}\x0c{}\x0c{}", body(0), body(1), body(2))
        );
    }
}

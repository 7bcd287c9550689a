//! Page furniture: running heads and feet that recur at the top or bottom of pages, and
//! bare page numbers. Only text with pages (form feeds) is examined: furniture is known by
//! its place on the page and its recurrence across pages, never by repetition alone, so a
//! refrain or repeated quotation in the body is never touched.

use super::lines::{ends_sentence, lines, page_starts, Line};
use super::{Context, Family, FnRule, Rule, RuleInfo};
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
                    "My Book\n\nFirst page text\n\x0cMy Book 2\n\nsecond page\n\x0cMy B0ok\n\nthird",
                    "First page text\n\x0csecond page\n\x0cthird",
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
                example: ("text of page one\n\n- 1 -\n\x0cmore text\n\n- 2 -\n", "text of page one\n\x0cmore text\n"),
                default_on: true,
            },
            check: page_numbers,
        }),
    ]
}

/// How many lines at each end of a page may be furniture.
const MAX_LINES_PER_END: usize = 2;

fn page_number_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        // A number (arabic, with OCR's l/I/| for 1), a small roman numeral, or "Page N
        // (of M)", between optional dashes, bars and dots.
        let deco = r"[\s\-–—|·•=_~]*";
        let num = r"(?:[0-9][0-9Il|]{0,3}|[Il|][0-9]{1,3})";
        let onum = r"[0-9Il|]{1,4}";
        let roman = r"(?:x{0,3}(?:ix|iv|v?i{0,3}))";
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

    /// Pages that hold any text (a trailing empty page after a final form feed is none).
    fn pages_with_text(&self) -> usize {
        (0..self.count())
            .filter(|&p| !self.nonblank(p).is_empty())
            .count()
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
fn similarity(a: &str, b: &str) -> f32 {
    let a: Vec<char> = a.chars().take(120).collect();
    let b: Vec<char> = b.chars().take(120).collect();
    if a.is_empty() || b.is_empty() {
        return 0.0;
    }
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.iter().enumerate() {
        let mut cur = vec![i + 1];
        for (j, cb) in b.iter().enumerate() {
            let v = (prev[j + 1] + 1)
                .min(cur[j] + 1)
                .min(prev[j] + usize::from(ca != cb));
            cur.push(v);
        }
        prev = cur;
    }
    1.0 - prev[b.len()] as f32 / a.len().max(b.len()) as f32
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
        let nb = pl.nonblank(p);
        if nb.len() < 2 {
            continue;
        }
        let (a, b) = if top {
            (nb[0], nb[1])
        } else {
            (nb[nb.len() - 1], nb[nb.len() - 2])
        };
        let la = pl.line(a);
        let lb = pl.line(b);
        let key2 = (lb.trim().chars().count() <= 40 && nb.len() > 2).then(|| {
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
                for o in cands.iter().filter(|o| o.page != c.page) {
                    let s = similarity(k, &o.key)
                        .max(o.key2.as_ref().map_or(0.0, |(_, k2)| similarity(k, k2)));
                    if s >= SIMILAR {
                        n += 1;
                    }
                    best = best.max(s);
                }
                (n, best)
            };
            let (mut lines_used, mut support, mut best) = (c.lines.clone(), 0, 0.0);
            if c.key.chars().count() >= 3 {
                (support, best) = matches(&c.key);
            }
            if support == 0 {
                if let Some((b, k2)) = &c.key2 {
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
            let strong =
                !ends_sentence(shown) && (support >= 2 || (best >= 0.8 && (short || set_apart)));
            let (first, last) = if top { (edge, inner) } else { (inner, edge) };
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
}

fn page_numbers(info: &RuleInfo, cx: &Context<'_>, out: &mut Vec<Edit>) {
    let pl = PageLines::new(cx.text);
    let pages = pl.pages_with_text();
    if pages < 2 {
        return;
    }
    // How many page ends carry a page number or page-number-like noise.
    let numbered = |top: bool| -> usize {
        (0..pl.count())
            .filter(|&p| {
                let nb = pl.nonblank(p);
                let edge = if top { nb.first() } else { nb.last() };
                nb.len() >= 2
                    && edge
                        .is_some_and(|&i| is_page_number(pl.line(i)) || is_short_noise(pl.line(i)))
            })
            .count()
    };
    for top in [true, false] {
        let periodic = numbered(top);
        for p in 0..pl.count() {
            let nb = pl.nonblank(p);
            if nb.len() < 2 {
                continue;
            }
            for k in 0..MAX_LINES_PER_END.min(nb.len() - 1) {
                let i = if top { nb[k] } else { nb[nb.len() - 1 - k] };
                let line = pl.line(i);
                let number = is_page_number(line);
                let noise = !number && is_short_noise(line);
                if !number && !noise {
                    continue;
                }
                let place = if top { "top" } else { "foot" };
                let set_apart = {
                    let r = pl.range(p);
                    let n = if top { i + 1 } else { i.wrapping_sub(1) };
                    r.contains(&n) && pl.lines[n].is_blank(pl.text)
                };
                let (safety, conf, why) = if number {
                    (
                        Safety::Safe,
                        0.95,
                        format!(
                            "page number '{}' alone on a line at the {place} of page {}",
                            line.trim(),
                            p + 1
                        ),
                    )
                } else {
                    let strong = set_apart && periodic * 2 >= pages && periodic >= 2;
                    (
                        if strong {
                            Safety::Safe
                        } else {
                            Safety::Suggestion
                        },
                        if strong { 0.85 } else { 0.5 },
                        format!(
                            "'{}' at the {place} of page {} looks like an OCR'd page number: {} of {} pages have one there",
                            line.trim(),
                            p + 1,
                            periodic,
                            pages
                        ),
                    )
                };
                out.push(Edit::new(
                    pl.removal(p, i, i, top),
                    "",
                    info.code,
                    conf,
                    safety,
                    why,
                ));
                break;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
        ] {
            assert!(is_page_number(s), "{s}: {:?}", page_number_re().as_str());
        }
        for s in ["12.", "In 1953", "Chapter", "1953 was a year", "mix"] {
            assert!(!is_page_number(s), "{s}");
        }
    }

    #[test]
    fn removes_heads_with_noise_and_numbers() {
        let t = "The Book of Things\n\nfirst page body line\nmore body\n\x0c\
                 The Bo0k of Thing5 2\n\nsecond page body\nmore\n\x0c\
                 Book of Things\n\nthird page body\nend";
        assert_eq!(
            both(t),
            "first page body line\nmore body\n\x0csecond page body\nmore\n\x0cthird page body\nend"
        );
    }

    #[test]
    fn alternating_heads_and_split_head() {
        let t = "Left Head\n\nbody one\n\x0cRight Head\n\nbody two\n\x0c\
                 Left Head\n\nbody three\n\x0cRight\n\nHead\n\nbody four";
        assert_eq!(
            both(t),
            "body one\n\x0cbody two\n\x0cbody three\n\x0cbody four"
        );
    }

    #[test]
    fn body_repetition_is_not_furniture() {
        // The same refrain in the middle of pages, and a text without pages.
        let t = "a line\nRefrain here\nother\n\x0cb line\nRefrain here\nmore";
        assert_eq!(both(t), t);
        let one = "Title\n\nbody\nTitle\n\n12\n";
        assert_eq!(both(one), one);
    }

    #[test]
    fn footer_noise_needs_periodic_support() {
        let t = "body one line\n\n=35\n\x0cbody two\n\nHs\n\x0cbody three\n\nass\n";
        assert_eq!(both(t), "body one line\n\x0cbody two\n\x0cbody three\n");
        // One short line on one of three pages is only a suggestion.
        let t = "body one\n\nok\n\x0cbody two\nend.\n\x0cbody three\nend.\n";
        assert_eq!(both(t), t);
        let r = &rules()[1];
        let e = crate::rules::run_rule(r.as_ref(), t);
        assert!(e.iter().all(|e| e.safety == Safety::Suggestion));
    }
}

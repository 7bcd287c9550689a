//! Word tokens of a text for the confusion rules: runs of letters and digits, with
//! apostrophes inside a word kept ("don't", "Korea’s"). The scan is byte-wise for ASCII,
//! so tokenising costs little next to the rules.

use std::ops::Range;

/// One word token.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Token<'a> {
    /// Byte range in the text.
    pub range: Range<usize>,
    /// The token's text.
    pub text: &'a str,
}

/// The character at byte `i` and its length, or `None` at the end.
fn char_at(text: &str, i: usize) -> Option<(char, usize)> {
    let b = *text.as_bytes().get(i)?;
    if b < 0x80 {
        return Some((b as char, 1));
    }
    text[i..].chars().next().map(|c| (c, c.len_utf8()))
}

fn is_apostrophe(c: char) -> bool {
    c == '\'' || c == '’'
}

/// An iterator over the word tokens of a text.
#[derive(Clone)]
pub struct Tokens<'a> {
    text: &'a str,
    pos: usize,
}

impl<'a> Iterator for Tokens<'a> {
    type Item = Token<'a>;

    fn next(&mut self) -> Option<Token<'a>> {
        let text = self.text;
        let bytes = text.as_bytes();
        // Skip to the start of a word; ASCII bytes are classified without decoding.
        let start = loop {
            let b = *bytes.get(self.pos)?;
            if b < 0x80 {
                if b.is_ascii_alphanumeric() {
                    break self.pos;
                }
                self.pos += 1;
                continue;
            }
            let (c, len) = char_at(text, self.pos)?;
            if c.is_alphanumeric() {
                break self.pos;
            }
            self.pos += len;
        };
        let mut end = start;
        // Runs of ASCII letters and digits, the common case, byte by byte.
        while bytes.get(end).is_some_and(u8::is_ascii_alphanumeric) {
            end += 1;
        }
        while let Some((c, len)) = char_at(text, end) {
            let inside = c.is_alphanumeric()
                || (is_apostrophe(c)
                    && char_at(text, end + len).is_some_and(|(n, _)| n.is_alphanumeric()));
            if !inside {
                break;
            }
            end += len;
            while bytes.get(end).is_some_and(u8::is_ascii_alphanumeric) {
                end += 1;
            }
        }
        self.pos = end;
        Some(Token {
            range: start..end,
            text: &text[start..end],
        })
    }
}

/// Iterate over the word tokens of `text`, in order.
pub fn iter(text: &str) -> Tokens<'_> {
    Tokens { text, pos: 0 }
}

/// Each token of `text` with the one before and the one after it.
pub fn windows(
    text: &str,
) -> impl Iterator<Item = (Option<Token<'_>>, Token<'_>, Option<Token<'_>>)> {
    windows_of(iter(text))
}

/// Each token of `tokens` with the one before and the one after it.
pub fn windows_of<'a>(
    tokens: impl Iterator<Item = Token<'a>>,
) -> impl Iterator<Item = (Option<Token<'a>>, Token<'a>, Option<Token<'a>>)> {
    let mut it = tokens.peekable();
    let mut prev: Option<Token<'a>> = None;
    std::iter::from_fn(move || {
        let cur = it.next()?;
        let next = it.peek().cloned();
        let out = (prev.take(), cur.clone(), next);
        prev = Some(cur);
        Some(out)
    })
}

/// The word tokens of one text, found once and kept as byte spans of 8 bytes each, so
/// that the rules of a stage share one scan (see [`crate::rules::Context::words`]).
#[derive(Debug, Default)]
pub struct Table {
    /// (start, end) of each token; empty when the text is too long for `u32` offsets.
    spans: Vec<(u32, u32)>,
    /// True when the text was too long for the table: [`Table::iter`] scans instead.
    scan: bool,
}

impl Table {
    /// Tokenise `text` once.
    pub fn new(text: &str) -> Self {
        if u32::try_from(text.len()).is_err() {
            return Table {
                spans: Vec::new(),
                scan: true,
            };
        }
        // Casts are lossless: every offset is at most `text.len()`, which fits in u32.
        let spans = iter(text)
            .map(|t| (t.range.start as u32, t.range.end as u32))
            .collect();
        Table { spans, scan: false }
    }

    /// The table of `new_text`, which is the text this table was built from with
    /// `changes` made: (range in the old text, length of its replacement in bytes), sorted
    /// and apart, as [`crate::edit::for_each_applied`] gives them. Tokens well clear of
    /// every change are moved, not found again; the text around each change is scanned
    /// until the scan meets a token of the old table again. The same table as
    /// `Table::new(new_text)`, for a fraction of the work when the changes are few.
    pub fn after(&self, new_text: &str, changes: &[(Range<usize>, usize)]) -> Table {
        if self.scan || u32::try_from(new_text.len()).is_err() {
            return Table::new(new_text);
        }
        let sorted = changes
            .windows(2)
            .all(|w| w[0].0.end <= w[1].0.start && w[0].0.start <= w[0].0.end);
        if !sorted {
            return Table::new(new_text);
        }
        self.patched(new_text, changes)
            .unwrap_or_else(|| Table::new(new_text))
    }

    fn patched(&self, new_text: &str, changes: &[(Range<usize>, usize)]) -> Option<Table> {
        // A token's extent depends on the text up to this many bytes past its end (an
        // apostrophe and the character after it).
        const LOOKAHEAD: usize = 8;
        let old = &self.spans;
        let mut spans: Vec<(u32, u32)> = Vec::with_capacity(old.len() + 16);
        // Shift of old positions between the previous change and the next one.
        let mut shift: isize = 0;
        // Next old token to consider, and where the scanner stands in the new text.
        let mut j = 0usize;
        let mut pos = 0usize;
        let mut k = 0usize;
        while k <= changes.len() {
            // Copy old tokens that end well before change `k` (old coordinates).
            let limit = changes.get(k).map_or(usize::MAX, |c| c.0.start);
            while let Some(&(s, e)) = old.get(j) {
                let (s, e) = (s as usize, e as usize);
                if e.saturating_add(LOOKAHEAD) > limit {
                    break;
                }
                let ns = s.checked_add_signed(shift)?;
                if ns >= pos {
                    let ne = e.checked_add_signed(shift)?;
                    spans.push((u32::try_from(ns).ok()?, u32::try_from(ne).ok()?));
                    pos = ne;
                }
                j += 1;
            }
            if k == changes.len() {
                break;
            }
            // Scan the new text from `pos` through change `k` (and any change the scan runs
            // into) until a token starts where an old one did, past the changes, and that
            // old token ends well before the next change.
            let mut scanner = Tokens {
                text: new_text,
                pos,
            };
            let mut next_shift = shift;
            // Changes whose start the scan has reached, and the new end of the last one.
            let mut passed = k;
            let mut passed_end = 0usize;
            loop {
                let Some(t) = scanner.next() else {
                    // The end of the text: the table is complete.
                    return Some(Table { spans, scan: false });
                };
                while let Some((r, len)) = changes.get(passed) {
                    let new_start = r.start.checked_add_signed(next_shift)?;
                    if new_start > t.range.start {
                        break;
                    }
                    next_shift += *len as isize - (r.end - r.start) as isize;
                    passed_end = new_start + len;
                    passed += 1;
                }
                spans.push((
                    u32::try_from(t.range.start).ok()?,
                    u32::try_from(t.range.end).ok()?,
                ));
                pos = t.range.end;
                if passed == k || t.range.start < passed_end {
                    continue;
                }
                // Past the changes: an old token with the same span, well before the next
                // change, puts the scan back in step with the old table.
                let old_start = t.range.start.checked_add_signed(-next_shift)?;
                let old_end = t.range.end.checked_add_signed(-next_shift)?;
                while old.get(j).is_some_and(|&(s, _)| (s as usize) < old_start) {
                    j += 1;
                }
                let next_limit = changes.get(passed).map_or(usize::MAX, |c| c.0.start);
                let same = old
                    .get(j)
                    .is_some_and(|&(s, e)| s as usize == old_start && e as usize == old_end);
                if same && old_end.saturating_add(LOOKAHEAD) <= next_limit {
                    j += 1;
                    shift = next_shift;
                    k = passed;
                    break;
                }
            }
        }
        Some(Table { spans, scan: false })
    }

    /// The tokens of `text`, which must be the text the table was built from.
    pub fn iter<'c, 'a>(&'c self, text: &'a str) -> Words<'c, 'a> {
        Words {
            text,
            inner: if self.scan {
                Inner::Scan(iter(text))
            } else {
                Inner::Table(self.spans.iter())
            },
        }
    }
}

/// The tokens of a [`Table`], in order.
#[derive(Clone)]
pub struct Words<'c, 'a> {
    text: &'a str,
    inner: Inner<'c, 'a>,
}

#[derive(Clone)]
enum Inner<'c, 'a> {
    Table(std::slice::Iter<'c, (u32, u32)>),
    Scan(Tokens<'a>),
}

impl<'a> Iterator for Words<'_, 'a> {
    type Item = Token<'a>;

    fn next(&mut self) -> Option<Token<'a>> {
        match &mut self.inner {
            Inner::Table(spans) => {
                let &(start, end) = spans.next()?;
                let range = start as usize..end as usize;
                let text = self.text.get(range.clone())?;
                Some(Token { range, text })
            }
            Inner::Scan(tokens) => tokens.next(),
        }
    }
}

/// The distinct spellings among `tokens` that `wanted` accepts (the first `limit` of
/// them), each with `answer`'s answer for it, worked out on every core: for the rules
/// whose per-spelling answers depend on the spelling alone, to fill their caches at once.
pub fn answers<'a, T: Send>(
    tokens: impl Iterator<Item = Token<'a>>,
    limit: usize,
    wanted: impl Fn(&str) -> bool,
    answer: impl Fn(&'a str) -> T + Sync,
) -> Vec<(&'a str, T)> {
    use rayon::prelude::*;
    let mut seen = rustc_hash::FxHashSet::default();
    let mut distinct: Vec<&'a str> = Vec::new();
    for t in tokens {
        if distinct.len() >= limit {
            break;
        }
        if wanted(t.text) && seen.insert(t.text) {
            distinct.push(t.text);
        }
    }
    distinct.into_par_iter().map(|s| (s, answer(s))).collect()
}

/// Whether the token at `start`, after `prev` (none: the first token), follows one of
/// `marks` ("." for a sentence opening), with white space and quotes between set aside.
pub fn after_mark(text: &str, prev: Option<&Token<'_>>, start: usize, marks: &[char]) -> bool {
    let Some(prev) = prev else { return true };
    text[prev.range.end..start]
        .trim_end_matches([' ', '\t', '\n', '"', '\'', '“', '‘', '”', '’'])
        .ends_with(marks)
}

/// Every word token of `text`, in order.
pub fn tokens(text: &str) -> Vec<Token<'_>> {
    iter(text).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_table_gives_the_scan_s_tokens() {
        let text = "Korea’s tbe don't 'quoted' l953—x naïve\n\x0cend";
        let table = Table::new(text);
        assert_eq!(table.iter(text).collect::<Vec<_>>(), tokens(text));
        assert_eq!(Table::new("").iter("").count(), 0);
    }

    #[test]
    fn a_patched_table_is_the_table_of_the_new_text() {
        const PIECES: &[&str] = &[
            "a", "b", "Z", "9", " ", "  ", "\n", "'", "’", "é", "ﬁ", "-", ".", ",", "word",
            "don't", "x’y", "—", "\u{300}", "ab'", "'s",
        ];
        let mut state: u64 = 7;
        let mut next = |n: usize| {
            state = state
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            ((state >> 33) as usize) % n
        };
        let mut patched_ok = 0;
        for _ in 0..3000 {
            let text: String = (0..next(40)).map(|_| PIECES[next(PIECES.len())]).collect();
            // Sorted, apart changes on character boundaries, with replacements.
            let bounds: Vec<usize> = (0..=text.len())
                .filter(|&i| text.is_char_boundary(i))
                .collect();
            let mut changes: Vec<(Range<usize>, String)> = Vec::new();
            let mut at = 0;
            while changes.len() < 4 {
                let starts: Vec<usize> = bounds.iter().copied().filter(|&b| b >= at).collect();
                if starts.is_empty() || next(3) == 0 {
                    break;
                }
                let a = starts[next(starts.len()).min(next(starts.len()))];
                let ends: Vec<usize> = bounds
                    .iter()
                    .copied()
                    .filter(|&b| b >= a && b <= a + 6)
                    .collect();
                let b = ends[next(ends.len())];
                let rep: String = (0..next(3)).map(|_| PIECES[next(PIECES.len())]).collect();
                changes.push((a..b, rep));
                at = b + 1;
            }
            let mut new_text = String::new();
            let mut pos = 0;
            for (r, rep) in &changes {
                new_text.push_str(&text[pos..r.start]);
                new_text.push_str(rep);
                pos = r.end;
            }
            new_text.push_str(&text[pos..]);
            let lens: Vec<(Range<usize>, usize)> = changes
                .iter()
                .map(|(r, rep)| (r.clone(), rep.len()))
                .collect();
            let patched = Table::new(&text).after(&new_text, &lens);
            let fresh = Table::new(&new_text);
            assert_eq!(
                patched.spans, fresh.spans,
                "{text:?} {changes:?} -> {new_text:?}"
            );
            patched_ok += usize::from(Table::new(&text).patched(&new_text, &lens).is_some());
        }
        // The patch itself, not the fallback to a new scan, made (nearly) all of them.
        assert!(patched_ok > 2900, "{patched_ok}");
    }

    #[test]
    fn words_and_apostrophes() {
        let t: Vec<_> = tokens("Korea’s tbe don't 'quoted' l953—x naïve")
            .into_iter()
            .map(|t| t.text)
            .collect();
        assert_eq!(
            t,
            vec!["Korea’s", "tbe", "don't", "quoted", "l953", "x", "naïve"]
        );
    }
}

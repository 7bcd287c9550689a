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
/// Each token also has the id of its spelling: the same spelling has the same id in every
/// text of the run ([`Table::after`] keeps them), so that rules keep their per-spelling
/// answers in arrays instead of hashing every occurrence.
#[derive(Debug, Default)]
pub struct Table {
    /// (start, end) of each token; empty when the text is too long for `u32` offsets.
    spans: Vec<(u32, u32)>,
    /// The spelling id of each token (empty when `scan`).
    ids: Vec<u32>,
    /// The id of every spelling met so far.
    spellings: Spellings,
    /// True when the text was too long for the table: [`Table::iter`] scans instead.
    scan: bool,
}

/// A table's token spans and their spelling ids.
type SpansAndIds = (Vec<(u32, u32)>, Vec<u32>);

/// Ids of spellings, numbered from 0 in the order they were first met.
#[derive(Debug, Default)]
struct Spellings {
    index: rustc_hash::FxHashMap<Box<str>, u32>,
}

impl Spellings {
    /// The id of `s`, a new one when it was never met.
    fn id(&mut self, s: &str) -> u32 {
        if let Some(&id) = self.index.get(s) {
            return id;
        }
        // At most one spelling per token, and fewer than u32::MAX tokens fit in a table.
        let id = self.index.len() as u32;
        self.index.insert(s.into(), id);
        id
    }
}

impl Table {
    /// Tokenise `text` once.
    pub fn new(text: &str) -> Self {
        Table::with_spellings(text, Spellings::default())
    }

    fn with_spellings(text: &str, mut spellings: Spellings) -> Self {
        if u32::try_from(text.len()).is_err() {
            return Table {
                spans: Vec::new(),
                ids: Vec::new(),
                spellings,
                scan: true,
            };
        }
        let mut spans = Vec::new();
        let mut ids = Vec::new();
        for t in iter(text) {
            // Casts are lossless: every offset is at most `text.len()`, which fits in u32.
            spans.push((t.range.start as u32, t.range.end as u32));
            ids.push(spellings.id(t.text));
        }
        // The vectors grew by doubling: give back what they did not use.
        spans.shrink_to_fit();
        ids.shrink_to_fit();
        Table {
            spans,
            ids,
            spellings,
            scan: false,
        }
    }

    /// The spelling id of each token, in order (see [`Table::iter`]); empty when the text
    /// was too long for a table.
    pub fn ids(&self) -> &[u32] {
        &self.ids
    }

    /// One more than the highest spelling id: the length of an array indexed by id.
    pub fn id_count(&self) -> usize {
        self.spellings.index.len()
    }

    /// The table of `new_text`, which is the text this table was built from with
    /// `changes` made: (range in the old text, length of its replacement in bytes), sorted
    /// and apart, as [`crate::edit::for_each_applied`] gives them. Tokens well clear of
    /// every change are moved, not found again; the text around each change is scanned
    /// until the scan meets a token of the old table again. The same table as
    /// `Table::new(new_text)`, for a fraction of the work when the changes are few.
    pub fn after(mut self, new_text: &str, changes: &[(Range<usize>, usize)]) -> Table {
        let mut spellings = std::mem::take(&mut self.spellings);
        if self.scan || u32::try_from(new_text.len()).is_err() {
            return Table::with_spellings(new_text, spellings);
        }
        let sorted = changes
            .windows(2)
            .all(|w| w[0].0.end <= w[1].0.start && w[0].0.start <= w[0].0.end);
        if !sorted {
            return Table::with_spellings(new_text, spellings);
        }
        match self.patched(new_text, changes, &mut spellings) {
            Some((spans, ids)) => Table {
                spans,
                ids,
                spellings,
                scan: false,
            },
            None => Table::with_spellings(new_text, spellings),
        }
    }

    /// The spans and ids of [`Table::after`], or `None` when an offset does not fit.
    fn patched(
        &self,
        new_text: &str,
        changes: &[(Range<usize>, usize)],
        spellings: &mut Spellings,
    ) -> Option<SpansAndIds> {
        // A token's extent depends on the text up to this many bytes past its end (an
        // apostrophe and the character after it).
        const LOOKAHEAD: usize = 8;
        let old = &self.spans;
        // A replacement of n bytes holds at most n / 2 + 1 tokens: with room for them the
        // vectors never grow (growing doubles their capacity, on the largest tables).
        let room = changes
            .iter()
            .fold(old.len(), |n, c| n.saturating_add(c.1 / 2 + 1));
        let mut spans: Vec<(u32, u32)> = Vec::with_capacity(room);
        let mut ids: Vec<u32> = Vec::with_capacity(room);
        // Shift of old positions between the previous change and the next one.
        let mut shift: isize = 0;
        // Next old token to consider, and where the scanner stands in the new text.
        let mut j = 0usize;
        let mut pos = 0usize;
        let mut k = 0usize;
        while k <= changes.len() {
            // Copy old tokens that end well before change `k` (old coordinates).
            // They are copied as one block, shifted; those that start before `pos` (the
            // end of the last scan) are already in the new table.
            let limit = changes.get(k).map_or(usize::MAX, |c| c.0.start);
            let rest = old.get(j..)?;
            let n = rest.partition_point(|&(_, e)| (e as usize).saturating_add(LOOKAHEAD) <= limit);
            let block = &rest[..n];
            if let Some(&(s, _)) = block.first() {
                (s as usize).checked_add_signed(shift)?;
            }
            let covered = block.partition_point(|&(s, _)| {
                (s as usize)
                    .checked_add_signed(shift)
                    .is_none_or(|ns| ns < pos)
            });
            let copied = &block[covered..];
            if let Some(&(_, e)) = copied.last() {
                // Every shifted offset of the block lies between its first start (not
                // negative, checked above) and its last end, which must fit in u32.
                let ne = (e as usize).checked_add_signed(shift)?;
                u32::try_from(ne).ok()?;
                let shift = shift as i64;
                spans.extend(
                    copied
                        .iter()
                        .map(|&(s, e)| ((s as i64 + shift) as u32, (e as i64 + shift) as u32)),
                );
                ids.extend_from_slice(self.ids.get(j + covered..j + n)?);
                pos = ne;
            }
            j += n;
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
                    return Some((spans, ids));
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
                ids.push(spellings.id(t.text));
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
        Some((spans, ids))
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

/// The token of `text` at a table span.
fn token_of_span<'a>(text: &'a str, &(start, end): &(u32, u32)) -> Option<Token<'a>> {
    let range = start as usize..end as usize;
    let text = text.get(range.clone())?;
    Some(Token { range, text })
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
            Inner::Table(spans) => token_of_span(self.text, spans.next()?),
            Inner::Scan(tokens) => tokens.next(),
        }
    }
}

impl<'c, 'a> Words<'c, 'a> {
    /// Each token whose text `wanted` accepts, with the tokens before and after it: what
    /// [`windows_of`] gives, filtered, but a rule that looks for rare tokens ("1", "Is",
    /// a capital) tests each token's text without making its window first.
    pub fn windows_where<F: Fn(&str) -> bool>(
        self,
        wanted: F,
    ) -> impl Iterator<Item = (Option<Token<'a>>, Token<'a>, Option<Token<'a>>)> + use<'c, 'a, F>
    {
        use rayon::iter::Either;
        let text = self.text;
        match self.inner {
            Inner::Table(spans) => {
                let spans = spans.as_slice();
                let token = move |i: usize| token_of_span(text, spans.get(i)?);
                Either::Left((0..spans.len()).filter_map(move |i| {
                    let t = token(i)?;
                    if !wanted(t.text) {
                        return None;
                    }
                    Some((i.checked_sub(1).and_then(token), t, token(i + 1)))
                }))
            }
            Inner::Scan(tokens) => {
                Either::Right(windows_of(tokens).filter(move |(_, t, _)| wanted(t.text)))
            }
        }
    }

    /// Each token whose text `wanted` accepts with up to `radius` tokens either side: the
    /// tokens in order and the matched one's place among them (fewer at the text's ends).
    pub fn neighbourhoods_where(
        self,
        radius: usize,
        wanted: impl Fn(&str) -> bool,
    ) -> Vec<(Vec<Token<'a>>, usize)> {
        let text = self.text;
        let mut found = Vec::new();
        match self.inner {
            Inner::Table(spans) => {
                let spans = spans.as_slice();
                let token = |i: usize| token_of_span(text, spans.get(i)?);
                for i in 0..spans.len() {
                    if !token(i).is_some_and(|t| wanted(t.text)) {
                        continue;
                    }
                    let first = i.saturating_sub(radius);
                    let around: Vec<Token<'a>> = (first..=i.saturating_add(radius))
                        .map_while(token)
                        .collect();
                    found.push((around, i - first));
                }
            }
            Inner::Scan(tokens) => {
                // The last 2 × radius + 1 tokens with their numbers; the middle one's
                // neighbourhood is whole once the newest is in.
                let mut window: std::collections::VecDeque<(usize, Token<'a>)> = Default::default();
                let mut emit = |window: &std::collections::VecDeque<(usize, Token<'a>)>,
                                at: usize| {
                    let Some(&(i, ref t)) = window.iter().find(|(i, _)| *i == at) else {
                        return;
                    };
                    if !wanted(t.text) {
                        return;
                    }
                    let around: Vec<Token<'a>> = window
                        .iter()
                        .filter(|(k, _)| k + radius >= i && *k <= i + radius)
                        .map(|(_, t)| t.clone())
                        .collect();
                    found.push((around, i - i.saturating_sub(radius)));
                };
                let mut count = 0;
                for (j, t) in tokens.enumerate() {
                    window.push_back((j, t));
                    if window.len() > 2 * radius + 1 {
                        window.pop_front();
                    }
                    if let Some(at) = j.checked_sub(radius) {
                        emit(&window, at);
                    }
                    count = j + 1;
                }
                // The last tokens, with fewer after them.
                for at in count.saturating_sub(radius)..count {
                    emit(&window, at);
                }
            }
        }
        found
    }
}

/// Per-spelling answers kept in an array indexed by spelling id (see
/// [`crate::rules::Context::word_ids`]), filled ahead on every core for the spellings of a
/// text: the rules read them per occurrence without hashing the spelling. A spelling the
/// array lacks (a text with no ids, or one the caller did not want ahead) is answered and
/// remembered on first use, by spelling.
pub struct ById<'a, T> {
    ids: &'a [u32],
    answers: Vec<Option<T>>,
    by_text: rustc_hash::FxHashMap<&'a str, T>,
}

impl<'a, T: Clone + Send> ById<'a, T> {
    /// The answers for the distinct spellings among `tokens` (whose ids are `ids`, of
    /// `id_count` in all) that `wanted` accepts, worked out on every core.
    pub fn new(
        tokens: impl Iterator<Item = Token<'a>>,
        ids: &'a [u32],
        id_count: usize,
        wanted: impl Fn(&str) -> bool,
        answer: impl Fn(&'a str) -> T + Sync,
    ) -> Self {
        use rayon::prelude::*;
        let mut answers: Vec<Option<T>> = Vec::new();
        if !ids.is_empty() {
            let mut met = vec![false; id_count];
            let mut distinct: Vec<(u32, &'a str)> = Vec::new();
            for (t, &id) in tokens.zip(ids) {
                if let Some(m) = met.get_mut(id as usize) {
                    if !*m && wanted(t.text) {
                        distinct.push((id, t.text));
                    }
                    *m = true;
                }
            }
            let found: Vec<(u32, T)> = distinct
                .into_par_iter()
                .map(|(id, s)| (id, answer(s)))
                .collect();
            answers.resize_with(id_count, || None);
            for (id, a) in found {
                if let Some(slot) = answers.get_mut(id as usize) {
                    *slot = Some(a);
                }
            }
        }
        ById {
            ids,
            answers,
            by_text: Default::default(),
        }
    }

    /// The answer for token number `i`, spelled `text`: from the array, or else worked out
    /// by `answer` and remembered by spelling.
    pub fn get(&mut self, i: usize, text: &'a str, answer: impl FnOnce(&'a str) -> T) -> T {
        let slot = self
            .ids
            .get(i)
            .and_then(|&id| self.answers.get(id as usize));
        if let Some(Some(a)) = slot {
            return a.clone();
        }
        if let Some(a) = self.by_text.get(text) {
            return a.clone();
        }
        let a = answer(text);
        if self.by_text.len() >= BY_TEXT_LIMIT {
            self.by_text.clear();
        }
        self.by_text.insert(text, a.clone());
        a
    }
}

/// Whether the token at `start`, after `prev` (none: the first token), follows one of
/// `marks` ("." for a sentence opening), with white space and quotes between set aside.
pub fn after_mark(text: &str, prev: Option<&Token<'_>>, start: usize, marks: &[char]) -> bool {
    let Some(prev) = prev else { return true };
    text[prev.range.end..start]
        .trim_end_matches([' ', '\t', '\n', '"', '\'', '“', '‘', '”', '’'])
        .ends_with(marks)
}

/// Spellings [`ById`] remembers by text before it starts again (bounds memory).
const BY_TEXT_LIMIT: usize = 100_000;

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
        assert_ids_name_spellings(&table, text);
        let twice = "the cat and the hat and THE end";
        let table = Table::new(twice);
        assert_ids_name_spellings(&table, twice);
        assert_eq!(table.ids(), [0, 1, 2, 0, 3, 2, 4, 5]);
        assert_eq!(Table::new("").iter("").count(), 0);
    }

    /// A table too long for its spans scans instead: the same tokens.
    fn scanning() -> Table {
        Table {
            scan: true,
            ..Table::default()
        }
    }

    #[test]
    fn filtered_windows_are_the_windows_of_the_wanted_tokens() {
        let text = "I said 1 am here, l said II and III. Il Duce; II";
        let wanted = |w: &str| matches!(w, "I" | "1" | "l" | "II" | "III" | "Il" | "said");
        let expected: Vec<_> = windows_of(tokens(text).into_iter())
            .filter(|(_, t, _)| wanted(t.text))
            .collect();
        for table in [Table::new(text), scanning()] {
            let got: Vec<_> = table.iter(text).windows_where(wanted).collect();
            assert_eq!(got, expected);
        }
        assert_eq!(Table::new("").iter("").windows_where(|_| true).count(), 0);
    }

    #[test]
    fn neighbourhoods_hold_the_radius_either_side() {
        let text = "II a b III c d e II f II";
        let all = tokens(text);
        let wanted = |w: &str| matches!(w, "II" | "III");
        let mut expected = Vec::new();
        for (i, t) in all.iter().enumerate() {
            if wanted(t.text) {
                let first = i.saturating_sub(2);
                let last = (i + 2).min(all.len() - 1);
                expected.push((all[first..=last].to_vec(), i - first));
            }
        }
        assert_eq!(expected.len(), 4);
        for table in [Table::new(text), scanning()] {
            assert_eq!(table.iter(text).neighbourhoods_where(2, wanted), expected);
        }
        assert!(Table::new("")
            .iter("")
            .neighbourhoods_where(2, |_| true)
            .is_empty());
    }

    /// Every token's id is its spelling's: one id per spelling, one spelling per id.
    fn assert_ids_name_spellings(table: &Table, text: &str) {
        let tokens: Vec<Token<'_>> = table.iter(text).collect();
        assert_eq!(tokens.len(), table.ids().len());
        let mut by_id = std::collections::HashMap::new();
        let mut by_text = std::collections::HashMap::new();
        for (t, &id) in tokens.iter().zip(table.ids()) {
            assert!((id as usize) < table.id_count());
            assert_eq!(*by_id.entry(id).or_insert(t.text), t.text, "{text:?}");
            assert_eq!(*by_text.entry(t.text).or_insert(id), id, "{text:?}");
        }
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
            assert_ids_name_spellings(&patched, &new_text);
            let mut spellings = Spellings::default();
            patched_ok += usize::from(
                Table::new(&text)
                    .patched(&new_text, &lens, &mut spellings)
                    .is_some(),
            );
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

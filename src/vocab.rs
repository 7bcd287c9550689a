//! The document's own vocabulary: how often each word form occurs in the text, so rules
//! can use the document as evidence ("'co-operation' occurs twice in this document").
//!
//! Words are whitespace-separated tokens stripped of surrounding punctuation; the two
//! halves of a word split by a line-end hyphen are not counted (they are fragments, not
//! words). Hyphenated compounds are counted whole and, separately, by their parts.

use rustc_hash::FxHashMap as HashMap;

/// Evidence that a string is a word, and how common it is. Implemented by the document
/// vocabulary here and by an embedded lexicon, so rules can weigh both the same way.
pub trait WordEvidence {
    /// Whether `word` is attested (case-insensitive).
    fn is_word(&self, word: &str) -> bool;
    /// How often `word` is attested (0 when it is not), case-insensitive.
    fn frequency(&self, word: &str) -> u64;
    /// The words that `word` becomes by exactly one of `swaps` (its `seen` replaced by
    /// `meant` at one place), each once: what OCR may have misread. The default tries
    /// every swap at every place and asks [`WordEvidence::is_word`].
    fn one_swap_words(&self, word: &str, swaps: &[crate::lexicon::search::Swap]) -> Vec<String> {
        let mut out: Vec<String> = Vec::new();
        for s in swaps.iter().filter(|s| !s.seen.is_empty()) {
            for (at, _) in word.match_indices(s.seen) {
                let cand = format!("{}{}{}", &word[..at], s.meant, &word[at + s.seen.len()..]);
                if cand != word && !out.contains(&cand) && self.is_word(&cand) {
                    out.push(cand);
                }
            }
        }
        out
    }
}

/// Count one more `word`, allocating only for a word not seen before.
pub(crate) fn bump(map: &mut HashMap<String, u32>, word: &str) {
    match map.get_mut(word) {
        Some(n) => *n += 1,
        None => {
            map.insert(word.to_string(), 1);
        }
    }
}

/// Word counts of one text, keyed by the lower-case form.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Vocab {
    words: HashMap<String, u32>,
    parts: HashMap<String, u32>,
    firsts: HashMap<String, u32>,
}

/// A token of the text: byte range of the word (punctuation stripped) and whether it ends
/// with a hyphen at a line end.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Token {
    /// Byte offset of the word's first character.
    pub start: usize,
    /// Byte offset just past the word (a line-end hyphen is included).
    pub end: usize,
    /// True when the word ends with `-` right before a line break.
    pub line_end_hyphen: bool,
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric()
}

/// The byte offset of the first character from `from` on that is whitespace (`space`)
/// or is not; ASCII bytes are classified without decoding.
fn find_space(text: &str, from: usize, space: bool) -> Option<usize> {
    let bytes = text.as_bytes();
    let mut i = from;
    while let Some(&b) = bytes.get(i) {
        let (white, len) = if b < 0x80 {
            // `char::is_whitespace` on ASCII: space, tab, LF, VT, FF, CR.
            (b == b' ' || (0x09..=0x0d).contains(&b), 1)
        } else {
            let c = text.get(i..)?.chars().next()?;
            (c.is_whitespace(), c.len_utf8())
        };
        if white == space {
            return Some(i);
        }
        i += len;
    }
    None
}

/// Every word token of `text`, in order.
pub fn tokens(text: &str) -> Vec<Token> {
    token_iter(text).collect()
}

/// Set in a packed token's end when the token ends with a line-end hyphen.
const HYPHEN_BIT: u32 = 1 << 31;

/// The word tokens of one text ([`tokens`]), kept in 8 bytes each instead of the 24 of a
/// [`Token`]: on a large text this table was the largest allocation of the run. A text
/// too long for 31-bit offsets keeps plain tokens. A large text is scanned in pieces on
/// every core, each cut at a whitespace byte (where no token can straddle), and the pieces
/// are kept as they are: joining them would hold the tokens twice.
#[derive(Clone, Debug, Default)]
pub struct TokenTable {
    /// (start, end) of each token, the end with [`HYPHEN_BIT`] for a line-end hyphen, in
    /// pieces in text order.
    pieces: Vec<Vec<(u32, u32)>>,
    /// The number of tokens before each piece.
    offsets: Vec<usize>,
    /// The tokens of a text too long for `pieces`.
    wide: Vec<Token>,
}

/// Texts shorter than this are scanned in one piece.
const MIN_PARALLEL_SCAN: usize = 1 << 20;

impl TokenTable {
    /// Find the tokens of `text` once.
    pub fn of(text: &str) -> TokenTable {
        use rayon::prelude::*;
        if text.len() >= HYPHEN_BIT as usize {
            return TokenTable {
                wide: tokens(text),
                ..TokenTable::default()
            };
        }
        let n = if text.len() < MIN_PARALLEL_SCAN {
            1
        } else {
            rayon::current_num_threads().max(1)
        };
        let bounds = piece_bounds(text, n);
        // Offsets are at most `text.len()`, below `HYPHEN_BIT`: the casts are lossless.
        let scan = |&(from, to): &(usize, usize)| -> Vec<(u32, u32)> {
            let mut packed: Vec<(u32, u32)> = token_iter_in(text, from, to)
                .map(|t| {
                    let flag = if t.line_end_hyphen { HYPHEN_BIT } else { 0 };
                    (t.start as u32, t.end as u32 | flag)
                })
                .collect();
            // The vector grew by doubling: give back what it did not use.
            packed.shrink_to_fit();
            packed
        };
        let pieces: Vec<Vec<(u32, u32)>> = if bounds.len() > 1 {
            bounds.par_iter().map(scan).collect()
        } else {
            bounds.iter().map(scan).collect()
        };
        let mut offsets = Vec::with_capacity(pieces.len());
        let mut total = 0;
        for p in &pieces {
            offsets.push(total);
            total += p.len();
        }
        TokenTable {
            pieces,
            offsets,
            wide: Vec::new(),
        }
    }

    fn packed_len(&self) -> usize {
        self.offsets.last().copied().unwrap_or(0) + self.pieces.last().map_or(0, Vec::len)
    }

    /// Number of tokens.
    pub fn len(&self) -> usize {
        self.packed_len() + self.wide.len()
    }

    /// True when the text has no token.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Token number `k`.
    pub fn get(&self, k: usize) -> Option<Token> {
        if !self.wide.is_empty() {
            return self.wide.get(k).copied();
        }
        // The last piece that starts at or before `k`.
        let i = self.offsets.partition_point(|&o| o <= k).checked_sub(1)?;
        let piece = self.pieces.get(i)?;
        piece.get(k - self.offsets[i]).map(|&p| unpack(p))
    }

    /// The tokens in order.
    pub fn iter(&self) -> impl Iterator<Item = Token> + Clone + '_ {
        self.range(0, self.len())
    }

    /// Tokens `from..to` (as far as there are any), in order.
    pub fn range(&self, from: usize, to: usize) -> impl Iterator<Item = Token> + Clone + '_ {
        let slice = |n: usize| from.min(n)..to.clamp(from.min(n), n);
        let packed = self
            .pieces
            .iter()
            .zip(&self.offsets)
            .filter(move |(p, &o)| o < to && from < o + p.len())
            .flat_map(move |(p, &o)| {
                let lo = from.saturating_sub(o).min(p.len());
                let hi = to.saturating_sub(o).clamp(lo, p.len());
                p[lo..hi].iter().map(|&t| unpack(t))
            });
        packed.chain(self.wide[slice(self.wide.len())].iter().copied())
    }
}

/// The whitespace tokens and counts of `new_text`, which is `old_text` (whose tokens are
/// `toks` and counts `vocab`) with `changes` made: (range in the old text, length of its
/// replacement), sorted and apart, as [`crate::edit::for_each_applied`] gives them. The
/// tokens well clear of every change are moved, not found again; around each change a
/// window is counted out of the old text and in from the new one. The window runs from the
/// start of the chunk before the change's chunk (whose line-end hyphen may look at the
/// change) to the end of the chunk after it; a token past a window whose line-end hyphen
/// flag changed before it is counted again. `None` when the text is too long for a packed
/// table or the changes are not in order: the caller counts from scratch.
pub fn patched(
    toks: &TokenTable,
    vocab: Vocab,
    old_text: &str,
    new_text: &str,
    changes: &[(std::ops::Range<usize>, usize)],
) -> Option<(TokenTable, Vocab)> {
    let fits = |t: &str| t.len() < HYPHEN_BIT as usize;
    let in_order = changes.windows(2).all(|w| w[0].0.end <= w[1].0.start)
        && changes
            .iter()
            .all(|(r, _)| r.start <= r.end && r.end <= old_text.len());
    if !toks.wide.is_empty() || !fits(old_text) || !fits(new_text) || !in_order {
        return None;
    }
    // Windows in old coordinates, with the shift of the new text before and after each.
    let mut windows: Vec<Window> = Vec::new();
    let mut shift = 0isize;
    for (r, len) in changes {
        let start = chunk_start(
            old_text,
            skip_space_back(old_text, chunk_start(old_text, r.start)),
        );
        let end = chunk_end(old_text, skip_space(old_text, chunk_end(old_text, r.end)));
        let before = shift;
        shift += *len as isize - (r.end - r.start) as isize;
        match windows.last_mut() {
            Some(last) if start <= last.end => {
                last.end = last.end.max(end);
                last.shift_after = shift;
            }
            _ => windows.push(Window {
                start,
                end,
                shift_before: before,
                shift_after: shift,
            }),
        }
    }
    let mut patch = Patch {
        old_text,
        vocab,
        lowered: String::new(),
        spans: Vec::with_capacity(toks.len()),
        old_flag: false,
        new_flag: false,
    };
    let mut old = Packed {
        pieces: &toks.pieces,
        piece: 0,
        at: 0,
    };
    let mut shift = 0isize;
    for &Window {
        start,
        end,
        shift_before: before,
        shift_after: after,
    } in &windows
    {
        patch.move_until(&mut old, start, shift)?;
        // Counted out of the old text.
        while let Some(t) = old.next_before(end) {
            if !(t.line_end_hyphen || patch.old_flag) {
                patch.count(old_text, &t, -1)?;
            }
            patch.old_flag = t.line_end_hyphen;
        }
        // Counted in from the new one.
        let from = start.checked_add_signed(before)?;
        let to = end.checked_add_signed(after)?;
        for t in token_iter_in(new_text, from, to) {
            if !(t.line_end_hyphen || patch.new_flag) {
                patch.count(new_text, &t, 1)?;
            }
            patch.new_flag = t.line_end_hyphen;
            patch.spans.push(pack(&t));
        }
        shift = after;
    }
    patch.move_until(&mut old, usize::MAX, shift)?;
    let mut spans = patch.spans;
    spans.shrink_to_fit();
    let table = TokenTable {
        pieces: vec![spans],
        offsets: vec![0],
        wide: Vec::new(),
    };
    Some((table, patch.vocab))
}

/// A stretch of the old text [`patched`] counts again: byte range, and how far the new
/// text is shifted before and after it.
#[derive(Clone, Copy)]
struct Window {
    start: usize,
    end: usize,
    shift_before: isize,
    shift_after: isize,
}

/// A token packed as [`TokenTable`] keeps it.
fn pack(t: &Token) -> (u32, u32) {
    let flag = if t.line_end_hyphen { HYPHEN_BIT } else { 0 };
    (t.start as u32, t.end as u32 | flag)
}

/// The state of [`patched`] as it walks the old tokens.
struct Patch<'t> {
    old_text: &'t str,
    vocab: Vocab,
    lowered: String,
    spans: Vec<(u32, u32)>,
    /// The line-end hyphen flag of the token before, in the old and in the new text.
    old_flag: bool,
    new_flag: bool,
}

impl Patch<'_> {
    /// Count `t`, a token of `text`, once more or once less (`by`).
    fn count(&mut self, text: &str, t: &Token, by: i8) -> Option<()> {
        let raw = text.get(t.start..t.end)?;
        self.vocab.count_token(raw, &mut self.lowered, by);
        Some(())
    }

    /// Move the old tokens that start before `limit` by `shift`. The first may now follow
    /// a line-end hyphen it did not follow (or the other way round) and is counted again;
    /// the others follow the token before them as they did, and are moved as they are.
    fn move_until(&mut self, old: &mut Packed<'_>, limit: usize, shift: isize) -> Option<()> {
        if let Some(t) = old.next_before(limit) {
            let was = t.line_end_hyphen || self.old_flag;
            let is = t.line_end_hyphen || self.new_flag;
            if was != is {
                let old_text = self.old_text;
                self.count(old_text, &t, if is { -1 } else { 1 })?;
            }
            self.old_flag = t.line_end_hyphen;
            self.new_flag = t.line_end_hyphen;
            let moved = Token {
                start: t.start.checked_add_signed(shift)?,
                end: t.end.checked_add_signed(shift)?,
                ..t
            };
            self.spans.push(pack(&moved));
        }
        while let Some(run) = old.run_before(limit) {
            for &(start, end) in run {
                let flag = end & HYPHEN_BIT;
                let start = (start as usize).checked_add_signed(shift)?;
                let end = ((end & !HYPHEN_BIT) as usize).checked_add_signed(shift)?;
                // The new text fits a packed table (checked first): the casts are lossless.
                self.spans.push((start as u32, end as u32 | flag));
            }
            if let Some(&(_, end)) = run.last() {
                self.old_flag = end & HYPHEN_BIT != 0;
                self.new_flag = self.old_flag;
            }
        }
        Some(())
    }
}

/// A cursor over the packed tokens of a [`TokenTable`], in order.
struct Packed<'p> {
    pieces: &'p [Vec<(u32, u32)>],
    /// The piece and the place in it of the next token.
    piece: usize,
    at: usize,
}

impl<'p> Packed<'p> {
    /// The tokens left in the current piece, past the pieces used up.
    fn rest(&mut self) -> Option<&'p [(u32, u32)]> {
        let pieces = self.pieces;
        while pieces.get(self.piece).is_some_and(|p| self.at >= p.len()) {
            self.piece += 1;
            self.at = 0;
        }
        pieces.get(self.piece)?.get(self.at..)
    }

    /// The next token, if it starts before `limit`.
    fn next_before(&mut self, limit: usize) -> Option<Token> {
        let t = unpack(*self.rest()?.first()?);
        if t.start >= limit {
            return None;
        }
        self.at += 1;
        Some(t)
    }

    /// The next tokens that start before `limit`, as many as one piece holds.
    fn run_before(&mut self, limit: usize) -> Option<&'p [(u32, u32)]> {
        let rest = self.rest()?;
        let n = rest.partition_point(|&(start, _)| (start as usize) < limit);
        if n == 0 {
            return None;
        }
        self.at += n;
        Some(&rest[..n])
    }
}

/// The start of the whitespace-separated chunk that holds byte `i` of `text` (or `i`
/// itself when white space is before it).
fn chunk_start(text: &str, i: usize) -> usize {
    text[..i]
        .char_indices()
        .rev()
        .find(|(_, c)| c.is_whitespace())
        .map_or(0, |(k, c)| k + c.len_utf8())
}

/// Byte `i` of `text` moved back over the white space before it.
fn skip_space_back(text: &str, i: usize) -> usize {
    text[..i].trim_end_matches(char::is_whitespace).len()
}

/// The end of the chunk that holds byte `i` (or `i` itself at white space).
fn chunk_end(text: &str, i: usize) -> usize {
    find_space(text, i, true).unwrap_or(text.len())
}

/// Byte `i` moved forward over the white space after it.
fn skip_space(text: &str, i: usize) -> usize {
    find_space(text, i, false).unwrap_or(text.len())
}

/// `n` pieces of `text` that together cover it, as (from, to) byte ranges: each cut is
/// at an ASCII whitespace byte at or after an even share of the text, so that no
/// whitespace-separated chunk straddles two pieces. Fewer pieces when cuts coincide.
fn piece_bounds(text: &str, n: usize) -> Vec<(usize, usize)> {
    let bytes = text.as_bytes();
    let mut cuts = vec![0];
    for k in 1..n {
        let at = text.len() / n * k;
        let cut = bytes
            .get(at..)
            .and_then(|rest| {
                rest.iter()
                    .position(|&b| b == b' ' || (0x09..=0x0d).contains(&b))
            })
            .map_or(text.len(), |p| at + p);
        if cut > cuts.last().copied().unwrap_or(0) && cut < text.len() {
            cuts.push(cut);
        }
    }
    cuts.push(text.len());
    cuts.windows(2).map(|w| (w[0], w[1])).collect()
}

/// The token a packed (start, end and flag) pair stands for.
fn unpack((start, end): (u32, u32)) -> Token {
    Token {
        start: start as usize,
        end: (end & !HYPHEN_BIT) as usize,
        line_end_hyphen: end & HYPHEN_BIT != 0,
    }
}

/// The tokens of [`tokens`] one at a time, for a caller that needs no table of them.
pub fn token_iter(text: &str) -> impl Iterator<Item = Token> + '_ {
    token_iter_in(text, 0, text.len())
}

/// The tokens of [`token_iter`] whose whitespace-separated chunk starts in `from..to`;
/// `from` is 0 or the offset of a whitespace character, `to` the text's length or the
/// offset of a whitespace character (so no chunk straddles either).
fn token_iter_in(text: &str, from: usize, to: usize) -> impl Iterator<Item = Token> + '_ {
    let bytes = text.as_bytes();
    let mut i = from;
    std::iter::from_fn(move || {
        while i < to {
            let s = find_space(text, i, false)?;
            if s >= to {
                return None;
            }
            let e = find_space(text, s, true).unwrap_or(text.len());
            i = e;
            let raw = &text[s..e];
            let lead = raw.len() - raw.trim_start_matches(|c: char| !is_word_char(c)).len();
            let body = &raw[lead..];
            let hyphen_end = raw.ends_with('-') && {
                let mut k = e;
                while k < bytes.len() && matches!(bytes[k], b' ' | b'\t') {
                    k += 1;
                }
                k < bytes.len() && matches!(bytes[k], b'\n' | b'\r' | b'\x0c')
            };
            let trimmed = body.trim_end_matches(|c: char| !is_word_char(c));
            if trimmed.is_empty() {
                // A chunk of punctuation ending in a line-end hyphen ("‘-" before "f FILE").
                if hyphen_end {
                    return Some(Token {
                        start: e - 1,
                        end: e,
                        line_end_hyphen: true,
                    });
                }
                continue;
            }
            let end = if hyphen_end && body[trimmed.len()..].starts_with('-') {
                s + lead + trimmed.len() + 1
            } else {
                s + lead + trimmed.len()
            };
            return Some(Token {
                start: s + lead,
                end,
                line_end_hyphen: hyphen_end && end > s + lead + trimmed.len(),
            });
        }
        None
    })
}

impl Vocab {
    /// Count the words of `text`.
    pub fn new(text: &str) -> Self {
        Vocab::of_tokens(text, &TokenTable::of(text))
    }

    /// Count the words of `text`, given its [`tokens`]. Many tokens are counted in
    /// pieces on every core and the counts added up: the same counts.
    pub fn of_tokens(text: &str, toks: &TokenTable) -> Self {
        use rayon::prelude::*;
        // One piece per core, of at least MIN_PIECE tokens: adding up the counts of a piece
        // costs about a tenth of counting them.
        const MIN_PIECE: usize = 32 * 1024;
        let n = rayon::current_num_threads().min(toks.len() / MIN_PIECE);
        if n <= 1 {
            return Vocab::of_piece(text, toks, 0, toks.len());
        }
        let piece = toks.len().div_ceil(n);
        let starts: Vec<usize> = (0..toks.len()).step_by(piece).collect();
        let pieces: Vec<Vocab> = starts
            .par_iter()
            .map(|&s| Vocab::of_piece(text, toks, s, (s + piece).min(toks.len())))
            .collect();
        let mut pieces = pieces.into_iter();
        let mut v = pieces.next().unwrap_or_default();
        for p in pieces {
            v.add(p);
        }
        v
    }

    /// Add the counts of `other`.
    fn add(&mut self, other: Vocab) {
        for (mine, theirs) in [
            (&mut self.words, other.words),
            (&mut self.parts, other.parts),
            (&mut self.firsts, other.firsts),
        ] {
            for (w, n) in theirs {
                *mine.entry(w).or_insert(0) += n;
            }
        }
    }

    /// The counts of tokens `from..to` of `toks`. A token is counted unless it ends with a
    /// line-end hyphen or follows one (the two halves of a hyphenated word are fragments).
    fn of_piece(text: &str, toks: &TokenTable, from: usize, to: usize) -> Self {
        let mut v = Vocab::default();
        let mut lowered = String::new();
        let mut after_hyphen = from
            .checked_sub(1)
            .and_then(|p| toks.get(p))
            .is_some_and(|p| p.line_end_hyphen);
        for t in toks.range(from, to) {
            let fragment = t.line_end_hyphen || after_hyphen;
            after_hyphen = t.line_end_hyphen;
            if !fragment {
                v.count_token(&text[t.start..t.end], &mut lowered, 1);
            }
        }
        v
    }

    /// Count the word `raw` (a token's text) once more (`by` 1) or once less (`by` -1),
    /// whole and, when hyphenated, by its parts; `lowered` is a buffer kept between calls.
    /// A count brought to 0 is removed, so that the maps are those of a count from scratch.
    fn count_token(&mut self, raw: &str, lowered: &mut String, by: i8) {
        // An ASCII word is lower-cased in the buffer (the same as `to_lowercase`, without
        // an allocation per capitalised token).
        let w = if raw.is_ascii() {
            if raw.bytes().any(|b| b.is_ascii_uppercase()) {
                lowered.clear();
                lowered.push_str(raw);
                lowered.make_ascii_lowercase();
                lowered.as_str()
            } else {
                raw
            }
        } else if raw.chars().any(char::is_uppercase) {
            *lowered = raw.to_lowercase();
            lowered.as_str()
        } else {
            raw
        };
        let change = |map: &mut HashMap<String, u32>, word: &str| {
            if by > 0 {
                bump(map, word);
            } else if let Some(n) = map.get_mut(word) {
                *n -= 1;
                if *n == 0 {
                    map.remove(word);
                }
            }
        };
        if w.contains('-') {
            if let Some(first) = w.split('-').next().filter(|f| !f.is_empty()) {
                change(&mut self.firsts, first);
            }
            for p in w.split('-').filter(|p| p.chars().count() >= 2) {
                change(&mut self.parts, p);
            }
        }
        change(&mut self.words, w);
    }

    /// How often `word` occurs as a whole token (case-insensitive).
    pub fn count(&self, word: &str) -> u32 {
        self.words.get(&word.to_lowercase()).copied().unwrap_or(0)
    }

    /// How often `word` occurs as a whole token or as a part of a hyphenated compound.
    pub fn count_with_parts(&self, word: &str) -> u32 {
        let w = word.to_lowercase();
        self.words.get(&w).copied().unwrap_or(0) + self.parts.get(&w).copied().unwrap_or(0)
    }
}

impl Vocab {
    /// How many hyphenated compounds of the text start with `part` ("well" in
    /// "well-organised"): evidence that the text writes `part-` compounds with a hyphen.
    pub fn compounds_starting_with(&self, part: &str) -> u32 {
        self.firsts.get(&part.to_lowercase()).copied().unwrap_or(0)
    }
}

impl WordEvidence for Vocab {
    fn is_word(&self, word: &str) -> bool {
        self.count_with_parts(word) > 0
    }
    fn frequency(&self, word: &str) -> u64 {
        u64::from(self.count_with_parts(word))
    }
}

impl WordEvidence for crate::lexicon::Lexicon {
    /// A common word of the lexicon, under its case policy (a lower-case token is never
    /// a name).
    fn is_word(&self, word: &str) -> bool {
        self.contains(word)
    }
    fn frequency(&self, word: &str) -> u64 {
        crate::lexicon::Lexicon::frequency(self, word)
    }
    /// Walks the lexicon's automaton instead of trying every swap: microseconds a word.
    fn one_swap_words(&self, word: &str, swaps: &[crate::lexicon::search::Swap]) -> Vec<String> {
        let mut out: Vec<String> = self
            .confusable(word, swaps, 1, f32::MAX)
            .into_iter()
            .filter(|h| h.entry.is_common() && h.word != word)
            .map(|h| h.word)
            .collect();
        out.sort();
        out.dedup();
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A thread pool of `n` threads, for the tables built in pieces.
    fn pool_of(n: usize) -> rayon::ThreadPool {
        rayon::ThreadPoolBuilder::new()
            .num_threads(n)
            .build()
            .unwrap()
    }

    #[test]
    fn a_token_past_the_window_is_recounted_when_its_hyphen_went() {
        // "cd" follows "ab-" at a line end (a fragment, not counted); the change takes the
        // hyphen away beyond a chunk of punctuation, which has no token.
        let old = "ab-\n . cd";
        let new = "ab\n . cd";
        let toks = TokenTable::of(old);
        let (got_toks, got_vocab) =
            patched(&toks, Vocab::of_tokens(old, &toks), old, new, &[(2..3, 0)]).expect("in order");
        assert_eq!(got_toks.iter().collect::<Vec<_>>(), tokens(new));
        assert_eq!(got_vocab, Vocab::new(new));
        assert_eq!(got_vocab.count("cd"), 1);
    }

    #[test]
    fn a_table_in_pieces_is_patched_across_them() {
        let line = "The co-op met; organi-\nsation of the well- known Word, 1953.\n";
        let old = line.repeat((MIN_PARALLEL_SCAN / line.len()) * 2 + 1);
        let pool = pool_of(2);
        let toks = pool.install(|| TokenTable::of(&old));
        assert!(toks.pieces.len() > 1);
        // A change in every piece, one at the cut between them.
        let cut = toks.pieces[0]
            .last()
            .map_or(0, |&(_, e)| (e & !HYPHEN_BIT) as usize);
        let changes = vec![
            (4..6, 2),
            (cut..cut + 1, 3),
            (old.len() - 6..old.len() - 5, 0),
        ];
        let mut new = String::new();
        let mut at = 0;
        for (r, len) in &changes {
            new.push_str(&old[at..r.start]);
            new.push_str(&"x-\n"[..*len]);
            at = r.end;
        }
        new.push_str(&old[at..]);
        let (got_toks, got_vocab) =
            patched(&toks, Vocab::of_tokens(&old, &toks), &old, &new, &changes).expect("in order");
        assert!(got_toks.iter().eq(tokens(&new)));
        assert_eq!(got_vocab, Vocab::new(&new));
    }

    #[test]
    fn patched_tokens_and_counts_are_those_of_the_new_text() {
        const PIECES: &[&str] = &[
            "word", "Word", "co-op", "well-", "-", "\n", " ", "  ", "\t", "\u{a0}", "é", "Über",
            "x", ".", ",", "\"", "organi-", "sation", "‘-", "a-b-c", "\x0c", "1953", "'s",
        ];
        let mut state: u64 = 11;
        let mut next = |n: usize| {
            state = state
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            (state >> 33) as usize % n
        };
        for round in 0..3000 {
            let len = 1 + next(40);
            let old: String = (0..len).map(|_| PIECES[next(PIECES.len())]).collect();
            // Up to five changes at character boundaries, sorted and apart.
            let bounds: Vec<usize> = (0..=old.len())
                .filter(|&i| old.is_char_boundary(i))
                .collect();
            let mut cuts: Vec<usize> = (0..2 * (1 + next(5)))
                .map(|_| bounds[next(bounds.len())])
                .collect();
            cuts.sort_unstable();
            let mut changes = Vec::new();
            let mut new = String::new();
            let mut at = 0;
            for pair in cuts.chunks(2) {
                let (a, b) = (pair[0], pair[1]);
                if a < at {
                    continue;
                }
                let with: String = (0..next(3)).map(|_| PIECES[next(PIECES.len())]).collect();
                new.push_str(&old[at..a]);
                new.push_str(&with);
                changes.push((a..b, with.len()));
                at = b;
            }
            new.push_str(&old[at..]);
            let toks = TokenTable::of(&old);
            let vocab = Vocab::of_tokens(&old, &toks);
            let (got_toks, got_vocab) =
                patched(&toks, vocab, &old, &new, &changes).expect("in order");
            let want: Vec<Token> = tokens(&new);
            assert_eq!(
                got_toks.iter().collect::<Vec<_>>(),
                want,
                "round {round}: {old:?} -> {new:?}"
            );
            assert_eq!(
                got_vocab,
                Vocab::new(&new),
                "round {round}: {old:?} -> {new:?}"
            );
        }
    }

    /// A long text of words, compounds, line-end hyphens, odd spaces and accents.
    fn long_text() -> String {
        let parts = [
            "The",
            "co-operation,",
            "organi-\n",
            "sation",
            "(the)",
            "café",
            "a\u{a0}b",
            "Well-known",
            "x-",
            "\n",
            "“quoted”",
            "--",
            "-\n",
            "é",
            "over-\r\n",
            "lap",
        ];
        let mut t = String::new();
        let mut k = 7usize;
        while t.len() < 3 << 18 {
            k = k.wrapping_mul(1_103_515_245).wrapping_add(12_345) % (1 << 31);
            t.push_str(parts[k % parts.len()]);
            t.push_str(if k % 5 == 0 { "\n" } else { " " });
        }
        t
    }

    #[test]
    fn pieces_give_the_tokens_and_counts_of_the_whole() {
        let text = long_text();
        let whole = TokenTable::of(&text);
        assert!(whole.len() > 64 * 1024, "{}", whole.len());
        // The packed table gives the plain tokens, one by one and by range.
        let plain = tokens(&text);
        assert!(whole.iter().eq(plain.iter().copied()));
        assert!(plain.iter().any(|t| t.line_end_hyphen));
        for k in [0, 1, 777, plain.len() - 1] {
            assert_eq!(whole.get(k), Some(plain[k]));
        }
        assert_eq!(whole.get(plain.len()), None);
        assert!(whole.range(5, 90).eq(plain[5..90].iter().copied()));
        assert_eq!(whole.range(90, 5).count(), 0);
        assert_eq!(whole.range(plain.len() - 2, usize::MAX).count(), 2);
        // Scanned in pieces (a text of 1 MB or more on several threads): the same tokens.
        let mut big = text.clone();
        while big.len() < MIN_PARALLEL_SCAN + 4096 {
            big.push_str(&text);
        }
        let pool4 = pool_of(4);
        let pieced = pool4.install(|| TokenTable::of(&big));
        assert!(pieced.pieces.len() > 1);
        let plain_big = tokens(&big);
        assert!(pieced.iter().eq(plain_big.iter().copied()));
        for k in (0..plain_big.len())
            .step_by(997)
            .chain([plain_big.len() - 1])
        {
            assert_eq!(pieced.get(k), Some(plain_big[k]), "{k}");
        }
        for &o in &pieced.offsets {
            for (a, b) in [
                (o.saturating_sub(3), o + 3),
                (o, o + 1),
                (o.saturating_sub(1), o),
            ] {
                assert!(
                    pieced.range(a, b).eq(plain_big[a..b].iter().copied()),
                    "{a} {b}"
                );
            }
        }
        assert_eq!(pieced.get(plain_big.len()), None);
        assert_eq!(pieced.range(plain_big.len() - 2, usize::MAX).count(), 2);
        for (n, cut_text) in [(3, "a b"), (4, "ab"), (2, "     "), (5, ""), (3, "x\ny z")] {
            let bounds = piece_bounds(cut_text, n);
            assert_eq!(bounds.first().map(|b| b.0), Some(0));
            assert_eq!(bounds.last().map(|b| b.1), Some(cut_text.len()));
        }
        let one = Vocab::of_piece(&text, &whole, 0, whole.len());
        let pool = pool_of(3);
        let many = pool.install(|| Vocab::of_tokens(&text, &whole));
        assert_eq!(one.words, many.words);
        assert_eq!(one.parts, many.parts);
        assert_eq!(one.firsts, many.firsts);
        assert!(one.words.contains_key("co-operation"));
    }

    #[test]
    fn counts_words_and_skips_fragments() {
        let v = Vocab::new("The co-operation, (the) organi-\nsation and “co-operation”.");
        assert_eq!(v.count("the"), 2);
        assert_eq!(v.count("co-operation"), 2);
        assert_eq!(v.count("organi"), 0);
        assert_eq!(v.count("sation"), 0);
        assert_eq!(v.count_with_parts("operation"), 2);
        assert!(v.is_word("The"));
        assert_eq!(v.compounds_starting_with("Co"), 2);
    }

    #[test]
    fn spaces_found_as_char_is_whitespace_says() {
        let t = "a\u{a0}b\x0bc\u{3000}d\x1ce é";
        for from in (0..t.len()).filter(|&i| t.is_char_boundary(i)) {
            let want = |space: bool| {
                t[from..]
                    .find(|c: char| c.is_whitespace() == space)
                    .map(|k| from + k)
            };
            assert_eq!(find_space(t, from, true), want(true), "{from}");
            assert_eq!(find_space(t, from, false), want(false), "{from}");
        }
    }

    #[test]
    fn tokens_mark_line_end_hyphens() {
        let t = "a well-\nknown x- y";
        let toks = tokens(t);
        assert_eq!(&t[toks[1].start..toks[1].end], "well-");
        assert!(toks[1].line_end_hyphen);
        assert_eq!(&t[toks[3].start..toks[3].end], "x");
        assert!(!toks[3].line_end_hyphen);
    }
}

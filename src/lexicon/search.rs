//! Searching the lexicon for the spellings an OCR confusion model reaches from a token.
//!
//! Instead of generating every variant of a token and looking each up, the search walks
//! the word automaton itself: at each position it may follow the token's next byte, or
//! apply a confusion (replace `seen` in the token by `meant` in the word). Only prefixes
//! that some word has are explored, so a search costs microseconds.

use super::automaton::{Automaton, SharedStep};
use super::entry::Entry;

/// One confusion the search may apply: `seen` in the token stands for `meant` in a word.
#[derive(Clone, Copy, Debug)]
pub struct Swap {
    /// Bytes of the token.
    pub seen: &'static str,
    /// Bytes of the word.
    pub meant: &'static str,
    /// Cost of applying it.
    pub cost: f32,
}

/// A word found by `search`: its spelling, entry and the cost of the swaps used.
#[derive(Clone, Debug)]
pub struct Hit {
    /// The word as the lexicon spells it.
    pub word: String,
    /// What the lexicon knows about it.
    pub entry: Entry,
    /// Sum of the swap costs.
    pub cost: f32,
}

struct Search<'a, A: Automaton> {
    fst: A,
    token: &'a [u8],
    swaps: &'a [Swap],
    /// The swaps whose `seen` starts at token position `i`:
    /// `applicable[starts[i]..starts[i + 1]]`.
    applicable: Vec<u16>,
    starts: Vec<u32>,
    max_swaps: usize,
    max_cost: f32,
    word: Vec<u8>,
    hits: Vec<Hit>,
    budget: usize,
}

impl<A: Automaton> Search<'_, A> {
    fn walk(&mut self, node: A::Node, out: u64, i: usize, swaps: usize, cost: f32) {
        if self.budget == 0 {
            return;
        }
        self.budget -= 1;
        if i == self.token.len() && swaps > 0 && self.fst.is_final(node) {
            if let Ok(word) = String::from_utf8(self.word.clone()) {
                let value = out + self.fst.final_output(node);
                self.hits.push(Hit {
                    word,
                    entry: Entry::unpack(value),
                    cost,
                });
            }
        }
        if let Some(&b) = self.token.get(i) {
            if let Some((next, o)) = self.fst.step(node, b) {
                self.word.push(b);
                self.walk(next, out + o, i + 1, swaps, cost);
                self.word.pop();
            }
        }
        if swaps >= self.max_swaps {
            return;
        }
        let (Some(&from), Some(&to)) = (self.starts.get(i), self.starts.get(i + 1)) else {
            return;
        };
        // The step along the first byte of each `meant`, shared by the ligature swaps.
        let mut first = SharedStep::new();
        for k in from as usize..to as usize {
            let Some(swap) = self
                .applicable
                .get(k)
                .and_then(|&j| self.swaps.get(usize::from(j)))
            else {
                continue;
            };
            let c = cost + swap.cost;
            if c > self.max_cost {
                continue;
            }
            let Some((&b0, rest)) = swap.meant.as_bytes().split_first() else {
                self.walk(node, out, i + swap.seen.len(), swaps + 1, c);
                continue;
            };
            let Some((mut n, o0)) = first.step(self.fst, node, b0) else {
                continue;
            };
            // Follow the rest of `meant` through the automaton.
            let mut o = out + o0;
            let depth = self.word.len();
            self.word.push(b0);
            let mut ok = true;
            for &b in rest {
                match self.fst.step(n, b) {
                    Some((next, out)) => {
                        o += out;
                        n = next;
                        self.word.push(b);
                    }
                    None => {
                        ok = false;
                        break;
                    }
                }
            }
            if ok {
                self.walk(n, o, i + swap.seen.len(), swaps + 1, c);
            }
            self.word.truncate(depth);
        }
    }
}

/// For each first byte a token may have at a position, the swaps that may apply there:
/// those whose `seen` starts with that byte and those that insert (empty `seen`), by number
/// in ascending order. Index 256 holds the insertions alone, for the end of a token. Built
/// once per swap table, it spares each search a pass over the whole table per position.
pub struct SwapIndex {
    /// For each first byte (and at 256, the end of a token), the swaps that may apply.
    by_byte: Vec<Vec<Indexed>>,
    /// No swap's cost is negative (or NaN): a path's cost never falls below a swap's own,
    /// so a search leaves out the swaps dearer than its whole budget at once.
    non_negative: bool,
}

/// One swap as [`SwapIndex`] lists it: its number in the table, and what a search's
/// set-up asks of it without reading the table.
#[derive(Clone, Copy)]
pub struct Indexed {
    /// The swap's number in the table.
    pub swap: u16,
    /// Its `seen` has more than one byte: only then must the rest of the token be
    /// compared (an empty or one-byte `seen` applies wherever its list is asked for).
    long: bool,
    /// Its cost.
    cost: f32,
}

impl SwapIndex {
    /// The index of `swaps` (the first `u16::MAX` of them, as `search` takes).
    pub fn new(swaps: &[Swap]) -> SwapIndex {
        let mut by_byte: Vec<Vec<Indexed>> = vec![Vec::new(); 257];
        let swaps = &swaps[..swaps.len().min(usize::from(u16::MAX))];
        for (k, swap) in swaps.iter().enumerate() {
            let entry = Indexed {
                // `swaps` holds fewer than u16::MAX swaps.
                swap: k as u16,
                long: swap.seen.len() > 1,
                cost: swap.cost,
            };
            match swap.seen.as_bytes().first() {
                None => by_byte.iter_mut().for_each(|list| list.push(entry)),
                Some(&b) => by_byte[usize::from(b)].push(entry),
            }
        }
        let non_negative = swaps.iter().all(|s| s.cost >= 0.0);
        SwapIndex {
            by_byte,
            non_negative,
        }
    }

    /// The swaps that may apply where the token continues with `rest`, in ascending order:
    /// a superset of those whose `seen` starts `rest`.
    pub fn at(&self, rest: &[u8]) -> &[Indexed] {
        let slot = rest.first().map_or(256, |&b| usize::from(b));
        self.by_byte.get(slot).map_or(&[], Vec::as_slice)
    }
}

/// `hay.starts_with(needle)`, comparing needles of up to three bytes (every swap's `seen`)
/// byte by byte: the slice comparison calls into the C library's memcmp, and the searches
/// and swap loops make millions of these one- or two-byte comparisons (a profile showed
/// memcmp's call overhead as a fifth of the run time).
#[inline]
pub(crate) fn starts_with(hay: &[u8], needle: &[u8]) -> bool {
    match *needle {
        [] => true,
        [a] => hay.first() == Some(&a),
        [a, b] => matches!(hay, [x, y, ..] if *x == a && *y == b),
        [a, b, c] => matches!(hay, [x, y, z, ..] if *x == a && *y == b && *z == c),
        _ => hay.starts_with(needle),
    }
}

/// Words of `fst` reachable from `token` by one to `max_swaps` swaps (and otherwise the
/// token's own bytes), at a total cost up to `max_cost`. A word reached several ways is
/// listed once, at its cheapest cost.
pub(crate) fn search<A: Automaton>(
    fst: A,
    token: &str,
    swaps: &[Swap],
    max_swaps: usize,
    max_cost: f32,
) -> Vec<Hit> {
    search_within_budget(fst, token, swaps, None, max_swaps, max_cost).0
}

/// [`search`], and whether it ran to the end: false when the bound on the nodes visited
/// cut it short, so that some reachable words may be missing.
/// `index`, when given, must be the [`SwapIndex`] of `swaps`.
pub(crate) fn search_within_budget<A: Automaton>(
    fst: A,
    token: &str,
    swaps: &[Swap],
    index: Option<&SwapIndex>,
    max_swaps: usize,
    max_cost: f32,
) -> (Vec<Hit>, bool) {
    let bytes = token.as_bytes();
    // Room for every swap the index offers at each position, so the list never grows by
    // copying (it did, some 500k times a run).
    let room = match index {
        Some(index) => (0..=bytes.len()).map(|i| index.at(&bytes[i..]).len()).sum(),
        None => 0,
    };
    let mut applicable = Vec::with_capacity(room);
    let mut starts = Vec::with_capacity(bytes.len() + 2);
    for i in 0..=bytes.len() {
        starts.push(applicable.len() as u32);
        let rest = &bytes[i..];
        let applies = |k: usize| {
            swaps
                .get(k)
                .is_some_and(|s| starts_with(rest, s.seen.as_bytes()))
        };
        match index {
            Some(index) => {
                // A swap dearer than the whole budget never fits in a path whose other
                // swaps cost nothing or more (the walk would skip it at every node).
                let prune = index.non_negative;
                for e in index.at(rest) {
                    if prune && e.cost > max_cost {
                        continue;
                    }
                    if !e.long || applies(usize::from(e.swap)) {
                        applicable.push(e.swap);
                    }
                }
            }
            None => applicable.extend(
                (0..swaps.len().min(usize::from(u16::MAX)))
                    .filter(|&k| applies(k))
                    .map(|k| k as u16),
            ),
        }
    }
    starts.push(applicable.len() as u32);
    let mut s = Search {
        fst,
        token: bytes,
        swaps,
        applicable,
        starts,
        max_swaps,
        max_cost,
        word: Vec::with_capacity(token.len() + 8),
        hits: Vec::new(),
        // A hard bound on the nodes visited, whatever the token.
        budget: 20_000,
    };
    let root = s.fst.root();
    s.walk(root, 0, 0, 0, 0.0);
    s.hits
        .sort_by(|a, b| a.word.cmp(&b.word).then(a.cost.total_cmp(&b.cost)));
    s.hits.dedup_by(|a, b| a.word == b.word);
    let complete = s.budget > 0;
    (s.hits, complete)
}

/// Words of `fst` one edit from `token` (a letter replaced, added, dropped, or two
/// neighbours swapped), whatever the letters: the edits an OCR engine makes outside any
/// confusion table ("wilhes" for "wishes", "olitude" for "solitude"). The walk follows
/// the token exactly up to the edit and exactly after it, so it visits a few nodes per
/// branch of the automaton along the token. Each word once, sorted, with cost 0.
pub(crate) fn one_edit<A: Automaton>(fst: A, token: &str) -> Vec<Hit> {
    let bytes = token.as_bytes();
    let mut hits: Vec<Hit> = Vec::new();
    let found = |hits: &mut Vec<Hit>, word: Vec<u8>, node: A::Node, out: u64| {
        if !fst.is_final(node) || word == bytes {
            return;
        }
        if let Ok(word) = String::from_utf8(word) {
            let value = out + fst.final_output(node);
            hits.push(Hit {
                word,
                entry: Entry::unpack(value),
                cost: 0.0,
            });
        }
    };
    let spell = |pieces: &[&[u8]]| pieces.concat();
    let (mut node, mut out) = (fst.root(), 0u64);
    for i in 0..=bytes.len() {
        let (done, rest) = bytes.split_at(i);
        // A letter added before `rest`, or put in place of its first byte.
        // Only a lower-case letter is put in: the token is a plain lower-case word.
        fst.for_each_transition(node, |inp, next, o| {
            if !inp.is_ascii_lowercase() {
                return;
            }
            let next_out = out + o;
            if let Some((end, o)) = fst.follow(next, next_out, rest) {
                found(&mut hits, spell(&[done, &[inp], rest]), end, o);
            }
            if let Some((&first, after)) = rest.split_first() {
                if inp != first {
                    if let Some((end, o)) = fst.follow(next, next_out, after) {
                        found(&mut hits, spell(&[done, &[inp], after]), end, o);
                    }
                }
            }
        });
        let Some((&first, after)) = rest.split_first() else {
            break;
        };
        // The first byte of `rest` dropped, or swapped with the next.
        if let Some((end, o)) = fst.follow(node, out, after) {
            found(&mut hits, spell(&[done, after]), end, o);
        }
        if let Some((&second, tail)) = after.split_first() {
            if second != first {
                if let Some((end, o)) = fst.follow(node, out, &[second, first]) {
                    if let Some((end, o)) = fst.follow(end, o, tail) {
                        found(&mut hits, spell(&[done, &[second, first], tail]), end, o);
                    }
                }
            }
        }
        match fst.step(node, first) {
            Some((n, o)) => (node, out) = (n, out + o),
            None => break,
        }
    }
    hits.sort_by(|a, b| a.word.cmp(&b.word));
    hits.dedup_by(|a, b| a.word == b.word);
    hits
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn starts_with_is_the_slices() {
        let pieces: [&[u8]; 9] = [
            b"",
            b"a",
            b"ab",
            b"abc",
            b"abcd",
            b"b",
            b"ba",
            "é".as_bytes(),
            b"abd",
        ];
        for hay in pieces {
            for needle in pieces {
                assert_eq!(
                    starts_with(hay, needle),
                    hay.starts_with(needle),
                    "{hay:?} {needle:?}"
                );
            }
        }
    }
}

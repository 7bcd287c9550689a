//! A fixed-width copy of the word automaton, for the searches on large inputs.
//!
//! The `fst` packs each node in a few bytes, and every step of a search decodes one: its
//! kind, the widths of its fields, then a scan for the input byte. A search of a large
//! text takes tens of millions of steps, and the decoding was a fifth of the run. Here
//! each node is one 64-bit header cell followed by one 64-bit cell per transition, so a
//! step reads a few adjacent cells. The copy takes about 8 MB and some tens of
//! milliseconds to build, so only inputs large enough to repay it use it
//! ([`super::Lexicon::prepare_for_large_input`]); the answers are the same as the fst's
//! (tests compare them).
//!
//! Cells: a header holds the number of transitions (bits 0..9), whether the node is
//! final (bit 9), whether its inputs are in ascending order (bit 10) and its final
//! output (bits 32..64). A transition holds its input byte (bits 0..8), the cell index of
//! its target (bits 8..32) and its output (bits 32..64).
//!
//! A node with more than `LINEAR_MAX` transitions (the few near the root, where every
//! search starts) has `INDEX_CELLS` cells between its header and its transitions: a
//! 256-bit map of its input bytes and, in the fifth cell, the number of bits set before
//! each 64-bit word of the map. When its inputs are ascending, a step finds the
//! transition's place by counting the bits below the byte, with no search.

use super::automaton::Automaton;
use fst::raw::Fst;

const LEN_MASK: u64 = 0x1ff;
const FINAL: u64 = 1 << 9;
const SORTED: u64 = 1 << 10;
/// Nodes with more transitions than this carry a map of their input bytes (see the
/// module's notes); smaller ones are scanned.
const LINEAR_MAX: usize = 12;
/// Cells of a large node's map of input bytes: four words of bits and their ranks.
const INDEX_CELLS: usize = 5;
/// Cell indices must fit the 24 bits a transition holds.
const MAX_CELLS: usize = 1 << 24;

/// The word automaton in fixed-width cells; a node is the index of its header cell.
pub(crate) struct Flat {
    cells: Vec<u64>,
}

impl Flat {
    /// The copy of `fst`, or `None` when it does not fit the cell layout (more than
    /// 2^24 cells, or an output over 32 bits): the caller keeps using the fst.
    pub(crate) fn from_fst<D: AsRef<[u8]>>(fst: &Fst<D>) -> Option<Flat> {
        let bytes = fst.as_bytes().len();
        // The cell index of each fst node, by its address (u32::MAX: not yet placed).
        let mut placed: Vec<u32> = vec![u32::MAX; bytes.checked_add(1)?];
        let mut cells: Vec<u64> = Vec::new();
        let mut todo: Vec<(usize, u32)> = Vec::new();
        let mut place =
            |addr: usize, cells: &mut Vec<u64>, todo: &mut Vec<(usize, u32)>| -> Option<u32> {
                let slot = placed.get_mut(addr)?;
                if *slot != u32::MAX {
                    return Some(*slot);
                }
                let node = fst.node(addr);
                let at = cells.len();
                let end = at.checked_add(1 + index_cells(node.len()) + node.len())?;
                if end > MAX_CELLS {
                    return None;
                }
                let id = u32::try_from(at).ok()?;
                let final_out = u32::try_from(node.final_output().value()).ok()?;
                let mut header = node.len() as u64 & LEN_MASK | u64::from(final_out) << 32;
                if node.is_final() {
                    header |= FINAL;
                }
                cells.push(header);
                cells.resize(end, 0);
                *slot = id;
                todo.push((addr, id));
                Some(id)
            };
        place(fst.root().addr(), &mut cells, &mut todo)?;
        while let Some((addr, id)) = todo.pop() {
            let node = fst.node(addr);
            let mut sorted = true;
            let mut last: Option<u8> = None;
            let extra = index_cells(node.len());
            let mut map = [0u64; 4];
            for (k, t) in node.transitions().enumerate() {
                let target = place(t.addr, &mut cells, &mut todo)?;
                let out = u32::try_from(t.out.value()).ok()?;
                let cell = u64::from(t.inp) | u64::from(target) << 8 | u64::from(out) << 32;
                *cells.get_mut(id as usize + 1 + extra + k)? = cell;
                sorted &= last.is_none_or(|l| l < t.inp);
                last = Some(t.inp);
                map[usize::from(t.inp >> 6)] |= 1 << (t.inp & 63);
            }
            if sorted {
                *cells.get_mut(id as usize)? |= SORTED;
            }
            if extra > 0 {
                let mut ranks = 0u64;
                let mut below = 0u64;
                for (w, bits) in map.iter().enumerate() {
                    ranks |= below << (16 * w);
                    below += u64::from(bits.count_ones());
                    *cells.get_mut(id as usize + 1 + w)? = *bits;
                }
                *cells.get_mut(id as usize + 1 + 4)? = ranks;
            }
        }
        cells.shrink_to_fit();
        Some(Flat { cells })
    }

    /// Bytes held.
    #[cfg(test)]
    pub(crate) fn heap_bytes(&self) -> usize {
        self.cells.capacity() * 8
    }

    #[inline]
    fn header(&self, node: u32) -> u64 {
        self.cells.get(node as usize).copied().unwrap_or(0)
    }

    /// The transition cells of `node`.
    #[inline]
    fn transitions(&self, node: u32) -> &[u64] {
        let len = (self.header(node) & LEN_MASK) as usize;
        let at = node as usize + 1 + index_cells(len);
        self.cells.get(at..at + len).unwrap_or(&[])
    }
}

/// Cells between the header of a node with `len` transitions and its transitions.
#[inline]
fn index_cells(len: usize) -> usize {
    if len > LINEAR_MAX {
        INDEX_CELLS
    } else {
        0
    }
}

#[inline]
fn target(cell: u64) -> u32 {
    ((cell >> 8) & 0xff_ffff) as u32
}

impl Automaton for &Flat {
    type Node = u32;

    #[inline]
    fn root(&self) -> u32 {
        0
    }

    #[inline]
    fn is_final(&self, node: u32) -> bool {
        self.header(node) & FINAL != 0
    }

    #[inline]
    fn final_output(&self, node: u32) -> u64 {
        self.header(node) >> 32
    }

    #[inline]
    fn step(&self, node: u32, b: u8) -> Option<(u32, u64)> {
        let header = self.header(node);
        let at = node as usize + 1;
        let len = (header & LEN_MASK) as usize;
        let cell = if len <= LINEAR_MAX || header & SORTED == 0 {
            *self.transitions(node).iter().find(|&&c| c as u8 == b)?
        } else {
            // The place of `b` among the ascending inputs: the bits set below it.
            let map = self.cells.get(at..at + INDEX_CELLS)?;
            let (w, bit) = (usize::from(b >> 6), b & 63);
            let bits = map[w];
            if bits >> bit & 1 == 0 {
                return None;
            }
            let below = (map[4] >> (16 * w)) & 0xffff;
            let rank = below as usize + (bits & ((1u64 << bit) - 1)).count_ones() as usize;
            *self.cells.get(at + INDEX_CELLS + rank)?
        };
        Some((target(cell), cell >> 32))
    }

    #[inline]
    fn for_each_transition(&self, node: u32, mut f: impl FnMut(u8, u32, u64)) {
        for &cell in self.transitions(node) {
            f(cell as u8, target(cell), cell >> 32);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words_fst() -> &'static Fst<&'static [u8]> {
        let lex = super::super::Lexicon::embedded();
        lex.words.as_ref().map(|m| m.as_fst()).unwrap()
    }

    /// Every word of the fst, by a walk of the flat copy: the same words in the same
    /// order with the same values, and nothing else.
    #[test]
    fn flat_copy_lists_the_fsts_words() {
        use fst::Streamer;
        let fst = words_fst();
        let flat = Flat::from_fst(fst).unwrap();
        let flat = &flat;
        let mut from_flat: Vec<(Vec<u8>, u64)> = Vec::new();
        let mut stack = vec![(flat.root(), 0u64, Vec::new())];
        while let Some((node, out, word)) = stack.pop() {
            if flat.is_final(node) {
                from_flat.push((word.clone(), out + flat.final_output(node)));
            }
            let mut next = Vec::new();
            flat.for_each_transition(node, |b, n, o| {
                let mut w = word.clone();
                w.push(b);
                next.push((n, out + o, w));
            });
            stack.extend(next.into_iter().rev());
        }
        from_flat.sort();
        let mut from_fst = Vec::new();
        let mut stream = fst.stream();
        while let Some((k, v)) = stream.next() {
            from_fst.push((k.to_vec(), v.value()));
        }
        assert_eq!(from_flat.len(), from_fst.len());
        assert!(from_flat == from_fst);
    }

    /// Steps, lookups and transition lists agree node for node along many paths.
    #[test]
    fn flat_steps_match_the_fsts() {
        let fst = words_fst();
        let owned = Flat::from_fst(fst).unwrap();
        let flat = &owned;
        let words = [
            "the",
            "The",
            "THE",
            "zebra",
            "café",
            "don't",
            "xyzzy",
            "",
            "a",
            "organisation",
            "Zürich",
            "qqq",
            "London",
            "iii",
            "mmmm",
        ];
        for w in words {
            assert_eq!(
                Automaton::get(&flat, w.as_bytes()),
                fst.get(w.as_bytes()).map(|o| o.value()),
                "{w}"
            );
            let (mut a, mut b) = (fst.root(), flat.root());
            for &byte in w.as_bytes() {
                let mut ta = Vec::new();
                fst.for_each_transition(a, |i, _, o| ta.push((i, o)));
                let mut tb = Vec::new();
                flat.for_each_transition(b, |i, _, o| tb.push((i, o)));
                assert_eq!(ta, tb);
                for probe in 0..=255u8 {
                    assert_eq!(
                        fst.step(a, probe).map(|(_, o)| o),
                        flat.step(b, probe).map(|(_, o)| o)
                    );
                }
                match (fst.step(a, byte), flat.step(b, byte)) {
                    (Some((na, _)), Some((nb, _))) => (a, b) = (na, nb),
                    (None, None) => break,
                    other => panic!("{w}: {:?}", other.0.is_some()),
                }
            }
        }
        assert!(owned.heap_bytes() > 0);
    }

    /// The confusion search, the one-edit search and the letter-between walk find the
    /// same words with the same entries and costs on both forms, for lexicon words and
    /// garbled forms of them.
    #[test]
    fn searches_agree_on_both_forms() {
        use crate::lexicon::search::{one_edit, search_within_budget};
        use crate::rules::confusion::model::{table_index, TABLE};
        use fst::Streamer;
        let fst = words_fst();
        let owned = Flat::from_fst(fst).unwrap();
        let flat = &owned;
        let mut tokens: Vec<String> = Vec::new();
        let mut stream = fst.stream();
        let mut k = 0usize;
        while let Some((word, _)) = stream.next() {
            k += 1;
            if k % 997 == 0 {
                if let Ok(w) = std::str::from_utf8(word) {
                    tokens.push(w.to_string());
                    tokens.push(w.replace('e', "c").replace('m', "rn"));
                    tokens.push(w.replace('h', "b").replace('l', "1"));
                }
            }
        }
        tokens.extend(
            [
                "tbe",
                "modem",
                "wbich",
                "IIlinois",
                "rnatter",
                "tho",
                "wUl",
                "afTorded",
                "maliciouB",
                "tLe",
            ]
            .map(String::from),
        );
        let key = |hits: Vec<crate::lexicon::search::Hit>| -> Vec<(String, Entry, u32)> {
            hits.into_iter()
                .map(|h| (h.word, h.entry, h.cost.to_bits()))
                .collect()
        };
        use crate::lexicon::Entry;
        for t in &tokens {
            for (swaps, cost) in [(1, 12.0), (2, 9.0)] {
                let a = search_within_budget(fst, t, TABLE, Some(table_index()), swaps, cost);
                let b = search_within_budget(flat, t, TABLE, Some(table_index()), swaps, cost);
                assert_eq!(a.1, b.1, "{t}");
                assert_eq!(key(a.0), key(b.0), "{t}");
            }
            assert_eq!(key(one_edit(fst, t)), key(one_edit(flat, t)), "{t}");
            let mut x = [None; 26];
            let mut y = [None; 26];
            let half = t.get(..t.len() / 2).unwrap_or("");
            crate::lexicon::letter_between(fst, half, "", &mut x);
            crate::lexicon::letter_between(flat, half, "", &mut y);
            assert_eq!(x, y, "{t}");
        }
        assert!(tokens.len() > 300);
    }
}

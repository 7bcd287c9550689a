//! The OCR confusion model: which strings OCR engines put in place of which, and how
//! likely each swap is, as a cost in nats (−ln of its probability per occurrence). The
//! weights are set by hand from what OCR engines are known to do (shape similarity: e/o/c,
//! h/b, rn/m, li/h, ligatures dropped), not fitted to any evaluation corpus. The groups
//! "ligatures read as one letter", "stems misread as other stems" and the swaps at cost
//! 5.0 after the accents were chosen after reading the errors left on the real corpora
//! (see the README); those at 5.0 never change a real word.

pub use crate::lexicon::search::SwapIndex;

/// One confusion: OCR wrote `seen` where the print had `meant`, with its cost.
pub type Confusion = crate::lexicon::search::Swap;

const fn c(seen: &'static str, meant: &'static str, cost: f32) -> Confusion {
    Confusion { seen, meant, cost }
}

/// Cost of an arbitrary one-character substitution, insertion or deletion.
pub const GENERIC_COST: f32 = 8.0;

/// The confusion table.
pub const TABLE: &[Confusion] = &[
    // round letters
    c("o", "e", 3.0),
    c("e", "o", 4.0),
    c("c", "e", 3.5),
    c("e", "c", 4.0),
    c("o", "c", 4.0),
    c("c", "o", 4.5),
    c("o", "a", 5.0),
    c("a", "o", 5.0),
    c("e", "a", 5.0),
    c("a", "e", 5.5),
    c("a", "s", 4.5),
    c("s", "a", 5.5),
    // stems and bowls
    c("b", "h", 3.5),
    c("h", "b", 4.0),
    c("li", "h", 3.5),
    c("h", "li", 5.0),
    c("il", "h", 4.5),
    c("ii", "h", 4.5),
    c("u", "n", 4.0),
    c("n", "u", 4.0),
    c("u", "a", 5.5),
    c("n", "a", 5.5),
    c("rn", "m", 3.5),
    c("m", "rn", 4.0),
    c("in", "m", 4.5),
    c("m", "in", 4.5),
    c("ni", "m", 5.0),
    c("ri", "n", 4.0),
    c("n", "ri", 4.5),
    c("cl", "d", 4.0),
    c("d", "cl", 4.5),
    c("vv", "w", 3.5),
    c("w", "vv", 4.5),
    c("Av", "w", 4.0),
    c("v", "y", 4.0),
    c("y", "v", 4.5),
    c("t", "f", 4.5),
    c("f", "t", 4.5),
    c("f", "s", 6.0),
    c("lc", "k", 4.5),
    // "nd" read as "mi": "ami" for "and", common in nineteenth-century print
    c("mi", "nd", 4.5),
    // more letters split or joined in such print: "mi" read as "nu" ("fanuly"), "nd" as
    // "iul" ("aiul"), "m" as "nr" ("nrorning"), "la" as "hi" ("phiyed")
    c("nu", "mi", 4.5),
    c("iul", "nd", 4.5),
    c("nr", "m", 4.5),
    c("hi", "la", 5.0),
    // stems misread as other stems ("foi" for "for", "wdl" for "will")
    c("i", "r", 4.5),
    c("a", "n", 5.0),
    c("i", "f", 5.0),
    c("i", "h", 5.0),
    c("d", "il", 4.5),
    c("J", "l", 4.0),
    c("j", "y", 4.5),
    c("V", "W", 4.0),
    c("v", "w", 4.5),
    c("M", "bl", 5.0),
    // vertical strokes
    c("i", "l", 3.5),
    c("l", "i", 4.0),
    c("I", "l", 3.0),
    c("l", "I", 4.0),
    c("1", "l", 3.5),
    c("1", "i", 4.0),
    c("1", "I", 4.0),
    c("|", "l", 3.5),
    c("!", "l", 4.5),
    c("U", "ll", 3.5),
    c("H", "ll", 4.5),
    c("t", "l", 5.0),
    c("l", "t", 5.0),
    c("ll", "U", 6.0),
    // digits inside words
    c("0", "o", 3.5),
    c("0", "O", 3.5),
    c("5", "s", 4.0),
    c("5", "S", 4.0),
    c("8", "B", 4.5),
    c("6", "b", 4.5),
    c("2", "z", 5.0),
    // accents that scanners of English print invent
    c("é", "e", 2.0),
    c("è", "e", 2.0),
    c("ê", "e", 2.5),
    c("ë", "e", 3.0),
    c("â", "a", 2.5),
    c("à", "a", 2.5),
    c("á", "a", 2.5),
    c("ô", "o", 2.5),
    c("ó", "o", 2.5),
    c("î", "i", 2.5),
    c("í", "i", 2.5),
    c("û", "u", 2.5),
    c("ù", "u", 2.5),
    c("ç", "c", 3.0),
    c("ii", "ü", 4.0),
    // ligatures read as one letter ("nrst" for "first", "nying" for "flying")
    c("n", "fi", 4.0),
    c("n", "fl", 4.5),
    c("n", "ff", 5.0),
    // seen in the real corpora's misreadings the table above missed; at 5.0, above the
    // real-word limit, they only ever mend non-words
    c("H", "li", 5.0),
    c("U", "li", 5.0),
    c("ii", "u", 5.0),
    c("Ji", "h", 5.0),
    c("ji", "p", 5.0),
    c("li", "b", 5.0),
    c("S", "ff", 5.0),
    c("8", "S", 5.0),
    c("m", "ni", 5.0),
    c("ti", "n", 5.0),
    c("b", "o", 5.0),
    c("d", "o", 5.0),
    c("t", "e", 5.0),
    c("s", "e", 5.0),
    c("U", "il", 5.0),
    c("ii", "n", 5.0),
    c("il", "d", 5.0),
    c("tl", "d", 5.0),
    c("tn", "m", 5.0),
    c("jj", "p", 5.0),
    c("i", "t", 5.0),
    c("é", "c", 5.0),
    c("O", "C", 5.0),
    c("B", "E", 5.0),
    c("K", "R", 5.0),
    c("E", "R", 5.0),
    c("h", "n", 5.0),
    c("n", "h", 5.0),
    // f read as l, its bar lost ("lor" for "for", "oflered" for "offered")
    c("l", "f", 5.0),
    // "r" read as "i" or "t" and an apostrophe ("fi'om" for "from", "tht'ough"), "f" as
    // "i" and one ("breaki'ast"), the "ff" ligature as an apostrophe ("o'ered"), and a
    // speck read as one ("thin'k"); only tokens whose apostrophe no contraction explains
    // are searched with them (see `word/needs.rs`)
    c("i'", "r", 4.0),
    c("i’", "r", 4.0),
    c("t'", "r", 4.5),
    c("i'", "f", 4.5),
    c("'", "ff", 4.0),
    c("’", "ff", 4.0),
    c("'", "", 4.5),
    c("’", "", 4.5),
    // the three-letter ligatures read as "m" ("omcial", "amiction")
    c("m", "ffi", 5.0),
    c("m", "ffl", 5.0),
    // ligatures lost in OCR
    c("", "fi", 4.0),
    c("", "fl", 4.5),
    c("", "ff", 4.5),
    c("", "ffi", 5.0),
    c("", "ffl", 5.5),
];

/// Cost of reading a capital inside a lower-case word as the letters its strokes resemble.
pub const CAPITAL_READING_COST: f32 = 4.0;

/// What a capital letter printed inside a lower-case word ("wUl", "afTorded", "tLe") may
/// stand for, as swaps for the automaton search: the lower-case letters whose strokes it
/// resembles ("U" for "ll", "li", "il" or "h"; "T" for "f" or "ff"; "B" for "s" or "fl"),
/// each at [`CAPITAL_READING_COST`]. Chosen from the shapes of the letters; a capital not
/// listed with others is read as itself in lower case. Only searched for tokens whose
/// first letter is lower case (see `word/candidates.rs`), so a capital is always inside
/// the word.
pub const CAPITAL_TABLE: &[Confusion] = {
    const K: f32 = CAPITAL_READING_COST;
    &[
        c("U", "ll", K),
        c("U", "li", K),
        c("U", "il", K),
        c("U", "ii", K),
        c("U", "h", K),
        c("U", "u", K),
        c("U", "n", K),
        c("T", "f", K),
        c("T", "ff", K),
        c("T", "t", K),
        c("B", "s", K),
        c("B", "fl", K),
        c("B", "b", K),
        c("L", "h", K),
        c("L", "t", K),
        c("L", "l", K),
        c("M", "ll", K),
        c("M", "ss", K),
        c("M", "m", K),
        c("D", "il", K),
        c("D", "ll", K),
        c("D", "d", K),
        c("H", "li", K),
        c("H", "ll", K),
        c("H", "h", K),
        c("H", "k", K),
        c("Q", "u", K),
        c("Q", "o", K),
        c("Q", "q", K),
        c("E", "f", K),
        c("E", "e", K),
        c("E", "c", K),
        c("I", "l", K),
        c("I", "i", K),
        c("J", "l", K),
        c("J", "i", K),
        c("J", "j", K),
        c("V", "v", K),
        c("V", "y", K),
        c("V", "w", K),
        c("Y", "v", K),
        c("Y", "y", K),
        c("K", "k", K),
        c("K", "h", K),
        c("C", "c", K),
        c("C", "e", K),
        c("O", "o", K),
        c("O", "c", K),
        c("O", "e", K),
        c("R", "r", K),
        c("R", "n", K),
        c("A", "a", K),
        c("F", "f", K),
        c("G", "g", K),
        c("N", "n", K),
        c("P", "p", K),
        c("S", "s", K),
        c("W", "w", K),
        c("X", "x", K),
        c("Z", "z", K),
    ]
};

/// What a letter of a word in capitals ("BFFECTS", "PROPKR", "TRAXSIT") may stand for, as
/// swaps for the automaton search, whose words are in lower case: each capital as itself
/// at no cost, and the capitals whose strokes resemble another's as that one at
/// [`CAPITAL_READING_COST`] (B and K for E, where the middle bar or the spine is lost; X
/// for N; AV for W). Searched only for a token in capitals of five letters or more (see
/// `word/candidates.rs`), within one misreading. The token is searched as written, not
/// in lower case, so that its first capital may also match a name's ("NORTHUMBKRLAND"
/// finds "Northumberland"): hence each capital as itself, at no cost.
pub const UPPER_TABLE: &[Confusion] = {
    const K: f32 = CAPITAL_READING_COST;
    &[
        c("A", "a", 0.0),
        c("B", "b", 0.0),
        c("C", "c", 0.0),
        c("D", "d", 0.0),
        c("E", "e", 0.0),
        c("F", "f", 0.0),
        c("G", "g", 0.0),
        c("H", "h", 0.0),
        c("I", "i", 0.0),
        c("J", "j", 0.0),
        c("K", "k", 0.0),
        c("L", "l", 0.0),
        c("M", "m", 0.0),
        c("N", "n", 0.0),
        c("O", "o", 0.0),
        c("P", "p", 0.0),
        c("Q", "q", 0.0),
        c("R", "r", 0.0),
        c("S", "s", 0.0),
        c("T", "t", 0.0),
        c("U", "u", 0.0),
        c("V", "v", 0.0),
        c("W", "w", 0.0),
        c("X", "x", 0.0),
        c("Y", "y", 0.0),
        c("Z", "z", 0.0),
        c("B", "e", K),
        c("K", "e", K),
        c("X", "n", K),
        c("AV", "w", K),
    ]
};

/// The [`SwapIndex`] of [`UPPER_TABLE`], built once.
pub fn upper_index() -> &'static SwapIndex {
    static INDEX: std::sync::OnceLock<SwapIndex> = std::sync::OnceLock::new();
    INDEX.get_or_init(|| SwapIndex::new(UPPER_TABLE))
}

/// The [`SwapIndex`] of [`CAPITAL_TABLE`], built once.
pub fn capital_index() -> &'static SwapIndex {
    static INDEX: std::sync::OnceLock<SwapIndex> = std::sync::OnceLock::new();
    INDEX.get_or_init(|| SwapIndex::new(CAPITAL_TABLE))
}

/// Every single application of a table swap to `word`.
pub fn table_swaps(word: &str) -> Vec<(String, f32)> {
    let mut out = Vec::new();
    for_each_table_swap(word, |s, cost| out.push((s.to_string(), cost)));
    out
}

/// The [`SwapIndex`] of [`TABLE`], built once.
pub fn table_index() -> &'static SwapIndex {
    static INDEX: std::sync::OnceLock<SwapIndex> = std::sync::OnceLock::new();
    INDEX.get_or_init(|| SwapIndex::new(TABLE))
}

/// Call `f` with every single application of a table swap to `word` and its cost, in one
/// reused buffer (no allocation per variant). Positions in order, and at each the swaps in
/// table order; only the swaps that can apply there are tried.
pub fn for_each_table_swap(word: &str, f: impl FnMut(&str, f32)) {
    for_each_swap_in(TABLE, table_index(), word, f);
}

/// [`for_each_table_swap`] with the swaps of `table` (such as a document's own weighing
/// of [`TABLE`]); `index` is the [`SwapIndex`] of `table`.
pub fn for_each_swap_in(
    table: &[Confusion],
    index: &SwapIndex,
    word: &str,
    mut f: impl FnMut(&str, f32),
) {
    for_each_swap_at(table, index, word, |_, s, cost| f(s, cost));
}

/// [`for_each_swap_in`], also telling `f` which of `table`'s swaps made each variant.
pub fn for_each_swap_at(
    table: &[Confusion],
    index: &SwapIndex,
    word: &str,
    mut f: impl FnMut(usize, &str, f32),
) {
    let bytes = word.as_bytes();
    let mut buf: Vec<u8> = Vec::with_capacity(word.len() + 4);
    // The place and lengths (position, `seen`, `meant`) of the variant in `buf`: the next
    // variant with the same ones differs only in `meant`'s bytes, which are overwritten
    // instead of copying the whole word again (millions of variants a run).
    let mut layout: Option<(usize, usize, usize)> = None;
    for i in (0..=bytes.len()).filter(|&i| word.is_char_boundary(i)) {
        let rest = &bytes[i..];
        for e in index.at(rest) {
            let k = usize::from(e.swap);
            let Some(conf) = table.get(k) else {
                continue;
            };
            let seen = conf.seen.as_bytes();
            if crate::lexicon::search::starts_with(rest, seen) {
                let meant = conf.meant.as_bytes();
                let here = (i, seen.len(), meant.len());
                if layout == Some(here) {
                    overwrite(&mut buf, i, meant);
                } else {
                    buf.clear();
                    buf.extend_from_slice(&bytes[..i]);
                    buf.extend_from_slice(meant);
                    buf.extend_from_slice(&bytes[i + seen.len()..]);
                    layout = Some(here);
                }
                // Always UTF-8: `i` and `i + seen.len()` are character boundaries.
                if let Ok(variant) = std::str::from_utf8(&buf) {
                    f(k, variant, conf.cost);
                }
            }
        }
    }
}

/// `buf[at..at + new.len()] = new`, byte by byte for the one to three bytes of a swap (a
/// slice copy calls the C library's memcpy, whose call costs more than the copy).
#[inline]
fn overwrite(buf: &mut [u8], at: usize, new: &[u8]) {
    match (buf.get_mut(at..at + new.len()), new) {
        (Some([x]), &[a]) => *x = a,
        (Some([x, y]), &[a, b]) => (*x, *y) = (a, b),
        (Some([x, y, z]), &[a, b, c]) => (*x, *y, *z) = (a, b, c),
        (Some(slot), _) => slot.copy_from_slice(new),
        (None, _) => {}
    }
}

/// Whether `a` becomes `b` by one deletion, insertion, substitution or transposition of
/// adjacent characters.
pub fn one_edit_apart(a: &str, b: &str) -> bool {
    // One character is at most four bytes: a cheap test before collecting characters.
    if a.len().abs_diff(b.len()) > 4 {
        return false;
    }
    // ASCII words (nearly all) are compared as bytes, with no list of characters made.
    if a.is_ascii() && b.is_ascii() {
        return one_edit_apart_in(a.as_bytes(), b.as_bytes());
    }
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    one_edit_apart_in(&a, &b)
}

/// [`one_edit_apart`] on the characters (or, for ASCII, the bytes) of the two words.
fn one_edit_apart_in<T: PartialEq>(a: &[T], b: &[T]) -> bool {
    if a == b || a.len().abs_diff(b.len()) > 1 {
        return false;
    }
    let prefix = a.iter().zip(b).take_while(|(x, y)| x == y).count();
    let (ra, rb) = (&a[prefix..], &b[prefix..]);
    match ra.len().cmp(&rb.len()) {
        std::cmp::Ordering::Less => ra == &rb[1..],
        std::cmp::Ordering::Greater => &ra[1..] == rb,
        std::cmp::Ordering::Equal => {
            ra[1..] == rb[1..]
                || (ra.len() >= 2 && ra[0] == rb[1] && ra[1] == rb[0] && ra[2..] == rb[2..])
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn reaches(from: &str, to: &str) -> bool {
        table_swaps(from).iter().any(|(w, _)| w == to)
            || table_swaps(from)
                .iter()
                .any(|(w, _)| table_swaps(w).iter().any(|(v, _)| v == to))
    }

    /// The first version of [`for_each_table_swap`]: every table swap tried at every
    /// position.
    fn every_swap_everywhere(word: &str) -> Vec<(String, f32)> {
        let bytes = word.as_bytes();
        let mut out = Vec::new();
        for i in (0..=bytes.len()).filter(|&i| word.is_char_boundary(i)) {
            let rest = &bytes[i..];
            for conf in TABLE {
                let seen = conf.seen.as_bytes();
                let applies = match seen.first() {
                    None => true,
                    Some(b) => rest.first() == Some(b) && rest.starts_with(seen),
                };
                if applies {
                    let v = format!("{}{}{}", &word[..i], conf.meant, &word[i + seen.len()..]);
                    out.push((v, conf.cost));
                }
            }
        }
        out
    }

    #[test]
    fn swaps_come_in_the_same_order_as_trying_each_everywhere() {
        assert!(TABLE.len() < 256);
        for word in [
            "",
            "tbe",
            "whioh",
            "rnatter",
            "Illinois",
            "caf\u{e9}",
            "ii\u{fc}n",
            "l953",
            "AvUH|!",
            "rnrnmm",
            "cliclidd",
            "vvwwvv",
            "modern",
        ] {
            assert_eq!(table_swaps(word), every_swap_everywhere(word), "{word}");
        }
    }

    /// ASCII words compared as bytes get the answer their characters get.
    #[test]
    fn one_edit_apart_on_bytes_is_on_chars() {
        let words = [
            "",
            "a",
            "ab",
            "ba",
            "abc",
            "acb",
            "abd",
            "abcd",
            "bacd",
            "xbc",
            "the",
            "teh",
            "tha",
            "commuist",
            "communist",
            "wilhes",
            "wishes",
        ];
        for a in words {
            for b in words {
                let chars = |w: &str| w.chars().collect::<Vec<char>>();
                assert_eq!(
                    one_edit_apart(a, b),
                    one_edit_apart_in(&chars(a), &chars(b)),
                    "{a} {b}"
                );
            }
        }
        assert!(one_edit_apart("café", "cafe") && !one_edit_apart("café", "café"));
    }

    #[test]
    fn reaches_typical_misreads() {
        assert!(reaches("tbe", "the"));
        assert!(reaches("nrst", "first"));
        assert!(reaches("nying", "flying"));
        assert!(reaches("foi", "for"));
        assert!(reaches("wdl", "will"));
        assert!(reaches("Vhen", "When"));
        assert!(reaches("whioh", "which"));
        assert!(reaches("stiU", "still"));
        assert!(reaches("rst", "first"));
        assert!(reaches("corne", "come"));
        assert!(one_edit_apart("commuist", "communist"));
        assert!(one_edit_apart("teh", "the"));
        assert!(one_edit_apart("thee", "the"));
        assert!(one_edit_apart("tha", "the"));
        assert!(!one_edit_apart("the", "the"));
        assert!(!one_edit_apart("tbx", "the"));
    }
}

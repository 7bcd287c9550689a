//! What the lexicon knows about one word, unpacked from the `u64` stored in the fst map.
//!
//! Packed layout (written by `scripts/build_lexicon.py`, keep both in sync):
//! bits 0..8 frequency bucket (0 = no count, else `round(7 * log2(count))`), bits 8..16 SCOWL
//! size level, bits 16.. flags.

/// Scale of the logarithmic frequency bucket: `bucket = round(BUCKET_SCALE * log2(count))`.
pub(crate) const BUCKET_SCALE: f64 = 7.0;

const F_PROPER: u64 = 1 << 16;
const F_ABBREV: u64 = 1 << 17;
const F_CONTRACTION: u64 = 1 << 18;
const F_AMERICAN: u64 = 1 << 19;
const F_BRITISH: u64 = 1 << 20;
const F_CANADIAN: u64 = 1 << 21;
const F_AUSTRALIAN: u64 = 1 << 22;
const F_VARIANT: u64 = 1 << 23;
const F_ROMAN: u64 = 1 << 24;

/// Which national spellings accept a word. A word from SCOWL's spelling-neutral lists is
/// valid everywhere; one from a national list ("colour", "color") only there.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Regions {
    /// Valid in American spelling.
    pub american: bool,
    /// Valid in British spelling (either -ise or -ize).
    pub british: bool,
    /// Valid in Canadian spelling.
    pub canadian: bool,
    /// Valid in Australian spelling.
    pub australian: bool,
}

impl Regions {
    /// True when the word is valid in every national spelling.
    pub fn all(&self) -> bool {
        self.american && self.british && self.canadian && self.australian
    }
}

/// What the lexicon knows about one word.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Entry {
    /// Approximate count of the word (lower-cased) in the symspellpy English frequency list
    /// (Google Books counts, within about 5%); 0 when the list lacks it. Upper- and lower-case
    /// entries of one word share a count ("US" and "us").
    pub frequency: u64,
    /// SCOWL size level, 10 (the commonest words) to 80 (rare words, Scrabble words). Levels
    /// up to [`super::COMMON_LEVEL`] are words of ordinary dictionaries.
    pub level: u8,
    /// A proper name: a person, place, organisation or other capitalised word ("London").
    pub proper: bool,
    /// An abbreviation or acronym that is not also a normal word ("NATO", "Mr", "etc").
    pub abbreviation: bool,
    /// A contraction ("don't", "I'm").
    pub contraction: bool,
    /// A Roman numeral ("II", "viii").
    pub roman: bool,
    /// Only in a SCOWL variant list: an accepted but less usual spelling ("judgement").
    pub variant: bool,
    /// The national spellings that accept the word.
    pub regions: Regions,
}

impl Entry {
    /// Unpack a value of the embedded map.
    pub(crate) fn unpack(v: u64) -> Entry {
        let flag = |f: u64| v & f != 0;
        let national = v & (F_AMERICAN | F_BRITISH | F_CANADIAN | F_AUSTRALIAN) != 0;
        Entry {
            frequency: bucket_count(v & 0xff),
            level: ((v >> 8) & 0xff) as u8,
            proper: flag(F_PROPER),
            abbreviation: flag(F_ABBREV),
            contraction: flag(F_CONTRACTION),
            roman: flag(F_ROMAN),
            variant: flag(F_VARIANT),
            regions: Regions {
                american: !national || flag(F_AMERICAN),
                british: !national || flag(F_BRITISH),
                canadian: !national || flag(F_CANADIAN),
                australian: !national || flag(F_AUSTRALIAN),
            },
        }
    }

    /// True when the word is in SCOWL's ordinary-dictionary levels (up to
    /// [`super::COMMON_LEVEL`]), false for the rare words of level 80.
    pub fn is_common(&self) -> bool {
        self.level <= super::COMMON_LEVEL
    }
}

/// The approximate count a frequency bucket stands for (0 for bucket 0). Word buckets fit
/// in 8 bits; bigram buckets are not capped (saturates at `u64::MAX`, never panics).
pub(crate) fn bucket_count(bucket: u64) -> u64 {
    if bucket == 0 {
        return 0;
    }
    (bucket.min(u64::from(u16::MAX)) as f64 / BUCKET_SCALE)
        .exp2()
        .round() as u64
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unpacks_fields() {
        let e = Entry::unpack(70 | (35 << 8) | F_PROPER | F_BRITISH | F_VARIANT);
        assert_eq!(e.level, 35);
        assert_eq!(e.frequency, bucket_count(70));
        assert!(e.proper && e.variant && !e.abbreviation && !e.roman && !e.contraction);
        assert!(e.regions.british && !e.regions.american && !e.regions.all());
        assert!(e.is_common());
    }

    #[test]
    fn neutral_words_are_valid_everywhere() {
        let e = Entry::unpack(10 << 8);
        assert!(e.regions.all());
        assert_eq!(e.frequency, 0);
    }

    #[test]
    fn buckets_are_monotonic_and_close() {
        assert_eq!(bucket_count(0), 0);
        assert_eq!(bucket_count(7), 2);
        let mut last = 0;
        for b in 1..=300u64 {
            let c = bucket_count(b);
            assert!(c >= last && c >= 1, "bucket {b}");
            last = c;
        }
        // Within 5% of the count a bucket was made from.
        let count = 1_000_000f64;
        let b = (BUCKET_SCALE * count.log2()).round() as u64;
        let back = bucket_count(b) as f64;
        assert!((back / count - 1.0).abs() < 0.05, "{back}");
        assert_eq!(bucket_count(u64::MAX), u64::MAX);
        // The count of "the" (about 2.3e10) is representable.
        assert!(bucket_count(241) > 20_000_000_000);
    }
}

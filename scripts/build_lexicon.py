#!/usr/bin/env python3
"""Build the embedded English lexicon of ocrclean (data/lexicon/*.fst).

Sources, fetched from the package registries with their ordinary clients:

* Debian's `scowl` package (`apt-get download scowl`): the SCOWL word lists by size level
  (10 = most common ... 95 = obscure) and category (words, upper, proper-names,
  abbreviations, contractions) for English, American, British (-ise and -ize), Canadian and
  Australian spellings, plus their variant lists. Licence: SCOWL's permissive licence
  (see docs/lexicon.md).
* PyPI's `symspellpy` wheel (`pip download symspellpy`): frequency_dictionary_en_82_765.txt
  (word counts) and frequency_bigramdictionary_en_243_342.txt (bigram counts). MIT.

The script writes two sorted TSV files (key, packed value) into a work directory and runs
`cargo run --example build_lexicon_fst` to turn them into fst maps in data/lexicon/.
The layout of the packed value is documented in src/lexicon/entry.rs and must match the
constants below.

Usage:
    python3 scripts/build_lexicon.py            # fetch into target/lexicon-src, build
    python3 scripts/build_lexicon.py --src DIR  # reuse (or fetch into) DIR
    python3 scripts/build_lexicon.py --no-fst   # only write the TSV files
"""

import argparse
import glob
import math
import os
import re
import subprocess
import sys
import zipfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

# The symspellpy release the counts come from (recorded in data/lexicon/SOURCES).
SYMSPELL_VERSION = "6.10.1"
SYMSPELL_WORDS = "symspellpy/frequency_dictionary_en_82_765.txt"
SYMSPELL_BIGRAMS = "symspellpy/frequency_bigramdictionary_en_243_342.txt"

# Highest SCOWL size level kept. 80 is "huge" (Scrabble words); 95 ("insane") is left out:
# its entries are mostly not words to a reader, and every extra word is an OCR error that
# the lexicon would accept. Levels above 70 are kept but marked by their level so callers
# can treat them as rare (see Lexicon::is_common_level in src/lexicon).
MAX_LEVEL = 80
# Words only in the frequency list are left out: the ones common enough to matter are, in
# SCOWL, accented ("cafe" -> "café", handled by data/lexicon/accents.tsv) or technical jargon.

# --- packed value layout (keep in sync with src/lexicon/entry.rs) ---------------------------
# bits 0..8   frequency bucket: 0 = no count, else round(BUCKET_SCALE * log2(count)) (1..=255)
# bits 8..15  SCOWL size level (10..=MAX_LEVEL)
# bits 16..   flags
BUCKET_SCALE = 7.0
F_PROPER = 1 << 16  # a proper name (SCOWL upper / proper-names with an initial capital)
F_ABBREV = 1 << 17  # an abbreviation or acronym (SCOWL abbreviations)
F_CONTRACTION = 1 << 18  # a contraction (SCOWL contractions)
F_AMERICAN = 1 << 19  # spelling specific to American English
F_BRITISH = 1 << 20  # spelling specific to British English (-ise or -ize)
F_CANADIAN = 1 << 21  # spelling specific to Canadian English
F_AUSTRALIAN = 1 << 22  # spelling specific to Australian English
F_VARIANT = 1 << 23  # only in a SCOWL variant list (an accepted alternative spelling)
F_ROMAN = 1 << 24  # a Roman numeral (SCOWL special-roman-numerals)
F_ALL_REGIONS = F_AMERICAN | F_BRITISH | F_CANADIAN | F_AUSTRALIAN

SPELLING = {
    "english": 0,
    "american": F_AMERICAN,
    "british": F_BRITISH,
    "british_z": F_BRITISH,
    "canadian": F_CANADIAN,
    "australian": F_AUSTRALIAN,
    "variant_1": F_AMERICAN | F_VARIANT,
    "variant_2": F_AMERICAN | F_VARIANT,
    "british_variant_1": F_BRITISH | F_VARIANT,
    "british_variant_2": F_BRITISH | F_VARIANT,
    "canadian_variant_1": F_CANADIAN | F_VARIANT,
    "canadian_variant_2": F_CANADIAN | F_VARIANT,
    "australian_variant_1": F_AUSTRALIAN | F_VARIANT,
    "australian_variant_2": F_AUSTRALIAN | F_VARIANT,
    # variant_3 ("seldom used and may not even be considered correct") is left out, except
    # its abbreviations ("Messrs", "Revd", "Jnr"): see VARIANT_3_SUBCATEGORIES.
    "variant_3": F_VARIANT,
}
VARIANT_3_SUBCATEGORIES = {"abbreviations"}
SUBCATEGORY = {
    "words": 0,
    "upper": 0,  # proper flag decided by the capital letter
    "proper-names": 0,
    "abbreviations": F_ABBREV,
    "contractions": F_CONTRACTION,
}


def run(cmd, cwd):
    print("+", " ".join(cmd), file=sys.stderr)
    subprocess.run(cmd, cwd=cwd, check=True)


def fetch(src):
    """Fetch the scowl .deb and the symspellpy wheel into src (skipped when present)."""
    os.makedirs(src, exist_ok=True)
    if not glob.glob(os.path.join(src, "scowl_*.deb")):
        try:
            run(["apt-get", "download", "scowl"], src)
        except subprocess.CalledProcessError:
            sys.exit("apt-get download scowl failed: run `apt-get update` first")
    if not glob.glob(os.path.join(src, "symspellpy-*.whl")):
        run(
            [sys.executable, "-m", "pip", "download", "--no-deps",
             f"symspellpy=={SYMSPELL_VERSION}", "-d", src],
            src,
        )
    scowl_dir = os.path.join(src, "scowl")
    if not os.path.isdir(scowl_dir):
        deb = sorted(glob.glob(os.path.join(src, "scowl_*.deb")))[-1]
        run(["dpkg-deb", "-x", deb, scowl_dir], src)
    return scowl_dir, sorted(glob.glob(os.path.join(src, "symspellpy-*.whl")))[-1]


def read_counts(wheel, member):
    with zipfile.ZipFile(wheel) as z:
        text = z.read(member).decode("utf-8")
    counts = {}
    for line in text.splitlines():
        parts = line.split()
        if len(parts) < 2:
            continue
        key = " ".join(parts[:-1])
        try:
            counts[key] = int(parts[-1])
        except ValueError:
            continue
    return counts


def bucket(count, cap=255):
    """The log bucket of a count; words keep it in 8 bits, bigrams (whose counts reach
    1.8e11, above 2^(255/7)) uncapped."""
    if count <= 0:
        return 0
    return max(1, min(cap, round(BUCKET_SCALE * math.log2(count))))


FILE_RE = re.compile(r"^([a-z_0-9]+)-([a-z-]+)\.(\d+)$")


def read_scowl(scowl_dir):
    """Return {word: (level, flags)} merged over every kept SCOWL list."""
    base = os.path.join(scowl_dir, "usr/share/dict/scowl")
    words = {}

    def add(word, level, flags):
        # (level, flags, in a spelling-neutral list, in a non-variant list)
        neutral = flags & F_ALL_REGIONS == 0
        main = flags & F_VARIANT == 0
        old = words.get(word)
        if old is None:
            words[word] = (level, flags, neutral, main)
        else:
            lvl, fl, n, m = old
            words[word] = (min(lvl, level), fl | flags, n or neutral, m or main)

    for path in sorted(os.listdir(base)):
        m = FILE_RE.match(path)
        if not m:
            continue
        spelling, sub, level = m.group(1), m.group(2), int(m.group(3))
        if level > MAX_LEVEL:
            continue
        if spelling == "special":
            if sub != "roman-numerals":
                continue
            flags = F_ROMAN
        elif spelling == "variant_3" and sub not in VARIANT_3_SUBCATEGORIES:
            continue
        elif spelling in SPELLING and sub in SUBCATEGORY:
            flags = SPELLING[spelling] | SUBCATEGORY[sub]
        else:
            continue
        with open(os.path.join(base, path), encoding="utf-8") as f:
            for line in f:
                w = line.strip()
                if not w:
                    continue
                fl = flags
                if sub in ("upper", "proper-names") and w[0].isupper():
                    fl |= F_PROPER
                add(w, level, fl)
                if flags & F_ROMAN:
                    add(w.upper(), level, flags)
    out = {}
    for w, (level, flags, neutral, main) in words.items():
        # A word in a spelling-neutral list ("english") is valid in every region; one in a
        # main list of some region is not a variant.
        if neutral:
            flags &= ~F_ALL_REGIONS
        if main:
            flags &= ~F_VARIANT
        out[w] = (level, flags)
    return out


def fold(word):
    """The word without diacritics ("café" -> "cafe"); same table as src/lexicon/fold.rs."""
    return "".join(FOLD.get(ch, ch) for ch in word)


FOLD = {"æ": "ae", "Æ": "Ae", "œ": "oe", "Œ": "Oe"}

for _plain, _accented in [
    ("a", "àáâãäåā"), ("A", "ÀÁÂÃÄÅĀ"), ("c", "çćč"), ("C", "ÇĆČ"), ("e", "èéêëēėę"),
    ("E", "ÈÉÊËĒĖĘ"), ("i", "ìíîïī"), ("I", "ÌÍÎÏĪ"), ("n", "ñń"), ("N", "ÑŃ"),
    ("o", "òóôõöøō"), ("O", "ÒÓÔÕÖØŌ"), ("u", "ùúûüū"), ("U", "ÙÚÛÜŪ"), ("y", "ýÿ"),
    ("Y", "Ý"), ("s", "šś"), ("S", "ŠŚ"), ("z", "žźż"), ("Z", "ŽŹŻ"), ("l", "ł"), ("L", "Ł"),
]:
    for _ch in _accented:
        FOLD[_ch] = _plain


def freq_key(word):
    """The frequency-list key of a lexicon word: lower case, straight apostrophe."""
    return word.lower().replace("\u2019", "'")


# Frequency-list keys whose counts are not the word's own: the list's tokenizer split
# contractions and hyphenated words, so "re" counts every "you're" and "re-election"
# (430 million, as often as "as"; its bigram "the re" 126 million), and a lost "fi" ("the
# re" for "the fire") looked like a common word. Its count is dropped (the SCOWL level still
# ranks it), with every bigram it is part of. "don" ("don't") and "haven" ("haven't") are
# inflated the same way but are words and names in their own right; dropping theirs too
# changed nothing on the real corpora, so they keep their counts.
SPLIT_ARTEFACTS = {"re"}


def build_words(scowl, counts):
    """Packed rows {word: value} and the accent table {folded: accented} (folded not a word)."""
    rows = {}
    accents = {}
    for w, (level, flags) in scowl.items():
        k = freq_key(w)
        c = 0 if k in SPLIT_ARTEFACTS else counts.get(k, 0) or counts.get(fold(k), 0)
        rows[w] = bucket(c) | (level << 8) | flags
        f = fold(w)
        if f != w and f not in scowl:
            # Keep the commonest accented spelling for a folded form.
            if f not in accents or scowl[w][0] < scowl[accents[f]][0]:
                accents[f] = w
    return rows, accents


def build_bigrams(counts):
    rows = {}
    for key, c in counts.items():
        parts = key.split(" ")
        if len(parts) != 2 or not all(parts) or SPLIT_ARTEFACTS.intersection(parts):
            continue
        rows[key] = bucket(c, cap=1 << 16)
    return rows


def write_tsv(rows, path):
    items = sorted(rows.items(), key=lambda kv: kv[0].encode("utf-8"))
    with open(path, "w", encoding="utf-8") as f:
        for k, v in items:
            if "\t" in k or "\n" in k:
                continue
            f.write(f"{k}\t{v}\n")
    return len(items)


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--src", default=os.path.join(ROOT, "target/lexicon-src"),
                    help="where sources are fetched and unpacked")
    ap.add_argument("--out", default=os.path.join(ROOT, "data/lexicon"),
                    help="where the fst files are written")
    ap.add_argument("--no-fst", action="store_true", help="write the TSV files only")
    args = ap.parse_args()

    scowl_dir, wheel = fetch(args.src)
    scowl = read_scowl(scowl_dir)
    counts = read_counts(wheel, SYMSPELL_WORDS)
    words, accents = build_words(scowl, counts)
    bigrams = build_bigrams(read_counts(wheel, SYMSPELL_BIGRAMS))

    os.makedirs(args.out, exist_ok=True)
    words_tsv = os.path.join(args.src, "words.tsv")
    bigrams_tsv = os.path.join(args.src, "bigrams.tsv")
    n_words = write_tsv(words, words_tsv)
    n_bigrams = write_tsv(bigrams, bigrams_tsv)
    n_accents = write_tsv(accents, os.path.join(args.out, "accents.tsv"))
    print(f"words: {n_words} (SCOWL <= {MAX_LEVEL}); accented: {n_accents}; "
          f"bigrams: {n_bigrams}", file=sys.stderr)

    deb = os.path.basename(sorted(glob.glob(os.path.join(args.src, "scowl_*.deb")))[-1])
    with open(os.path.join(args.out, "SOURCES"), "w", encoding="utf-8") as f:
        f.write(f"scowl: Debian {deb}, levels <= {MAX_LEVEL}, variants 1-2, variant-3 "
                "abbreviations, roman numerals\n")
        f.write(f"symspellpy: PyPI {os.path.basename(wheel)}: {SYMSPELL_WORDS}, "
                f"{SYMSPELL_BIGRAMS}\n")
        f.write(f"words: {n_words}; accented words (accents.tsv): {n_accents}; "
                f"bigrams: {n_bigrams}\n")
        f.write("built by: python3 scripts/build_lexicon.py\n")
    if args.no_fst:
        return
    run(["cargo", "run", "--quiet", "--example", "build_lexicon_fst", "--",
         words_tsv, os.path.join(args.out, "words.fst")], ROOT)
    run(["cargo", "run", "--quiet", "--example", "build_lexicon_fst", "--",
         bigrams_tsv, os.path.join(args.out, "bigrams.fst")], ROOT)


if __name__ == "__main__":
    main()

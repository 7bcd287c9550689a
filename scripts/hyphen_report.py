#!/usr/bin/env python3
"""List every line-end hyphen of an input and what `clean` made of it, against the truth.

hyphen_report.py [--clean PATH] [--args 'ARGS'] [--quiet] DOC_DIR... 
  DOC_DIR  a folder with the input (ocr.txt, or --input NAME such as born.pdf) and
           truth.txt (one paragraph a line), such as ../shared/corpus/generated/*/
The input text is the one `clean` read (for a PDF, its extracted text), rebuilt from the
JSON report.
For each hyphen at a line end in the input (a hyphen right after a non-space character,
followed only by spaces before the line break or page break), the script finds the word
the output has there (through the JSON change list: the original offset mapped into the
output) and the truth word aligned with it, and prints

  OK|MISS  doc  page  'input-' + 'next'  ->  'output word'  truth 'truth word'  [how]

where how is joined, kept (the hyphen kept and the word closed up), left (unchanged) or
other; "OCR-garbled" marks a case whose two parts, joined or hyphenated, do not spell the
truth word (no hyphen decision can get it right). Hyphens inside removed page furniture
are not counted. A case is OK when the output word equals the aligned truth word (surrounding
punctuation ignored). Its decision is right when the output has a hyphen exactly when the
truth word does; "hard dropped" counts truth words with a hyphen that came out without.
Ends with totals. Needs the `clean` binary (default target/release/clean).
"""
import difflib, json, os, re, subprocess, sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from report_common import original_text  # noqa: E402

HYPHEN_AT_END = re.compile(rb"(?<=\S)-[ \t]*(?=\r?\n|\r|\x0c)")
PUNCT = "\"'“”‘’()[]{}.,;:!?*"


def strip(w):
    return w.strip(PUNCT)


def tokens_with_offsets(text):
    return [(m.start(), m.group()) for m in re.finditer(r"\S+", text.replace("\f", "\n"))]




def map_offset(changes, pos):
    """Map a byte offset of the original into the output (bytes)."""
    delta = 0
    for c in changes:
        if not c["applied"]:
            continue
        if c["end"] <= pos and not (c["start"] == c["end"] == pos):
            delta += len(c["new"].encode()) - (c["end"] - c["start"])
        elif c["start"] <= pos < c["end"]:
            return c["start"] + delta, c
        else:
            break
    return pos + delta, None


def token_at(out_bytes, pos):
    """The whitespace-delimited token of the output at byte `pos` and its index."""
    text = out_bytes.decode("utf-8", "replace")
    char_pos = len(out_bytes[:pos].decode("utf-8", "replace"))
    toks = tokens_with_offsets(text)
    for i, (s, t) in enumerate(toks):
        if s <= char_pos < s + len(t):
            return i, t, toks
        if s > char_pos:
            return i, t, toks
    return len(toks) - 1, toks[-1][1] if toks else "", toks


def main():
    args = sys.argv[1:]
    clean = "target/release/clean"
    extra = []
    input_name = "ocr.txt"
    quiet = False
    dirs = []
    i = 0
    while i < len(args):
        a = args[i]
        if a == "--clean":
            clean = args[i + 1]; i += 2; continue
        if a == "--args":
            extra = args[i + 1].split(); i += 2; continue
        if a == "--input":
            input_name = args[i + 1]; i += 2; continue
        if a == "--quiet":
            quiet = True; i += 1; continue
        dirs.append(a); i += 1
    total = ok = decided_right = hard = hard_dropped = clean_total = clean_ok = 0
    hows = {}
    for d in dirs:
        name = os.path.basename(os.path.normpath(d))
        src = os.path.join(d, input_name)
        truth = open(os.path.join(d, "truth.txt"), encoding="utf-8").read()
        res = subprocess.run([clean, "--format", "json", "-q", *extra, src],
                             capture_output=True, check=True)
        report = json.loads(res.stdout)
        out_bytes = report["output"].encode()
        changes = sorted(report["changes"], key=lambda c: (c["start"], c["end"]))
        raw = original_text(out_bytes, changes)
        out_toks = [t for _, t in tokens_with_offsets(report["output"])]
        truth_toks = truth.split()
        sm = difflib.SequenceMatcher(None, out_toks, truth_toks, autojunk=False)
        aligned = {}
        for tag, i1, i2, j1, j2 in sm.get_opcodes():
            for k in range(i1, i2):
                if tag == "equal" or (i2 - i1 == j2 - j1):
                    aligned[k] = truth_toks[j1 + k - i1]
                elif j2 > j1:
                    # The most similar truth word of the differing stretch.
                    aligned[k] = max(truth_toks[j1:j2], key=lambda t: difflib.SequenceMatcher(
                        None, strip(out_toks[k]), strip(t)).ratio())
                else:
                    aligned[k] = ""
        for m in HYPHEN_AT_END.finditer(raw):
            h = m.start()
            before = raw[:h].rsplit(None, 1)[-1].decode("utf-8", "replace") if raw[:h].split() else ""
            if not before or all(c in "-–—" for c in before):
                continue
            after = raw[m.end():].split(None, 1)
            nxt = after[0].decode("utf-8", "replace") if after else ""
            page = raw[:h].count(b"\x0c") + 1
            pos, change = map_offset(changes, h)
            k, word, _ = token_at(out_bytes, pos)
            t = aligned.get(k, "")
            if change is not None and change["rule"].startswith("F"):
                continue  # the hyphen was in removed page furniture
            if change is None:
                how = "left"
            elif change["new"].startswith("-"):
                how = "kept"
            elif change["rule"].find("H001") >= 0 or change["new"][:1].isalpha():
                how = "joined"
            else:
                how = "other"
            good = strip(word) == strip(t)
            a, b = strip(before.rstrip("-")), strip(nxt)
            ocr_garbled = strip(t) not in (a + b, a + "-" + b)
            right = ("-" in strip(word)) == ("-" in strip(t))
            total += 1
            ok += good
            if not ocr_garbled:
                clean_total += 1
                clean_ok += good
            decided_right += right and how != "left"
            hows[how] = hows.get(how, 0) + 1
            if "-" in strip(t):
                hard += 1
                if "-" not in strip(word):
                    hard_dropped += 1
            if not quiet or not good:
                print(f"{'OK  ' if good else 'MISS'}  {name}  p{page}  '{before}' + '{nxt}'  ->  "
                      f"'{word}'  truth '{t}'  [{how}{', OCR-garbled' if ocr_garbled else ''}]")
    print(f"TOTAL cases {total}  exact {ok} ({ok / max(1, total):.1%})  "
          f"exact where the input's parts spell the truth word {clean_ok}/{clean_total} "
          f"({clean_ok / max(1, clean_total):.1%})  "
          f"decision right {decided_right} ({decided_right / max(1, total):.1%})  "
          f"truth-hyphenated {hard}  hard dropped {hard_dropped}  outcomes {hows}")


if __name__ == "__main__":
    main()

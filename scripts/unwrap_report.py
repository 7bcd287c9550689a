#!/usr/bin/env python3
"""Measure `clean --unwrap` paragraph boundaries against the truth.

unwrap_report.py [--clean PATH] [--args 'ARGS'] [-v] DOC_DIR...
  --input NAME  the input in each folder (default ocr.txt; born.pdf for the PDFs)
  DOC_DIR  a folder with ocr.txt and truth.txt (one paragraph a line), such as
           ../shared/corpus/generated/*/
Runs `clean --unwrap ARGS DOC_DIR/ocr.txt`, takes each non-blank output line as a paragraph
(a form feed also ends a line), aligns the output words with the truth words, and counts a
truth paragraph as right when the output has a paragraph boundary where it starts and where
it ends, and none inside it. -v prints every wrong paragraph's first words and the output
paragraphs there.
"""
import difflib, subprocess, sys


def paragraphs(text):
    return [l.split() for l in text.replace("\f", "\n").split("\n") if l.strip()]


def main():
    args = sys.argv[1:]
    clean = "target/release/clean"
    extra = []
    verbose = False
    input_name = "ocr.txt"
    dirs = []
    i = 0
    while i < len(args):
        if args[i] == "--clean":
            clean = args[i + 1]; i += 2; continue
        if args[i] == "--input":
            input_name = args[i + 1]; i += 2; continue
        if args[i] == "--args":
            extra = args[i + 1].split(); i += 2; continue
        if args[i] == "-v":
            verbose = True; i += 1; continue
        dirs.append(args[i]); i += 1
    total = right = 0
    for d in dirs:
        name = d.rstrip("/").split("/")[-1]
        out = subprocess.run([clean, "-q", "--unwrap", *extra, f"{d}/{input_name}"],
                             capture_output=True, check=True).stdout.decode()
        truth = open(f"{d}/truth.txt", encoding="utf-8").read()
        tp, op = paragraphs(truth), paragraphs(out)
        tw = [w for p in tp for w in p]
        ow = [w for p in op for w in p]
        # Paragraph starts, as word indices.
        tstarts, ostarts = [], set()
        n = 0
        for p in tp:
            tstarts.append(n); n += len(p)
        n = 0
        for p in op:
            ostarts.add(n); n += len(p)
        # Map each truth word index (and the end) to an output word index.
        m = [0] * (len(tw) + 1)
        sm = difflib.SequenceMatcher(None, tw, ow, autojunk=False)
        for tag, a1, a2, b1, b2 in sm.get_opcodes():
            for j in range(a1, a2):
                m[j] = min(b1 + (j - a1), b2) if tag != "delete" else b1
        m[len(tw)] = len(ow)
        ok = 0
        for k, s in enumerate(tstarts):
            e = tstarts[k + 1] if k + 1 < len(tstarts) else len(tw)
            ms, me = m[s], m[e]
            good = (s == 0 or ms in ostarts) and (e == len(tw) or me in ostarts) and \
                not any(ms < b < me for b in ostarts)
            ok += good
            if verbose and not good:
                print(f"  WRONG {name} para {k + 1}: truth starts {' '.join(tw[s:s + 6])!r}")
                inside = sorted(b for b in ostarts if ms - 3 <= b <= me)
                for b in inside[:4]:
                    print(f"        output para at {b}: {' '.join(ow[b:b + 6])!r}")
        total += len(tstarts); right += ok
        print(f"{name}: {ok}/{len(tstarts)} paragraphs right ({len(op)} output paragraphs)")
    print(f"TOTAL {right}/{total} ({right / max(1, total):.1%})")


if __name__ == "__main__":
    main()

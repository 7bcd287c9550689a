#!/usr/bin/env python3
"""Check page-furniture removal on generated documents.

furniture_report.py [--clean PATH] [--args 'ARGS'] DOC_DIR...
  --input NAME  the input in each folder (default ocr.txt; born.pdf for the PDFs)
  DOC_DIR  a folder with ocr.txt, truth.txt and meta.json (header_text), such as
           ../shared/corpus/generated/*/
Runs `clean ARGS DOC_DIR/ocr.txt` (ARGS default: --select furniture,pagebreak,hyphen) and
reports per document:
  left    lines of the output that still look like furniture: a line similar to the
          running head (meta.json header_text, letters compared, similarity >= 0.6) or a
          bare page number or page-number-like short line at the top or bottom of a page;
  lost    truth words the run broke (right in the input, wrong in the output; scored by
          ../shared/tools/score.py with hyphenation folded);
  removed lines the run deleted (for reading).
"""
import difflib, json, os, re, subprocess, sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from report_common import original_text  # noqa: E402

PAGE_NO = re.compile(r"^[\s\-–—|·•=_~]*(?:(?:page|p\.?)\s*[0-9Il|]{1,4}(?:\s*(?:of|/)\s*[0-9Il|]{1,4})?"
                     r"|[0-9][0-9Il|]{0,3}|[ivx]{1,5})[\s\-–—|·•=_~]*$", re.I)


def key(s):
    return "".join(c.lower() for c in s if c.isalpha())


def similar(a, b):
    a, b = key(a), key(b)
    if not a or not b:
        return 0.0
    return difflib.SequenceMatcher(None, a, b).ratio()




def main():
    args = sys.argv[1:]
    clean = "target/release/clean"
    extra = ["--select", "furniture,pagebreak,hyphen"]
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
        dirs.append(args[i]); i += 1
    score = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "shared", "tools", "score.py")
    if not os.path.exists(score):
        score = "../shared/tools/score.py"
    tot_left = tot_lost = tot_removed = 0
    for d in dirs:
        name = os.path.basename(os.path.normpath(d))
        src = os.path.join(d, input_name)
        meta = json.load(open(os.path.join(d, "meta.json")))
        head = meta.get("header_text", "")
        report = json.loads(subprocess.run([clean, "-q", "--format", "json", *extra, src],
                                           capture_output=True, check=True).stdout)
        out = report["output"]
        raw = original_text(out.encode(), sorted(report["changes"], key=lambda c: c["start"])).decode()
        left = []
        for p, page in enumerate(out.split("\f")):
            lines = [l for l in page.split("\n") if l.strip()]
            for pos, l in enumerate(lines):
                edge = pos < 2 or pos >= len(lines) - 2
                if similar(l, head) >= 0.6 and len(key(l)) <= len(key(head)) * 1.5:
                    left.append(f"p{p + 1} head-like: {l!r}")
                elif edge and (PAGE_NO.match(l.strip()) or (len(l.strip()) <= 6 and pos == len(lines) - 1 and p < len(out.split("\f")) - 1)):
                    left.append(f"p{p + 1} number-like: {l!r}")
        removed = [l for l in raw.split("\n") if l.strip() and l not in out.split("\n")
                   and l.replace("\f", "") not in out.replace("\f", "\n").split("\n")]
        tmp = f"/tmp/furniture_report_{os.getpid()}.txt"
        tmp_raw = f"/tmp/furniture_report_{os.getpid()}.raw.txt"
        open(tmp, "w", encoding="utf-8").write(out)
        open(tmp_raw, "w", encoding="utf-8").write(raw)
        sc = json.loads(subprocess.run(["python3", score, os.path.join(d, "truth.txt"), tmp_raw, tmp,
                                        "--no-hyphen", "--json"], capture_output=True, check=True).stdout)
        os.remove(tmp)
        os.remove(tmp_raw)
        tot_left += len(left); tot_lost += sc["broken"]; tot_removed += len(removed)
        print(f"{name}: left {len(left)}  lost {sc['broken']}  fixed {sc['fixed']}  "
              f"WER {sc['wer_raw']:.4f} -> {sc['wer_clean']:.4f}")
        for l in left:
            print(f"    LEFT {l}")
    print(f"TOTAL left {tot_left}  lost truth words {tot_lost}")


if __name__ == "__main__":
    main()

"""Helpers shared by the corpus report scripts (furniture, hyphen)."""


def original_text(out_bytes, changes):
    """The text `clean` read (for a PDF, the extracted text), rebuilt from the output and the
    applied changes of its JSON report (sorted by start)."""
    orig, pos, o = [], 0, 0
    for c in changes:
        if not c["applied"]:
            continue
        keep = c["start"] - pos
        orig.append(out_bytes[o:o + keep])
        orig.append(c["old"].encode())
        o += keep + len(c["new"].encode())
        pos = c["end"]
    orig.append(out_bytes[o:])
    return b"".join(orig)

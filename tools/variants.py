"""Other extractions of the sample page: its own lines rearranged.

Extractors differ in where they put headline groups (before or after their
article's body) and floating blocks (photo captions), and in blank lines.
These variants move whole groups of the sample's lines, found from the
hand-checked annotation (tests/data/sample.articles.json), so the same
annotation must still hold.

    python tools/variants.py OUTDIR   # writes one .txt per variant
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "seeds" / "000_b96cb40543454e04.txt"
TRUTH = ROOT / "tests" / "data" / "sample.articles.json"


def _move(lines: list[str], block: list[int], before: int) -> list[str]:
    moving = [lines[i] for i in block] + [""]
    keep = [(i, x) for i, x in enumerate(lines) if i not in set(block)]
    out: list[str] = []
    for i, x in keep:
        if i == before:
            out.extend(moving)
        out.append(x)
    return out


def variants(text: str | None = None, truth: dict | None = None) -> dict[str, str]:
    text = text if text is not None else SAMPLE.read_text(encoding="utf-8")
    truth = truth if truth is not None else json.loads(TRUTH.read_text(encoding="utf-8"))
    lines = text.split("\n")
    out: dict[str, str] = {}

    # headline groups (with their bylines) before their bodies
    order: list[int] = []
    heads = {}
    for art in truth["articles"]:
        lo, hi = art["source_lines"]["heads"]
        heads[art["source_lines"]["body"][0] - 1] = list(range(lo - 1, hi))
    skip = {i for group in heads.values() for i in group}
    for i in range(len(lines)):
        if i in heads:
            order += heads[i] + [-1]
        if i not in skip:
            order.append(i)
    out["heads-before"] = "\n".join(lines[i] if i >= 0 else "" for i in order)

    # the photo caption and credit at the top of the page, or at its end
    lo, hi = truth["figure_lines"]
    cap = list(range(lo - 1, hi))
    first_body = truth["articles"][0]["source_lines"]["body"][0] - 1
    out["caption-top"] = "\n".join(_move(lines, cap, first_body))
    rest = [x for i, x in enumerate(lines) if i not in set(cap)]
    out["caption-end"] = "\n".join(rest + [""] + [lines[i] for i in cap] + [""])

    # an extractor that gives no blank lines at all
    out["no-blanks"] = "\n".join(x for x in lines if x.strip()) + "\n"
    out["heads-before-no-blanks"] = "\n".join(x for x in out["heads-before"].split("\n") if x.strip()) + "\n"
    return out


if __name__ == "__main__":
    target = Path(sys.argv[1] if len(sys.argv) > 1 else "variants")
    target.mkdir(parents=True, exist_ok=True)
    for name, body in variants().items():
        (target / f"sample-{name}.txt").write_text(body, encoding="utf-8")
        print(target / f"sample-{name}.txt")

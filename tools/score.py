"""Score the tool against ground truth.

    python tools/score.py paragraphs --sample
    python tools/score.py paragraphs --corpus 2017 --pages 50 --seed 7 [--show 3] [--json]

Without --sample or --corpus, scores the sample and both corpora. Synthetic
pages come from tools/pagegen.py (generated in memory, never written).
One function per metric (``score_<metric>``) compares predicted and true items
of one page; ``evaluate`` adds them up over a set of pages.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import pagegen  # noqa: E402

REPO = pagegen.REPO
SAMPLE = REPO / "seeds" / "000_b96cb40543454e04.txt"
SAMPLE_TRUTH = REPO / "tests" / "data" / "sample.paragraphs.txt"


def squash(s: str) -> str:
    """A block's text with all whitespace removed: what the comparison sees."""
    return re.sub(r"\s+", "", s)


def prf(tp: int, n_pred: int, n_true: int) -> dict:
    p = tp / n_pred if n_pred else 1.0 if not n_true else 0.0
    r = tp / n_true if n_true else 1.0 if not n_pred else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": p, "recall": r, "f1": f, "tp": tp, "n_pred": n_pred, "n_true": n_true}


def score_paragraphs(predicted: list[str], truth: list[str]) -> dict:
    """A predicted block is right iff it equals a true block, whitespace aside (multiset match)."""
    tp = sum((Counter(map(squash, predicted)) & Counter(map(squash, truth))).values())
    return prf(tp, len(predicted), len(truth))


# Room for article-level metrics: def score_articles(predicted, truth) -> dict (same keys).


def restore_text(name: str, text: str) -> list:
    """Blocks the tool finds on a page given as text (all pages of it, in order)."""
    from archive.ingest import source_from_bytes
    from archive.normalize import normalize
    from archive.paragraphs import restore

    doc = normalize(source_from_bytes(name, text.encode("utf-8")))
    return [b for page in restore(doc) for b in page]


def restore_file(path: Path) -> list:
    from archive.ingest import read_page
    from archive.normalize import normalize
    from archive.paragraphs import restore

    return [b for page in restore(normalize(read_page(path))) for b in page]


def evaluate(pages: list[tuple[str, list, list[str]]], metric=score_paragraphs) -> dict:
    """pages: (name, predicted blocks, true block texts).

    Returns micro-averaged totals and per-page scores.
    """
    per_page = []
    for name, blocks, truth in pages:
        per_page.append({"name": name, **metric([b.text for b in blocks], truth)})
    total = prf(*(sum(p[k] for p in per_page) for k in ("tp", "n_pred", "n_true")))
    return {**total, "pages": per_page}


def short(s: str, n: int = 70) -> str:
    return s if len(s) <= n else s[: n - 25] + " … " + s[-22:]


def show_diff(name: str, blocks: list, truth: list[str]) -> None:
    """Print blocks the tool made that are not true (+, with their line numbers)
    and true blocks it missed (-)."""
    pred = Counter(squash(b.text) for b in blocks)
    true = Counter(map(squash, truth))
    extra, missing = pred - true, true - pred
    print(f"--- {name}")
    for b in blocks:
        key = squash(b.text)
        if extra[key] > 0:
            extra[key] -= 1
            print(f"  + L{b.pieces[0].line}-{b.pieces[-1].line}: {short(b.text)}")
    for t in truth:
        key = squash(t)
        if missing[key] > 0:
            missing[key] -= 1
            print(f"  - {short(t)}")


def line(label: str, r: dict, extra: str = "") -> str:
    return (f"{label}: P={r['precision']:.3f} R={r['recall']:.3f} F1={r['f1']:.3f} "
            f"({extra}{r['n_true']} blocks)")


def paragraphs_cmd(args: argparse.Namespace) -> dict:
    sets = {}
    if args.sample or not args.corpus:
        truth = SAMPLE_TRUTH.read_text(encoding="utf-8").splitlines()
        pages = [("sample", restore_file(SAMPLE), [t for t in truth if t.strip()])]
        sets["sample"] = (evaluate(pages), pages)
    for corpus in args.corpus or (pagegen.CORPORA if not args.sample else []):
        if not (pagegen.EVALDATA / "rmrb_articles").is_dir():
            print(f"{corpus}: skipped, no evaluation data at {pagegen.EVALDATA}", file=sys.stderr)
            continue
        pages = [(name, restore_text(name, text), truth["paragraphs"])
                 for name, text, truth in pagegen.make_corpus(corpus, args.pages, args.seed)]
        sets[corpus] = (evaluate(pages), pages)
    if args.json:
        print(json.dumps({k: r for k, (r, _) in sets.items()}, ensure_ascii=False, indent=1))
        return sets
    for label, (r, pages) in sets.items():
        n = len(r["pages"])
        print(line(label, r, f"{n} pages, " if label != "sample" else ""))
        if n > 1:
            for p in sorted(r["pages"], key=lambda p: p["f1"])[:5]:
                print("  " + line(p["name"], p))
        by_name = {name: (blocks, truth) for name, blocks, truth in pages}
        for p in sorted(r["pages"], key=lambda p: p["f1"])[: args.show]:
            show_diff(p["name"], *by_name[p["name"]])
    return sets


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description="Score archive against ground truth.")
    sub = ap.add_subparsers(dest="metric", required=True)
    pp = sub.add_parser("paragraphs", help="block (paragraph/heading) precision and recall")
    pp.add_argument("--sample", action="store_true", help="score the hand-checked sample page")
    pp.add_argument("--corpus", action="append", choices=pagegen.CORPORA,
                    help="score synthetic pages from this corpus (repeatable)")
    pp.add_argument("--pages", type=int, default=50)
    pp.add_argument("--seed", type=int, default=7)
    pp.add_argument("--show", type=int, default=0, metavar="N", help="diff the N worst pages")
    pp.add_argument("--json", action="store_true", help="print machine-readable results")
    args = ap.parse_args(argv)
    if args.metric == "paragraphs":
        paragraphs_cmd(args)
    return 0


if __name__ == "__main__":
    sys.exit(main())

#!/usr/bin/env python3
"""Benchmark and score the PDF path (docs/pdf.md).

A benchmark, not a test: it prints figures beside baselines measured in the
same run, and exits 0 whatever they are.

    python tools/bench_pdf.py speed [--pages 20] [--json]
    python tools/bench_pdf.py score [--corpus 2017] [--pages 20] [--seed 7] [--show 3] [--json]

speed: `convert` of a generated issue (tests/pdfs.py, STSong-Light) against
pypdf's own ``extract_text()`` of the same pages in the same run (best of 3,
each opening the file afresh); target: convert <= 1.5 x plain extraction.
Then the same for half and twice the pages: time per page should not grow
(linear in the page count).

score: tools/score.py's scorer on the generated PDFs (the sample page, a
small page, the page drawn out of order, a TrueType page, a two-page issue
with a continued article, joined for scoring) and, where the evaluation data
is, on People's Daily articles typeset as PDFs. Beside each, the text path on
the same page: pypdf's plain text of the PDF converted as text.
"""

from __future__ import annotations

import argparse
import gc
import io
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))
sys.path.insert(0, str(ROOT / "tools"))

import pdfs  # noqa: E402
import score  # noqa: E402


def best(fn, n: int = 5) -> tuple[float, float]:
    """(best wall time, best CPU time) of ``n`` runs."""
    wall, cpu = [], []
    for _ in range(n):
        gc.collect()
        t, c = time.perf_counter(), time.process_time()
        fn()
        wall.append(time.perf_counter() - t)
        cpu.append(time.process_time() - c)
    return min(wall), min(cpu)


def plain_extraction(data: bytes) -> list[str]:
    from pypdf import PdfReader

    return [page.extract_text() for page in PdfReader(io.BytesIO(data)).pages]


def speed(pages: int, rounds: int = 2) -> dict:
    """convert against pypdf's plain extraction, in turns (``rounds`` x best of 5 each)."""
    from archive.pipeline import convert_bytes

    out = {}
    for n in (pages // 2, pages, pages * 2):
        data = pdfs.issue(n)
        convert_bytes("issue.pdf", data)  # warm-up: imports, schema compilation
        plain = ours = (float("inf"), float("inf"))
        for _ in range(rounds):  # in turns, so that a busy machine slows both alike
            p = best(lambda d=data: plain_extraction(d))
            o = best(lambda d=data: convert_bytes("issue.pdf", d))
            plain = tuple(map(min, plain, p))
            ours = tuple(map(min, ours, o))
        out[n] = {"pages": n, "bytes": len(data), "plain_s": plain[0], "convert_s": ours[0],
                  "plain_cpu_s": plain[1], "convert_cpu_s": ours[1], "ratio": ours[0] / plain[0],
                  "cpu_ratio": ours[1] / plain[1], "pages_per_s": n / ours[0], "plain_pages_per_s": n / plain[0]}
    base = out[pages]
    base["linear"] = (out[pages * 2]["convert_cpu_s"] / (pages * 2)) / (out[pages // 2]["convert_cpu_s"] / (pages // 2))
    return {"runs": list(out.values()), "target_ratio": 1.5,
            **{k: base[k] for k in ("ratio", "cpu_ratio", "linear")}}


def _text_tree(data: bytes):
    text = "\f".join(plain_extraction(data))
    return score.convert_text("page", text)


def score_generated_pdfs() -> dict:
    from archive.pipeline import convert_bytes

    made = {"sample page": pdfs.sample_page(), "small page": pdfs.small_page(),
            "drawn out of order": pdfs.sample_page(shuffle=5), "two-page issue": pdfs.two_page_issue()}
    font = pdfs.truetype_font()
    if font:
        made["TrueType font"] = pdfs.small_page(font)
    out = {}
    for name, (data, truth) in made.items():
        tree = pdfs.join_continued(convert_bytes("page.pdf", data).tree)
        text_tree, err = _text_tree(data)
        out[name] = {"pdf": score.score_sample(tree, truth),
                     "text": score.score_sample(pdfs.join_continued(text_tree), truth) if text_tree is not None
                     else {"failed": err}}
    return out


def score_corpus(corpus: str, pages: int, seed: int) -> dict:
    from archive.pipeline import convert_bytes

    res_pdf, res_text = [], []
    for name, data, truth in pdfs.corpus_pages(corpus, pages, seed):
        try:
            tree, err = convert_bytes(f"{name}.pdf", data).tree, None
        except Exception as e:  # noqa: BLE001 - a failed page is counted
            tree, err = None, f"{type(e).__name__}: {e}"
        res_pdf.append({**score.score_generated(tree, truth), "name": name, "failed": err})
        text_tree, err = _text_tree(data)
        res_text.append({**score.score_generated(text_tree, truth), "name": name, "failed": err})
    return {"pdf": {**score.add_up(res_pdf), "pages": res_pdf},
            "text": {**score.add_up(res_text), "pages": res_text}}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    sub = ap.add_subparsers(dest="what")
    sp = sub.add_parser("speed", help="convert against pypdf's plain extraction")
    sp.add_argument("--pages", type=int, default=20)
    sp.add_argument("--json", action="store_true")
    sc = sub.add_parser("score", help="the scorer on generated PDFs, beside the text path")
    sc.add_argument("--corpus", action="append", choices=score.pagegen.CORPORA)
    sc.add_argument("--pages", type=int, default=20)
    sc.add_argument("--seed", type=int, default=7)
    sc.add_argument("--show", type=int, default=0, metavar="N", help="list the errors of the N worst pages")
    sc.add_argument("--json", action="store_true")
    args = ap.parse_args(argv)
    if args.what in (None, "speed"):
        pages = getattr(args, "pages", 20)
        r = speed(pages)
        if getattr(args, "json", False):
            print(json.dumps(r, indent=1))
            return 0
        for run in r["runs"]:
            print(f"{run['pages']:3d} pages: convert {run['convert_s']:.3f} s ({run['pages_per_s']:.1f} pages/s), "
                  f"pypdf extract_text {run['plain_s']:.3f} s ({run['plain_pages_per_s']:.1f} pages/s): "
                  f"{run['ratio']:.2f} x wall, {run['cpu_ratio']:.2f} x CPU")
        print(f"ratio at {pages} pages: {r['ratio']:.2f} x wall, {r['cpu_ratio']:.2f} x CPU "
              f"(target <= {r['target_ratio']}); CPU time per page at {pages * 2} against {pages // 2} pages: "
              f"{r['linear']:.2f} (linear: about 1)")
        return 0
    results = {"generated": score_generated_pdfs()}
    corpora = args.corpus or ([] if not (score.pagegen.EVALDATA / "rmrb_articles").is_dir() else ["2017", "2020"])
    for corpus in corpora:
        results[corpus] = score_corpus(corpus, args.pages, args.seed)
    if args.json:
        print(json.dumps(results, ensure_ascii=False, indent=1, default=str))
        return 0
    for name, r in results["generated"].items():
        print(f"{name}:\n  pdf:  {score.figures(r['pdf'], score.SAMPLE_KEYS)}")
        text = r["text"]
        print("  text: " + (text["failed"] if "failed" in text else score.figures(text, score.SAMPLE_KEYS)))
        for e in r["pdf"]["errors"][:5]:
            print("    " + score.short(e, 150))
    for corpus in corpora:
        for path in ("pdf", "text"):
            r = results[corpus][path]
            failed = sum(bool(p["failed"]) for p in r["pages"])
            print(f"rmrb {corpus} ({len(r['pages'])} pages, {failed} failed), {path}: "
                  f"{score.figures(r, score.CORPUS_KEYS)}")
        for p in sorted(results[corpus]["pdf"]["pages"], key=score.badness)[: args.show]:
            print(f"--- {p['name']}: {score.figures(p, score.CORPUS_KEYS[:4])}")
            for e in ([p["failed"]] if p["failed"] else []) + p["errors"][:8]:
                print("  " + score.short(e, 160))
    if not corpora:
        print(f"(no evaluation data at {score.pagegen.EVALDATA}: corpus pages not scored)")
    return 0


if __name__ == "__main__":
    sys.exit(main())

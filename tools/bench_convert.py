#!/usr/bin/env python3
"""Benchmark `convert` (read, normalize, paragraphs, segment, TEI, validate, serialize).

A benchmark, not a test: it prints figures beside baselines measured in the
same run, and exits 0 whatever they are.

- in-process: best of N conversions of the sample page after a warm-up,
  beside OpenCC s2t over the same text (so the figure travels between
  machines); target <= 30 ms per page;
- cold: `python -m archive convert SAMPLE -o DIR` as a new process, best of 3
  wall times, beside `python -c pass`; target <= 1 s;
- 100 pages: 100 copies of the sample (each with its own file name) converted
  in one process; the time of the last 20 pages against the first 20
  (target: linear, about 1).

Usage:
    python tools/bench_convert.py [--json]
"""

from __future__ import annotations

import argparse
import gc
import json
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from benchlib import best

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "seeds" / "000_b96cb40543454e04.txt"


def run() -> dict:
    import opencc

    from archive.pipeline import convert

    text = SAMPLE.read_text(encoding="utf-8")
    convert(SAMPLE)  # warm-up: imports, schema compilation
    s2t = opencc.OpenCC("s2t")
    s2t.convert(text)
    page = best(lambda: convert(SAMPLE), 20)
    floor = best(lambda: s2t.convert(text), 20)

    py = sys.executable
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "out"
        cold = best(lambda: subprocess.run([py, "-m", "archive", "convert", str(SAMPLE), "-o", str(out)],
                                           check=True, capture_output=True), 3)
        bare = best(lambda: subprocess.run([py, "-c", "pass"], check=True), 3)
        pages = []
        for i in range(100):
            p = Path(tmp) / f"p{i:03d}.txt"
            shutil.copyfile(SAMPLE, p)
            pages.append(p)
        per_page = []
        gc.collect()
        t0 = time.perf_counter()
        for p in pages:
            t = time.perf_counter()
            convert(p)
            per_page.append(time.perf_counter() - t)
        hundred = time.perf_counter() - t0
    return {
        "page_ms": page * 1000,
        "opencc_s2t_ms": floor * 1000,
        "ratio_to_opencc": page / floor,
        "cold_s": cold,
        "python_startup_s": bare,
        "hundred_pages_s": hundred,
        "per_page_ms_in_100": hundred * 10,
        "mean_page_ms": sum(per_page) / len(per_page) * 1000,
        "linearity": (sum(per_page[-20:]) / 20) / (sum(per_page[:20]) / 20),
    }


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args()
    r = run()
    if args.json:
        print(json.dumps(r, indent=2))
        return 0
    print("command: python tools/bench_convert.py")
    print(f"in-process, sample page : {r['page_ms']:7.1f} ms/page  (OpenCC s2t same text: "
          f"{r['opencc_s2t_ms']:.2f} ms; ratio {r['ratio_to_opencc']:.0f}x)   target <= 30 ms")
    print(f"cold, new process       : {r['cold_s']:7.3f} s       (python -c pass: {r['python_startup_s']:.3f} s)"
          "   target <= 1 s")
    print(f"100 pages, one process  : {r['hundred_pages_s']:7.2f} s = {r['per_page_ms_in_100']:.1f} ms/page;"
          f" last 20 pages / first 20: x{r['linearity']:.2f}   target: linear (about x1)")
    return 0


if __name__ == "__main__":
    sys.exit(main())

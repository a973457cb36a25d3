#!/usr/bin/env python3
"""Benchmark the text stages: ingest (decode) + normalize + paragraph restoration.

A benchmark, not a test: it prints figures and compares them with targets,
and exits 0 whatever they are.

Input: the sample page ``seeds/000_b96cb40543454e04.txt`` repeated up to
1 MB and 10 MB (MB = 10**6 bytes of UTF-8), in two layouts:

- ``one-page``:  repetitions separated by a blank line: one long page;
- ``ff-pages``:  repetitions separated by a form feed: many pages.

For each layout and size:

- ``time``      best of N wall times (N=3 for the small size, 2 for the large
                one) of ``restore(normalize(source_from_bytes(...)))``;
- ``MB/s``      input bytes / best time;
- ``x opencc``  best time / best time of ``OpenCC('s2t').convert(text)`` on
                the same text in the same run (the practical floor; target <= 10);
- ``linear``    (time per MB at the large size) / (time per MB at the small
                size), per layout (target <= 1.3);
- ``peak/in``   peak memory tracemalloc sees during one separate, untimed
                run of the processing / input size in bytes (target <= 10);
                the input bytes exist before tracemalloc starts.

Usage:
    python tools/bench_text.py            # 1 MB and 10 MB
    python tools/bench_text.py --quick    # 0.2 MB and 1 MB
    python tools/bench_text.py --json     # machine-readable results
    python tools/bench_text.py --no-gc    # diagnostic: cyclic GC off while timing
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import platform
import shlex
import sys
import time
import tracemalloc
from pathlib import Path

import opencc

from archive.ingest import source_from_bytes
from archive.normalize import normalize
from archive.paragraphs import restore

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "seeds" / "000_b96cb40543454e04.txt"
MB = 1_000_000

TARGET_OPENCC_RATIO = 10.0
TARGET_LINEARITY = 1.3
TARGET_PEAK_RATIO = 10.0

LAYOUTS = {
    "one-page": "\n\n",  # a blank line between repetitions
    "ff-pages": "\n\f",  # a form feed opens the next repetition's first line
}


def make_input(page: str, size: int, sep: str) -> bytes:
    """The page repeated until the UTF-8 text holds at least ``size`` bytes."""
    unit = len(page.encode("utf-8")) + len(sep.encode("utf-8"))
    reps = max(1, -(-size // unit))
    return (sep.join([page] * reps) + "\n").encode("utf-8")


def process(data: bytes) -> tuple[object, ...]:
    source = source_from_bytes("bench", data)
    doc = normalize(source)
    blocks = restore(doc)
    return source, doc, blocks


class _GcClock:
    """Time spent in the cyclic garbage collector (via gc.callbacks)."""

    def __init__(self) -> None:
        self.seconds = 0.0
        self.full = 0  # collections of the oldest generation
        self._t = 0.0

    def __call__(self, phase: str, info: dict) -> None:
        if phase == "start":
            self._t = time.perf_counter()
        else:
            self.seconds += time.perf_counter() - self._t
            self.full += info["generation"] == 2


def time_once(data: bytes, no_gc: bool = False) -> tuple[float, dict[str, float], dict[str, int]]:
    """Total wall time, the time of each stage and the GC time, for one run."""
    gc.collect()
    clock = _GcClock()
    gc.callbacks.append(clock)
    if no_gc:
        gc.disable()
    t0 = time.perf_counter()
    source = source_from_bytes("bench", data)
    t1 = time.perf_counter()
    doc = normalize(source)
    t2 = time.perf_counter()
    blocks = restore(doc)
    t3 = time.perf_counter()
    gc.enable()
    gc.callbacks.remove(clock)
    stages = {"ingest": t1 - t0, "normalize": t2 - t1, "restore": t3 - t2, "gc": clock.seconds}
    counts = {
        "full_gcs": clock.full,
        "chars": len(source.text),
        "lines": sum(len(p.lines) for p in doc.pages),
        "pages": len(doc.pages),
        "edits": len(doc.edits),
        "blocks": sum(len(b) for b in blocks),
    }
    del source, doc, blocks
    return t3 - t0, stages, counts


def time_opencc(converter: opencc.OpenCC, text: str) -> float:
    gc.collect()
    t0 = time.perf_counter()
    out = converter.convert(text)
    t1 = time.perf_counter()
    del out
    return t1 - t0


def peak_memory(data: bytes) -> int:
    """Peak bytes allocated while processing ``data`` (``data`` already exists)."""
    gc.collect()
    tracemalloc.start()
    tracemalloc.reset_peak()
    result = process(data)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    del result
    gc.collect()
    return peak


def bench(
    page: str, size: int, sep: str, runs: int, converter: opencc.OpenCC, no_gc: bool = False
) -> dict:
    data = make_input(page, size, sep)
    text = data.decode("utf-8")
    runs_seen = [time_once(data, no_gc) for _ in range(runs)]
    totals = [r[0] for r in runs_seen]
    # the stage times reported are those of the best run
    best_total, best_stage, counts = min(runs_seen, key=lambda r: r[0])
    opencc_times = [time_opencc(converter, text) for _ in range(runs)]
    best_opencc = min(opencc_times)
    del text
    peak = peak_memory(data)
    return {
        "bytes": len(data),
        "runs": runs,
        "seconds": best_total,
        "seconds_all": totals,
        "stage_seconds": best_stage,
        "mb_per_s": len(data) / MB / best_total,
        "opencc_seconds": best_opencc,
        "opencc_ratio": best_total / best_opencc,
        "seconds_per_mb": best_total / (len(data) / MB),
        "peak_bytes": peak,
        "peak_ratio": peak / len(data),
        **counts,
    }


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument(
        "--quick", action="store_true", help="0.2 MB and 1 MB instead of 1 MB and 10 MB"
    )
    ap.add_argument("--json", action="store_true", help="print machine-readable results")
    ap.add_argument(
        "--no-gc",
        action="store_true",
        help="diagnostic: disable the cyclic garbage collector during the timed runs",
    )
    args = ap.parse_args(argv)

    small, large = (MB // 5, MB) if args.quick else (MB, 10 * MB)
    sizes = ((small, 3), (large, 2))
    page = SAMPLE.read_text("utf-8").rstrip("\n")
    converter = opencc.OpenCC("s2t")
    command = "python " + " ".join(shlex.quote(a) for a in sys.argv)
    load_before = round(os.getloadavg()[0], 2) if hasattr(os, "getloadavg") else None

    results: dict[str, dict] = {}
    for layout, sep in LAYOUTS.items():
        per_size = {}
        for size, runs in sizes:
            per_size[f"{size / MB:g}MB"] = bench(page, size, sep, runs, converter, args.no_gc)
        lo, hi = per_size[f"{small / MB:g}MB"], per_size[f"{large / MB:g}MB"]
        results[layout] = {
            "sizes": per_size,
            "linearity": hi["seconds_per_mb"] / lo["seconds_per_mb"],
        }

    worst_ratio = max(r["opencc_ratio"] for lay in results.values() for r in lay["sizes"].values())
    worst_lin = max(lay["linearity"] for lay in results.values())
    worst_peak = max(r["peak_ratio"] for lay in results.values() for r in lay["sizes"].values())
    summary = {
        name: {"worst": worst, "target": target, "ok": worst <= target}
        for name, worst, target in (
            ("opencc_ratio", worst_ratio, TARGET_OPENCC_RATIO),
            ("linearity", worst_lin, TARGET_LINEARITY),
            ("peak_ratio", worst_peak, TARGET_PEAK_RATIO),
        )
    }
    out = {
        "command": command,
        "python": platform.python_version(),
        "platform": platform.platform(),
        "cpus": os.cpu_count(),
        "load_avg_before": load_before,
        "opencc": getattr(opencc, "__version__", "?"),
        "sample": str(SAMPLE.relative_to(ROOT)),
        "mb": MB,
        "no_gc": args.no_gc,
        "results": results,
        "summary": summary,
    }
    if args.json:
        print(json.dumps(out, indent=2))
        return 0

    print(f"$ {command}")
    print(
        f"python {out['python']}, opencc {out['opencc']}, {out['cpus']} cpus, "
        f"load {load_before}; sample {out['sample']}; 1 MB = 10^6 bytes"
        + ("; cyclic GC OFF while timing" if args.no_gc else "")
    )
    head = (
        f"{'layout':9} {'size':>6} {'pages':>5} {'lines':>7} {'best s':>7} {'MB/s':>5}"
        f" {'opencc s':>8} {'x opencc':>8} {'peak/in':>7}"
        "  s: ingest/normalize/restore (gc, full gcs)"
    )
    print(head)
    print("-" * len(head))
    for layout, lay in results.items():
        for name, r in lay["sizes"].items():
            st = r["stage_seconds"]
            print(
                f"{layout:9} {name:>6} {r['pages']:>5} {r['lines']:>7} {r['seconds']:>7.3f}"
                f" {r['mb_per_s']:>5.2f} {r['opencc_seconds']:>8.4f} {r['opencc_ratio']:>7.1f}x"
                f" {r['peak_ratio']:>6.1f}x  {st['ingest']:.3f}/{st['normalize']:.3f}"
                f"/{st['restore']:.3f} ({st['gc']:.3f}, {r['full_gcs']})"
            )
        print(
            f"{layout:9} linearity: (s/MB at {large / MB:g} MB) / (s/MB at {small / MB:g} MB)"
            f" = {lay['linearity']:.2f}"
        )
    print()
    for key, s in summary.items():
        verdict = "ok" if s["ok"] else "MISSED"
        print(f"{key:13} worst {s['worst']:6.2f}  target <= {s['target']:g}  {verdict}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

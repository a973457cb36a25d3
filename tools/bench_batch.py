#!/usr/bin/env python3
"""Benchmark `archive batch`: pages/s with --jobs 1 and --jobs 2, the speed-up, peak memory.

A benchmark, not a test: it prints figures beside their targets and exits 0
whatever they are.

- N pages (default 1,000) of sample size: copies of the sample page, 100 to a
  folder (an issue each), converted by `python -m archive batch IN -o OUT
  --jobs J` as a new process, as in real use (start-up included);
- --jobs 1 and --jobs 2 in the same run, each into a new output folder;
  speed-up = time(--jobs 1) / time(--jobs 2); target >= 1.8x on 2 cores;
- a second run over the finished output (every page up to date);
- CPU time per page (the batch and its workers), and the load average
  before each run: on a busy machine the wall times, and so the speed-up, are
  not the tool's;
- peak memory: the resident memory of the whole process tree (the batch and
  its workers, summed), sampled every 50 ms from /proc (Linux). Flat in the
  number of pages: a run of N/4 pages beside the run of N pages (target: about
  x1), and, within the N-page run, the peak of its last quarter against its
  first quarter.

Usage:
    python tools/bench_batch.py [--pages 1000] [--json]

On a machine shared with other work, give the benchmark the CPUs (Linux
autogroups: nice alone does not reach across sessions):
    setsid bash -c 'echo -10 > /proc/self/autogroup && exec python tools/bench_batch.py'
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "seeds" / "000_b96cb40543454e04.txt"
PAGE_SIZE = os.sysconf("SC_PAGE_SIZE") if hasattr(os, "sysconf") else 4096


def make_pages(folder: Path, n: int) -> None:
    data = SAMPLE.read_bytes()
    for i in range(n):
        issue = folder / f"issue-{i // 100:03d}"
        issue.mkdir(parents=True, exist_ok=True)
        (issue / f"p{i % 100:03d}.txt").write_bytes(data)


def _children(pid: int) -> list[int]:
    try:
        return [int(x) for x in Path(f"/proc/{pid}/task/{pid}/children").read_bytes().split()]
    except OSError:
        return []


def _tree_rss(pid: int) -> tuple[int, int]:
    """(sum of RSS over pid and its descendants in bytes, number of processes)."""
    tree, todo = [], [pid]
    while todo:
        p = todo.pop()
        tree.append(p)
        todo.extend(_children(p))
    total = 0
    for p in tree:
        try:
            total += int(Path(f"/proc/{p}/statm").read_bytes().split()[1]) * PAGE_SIZE
        except OSError:
            continue
    return total, len(tree)


class Sampler(threading.Thread):
    def __init__(self, pid: int, every: float = 0.05):
        super().__init__(daemon=True)
        self.pid, self.every = pid, every
        self.samples: list[tuple[float, int]] = []
        self.stop = threading.Event()

    def run(self) -> None:
        t0 = time.perf_counter()
        while not self.stop.is_set():
            rss, _ = _tree_rss(self.pid)
            self.samples.append((time.perf_counter() - t0, rss))
            time.sleep(self.every)

    def peak(self, start: float = 0.0, end: float = 1.0) -> int:
        if not self.samples:
            return 0
        span = self.samples[-1][0] or 1.0
        chosen = [r for t, r in self.samples if start * span <= t <= end * span]
        return max(chosen or [0])


def batch(inp: Path, out: Path, jobs: int) -> dict:
    import resource

    cmd = [sys.executable, "-m", "archive", "batch", str(inp), "-o", str(out), "--jobs", str(jobs)]
    load = os.getloadavg()[0]
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    sampler = Sampler(proc.pid)
    sampler.start()
    _, err = proc.communicate()
    wall = time.perf_counter() - t
    sampler.stop.set()
    sampler.join()
    after = resource.getrusage(resource.RUSAGE_CHILDREN)  # the batch and its workers (reaped)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    if proc.returncode != 0:
        raise SystemExit(f"{' '.join(cmd)} failed ({proc.returncode}):\n{err.decode()[-2000:]}")
    return {
        "seconds": wall,
        "cpu_seconds": cpu,
        "load_before": load,
        "peak_mb": sampler.peak() / 2**20,
        "peak_first_quarter_mb": sampler.peak(0.0, 0.25) / 2**20,
        "peak_last_quarter_mb": sampler.peak(0.75, 1.0) / 2**20,
        "summary": err.decode().strip().splitlines()[-1],
    }


def run(pages: int) -> dict:
    from archive.batch import cpu_count

    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        make_pages(tmp / "in", pages)
        make_pages(tmp / "small", max(1, pages // 4))
        # warm the file cache and the bytecode once, off the clock
        batch(tmp / "small", tmp / "warm", 2)
        shutil.rmtree(tmp / "warm")
        one = batch(tmp / "in", tmp / "out1", 1)
        two = batch(tmp / "in", tmp / "out2", 2)
        again = batch(tmp / "in", tmp / "out2", 2)
        small = batch(tmp / "small", tmp / "out-small", 2)
        same = all(
            (tmp / "out1" / p.relative_to(tmp / "out2")).read_bytes() == p.read_bytes()
            for p in (tmp / "out2").rglob("*.tei.xml")
        )
    return {
        "pages": pages,
        "cpus": cpu_count(),
        "jobs1_s": one["seconds"],
        "jobs1_pages_per_s": pages / one["seconds"],
        "jobs1_cpu_ms_per_page": one["cpu_seconds"] / pages * 1000,
        "jobs1_load_before": one["load_before"],
        "jobs2_s": two["seconds"],
        "jobs2_pages_per_s": pages / two["seconds"],
        "jobs2_cpu_ms_per_page": two["cpu_seconds"] / pages * 1000,
        "jobs2_load_before": two["load_before"],
        "speedup": one["seconds"] / two["seconds"],
        "rerun_up_to_date_s": again["seconds"],
        "rerun_pages_per_s": pages / again["seconds"],
        "jobs1_peak_mb": one["peak_mb"],
        "jobs2_peak_mb": two["peak_mb"],
        "small_pages": max(1, pages // 4),
        "small_jobs2_peak_mb": small["peak_mb"],
        "peak_ratio_n_to_quarter_n": two["peak_mb"] / small["peak_mb"],
        "jobs2_peak_first_quarter_mb": two["peak_first_quarter_mb"],
        "jobs2_peak_last_quarter_mb": two["peak_last_quarter_mb"],
        "jobs1_and_jobs2_outputs_identical": same,
        "jobs2_log": two["summary"],
        "rerun_log": again["summary"],
    }


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--pages", type=int, default=1000)
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args()
    r = run(args.pages)
    if args.json:
        print(json.dumps(r, indent=2, ensure_ascii=False))
        return 0
    n = r["pages"]
    print(f"command: python tools/bench_batch.py --pages {n}   ({r['cpus']} CPUs available)")
    for j in (1, 2):
        print(f"--jobs {j}, {n} pages    : {r[f'jobs{j}_s']:6.1f} s = {r[f'jobs{j}_pages_per_s']:5.1f} pages/s"
              f"  (CPU {r[f'jobs{j}_cpu_ms_per_page']:.1f} ms/page; load average before: "
              f"{r[f'jobs{j}_load_before']:.2f})")
    print(f"speed-up               : x{r['speedup']:.2f}   target >= x1.8 on 2 cores")
    print(f"second run (up to date): {r['rerun_up_to_date_s']:6.1f} s = {r['rerun_pages_per_s']:5.0f} pages/s")
    print(f"peak memory, process tree: --jobs 1 {r['jobs1_peak_mb']:.0f} MB, --jobs 2 {r['jobs2_peak_mb']:.0f} MB")
    print(f"flat in pages          : {r['small_pages']} pages {r['small_jobs2_peak_mb']:.0f} MB vs {n} pages "
          f"{r['jobs2_peak_mb']:.0f} MB: x{r['peak_ratio_n_to_quarter_n']:.2f}; within the {n}-page run: "
          f"first quarter {r['jobs2_peak_first_quarter_mb']:.0f} MB, last quarter "
          f"{r['jobs2_peak_last_quarter_mb']:.0f} MB   target: about x1")
    print(f"outputs of --jobs 1 and --jobs 2 identical: {r['jobs1_and_jobs2_outputs_identical']}")
    print(f"log, --jobs 2: {r['jobs2_log']}")
    print(f"log, second run: {r['rerun_log']}")
    if " 0 converted" not in r["rerun_log"]:
        print("note: the second run converted pages: archive's files changed during the benchmark "
              "(the content key covers the code), so its figure is not that of a run over up-to-date pages")
    if max(r["jobs1_load_before"], r["jobs2_load_before"]) > 0.5:
        print("note: the machine was busy (load average above); the wall times and the speed-up are "
              "not those of an idle machine")
    return 0


if __name__ == "__main__":
    sys.exit(main())

#!/usr/bin/env python3
"""Regenerate the golden TEI files in tests/golden/ from the seeds.

Golden files are hand-checked: run this only after a deliberate change, then
review `git diff tests/golden/` line by line before committing.

    python tools/regen_golden.py          # rewrite tests/golden/*.tei.xml
    python tools/regen_golden.py --check  # exit 1 if any golden file is out of date
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
GOLDEN = ROOT / "tests" / "golden"


def render() -> dict[Path, bytes]:
    """The TEI of every seed page, with its sidecar metadata, and no clock in it."""
    os.environ.pop("SOURCE_DATE_EPOCH", None)
    from archive.metadata import for_page
    from archive.pipeline import convert, output_name

    out = {}
    for page in sorted((ROOT / "seeds").glob("*.txt")):
        out[GOLDEN / output_name(page)] = convert(page, for_page(page)).data
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--check", action="store_true", help="only report files that differ")
    args = ap.parse_args()
    stale = 0
    for path, data in render().items():
        if path.exists() and path.read_bytes() == data:
            continue
        stale += 1
        if args.check:
            print(f"out of date: {path.relative_to(ROOT)}")
        else:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(data)
            print(f"wrote {path.relative_to(ROOT)}: review it with git diff")
    return 1 if (args.check and stale) else 0


if __name__ == "__main__":
    sys.exit(main())

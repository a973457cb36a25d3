#!/usr/bin/env python3
"""Benchmark the reading site (`archive html`) against converting the same pages.

A benchmark, not a test: it prints figures beside baselines measured in the
same run, and exits 0 whatever they are.

- 100 text pages (the sample and 99 pages laid out by tools/pagegen.py from the
  People's Daily evaluation data, in a temporary folder, deleted afterwards; 100
  copies of the sample without the evaluation data) are converted to TEI and
  written, as `archive convert` does; then their site is built as `convert
  --html` does (no second validation) and as `archive html` does (each file
  validated first). Target: site <= 2x the conversion.
- The same with a Traditional edition of every page (`--edition s2t`).
- Baseline: lxml alone parsing and serializing the same TEI files.
- PDF: the time pdftoppm takes to draw one page of the generated sample PDF,
  beside pypdf's own extract_text of it (the page view's only extra cost).

Usage:
    python tools/bench_html.py [--pages N] [--json]
"""

from __future__ import annotations

import argparse
import json
import shutil
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tools"))

from benchlib import best  # noqa: E402

SAMPLE = ROOT / "seeds" / "000_b96cb40543454e04.txt"


def pages(folder: Path, n: int) -> list[Path]:
    import pagegen

    folder.mkdir()
    texts = [SAMPLE.read_text(encoding="utf-8")]
    if (pagegen.EVALDATA / "rmrb_articles").is_dir():
        texts += [text for _, text, _ in pagegen.make_corpus("2017", n - 1, seed=1)]
    texts += [texts[0]] * (n - len(texts))
    out = []
    for i, text in enumerate(texts[:n]):
        p = folder / f"p{i:03d}.txt"
        p.write_text(text, encoding="utf-8")
        out.append(p)
    return out


def run(n: int) -> dict:
    from lxml import etree

    from archive.edition import Options, edition_name, make_edition
    from archive.html import build_site
    from archive.pipeline import convert, output_name, write_atomic

    r: dict = {"pages": n}
    with tempfile.TemporaryDirectory() as tmp:
        base = Path(tmp)
        sources = pages(base / "in", n)
        convert(SAMPLE)  # warm-up: imports, schema compilation

        def convert_all(out: Path, editions: bool) -> list[Path]:
            written = []
            for page in sources:
                result = convert(page)
                path = out / output_name(page)
                write_atomic(path, result.data)
                written.append(path)
                if editions:
                    ed = make_edition(result.data, Options("s2t"), name=path.name)
                    extra = path.with_name(edition_name(path.name, ed.lang))
                    write_atomic(extra, ed.data)
                    written.append(extra)
            return written

        for label, editions in (("plain", False), ("s2t", True)):
            out = base / f"tei-{label}"
            files: list[Path] = []
            r[f"{label}_convert_s"] = best(lambda: files.extend(convert_all(out, editions)))  # noqa: B023
            build_site(files[:2], base / "warm")  # warm-up
            r[f"{label}_site_s"] = best(lambda: build_site(files, base / f"site-{label}", check=False))  # noqa: B023
            r[f"{label}_site_checked_s"] = best(lambda: build_site(files, base / f"site2-{label}"))  # noqa: B023
            r[f"{label}_ratio"] = r[f"{label}_site_s"] / r[f"{label}_convert_s"]
            r[f"{label}_ratio_checked"] = r[f"{label}_site_checked_s"] / r[f"{label}_convert_s"]
            r[f"{label}_files"] = len(files)
            parser = etree.XMLParser()
            r[f"{label}_lxml_s"] = best(lambda: [etree.tostring(etree.parse(str(f), parser))  # noqa: B023
                                                  for f in files])  # noqa: B023
        r.update(pdf(base))
    return r


def pdf(base: Path) -> dict:
    if shutil.which("pdftoppm") is None:
        return {}
    import io

    import pypdf

    from archive.html import render_page
    from tests import pdfs

    data = pdfs.sample_page()[0]
    src = base / "sample.pdf"
    src.write_bytes(data)
    reader = pypdf.PdfReader(io.BytesIO(data))
    extract = best(lambda: reader.pages[0].extract_text(), 3)
    draw = best(lambda: render_page(src, 0, base / "page.jpg"), 3)
    return {"pdftoppm_page_s": draw, "pypdf_extract_page_s": extract}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--pages", type=int, default=100)
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args()
    r = run(args.pages)
    if args.json:
        print(json.dumps(r, indent=2))
        return 0
    print(f"command: python tools/bench_html.py --pages {args.pages}")
    for label, what in (("plain", "TEI only"), ("s2t", "TEI + s2t edition")):
        print(f"{r['pages']} pages, {what} ({r[label + '_files']} TEI files):")
        print(f"  convert and write        : {r[label + '_convert_s']:6.2f} s")
        print(f"  site, as convert --html  : {r[label + '_site_s']:6.2f} s = x{r[label + '_ratio']:.2f} "
              "the conversion   target <= x2")
        print(f"  site, as archive html    : {r[label + '_site_checked_s']:6.2f} s = "
              f"x{r[label + '_ratio_checked']:.2f} (each file validated first)")
        print(f"  lxml alone, parse+write  : {r[label + '_lxml_s']:6.2f} s")
    if "pdftoppm_page_s" in r:
        print(f"PDF page view: pdftoppm draws a page in {r['pdftoppm_page_s'] * 1000:.0f} ms "
              f"(pypdf extract_text of it: {r['pypdf_extract_page_s'] * 1000:.0f} ms)")
    return 0


if __name__ == "__main__":
    sys.exit(main())

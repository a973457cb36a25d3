#!/usr/bin/env python3
"""Benchmark `archive edition` (docs/editions.md) and measure its quality figures.

A benchmark, not a test: it prints figures beside the floor measured in the
same run, and exits 0 whatever they are.

Speed (always): the s2t edition of a 10 MB TEI file (the sample page's
articles repeated, with their own xml:ids) against the floor: lxml parsing
and serializing that file plus OpenCC converting its text as one plain
string. Target: edition <= 1.5 x floor. The edition of the file takes the
byte path (only the header is parsed; docs/editions.md). Also shown: the
edition of an already parsed tree (what `archive batch` does; the parse is
counted), the general path (overrides, a profile, --report, phrase
configs), the schema validation every written edition gets, and the
command as a new process.

Quality (--quality, needs ../shared/evaldata):
- OpenCC's own test cases (opencc/testcases.json) through the edition path,
  one TEI document per config with one <p> per case;
- Apple Daily (Taiwan) articles, Traditional: each page converted with
  `archive convert --edition tw2s` and the edition converted back with s2tw;
  the round-trip agreement is the share of characters of <text> that come
  back unchanged (also t2s / s2t).

Usage:
    python tools/bench_edition.py [--size MB] [--repeat N] [--quality] [--json]
"""

from __future__ import annotations

import argparse
import copy
import hashlib
import json
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from benchlib import best

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "seeds" / "000_b96cb40543454e04.txt"
EVALDATA = ROOT.parent / "shared" / "evaldata"
TESTCASES = EVALDATA / "opencc" / "testcases.json"
APPLEDAILY = EVALDATA / "tw_appledaily_charity_2013"
TARGET = 1.5


def big_document(size: int) -> bytes:
    """The sample page's TEI with its body repeated until it has ``size`` bytes."""
    from archive.edition import T
    from archive.pipeline import convert
    from archive.tei import XML_ID, serialize

    tree = convert(SAMPLE).tree
    body = tree.getroot().find(f"{T}text/{T}body")
    originals = list(body)
    copies = 0
    while len(serialize(tree)) < size:
        copies += 1
        for child in originals:
            clone = copy.deepcopy(child)
            for e in clone.iter():
                if e.get(XML_ID):
                    e.set(XML_ID, f"r{copies}.{e.get(XML_ID)}")
            body.append(clone)
    return serialize(tree)


def speed(size_mb: float, repeat: int) -> dict:
    import opencc
    from lxml import etree

    from archive.edition import Options, make_edition
    from archive.tei import serialize
    from archive.validate import check, parser

    data = big_document(int(size_mb * 1_000_000))
    options = Options("s2t")
    converter = opencc.OpenCC("s2t", include_tofu_risk_dictionaries=True)
    tree = etree.fromstring(data, parser()).getroottree()
    text = "".join(tree.getroot().itertext())
    converter.convert(text)  # warm-up
    make_edition(data, options, name="big.tei.xml", validate=False)

    # floor and edition measured in turns, best of each: a busy machine slows both alike
    sha = hashlib.sha256(data).hexdigest()
    steps = {
        "parse": lambda: etree.fromstring(data, parser()),
        "serialize": lambda: serialize(tree),
        "opencc": lambda: converter.convert(text),
        # the file's bytes, as `archive edition FILE` and `convert --edition` give them
        "edition": lambda: make_edition(data, options, name="big.tei.xml", validate=False),
        # a parsed tree, as `archive batch` gives it (the parse is counted)
        "from_tree": lambda: make_edition(etree.fromstring(data, parser()).getroottree(), options,
                                          name="big.tei.xml", sha256=sha, validate=False),
        # the general path (profiles, overrides, --report, phrase configs, other markup)
        "tree": lambda: make_edition(data, options, name="big.tei.xml", validate=False, fast=False),
    }
    runs: dict[str, list[float]] = {key: [] for key in steps}
    for i in range(repeat):
        for key, fn in steps.items():
            if key in ("tree", "from_tree") and i % 2:
                continue
            runs[key].append(best(fn, 1))
    parse, write, opencc_time = min(runs["parse"]), min(runs["serialize"]), min(runs["opencc"])
    floor = parse + write + opencc_time
    edition, from_tree, tree_path = min(runs["edition"]), min(runs["from_tree"]), min(runs["tree"])
    fast_bytes = make_edition(data, options, name="big.tei.xml", validate=False).data
    same = fast_bytes == make_edition(data, options, name="big.tei.xml", validate=False, fast=False).data
    edition_tree = etree.fromstring(fast_bytes, parser()).getroottree()
    t = time.perf_counter()
    check(edition_tree)
    validation = time.perf_counter() - t

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "big.tei.xml"
        path.write_bytes(data)
        t = time.perf_counter()
        proc = subprocess.run([sys.executable, "-m", "archive", "edition", str(path), "--config", "s2t",
                               "-o", str(Path(tmp) / "out.xml")], capture_output=True, text=True)
        command = time.perf_counter() - t
    return {
        "file_bytes": len(data),
        "text_chars": len(text),
        "floor": {"parse": parse, "serialize": write, "opencc": opencc_time, "total": floor},
        "edition": edition,
        "ratio": edition / floor,
        "target": TARGET,
        "from_tree": from_tree,
        "from_tree_ratio": from_tree / floor,
        "tree_path": tree_path,
        "tree_path_ratio": tree_path / floor,
        "same_bytes_both_paths": same,
        "validation": validation,
        "command_with_validation": command,
        "command_exit": proc.returncode,
    }


# ----------------------------------------------------------------- quality

def load_testcases(path: Path = TESTCASES) -> list[dict]:
    """OpenCC's testcases.json (it has trailing commas: strip them first)."""
    text = path.read_text(encoding="utf-8")
    return json.loads(re.sub(r",(\s*[}\]])", r"\1", text))["cases"]


def case_document(template: bytes, inputs: list[str]) -> bytes:
    """A valid TEI document with one <p xml:id="cN"> per input, in an untitled article."""
    from lxml import etree

    from archive.edition import T
    from archive.tei import XML_ID, serialize

    tree = etree.fromstring(template).getroottree()
    body = tree.getroot().find(f"{T}text/{T}body")
    for child in list(body):
        body.remove(child)
    etree.SubElement(body, T + "pb", n="1")
    div = etree.SubElement(body, T + "div", type="article", subtype="untitled")
    for i, text in enumerate(inputs):
        p = etree.SubElement(div, T + "p")
        p.set(XML_ID, f"c{i}")
        p.text = text
    return serialize(tree)


def run_testcases(template: bytes, fast: bool = True) -> dict:
    """Every (case, config) of OpenCC's test cases through make_edition (fast=False: the general path)."""
    from archive.edition import Options, make_edition

    by_config: dict[str, list[tuple[str, str, str]]] = {}
    for case in load_testcases():
        for config, expected in case["expected"].items():
            by_config.setdefault(config, []).append((case["id"], case["input"], expected))
    total, failures = 0, []
    for config, cases in sorted(by_config.items()):
        data = case_document(template, [c[1] for c in cases])
        ed = make_edition(data, Options(config), name=f"cases-{config}.tei.xml", fast=fast)
        for i, (case_id, _, expected) in enumerate(cases):
            got = "".join(ed.tree.getroot().xpath("//*[@xml:id=$i]", i=f"c{i}")[0].itertext())
            total += 1
            if got != expected:
                failures.append({"config": config, "id": case_id, "expected": expected, "got": got})
    return {"cases": total, "passed": total - len(failures), "failures": failures}


def appledaily_page(path: Path) -> str:
    """An Apple Daily article as a text page: title, subtitle, lead, subheads and paragraphs."""
    from lxml import html

    doc = html.parse(str(path))
    lines = []
    for xpath in ('//h1[@id="h1"]', '//h2[@id="h2"]', '//p[@id="introid"]'):
        for e in doc.xpath(xpath):
            lines += [x.strip() for x in e.itertext()]
    for e in doc.xpath('//h2[@id="bhead"] | //p[@id="bcontent"]'):
        lines.append("")
        lines += [x.strip() for x in e.itertext()]
    return "\n".join(x for x in lines if x is not None) + "\n"


def roundtrip(pages: list[Path], there: str, back: str, folder: Path) -> dict:
    """convert --edition THERE, then the edition converted back with BACK; agreement of <text>."""
    from click.testing import CliRunner

    from archive.cli import cli
    from archive.edition import LANGS, Options, body_text, edition_name, make_edition

    src_dir = folder / "pages"
    src_dir.mkdir(exist_ok=True)
    out = folder / f"out-{there}"
    names = []
    for path in pages:
        page = src_dir / (path.stem + ".txt")
        page.write_text(appledaily_page(path), encoding="utf-8")
        names.append(str(page))
    result = CliRunner().invoke(cli, ["-q", "convert", *names, "-o", str(out), "--edition", there])
    if result.exit_code != 0:
        return {"error": result.output}
    same = total = 0
    differing: dict[tuple[str, str], int] = {}
    for name in names:
        stem = Path(name).stem
        source = (out / f"{stem}.tei.xml").read_bytes()
        lang = next(lang for lang in LANGS if (out / edition_name(f"{stem}.tei.xml", lang)).exists())
        edition = (out / edition_name(f"{stem}.tei.xml", lang)).read_bytes()
        returned = make_edition(edition, Options(back), name="edition.tei.xml", validate=False)
        a = _text_of(source)
        b = body_text(returned.tree)
        if len(a) != len(b):
            return {"error": f"{stem}: lengths differ ({len(a)} vs {len(b)})"}
        for x, y in zip(a, b, strict=False):
            if x.isspace():
                continue
            total += 1
            if x == y:
                same += 1
            else:
                differing[(x, y)] = differing.get((x, y), 0) + 1
    top = sorted(differing.items(), key=lambda kv: -kv[1])[:15]
    return {"pages": len(names), "there": there, "back": back, "characters": total,
            "agreement": same / total if total else 1.0,
            "top_differences": [f"{x}->{y} x{n}" for (x, y), n in top]}


def _text_of(data: bytes) -> str:
    from lxml import etree

    from archive.edition import body_text

    return body_text(etree.fromstring(data).getroottree())


def quality() -> dict:
    from archive.pipeline import convert

    out: dict = {}
    template = convert(SAMPLE).data
    if TESTCASES.is_file():
        out["opencc_testcases"] = run_testcases(template)
    if APPLEDAILY.is_dir():
        pages = sorted(APPLEDAILY.glob("*.htm"))
        with tempfile.TemporaryDirectory() as tmp:
            out["appledaily"] = [roundtrip(pages, "tw2s", "s2tw", Path(tmp)),
                                 roundtrip(pages, "t2s", "s2t", Path(tmp))]
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--size", type=float, default=10.0, help="size of the TEI file in MB (default 10)")
    parser.add_argument("--repeat", type=int, default=5, help="best of N runs (default 5)")
    parser.add_argument("--quality", action="store_true", help="also the OpenCC cases and Apple Daily round trip")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    args = parser.parse_args()
    figures = {"speed": speed(args.size, args.repeat)}
    if args.quality:
        figures["quality"] = quality()
    if args.json:
        print(json.dumps(figures, indent=2, ensure_ascii=False))
        return
    s = figures["speed"]
    f = s["floor"]
    print(f"s2t edition of a {s['file_bytes'] / 1e6:.1f} MB TEI file ({s['text_chars']:,} characters of text)")
    print(f"  floor: parse {f['parse']:.3f} s + serialize {f['serialize']:.3f} s + OpenCC {f['opencc']:.3f} s"
          f" = {f['total']:.3f} s")
    verdict = "meets" if s["ratio"] <= TARGET else "misses"
    print(f"  edition of the file (byte path): {s['edition']:.3f} s = {s['ratio']:.2f} x floor "
          f"({verdict} the target <= {TARGET} x)")
    print(f"  edition of a parsed tree, parse included (fast path): {s['from_tree']:.3f} s = "
          f"{s['from_tree_ratio']:.2f} x floor")
    print(f"  edition by the general path: {s['tree_path']:.3f} s = {s['tree_path_ratio']:.2f} x floor; "
          f"same bytes: {s['same_bytes_both_paths']}")
    print(f"  schema validation of the edition (RELAX NG + Schematron): {s['validation']:.3f} s")
    print(f"  `archive edition` as a new process, with validation: {s['command_with_validation']:.3f} s "
          f"(exit {s['command_exit']})")
    q = figures.get("quality")
    if q:
        cases = q.get("opencc_testcases")
        if cases:
            print(f"OpenCC test cases through the edition path: {cases['passed']}/{cases['cases']} pass")
            for fail in cases["failures"][:10]:
                print(f"  {fail['config']} {fail['id']}: expected {fail['expected']!r}, got {fail['got']!r}")
        for rt in q.get("appledaily", []):
            if "error" in rt:
                print(f"Apple Daily round trip: error: {rt['error']}")
                continue
            print(f"Apple Daily round trip {rt['there']} -> {rt['back']}: {rt['pages']} pages, "
                  f"{rt['characters']:,} characters, agreement {rt['agreement']:.4%}")
            print("  most frequent differences: " + ", ".join(rt["top_differences"]))


if __name__ == "__main__":
    main()

"""Score the tool against ground truth.

    python tools/score.py paragraphs --sample
    python tools/score.py paragraphs --corpus 2017 --pages 50 --seed 7 [--show 3] [--json]
    python tools/score.py articles --sample          # the sample and its variants
    python tools/score.py articles --corpus 2020 --pages 60 --seed 11 [--show 3] [--json]

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
import tempfile
from collections import Counter, defaultdict
from difflib import SequenceMatcher
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import pagegen  # noqa: E402

REPO = pagegen.REPO
SAMPLE = REPO / "seeds" / "000_b96cb40543454e04.txt"
SAMPLE_TRUTH = REPO / "tests" / "data" / "sample.paragraphs.txt"
SAMPLE_ARTICLES = REPO / "tests" / "data" / "sample.articles.json"


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


# ---------------------------------------------------------------- articles

T = "{http://www.tei-c.org/ns/1.0}"
SPLIT = ("dateline", "byline", "speaker")  # split off the start of a paragraph's source line


def text(el) -> str:
    return "".join(el.itertext()).strip() if el is not None else ""


def _local(el) -> str:
    return el.tag[len(T):] if isinstance(el.tag, str) and el.tag.startswith(T) else ""


def _blocks(root) -> list[list[str]]:
    """[kind, text] of every text-bearing element under ``root`` but the article's own heads."""
    out = []
    for el in root.iter(T + "*"):
        name, parent = _local(el), el.getparent()
        if name == "head":
            if _local(parent) == "figure":
                out.append(["caption", text(el)])
            elif _local(parent) == "div" and parent.get("type") == "section":
                out.append(["subhead", text(el)])
        elif name == "byline" and _local(parent) == "figure":
            out.append(["credit", text(el)])
        elif name in ("p", "byline", "dateline", "speaker", "note"):
            out.append([name, text(el)])
    return out


def _figure(fig) -> dict:
    credit = fig.find(T + "byline")
    return {"caption": " ".join(text(h) for h in fig.findall(T + "head")) or None,
            "credit": text(credit) or None,
            "photographer": [text(n) for n in credit.iter(T + "persName")] if credit is not None else []}


def _heads(div, kind: str):
    return " ".join(text(h) for h in div.findall(T + "head") if h.get("type") == kind) or None


def tei_articles(tree) -> dict:
    """What a TEI page says about its articles, in the shape of tests/data/sample.articles.json."""
    root = tree.getroot() if hasattr(tree, "getroot") else tree
    body = root.find(f"{T}text/{T}body")
    articles = []
    for div in body.iter(T + "div"):
        if div.get("type") != "article":
            continue
        bylines = div.findall(T + "byline")
        articles.append({
            "kicker": _heads(div, "kicker"), "title": _heads(div, "main"), "subtitle": _heads(div, "sub"),
            "bylines": [text(b) for b in bylines],
            "authors": [text(n) for b in bylines for n in b.iter(T + "persName")],
            "datelines": [text(d) for d in div.iter(T + "dateline")],
            "blocks": _blocks(div),
            "paragraphs": [text(p) for p in div.iter(T + "p")],
            "subheads": [text(h) for s in div.iter(T + "div") if s.get("type") == "section"
                         for h in s.findall(T + "head")],
            "turns": [{"speaker": text(sp.find(T + "speaker")),
                       "name": [text(n) for s in sp.findall(T + "speaker") for n in s.iter(T + "persName")],
                       "paragraphs": len(sp.findall(T + "p"))} for sp in div.iter(T + "sp")],
            "jumps": [{"text": text(n), "page": n.get("n"), "direction": n.get("subtype")}
                      for n in div.iter(T + "note") if n.get("type") == "jump"],
            "figures": [_figure(f) for f in div.iter(T + "figure")],
        })
    return {"furniture": [text(f) for f in body.findall(T + "fw")],
            "articles": articles,
            "figures": [_figure(f) for f in body.iter(T + "figure")],
            # blocks outside any article (a figure left at body level)
            "loose": [b for f in body.findall(T + "figure") for b in _blocks(f)]}


NO_ARTICLE = {"kicker": None, "title": None, "subtitle": None, "bylines": [], "authors": [],
              "datelines": [], "blocks": [], "paragraphs": [], "subheads": [], "turns": [],
              "jumps": [], "figures": []}
NO_PAGE = {"furniture": [], "articles": [], "figures": [], "loose": []}


def acc(right: int, total: int) -> dict:
    return {"accuracy": right / total if total else 1.0, "right": right, "total": total}


def same(a, b) -> bool:
    return squash(a or "") == squash(b or "")


def match(true_items: list, pred_items: list) -> list[tuple]:
    """Pair (text, article) items with equal texts, whitespace aside, first come first served.

    Returns (true article, predicted article) per pair."""
    pred = defaultdict(list)
    for t, art in pred_items:
        pred[squash(t)].append(art)
    return [(art, pred[squash(t)].pop(0)) for t, art in true_items if pred[squash(t)]]


def pairwise(pairs: list[tuple]) -> dict:
    """Pairwise P/R/F1 of 'same article' over matched blocks (pairs from ``match``)."""
    def same_pairs(groups):
        return sum(n * (n - 1) // 2 for n in Counter(groups).values())
    return prf(same_pairs(pairs), same_pairs(p for _, p in pairs), same_pairs(t for t, _ in pairs))


def homes(pairs: list[tuple]) -> dict:
    """Each true article's predicted article: the one holding most of its matched blocks."""
    votes = defaultdict(Counter)
    for t, p in pairs:
        votes[t][p] += 1
    return {t: c.most_common(1)[0][0] for t, c in votes.items()}


def in_order(true: list, pred: list) -> tuple[int, int]:
    """(true items matched by predicted ones in order, true items)."""
    return sum(b.size for b in SequenceMatcher(None, true, pred, autojunk=False).get_matching_blocks()), len(true)


def diff_blocks(true: list[str], pred: list[str]) -> list[str]:
    """'- text' for each true block missed, '+ text' for each predicted block not true."""
    missing = Counter(map(squash, true)) - Counter(map(squash, pred))
    extra = Counter(map(squash, pred)) - Counter(map(squash, true))
    return [f"- {t}" for t in missing.elements()] + [f"+ {t}" for t in extra.elements()]


def diff_items(true: list, pred: list) -> str:
    missing, extra = Counter(true) - Counter(pred), Counter(pred) - Counter(true)
    return f"missing {list(missing.elements())}, extra {list(extra.elements())}"


def _finish(counts: dict, out: dict) -> dict:
    return {**out, **{k: acc(*v) for k, v in counts.items()}}


def score_sample(tree, truth: dict) -> dict:
    """The sample page (or a rearranged variant) against the hand-checked annotation."""
    pred = tei_articles(tree) if tree is not None else NO_PAGE
    ta, pa = truth["articles"], pred["articles"]
    true_items = [(x, i) for i, a in enumerate(ta) for x in a["paragraphs"]]
    pred_items = [(x, j) for j, a in enumerate(pa) for x in a["paragraphs"]]
    pairs = match(true_items, pred_items)
    home = homes(pairs)
    errors = diff_blocks([x for x, _ in true_items], [x for x, _ in pred_items])
    counts = defaultdict(lambda: [0, 0])

    def count(metric, right, total=1, what=""):
        counts[metric][0] += right
        counts[metric][1] += total
        if right < total and what:
            errors.append(f"{metric}: {what}")

    def seq(a):
        return [(squash(t["speaker"]), tuple(map(squash, t["name"]))) for t in a["turns"]]

    for i, t in enumerate(ta):
        p = pa[home[i]] if i in home else NO_ARTICLE
        heads = [t[k] for k in ("kicker", "title", "subtitle")], [p[k] for k in ("kicker", "title", "subtitle")]
        count("headlines", all(map(same, *heads)), 1, f"expected {heads[0]}, got {heads[1]}")
        count("titles", same(t["title"], p["title"]))
        ok = (Counter(map(squash, t["bylines"])) == Counter(map(squash, p["bylines"]))
              and list(map(squash, t["authors"])) == list(map(squash, p["authors"])))
        count("bylines", ok, 1, f"expected {t['bylines']} {t['authors']}, got {p['bylines']} {p['authors']}")
        count("speakers", *in_order(seq(t), seq(p)), f"{t['title']}: {diff_items(seq(t), seq(p))}")
        subheads = [list(map(squash, a["subheads"])) for a in (t, p)]
        count("subheads", *in_order(*subheads), f"{t['title']}: {diff_items(*subheads)}")
        jumps = [[(squash(j["text"]), str(j["page"]), j["direction"]) for j in a["jumps"]] for a in (t, p)]
        count("jumps", *in_order(*jumps), f"{t['title']}: {diff_items(*jumps)}")
        for f in t["figures"]:
            found = any(same(f["caption"], g["caption"]) and same(f["credit"], g["credit"])
                        and list(map(squash, f["photographer"])) == list(map(squash, g["photographer"]))
                        for g in pred["figures"])
            count("photos", found, 1, f"not found: {f}")
    furniture = score_paragraphs(pred["furniture"], truth["furniture"])
    return _finish(counts, {"paragraphs": prf(len(pairs), len(pred_items), len(true_items)),
                            "articles": pairwise(pairs), "furniture": furniture, "errors": errors})


def merge_split(blocks: list, lines: set) -> list[str]:
    """Block texts of one article, a run of dateline/byline/speaker joined to the paragraph
    after it when together they are one source line (the tool split them off its start)."""
    out, i = [], 0
    while i < len(blocks):
        j = i
        while j < len(blocks) and blocks[j][0] in SPLIT:
            j += 1
        if j > i and j < len(blocks) and blocks[j][0] == "p":
            for k in range(i, j):  # the longest run that makes a source line
                joined = "".join(squash(b[1]) for b in blocks[k:j + 1])
                if joined in lines:
                    out += [b[1] for b in blocks[i:k]] + [joined]
                    i = j + 1
                    break
            else:
                out += [b[1] for b in blocks[i:j]]
                i = j
            continue
        out.append(blocks[i][1])
        i += 1
    return out


def score_generated(tree, truth: dict) -> dict:
    """A pagegen page: every block right when its text is one of the page's source lines."""
    pred = tei_articles(tree) if tree is not None else NO_PAGE
    ta, pa = truth["articles"], pred["articles"]
    true_items = [(x, i) for i, a in enumerate(ta) for x in a["paragraphs"] + ([a["jump"]] if a["jump"] else [])]
    lines = {squash(x) for x, _ in true_items}
    header = Counter(squash(a["byline"]) for a in ta if a["byline"])
    pred_items = []
    for j, a in enumerate(pa):
        kept = []
        for kind, t in a["blocks"]:
            if kind in ("byline", "dateline") and header[squash(t)] > 0:
                header[squash(t)] -= 1  # the headline group's byline: scored apart
            else:
                kept.append((kind, t))
        pred_items += [(x, j) for x in merge_split(kept, lines)]
    pred_items += [(b[1], ("loose", k)) for k, b in enumerate(pred["loose"])]
    pairs = match(true_items, pred_items)
    home = homes(pairs)
    errors = diff_blocks([x for x, _ in true_items], [x for x, _ in pred_items])
    counts = defaultdict(lambda: [0, 0])
    for i, t in enumerate(ta):
        p = pa[home[i]] if i in home else None
        got = p or NO_ARTICLE
        for k, metric in (("title", "headlines"), ("kicker", "kickers"), ("subtitle", "subtitles")):
            if metric == "headlines" and not t["title"]:
                continue
            ok = p is not None and same(t[k], got[k])
            counts[metric][0] += ok
            counts[metric][1] += 1
            if not ok:
                errors.append(f"{k}: expected {t[k]!r}, got {got[k]!r}")
        if t["byline"]:
            ok = any(same(t["byline"], b) for b in got["bylines"])
            counts["bylines"][0] += ok
            counts["bylines"][1] += 1
            if not ok:
                errors.append(f"byline: expected {t['byline']!r}, got {got['bylines']}")
    for metric in ("headlines", "kickers", "subtitles", "bylines"):
        counts[metric]  # present even when no article has one
    return _finish(counts, {"paragraphs": prf(len(pairs), len(pred_items), len(true_items)),
                            "articles": pairwise(pairs),
                            "furniture": score_paragraphs(pred["furniture"], truth["furniture"]),
                            "errors": errors})


def add_up(results: list[dict]) -> dict:
    """Micro-averaged totals of per-page scores."""
    out = {}
    for k, v in results[0].items():
        if isinstance(v, dict) and "tp" in v:
            out[k] = prf(*(sum(r[k][x] for r in results) for x in ("tp", "n_pred", "n_true")))
        elif isinstance(v, dict) and "right" in v:
            out[k] = acc(sum(r[k]["right"] for r in results), sum(r[k]["total"] for r in results))
    return out


def convert_text(name: str, body: str):
    """The TEI tree the tool makes of a page given as text, or the error it fails with."""
    from archive.pipeline import convert

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / f"{name}.txt"
        path.write_text(body, encoding="utf-8")
        try:
            return convert(path).tree, None
        except Exception as e:  # noqa: BLE001 - a failed page is counted, not fatal
            return None, f"{type(e).__name__}: {e}"


def figures(r: dict, keys: tuple) -> str:
    def one(k):
        if "f1" in r[k]:
            return f"{k} F1={r[k]['f1']:.3f}"
        return f"{k}={r[k]['accuracy']:.3f}" if r[k]["total"] else f"{k}=n/a"
    return " ".join(one(k) for k in keys)


SAMPLE_KEYS = ("paragraphs", "articles", "headlines", "titles", "bylines", "speakers", "subheads",
               "jumps", "photos", "furniture")
CORPUS_KEYS = ("paragraphs", "articles", "headlines", "bylines", "kickers", "subtitles", "furniture")


def badness(r: dict) -> float:
    return sum(r[k].get("f1", r[k].get("accuracy")) for k in ("paragraphs", "articles", "headlines", "bylines")
               if k in r)


def articles_cmd(args: argparse.Namespace) -> dict:
    import variants

    sets = {}
    if args.sample or not args.corpus:
        truth = json.loads(SAMPLE_ARTICLES.read_text(encoding="utf-8"))
        text = SAMPLE.read_text(encoding="utf-8")
        pages = [("sample", text)] + [(f"sample-{k}", v) for k, v in variants.variants(text, truth).items()]
        for name, body in pages:
            tree, err = convert_text(name, body)
            r = {**score_sample(tree, truth), "name": name, "failed": err}
            sets[name] = {**add_up([r]), "pages": [r], "failed": int(bool(err))}
    for corpus in args.corpus or (pagegen.CORPORA if not args.sample else []):
        if not (pagegen.EVALDATA / "rmrb_articles").is_dir():
            print(f"{corpus}: skipped, no evaluation data at {pagegen.EVALDATA}", file=sys.stderr)
            continue
        results = []
        for name, body, truth in pagegen.make_corpus(corpus, args.pages, args.seed):
            tree, err = convert_text(name, body)
            results.append({**score_generated(tree, truth), "name": name, "failed": err})
        sets[corpus] = {**add_up(results), "pages": results,
                        "failed": sum(bool(r["failed"]) for r in results)}
    if args.json:
        print(json.dumps(sets, ensure_ascii=False, indent=1))
        return sets
    for label, r in sets.items():
        if label.startswith("sample"):
            print(f"{label}: {figures(r, SAMPLE_KEYS)}" + (" FAILED" if r["failed"] else ""))
        else:
            print(f"{label}: {figures(r, CORPUS_KEYS)} ({len(r['pages'])} pages, {r['failed']} failed)")
        for p in sorted(r["pages"], key=badness)[: args.show]:
            if p["errors"] or p["failed"]:
                print(f"--- {p['name']}: {figures(p, CORPUS_KEYS[:4])}")
                for e in ([p["failed"]] if p["failed"] else []) + p["errors"]:
                    print("  " + short(e, 160))
    return sets


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description="Score archive against ground truth.")
    sub = ap.add_subparsers(dest="metric", required=True)
    for metric, what in (("paragraphs", "block (paragraph/heading) precision and recall"),
                         ("articles", "articles, headlines, bylines, turns, jumps, photos of converted pages")):
        pp = sub.add_parser(metric, help=what)
        pp.add_argument("--sample", action="store_true", help="score the hand-checked sample page"
                        + (" and its rearranged variants" if metric == "articles" else ""))
        pp.add_argument("--corpus", action="append", choices=pagegen.CORPORA,
                        help="score synthetic pages from this corpus (repeatable)")
        pp.add_argument("--pages", type=int, default=50)
        pp.add_argument("--seed", type=int, default=7)
        pp.add_argument("--show", type=int, default=0, metavar="N", help="diff the N worst pages")
        pp.add_argument("--json", action="store_true", help="print machine-readable results")
    args = ap.parse_args(argv)
    if args.metric == "paragraphs":
        paragraphs_cmd(args)
    else:
        articles_cmd(args)
    return 0


if __name__ == "__main__":
    sys.exit(main())

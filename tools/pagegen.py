"""Synthetic extractor-like newspaper pages with ground truth.

Real People's Daily articles (read at run time from the evaluation data folder,
never copied into the repo) are laid out the way a PDF text extractor returns a
page: every article set in its own column width and wrapped into short lines,
the paragraph indent lost, hanging punctuation, typesetting spaces around
numbers and Latin, blank lines between paragraphs (or not) and at column
breaks, the headline group before or after the body, jump lines, furniture.

    python tools/pagegen.py --corpus 2017 --pages 20 --seed 1 -o DIR

writes DIR/<name>.txt and DIR/<name>.truth.json. Truth:
{"paragraphs": [every block in page order: furniture, headline lines, byline,
paragraph, jump line], "articles": [{"kicker", "title", "subtitle", "byline",
"paragraphs", "jump", "id"}], "furniture": [...], "style": {...}}. Block texts are
as printed ("——" before a subtitle, "□" before a byline included) but without
the typesetting spaces; absent article fields are null.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import random
import re
import sqlite3
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
EVALDATA = Path(os.environ.get("ARCHIVE_EVALDATA") or REPO.parent / "shared" / "evaldata")
CORPORA = ("2017", "2020")

HANG = set("，。、；：？！”’）》」』】")  # may hang past the column edge; never start a line
OPEN = set("“‘（《「『【")  # never end a line
PUNCT = HANG | OPEN
HAN = "\u3400-\u4dbf\u4e00-\u9fff"
LABELS = ("要闻", "国内", "国际", "经济", "社会", "文化", "体育", "评论", "理论",
          "综合新闻", "地方新闻", "经济周刊", "民生视点", "文化广场")


@dataclass
class Article:
    kicker: str
    title: str
    subtitle: str
    byline: str
    paragraphs: list[str] = field(default_factory=list)
    id: str = ""


def clean(s: str) -> str:
    """Strip spaces, NBSP and U+3000 from the ends; other spaces inside become ASCII spaces."""
    return re.sub(r"[\u00a0\u3000\t]", " ", s.strip(" \t\r\n\u00a0\u3000"))


def load_articles(corpus: str) -> list[Article]:
    root = EVALDATA / "rmrb_articles"
    out = []
    if corpus == "2017":
        db = sqlite3.connect(root / "waynesola_rmrb_sqlite_2017" / "rmrb.db")
        try:
            rows = db.execute("select link, text from t201703 order by rowid").fetchall()
        finally:
            db.close()
        for link, text in rows:
            lines = [clean(x) for x in text.split("\n")]
            kicker, title, subtitle, byline = (lines + [""] * 4)[:4]
            aid = "2017:" + link.rsplit("/", 1)[-1].removesuffix(".htm")
            out.append(Article(kicker, title, subtitle, byline, [p for p in lines[4:] if p], aid))
    elif corpus == "2020":
        for path in sorted((root / "caspiankexin_2020-01").glob("*/*.txt")):
            lines = [clean(x) for x in path.read_bytes().decode("utf-8").split("\r\n")]
            kicker, title, subtitle = (lines + [""] * 3)[:3]
            paras = [p for p in lines[3:] if p]
            out.append(Article(kicker, title, subtitle, "", paras, "2020:" + path.stem))
    else:
        raise ValueError(f"unknown corpus {corpus!r}; use one of {CORPORA}")
    return [a for a in out if a.paragraphs]


def char_width(c: str) -> float:
    """Em width in a CJK font: ASCII and half-width forms 0.5, everything else 1."""
    return 0.5 if c.isascii() or unicodedata.east_asian_width(c) == "H" else 1.0


def text_width(s: str) -> float:
    return sum(char_width(c) for c in s)


def wrap(text: str, width: float, indent: float = 0, squeeze: float = 0.0,
         rng: random.Random | None = None) -> list[str]:
    """Break ``text`` into lines of a ``width``-em column; the first line loses ``indent`` em.

    An ASCII run (number, Latin word), "——" and "……" are not broken (a run only if
    longer than a line).
    A line never ends with an opening bracket or quote; closing punctuation that
    would start a line hangs past the edge (two marks at most: "”。").
    With probability ``squeeze`` a line is set tight: half an em per punctuation
    mark on it (one em at most) makes room for one more character.
    """
    tokens = re.findall(r"[!-~]+|\s+|——|……|.", text)
    lines: list[str] = []
    cur: list[str] = []
    w, limit, i = 0.0, width - indent, 0
    tight = bool(rng and rng.random() < squeeze)
    while i < len(tokens):
        t = tokens[i]
        if not cur and t.isspace():
            i += 1
            continue
        tw = text_width(t)
        room = min(1.0, 0.5 * sum(x in PUNCT for x in cur)) if tight else 0.0
        if w + tw <= limit + room:
            cur.append(t)
            w += tw
            i += 1
            continue
        if not cur:  # an ASCII run longer than the line: break it by characters
            tokens[i:i + 1] = list(t)
            continue
        if tokens[i].isspace():  # a space at the break is lost
            del tokens[i]
        hung = 0
        while i < len(tokens) and tokens[i] in HANG and hung < 2:
            cur.append(tokens[i])
            i += 1
            hung += 1
        # An opening mark never ends a line, a third closing mark never starts one:
        # characters move down to the next line instead.
        while len(cur) > 1 and (cur[-1] in OPEN or (i < len(tokens) and tokens[i] in HANG)):
            cur.pop()
            i -= 1
        lines.append("".join(cur).strip())
        cur, w, limit = [], 0.0, width
        tight = bool(rng and rng.random() < squeeze)
    if cur:
        lines.append("".join(cur).strip())
    return [x for x in lines if x]


def space_runs(line: str, rng: random.Random, p: float) -> str:
    """Typesetting spaces: an ASCII run next to Han characters gets spaced with probability p."""
    def pad(m: re.Match) -> str:
        if not re.search("[A-Za-z0-9]", m.group()) or rng.random() >= p:
            return m.group()
        s, e = m.start(), m.end()
        left = " " if s and re.match(f"[{HAN}]", line[s - 1]) else ""
        right = " " if e < len(line) and re.match(f"[{HAN}]", line[e]) else ""
        return left + m.group() + right

    return re.sub(r"[!-~]+", pad, line)


def random_style(rng: random.Random) -> dict:
    return {
        "p_blank": rng.choice([0.9, 0.9, 0.5, 0.0]),  # blank line between paragraphs
        "headline": rng.choice(["before", "after", "mixed"]),
        "p_space": 0.5,  # typesetting spaces per number/Latin run
        "squeeze": rng.choice([0.0, 0.2]),  # share of tightly set lines
        "col_break": [30, 80],  # a blank line every N body lines
        "p_jump": 0.2,
        "p_label": 0.4,
        "p_banner": 0.3,
    }


def _balanced(text: str, width: int) -> list[str]:
    """A headline is set in as few lines as ``width`` allows, of about equal length."""
    n = math.ceil(text_width(text) / width)
    return wrap(text, min(width, math.ceil(text_width(text) / n) + 1)) if n > 1 else [text]


def _headline(a: Article, width: int, rng: random.Random) -> tuple[list[list[str]], dict]:
    """Line groups (one per element, wrapped) and the article's headline truth."""
    sub = a.subtitle
    if sub and not sub.startswith(("—", "-", "－")):
        sub = "——" + sub
    byline = ("□" if rng.random() < 0.5 else "") + a.byline if a.byline else ""
    fields = {"kicker": a.kicker, "title": a.title, "subtitle": sub, "byline": byline}
    groups = [[v] if k == "byline" else _balanced(v, width) for k, v in fields.items() if v]
    return groups, {k: v or None for k, v in fields.items()}


class _Page:
    """Lines of a page as the extractor gives them, and the true blocks in the same order."""

    def __init__(self, rng: random.Random, style: dict):
        self.rng, self.style = rng, style
        self.lines: list[str] = []
        self.blocks: list[str] = []

    def gap(self, p: float) -> None:
        if self.lines and self.lines[-1] and self.rng.random() < p:
            self.lines.append("")

    def emit(self, line: str) -> None:
        self.lines.append(space_runs(line, self.rng, self.style["p_space"]))

    def head(self, groups: list[list[str]], truth: dict) -> None:
        for k, group in enumerate(groups):
            if k:
                self.gap(self.style["p_blank"] * 0.4)
            for line in group:
                self.emit(line)
        self.blocks.extend(v for v in truth.values() if v)

    def body(self, paras: list[str], jump: str | None, width: int) -> None:
        rng, style = self.rng, self.style
        left = rng.randint(*style["col_break"])  # lines until the column ends
        for k, p in enumerate(paras + ([jump] if jump else [])):
            if k:
                self.gap(style["p_blank"])
            for line in wrap(p, width, 0 if p is jump else 2, style["squeeze"], rng):
                if left == 0:
                    if self.lines[-1]:
                        self.lines.append("")
                    left = rng.randint(*style["col_break"])
                self.emit(line)
                left -= 1
            self.blocks.append(p)


def make_page(articles: list[Article], rng: random.Random,
              style: dict | None = None) -> tuple[str, dict]:
    style = dict(style or random_style(rng))
    page = _Page(rng, style)
    furniture, truth_articles, widths, places = [], [], [], []
    p_big = (1 + style["p_blank"]) / 2  # the gap between articles or headline and body
    if rng.random() < style["p_label"]:
        furniture.append(rng.choice(LABELS))
        page.lines.append(furniture[-1])
    short = [t for a in articles for t in (a.kicker, a.title) if 4 <= len(t) <= 10 and " " not in t]
    if short and rng.random() < style["p_banner"]:
        furniture.append(rng.choice(short))
        page.gap(0.5)
        page.lines.append(" ".join(furniture[-1]))  # letter-spaced
    page.blocks.extend(furniture)

    for a in articles:
        width = widths[-1] if widths and rng.random() < 0.3 else rng.randint(12, 20)
        place = style["headline"]
        if place == "mixed":
            place = rng.choice(["before", "after"])
        widths.append(width)
        places.append(place)
        head, head_truth = _headline(a, rng.randint(16, 26), rng)
        paras, jump = list(a.paragraphs), None
        if rng.random() < style["p_jump"]:  # the rest of the article is on another page
            paras = paras[:rng.randint((len(paras) + 1) // 2, len(paras))]
            n = rng.randint(2, 20)
            jump = rng.choice([f"（下转{n:02d}版）", f"（下转第{n}版）"])
        page.gap(p_big)
        if place == "before":
            page.head(head, head_truth)
            page.gap(p_big)
            page.body(paras, jump, width)
        else:
            page.body(paras, jump, width)
            page.gap(p_big)
            page.head(head, head_truth)
        truth_articles.append({**head_truth, "paragraphs": paras, "jump": jump, "id": a.id})

    style.update(widths=widths, placements=places)
    truth = {"paragraphs": page.blocks, "articles": truth_articles,
             "furniture": furniture, "style": style}
    return "\n".join(page.lines) + "\n", truth


def deal(pool: list, order: list, rng: random.Random, k: int) -> tuple[list, list]:
    """The next ``k`` articles of a shuffled deck of ``pool`` (reshuffled when it runs out)."""
    if len(order) < k:
        order = order + rng.sample(pool, len(pool))
    return order[:k], order[k:]


def make_corpus(corpus: str, n_pages: int, seed: int) -> list[tuple[str, str, dict]]:
    """``n_pages`` pages of 2–5 articles each; the same for the same seed."""
    rng = random.Random(f"{corpus}:{seed}")
    pool = load_articles(corpus)
    order: list[Article] = []
    pages = []
    for i in range(n_pages):
        chosen, order = deal(pool, order, rng, rng.randint(2, 5))
        text, truth = make_page(chosen, rng)
        pages.append((f"rmrb{corpus}_{seed}_{i:03d}", text, truth))
    return pages


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--corpus", choices=CORPORA, required=True)
    ap.add_argument("--pages", type=int, default=20)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("-o", "--out", type=Path, required=True)
    args = ap.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    for name, text, truth in make_corpus(args.corpus, args.pages, args.seed):
        (args.out / f"{name}.txt").write_text(text, encoding="utf-8")
        (args.out / f"{name}.truth.json").write_text(
            json.dumps(truth, ensure_ascii=False, indent=1), encoding="utf-8")
    print(f"wrote {args.pages} pages to {args.out}")


if __name__ == "__main__":
    main()

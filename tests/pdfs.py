"""Newspaper pages as PDFs, generated with reportlab, with their ground truth.

The articles are those of the sample page (tests/golden/…tei.xml, hand-checked;
truth in tests/data/sample.articles.json): typeset in columns the way a
newspaper sets them: headline groups spanning their article's columns
(kicker, main headline, "——" subtitle, byline), justified body text with a
two-character paragraph indent, paragraphs running on from one column into
the next, centred subheads, a photo with its caption and credit under it,
right-aligned jump lines, a running head with the page number.

Fonts: ``STSong-Light`` (reportlab's CID font with the UniGB-UCS2-H CMap,
not embedded) and an embedded TrueType subset of WenQuanYi Zen Hei
(``fonts-wqy-zenhei``; :func:`truetype_font` is None where it is not installed).

    python tests/pdfs.py OUTDIR     # writes every generated PDF and its truth
"""

from __future__ import annotations

import copy
import io
import json
import math
import random
import sys
from dataclasses import dataclass, field
from pathlib import Path

from lxml import etree

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tools"))
import pagegen  # noqa: E402

GOLDEN = ROOT / "tests" / "golden" / "000_b96cb40543454e04.tei.xml"
TRUTH = ROOT / "tests" / "data" / "sample.articles.json"
T = "{http://www.tei-c.org/ns/1.0}"
CID = "STSong-Light"
TTF_PATHS = ("/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc", "/usr/share/fonts/wqy-zenhei/wqy-zenhei.ttc")
TTF = "WQYZenHei"


# ------------------------------------------------------------------ fonts


_registered: set[str] = set()


def cid_font() -> str:
    if CID not in _registered:
        from reportlab.pdfbase import pdfmetrics
        from reportlab.pdfbase.cidfonts import UnicodeCIDFont

        pdfmetrics.registerFont(UnicodeCIDFont(CID))
        _registered.add(CID)
    return CID


def truetype_font() -> str | None:
    """An embeddable TrueType CJK font (WenQuanYi Zen Hei), or None when not installed."""
    if TTF in _registered:
        return TTF
    for path in TTF_PATHS:
        if Path(path).is_file():
            from reportlab.pdfbase import pdfmetrics
            from reportlab.pdfbase.ttfonts import TTFont

            pdfmetrics.registerFont(TTFont(TTF, path, subfontIndex=0))
            _registered.add(TTF)
            return TTF
    return None


# ------------------------------------------------------------------ articles


@dataclass
class Art:
    """An article as printed: its headline group, body blocks and photo."""

    title: str
    kicker: str | None = None
    subtitle: str | None = None  # with its "——"
    bylines: list[str] = field(default_factory=list)  # lines under the headline group
    body: list[tuple[str, str]] = field(default_factory=list)  # ("p" | "sub" | "jump", text)
    figure: tuple[str, str] | None = None  # (caption, credit)
    truth: dict = field(default_factory=dict)  # as in sample.articles.json


def _text(el) -> str:
    return "".join(el.itertext()).strip()


def _runs_on(el) -> bool:
    """A block that starts in mid-line: its source line began in the element before it."""
    return bool(el.text and el.text.strip()) or not len(el) or el[0].tag != T + "lb"


def _body(elements, out: list[tuple[str, str]], lead: list[str]) -> None:
    speaker = False
    for el in elements:
        tag = el.tag[len(T):] if isinstance(el.tag, str) else ""
        if tag in ("byline", "dateline", "speaker"):
            lead.append(_text(el))
            speaker = speaker or tag == "speaker"
        elif tag == "p":
            text = _text(el)
            if lead and (_runs_on(el) or speaker):  # an answer is printed run on after its speaker
                speaker = False
                text = "".join(lead) + text
            elif lead:
                out.extend(("p", x) for x in lead)
            lead.clear()
            out.append(("p", text))
        elif tag == "note":
            out.append(("jump", _text(el)))
        elif tag == "div":
            head = el.find(T + "head")
            out.append(("sub", _text(head)))
            _body([c for c in el if c is not head], out, lead)
        elif tag == "sp":
            _body(list(el), out, lead)


def sample_articles() -> list[Art]:
    """The sample page's articles, from the hand-checked golden TEI."""
    tree = etree.parse(str(GOLDEN))
    truth = json.loads(TRUTH.read_text(encoding="utf-8"))
    arts = []
    for div in tree.iter(T + "div"):
        if div.get("type") != "article":
            continue
        heads = {h.get("type"): _text(h) for h in div.findall(T + "head")}
        art = Art(heads["main"], heads.get("kicker"), heads.get("sub"))
        children = [c for c in div if c.tag != T + "head"]
        # bylines under the headline: those not followed by a paragraph that runs on from them
        while children and children[0].tag == T + "byline" and not (
                len(children) > 1 and children[1].tag == T + "p" and _runs_on(children[1])):
            art.bylines.append(_text(children.pop(0)))
        figures = [c for c in children if c.tag == T + "figure"]
        for fig in figures:
            cap = fig.find(T + "head")
            credit = fig.find(T + "byline")
            art.figure = (_text(cap) if cap is not None else "", _text(credit) if credit is not None else "")
        _body([c for c in children if c.tag != T + "figure"], art.body, [])
        art.truth = copy.deepcopy(truth["articles"][len(arts)])
        art.truth.pop("source_lines", None)
        arts.append(art)
    return arts


def sample_furniture() -> list[str]:
    return list(json.loads(TRUTH.read_text(encoding="utf-8"))["furniture"])


# ------------------------------------------------------------------ typesetting


@dataclass
class _Op:
    kind: str  # text | image | rule
    x: float
    y: float  # baseline (text) or top (image), from the top of the page
    size: float = 0.0
    text: str = ""
    tc: float = 0.0
    w: float = 0.0
    h: float = 0.0
    font: str = ""


class Sheet:
    """One page being typeset: draw operations in top-down coordinates."""

    def __init__(self, width: float, font: str, body: float = 9.0, margin: float = 36.0):
        from reportlab.pdfbase import pdfmetrics

        self.width, self.font, self.body, self.margin = width, font, body, margin
        self.ops: list[_Op] = []
        self.furniture: list[str] = []  # the running head's texts
        self.bottom = margin
        self._sw = pdfmetrics.stringWidth

    def measure(self, text: str, size: float) -> float:
        return self._sw(text, self.font, size)

    def text(self, x: float, base: float, text: str, size: float, tc: float = 0.0) -> None:
        self.ops.append(_Op("text", x, base, size, text, tc, font=self.font))
        self.bottom = max(self.bottom, base + 0.2 * size)

    def centred(self, x: float, width: float, base: float, text: str, size: float, tc: float = 0.0) -> None:
        w = self.measure(text, size) + tc * max(len(text) - 1, 0)
        self.text(x + max(0.0, (width - w) / 2), base, text, size, tc)

    def image(self, x: float, top: float, w: float, h: float) -> None:
        self.ops.append(_Op("image", x, top, w=w, h=h))
        self.bottom = max(self.bottom, top + h)

    def header(self, label: str, date: str = "2024年12月17日 星期二", section: str = "要闻") -> float:
        """A running head: date, page number, section; returns the top of the page below it."""
        size = self.body * 0.8
        base = self.margin + size
        self.furniture += [date, f"第{label}版", section]
        self.text(self.margin, base, date, size)
        self.centred(self.margin, self.width - 2 * self.margin, base, f"第{label}版", size)
        self.text(self.width - self.margin - self.measure(section, size), base, section, size)
        return base + 2.5 * self.body


def _balanced(text: str, width_em: float) -> list[str]:
    n = math.ceil(pagegen.text_width(text) / width_em)
    return pagegen.wrap(text, min(width_em, math.ceil(pagegen.text_width(text) / n) + 1)) if n > 1 else [text]


@dataclass
class _Row:
    kind: str  # line | gap
    text: str = ""
    indent: bool = False
    last: bool = True
    align: str = "left"  # left | centre | right
    size: float = 0.0
    height: float = 0.0


class Article:
    """An article set in ``cols`` columns of ``col_em`` characters from (x, top)."""

    def __init__(self, sheet: Sheet, art: Art, cols: int, col_em: int = 16, picture_cols: int = 2,
                 continued: str | None = None, jump_to: str | None = None, part: slice | None = None):
        self.sheet, self.art, self.cols, self.col_em = sheet, art, cols, col_em
        self.picture_cols = min(picture_cols, cols)
        self.body_blocks = list(art.body[part] if part else art.body)
        if jump_to is not None:  # a jump line at the end instead of the original one
            self.body_blocks = [b for b in self.body_blocks if b[0] != "jump"] + [("jump", jump_to)]
        if continued is not None:
            self.body_blocks = [("jump", continued)] + [b for b in self.body_blocks if b[0] != "jump" or jump_to]

    def width(self) -> float:
        s = self.sheet
        return self.cols * self.col_em * s.body + (self.cols - 1) * s.body

    def set(self, x: float, top: float, heads: bool = True) -> float:
        """Typeset at (x, top); returns the bottom."""
        s, art = self.sheet, self.art
        body = s.body
        width = self.width()
        y = top
        if heads:
            groups = []
            if art.kicker:
                groups.append((art.kicker, 1.3 * body))
            if art.title:
                groups.append((art.title, 2.0 * body))
            if art.subtitle:
                groups.append((art.subtitle, 1.3 * body))
            for text, size in groups:
                for line in _balanced(text, width / size):
                    y += size * 1.25
                    s.centred(x, width, y, line, size)
            for line in art.bylines:
                y += body * 1.6
                s.centred(x, width, y, line, body)
            y += body * 1.4
        column_tops = [y] * self.cols
        if art.figure and heads and self.picture_cols:
            pw = self.picture_cols * self.col_em * body + (self.picture_cols - 1) * body
            ph = 9 * body * 1.45
            s.image(x, y + 0.3 * body, pw, ph)
            cy = y + 0.3 * body + ph
            small = body * 0.85
            caption, credit = art.figure
            for line in pagegen.wrap(caption, pw / small) + ([credit] if credit else []):
                cy += small * 1.4
                s.text(x, cy, line, small)
            for c in range(self.picture_cols):
                column_tops[c] = cy + 1.0 * body
        rows = self._rows()
        self._flow(rows, x, column_tops)
        return s.bottom

    def _rows(self) -> list[_Row]:
        body = self.sheet.body
        pitch = body * 1.45
        rows: list[_Row] = []
        for kind, text in self.body_blocks:
            if kind == "sub":
                rows.append(_Row("gap", height=0.5 * pitch))
                for line in _balanced(text, self.col_em / 1.1):
                    rows.append(_Row("line", line, align="centre", size=1.1 * body, height=1.1 * pitch))
                rows.append(_Row("gap", height=0.5 * pitch))
            elif kind == "jump":
                rows.append(_Row("line", text, align="right", size=body, height=pitch))
            else:
                lines = pagegen.wrap(text, self.col_em, 2)
                for i, line in enumerate(lines):
                    rows.append(_Row("line", line, indent=i == 0, last=i == len(lines) - 1, size=body, height=pitch))
        return rows

    def _flow(self, rows: list[_Row], x: float, tops: list[float]) -> None:
        s = self.sheet
        body = s.body
        col_w = self.col_em * body
        total = sum(r.height for r in rows)
        limit = max(tops) - min(tops) + total / self.cols
        while True:  # the shortest balanced columns that hold everything
            bottoms = [min(tops) + limit] * self.cols
            placed, col, y = [], 0, tops[0]
            ok = True
            for r in rows:
                if r.kind == "gap" and y == tops[col]:
                    continue  # no gap at the top of a column
                if y + r.height > bottoms[col] + 0.01:
                    col += 1
                    if col >= self.cols:
                        ok = False
                        break
                    y = tops[col]
                    if r.kind == "gap":
                        continue
                placed.append((r, col, y))
                y += r.height
            if ok:
                break
            limit += body * 1.45
        for r, col, y in placed:
            if r.kind == "gap":
                continue
            cx = x + col * (col_w + body)
            base = y + r.size * 1.0
            if r.align == "centre":
                s.centred(cx, col_w, base, r.text, r.size)
            elif r.align == "right":
                s.text(cx + col_w - s.measure(r.text, r.size), base, r.text, r.size)
            else:
                start = cx + (2 * r.size if r.indent else 0)
                target = cx + col_w - start
                natural = s.measure(r.text, r.size)
                tc = 0.0
                if len(r.text) > 1 and (natural > target or (not r.last and target - natural < 3 * r.size)):
                    tc = (target - natural) / (len(r.text) - 1)  # justified; hanging marks squeezed in
                s.text(start, base, r.text, r.size, tc)


# ------------------------------------------------------------------ rendering


class _Gray:
    """A small grey picture for reportlab's drawImage (no imaging library needed)."""

    mode = "RGB"
    _dataA = None
    _image = None
    fileName = "photo"

    def __init__(self, w: int = 12, h: int = 8):
        self._w, self._h = w, h

    def getSize(self):  # noqa: N802 - reportlab's interface
        return self._w, self._h

    def getRGBData(self):  # noqa: N802
        return bytes((i * 53) % 256 for i in range(self._w * self._h * 3))

    def jpeg_fh(self):
        return None

    def getTransparent(self):  # noqa: N802
        return None


def _image_reader():
    from reportlab.lib.utils import ImageReader

    class Gray(_Gray, ImageReader):
        def __init__(self):
            _Gray.__init__(self)

    return Gray()


def render(sheets: list[Sheet], shuffle: int | None = None, encrypt: str | None = None,
           extra_height: float = 36.0) -> bytes:
    """The PDF of the typeset sheets; ``shuffle`` draws each page's operations in a random
    order (that seed) instead of reading order."""
    from reportlab.pdfgen import canvas

    buf = io.BytesIO()
    kwargs = {}
    if encrypt is not None:
        from reportlab.lib import pdfencrypt

        kwargs["encrypt"] = pdfencrypt.StandardEncryption(encrypt, ownerPassword=encrypt + "-owner", strength=128)
    c = canvas.Canvas(buf, pageCompression=0, invariant=1, **kwargs)
    for sheet in sheets:
        height = sheet.bottom + extra_height
        c.setPageSize((sheet.width, height))
        ops = list(sheet.ops)
        if shuffle is not None:
            random.Random(shuffle).shuffle(ops)
        for op in ops:
            if op.kind == "image":
                c.drawImage(_image_reader(), op.x, height - op.y - op.h, op.w, op.h)
            else:
                t = c.beginText()
                t.setTextOrigin(op.x, height - op.y)
                t.setFont(op.font, op.size)
                t.setCharSpace(op.tc)  # always: the character spacing outlives the text object
                t.textOut(op.text)
                c.drawText(t)
        c.showPage()
    c.save()
    return buf.getvalue()


# ------------------------------------------------------------------ the test PDFs


def _truth(arts: list[Art], furniture: list[str] | None = None, sheets: list[Sheet] = ()) -> dict:
    heads = [x for s in sheets for x in s.furniture]
    return {"furniture": heads + list(furniture or []), "articles": [a.truth for a in arts]}


def join_continued(tree):
    """A copy of a TEI tree in which each article continued elsewhere (@next) holds its later
    part (without the repeated headline): what the scorer compares with one true article."""
    tree = copy.deepcopy(tree)
    root = tree.getroot() if hasattr(tree, "getroot") else tree
    ids = {div.get("{http://www.w3.org/XML/1998/namespace}id"): div for div in root.iter(T + "div")}
    for div in list(root.iter(T + "div")):
        nxt = div.get("next")
        while nxt and nxt.lstrip("#") in ids:
            later = ids[nxt.lstrip("#")]
            for child in list(later):
                if child.tag != T + "head":
                    div.append(child)
            later.getparent().remove(later)
            nxt = later.get("next")
    return tree


def sample_page(font: str | None = None, shuffle: int | None = None) -> tuple[bytes, dict]:
    """The whole sample page on one 5-column page: a section label and a letter-spaced banner,
    two news items side by side (one with a photo), two interviews with subheads under them."""
    font = font or cid_font()
    a1, a2, a3, a4 = sample_articles()
    s = Sheet(36 + 5 * 16 * 9 + 4 * 9 + 36, font)
    body = s.body
    y = s.margin + 1.3 * body
    s.text(s.margin, y, "权威发布", 1.3 * body)
    banner = "高质量发展看昌吉"
    y += 2.4 * body
    s.centred(s.margin, s.width - 2 * s.margin, y, banner, 1.6 * body, tc=1.6 * body)
    top = y + 2.5 * body
    left = Article(s, a1, 3).set(s.margin, top)
    right = Article(s, a2, 2).set(s.margin + 3 * (16 * body + body), top)
    y = max(left, right) + 2.5 * body
    y = Article(s, a3, 5).set(s.margin, y) + 2.5 * body
    Article(s, a4, 5).set(s.margin, y)
    return render([s], shuffle=shuffle), _truth([a1, a2, a3, a4], sample_furniture())


def small_page(font: str | None = None, shuffle: int | None = None) -> tuple[bytes, dict]:
    """Two news items side by side, the first with a photo: a quick page."""
    font = font or cid_font()
    a1, a2, _, _ = sample_articles()
    s = Sheet(36 + 5 * 16 * 9 + 4 * 9 + 36, font)
    top = s.header("1")
    Article(s, a1, 3).set(s.margin, top)
    Article(s, a2, 2).set(s.margin + 3 * 17 * s.body, top)
    return render([s], shuffle=shuffle), _truth([a1, a2], sheets=[s])


def two_page_issue(font: str | None = None) -> tuple[bytes, dict]:
    """Page 1: two news items and the start of an interview (下转2版); page 2: the rest of the
    interview under its repeated headline (上接1版) and a second interview."""
    font = font or cid_font()
    a1, a2, a3, a4 = sample_articles()
    width = 36 + 5 * 16 * 9 + 4 * 9 + 36
    p1 = Sheet(width, font)
    top = p1.header("1")
    left = Article(p1, a1, 3).set(p1.margin, top)
    right = Article(p1, a2, 2).set(p1.margin + 3 * 17 * p1.body, top)
    cut = 10  # body blocks of the interview on page 1 (it ends with a paragraph)
    Article(p1, a3, 5, jump_to="（下转2版）", part=slice(0, cut)).set(p1.margin, max(left, right) + 2.5 * p1.body)
    p2 = Sheet(width, font)
    top = p2.header("2")
    rest = Article(p2, a3, 3, continued="（上接1版）", part=slice(cut, None))
    rest.art = copy.copy(a3)
    rest.art.kicker = rest.art.subtitle = None
    rest.art.bylines = []
    bottom = rest.set(p2.margin, top)
    Article(p2, a4, 2).set(p2.margin + 3 * 17 * p2.body, top)
    del bottom
    t3 = copy.deepcopy(a3.truth)
    t3["jumps"] = [{"text": "（下转2版）", "page": "2", "direction": "to"},
                   {"text": "（上接1版）", "page": "1", "direction": "from"}]
    truth = {"furniture": p1.furniture + p2.furniture, "articles": [a1.truth, a2.truth, t3, a4.truth]}
    return render([p1, p2]), truth


def issue(pages: int = 20, font: str | None = None) -> bytes:
    """A generated issue of ``pages`` pages for the benchmark: the sample's articles in turn,
    two or three a page in different column layouts."""
    font = font or cid_font()
    arts = sample_articles()
    width = 36 + 5 * 16 * 9 + 4 * 9 + 36
    sheets = []
    for n in range(pages):
        s = Sheet(width, font)
        top = s.header(str(n + 1))
        a, b = arts[n % 4], arts[(n + 1) % 4]
        if n % 2:
            left = Article(s, a, 2, part=slice(0, 10)).set(s.margin, top)
            right = Article(s, b, 3, part=slice(0, 12)).set(s.margin + 2 * 17 * s.body, top)
        else:
            left = Article(s, a, 3, part=slice(0, 12)).set(s.margin, top)
            right = Article(s, b, 2, part=slice(0, 10)).set(s.margin + 3 * 17 * s.body, top)
        Article(s, arts[(n + 2) % 4], 5, part=slice(0, 8)).set(s.margin, max(left, right) + 2.5 * s.body)
        sheets.append(s)
    return render(sheets)


def simple_pages(n: int, font: str | None = None) -> bytes:
    """``n`` small pages, one short article each: many pages, quickly."""
    font = font or cid_font()
    sheets = []
    for k in range(n):
        s = Sheet(300, font)
        s.text(s.margin, s.margin + 18, f"第{k + 1}号消息发布", 18)
        s.text(s.margin + 18, s.margin + 40, f"本报讯 这是第{k + 1}页的正文。", 9)
        sheets.append(s)
    return render(sheets)


def scan_page() -> bytes:
    """A page holding only a picture (what a scanner gives)."""
    s = Sheet(400, cid_font())
    s.image(36, 36, 300, 400)
    return render([s])


def strip_tounicode(data: bytes, page: int) -> bytes:
    """The PDF with the ToUnicode maps of the fonts of page ``page`` (0-based) removed."""
    from pypdf import PdfReader, PdfWriter
    from pypdf.generic import NameObject

    reader = PdfReader(io.BytesIO(data))
    writer = PdfWriter(clone_from=reader)
    fonts = writer.pages[page]["/Resources"]["/Font"]
    for ref in fonts.values():
        font = ref.get_object()
        if NameObject("/ToUnicode") in font:
            del font[NameObject("/ToUnicode")]
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def garbled_issue(font: str) -> bytes:
    """Two pages: page 1 in STSong-Light, page 2 in an embedded TrueType font that has lost
    its ToUnicode map (its text comes out as the font's private codes)."""
    a1, a2, _, _ = sample_articles()
    sheets = []
    for art, label, face in ((a1, "1", cid_font()), (a2, "2", font)):
        s = Sheet(36 + 3 * 16 * 9 + 2 * 9 + 36, face)
        Article(s, art, 3, picture_cols=0, part=slice(0, 3)).set(s.margin, s.header(label))
        sheets.append(s)
    return strip_tounicode(render(sheets), 1)


def broken_page(data: bytes, page: int) -> bytes:
    """The PDF with the content stream of page ``page`` (0-based) replaced by bytes that do
    not inflate."""
    from pypdf import PdfReader, PdfWriter
    from pypdf.generic import DecodedStreamObject, NameObject

    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(data)))
    bad = DecodedStreamObject()
    bad.set_data(b"x\x9c not zlib at all " * 8)
    bad[NameObject("/Filter")] = NameObject("/FlateDecode")
    writer.pages[page][NameObject("/Contents")] = writer._add_object(bad)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def corpus_pages(corpus: str, n_pages: int, seed: int) -> list[tuple[str, bytes, dict]]:
    """``n_pages`` pages of People's Daily articles (tools/pagegen.py's evaluation data, read at
    run time) typeset in random column layouts: (name, PDF, truth as pagegen gives it)."""
    rng = random.Random(f"pdf:{corpus}:{seed}")
    pool = pagegen.load_articles(corpus)
    order: list = []
    out = []
    for i in range(n_pages):
        chosen, order = pagegen.deal(pool, order, rng, rng.randint(2, 4))
        col_em = rng.choice([14, 16, 18])
        sheet = Sheet(36 + 5 * col_em * 9 + 4 * 9 + 36, cid_font())
        top = sheet.header(str(i + 1))
        truth_articles = []
        while chosen:
            pattern = rng.choice([(5,), (3, 2), (2, 3), (4, 1), (2, 2, 1)])[: len(chosen)]
            if sum(pattern) < 5:
                pattern = (*pattern[:-1], 5 - sum(pattern[:-1]))
            x, bottom = sheet.margin, top
            for cols in pattern:
                a = chosen.pop(0)
                art, truth = _corpus_article(a, rng)
                truth_articles.append(truth)
                end = Article(sheet, art, cols, col_em, picture_cols=0).set(x, top)
                bottom = max(bottom, end)
                x += cols * (col_em + 1) * sheet.body
            top = bottom + 2.5 * sheet.body
        truth = {"articles": truth_articles, "furniture": list(sheet.furniture)}
        out.append((f"rmrb{corpus}_{seed}_{i:03d}", render([sheet]), truth))
    return out


def _corpus_article(a, rng: random.Random) -> tuple[Art, dict]:
    sub = a.subtitle
    if sub and not sub.startswith(("—", "-", "－")):
        sub = "——" + sub
    byline = ("□" if rng.random() < 0.5 else "") + a.byline if a.byline else ""
    paras = list(a.paragraphs)
    jump = None
    if rng.random() < 0.2:
        paras = paras[: rng.randint((len(paras) + 1) // 2, len(paras))]
        jump = f"（下转{rng.randint(2, 20):02d}版）"
    body = [("p", p) for p in paras] + ([("jump", jump)] if jump else [])
    art = Art(a.title, a.kicker or None, sub or None, [byline] if byline else [], body)
    truth = {"kicker": a.kicker or None, "title": a.title, "subtitle": sub or None, "byline": byline or None,
             "paragraphs": paras, "jump": jump, "id": a.id}
    return art, truth


def main(argv: list[str]) -> int:
    out = Path(argv[0] if argv else "pdfs")
    out.mkdir(parents=True, exist_ok=True)
    made = {"sample-page": sample_page(), "sample-page-shuffled": sample_page(shuffle=7),
            "small-page": small_page(), "two-page-issue": two_page_issue()}
    ttf = truetype_font()
    if ttf:
        made["small-page-truetype"] = small_page(ttf)
    for name, (data, truth) in made.items():
        (out / f"{name}.pdf").write_bytes(data)
        (out / f"{name}.truth.json").write_text(json.dumps(truth, ensure_ascii=False, indent=1), encoding="utf-8")
    (out / "issue-20.pdf").write_bytes(issue(20))
    (out / "scan.pdf").write_bytes(scan_page())
    print(f"wrote {len(made) + 2} PDFs to {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

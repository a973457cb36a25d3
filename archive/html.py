"""A static reading site from TEI files: an index, a reading view per page and
edition, and a check view per page (the source lines beside the blocks made of
them; for a PDF, the page with what was found drawn over it).

Everything shown comes from the TEI; only the page pictures come from the
source PDFs (drawn by poppler's pdftoppm), when they can be found.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import tempfile
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path, PurePosixPath

from lxml import etree

from archive.batch import sha256_file
from archive.errors import InputError, MissingDependency
from archive.pipeline import write_atomic
from archive.reading import parse as read_xml
from archive.tei import TEI_NS, XML_ID, XML_LANG, T

NS = {"tei": TEI_NS}
ASSETS = ("archive.css", "archive.js")
BLOCKS = {T + n for n in ("head", "p", "byline", "dateline", "speaker", "fw", "note")}
LANG_NAMES = {
    "zh-Hans": "简体", "zh-Hant": "繁體", "zh-Hant-TW": "繁體（臺灣）", "zh-Hant-HK": "繁體（香港）",
    "ja": "日本語", "ja-Hant": "日本舊字體",
}
PAGE_DPI = 96
_HEADER = {T + "head", T + "byline", T + "dateline"}
_TEXT = {T + "p", T + "sp", T + "div", T + "note"}


# ------------------------------------------------------------------ model

@dataclass
class Doc:
    """One TEI file: a page (or a PDF's pages) in one edition."""

    path: Path
    lang: str
    edition: str | None  # the OpenCC config of an edition; None for the conversion itself
    href: str = ""  # site-relative path of its reading view


@dataclass
class Article:
    """What the links between pages (and the index) need to know of an article."""

    id: str
    page: str | None  # the page number it is printed on, when known
    untitled: bool = False
    prev: str | None = None
    next: str | None = None
    notes: list[tuple[str, str | None, str | None]] = field(default_factory=list)  # jump notes: id, page, subtype


@dataclass
class Page:
    """The editions of one converted source, and where they go in the site."""

    stem: str  # site-relative path without extension: "2024-12-17/p02"
    newspaper: str
    date: str
    label: str  # the printed page: biblScope, else "unknown"
    source: str  # the source file's name
    sha256: str
    docs: list[Doc] = field(default_factory=list)
    articles: list[Article] = field(default_factory=list)
    numbers: set[str] = field(default_factory=set)  # the page numbers it holds
    surfaces: list[str] = field(default_factory=list)  # a PDF's: the ids of its facsimile surfaces

    @property
    def main(self) -> Doc:
        return self.docs[0]

    @property
    def check_href(self) -> str:
        return self.stem + ".check.html"

    @property
    def issue(self) -> tuple[str, str]:
        return (self.newspaper, self.date)

    def doc_for(self, lang: str) -> Doc:
        return next((d for d in self.docs if d.lang == lang), self.main)


@dataclass
class Site:
    root: Path
    pages: list[Page]
    written: list[Path] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


# ------------------------------------------------------------------ reading the TEI files

def _text(e: etree._Element | None) -> str:
    return "".join(e.itertext()).strip() if e is not None else ""


def parse(path: Path, check: bool = True) -> etree._ElementTree:
    """A TEI file that archive wrote; with ``check``, validated against the project schema."""
    tree = read_xml(path)
    root = tree.getroot()
    if root.tag != T + "TEI" or root.find(f"{T}text/{T}body") is None:
        raise InputError(f"{path}: not a TEI document with a text body; give TEI files that archive convert wrote")
    if check:
        from archive.validate import validate

        problems = validate(tree)
        if problems:
            raise InputError(f"{path}: not valid against the archive schema ({problems[0]}); "
                             "give TEI files that archive convert wrote")
    return tree


def _edition(root: etree._Element) -> str | None:
    app = root.find(f"{T}teiHeader/{T}encodingDesc/{T}appInfo/{T}application[@ident='opencc']")
    if app is None:
        return None
    m = re.search(r"config (\S+)", _text(app.find(T + "desc")))
    return m.group(1) if m else "opencc"


def _source_of(root: etree._Element) -> tuple[str, str, str, str, str]:
    """(newspaper, date, page, source file name, sha256) from the header."""
    desc = root.find(f"{T}teiHeader/{T}fileDesc/{T}sourceDesc")
    paper = desc.find(f"{T}bibl[@type='newspaper']") if desc is not None else None
    src = desc.find(f"{T}bibl[@type='source']") if desc is not None else None

    def get(parent, path):
        e = parent.find(path) if parent is not None else None
        return _text(e) or "unknown"

    date_el = paper.find(T + "date") if paper is not None else None
    date = date_el.get("when") if date_el is not None and date_el.get("when") else get(paper, T + "date")
    return (get(paper, f"{T}title"), date, get(paper, f"{T}biblScope"),
            get(src, f"{T}idno[@type='filename']"), get(src, f"{T}idno[@type='sha256']"))


def _page_no(label: str | None) -> str | None:
    """"03", "第3版", "A3" … as "3"; anything else as it is."""
    if not label or label == "unknown":
        return None
    m = re.fullmatch(r"\D{0,3}0*(\d+)\D{0,3}", label.strip())
    return m.group(1) if m else label.strip()


def _summary(page: Page, root: etree._Element) -> None:
    """The page numbers and the articles (with their jump notes) of a page, for the links."""
    own = _page_no(page.label)
    page.numbers = {own} if own else set()
    page.surfaces = [s.get(XML_ID, "") for s in root.iter(T + "surface")]
    body = root.find(f"{T}text/{T}body")
    # the pb numbers of a document of several pages (a PDF issue); one page's pb counts
    # only its position when the header does not know its page
    several = len(body.findall(f".//{T}pb")) > 1
    number = own
    for e in body.iter(T + "pb", T + "div"):
        if e.tag == T + "pb":
            number = (_page_no(e.get("n")) if several else None) or own
            if number:
                page.numbers.add(number)
        elif e.get("type") == "article":
            art = Article(e.get(XML_ID, ""), number, e.get("subtype") == "untitled", e.get("prev"), e.get("next"))
            for note in e.iter(T + "note"):
                if note.get("type") == "jump":
                    art.notes.append((note.get(XML_ID, ""), _page_no(note.get("n")), note.get("subtype")))
            page.articles.append(art)


def _base_stem(path: Path, edition: str | None, lang: str) -> str:
    name = path.name
    stem = name[: -len(".tei.xml")] if name.endswith(".tei.xml") else path.stem
    if edition and stem.endswith("." + lang):
        stem = stem[: -len(lang) - 1]
    return stem


def tei_files(args: Sequence[str | Path]) -> tuple[list[Path], Path | None]:
    """The TEI files named, a folder standing for every *.tei.xml under it; and that folder."""
    files: list[Path] = []
    root = None
    for a in args:
        p = Path(a)
        if p.is_dir():
            found = sorted(p.rglob("*.tei.xml"))
            if not found:
                raise InputError(f"{p}: no .tei.xml files under this folder; convert the pages first")
            files += found
            root = p if len(args) == 1 else None
        else:
            files.append(p)
    return files, root


def collect(files: Sequence[str | Path], root: str | Path | None = None, check: bool = True) -> list[Page]:
    """Group TEI files into pages (a conversion and its editions), in a stable order. Site paths
    are taken relative to ``root`` (default: the folder the files have in common)."""
    if not files:
        raise InputError("no TEI files given; name the .tei.xml files, or a folder of them")
    paths = [Path(f) for f in files]
    base = Path(root).resolve() if root else Path(os.path.commonpath([str(p.resolve().parent) for p in paths]))
    pages: dict[tuple[str, str], Page] = {}
    for path in paths:
        tei = parse(path, check).getroot()
        edition, lang = _edition(tei), tei.get(XML_LANG, "zh-Hans")
        paper, date, label, source, sha = _source_of(tei)
        rel = path.resolve().parent.relative_to(base)
        stem = str(PurePosixPath(*rel.parts, _base_stem(path, edition, lang)))
        page = pages.get((stem, sha))
        if page is None:
            page = pages[(stem, sha)] = Page(stem, paper, date, label, source, sha)
        if edition is None:
            if any(d.edition is None for d in page.docs):
                raise InputError(f"{path}: a second conversion of {source}; give each page once")
            _summary(page, tei)
        page.docs.append(Doc(path, lang, edition))
    stems = [p.stem for p in pages.values()]
    clash = sorted({s for s in stems if stems.count(s) > 1})
    if clash:
        raise InputError(f"{clash[0]}: TEI files of different sources have this name; "
                         "convert them into different folders")
    out = sorted(pages.values(), key=lambda p: p.stem)
    for page in out:
        page.docs.sort(key=lambda d: (d.edition is not None, d.lang, d.edition or "", str(d.path)))
        if not page.articles and page.docs[0].edition is not None:  # editions without their original
            _summary(page, parse(page.docs[0].path, False).getroot())
        langs = [d.lang for d in page.docs]
        for d in page.docs[1:]:
            d.href = f"{page.stem}.{d.lang}" + (f".{d.edition}" if langs.count(d.lang) > 1 else "") + ".html"
        page.main.href = page.stem + ".html"
    return out


# ------------------------------------------------------------------ HTML helpers

def _el(parent, tag: str, text: str | None = None, **attrs: str) -> etree._Element:
    e = etree.SubElement(parent, tag) if parent is not None else etree.Element(tag)
    for k, v in attrs.items():
        if v:  # no empty attributes (an id must not be empty)
            e.set(k.rstrip("_").replace("_", "-"), v)
    if text:
        e.text = text
    return e


def _rel(href: str, start: str) -> str:
    """``href`` (site-relative) as seen from the page at ``start`` (site-relative)."""
    target, _, frag = href.partition("#")
    path = "../" * start.count("/") + target if target else ""
    return path + ("#" + frag if frag else "")


def _lang_name(lang: str) -> str:
    return LANG_NAMES.get(lang, lang)


def _skeleton(title: str, lang: str, here: str, kind: str) -> tuple[etree._Element, etree._Element]:
    html = _el(None, "html", lang=lang)
    head = _el(html, "head")
    _el(head, "meta", charset="utf-8")
    _el(head, "meta", name="viewport", content="width=device-width, initial-scale=1")
    _el(head, "title", title)
    _el(head, "link", rel="icon", href="data:,")
    _el(head, "link", rel="stylesheet", href=_rel("archive.css", here))
    _el(head, "script", src=_rel("archive.js", here), defer="defer").text = ""
    body = _el(html, "body", class_=kind)
    return html, body


def _serialize(html: etree._Element) -> bytes:
    text = etree.tostring(html, method="html", encoding="unicode")
    return ("<!DOCTYPE html>\n" + text + "\n").encode("utf-8")


def _said(value: str, what: str) -> str:
    return f"{what} unknown" if value == "unknown" else value


def _pages_said(page: Page) -> str:
    """"page 2", or the printed pages a PDF's TEI holds ("pages 1–4"), or "page unknown"."""
    if page.label != "unknown":
        return f"page {page.label}"
    numbers = sorted(int(n) for n in page.numbers if n.isdigit())
    if not numbers:
        return "page unknown"
    return f"page {numbers[0]}" if len(numbers) == 1 else f"pages {numbers[0]}–{numbers[-1]}"


def _page_title(page: Page) -> str:
    label = _pages_said(page)
    return f"{_said(page.newspaper, 'newspaper')} · {_said(page.date, 'date')} · {label}"


def _nav(body, page: Page, here: str, current: Doc | None, check: bool) -> None:
    nav = _el(body, "nav", class_="bar")
    _el(nav, "a", "Index", href=_rel("index.html", here))
    span = _el(nav, "span", class_="editions")
    for d in page.docs:
        if d is current:
            _el(span, "strong", _lang_name(d.lang), lang=d.lang)
        else:
            link = _el(span, "a", _lang_name(d.lang), href=_rel(d.href, here), hreflang=d.lang, lang=d.lang)
            if not check:
                link.set("data-keep-place", "1")
    if check:
        _el(nav, "a", "Reading view", href=_rel(page.main.href, here))
    else:
        _el(nav, "a", "Check view", href=_rel(page.check_href, here))
        label = _el(nav, "label", class_="vertical")
        _el(label, "input", type="checkbox", id="vertical")
        label[0].tail = " 竖排"


# ------------------------------------------------------------------ reading view

def _inline(src: etree._Element, out: etree._Element) -> None:
    """Copy the text of a TEI block into ``out``: persName as a span, lb dropped."""
    last = None

    def add(text: str | None) -> None:
        if not text:
            return
        if last is None:
            out.text = (out.text or "") + text
        else:
            last.tail = (last.tail or "") + text

    add(src.text)
    for child in src:
        if child.tag == T + "persName":
            span = _el(out, "span", class_="person")
            _inline(child, span)
            last = span
        elif child.tag != T + "lb":
            add("".join(child.itertext()))
        add(child.tail)


def _block(src: etree._Element, parent: etree._Element, tag: str, cls: str | None = None) -> etree._Element:
    e = _el(parent, tag)
    if cls:
        e.set("class", cls)
    if src.get(XML_ID):
        e.set("id", src.get(XML_ID))
    _inline(src, e)
    return e


class _Reading:
    def __init__(self, page: Page, doc: Doc, root: etree._Element, targets: dict[str, tuple[Page, str | None]]):
        self.page, self.doc, self.root, self.targets = page, doc, root, targets
        self.pbs = 0

    def link(self, key: str) -> str | None:
        target = self.targets.get(key)
        return _rel(_href(target, self.doc.lang), self.doc.href) if target else None

    def render(self) -> bytes:
        page, doc = self.page, self.doc
        here = doc.href
        html, body = _skeleton(_page_title(page), doc.lang, here, "reading")
        _nav(body, page, here, doc, check=False)
        _el(body, "h1", _page_title(page))
        main = _el(body, "main")
        for e in self.root.find(f"{T}text/{T}body"):
            self.node(e, main, 1)
        return _serialize(html)

    def node(self, e: etree._Element, out: etree._Element, depth: int) -> None:
        tag = etree.QName(e).localname if isinstance(e.tag, str) else ""
        if tag == "pb":
            self.pbs += 1
            _el(out, "p", "page " + (e.get("n") or "?"), class_="pb", id=f"page-{self.pbs}")
        elif tag == "fw":
            _block(e, out, "p", "fw " + (e.get("type") or ""))
        elif tag == "div":
            self.div(e, out, depth)
        elif tag == "head":
            self.head(e, out, depth)
        elif tag == "byline":
            _block(e, out, "p", "byline")
        elif tag == "dateline":
            _block(e, out, "p", "dateline")
        elif tag == "p":
            _block(e, out, "p")
        elif tag == "sp":
            self.sp(e, out)
        elif tag == "figure":
            self.figure(e, out)
        elif tag == "note":
            self.note(e, out)
        elif tag:  # not in the project's TEI: shown as text all the same
            _block(e, out, "p", "other " + tag)

    def div(self, e, out, depth: int) -> None:
        kind = e.get("type")
        box = _el(out, "article" if kind == "article" else "section")
        if e.get(XML_ID):
            box.set("id", e.get(XML_ID))
        box.set("class", " ".join(c for c in (kind, e.get("subtype")) if c))
        children = list(e)
        if kind == "article":
            top = _el(box, "header")
            # the headline group and the bylines before the text; a figure among them follows them
            n = next((k for k, c in enumerate(children) if c.tag in _TEXT), len(children))
            for c in children[:n]:
                if c.tag in _HEADER:
                    self.node(c, top, depth)
            if e.get("subtype") == "untitled":
                _el(top, "p", "（无标题 untitled）", class_="untitled")
            numbers = [int(n) for n in e.xpath(".//tei:lb/@n", namespaces=NS) if n.isdigit()]
            if numbers:
                p = _el(top, "p", class_="lines")
                _el(p, "a", f"source lines {min(numbers)}–{max(numbers)}",
                    href=_rel(f"{self.page.check_href}#L{min(numbers)}", self.doc.href))
            children = [c for c in children[:n] if c.tag not in _HEADER] + children[n:]
            for rel, label in (("prev", "continued from"), ("next", "continued on")):
                target = e.get(rel)
                if target:
                    p = _el(top if rel == "prev" else box, "p", class_="continued")
                    _el(p, "a", f"{label} {target.lstrip('#')}", href=self.link(e.get(XML_ID, "") + "." + rel))
        for c in children:
            self.node(c, box, depth + 1)

    def head(self, e, out, depth: int) -> None:
        kind = e.get("type")
        if kind == "main":
            _block(e, out, "h2")
        elif kind in ("kicker", "sub"):
            _block(e, out, "p", kind)
        else:  # a section's subhead
            _block(e, out, "h3" if depth <= 2 else "h4")

    def sp(self, e, out) -> None:
        box = _el(out, "div", class_="sp", id=e.get(XML_ID, ""))
        speaker, first = None, True
        for c in e:
            if c.tag == T + "speaker":
                speaker = c
            elif c.tag == T + "p":
                p = _el(box, "p", id=c.get(XML_ID, ""))
                if first and speaker is not None:
                    b = _el(p, "b", class_="speaker", id=speaker.get(XML_ID, ""))
                    _inline(speaker, b)
                    rest = _el(p, "span")
                    _inline(c, rest)
                    first = False
                else:
                    _inline(c, p)
        if first and speaker is not None:  # a speaker with no words
            _block(speaker, box, "p", "speaker")

    def figure(self, e, out) -> None:
        fig = _el(out, "figure", id=e.get(XML_ID, ""))
        cap = _el(fig, "figcaption")
        for c in e:
            if c.tag == T + "head":
                _block(c, cap, "span", "caption")
            elif c.tag == T + "byline":
                _block(c, cap, "span", "credit")
            elif c.tag == T + "p":
                _block(c, cap, "span", "caption")

    def note(self, e, out) -> None:
        p = _el(out, "p", class_="jump", id=e.get(XML_ID, ""))
        href = self.link(e.get(XML_ID, ""))
        if href:
            a = _el(p, "a", href=href)
            _inline(e, a)
        else:
            _inline(e, p)


# ------------------------------------------------------------------ jump links

def links(pages: list[Page]) -> dict[str, dict[str, tuple[Page, str | None]]]:
    """Per page (stem), the targets of its jump notes and continued articles, by element id:
    (page, article id). A note goes to the article on the named page that points back, else
    to that page; other pages are looked for in the same issue (newspaper and date known)."""
    where: dict[tuple[tuple[str, str], str], Page] = {}
    for page in pages:
        if "unknown" not in page.issue:
            for number in sorted(page.numbers):
                where.setdefault((page.issue, number), page)
    out: dict[str, dict[str, tuple[Page, str | None]]] = {}
    for page in pages:
        mine = out.setdefault(page.stem, {})
        for art in page.articles:
            for rel in ("prev", "next"):
                target = getattr(art, rel)
                if target:
                    mine[art.id + "." + rel] = (page, target.lstrip("#"))
            for nid, number, way in art.notes:
                target = _jump_target(page, art, number, way, where)
                if target:
                    mine[nid] = target
    return out


def _jump_target(page: Page, art: Article, number: str | None, way: str | None,
                 where: dict) -> tuple[Page, str | None] | None:
    rel = {"to": "next", "from": "prev"}.get(way or "")
    if rel and getattr(art, rel):  # a continued article of the same document
        return (page, getattr(art, rel).lstrip("#"))
    if number is None:
        return None
    target = page
    candidates = [a for a in page.articles if a.page == number and a is not art]
    if not candidates:
        target = where.get((page.issue, number)) if "unknown" not in page.issue else None
        if target is None or target is page:
            return None
        candidates = [a for a in target.articles if a.page == number]
    back = {"to": "from", "from": "to"}.get(way or "")
    for a in candidates:
        if any(s == back and n == art.page for _, n, s in a.notes):
            return (target, a.id)
    if target is page:
        return (page, candidates[0].id) if candidates else None
    return (target, None)


def _href(target: tuple[Page, str | None], lang: str) -> str:
    page, frag = target
    return page.doc_for(lang).href + ("#" + frag if frag else "")


# ------------------------------------------------------------------ check view: source lines

@dataclass
class _Segment:
    block: int  # index into the block list
    text: str


@dataclass
class _BlockInfo:
    id: str
    kind: str  # "p", "head main", "byline", …
    article: str
    first_line: int | None = None


def source_lines(body: etree._Element) -> tuple[dict[int, list[_Segment]], list[_BlockInfo]]:
    """The text of each source line (from the lb numbers), split by the block it went into."""
    lines: dict[int, list[_Segment]] = {}
    blocks: list[_BlockInfo] = []
    line: int | None = None

    def add(text: str | None, b: int | None) -> None:
        if not text or b is None or line is None:
            return
        segs = lines.setdefault(line, [])
        if segs and segs[-1].block == b:
            segs[-1].text += text
        else:
            segs.append(_Segment(b, text))
        if blocks[b].first_line is None:
            blocks[b].first_line = line

    def walk(e: etree._Element, b: int | None, article: str) -> None:
        nonlocal line
        if e.tag == T + "lb":
            line = int(e.get("n", "0") or 0)
            return
        if e.tag == T + "div" and e.get("type") == "article":
            article = e.get(XML_ID, "")
        if e.tag in BLOCKS and b is None:
            kind = etree.QName(e).localname
            if e.get("type"):
                kind += " " + e.get("type")
            if e.getparent().tag == T + "figure":
                kind = "caption" if kind.startswith("head") else "credit"
            blocks.append(_BlockInfo(e.get(XML_ID, ""), kind, article))
            b = len(blocks) - 1
        add(e.text, b)
        for child in e:
            if isinstance(child.tag, str):
                walk(child, b, article)
            add(child.tail, b)

    walk(body, None, "")
    return lines, blocks


def _changes(root: etree._Element) -> list[tuple[str, str, str, str]]:
    out = []
    for c in root.iter(T + "change"):
        out.append((c.get("type", ""), c.get("n", ""), c.findtext(T + "orig") or "", c.findtext(T + "reg") or ""))
    return out


def _shown(text: str) -> str:
    return text.replace(" ", "␠") if text.strip() == "" else text


class _Check:
    def __init__(self, page: Page, root: etree._Element, image_hrefs: dict[str, str], notes: list[str]):
        self.page, self.root, self.images, self.notes = page, root, image_hrefs, notes

    def render(self) -> bytes:
        page, root = self.page, self.root
        here = page.check_href
        html, body = _skeleton(_page_title(page) + " · check", page.main.lang, here, "check")
        _nav(body, page, here, None, check=True)
        _el(body, "h1", _page_title(page))
        main = _el(body, "main")
        lines, blocks = source_lines(root.find(f"{T}text/{T}body"))
        changes = _changes(root)
        facsimile = root.find(T + "facsimile")
        if facsimile is not None:
            self.page_views(main, facsimile)
        self.lines(main, lines, blocks, changes)
        self.edits(main, changes)
        return _serialize(html)

    # -- the source lines beside the blocks
    def lines(self, main, lines: dict[int, list[_Segment]], blocks: list[_BlockInfo],
              changes: list[tuple[str, str, str, str]]) -> None:
        sec = _el(main, "section", class_="source", id="source")
        _el(sec, "h2", "Source lines and blocks")
        _el(sec, "p", "Each row is a line of the source (blank lines shown empty). ¶ marks where a block "
                      "starts, ↳ a line joined to the block above it; the colours tell the blocks apart.",
            class_="help")
        table = _el(sec, "table", class_="lines")
        head = _el(_el(table, "thead"), "tr")
        for label in ("line", "source text", "block"):
            _el(head, "th", label)
        tbody = _el(table, "tbody")
        if not lines:
            return
        edits_per_line: dict[int, int] = {}
        for _, n, _, _ in changes:
            ln = n.split(":", 1)[0]
            if ln.isdigit():
                edits_per_line[int(ln)] = edits_per_line.get(int(ln), 0) + 1
        reading = _rel(self.page.main.href, self.page.check_href) + "#"
        sub = etree.SubElement
        for no in range(min(lines), max(lines) + 1):
            segs = lines.get(no)
            tr = sub(tbody, "tr", id=f"L{no}")
            sub(tr, "td", {"class": "n"}).text = str(no)
            if not segs:
                tr.set("class", "blank")
                sub(tr, "td")
                sub(tr, "td")
                continue
            src = sub(tr, "td", {"class": "src"})
            marks = sub(tr, "td", {"class": "blk"})
            for k, seg in enumerate(segs):
                info = blocks[seg.block]
                starts = info.first_line == no and all(s.block != seg.block for s in segs[:k])
                span = sub(src, "span", {"class": f"seg k-{info.kind.split(' ')[0]} c{seg.block % 4}",
                                         "title": f"{info.id} ({info.kind})"})
                span.text = _shown(seg.text)
                item = sub(marks, "span", {"class": "start" if starts else "join"})
                item.text = "¶ " if starts else "↳ "
                link = sub(item, "a", href=reading + info.id)
                link.text = info.id or info.kind
                if starts:
                    link.tail = f" {info.kind}" + (f" · {info.article}" if info.article else "")
            if no in edits_per_line:
                _el(marks, "a", f"✎{edits_per_line[no]}", href=f"#E{no}", class_="edits",
                    title="normalization edits on this line")

    def edits(self, main, changes: list[tuple[str, str, str, str]]) -> None:
        sec = _el(main, "section", class_="edits", id="edits")
        _el(sec, "h2", f"Normalization edits ({len(changes)})")
        if not changes:
            _el(sec, "p", "none")
            return
        table = _el(sec, "table", class_="edits")
        head = _el(_el(table, "thead"), "tr")
        for label in ("line:column", "rule", "source had", "now"):
            _el(head, "th", label)
        tbody = _el(table, "tbody")
        seen: set[str] = set()
        for kind, n, orig, reg in changes:
            tr = _el(tbody, "tr")
            ln = n.split(":", 1)[0]
            if ln not in seen and ln.isdigit():
                tr.set("id", f"E{ln}")
                seen.add(ln)
            _el(_el(tr, "td"), "a", n, href=f"#L{ln}")
            _el(tr, "td", kind)
            _el(tr, "td", _shown(orig) or "∅", class_="orig")
            _el(tr, "td", _shown(reg) or "∅", class_="reg")

    # -- a PDF: the page pictures with the zones drawn over them
    def page_views(self, main, facsimile) -> None:
        here = self.page.check_href
        reading = _rel(self.page.main.href, here) + "#"
        found: dict[str, tuple[str, str, str, int]] = {}  # zone id -> block id, kind, article id, order
        articles: dict[str, int] = {}
        count = 0
        for e in self.root.find(f"{T}text/{T}body").iter(T + "*"):
            if e.tag == T + "div" and e.get("type") == "article":
                articles.setdefault(e.get(XML_ID, ""), len(articles))
            facs = e.get("facs")
            if not facs or e.tag == T + "pb":
                continue
            art = next((a.get(XML_ID, "") for a in e.iterancestors(T + "div") if a.get("type") == "article"), "")
            count += 1
            for ref in facs.split():
                found[ref.lstrip("#")] = (e.get(XML_ID, ""), etree.QName(e).localname, art, count)
        for note in self.notes:
            _el(main, "p", note, class_="warning")
        for surface in facsimile.iter(T + "surface"):
            self.sheet(main, surface, found, articles, reading)
        _el(main, "p", "Drawn over the page: dashed blue, the columns found; outlined, the article regions "
                       "(a colour per article); filled, the blocks (red edge, a headline; violet, a caption; "
                       "grey, page furniture); numbers and the thin line, the reading order. A block or a "
                       "region links to its article in the reading view.", class_="help")

    def sheet(self, main, surface, found, articles: dict[str, int], reading: str) -> None:
        sid = surface.get(XML_ID, "")
        w, h = float(surface.get("lrx", "0")), float(surface.get("lry", "0"))
        sec = _el(main, "section", class_="pageview", id=sid)
        _el(sec, "h2", f"Page view: {sid}")
        box = _el(sec, "div", class_="sheet")
        if sid in self.images:
            _el(box, "img", src=_rel(self.images[sid], self.page.check_href), alt=f"{sid} of {self.page.source}")
        svg = _el(box, "svg", xmlns="http://www.w3.org/2000/svg", viewBox=f"0 0 {w:g} {h:g}",
                  preserveAspectRatio="none", role="img", aria_label=f"what was found on {sid}")
        columns, zones = [], []
        for zone in surface.iter(T + "zone"):
            b = tuple(float(zone.get(k, "0")) for k in ("ulx", "uly", "lrx", "lry"))
            if zone.get("type") == "column":
                columns.append((b, zone.get("n") or zone.get(XML_ID, "")))
            elif zone.get(XML_ID) in found:
                zones.append((b, zone.get("type"), found[zone.get(XML_ID)]))

        def rect(parent, b, cls: str, title: str) -> None:
            r = _el(parent, "rect", x=f"{b[0]:g}", y=f"{b[1]:g}", width=f"{b[2] - b[0]:g}",
                    height=f"{b[3] - b[1]:g}", class_=cls)
            _el(r, "title", title)

        def colour(aid: str) -> str:
            return f" art{articles[aid] % 6}" if aid in articles else " page"

        for b, n in columns:
            rect(svg, b, "column", f"column {n}")
        # an article's region: its blocks in one column, as one box
        regions: dict[tuple[str, int], list[float]] = {}
        for k, (b, _, (_, _, aid, _)) in enumerate(zones):
            if not aid:
                continue
            cx, cy = (b[0] + b[2]) / 2, (b[1] + b[3]) / 2
            col = next((i for i, (c, _) in enumerate(columns) if c[0] <= cx <= c[2] and c[1] <= cy <= c[3]), -1 - k)
            r = regions.setdefault((aid, col), list(b))
            r[:] = [min(r[0], b[0]), min(r[1], b[1]), max(r[2], b[2]), max(r[3], b[3])]
        for (aid, _), b in regions.items():
            rect(_el(svg, "a", href=reading + aid), b, "region" + colour(aid), f"article {aid}")
        for b, kind, (bid, local, aid, _) in zones:
            kind = kind or local
            rect(_el(svg, "a", href=reading + (aid or bid)), b, f"zone z-{kind}" + colour(aid),
                 f"{bid} ({kind})" + (f" in {aid}" if aid else ""))
        numbered: dict[int, tuple[float, float]] = {}
        for b, _, (bid, _, _, n) in zones:
            if n not in numbered:
                numbered[n] = ((b[0] + b[2]) / 2, (b[1] + b[3]) / 2)
                _el(svg, "text", str(n), x=f"{b[0] + 1:g}", y=f"{b[1] + 7:g}", class_="order", data_block=bid)
        if len(numbered) > 1:
            points = " ".join(f"{x:.1f},{y:.1f}" for _, (x, y) in sorted(numbered.items()))
            _el(svg, "polyline", points=points, class_="trail")


# ------------------------------------------------------------------ page pictures

class _Sources:
    """Finds a page's source PDF by name and checksum in the files and folders given."""

    def __init__(self, places: Sequence[str | Path]):
        self.files = [Path(p) for p in places if Path(p).is_file()]
        self.dirs = [Path(p) for p in places if Path(p).is_dir()]
        self._index: dict[str, list[Path]] | None = None

    def find(self, page: Page) -> Path | None:
        name = page.source
        candidates = [f for f in self.files if f.name == name]
        rel_dir = PurePosixPath(page.stem).parent
        for d in self.dirs:
            candidates += [d / rel_dir / name, d / name]
        if not any(c.is_file() for c in candidates) and self.dirs:
            candidates += self.index().get(name, [])
        for c in candidates:
            if c.is_file() and sha256_file(c) == page.sha256:
                return c
        return None

    def index(self) -> dict[str, list[Path]]:
        if self._index is None:
            self._index = {}
            for d in self.dirs:
                for p in sorted(d.rglob("*.pdf")):
                    self._index.setdefault(p.name, []).append(p)
        return self._index


def pdftoppm() -> str:
    exe = shutil.which("pdftoppm")
    if exe is None:
        raise MissingDependency("pdftoppm not found; it draws PDF pages for the page view: "
                                "install poppler-utils (apt-get install poppler-utils), or use --no-images")
    return exe


def render_page(pdf: Path, index: int, out: Path) -> None:
    """Draw page ``index`` (0-based) of ``pdf`` as a JPEG at ``out`` (atomically)."""
    exe = pdftoppm()
    with tempfile.TemporaryDirectory(dir=out.parent, prefix=".pdftoppm.") as tmp:
        prefix = Path(tmp) / "page"
        n = str(index + 1)
        run = subprocess.run([exe, "-jpeg", "-jpegopt", "quality=80", "-r", str(PAGE_DPI), "-f", n, "-l", n,
                              "-singlefile", str(pdf), str(prefix)], capture_output=True, text=True, check=False)
        made = prefix.with_suffix(".jpg")
        if run.returncode != 0 or not made.is_file():
            raise InputError(f"{pdf}: pdftoppm could not draw page {n} ({run.stderr.strip() or run.returncode}); "
                             "check the PDF, or use --no-images")
        write_atomic(out, made.read_bytes())


# ------------------------------------------------------------------ the site

def _index(site_pages: list[Page]) -> bytes:
    here = "index.html"
    html, body = _skeleton("Archive", "zh-Hans", here, "index")
    _el(body, "h1", "Archive")
    main = _el(body, "main")
    issues: dict[tuple[str, str], list[Page]] = {}
    for page in site_pages:
        issues.setdefault(page.issue, []).append(page)

    def page_key(p: Page):
        numbers = sorted(int(n) for n in p.numbers if n.isdigit())
        return (0, numbers[0], p.stem) if numbers else (1, 0, p.stem)

    for (paper, date), pages in sorted(issues.items()):
        sec = _el(main, "section", class_="issue")
        _el(sec, "h2", f"{_said(paper, 'newspaper')} · {_said(date, 'date')}")
        ul = _el(sec, "ul")
        for page in sorted(pages, key=page_key):
            li = _el(ul, "li")
            label = _pages_said(page)
            _el(li, "span", f"{label} ({page.source}) ", class_="page")
            for d in page.docs:
                a = _el(li, "a", _lang_name(d.lang), href=d.href, hreflang=d.lang, lang=d.lang)
                a.tail = " "
            _el(li, "a", "check", href=page.check_href, class_="checklink")
            untitled = sum(a.untitled for a in page.articles)
            n = len(page.articles)
            count = _el(li, "span", f" {n} article" + ("s" if n != 1 else ""), class_="count")
            if untitled:
                _el(count, "span", f", {untitled} untitled", class_="warning")
    return _serialize(html)


def build_site(files: Sequence[str | Path], out_dir: str | Path, *, root: str | Path | None = None,
               sources: Sequence[str | Path] = (), images: bool = True, check: bool = True) -> Site:
    """Write the reading site for TEI ``files`` into ``out_dir`` (paths as under ``root``); PDF page
    pictures are drawn from the source PDFs found in ``sources`` (files or folders). With ``check``,
    each file is first validated against the project schema (files convert just wrote need not be)."""
    out = Path(out_dir)
    pages = collect(files, root, check)
    site = Site(out, pages)
    targets = links(pages)
    find = _Sources(sources)

    def write(rel: str, data: bytes) -> None:
        path = out.joinpath(*PurePosixPath(rel).parts)
        write_atomic(path, data)
        site.written.append(path)

    drawings: list[tuple[Path, int, Path]] = []
    pictures = {page.stem: _pictures(page, out, find, images, site, drawings) for page in pages}
    if drawings:
        pdftoppm()  # missing: an error before anything is written
    for name in ASSETS:
        write(name, resources.files("archive").joinpath("data", "site", name).read_bytes())
    for page in pages:  # parsed again, one page at a time: memory stays flat over a whole run
        main = None
        for doc in page.docs:
            tei = parse(doc.path, check=False).getroot()
            main = main if main is not None else tei
            write(doc.href, _Reading(page, doc, tei, targets[page.stem]).render())
        write(page.check_href, _Check(page, main, *pictures[page.stem]).render())
    if drawings:  # pdftoppm runs as a process of its own: a few at a time
        with ThreadPoolExecutor(max_workers=os.cpu_count() or 1) as pool:
            list(pool.map(lambda job: render_page(*job), drawings))
        site.written += [path for _, _, path in drawings]
    write("index.html", _index(pages))
    return site


def _pictures(page: Page, out: Path, find: _Sources, images: bool, site: Site,
              drawings: list[tuple[Path, int, Path]]) -> tuple[dict[str, str], list[str]]:
    """The page pictures a check view shows (to be drawn into ``drawings``), and what to say."""
    if not page.surfaces:
        return {}, []
    if not images:
        return {}, ["Page pictures were not drawn (--no-images)."]
    pdf = find.find(page)
    if pdf is None:
        msg = (f"{page.source}: source PDF not found (sha256 {page.sha256[:12]}…), so the page view has no "
               "picture; give its folder with --sources")
        site.warnings.append(msg)
        return {}, [msg]
    hrefs = {}
    for sid in page.surfaces:
        # named by the source's checksum: a picture already drawn for it is kept
        rel = f"{page.stem}.{sid}.{page.sha256[:12]}.jpg"
        path = out.joinpath(*PurePosixPath(rel).parts)
        if not path.is_file():
            drawings.append((pdf, int(sid.removeprefix("page")) - 1, path))
        hrefs[sid] = rel
    return hrefs, []

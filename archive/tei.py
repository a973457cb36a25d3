"""Build the TEI document (docs/tei-encoding.md) from the segmented pages.

This is the only place that knows TEI element names.
"""

from __future__ import annotations

import datetime as _dt
import os
import re
from collections.abc import Sequence
from pathlib import Path

from lxml import etree

from archive import __version__
from archive.metadata import Metadata
from archive.model import Block, Document, Node

TEI_NS = "http://www.tei-c.org/ns/1.0"
XML_NS = "http://www.w3.org/XML/1998/namespace"
T = f"{{{TEI_NS}}}"
XML_ID = f"{{{XML_NS}}}id"
XML_LANG = f"{{{XML_NS}}}lang"
XML_SPACE = f"{{{XML_NS}}}space"
UNKNOWN = "unknown"

NORMALIZATION = (
    "The text is the source text with these edits, each listed in revisionDesc: form feeds "
    "end pages (page-break); zero-width characters and soft hyphens (invisible) and characters "
    "XML 1.0 forbids (xml-forbidden) are removed; characters are put in NFC, never NFKC (nfc); "
    "spaces at line starts and ends are removed (trim); letter-spaced lines are collapsed "
    "(letter-spacing); typesetting spaces between CJK characters and ASCII letters or digits "
    "are removed (cjk-ascii-space); other space characters become U+0020 (space-char); a "
    "hyphen breaking a Latin word at a line end is removed (line-end-hyphen)."
)
SEGMENTATION = (
    "Each lb marks the start of a source line; its n is the line number in the source file. "
    "Lines broken by column wraps are joined into paragraphs from evidence on the page (line "
    "length against the local column width, sentence punctuation, blank lines, the start of "
    "the next line). Articles, headlines (kicker, main, sub), bylines, datelines, photo "
    "captions and credits, interview turns, subheads and jump notes are found by rule; "
    "headlines printed after their article are moved to its top. Page furniture is fw."
)
PDF_SEGMENTATION = (
    "The source is a PDF: its source lines are the printed lines in reading order (regions top "
    "to bottom, columns left to right), found from the position and type size of the text; "
    "blocks start at indents, after short lines, at changes of type size and at white space. "
    "Each page is a surface and each block points with facs to the zone (or zones, one per "
    "column) where it is printed, in PDF points from the top left of the page."
)

# Node kind -> TEI element name and the id prefix inside an article.
_ELEMENT = {
    "head": ("head", "h"),
    "byline": ("byline", "b"),
    "dateline": ("dateline", "d"),
    "p": ("p", "p"),
    "section": ("div", "s"),
    "sp": ("sp", "sp"),
    "speaker": ("speaker", None),
    "figure": ("figure", "f"),
    "caption": ("head", None),
    "jump": ("note", "n"),
    "fw": ("fw", "fw"),
}


def _el(parent: etree._Element, name: str, text: str | None = None, **attrs: str) -> etree._Element:
    e = etree.SubElement(parent, T + name)
    for k, v in attrs.items():
        e.set(k, v)
    if text is not None:
        e.text = text
    return e


def fill(elem: etree._Element, block: Block) -> None:
    """Write a block's text into ``elem``: lb at line starts, persName marks."""
    text = block.text
    lbs: dict[int, int] = {}
    pos = 0
    for piece in block.pieces:
        pos += len(piece.sep)
        if piece.starts_line:
            lbs[pos] = piece.line
        pos += len(piece.text)
    starts = {m.start: m for m in block.marks}
    ends = {m.end for m in block.marks}
    cuts = sorted({0, len(text), *lbs, *starts, *ends})
    stack = [elem]

    def add(s: str) -> None:
        if not s:
            return
        cur = stack[-1]
        if len(cur):
            cur[-1].tail = (cur[-1].tail or "") + s
        else:
            cur.text = (cur.text or "") + s

    for a, b in zip(cuts, [*cuts[1:], None], strict=True):
        if a in ends and len(stack) > 1:
            stack.pop()
        if a in lbs:
            etree.SubElement(stack[-1], T + "lb").set("n", str(lbs[a]))
        if a in starts and len(stack) == 1:
            stack.append(etree.SubElement(stack[-1], T + starts[a].kind))
        if b is not None:
            add(text[a:b])


def _header(root: etree._Element, doc: Document, meta: Metadata, pdf: bool = False) -> None:
    header = _el(root, "teiHeader")
    fdesc = _el(header, "fileDesc")
    title = (
        f"{meta.newspaper or 'Unknown newspaper'}, {meta.date or 'date unknown'}, "
        f"page {meta.page or UNKNOWN}: TEI transcription"
    )
    _el(_el(fdesc, "titleStmt"), "title", title)
    pub = _el(fdesc, "publicationStmt")
    _el(pub, "authority", f"archive {__version__} (automatic conversion)")
    _el(_el(pub, "availability"), "p", meta.rights or UNKNOWN)
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch and epoch.strip().isdigit():
        day = _dt.datetime.fromtimestamp(int(epoch), _dt.timezone.utc).date().isoformat()
        _el(pub, "date", day, when=day)
    src = _el(fdesc, "sourceDesc")
    bibl = _el(src, "bibl", type="newspaper")
    _el(bibl, "title", meta.newspaper or UNKNOWN, level="j")
    if meta.date:
        _el(bibl, "date", meta.date, when=meta.date)
    else:
        _el(bibl, "date", UNKNOWN)
    _el(bibl, "biblScope", meta.page or UNKNOWN, unit="page")
    _el(bibl, "edition", meta.edition or UNKNOWN)
    if meta.publisher:
        _el(bibl, "publisher", meta.publisher)
    if meta.place:
        _el(bibl, "pubPlace", meta.place)
    file_bibl = _el(src, "bibl", type="source")
    _el(file_bibl, "idno", Path(doc.source.name).name, type="filename")
    _el(file_bibl, "idno", doc.source.sha256, type="sha256")
    _el(file_bibl, "idno", doc.source.encoding, type="encoding")
    enc = _el(header, "encodingDesc")
    app = _el(_el(enc, "appInfo"), "application", ident="archive", version=__version__)
    _el(app, "label", "archive")
    ed = _el(enc, "editorialDecl")
    _el(_el(ed, "normalization"), "p", NORMALIZATION)
    _el(_el(ed, "segmentation"), "p", SEGMENTATION + (" " + PDF_SEGMENTATION if pdf else ""))
    if doc.edits:
        changes = _el(_el(header, "revisionDesc"), "listChange", type="normalization")
        changes.set(XML_SPACE, "preserve")
        for e in doc.edits:
            change = _el(changes, "change", type=e.rule, n=f"{e.line}:{e.column}")
            _el(change, "orig", _xml_safe(e.before))
            _el(change, "reg", _xml_safe(e.after) or None)


_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def _xml_safe(text: str) -> str:
    """Characters XML cannot hold are written as U+XXXX (documented)."""
    return _NOT_XML.sub(lambda m: f"U+{ord(m.group()):04X}", text)


class _Ids:
    def __init__(self) -> None:
        self.counts: dict[str, int] = {}

    def next(self, prefix: str) -> str:
        self.counts[prefix] = self.counts.get(prefix, 0) + 1
        return f"{prefix}{self.counts[prefix]}"


class _Zones:
    """The facsimile of a PDF: a surface per page; in it first a zone per region the page was
    cut into (``type="column"``, ``pageN.cK``, ``@n`` its place in reading order), then a zone
    per block (or per column part of one, ``pageN.zK``)."""

    def __init__(self, root: etree._Element, facsimile, count: int):
        self.fac = facsimile
        self.surfaces: dict[int, etree._Element] = {}
        self.counts: dict[int, int] = {}
        elem = _el(root, "facsimile")
        for i in range(count):
            size = facsimile.surface(i)
            if size is None:  # a page left out (--keep-going)
                continue
            surface = _el(elem, "surface", ulx="0", uly="0", lrx=_coord(size[0]), lry=_coord(size[1]))
            surface.set(XML_ID, f"page{i + 1}")
            for k, box in enumerate(facsimile.columns(i), start=1):
                zone = _el(surface, "zone", ulx=_coord(box.x0), uly=_coord(box.top), lrx=_coord(box.x1),
                           lry=_coord(box.bottom), type="column", n=str(k))
                zone.set(XML_ID, f"page{i + 1}.c{k}")
            self.surfaces[i] = surface

    def surface_ref(self, index: int) -> str | None:
        return f"#page{index + 1}" if index in self.surfaces else None

    def point(self, e: etree._Element, zones: Sequence, kind: str) -> None:
        """Add a zone for each (page index, box) and point ``e`` at them with @facs."""
        refs = []
        for index, box in zones:
            surface = self.surfaces.get(index)
            if surface is None:
                continue
            self.counts[index] = self.counts.get(index, 0) + 1
            zid = f"page{index + 1}.z{self.counts[index]}"
            zone = _el(surface, "zone", ulx=_coord(box.x0), uly=_coord(box.top), lrx=_coord(box.x1),
                       lry=_coord(box.bottom), type=kind)
            zone.set(XML_ID, zid)
            refs.append("#" + zid)
        if refs:
            e.set("facs", " ".join(refs))

    def block(self, e: etree._Element, node: Node) -> None:
        if node.block is not None:
            self.point(e, self.fac.zones(node.block), "caption" if node.kind == "caption" else _local(e))
        elif node.kind == "figure":
            blocks = [c.block for c in node.children if c.block is not None]
            picture = self.fac.picture(blocks) if blocks else None
            if picture is not None:
                self.point(e, [picture], "figure")


def _coord(value: float) -> str:
    """A coordinate in points, one decimal at most."""
    text = f"{round(value, 1):.1f}".rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


def _local(e: etree._Element) -> str:
    return e.tag[len(T):]


def _node(parent: etree._Element, node: Node, scope: str, ids: _Ids, zones: _Zones | None = None) -> None:
    name, prefix = _ELEMENT[node.kind]
    e = _el(parent, name)
    if node.kind == "section":
        e.set("type", "section")
    elif node.kind == "jump":
        e.set("type", "jump")
    elif node.kind == "caption":
        e.set("type", "caption")
    for k, v in sorted(node.attrs.items()):
        e.set(k, v)
    if prefix:
        e.set(XML_ID, f"{scope}.{ids.next(prefix)}")
    else:
        e.set(XML_ID, f"{parent.get(XML_ID)}.{'h' if node.kind == 'caption' else 's'}")
    if zones is not None:
        zones.block(e, node)
    if node.block is not None:
        fill(e, node.block)
    for child in node.children:
        _node(e, child, scope, ids, zones)


def language(doc: Document) -> str:
    """zh-Hant for a page in Traditional script, else zh-Hans (the usual case)."""
    from archive.edition import detect_script

    sample = "".join(line.text for page in doc.pages for line in page.lines[:2000])
    return "zh-Hant" if detect_script(sample).script == "Hant" else "zh-Hans"


def build(doc: Document, pages: Sequence[Sequence[Node]], meta: Metadata,
          facsimile=None) -> etree._ElementTree:
    """The TEI tree of a document whose pages were segmented into ``pages``.

    ``facsimile`` (a PDF's, ``archive.pdf.Facsimile``) adds a surface per page,
    a zone per block with ``@facs`` pointing to it, and printed page labels.
    """
    root = etree.Element(T + "TEI", nsmap={None: TEI_NS})
    root.set(XML_LANG, language(doc))
    _header(root, doc, meta, pdf=facsimile is not None)
    zones = _Zones(root, facsimile, len(pages)) if facsimile is not None else None
    body = _el(_el(root, "text"), "body")
    article_no = 0
    if not any(n.kind == "article" for nodes in pages for n in nodes):
        # a page with no recognisable article: everything goes into one untitled article
        pages = [[Node("article", children=list(nodes), attrs={"subtype": "untitled"})] for nodes in pages]
    for number, nodes in enumerate(pages, start=1):
        label = meta.page if (meta.page and len(pages) == 1) else None
        if label is None and facsimile is not None:
            label = facsimile.label(number - 1)
        pb = _el(body, "pb", n=label or str(number))
        if zones is not None and (ref := zones.surface_ref(number - 1)):
            pb.set("facs", ref)
        page_ids = _Ids()
        for node in nodes:
            if node.kind == "article":
                article_no += 1
                scope = f"a{article_no}"
                div = _el(body, "div", type="article")
                div.set(XML_ID, scope)
                for k, v in sorted(node.attrs.items()):
                    div.set(k, v)
                ids = _Ids()
                for child in node.children:
                    _node(div, child, scope, ids, zones)
            else:
                _node(body, node, f"pg{number}", page_ids, zones)
    _indent(root)
    return etree.ElementTree(root)


_BLOCKS = {T + n for n in ("teiHeader", "fileDesc", "titleStmt", "publicationStmt", "availability",
                           "sourceDesc", "bibl", "encodingDesc", "appInfo", "application",
                           "editorialDecl", "normalization", "segmentation", "revisionDesc",
                           "listChange", "change", "text", "body", "div", "sp", "figure", "TEI",
                           "facsimile", "surface")}


def _indent(elem: etree._Element, level: int = 0) -> None:
    """Newlines and indentation between structural elements only (never in mixed content)."""
    if elem.tag not in _BLOCKS or elem.tag == T + "change" or not len(elem):
        return
    if elem.text and elem.text.strip():
        return
    pad = "\n" + "  " * (level + 1)
    elem.text = pad
    for child in elem:
        _indent(child, level + 1)
        if child.tail and child.tail.strip():
            return
        child.tail = pad
    elem[-1].tail = "\n" + "  " * level


def serialize(tree: etree._ElementTree) -> bytes:
    return etree.tostring(tree, xml_declaration=True, encoding="UTF-8") + b"\n"

"""Read born-digital PDF pages: the text, where it is on the page, and its reading order.

Only pypdf is used. Its text visitor gives every run of text it decodes with
the text and current transformation matrices, the font and the font size;
an operator visitor gives the pictures (image XObjects) and the character
spacing. From them, one page at a time (docs/pdf.md):

1. fragments: upright runs of text in page coordinates (points, origin at the
   top left of the visible page, y down) with their type size and font;
2. lines: fragments on one baseline, in one size, close together;
3. page furniture: a running head (date, page number, section) above the
   first gap of the page and a footer below the last; the printed page number
   found there labels the page;
4. reading order, independent of the order the content stream draws in: the
   page is cut recursively at white space (an XY cut): first at horizontal
   gaps over a headline or a picture (between article regions), then at the
   gutters (columns), then at the other horizontal gaps where that lets the
   region be cut into columns (a headline over its columns). Regions are read
   top to bottom, columns left to right, lines top to bottom;
5. block starts from the geometry: a two-character indent, the line after a
   short one, a change of type size or font, a vertical gap, a new region
   that is not the next column of the same text; captions are the lines under
   a picture;
6. headline groups from type size and position: a headline at the top of its
   region starts a part of the page; in its group the largest type is the
   main headline, lines above it kickers, below it subtitles, body-type lines
   under it bylines. Leads, bylines, interviews, subheads, photos and jump
   lines are then found by the text path's own code (``paragraphs.OPENER``/
   ``CLOSER``, ``segment.segment_page`` on each part);
7. continued articles: a 下转 jump line and the 上接 one on the page it names
   link the two parts (``prev``/``next``).

The lines become the text of a :class:`~archive.model.Source` (one line per
printed line, a blank line at gaps and region changes, a form feed between
pages), so normalization and segmentation are the text path's. Each line
keeps its page and box: the TEI gets a ``facsimile`` with a zone for every
region of the XY cut (``type="column"``) and for every block (:class:`Facsimile`).
"""

from __future__ import annotations

import bisect
import hashlib
import io
import itertools
import logging
import math
import re
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field

from archive.chars import char_width, ends_sentence, has_punct
from archive.errors import InputError, MissingDependency
from archive.model import Block, Document, Line, Mark, Node, Piece, Source, gc_paused
from archive.names import name_spans

ASCENT, DESCENT = 0.88, 0.12  # share of the type size above and below the baseline
MERGE_GAP = 0.6  # em: fragments drawn one after the other this close on one baseline are one line
TOUCH = 0.25  # em: fragments this close on one baseline are one line, whatever their drawing order
SPACE_GAP = 0.4  # em: a gap this wide inside a line is a space
LETTER_SPACED = 0.5  # em of character spacing: a letter-spaced line ("高 质 量")
HEAD = 1.2  # type this many times the body size is a headline
SMALL = 0.93  # ... this many times or less is small type (captions, credits, running heads)
SAME_SIZE = 0.08  # sizes this close (relative) are the same type
INDENT = 1.2  # em from the column's left edge: a paragraph's first line
SHORT = 1.5  # em short of the column's right edge: the last line of a block
GUTTER = 0.5  # body ems: the narrowest white space between columns
EXTRA_GAP = 0.35  # body ems over the usual space between lines: a gap between blocks
GARBLED = 0.05  # share of undecodable characters that makes a page unusable
ESTIMATE = 0.3  # em a Latin letter, digit or space may be narrower than estimated (no widths from the font)

_SUBSET = re.compile(r"^[A-Z]{6}\+")
_LABEL = re.compile(r"^(?:第\s*)?([A-Za-z]?\s*[0-9０-９]{1,3})\s*(?:版|页)?$")
_LABEL_IN = re.compile(r"(?:^|\s)第?\s*([A-Za-z]?[0-9０-９]{1,3})\s*版(?:\s|$)")


class PageError(InputError):
    """One page of a PDF cannot be used; the message names the file and the page."""

    def __init__(self, message: str, page: int):
        super().__init__(message)
        self.page = page


# ------------------------------------------------------------------ geometry


@dataclass(frozen=True, slots=True)
class Box:
    """A rectangle on the page: points from the top left, y down."""

    x0: float
    top: float
    x1: float
    bottom: float

    def union(self, other: Box) -> Box:
        return Box(min(self.x0, other.x0), min(self.top, other.top),
                   max(self.x1, other.x1), max(self.bottom, other.bottom))


@dataclass(slots=True)
class Fragment:
    text: str
    x0: float
    x1: float
    base: float  # baseline, y down
    size: float
    font: str
    seq: int = 0  # its place in the content stream
    space: bool = False  # a space was drawn right before it
    slack: float = 0.0  # points its width may be too wide by (widths estimated without the font's)


@dataclass(slots=True)
class VLine:
    """A printed line: its text as the PDF gives it and where it is."""

    text: str
    x0: float
    x1: float
    base: float
    size: float
    font: str
    slack: float = 0.0  # points its right edge may be too far right by (estimated widths)
    region: int = 0  # the leaf of the XY cut it is in, in reading order
    kind: str = "body"  # body, head (headline type), small, furniture
    new_block: bool = False  # a block starts here (from the geometry)
    article: bool = False  # a headline at the top of its region: an article may start here
    gap: bool = False  # white space before it (a blank line in the text)
    caption: bool = False  # under a picture
    short: bool = False  # ends short of its column's right edge (the last line of a block)

    top: float = 0.0  # of the type: ASCENT above the baseline
    bottom: float = 0.0  # ... DESCENT below it

    def __post_init__(self) -> None:
        self.top = self.base - ASCENT * self.size
        self.bottom = self.base + DESCENT * self.size

    @property
    def box(self) -> Box:
        return Box(self.x0, self.top, self.x1, self.bottom)


@dataclass
class PageLayout:
    """One page, analysed."""

    number: int  # 1-based position in the PDF
    width: float
    height: float
    lines: list[VLine]  # reading order; furniture first
    images: list[Box]
    body: float  # the body type size
    label: str | None = None  # the printed page number, where the page shows one
    regions: list[Box] = field(default_factory=list)  # the box of each leaf of the XY cut (VLine.region)


def _mult(m: Sequence[float], n: Sequence[float]) -> tuple[float, ...]:
    """The affine matrix m x n (PDF order: first m, then n)."""
    return (
        m[0] * n[0] + m[1] * n[2],
        m[0] * n[1] + m[1] * n[3],
        m[2] * n[0] + m[3] * n[2],
        m[2] * n[1] + m[3] * n[3],
        m[4] * n[0] + m[5] * n[2] + n[4],
        m[4] * n[1] + m[5] * n[3] + n[5],
    )


def _display(page) -> tuple[tuple[float, ...], float, float]:
    """The matrix from user space to the displayed page (y up), and its width and height."""
    box = page.cropbox
    left, bottom = float(box.left), float(box.bottom)
    w, h = float(box.width), float(box.height)
    rotation = (page.get("/Rotate", 0) or 0) % 360
    if rotation == 90:
        return (0.0, -1.0, 1.0, 0.0, -bottom, w + left), h, w
    if rotation == 180:
        return (-1.0, 0.0, 0.0, -1.0, w + left, h + bottom), w, h
    if rotation == 270:
        return (0.0, 1.0, -1.0, 0.0, h + bottom, -left), h, w
    return (1.0, 0.0, 0.0, 1.0, -left, -bottom), w, h


# ------------------------------------------------------------------ reading one page


def _font_name(font) -> str:
    if not font:
        return "unknown"
    try:
        name = str(font.get("/BaseFont", "") or font.get("/Name", "") or "unknown")
    except Exception:  # noqa: BLE001 - a broken font dictionary
        return "unknown"
    return _SUBSET.sub("", name.lstrip("/"))


def _undecodable_font(font) -> bool:
    """A composite font with an Identity encoding and no ToUnicode map: its codes are glyph ids."""
    try:
        if not font or font.get("/Subtype") != "/Type0" or "/ToUnicode" in font:
            return False
        return str(font.get("/Encoding", "")) in ("/Identity-H", "/Identity-V")
    except Exception:  # noqa: BLE001
        return False


def _widths(font) -> dict[str, float] | None:
    """Glyph widths in em by character, where the font says (its widths and ToUnicode map);
    None where it cannot (a CID font with a predefined CMap such as UniGB-UCS2-H)."""
    if not font:
        return None
    try:
        from pypdf.generic._font import Font

        info = Font.from_font_resource(font)
        widths, cmap = info.character_widths, info.character_map
        table: dict[str, float] = {}
        if cmap:
            for raw, uni in cmap.items():
                w = widths.get(raw)
                if isinstance(uni, str) and len(uni) == 1 and isinstance(w, (int, float)) and 0 < w <= 2000:
                    table[uni] = w / 1000.0
        elif font.get("/Subtype") != "/Type0":
            for ch, w in widths.items():
                if isinstance(ch, str) and len(ch) == 1 and ch.isprintable() and isinstance(w, (int, float)) \
                        and 0 < w <= 2000:
                    table[ch] = w / 1000.0
        return table or None
    except Exception:  # noqa: BLE001 - an odd font: estimate its widths
        return None


class _Widths(dict):
    """Glyph widths of one font in em, by character: the font's own where it gives them
    (``exact``), else estimated (CJK 1 em, Latin and digits half an em)."""

    def __init__(self, table: dict[str, float] | None):
        super().__init__()
        self.table = table or {}
        self.exact = bool(table)

    def __missing__(self, ch: str) -> float:
        w = self.table.get(ch) or (1.0 if ch == "\u3000" else char_width(ch))
        self[ch] = w
        return w

    def width(self, text: str) -> float:
        return sum(map(self.__getitem__, text))


# Characters outside the common scripts: only these are checked for being undecodable.
_SUSPECT = re.compile("[^\u0020-\u007e\u00a0-\u024f\u2000-\u27bf\u3000-\u33ff\u3400-\u4dbf"
                      "\u4e00-\u9fff\uff00-\uffef]")


def _bad_char(ch: str) -> bool:
    if ch == "\ufffd":
        return True
    if ch.isspace():
        return False
    return unicodedata.category(ch) in ("Cc", "Co", "Cn", "Cs")


_OPERATORS = frozenset((b"TJ", b"Tc", b"Tz", b"q", b"Q", b"Do", b"INLINE IMAGE"))
_IDENTITY = (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)


class _Reader:
    """Collects the fragments and pictures of one page from pypdf's visitors."""

    def __init__(self, page, fonts: dict[int, tuple] | None = None):
        self.matrix, self.width, self.height = _display(page)
        self.frags: list[Fragment] = []
        self.images: list[Box] = []
        self.chars = 0
        self.bad: Counter[str] = Counter()  # undecodable characters by font
        self.rotated = 0
        self.tc = 0.0  # character spacing (Tc), text space units
        self.tz = 1.0  # horizontal scaling (Tz)
        self.tj = 0.0  # TJ adjustments since the last text run, text space units
        self.stack: list[tuple[float, float]] = []
        self.xobjects = self._xobjects(page)
        self.has_forms = any(not image for image, _ in self.xobjects.values())
        self.forms: list[tuple[float, ...]] = []  # where the forms being read are placed
        self.placed: tuple[float, ...] = self.matrix  # from the current content to the displayed page
        self.fonts: dict[int, tuple] = fonts if fonts is not None else {}
        # pypdf gives each run of text the matrices where the text was last positioned: a run
        # after a font change without a move starts where the run before it ended
        self.anchor: tuple[float, ...] = ()
        self.end: tuple[float, float, float] = (0.0, 0.0, 0.0)  # (x, baseline, size) where the last run ended
        self.space = False  # the last run was spaces

    @staticmethod
    def _xobjects(page) -> dict[str, tuple[bool, tuple[float, ...]]]:
        """The page's XObjects by name: (is a picture, the form's matrix)."""
        out: dict[str, tuple[bool, tuple[float, ...]]] = {}
        try:
            res = page.get("/Resources")
            xobj = res.get_object().get("/XObject") if res is not None else None
            if xobj is None:
                return out
            for name, ref in xobj.get_object().items():
                try:
                    obj = ref.get_object()
                    matrix = tuple(float(v) for v in obj.get("/Matrix", _IDENTITY))
                    out[str(name)] = (obj.get("/Subtype") == "/Image", matrix if len(matrix) == 6 else _IDENTITY)
                except Exception:  # noqa: BLE001 - a broken reference: not a picture we can place
                    out[str(name)] = (False, _IDENTITY)
        except Exception:  # noqa: BLE001
            pass
        return out

    def after(self, op: bytes, args: list, cm: list[float], tm: list[float]) -> None:
        if op == b"Do" and self.forms:
            self.forms.pop()
            self.placed = self.forms[-1] if self.forms else self.matrix

    def operator(self, op: bytes, args: list, cm: list[float], tm: list[float]) -> None:
        if op not in _OPERATORS:
            return
        if op == b"TJ":
            if args and isinstance(args[0], list):
                for a in args[0]:
                    if isinstance(a, (int, float)):
                        self.tj -= float(a) / 1000.0
        elif op == b"Tc":
            self.tc = _number(args, self.tc)
        elif op == b"Tz":
            self.tz = _number(args, 100.0) / 100.0
        elif op == b"q":
            self.stack.append((self.tc, self.tz))
        elif op == b"Q":
            if self.stack:
                self.tc, self.tz = self.stack.pop()
        elif op == b"Do":
            # pypdf reads a form's text with the form's own matrices: place it on the page
            image, matrix = self.xobjects.get(str(args[0]) if args else "", (False, _IDENTITY))
            if image:
                self._image(cm)
            if self.has_forms:
                self.forms.append(_mult(_mult(matrix, cm), self.placed))
                self.placed = self.forms[-1]
        elif op == b"INLINE IMAGE":
            self._image(cm)

    def _image(self, cm: Sequence[float]) -> None:
        m = _mult(cm, self.placed)
        xs = [m[4], m[0] + m[4], m[2] + m[4], m[0] + m[2] + m[4]]
        ys = [m[5], m[1] + m[5], m[3] + m[5], m[1] + m[3] + m[5]]
        box = Box(min(xs), self.height - max(ys), max(xs), self.height - min(ys))
        if box.x1 - box.x0 > 1 and box.bottom - box.top > 1:
            self.images.append(box)

    def _font(self, font) -> tuple[str, bool, _Widths]:
        key = id(font)
        known = self.fonts.get(key)
        if known is None:
            known = self.fonts[key] = (_font_name(font), _undecodable_font(font), _Widths(_widths(font)), font)
        return known[:3]

    def text(self, text: str, cm: list[float], tm: list[float], font, size: float) -> None:
        tj, self.tj = self.tj, 0.0
        if "\n" in text:  # pypdf's line break, not a glyph
            text = text.replace("\n", "")
        if not text:
            return
        known = self.fonts.get(id(font))
        if known is None:
            known = self._font(font)
        name, undecodable, table = known[0], known[1], known[2]
        # m = tm x cm x placed, written out: this runs once for each run of text
        t0, t1, t2, t3, t4, t5 = tm
        c0, c1, c2, c3, c4, c5 = cm
        a0, a1 = t0 * c0 + t1 * c2, t0 * c1 + t1 * c3
        a2, a3 = t2 * c0 + t3 * c2, t2 * c1 + t3 * c3
        a4, a5 = t4 * c0 + t5 * c2 + c4, t4 * c1 + t5 * c3 + c5
        p0, p1, p2, p3, p4, p5 = self.placed
        scale_x, m1 = a0 * p0 + a1 * p2, a0 * p1 + a1 * p3
        m2, scale_y = a2 * p0 + a3 * p2, a2 * p1 + a3 * p3
        stripped = text.strip()
        n = len(stripped)
        if scale_x <= 0 or scale_y <= 0 or abs(m1) > 0.01 * scale_x or abs(m2) > 0.01 * scale_y:
            self.rotated += n
            self.chars += n
            return
        em = size * scale_x * self.tz  # the width of one em, in points
        spacing = self.tc * scale_x * self.tz  # points between two glyphs
        base = self.height - (a4 * p1 + a5 * p3 + p5)
        x = a4 * p0 + a5 * p2 + p4
        anchor = (*tm, *cm)
        end_x, end_base, end_size = self.end
        goes_on = abs(base - end_base) < 0.2 * end_size
        if goes_on and (anchor == self.anchor or (
                self.frags and self.frags[-1].x0 + 0.1 * end_size < x < end_x - 0.5 * end_size)):
            x = end_x  # not moved since the last run (or moved inside it): it goes on from there
        else:
            self.space = False
        self.anchor = anchor

        width = table.width
        if not stripped:  # a run of spaces: it moves the next run on
            self.end = (x + em * width(text) + spacing * len(text), base, size * scale_y)
            self.space = True
            return
        self.chars += n
        if undecodable:
            self.bad[name] += n
        elif _SUSPECT.search(stripped):
            bad = sum(1 for ch in stripped if _bad_char(ch))
            if bad:
                self.bad[name] += bad
        lead = len(text) - len(text.lstrip()) if text[0].isspace() else 0
        if lead:
            x += em * width(text[:lead]) + spacing * lead
        glyphs = width(stripped)
        w = em * glyphs + spacing * (n - 1) + tj * size * scale_x * self.tz
        if em > 0 and spacing >= LETTER_SPACED * em and n >= 3 and " " not in stripped:
            stripped = " ".join(stripped)  # as an extractor shows a letter-spaced line
        end = x + max(w, em * 0.5)
        # ems the estimate may be too wide by: Latin and spaces
        slack = 0.0 if table.exact else ESTIMATE * len(text.encode("ascii", "ignore"))
        self.frags.append(Fragment(stripped, x, end, base, size * scale_y, name, len(self.frags),
                                   self.space or lead > 0, em * slack))
        self.space = False
        if text[-1].isspace():
            trail = len(text) - len(text.rstrip())
            end += em * width(text[len(text) - trail:]) + spacing * trail
        self.end = (end + spacing, base, size * scale_y)


def _number(args: list, default: float) -> float:
    try:
        return float(args[0])
    except (IndexError, TypeError, ValueError):
        return default


class _PypdfLog(logging.Handler):
    """Keeps pypdf's warnings (a stream that does not inflate ...) to explain a page that gives nothing."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        if len(self.messages) < 100:
            self.messages.append(record.getMessage())


@contextmanager
def _pypdf_log() -> Iterator[_PypdfLog]:
    logger = logging.getLogger("pypdf")
    handler = _PypdfLog()
    saved = logger.propagate, logger.level
    logger.addHandler(handler)
    logger.propagate = False
    logger.setLevel(logging.WARNING)
    try:
        yield handler
    finally:
        logger.removeHandler(handler)
        logger.propagate, level = saved
        logger.setLevel(level)


def read_page(reader, index: int, name: str, fonts: dict[int, tuple] | None = None,
              log: _PypdfLog | None = None) -> PageLayout:
    """Read and analyse page ``index`` (0-based) of an open PDF; ``fonts`` caches what is
    known of each font between the pages of one PDF."""
    number = index + 1
    where = f"{name}, page {number}"
    with gc_paused():  # the collector runs between pages, not over each page's many small objects
        return _read_page(reader, index, number, where, fonts, log)


def _read_page(reader, index: int, number: int, where: str, fonts: dict[int, tuple] | None,
               log: _PypdfLog | None) -> PageLayout:
    warned = len(log.messages) if log else 0
    try:
        page = reader.pages[index]
        collector = _Reader(page, fonts)
        page.extract_text(visitor_text=collector.text, visitor_operand_before=collector.operator,
                          visitor_operand_after=collector.after if collector.has_forms else None)
    except PageError:
        raise
    except MemoryError:  # pragma: no cover
        raise
    except Exception as e:  # noqa: BLE001 - pypdf raises many kinds on a damaged page
        raise PageError(f"{where}: cannot be read ({_reason(e)}); the file may be damaged", number) from e
    if not collector.frags:
        if log and len(log.messages) > warned:
            raise PageError(f"{where}: cannot be read ({log.messages[warned][:160]}); the file may be damaged",
                            number)
        if collector.rotated:
            raise PageError(f"{where}: all its text is rotated or vertical, which is not supported", number)
        what = ", only pictures (a scan?)" if collector.images else ""
        raise PageError(
            f"{where}: has no text layer{what}; run OCR on it first (e.g. OCRmyPDF: ocrmypdf in.pdf out.pdf) "
            "and convert the result", number)
    bad = sum(collector.bad.values())
    if bad and bad >= max(3, GARBLED * collector.chars):
        font = collector.bad.most_common(1)[0][0]
        raise PageError(
            f"{where}: its text cannot be decoded: font {font} has no usable ToUnicode map, "
            f"{bad} of {collector.chars} characters come out garbled; run OCR on it "
            "(e.g. ocrmypdf --force-ocr in.pdf out.pdf) or get a PDF with searchable text", number)
    return analyse(collector.frags, collector.images, collector.width, collector.height, number)


def _reason(e: BaseException) -> str:
    text = str(e).strip().splitlines()[0] if str(e).strip() else type(e).__name__
    return text[:160]


# ------------------------------------------------------------------ lines


def _lines(frags: list[Fragment]) -> list[VLine]:
    """Fragments on one baseline, in one size and close together, as lines."""
    frags.sort(key=lambda f: (f.base, f.x0, f.seq))
    rows: list[list[Fragment]] = []
    for f in frags:
        if rows and f.base - rows[-1][0].base <= 0.2 * min(f.size, rows[-1][0].size):
            rows[-1].append(f)
        else:
            rows.append([f])
    lines: list[VLine] = []
    for row in rows:
        row.sort(key=lambda f: (f.x0, f.seq))
        group: list[Fragment] = []
        for f in row:
            if group:
                last = group[-1]
                big = max(last.size, f.size)
                reach = MERGE_GAP if f.seq == last.seq + 1 else TOUCH  # widths are estimates
                if f.x0 - (last.x1 - last.slack) > reach * big or abs(f.size - last.size) > 0.2 * big:
                    lines.append(_line(group))
                    group = []
            group.append(f)
        lines.append(_line(group))
    return lines


def _line(frags: list[Fragment]) -> VLine:
    if len(frags) == 1:
        f = frags[0]
        return VLine(f.text, f.x0, f.x1, f.base, f.size, f.font, f.slack)
    parts = [frags[0].text]
    for a, b in zip(frags, frags[1:], strict=False):
        if (b.space or b.x0 - a.x1 >= SPACE_GAP * max(a.size, b.size)) and not parts[-1].endswith(" "):
            parts.append(" ")
        parts.append(b.text)
    weight: Counter[str] = Counter()
    sizes: Counter[float] = Counter()
    for f in frags:
        weight[f.font] += len(f.text)
        sizes[f.size] += len(f.text)
    size = sizes.most_common(1)[0][0]
    last = max(frags, key=lambda f: f.x1)
    return VLine("".join(parts), frags[0].x0, last.x1, max(f.base for f in frags if f.size == size), size,
                 weight.most_common(1)[0][0], sum(f.slack for f in frags))


def body_size(lines: Sequence[VLine]) -> float:
    """The type size most characters are set in."""
    sizes: Counter[float] = Counter()
    for line in lines:
        sizes[round(line.size * 4) / 4] += len(line.text)
    return sizes.most_common(1)[0][0] if sizes else 10.0


def _same_size(a: float, b: float) -> bool:
    return abs(a - b) <= SAME_SIZE * max(a, b)


# ------------------------------------------------------------------ reading order


@dataclass(slots=True)
class _Item:
    box: Box
    line: VLine | None  # None: a picture
    heading: bool


def _gaps(spans: list[tuple[float, float]], least: float) -> list[tuple[float, float]]:
    """White gaps at least ``least`` wide between the (start, end) spans."""
    spans.sort()
    out = []
    end = spans[0][1]
    for start, stop in spans:
        if start - end >= least:
            out.append((end, start))
        if stop > end:
            end = stop
    return out


class _Cutter:
    """The recursive XY cut of one page (see the module docstring)."""

    def __init__(self, body: float, line_gap: float):
        self.body = body
        self.hgap = max(line_gap + EXTRA_GAP * body, 0.6 * body)
        self.vgap = GUTTER * body

    def leaves(self, items: list[_Item]) -> list[list[_Item]]:
        out: list[list[_Item]] = []
        self._cut(items, out, 0)
        return out

    def _cut(self, items: list[_Item], out: list[list[_Item]], depth: int) -> None:
        if len(items) <= 1 or depth > 60:
            out.append(items)
            return
        hgaps = _gaps([(it.box.top, it.box.bottom) for it in items], self.hgap)
        strong = [g for g in hgaps if self._separates(items, g)]
        if strong:
            for part in self._split(items, strong, vertical=False):
                self._cut(part, out, depth + 1)
            return
        vgaps = _gaps([(it.box.x0, it.box.x1) for it in items], self.vgap)
        if vgaps:
            parts = self._split(items, vgaps, vertical=True)
            heads = [any(it.heading and it.line is not None for it in p) for p in parts]
            if all(heads) or not any(heads):
                for part in parts:
                    self._cut(part, out, depth + 1)
                return
            # a headline wider than the columns it is over, not over all of them: cut under it
            # first, or else give each headline the columns it is set over
            groups = _by_headline(parts, heads) if sum(heads) > 1 else []
            if len(groups) < 2 and hgaps:
                groups = self._split(items, hgaps, vertical=False)
            for part in groups if len(groups) > 1 else parts:
                self._cut(part, out, depth + 1)
            return
        if hgaps:
            parts = self._split(items, hgaps, vertical=False)
            # cut only where a part then falls into columns (a headline over its columns)
            if any(len(p) > 1 and _gaps([(it.box.x0, it.box.x1) for it in p], self.vgap) for p in parts):
                for part in parts:
                    self._cut(part, out, depth + 1)
                return
        out.append(sorted(items, key=lambda it: (it.box.top, it.box.x0)))

    def _separates(self, items: list[_Item], gap: tuple[float, float]) -> bool:
        """A gap between article regions: a headline or a picture right under it, no headline right over it."""
        lo, hi = gap
        reach = 0.6 * self.body
        above = [it for it in items if lo - reach <= it.box.bottom <= lo + 0.01]
        below = [it for it in items if hi - 0.01 <= it.box.top <= hi + reach]
        if any(it.heading and it.line is not None for it in above):
            return False
        return any(it.heading for it in below)

    @staticmethod
    def _split(items: list[_Item], gaps: list[tuple[float, float]], vertical: bool) -> list[list[_Item]]:
        cuts = [hi for _, hi in gaps]
        parts: list[list[_Item]] = [[] for _ in range(len(cuts) + 1)]
        for it in items:
            start = it.box.x0 if vertical else it.box.top
            parts[bisect.bisect_right(cuts, start + 0.01)].append(it)
        return [p for p in parts if p]


def _by_headline(strips: list[list[_Item]], heads: list[bool]) -> list[list[_Item]]:
    """Columns (left to right) grouped into articles, one headline each: a column without a
    headline goes with one beside it, so that each headline sits over its group as headlines
    do (centred, or from its left edge, or across it)."""
    at = [i for i, h in enumerate(heads) if h]
    choices = [range(a + 1, b + 1) for a, b in zip(at, at[1:], strict=False)]  # where the group of a ends
    if math.prod(len(c) for c in choices) > 500:
        return strips
    extent = [(min(it.box.x0 for it in s), max(it.box.x1 for it in s)) for s in strips]
    head = [(min(it.box.x0 for it in s if it.heading and it.line), max(it.box.x1 for it in s if it.heading and it.line))
            if h else None for s, h in zip(strips, heads, strict=True)]

    def misfit(lo: int, hi: int, k: int) -> float:
        g0, g1 = extent[lo][0], extent[hi - 1][1]
        h0, h1 = head[k]
        width = max(g1 - g0, 1.0)
        return min(abs((h0 + h1) - (g0 + g1)) / 2, abs(h0 - g0), abs(h1 - g1) + abs(h0 - g0)) / width

    best: tuple[float, tuple[int, ...]] | None = None
    for ends in itertools.product(*choices):
        bounds = (0, *ends, len(strips))
        cost = sum(misfit(bounds[n], bounds[n + 1], k) for n, k in enumerate(at))
        if best is None or cost < best[0] - 1e-9:
            best = (cost, bounds)
    bounds = best[1] if best else (0, len(strips))
    return [[it for s in strips[a:b] for it in s] for a, b in zip(bounds, bounds[1:], strict=False)]


def _line_gap(lines: Sequence[VLine], body: float) -> float:
    """The usual white space between two lines of body text in one column."""
    bases: dict[int, list[float]] = {}
    for line in lines:
        if line.size == body or _same_size(line.size, body):
            bases.setdefault(round(line.x0), []).append(line.base)
    pitches = []
    for values in bases.values():
        values.sort()
        pitches.extend(b - a for a, b in zip(values, values[1:], strict=False) if 0.9 * body < b - a < 3 * body)
    if not pitches:
        return 0.4 * body
    pitches.sort()
    return pitches[len(pitches) // 2] - body


# ------------------------------------------------------------------ furniture


def _furniture(lines: list[VLine], height: float, body: float, gap: float) -> tuple[list[VLine], list[VLine]]:
    """(running head and footer lines, the other lines): small or body type in a band at the
    top (or bottom) of the page, set off from the rest by white space."""
    if len(lines) < 4:
        return [], lines
    furniture: list[VLine] = []
    rest = sorted(lines, key=lambda ln: ln.top)
    for edge in ("top", "bottom"):
        ordered = rest if edge == "top" else sorted(rest, key=lambda ln: -ln.bottom)
        first = ordered[0]
        band = [first]
        for line in ordered[1:]:
            near = line.top <= band[0].bottom + 0.5 * body if edge == "top" else line.bottom >= band[0].top - 0.5 * body
            if near:
                band.append(line)
            else:
                break
        others = ordered[len(band):]
        if not others or len(band) > 8:
            continue
        if edge == "top":
            inside = first.top <= max(0.12 * height, 8 * body)
            apart = min(ln.top for ln in others) - max(ln.bottom for ln in band) >= gap + 0.3 * body
        else:
            inside = first.bottom >= height - max(0.12 * height, 8 * body)
            apart = min(ln.top for ln in band) - max(ln.bottom for ln in others) >= gap + 0.3 * body
        small = all(ln.size <= SMALL * body for ln in band) or (
            page_label(band) is not None and all(ln.size <= body * 1.1 for ln in band))
        if inside and apart and small:
            furniture.extend(sorted(band, key=lambda ln: (ln.base, ln.x0)))
            ids = {id(ln) for ln in band}
            rest = [ln for ln in rest if id(ln) not in ids]
    return furniture, rest


def page_label(lines: Sequence[VLine]) -> str | None:
    """The printed page number among the running head's lines ("02", "第2版", "A3")."""
    for line in lines:
        for part in (line.text, *line.text.split()):
            m = _LABEL.match(part.strip())
            if m and (part != line.text or len(line.text.split()) == 1):
                return _clean_label(m.group(1))
        m = _LABEL_IN.search(line.text)
        if m:
            return _clean_label(m.group(1))
    return None


def _clean_label(raw: str) -> str:
    raw = raw.translate(str.maketrans("０１２３４５６７８９", "0123456789")).replace(" ", "")
    letters = raw.rstrip("0123456789")
    digits = raw[len(letters):]
    return f"{letters.upper()}{int(digits)}" if digits else raw


# ------------------------------------------------------------------ analysis


def analyse(frags: list[Fragment], images: list[Box], width: float, height: float, number: int) -> PageLayout:
    """Lines, furniture, reading order and block starts of one page."""
    lines = _lines(frags)
    body = body_size(lines)
    gap = _line_gap(lines, body)
    furniture, lines = _furniture(lines, height, body, gap)
    for line in furniture:
        line.kind = "furniture"
    items = [_Item(_core(ln), ln, ln.size >= HEAD * body) for ln in lines]
    items += [_Item(b, None, True) for b in images]
    ordered: list[VLine] = []
    regions: list[Box] = []
    for k, leaf in enumerate(_Cutter(body, gap).leaves(items) if items else []):
        leaf_lines = [it.line for it in leaf if it.line is not None]
        regions.append(_region_box(leaf))
        for line in _rows(leaf_lines, body):
            line.region = k
            ordered.append(line)
    _mark(ordered, images, body, gap)
    for k, line in enumerate(ordered):
        if line.size >= HEAD * body and (k == 0 or ordered[k - 1].region != line.region):
            line.article = True
    for i, line in enumerate(furniture):
        line.new_block = True
        line.gap = i > 0
    label = page_label(furniture)
    return PageLayout(number, width, height, furniture + ordered, images, body, label, _apart(regions))


def _region_box(leaf: list[_Item]) -> Box:
    """The box of a leaf of the XY cut: its lines (with any punctuation hanging at their ends)
    and pictures, so that the zone of every block in it lies inside it."""
    x0 = top = math.inf
    x1 = bottom = -math.inf
    for it in leaf:
        line = it.line
        if line is not None:
            a, t, b, u = line.x0, line.top, line.x1, line.bottom
        else:
            a, t, b, u = it.box.x0, it.box.top, it.box.x1, it.box.bottom
        x0, top, x1, bottom = min(x0, a), min(top, t), max(x1, b), max(bottom, u)
    return Box(x0, top, x1, bottom)


def _apart(boxes: list[Box]) -> list[Box]:
    """The region boxes, none overlapping another: the cut separates regions side by side at
    a gutter, but a line's hanging punctuation (or estimated width) may reach over it to the
    next column's left edge; such a box ends where that column starts."""
    order = sorted(range(len(boxes)), key=lambda k: boxes[k].x0)
    starts = [boxes[k].x0 for k in order]
    out = list(boxes)
    for k, box in enumerate(boxes):
        right = box.x1
        for j in order[bisect.bisect_right(starts, box.x0):bisect.bisect_left(starts, right)]:
            other = boxes[j]
            if other.top < box.bottom and box.top < other.bottom:
                right = min(right, other.x0)
        if right < box.x1:
            out[k] = Box(box.x0, box.top, right, box.bottom)
    return out


_HANGING = "，。、；：？！”’）》」』】,.;:?!)"


def _core(line: VLine) -> Box:
    """The box of a line without punctuation hanging at its end (it may reach into the gutter)."""
    hang = len(line.text) - len(line.text.rstrip(_HANGING)) if line.x1 - line.x0 >= 8 * line.size else 0
    x1 = max(line.x0 + line.size, line.x1 - min(hang, 2) * line.size - line.slack)
    return Box(line.x0, line.top, x1, line.bottom)


def _rows(lines: list[VLine], body: float) -> list[VLine]:
    """Lines of a region top to bottom; lines on one baseline left to right."""
    lines = sorted(lines, key=lambda ln: ln.base)
    out: list[VLine] = []
    row: list[VLine] = []
    for line in lines:
        if row and line.base - row[0].base > 0.3 * min(line.size, row[0].size):
            out.extend(sorted(row, key=lambda ln: ln.x0))
            row = []
        row.append(line)
    out.extend(sorted(row, key=lambda ln: ln.x0))
    return out


def _extent(lines: Sequence[VLine]) -> dict[int, tuple[float, float, int]]:
    """Per line (by id): the left and right edge of its column, from the lines of its
    region in the same type size (the right edge most lines reach), and how many they are."""
    out: dict[int, tuple[float, float, int]] = {}
    groups: dict[tuple[int, float], list[VLine]] = {}
    for line in lines:
        groups.setdefault((line.region, round(line.size * 4) / 4), []).append(line)
    for group in groups.values():
        left = min(ln.x0 for ln in group)
        ends = Counter(round(ln.x1 / (0.25 * group[0].size)) for ln in group)
        common, count = ends.most_common(1)[0]
        right = max(ln.x1 for ln in group)
        if count >= 3 and count * 3 >= len(group):
            right = max(common * 0.25 * group[0].size,
                        max((ln.x1 for ln in group if ln.x1 <= right and abs(ln.x1 - common * 0.25 * group[0].size)
                             < 0.5 * group[0].size), default=right))
        for line in group:
            out[id(line)] = (left, right, len(group))
    return out


def _captions(lines: Sequence[VLine], images: Sequence[Box], body: float) -> None:
    """Lines right under a picture (and the lines of the same size that follow) are its caption."""
    for img in images:
        under = [ln for ln in lines if img.bottom - 0.2 * body <= ln.top <= img.bottom + 2.0 * body
                 and min(ln.x1, img.x1) - max(ln.x0, img.x0) >= 0.5 * (ln.x1 - ln.x0)]
        if not under:
            continue
        first = min(under, key=lambda ln: ln.top)
        if first.size > body * 1.05:
            continue
        first.caption = True
        last = first
        for line in sorted(lines, key=lambda ln: ln.top):
            if line.top <= last.top or line.region != first.region:
                continue
            if _same_size(line.size, first.size) and line.top - last.bottom <= 0.8 * line.size \
                    and min(line.x1, img.x1) - max(line.x0, img.x0) > 0:
                line.caption = True
                last = line
            elif line.top > last.bottom:
                break


def _mark(lines: list[VLine], images: Sequence[Box], body: float, gap: float) -> None:
    """Kinds, block starts and gaps of the lines of a page in reading order."""
    for line in lines:
        if line.size > (1 + SAME_SIZE) * body:
            line.kind = "head"  # headlines, and subheads set larger than the text
        elif line.size <= SMALL * body:
            line.kind = "small"
    _captions(lines, images, body)
    extent = _extent(lines)
    wide_gap = gap + EXTRA_GAP * body
    prev: VLine | None = None
    for line in lines:
        left, right, _ = extent[id(line)]
        em = line.size
        indented = line.x0 - left >= INDENT * em
        if prev is None:
            line.new_block = line.gap = True
            prev = line
            continue
        _, p_right, p_many = extent[id(prev)]
        # a column of one line is full when the next column starts right after it
        reaches = 0 <= line.x0 - prev.x1 + prev.slack <= 2.5 * prev.size and line.top <= prev.top
        p_short = prev.x1 < p_right - SHORT * prev.size or (p_many < 2 and not reaches)
        prev.short = p_short
        below = line.top >= prev.bottom - 0.3 * min(line.size, prev.size)
        overlap = min(line.x1, prev.x1) - max(line.x0, prev.x0)
        same_column = below and overlap > 0 and line.region == prev.region
        same_type = line.kind == prev.kind and (line.size == prev.size or _same_size(line.size, prev.size))
        if same_column:
            white = line.top - prev.bottom
            spaced = white > max(wide_gap, gap + EXTRA_GAP * line.size) if line.kind == "body" \
                else white > 0.6 * max(line.size, prev.size)
            if not same_type or spaced or line.caption != prev.caption:
                line.new_block = True
                line.gap = spaced or line.caption != prev.caption  # no blank inside a headline group
            elif line.kind == "head":
                line.new_block = False  # a headline wrapped over lines
            else:
                line.new_block = indented or p_short or (line.font != prev.font and _han(line.text) and _han(prev.text))
        else:
            # another column or region: the same text goes on only from a full line into an
            # unindented line of the same type at the top of the next column
            goes_on = (same_type and line.kind in ("body", "small") and not p_short and not indented
                       and not line.caption and not prev.caption and line.font == prev.font)
            line.new_block = not goes_on
            line.gap = not goes_on
        prev = line


def _han(text: str) -> bool:
    return sum(1 for c in text if "\u4e00" <= c <= "\u9fff") >= 2


# ------------------------------------------------------------------ the document


@dataclass
class PdfPages:
    """What a PDF gave: the text of its lines (a Source) and where each line is."""

    source: Source
    layouts: list[PageLayout | None]  # None: a page skipped with --keep-going
    lines: dict[int, tuple[int, VLine]]  # source line number -> (page index, line)
    problems: list[str] = field(default_factory=list)


def open_pdf(name: str, data: bytes, password: str | None = None):
    """An open pypdf reader, or a clear InputError."""
    from pypdf import PdfReader
    from pypdf.errors import DependencyError, FileNotDecryptedError, PdfReadError

    try:
        reader = PdfReader(io.BytesIO(data), strict=False)
    except (PdfReadError, ValueError, KeyError, TypeError, AttributeError, IndexError, OSError) as e:
        raise InputError(f"{name}: is not a readable PDF ({_reason(e)}); the file may be truncated or damaged") from e
    except Exception as e:  # noqa: BLE001
        raise InputError(f"{name}: is not a readable PDF ({_reason(e)}); the file may be truncated or damaged") from e
    try:
        encrypted = reader.is_encrypted
    except Exception as e:  # noqa: BLE001
        raise InputError(f"{name}: is not a readable PDF ({_reason(e)}); the file may be truncated or damaged") from e
    if encrypted:
        try:
            opened = reader.decrypt(password or "")
        except DependencyError as e:
            raise MissingDependency(
                f"{name}: is encrypted with AES, which needs the cryptography package: "
                "pip install cryptography") from e
        except (FileNotDecryptedError, NotImplementedError, PdfReadError, ValueError, KeyError) as e:
            raise InputError(f"{name}: is encrypted in a way that cannot be opened ({_reason(e)})") from e
        if not opened:
            if password is None:
                raise InputError(f"{name}: is encrypted; give its password with --password")
            raise InputError(f"{name}: the password does not open it; check --password")
    try:
        count = len(reader.pages)
    except Exception as e:  # noqa: BLE001
        raise InputError(f"{name}: is not a readable PDF ({_reason(e)}); the file may be truncated or damaged") from e
    if count == 0:
        raise InputError(f"{name}: has no pages")
    return reader


def is_pdf(data: bytes) -> bool:
    """The PDF header, which may follow up to 1024 bytes of anything."""
    return b"%PDF-" in data[:1024]


def read_pdf(name: str, data: bytes, password: str | None = None, keep_going: bool = False) -> PdfPages:
    """Read every page of a PDF, one at a time, into the text of its lines in reading order.

    A bad page raises :class:`PageError`; with ``keep_going`` it is reported in
    ``problems`` and left out (its page break stays), unless no page is left.
    """
    with _pypdf_log() as log:
        return _read_pdf(name, data, password, keep_going, log)


def _read_pdf(name: str, data: bytes, password: str | None, keep_going: bool, log: _PypdfLog) -> PdfPages:
    reader = open_pdf(name, data, password)
    layouts: list[PageLayout | None] = []
    problems: list[str] = []
    text: list[str] = []  # the source lines; a form feed starts each page's first line
    where: dict[int, tuple[int, VLine]] = {}
    fonts: dict[int, tuple] = {}
    for index in range(len(reader.pages)):
        try:
            layout = read_page(reader, index, name, fonts, log)
        except PageError as e:
            if not keep_going:
                raise
            problems.append(str(e))
            layout = None
        layouts.append(layout)
        start = len(text)
        for line in layout.lines if layout else []:
            if line.gap and len(text) > start:
                text.append("")
            text.append(line.text)
            where[len(text)] = (index, line)
        if index:
            if len(text) > start:
                text[start] = "\f" + text[start]
            else:
                text.append("\f")
    if all(layout is None for layout in layouts):
        raise InputError(f"{name}: no page could be used; first problem: {problems[0]}")
    source = Source(name=name, sha256=hashlib.sha256(data).hexdigest(), encoding="pdf",
                    text="\n".join(text) + "\n", line_ends="LF")
    return PdfPages(source, layouts, where, problems)


# ------------------------------------------------------------------ blocks


def page_blocks(pages: PdfPages, doc: Document, page_index: int
                ) -> tuple[list[Block], list[list[Block]], frozenset[int]]:
    """(furniture blocks, text blocks in chunks, letter-spaced line numbers) of one page of the
    normalized document. Blocks are cut where the geometry says and where the text path's
    rules open or close one; a new chunk starts at each headline at the top of its region,
    so that a headline group is never given to the text above it."""
    from archive.paragraphs import CLOSER, OPENER

    page = doc.pages[page_index]
    furniture: list[Block] = []
    chunks: list[list[list[Line]]] = []
    prev: Line | None = None
    prev_v: VLine | None = None
    for line in page.lines:
        if line.blank:
            continue
        info = pages.lines.get(line.no)
        if info is None:
            continue
        vline = info[1]
        if vline.kind == "furniture":
            furniture.append(_block([line], page.number))
            continue
        if vline.article or not chunks:
            chunks.append([])
            prev = None
        # the text path's openers and closers, where the previous line stops short: a full line
        # goes on, whatever word ends it or starts the next ("拍摄", "本报记者" in mid-sentence)
        full = (prev_v is not None and not prev_v.short and prev_v.kind == vline.kind == "body"
                and not prev_v.caption and not vline.caption)
        new = vline.new_block or prev is None or (
            not full and (bool(OPENER.match(line.text)) or bool(CLOSER.search(prev.text))))
        if new:
            chunks[-1].append([line])
        else:
            chunks[-1][-1].append(line)
        prev, prev_v = line, vline
    spaced = frozenset(line.no for line in page.lines if line.spaced)
    return furniture, [[_block(group, page.number) for group in chunk] for chunk in chunks], spaced


_LATIN_END = re.compile(r"[A-Za-z.,;:!?)]$")
_LATIN_START = re.compile(r"^[A-Za-z(]")


def _block(lines: Sequence[Line], page: int) -> Block:
    pieces = []
    prev: Line | None = None
    for line in lines:
        sep = ""
        if prev is not None and not prev.hyphen and _LATIN_END.search(prev.text) and _LATIN_START.search(line.text):
            sep = " "
        pieces.append(Piece(line.no, line.text, sep))
        prev = line
    return Block(tuple(pieces), page=page)


# ------------------------------------------------------------------ articles


def _segment_chunk(blocks: list[Block], spaced: frozenset[int], pages: PdfPages) -> list[Node]:
    """The nodes of a chunk of a page (a headline group at the top of its region and what
    follows it). The headline group is typed from the geometry: its largest type is the main
    headline, lines above it kickers, below it subtitles, body-type lines under it bylines;
    the rest goes through the text path's segmentation (paragraphs, leads, interviews,
    subheads, photos, jump lines)."""
    from archive.segment import SUBTITLE, byline_marks, segment_page

    def vline(block: Block) -> VLine | None:
        info = pages.lines.get(block.first_line)
        return info[1] if info else None

    heads: list[Block] = []
    for block in blocks:
        v = vline(block)
        if v is None or v.kind != "head" or (heads and v.article):
            break
        heads.append(block)
    if not heads or len(heads) == len(blocks) or any(no in spaced for b in heads for no in (b.first_line,)):
        return segment_page(blocks, spaced)  # a label, a banner, a headline alone: the text path decides
    first = vline(heads[0])
    bylines: list[Block] = []
    for block in blocks[len(heads):]:
        v = vline(block)
        text = block.text
        if v is None or len({p.line for p in block.pieces}) > 2 or len(text) > 40 or ends_sentence(text):
            break
        marks = byline_marks(text) or _role_names(text)
        if not marks and v.region == first.region and not has_punct(text):
            marks = tuple(Mark(a, b) for a, b in name_spans(text, strict=False))
        if not marks:
            break
        bylines.append(Block(block.pieces, marks, block.page))
    body = blocks[len(heads) + len(bylines):]
    sizes = [vline(b).size for b in heads]
    main = max(range(len(heads)), key=lambda i: (sizes[i], -i))
    top: list[Node] = []
    for i, block in enumerate(heads):
        kind = "main" if i == main else "kicker" if i < main else "sub"
        if i != main and SUBTITLE.match(block.text):
            kind = "sub"
        top.append(Node("head", block, attrs={"type": kind}))
    top += [Node("byline", b) for b in bylines]
    nodes = segment_page(body, spaced) if body else []
    # a short line at the top of the body is no section label of the page: the headline is above it
    labels = [n for n in nodes if n.kind == "fw" and n.attrs.get("type") == "section" and n.block is not None]
    nodes = [n for n in nodes if n not in labels]
    article = next((n for n in nodes if n.kind == "article"), None)
    if article is None:
        article = Node("article")
        nodes.append(article)
    lead = 0
    while lead < len(article.children) and article.children[lead].kind in ("head", "byline", "dateline"):
        lead += 1
    article.children[lead:lead] = [Node("p", _plain(n.block)) for n in labels]
    # body-type text the text path took for a headline is text: the headlines are above it
    lead = 0
    while lead < len(article.children) and article.children[lead].kind in ("head", "byline", "dateline"):
        lead += 1
    kept = [c for c in article.children[:lead] if c.kind != "head"]
    rest = article.children[lead:]
    for c in article.children[:lead]:
        if c.kind == "head" and c.block is not None:  # back where it was printed
            limit = _body_end(rest)
            at = next((k for k, r in enumerate(rest[:limit]) if (_first_line(r) or 0) > c.block.first_line
                       and r.kind in ("p", "sp")), limit)
            rest.insert(at, Node("p", _plain(c.block)))
    article.children = top + kept + rest
    nodes = _subheads(nodes, article, _continues(article, pages))
    article.attrs["subtype"] = "interview" if _has(article, "sp") else "news"
    return nodes


def _first_line(node: Node) -> int | None:
    if node.block is not None:
        return node.block.first_line
    for child in node.children:
        line = _first_line(child)
        if line is not None:
            return line
    return None


def _lines_of(node: Node) -> Iterator[int]:
    if node.block is not None:
        yield from (p.line for p in node.block.pieces)
    for child in node.children:
        yield from _lines_of(child)


def _continues(article: Node, pages: PdfPages) -> Callable[[Node], bool]:
    """Whether an untitled article the text path made in the chunk of ``article`` is more of
    its text: it starts in a region that already holds the article's text (a column the body
    runs on in, no headline between: the chunk starts at the headline), in the body type of
    the page, or it holds nothing but a jump line or a picture."""
    regions: set[int] = set()

    def test(node: Node) -> bool:
        if all(c.kind in ("jump", "figure") for c in node.children):
            return True
        first = _first_line(node)
        info = pages.lines.get(first) if first is not None else None
        if info is None:
            return False
        index, v = info
        layout = pages.layouts[index] if 0 <= index < len(pages.layouts) else None
        body = layout.body if layout is not None else v.size
        if not regions:  # asked only where the text path made an untitled piece: seldom
            for no in _lines_of(article):
                where = pages.lines.get(no)
                if where is not None and where[1].kind != "head":
                    regions.add(where[1].region)
        return v.region in regions and _same_size(v.size, body)

    return test


def _join(article: Node, children: list[Node]) -> None:
    """Append the children of an untitled piece to ``article``: sections, jumps and pictures
    after its sections, paragraphs into its last section (or its body), closing bylines last."""
    for c in children:
        if c.kind == "byline":
            article.children.append(c)
            continue
        tail = len(article.children)
        while tail > 0 and article.children[tail - 1].kind in ("byline", "dateline"):
            tail -= 1
        if c.kind in ("section", "jump", "figure"):
            article.children.insert(tail, c)
            continue
        last = next((x for x in reversed(article.children[:tail]) if x.kind == "section"), None)
        if last is not None:
            last.children.append(c)
        else:
            article.children.insert(tail, c)


def _subheads(nodes: list[Node], article: Node, joins: Callable[[Node], bool] | None = None) -> list[Node]:
    """Articles the text path made, in the region of ``article``, of a body-type headline: a
    headline is set larger than the text, so these are subheads of ``article``: sections.
    Untitled ones that ``joins`` says are more of its text join it; an empty one is dropped."""
    out: list[Node] = []
    for node in nodes:
        heads = [c for c in node.children if c.kind == "head"] if node.kind == "article" else []
        if node is not article and node.kind == "article" and not heads:
            if not node.children:
                continue
            if joins is not None and joins(node):
                _join(article, node.children)
                continue
        if node is article or not heads:
            out.append(node)
            continue
        main = next((c for c in heads if c.attrs.get("type") == "main"), heads[0])
        section = Node("section", children=[Node("head", main.block)])
        later = []
        for c in node.children:
            if c is main:
                continue
            if c.kind in ("head", "byline", "dateline"):
                section.children.append(Node("p", _plain(c.block)))
            elif c.kind == "section":
                later.append(c)
            else:
                section.children.append(c)
        lead = 0
        while lead < len(article.children) and article.children[lead].kind in ("head", "byline", "dateline"):
            lead += 1
        tail = len(article.children)  # bylines and datelines closing the article stay last
        while tail > lead and article.children[tail - 1].kind in ("byline", "dateline"):
            tail -= 1
        article.children[tail:tail] = [section, *later]
    return out


def _plain(block: Block) -> Block:
    return Block(block.pieces, (), block.page) if block.marks else block


def _body_end(children: list[Node]) -> int:
    """Where the paragraphs of an article's body end: before its sections and closing bylines."""
    end = next((k for k, c in enumerate(children) if c.kind == "section"), len(children))
    while end and children[end - 1].kind in ("byline", "dateline"):
        end -= 1
    return end


_ROLE = re.compile(r"记者|通讯员|实习生|撰稿人|撰稿|摄影")


def _role_names(text: str) -> tuple[Mark, ...]:
    """The names after each role word of a byline with several ("□本报驻埃及记者  韩晓明
    本报驻俄罗斯记者  曲  颂")."""
    roles = list(_ROLE.finditer(text))
    marks: list[Mark] = []
    for k, m in enumerate(roles):
        end = len(text)
        if k + 1 < len(roles):  # up to the word that holds the next role
            end = text.rfind(" ", m.end(), roles[k + 1].start()) + 1 or roles[k + 1].start()
        part = text[m.end():end]
        lead = len(part) - len(part.lstrip())
        spans = name_spans(part.strip(), strict=False)
        if not spans:
            return ()
        marks += [Mark(m.end() + lead + a, m.end() + lead + b) for a, b in spans]
    return tuple(marks)


def _has(node: Node, kind: str) -> bool:
    return any(c.kind == kind or _has(c, kind) for c in node.children)


# ------------------------------------------------------------------ continued articles


def link_continuations(pages: Sequence[Sequence[Node]], labels: Sequence[str]) -> int:
    """Set ``next``/``prev`` on article nodes continued on another page of the same PDF.

    An article whose jump note says 下转 N goes on in the article of the page
    labelled N whose jump note says 上接 (this page's label); of several, the one
    whose headline shares most with it. Article ids are ``a1``, ``a2`` ... in
    document order, as the TEI writer gives them. Returns the number of links.
    """
    from archive.segment import similarity

    ids: dict[int, str] = {}
    arts: list[tuple[int, Node]] = []
    for p, nodes in enumerate(pages):
        for node in nodes:
            if node.kind == "article":
                arts.append((p, node))
                ids[id(node)] = f"a{len(arts)}"
    by_label: dict[str, list[int]] = {}
    for p, label in enumerate(labels):
        by_label.setdefault(_norm_label(label), []).append(p)
    links = 0
    taken: set[int] = set()
    for p, node in arts:
        to = [j for j in _jumps(node) if j.attrs.get("subtype") == "to"]
        if not to or "next" in node.attrs:
            continue
        target_pages = by_label.get(_norm_label(to[-1].attrs.get("n", "")), [])
        here = _norm_label(labels[p])
        candidates = []
        for q, other in arts:
            if q not in target_pages or q == p or id(other) in taken or "prev" in other.attrs:
                continue
            if any(j.attrs.get("subtype") == "from" and _norm_label(j.attrs.get("n", "")) == here
                   for j in _jumps(other)):
                candidates.append(other)
        if not candidates:
            continue
        heads = _heads(node)
        best = max(candidates, key=lambda o: similarity(heads, _heads(o)) if heads else 0.0)
        node.attrs["next"] = "#" + ids[id(best)]
        best.attrs["prev"] = "#" + ids[id(node)]
        taken.add(id(best))
        links += 1
    return links


def _norm_label(label: str) -> str:
    label = (label or "").strip().upper()
    digits = label.lstrip("ABCDEFGHIJKLMNOPQRSTUVWXYZ")
    return label[: len(label) - len(digits)] + str(int(digits)) if digits.isdigit() else label


def _jumps(node: Node) -> Iterator[Node]:
    for child in node.children:
        if child.kind == "jump":
            yield child
        yield from _jumps(child)


def _heads(node: Node) -> list:
    from archive.segment import Item

    return [Item(c.block, "head") for c in node.children if c.kind == "head" and c.block is not None]


# ------------------------------------------------------------------ facsimile


@dataclass
class Facsimile:
    """Where the blocks of a converted PDF are: the TEI writer asks it for zones."""

    pages: PdfPages
    doc: Document
    text: dict[int, str] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.text = {line.no: line.text for page in self.doc.pages for line in page.lines if not line.blank}

    def surface(self, page_index: int) -> tuple[float, float] | None:
        layout = self.pages.layouts[page_index]
        return (layout.width, layout.height) if layout else None

    def label(self, page_index: int) -> str | None:
        layout = self.pages.layouts[page_index]
        return layout.label if layout else None

    def columns(self, page_index: int) -> list[Box]:
        """The box of each region of a page (a leaf of its XY cut: a column, a headline group
        over columns, a picture with its caption), in reading order (``VLine.region``)."""
        layout = self.pages.layouts[page_index]
        return layout.regions if layout else []

    def zones(self, block: Block) -> list[tuple[int, Box]]:
        """(page index, box) of each column part of a block; a block that starts or ends in
        mid-line gets that share of the line's width."""
        out: list[tuple[int, Box]] = []
        key = None
        x0 = top = x1 = bottom = 0.0
        pos: dict[int, int] = {}
        lines, texts = self.pages.lines, self.text
        for piece in block.pieces:
            info = lines.get(piece.line)
            if info is None:
                continue
            page, v = info
            a, b = v.x0, v.x1
            text = texts.get(piece.line)
            if text and piece.text != text:
                start = 0 if piece.starts_line else max(text.find(piece.text, pos.get(piece.line, 0)), 0)
                end = start + len(piece.text)
                pos[piece.line] = end
                a, b = v.x0 + (v.x1 - v.x0) * start / len(text), v.x0 + (v.x1 - v.x0) * min(end, len(text)) / len(text)
            t, u = v.base - ASCENT * v.size, v.base + DESCENT * v.size
            part = (page, v.region)
            if part == key:
                x0, top, x1, bottom = min(x0, a), min(top, t), max(x1, b), max(bottom, u)
                continue
            if key is not None:
                out.append((key[0], Box(x0, top, x1, bottom)))
            key, x0, top, x1, bottom = part, a, t, b, u
        if key is not None:
            out.append((key[0], Box(x0, top, x1, bottom)))
        return out

    def picture(self, blocks: Sequence[Block]) -> tuple[int, Box] | None:
        """The picture a figure's caption or credit is under (or over)."""
        for block in blocks:
            info = self.pages.lines.get(block.first_line)
            if info is None:
                continue
            page, vline = info
            layout = self.pages.layouts[page]
            if not layout or not layout.images:
                return None
            best = min(layout.images, key=lambda img: _distance(vline, img, layout.body))
            return (page, best) if _distance(vline, best, layout.body) <= 12 * layout.body else None
        return None


def _distance(line: VLine, img: Box, body: float) -> float:
    """How far a line is from a picture: vertically, and far when not under or over it."""
    overlap = min(line.x1, img.x1) - max(line.x0, img.x0)
    dy = max(line.top - img.bottom, img.top - line.bottom, 0.0)
    return dy + (0 if overlap > 0 else 10 * body + abs(line.x0 - img.x0))


# ------------------------------------------------------------------ conversion


def convert_pdf(name: str, data: bytes, meta, password: str | None = None, keep_going: bool = False,
                check: Callable | None = None):
    """Nodes, document and facsimile of a PDF (see ``pipeline.convert_pdf``)."""
    from archive.normalize import normalize

    pages = read_pdf(name, data, password, keep_going)
    with gc_paused():
        doc = normalize(pages.source)
        out: list[list[Node]] = []
        for index in range(len(doc.pages)):
            furniture, chunks, spaced = page_blocks(pages, doc, index)
            nodes = [Node("fw", b, attrs={"type": "header"}) for b in furniture]
            for blocks in chunks:
                nodes += _segment_chunk(blocks, spaced, pages)
            out.append(nodes)
        labels = [(layout.label if layout and layout.label else str(i + 1)) for i, layout in enumerate(pages.layouts)]
        link_continuations(out, labels)
    return doc, out, Facsimile(pages, doc), pages.problems

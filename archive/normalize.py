"""Normalize the text of a page and record every edit.

Rules (each edit carries its rule name):

- ``page-break``: a form feed ends a page (the character is removed).
- ``invisible``: zero-width characters and soft hyphens are removed.
- ``xml-forbidden``: characters XML 1.0 forbids are removed.
- ``nfc``: a character sequence is replaced by its NFC form (never NFKC:
  that would turn "，" into ",").
- ``trim``: spaces at the start and end of a line are removed; the width of a
  leading indent is kept on the line as evidence for paragraph starts.
- ``letter-spacing``: a letter-spaced line ("高 质 量 发 展") is collapsed.
- ``cjk-ascii-space``: typesetting spaces between a Han character or CJK
  punctuation and an ASCII letter or digit are removed ("12 月" -> "12月").
- ``space-char``: other spaces (tab, no-break, ideographic ...) become " ".
- ``line-end-hyphen``: a hyphen that breaks a Latin word across two lines is
  removed (the lines are later joined without a space).

Spaces between two Han characters are kept: they often carry meaning
("创新驱动 质引未来", "本报记者 刘茜").
"""

from __future__ import annotations

import os.path
import re
import unicodedata

from archive.chars import CJK, char_width
from archive.model import Document, Edit, Line, Page, Source, gc_paused

_INVISIBLE = "\u00ad\u200b\u200c\u200d\u2060\ufeff\u180e"
_FORBIDDEN = "\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff"
_REMOVE = re.compile(f"[{_INVISIBLE}{_FORBIDDEN}]")
# Anything that may need an edit (a form feed too) but a sequence NFC changes: most lines
# have none and take a fast path.
_NEEDS_WORK = re.compile(f"[\\s{_INVISIBLE}{_FORBIDDEN}]")
_CJK_ASCII = re.compile(f"(?<=[{CJK}])\\s+(?=[A-Za-z0-9])|(?<=[A-Za-z0-9])\\s+(?=[{CJK}])")
_OTHER_SPACE = re.compile(r"[^\S ]")  # whitespace that is not a plain space
_LATIN_HYPHEN = re.compile(r"[A-Za-z]-$")


class _Line:
    """A line being edited: its text and, per character, the span of the source line it came from.

    An edit always covers whole source spans: when it reaches over characters an
    earlier edit removed or produced, it absorbs that edit, so the recorded edits
    never overlap and each ``before`` is exactly the source text at its column.
    """

    def __init__(self, text: str):
        self.raw = text
        self.text = text
        self.start = list(range(len(text)))  # per character: where its source span starts
        self.end = list(range(1, len(text) + 1))  # ... and ends
        self.edits: list[tuple[int, str, str, str]] = []  # (source column, before, after, rule)

    def replace(self, start: int, end: int, new: str, rule: str) -> None:
        lo, hi = self.start[start], self.end[end - 1]
        while start > 0 and self.end[start - 1] > lo:  # output of an earlier edit: take all of it
            start -= 1
            new = self.text[start] + new
            lo = min(lo, self.start[start])
        while end < len(self.text) and self.start[end] < hi:
            new += self.text[end]
            end += 1
            hi = max(hi, self.end[end - 1])
        self.edits = [e for e in self.edits if not lo <= e[0] < hi]
        self.edits.append((lo, self.raw[lo:hi], new, rule))
        self.text = self.text[:start] + new + self.text[end:]
        self.start[start:end] = [lo] * len(new)
        self.end[start:end] = [hi] * len(new)

    def sub(self, pattern: re.Pattern[str], repl: str, rule: str) -> None:
        for m in reversed(list(pattern.finditer(self.text))):
            self.replace(m.start(), m.end(), repl, rule)


def _letter_spaced(text: str) -> bool:
    """Three or more single characters, every gap the same run of spaces."""
    tokens = text.split()
    if len(tokens) < 3 or any(len(t) != 1 for t in tokens):
        return False
    if sum(char_width(t) == 1 for t in tokens) * 2 < len(tokens):
        return False
    gaps = {re.sub(r"\s", " ", gap) for gap in re.findall(r"\s+", text)}  # as space-char leaves them
    return len(gaps) == 1


def _normalize_line(raw: str) -> tuple[str, float, float, bool, list[tuple[int, str, str, str]]]:
    """Returns (text, indent width, width of removed inner spaces, letter-spaced, edits)."""
    if not _NEEDS_WORK.search(raw) and unicodedata.is_normalized("NFC", raw):
        return raw, 0.0, 0.0, False, []
    if _only_typesetting_spaces(raw):
        return _drop_typesetting_spaces(raw)
    line = _Line(raw)
    for m in reversed(list(_REMOVE.finditer(line.text))):
        ch = m.group()
        line.replace(m.start(), m.end(), "", "invisible" if ch in _INVISIBLE else "xml-forbidden")
    if not unicodedata.is_normalized("NFC", line.text):
        _nfc(line)
    stripped = line.text.strip()
    lead = len(line.text) - len(line.text.lstrip())
    indent = sum(char_width(c) if c != "\t" else 1.0 for c in line.text[:lead])
    if len(line.text) - lead - len(stripped):
        line.replace(lead + len(stripped), len(line.text), "", "trim")
    if lead:
        line.replace(0, lead, "", "trim")
    spaced = _letter_spaced(line.text)
    if spaced:
        line.sub(re.compile(r"\s+"), "", "letter-spacing")
    line.sub(_CJK_ASCII, "", "cjk-ascii-space")
    # by rule, not list position: an edit may absorb an earlier one (a zero-width char in a gap)
    pad = sum(
        char_width(c)
        for _, old, _, rule in line.edits
        if rule in ("letter-spacing", "cjk-ascii-space")
        for c in old
        if c.isspace()
    )
    line.sub(_OTHER_SPACE, " ", "space-char")
    line.edits.sort(key=lambda e: e[0])
    return line.text, indent, pad, spaced, line.edits


def _only_typesetting_spaces(raw: str) -> bool:
    """The common case: plain spaces inside a clean line, no other rule applies."""
    return (
        raw[:1] != " "
        and raw[-1:] != " "
        and not _REMOVE.search(raw)
        and not _OTHER_SPACE.search(raw)
        and unicodedata.is_normalized("NFC", raw)
        and not _letter_spaced(raw)
    )


def _drop_typesetting_spaces(raw: str) -> tuple[str, float, float, bool, list[tuple[int, str, str, str]]]:
    """The cjk-ascii-space rule alone, without the general machinery."""
    edits = []
    out = []
    last = 0
    for m in _CJK_ASCII.finditer(raw):
        edits.append((m.start(), m.group(), "", "cjk-ascii-space"))
        out.append(raw[last : m.start()])
        last = m.end()
    out.append(raw[last:])
    pad = sum(len(old) for _, old, _, _ in edits) * 0.5
    return "".join(out), 0.0, pad, False, edits


def _nfc(line: _Line) -> None:
    """Replace each base character with its combining marks by its NFC form."""
    clusters = list(re.finditer(r".[\u0300-\u036f\u1ab0-\u1aff\u20d0-\u20ff\ufe20-\ufe2f]*", line.text, re.S))
    for m in reversed(clusters):
        cluster = m.group()
        nfc = unicodedata.normalize("NFC", cluster)
        if nfc != cluster:
            line.replace(m.start(), m.end(), nfc, "nfc")
    rest = unicodedata.normalize("NFC", line.text)
    if rest != line.text:  # marks the cluster pattern does not know: one edit for the changed span
        text = line.text
        head = len(os.path.commonprefix([text, rest]))
        tail = len(os.path.commonprefix([text[head:][::-1], rest[head:][::-1]]))
        if head + tail >= len(text):
            head, tail = 0, 0
        line.replace(head, len(text) - tail, rest[head : len(rest) - tail], "nfc")


def normalize(source: Source) -> Document:
    """Normalize every line of ``source``; split pages at form feeds."""
    with gc_paused():
        return _normalize(source)


def _normalize(source: Source) -> Document:
    pages: list[Page] = []
    lines: list[Line] = []
    edits: list[Edit] = []
    offset = 0
    needs_work, is_normalized = _NEEDS_WORK.search, unicodedata.is_normalized
    for no, raw_line in enumerate(source.text.split("\n"), start=1):
        if not raw_line:  # fast path: a blank line
            lines.append(Line(no, ""))
            offset += 1
            continue
        if not needs_work(raw_line) and is_normalized("NFC", raw_line):
            lines.append(Line(no, raw_line))  # fast path: a line with nothing to edit
            offset += len(raw_line) + 1
            continue
        parts = raw_line.split("\f") if "\f" in raw_line else (raw_line,)
        part_offset = offset
        for i, raw in enumerate(parts):
            if i:  # a form feed came before this part: new page
                edits.append(Edit(part_offset - 1, no, part_offset - offset, "\f", "", "page-break"))
                pages.append(Page(len(pages) + 1, tuple(lines)))
                lines = []
            text, indent, pad, spaced, line_edits = _normalize_line(raw)
            for col, before, after, rule in line_edits:
                at = part_offset - offset + col
                edits.append(Edit(offset + at, no, at + 1, before, after, rule))
            lines.append(Line(no, text, indent, spaced, pad=pad))
            part_offset += len(raw) + 1
        offset += len(raw_line) + 1
    pages.append(Page(len(pages) + 1, tuple(lines)))
    if "-" in source.text:  # (no hyphen, nothing to do)
        pages = [_dehyphenate(page, edits, source.text) for page in pages]
    if source.text.endswith("\n"):  # the empty "line" after the final newline is not a line
        last = pages[-1]
        if last.lines and last.lines[-1].blank and last.lines[-1].no > source.text.count("\n"):
            pages[-1] = Page(last.number, last.lines[:-1])
    edits.sort(key=lambda e: (e.offset, e.rule))
    return Document(source, tuple(pages), tuple(edits))


def _dehyphenate(page: Page, edits: list[Edit], text: str) -> Page:
    """Remove a hyphen that breaks a Latin word before a line starting in lowercase."""
    lines = list(page.lines)
    starts = None
    for i in range(len(lines) - 1):
        cur, nxt = lines[i], lines[i + 1]
        if not (cur.text.endswith("-") and _LATIN_HYPHEN.search(cur.text)
                and nxt.text[:1].islower() and nxt.text[:1].isascii()):
            continue
        if starts is None:
            starts = _line_starts(text)
        # the hyphen's column in the source line: find it from the end of the raw line
        raw = text[starts[cur.no - 1] : (starts[cur.no] - 1 if cur.no < len(starts) else len(text))]
        col = raw.rstrip().rfind("-")
        edits.append(Edit(starts[cur.no - 1] + col, cur.no, col + 1, "-", "", "line-end-hyphen"))
        lines[i] = Line(cur.no, cur.text[:-1], cur.indent, cur.spaced, hyphen=True, pad=cur.pad)
    return Page(page.number, tuple(lines))


def _line_starts(text: str) -> list[int]:
    starts = [0]
    for m in re.finditer("\n", text):
        starts.append(m.end())
    return starts


def normalized_text(doc: Document) -> str:
    """The normalized text as ``archive normalize`` prints it."""
    return "\f".join("\n".join(line.text for line in page.lines) for page in doc.pages) + "\n"

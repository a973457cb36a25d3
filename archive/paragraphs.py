"""Restore the paragraphs that column wraps split.

Every boundary between two consecutive non-blank lines is either a join
(the same block goes on) or a break. The evidence, from any page:

- the column width, estimated locally from the neighbouring lines (it
  varies between articles on one page);
- whether a line is full (about the column width), short, or wider than
  the column (another frame: a caption, a spanning headline);
- sentence punctuation at the end of a line, and whether a line holds any
  sentence punctuation at all (headings, subheads and bylines hold none);
- blank lines (paragraph breaks, but also column breaks in mid-sentence);
- the start of the next line (a byline, a question, a jump note, a
  subtitle dash open a new block) and, where the extractor kept them,
  paragraph indents.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from archive.chars import ends_sentence, has_punct, width
from archive.model import Block, Document, Line, Page, Piece

# A line that starts one of these opens a new block, whatever came before.
OPENER = re.compile(
    r"^(?:[□■▲△●○◆◇★☆▼▽]"
    r"|——|—\s*—"
    r"|(?:问|答|主持人)\s*[：:]"
    r"|[（(]\s*(?:下转|上接|转第|接第|转\d|接\d)"
    r"|本报(?:讯|记者|通讯员|评论员|特约)"
    r"|(?:据)?(?:新华社|中新社)"
    r"|图为|(?:图|文|摄影|摄)\s*[／/|｜:：]"
    r")"
)
# A line that is one of these ends its block.
CLOSER = re.compile(r"(?:[（(]\s*(?:下转|上接|转第|接第|转\d|接\d)[^）)]*[）)]\s*$|摄\s*$)")
_LATIN_END = re.compile(r"[A-Za-z.,;:!?)]$")
_LATIN_START = re.compile(r"^[A-Za-z(]")

FULL_TOLERANCE = 1.25  # em: a line this close to the column width is full
WINDOW = 8  # lines on each side used to estimate the column width


@dataclass(frozen=True)
class _Info:
    line: Line
    gap: int  # blank lines before this line
    width: float
    column: float  # local column width
    heading: bool  # not column-wide, no sentence punctuation: heading, subhead, byline


def _column_widths(widths: Sequence[float], body: Sequence[bool]) -> list[float]:
    """Local column width: the median width of nearby body lines (most are full)."""
    out = []
    n = len(widths)
    for i in range(n):
        lo, hi = max(0, i - WINDOW), min(n, i + WINDOW + 1)
        near = sorted(widths[j] for j in range(lo, hi) if body[j])
        if not near:
            near = sorted(widths[lo:hi])
        out.append(near[len(near) // 2])
    return out


def _indent_informative(lines: Sequence[Line]) -> bool:
    """True when some lines (not all) keep a paragraph indent of an em or more."""
    if not lines:
        return False
    indented = sum(1 for line in lines if line.indent >= 1)
    return 0 < indented <= len(lines) * 0.6


def _is_break(p: _Info, n: _Info, use_indent: bool) -> bool:
    """Decide whether a new block starts at ``n``, after ``p``."""
    if use_indent and n.line.indent >= 1:
        return True
    if OPENER.match(n.line.text) or CLOSER.search(p.line.text):
        return True
    if p.line.hyphen:
        return False
    column = max(p.column, n.column)
    p_full = p.width >= column - FULL_TOLERANCE
    n_full = n.width >= column - FULL_TOLERANCE
    p_wide = p.width > column + 2.5
    n_wide = n.width > column + 2.5
    if p_wide != n_wide:
        return True  # a different frame: caption, spanning headline
    if p.heading:
        if n.gap:
            return True
        if n.heading:  # a heading wrapped over two lines
            return not (p_full or n.width <= p.width / 2)
        # a paragraph's first line that happens to hold no punctuation
        return not (column - 3.5 <= p.width <= column + 1 and n_full)
    if ends_sentence(p.line.text):
        return not p_full or n.gap > 0
    if n.heading and not p_full and not n_full:
        return True  # e.g. a kicker (with commas) above a main headline
    return False


def restore_page(page: Page) -> list[Block]:
    """Group the lines of a page into blocks (paragraphs, headings ...)."""
    infos: list[_Info] = []
    gap = 0
    lines = [line for line in page.lines if not line.blank]
    widths = [width(line.text) for line in lines]
    body = [has_punct(line.text) for line in lines]
    columns = _column_widths(widths, body)
    k = 0
    for line in page.lines:
        if line.blank:
            gap += 1
            continue
        odd = not columns[k] - FULL_TOLERANCE <= widths[k] <= columns[k] + 2.5  # short or wide
        infos.append(_Info(line, gap, widths[k], columns[k], odd and not body[k]))
        k += 1
        gap = 0
    use_indent = _indent_informative(lines)
    blocks: list[list[_Info]] = []
    for i, info in enumerate(infos):
        if i == 0 or _is_break(infos[i - 1], info, use_indent):
            blocks.append([info])
        else:
            blocks[-1].append(info)
    return [_block(group, page.number) for group in blocks]


def _block(group: Sequence[_Info], page: int) -> Block:
    pieces = []
    prev: Line | None = None
    for info in group:
        sep = ""
        if prev is not None and not prev.hyphen:
            if _LATIN_END.search(prev.text) and _LATIN_START.search(info.line.text):
                sep = " "
        pieces.append(Piece(info.line.no, info.line.text, sep))
        prev = info.line
    return Block(tuple(pieces), page=page)


def restore(doc: Document) -> list[list[Block]]:
    """Blocks of every page of a normalized document."""
    return [restore_page(page) for page in doc.pages]

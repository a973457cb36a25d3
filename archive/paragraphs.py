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
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from archive.chars import ends_sentence, has_punct, is_han, width
from archive.model import Block, Document, Line, Page, Piece
from archive.names import name_spans

# A line that starts one of these opens a new block, whatever came before.
OPENER = re.compile(
    r"^(?:[□■▲△●○◆◇★☆▼▽]"
    r"|(?:问|答|主持人)\s*[：:]"
    r"|[（(]\s*(?:下转|上接|转第|接第|转\d|接\d)"
    r"|本报(?:讯|记者|通讯员|评论员|特约)"
    r"|(?:据)?(?:新华社|中新社|本报)[^\s，。：:（()）]{1,12}?电"
    r"|(?:图|文|摄影|摄)\s*[／/|｜:：]"
    r")"
)
SUBTITLE = re.compile(r"^(?:——|—\s*—)")  # opens a block after a headline or a finished sentence
_MARKED = re.compile(r"^[□■▲△●○◆◇★☆▼▽]")
_DATELINE = re.compile(r"(?:据)?(?:新华社|中新社|本报)[^\s，。：:（()）]{1,12}?电")
# A line that is one of these ends its block.
CLOSER = re.compile(r"(?:[（(]\s*(?:下转|上接|转第|接第|转\d|接\d)[^）)]*[）)]\s*$|(?:摄|摄影|摄影报道|供图)\s*(?:[（(][^（()）]{1,12}[）)])?\s*$)")
# A line ending in one of these stops in mid-sentence.
_GOES_ON = re.compile(r"[，、“‘（《〈【]$")
# ... and one ending in these may end a paragraph (a list item, an introduction).
_PAUSE = re.compile(r"(?:[；;：:]|——)[”’」』）)]*$")
_PAREN_LINE = re.compile(r"^[（(][^（()）]{1,30}[）)]$")
_PAIRS = (("“", "”"), ("‘", "’"), ("（", "）"), ("《", "》"), ("【", "】"), ("〈", "〉"))
_LATIN_END = re.compile(r"[A-Za-z.,;:!?)]$")
_LATIN_START = re.compile(r"^[A-Za-z(]")

FULL_TOLERANCE = 1.25  # em: a line this close to the column width is full
INDENT = 2.0  # em: the usual paragraph indent
WINDOW = 8  # lines on each side used to estimate the column width
NEARBY = 300  # lines on each side searched for a word cut by a line break
GAP = 0.5  # share of a removed space's width that was printed: a Han-Latin gap is a quarter em


@dataclass(frozen=True)
class _Info:
    line: Line
    gap: int  # blank lines before this line
    width: float
    column: float  # local column width
    heading: bool  # not column-wide, no sentence punctuation: heading, subhead, byline


def _column_widths(widths: Sequence[float], body: Sequence[bool], runs: Sequence[int]) -> list[float]:
    """Local column width: the median width of nearby lines in mid-paragraph.

    ``body`` marks lines that are neither a paragraph's first line nor its
    last (those are shorter): they are full. Nearby means within WINDOW
    lines and, when that gives enough lines, in the same run of lines between
    blank lines (so a caption beside an article does not borrow its width).
    """
    out = []
    n = len(widths)
    for i in range(n):
        lo, hi = max(0, i - WINDOW), min(n, i + WINDOW + 1)
        near = [widths[j] for j in range(lo, hi) if body[j] and runs[j] == runs[i]]
        if len(near) < 4:
            near = [widths[j] for j in range(lo, hi) if body[j]] or list(widths[lo:hi])
        near.sort()
        out.append(near[len(near) // 2])
    return out


def _indent_informative(lines: Sequence[Line]) -> bool:
    """True when some lines (not all) keep a paragraph indent of an em or more."""
    if not lines:
        return False
    indented = sum(1 for line in lines if line.indent >= 1)
    return 0 < indented <= len(lines) * 0.6


def _is_break(
    p: _Info,
    n: _Info,
    use_indent: bool,
    nearby: Callable[[], str] | None = None,
    p_opens: bool = True,
) -> bool:
    """Decide whether a new block starts at ``n``, after ``p``.

    ``nearby`` gives the text of the lines around the break: a character
    pair that the break cuts and that occurs there is evidence of a word
    wrapped across the break. ``p_opens`` tells whether ``p`` opened its
    block (only a block's first line can have lost an indent).
    """
    if use_indent and n.line.indent >= 1:
        return True
    ptext, ntext = p.line.text, n.line.text
    if OPENER.match(ntext) or CLOSER.search(ptext):
        return True
    if p.line.hyphen:
        return False
    if not n.gap and (_GOES_ON.search(ptext) or _unbalanced(ptext) or _DATELINE.fullmatch(ptext)):
        return False
    if not n.gap and _unopened(ntext):
        return False  # a line closing a quote or bracket it did not open goes on from before
    if p.heading and _MARKED.match(ptext) and p.width <= 12:
        return True  # a byline line ("□本报记者 刘茜") ends its block
    if p.heading and name_spans(ntext) and not _word_across(ptext, ntext, nearby):
        return True  # a line of names (a byline) after a headline
    if not n.gap and _PAREN_LINE.match(ntext) and not ends_sentence(ptext):
        return False  # a headline's bracketed column tag on its own line
    if n.width <= 3 and n.heading and not ends_sentence(ptext) and not n.gap:
        # the last few characters of a wrapped line, or a short byline
        if _word_across(ptext, ntext, nearby):
            return False
        return bool(name_spans(ntext)) or ptext.endswith(("）", ")"))
    if re.search(r"\s\S$", ptext) and not n.gap:
        return False  # a phrase cut after its first character ("…计划 培")
    if SUBTITLE.match(ntext) and (p.heading or ends_sentence(ptext) or not has_punct(ntext)):
        return True
    column = p.column
    p_full = p.width >= p.column - FULL_TOLERANCE
    n_full = n.width >= n.column - FULL_TOLERANCE
    # the shape of a first line whose two-character indent the extractor dropped
    p_first = p.column - INDENT - 0.75 <= p.width < p.column - FULL_TOLERANCE
    n_first = n.column - INDENT - 0.75 <= n.width < n.column - FULL_TOLERANCE
    # shorter still: a block's last line (or a heading)
    p_short = p.width < p.column - INDENT - 0.75
    n_short = n.width < n.column - INDENT - 0.75
    p_wide = p.width > p.column + 2.5
    n_wide = n.width > n.column + 2.5
    if p_wide != n_wide:
        return True  # a different frame: caption, spanning headline
    if _PAUSE.search(ptext) and not p_full:
        # "…原则：" then a list item; a line shorter than a first line ends its block
        return bool(n.gap) or n_first or n.heading or p.heading or p_short
    if p.heading:
        if n.gap:  # a column break inside a first line that holds no punctuation cuts a word
            return not (n_full and not n.heading and _word_across(ptext, ntext, nearby))
        if n.heading:  # a heading wrapped over two lines, or a headline and a byline
            if name_spans(ntext):
                return True
            return not (p_full or n.width <= p.width / 2 or _word_across(ptext, ntext, nearby))
        # a paragraph's first line that happens to hold no punctuation, then a full line
        # or the paragraph's short last line
        n_last = n_short and has_punct(ntext) and not _PAUSE.search(ntext)
        return not (column - 3.5 <= p.width <= column + 1 and (n_full or n_last))
    if ends_sentence(ptext):
        if p_first and p_opens and not n.gap and n_full and not n.heading:
            return False  # an indented first line that ends a sentence; the paragraph goes on
        if not p_full or n.gap:
            return True
        # a full last line, then a subhead or an indented first line (at the edge of full
        # when a comma hangs at its end)
        edge = n.width <= n.column - FULL_TOLERANCE
        if n.heading or n_first or edge and not n_short:
            return True
        # a short line is a block's last line only if it ends one
        return n_short and not (ends_sentence(ntext) or _PAUSE.search(ntext))
    if n.gap and (n.heading or n_first or not (p_full or p_first or p_wide)):
        return True  # a column break follows a full line and goes on mid-paragraph
    if n.heading and not n_full:
        # e.g. a kicker (with commas) above a headline; but a line ending in a lead-in dash
        # ends a text
        if _word_across(ptext, ntext, nearby) or ntext.endswith("——"):
            return False
        # a headline holding commas, wrapped: its short first line opens the block
        return not (p_opens and not p_full and not ptext.endswith("——") and not name_spans(ntext))
    if not has_punct(ptext) and n_first and not ends_sentence(ntext) and not _word_across(ptext, ntext, nearby):
        return True  # a full-width title line, then an indented first line
    if p_full or p_first or p_wide:
        return False  # the sentence goes on, across a column break if need be
    return n.gap > 0 or n_first  # a short line that stops mid-sentence: a title, a label


def _word_across(ptext: str, ntext: str, nearby: Callable[[], str] | None) -> bool:
    """The two characters on either side of the break occur together nearby."""
    if nearby is None or not ptext or not ntext:
        return False
    pair = ptext[-1] + ntext[0]
    return is_han(pair[0]) and is_han(pair[1]) and pair in nearby()


def _unbalanced(text: str) -> bool:
    """An opening quote or bracket whose closing partner is not on the line."""
    return any(text.count(a) > text.count(b) for a, b in _PAIRS)


def _unopened(text: str) -> bool:
    """A closing quote or bracket before any opening partner on the line."""
    for a, b in _PAIRS:
        i = text.find(b)
        if i >= 0 and not 0 <= text.find(a) < i:
            return True
    return False


def features(page: Page) -> list[_Info]:
    """The evidence for every non-blank line of a page."""
    lines = [line for line in page.lines if not line.blank]
    widths = [width(line.text) + GAP * line.pad for line in lines]
    punct = [has_punct(line.text) for line in lines]
    mid = [
        (punct[i] or punct[i - 1]) and not ends_sentence(lines[i].text) and not ends_sentence(lines[i - 1].text)
        for i in range(1, len(lines))
    ]
    body = [False, *mid] if lines else []
    if sum(body) < 4:
        body = punct
    runs, run = [], 0
    for line in page.lines:
        if line.blank:
            run += 1
        else:
            runs.append(run)
    columns = _column_widths(widths, body, runs)
    infos: list[_Info] = []
    gap = 0
    for line in page.lines:
        if line.blank:
            gap += 1
            continue
        k = len(infos)
        odd = not columns[k] - FULL_TOLERANCE <= widths[k] <= columns[k] + 2.5  # short or wide
        infos.append(_Info(line, gap, widths[k], columns[k], odd and not punct[k]))
        gap = 0
    return infos


def breaks(infos: Sequence[_Info]) -> list[bool]:
    """For every line of a page (as ``features`` gives them): does a new block start there?"""
    use_indent = _indent_informative([i.line for i in infos])
    texts = [i.line.text for i in infos]
    out: list[bool] = []
    opened = 0  # index of the line that opened the current block
    for i, info in enumerate(infos):
        def nearby(i: int = i) -> str:
            return "\n".join(texts[max(0, i - NEARBY) : i + NEARBY])

        new = i == 0 or _is_break(infos[i - 1], info, use_indent, nearby, opened == i - 1)
        if new:
            opened = i
        out.append(new)
    return out


def restore_page(page: Page) -> list[Block]:
    """Group the lines of a page into blocks (paragraphs, headings ...)."""
    infos = features(page)
    blocks: list[list[_Info]] = []
    for info, new in zip(infos, breaks(infos), strict=True):
        if new:
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

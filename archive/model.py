"""The small data model every stage works on.

A page is a list of source lines after normalization. Later stages group
lines into blocks (a paragraph, a heading, a byline ...) and blocks into
articles. A block keeps, for every piece of its text, the source line the
piece came from, so that the TEI can point back to the input.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import MISSING, dataclass, field, fields


@dataclass(frozen=True, slots=True)
class Edit:
    """One normalization edit, in terms of the decoded input text."""

    offset: int  # character offset in the decoded input (after line-end unification)
    line: int  # 1-based source line
    column: int  # 1-based column in that source line
    before: str
    after: str
    rule: str


@dataclass(frozen=True, slots=True)
class Line:
    """A source line after normalization (text may be empty: a blank line)."""

    no: int  # 1-based line number in the input
    text: str
    indent: float = 0.0  # width of the leading whitespace that was removed
    spaced: bool = False  # the line was letter-spaced ("高 质 量") and collapsed
    hyphen: bool = False  # a word-breaking hyphen at its end was removed
    pad: float = 0.0  # width of the typesetting spaces removed inside it (it was printed that wide)

    @property
    def blank(self) -> bool:
        return not self.text


@dataclass(frozen=True, slots=True)
class Page:
    number: int  # 1-based position in the input (form feeds separate pages)
    lines: tuple[Line, ...]


@dataclass(frozen=True, slots=True)
class Source:
    """What was read: the decoded text and facts about the file."""

    name: str  # file name as given ("-" for stdin)
    sha256: str
    encoding: str
    text: str  # decoded, line ends unified to "\n"
    line_ends: str = "LF"  # LF, CRLF, CR or mixed


@dataclass(frozen=True, slots=True)
class Document:
    """A normalized page sequence plus every edit that made it."""

    source: Source
    pages: tuple[Page, ...]
    edits: tuple[Edit, ...]


@dataclass(frozen=True, slots=True)
class Piece:
    """A run of one source line's text inside a block."""

    line: int  # source line number
    text: str
    sep: str = ""  # what joins it to the piece before ("" or " ")
    starts_line: bool = True  # False when a block was split in mid-line


@dataclass(frozen=True, slots=True)
class Mark:
    """An inline span inside a block's text, e.g. a person's name."""

    start: int
    end: int
    kind: str = "persName"


@dataclass(frozen=True, slots=True)
class Block:
    """Consecutive text of one paragraph, heading, byline ...: pieces of lines."""

    pieces: tuple[Piece, ...]
    marks: tuple[Mark, ...] = ()
    page: int = 1

    @property
    def text(self) -> str:
        return "".join(p.sep + p.text for p in self.pieces)

    @property
    def first_line(self) -> int:
        return self.pieces[0].line

    @property
    def last_line(self) -> int:
        return self.pieces[-1].line

    def split(self, at: int) -> tuple[Block, Block]:
        """Cut the block at character offset ``at`` of ``text``."""
        if not 0 < at < len(self.text):
            raise ValueError(f"split point {at} outside block of length {len(self.text)}")
        head: list[Piece] = []
        tail: list[Piece] = []
        pos = 0
        for piece in self.pieces:
            sep_end = pos + len(piece.sep)
            end = sep_end + len(piece.text)
            if end <= at:
                head.append(piece)
            elif pos >= at:
                tail.append(piece if tail else Piece(piece.line, piece.text, "", piece.starts_line))
            else:
                cut = max(at - sep_end, 0)
                if cut:
                    head.append(Piece(piece.line, piece.text[:cut], piece.sep, piece.starts_line))
                    tail.append(Piece(piece.line, piece.text[cut:], "", False))
                else:
                    tail.append(Piece(piece.line, piece.text, "", piece.starts_line))
            pos = end
        tail_text = "".join(p.sep + p.text for p in tail)
        shift = len(self.text) - len(tail_text)  # ``at`` plus a separator dropped at the cut
        marks_head = tuple(m for m in self.marks if m.end <= at)
        marks_tail = tuple(
            Mark(m.start - shift, m.end - shift, m.kind) for m in self.marks if m.start >= shift
        )
        return (
            Block(tuple(head), marks_head, self.page),
            Block(tuple(tail), marks_tail, self.page),
        )

    def strip(self) -> Block:
        """Drop leading/trailing spaces of the text (they are never content)."""
        text = self.text
        lead = len(text) - len(text.lstrip())
        block = self
        if lead:
            block = block.split(lead)[1]
        trail = len(block.text) - len(block.text.rstrip())
        if trail:
            block = block.split(len(block.text) - trail)[0]
        return block


@dataclass(slots=True)
class Node:
    """An element of the segmented page; ``kind`` names its TEI role."""

    kind: str
    block: Block | None = None
    children: list[Node] = field(default_factory=list)
    attrs: dict[str, str] = field(default_factory=dict)


def _quick_init(cls: type) -> None:
    """Give a frozen slotted dataclass an ``__init__`` that sets each slot through its
    descriptor, not ``object.__setattr__``: the same signature, in about half the time
    (millions of lines and pieces are built)."""
    ns: dict[str, object] = {}
    params, body = [], []
    for f in fields(cls):
        assert f.init and f.default_factory is MISSING, f"{cls.__name__}.{f.name}"
        ns["set_" + f.name] = getattr(cls, f.name).__set__
        if f.default is MISSING:
            params.append(f.name)
        else:
            ns["default_" + f.name] = f.default
            params.append(f"{f.name}=default_{f.name}")
        body.append(f"    set_{f.name}(self, {f.name})")
    exec(f"def __init__(self, {', '.join(params)}):\n" + "\n".join(body), ns)
    init = ns["__init__"]
    init.__qualname__ = f"{cls.__qualname__}.__init__"
    cls.__init__ = init


for _cls in (Edit, Line, Page, Source, Document, Piece, Mark, Block):
    _quick_init(_cls)
del _cls


@contextmanager
def gc_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector while a page's many small objects are built.

    The model holds no reference cycles, so nothing is kept longer; without the
    pause, full collections over millions of objects make big inputs slower than
    linear.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()

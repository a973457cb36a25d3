"""Chain the stages: read, normalize, restore paragraphs, segment, build TEI, validate, write."""

from __future__ import annotations

import os
import tempfile
from dataclasses import dataclass
from pathlib import Path

from lxml import etree

from archive.errors import InputError
from archive.ingest import read_bytes, source_from_bytes
from archive.metadata import Metadata
from archive.model import Document, Node, gc_paused
from archive.normalize import normalize
from archive.paragraphs import restore
from archive.segment import segment_page
from archive.tei import build, serialize


@dataclass(frozen=True)
class Result:
    doc: Document
    pages: list[list[Node]]
    tree: etree._ElementTree
    data: bytes
    problems: tuple[str, ...] = ()  # pages of a PDF left out with keep_going, one message each


def segment(doc: Document) -> list[list[Node]]:
    """Nodes of every page of a normalized document."""
    out = []
    for page, blocks in zip(doc.pages, restore(doc), strict=True):
        spaced = frozenset(line.no for line in page.lines if line.spaced)
        out.append(segment_page(blocks, spaced))
    return out


def convert_document(doc: Document, meta: Metadata) -> Result:
    """Segment a normalized document and build its TEI; validates it (raises ValidationFailed)."""
    from archive.validate import check

    with gc_paused():
        pages = segment(doc)
        tree = build(doc, pages, meta)
    check(tree)
    return Result(doc, pages, tree, serialize(tree))


def convert(path: str | Path, meta: Metadata | None = None, encoding: str | None = None, *,
            password: str | None = None, keep_going: bool = False) -> Result:
    """Convert one page file (``-`` for stdin), text or PDF, to a validated TEI document.

    ``password`` opens an encrypted PDF; with ``keep_going`` a bad page of a
    PDF is left out and reported in ``Result.problems`` instead of failing.
    """
    name, data = read_bytes(path)
    return convert_bytes(name, data, meta, encoding, password=password, keep_going=keep_going)


def convert_bytes(name: str, data: bytes, meta: Metadata | None = None, encoding: str | None = None, *,
                  password: str | None = None, keep_going: bool = False) -> Result:
    """:func:`convert` for a page already read: ``name`` is what messages call it."""
    from archive.pdf import is_pdf

    if is_pdf(data):
        return convert_pdf(name, data, meta, password=password, keep_going=keep_going)
    return convert_document(normalize(source_from_bytes(name, data, encoding)), meta or Metadata())


def convert_pdf(name: str, data: bytes, meta: Metadata | None = None, *, password: str | None = None,
                keep_going: bool = False) -> Result:
    """Convert a PDF (one page or an issue) to one validated TEI document, using the
    position and type size of its text (docs/pdf.md)."""
    from archive import pdf
    from archive.validate import check

    doc, pages, facsimile, problems = pdf.convert_pdf(name, data, meta, password, keep_going)
    with gc_paused():
        tree = build(doc, pages, meta or Metadata(), facsimile)
    check(tree)
    return Result(doc, pages, tree, serialize(tree), tuple(problems))


def output_name(path: str | Path, suffix: str = ".tei.xml") -> str:
    name = "stdin" if str(path) == "-" else Path(path).name
    stem = name.rsplit(".", 1)[0] if "." in name else name
    return stem + suffix


def write_atomic(path: str | Path, data: bytes) -> None:
    """Write ``data`` to ``path`` through a temp file in the same folder and a rename."""
    path = Path(path)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix="." + path.name + ".", suffix=".tmp", dir=path.parent)
    except OSError as e:
        raise InputError(f"{path.parent}: cannot write there ({e.strerror or e}); choose another output folder") from e
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        Path(tmp).chmod(0o644)
        os.replace(tmp, path)  # noqa: PTH105 (atomic rename; tests patch os.replace)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise

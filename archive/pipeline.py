"""Chain the stages: read, normalize, restore paragraphs, segment, build TEI, validate, write."""

from __future__ import annotations

import os
import tempfile
from dataclasses import dataclass
from pathlib import Path

from lxml import etree

from archive.errors import InputError
from archive.ingest import read_page
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


def convert(path: str | Path, meta: Metadata | None = None, encoding: str | None = None) -> Result:
    """Convert one page file (``-`` for stdin) to a validated TEI document."""
    return convert_document(normalize(read_page(path, encoding)), meta or Metadata())


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

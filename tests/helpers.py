"""Shared helpers for the tests (not fixtures: those live in conftest.py)."""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable
from pathlib import Path

from archive.ingest import unify_line_ends
from archive.model import Edit, Source

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "000_b96cb40543454e04.txt"
SAMPLE_PARAGRAPHS = ROOT / "tests" / "data" / "sample.paragraphs.txt"


def make_source(raw: str, name: str = "generated") -> Source:
    """A Source for ``raw`` as ingest would build it, without the checks on the bytes.

    (Generated text may hold a few control characters that ingest would take
    for a binary file; normalization must still cope with them.)
    """
    text, ends = unify_line_ends(raw)
    digest = hashlib.sha256(raw.encode("utf-8", "surrogatepass")).hexdigest()
    return Source(name, digest, "utf_8", text, ends)


def replay(text: str, edits: Iterable[Edit]) -> str:
    """Apply recorded edits to the decoded text; fail if they overlap or do not match it.

    A ``page-break`` edit removes the form feed from the line text; the
    normalized text keeps the page boundary as a form feed at the same place,
    so the replay puts one back there.
    """
    out: list[str] = []
    pos = 0
    for e in sorted(edits, key=lambda e: e.offset):
        assert e.before, f"edit covers no source text: {e}"
        assert e.offset >= pos, f"edit overlaps the one before it: {e}"
        found = text[e.offset : e.offset + len(e.before)]
        assert found == e.before, f"edit does not match the input: {e} vs {found!r}"
        out.append(text[pos : e.offset])
        out.append("\f" if e.rule == "page-break" else e.after)
        pos = e.offset + len(e.before)
    out.append(text[pos:])
    return "".join(out)


def check_positions(text: str, edits: Iterable[Edit]) -> None:
    """Every edit's line and column agree with its offset."""
    for e in edits:
        assert e.line == text.count("\n", 0, e.offset) + 1, e
        assert e.column == e.offset - (text.rfind("\n", 0, e.offset) + 1) + 1, e


def as_printed(source_text: str, replayed: str) -> str:
    """The replayed text as ``normalized_text`` prints it: a line that ends the input
    without a line end gets one (edits never touch line ends)."""
    return replayed if source_text.endswith("\n") else replayed + "\n"


def nonspace(text: str) -> str:
    """The text without any whitespace: what restoring paragraphs must keep, in order."""
    return re.sub(r"\s", "", text)


def write(tmp_path: Path, data: bytes, name: str = "page.txt") -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


def bad_inputs(tmp_path: Path) -> dict[str, tuple[Path, str]]:
    """name -> (path, the exact message)"""
    missing = tmp_path / "missing.txt"
    empty = write(tmp_path, b"", "empty.txt")
    blank = write(tmp_path, b" \t\r\n\n  \f\r\n", "blank.txt")
    blank_bom = write(tmp_path, b"\xef\xbb\xbf \n\xe3\x80\x80\n", "blank-bom.txt")  # BOM, U+3000
    blank16 = write(tmp_path, "\ufeff  \r\n\u3000".encode("utf-16-le"), "blank16.txt")
    png = write(tmp_path, b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00", "image.txt")
    pdf = write(tmp_path, b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n", "page.txt")
    undecodable = write(tmp_path, b"abc \xff\xfe\xff def \xff\n", "bad.txt")
    directory = tmp_path / "folder"
    directory.mkdir()
    return {
        "missing": (missing, f"{missing}: no such file; check the path"),
        "directory": (
            directory,
            f"{directory}: is a directory; give a page file",
        ),
        "empty": (empty, f"{empty}: the file is empty; give a page with text"),
        "whitespace": (blank, f"{blank}: holds only whitespace; give a page with text"),
        "whitespace-bom": (blank_bom, f"{blank_bom}: holds only whitespace; give a page with text"),
        "whitespace-utf16": (blank16, f"{blank16}: holds only whitespace; give a page with text"),
        "binary": (png, f"{png}: looks like a binary file, not text; give the text a PDF extractor produced"),
        "pdf": (pdf, f"{pdf}: is a PDF; this command reads extracted text: use `archive convert` for PDFs"),
        "undecodable": (
            undecodable,
            f"{undecodable}: decodes in none of UTF-8, UTF-16, GB18030 or Big5; "
            "pass --encoding if you know it",
        ),
    }


BAD = [
    "missing",
    "directory",
    "empty",
    "whitespace",
    "whitespace-bom",
    "whitespace-utf16",
    "binary",
    "pdf",
    "undecodable",
]

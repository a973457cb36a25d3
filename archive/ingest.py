"""Read a page: bytes from a file or stdin, decoded to text.

Only this module (and the PDF reader, later) touches input files.
"""

from __future__ import annotations

import codecs
import hashlib
import sys
from pathlib import Path

from archive.errors import InputError
from archive.model import Source

# What detection may choose from, in the order ties are broken.
ENCODINGS = ("utf_8", "gb18030", "big5")
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf_32"),  # before UTF-16 LE: it starts with the same bytes
    (codecs.BOM_UTF32_BE, "utf_32"),
    (codecs.BOM_UTF8, "utf_8_sig"),
    (codecs.BOM_UTF16_LE, "utf_16"),
    (codecs.BOM_UTF16_BE, "utf_16"),
)
# Control characters a text file does not hold (tab, LF, FF and CR are fine).
_BINARY_BYTES = bytes(b for b in range(32) if b not in (9, 10, 12, 13))


def read_bytes(path: str | Path) -> tuple[str, bytes]:
    """Return (name, bytes) of a file, or of stdin for ``-``."""
    if str(path) == "-":
        return "-", sys.stdin.buffer.read()
    p = Path(path)
    if not p.exists():
        raise InputError(f"{p}: no such file; check the path")
    if p.is_dir():
        raise InputError(f"{p}: is a directory; give a page file")
    try:
        return str(p), p.read_bytes()
    except OSError as e:
        raise InputError(f"{p}: cannot be read ({e.strerror or e}); check its permissions") from e


def decode(name: str, data: bytes, encoding: str | None = None) -> tuple[str, str]:
    """Decode page bytes; returns (text, encoding name).

    A BOM decides; then strict UTF-8; then charset-normalizer chooses among
    GB18030 and Big5. ``encoding`` overrides all of it.
    """
    if not data.strip():
        what = "the file is empty" if not data else "holds only whitespace"
        raise InputError(f"{name}: {what}; give a page with text")
    if encoding:
        try:
            codec = codecs.lookup(encoding).name
        except LookupError as e:
            raise InputError(f"{name}: unknown encoding {encoding!r}; try utf-8, gb18030 or big5") from e
        try:
            return data.decode(codec), codec
        except UnicodeDecodeError as e:
            raise InputError(
                f"{name}: not valid {codec} (byte {e.start}); check --encoding or omit it to detect"
            ) from e
    for bom, codec in _BOMS:
        if data.startswith(bom):
            try:
                text = data.decode(codec)
            except UnicodeDecodeError as e:
                raise InputError(f"{name}: has a {codec} byte-order mark but does not decode as {codec}") from e
            return text.lstrip("\ufeff"), codec
    if data.startswith(b"%PDF-"):
        raise InputError(f"{name}: is a PDF; this command reads extracted text: use `archive convert` for PDFs")
    if _looks_binary(data):
        raise InputError(f"{name}: looks like a binary file, not text; give the text a PDF extractor produced")
    try:
        return data.decode("utf_8"), "utf_8"
    except UnicodeDecodeError:
        pass
    return _detect(name, data)


def _looks_binary(data: bytes) -> bool:
    sample = data[:65536]
    if b"\x00" in sample:
        return True
    controls = sum(sample.count(bytes([b])) for b in _BINARY_BYTES)
    return controls > max(2, len(sample) // 100)


def _detect(name: str, data: bytes) -> tuple[str, str]:
    from charset_normalizer import from_bytes

    best = from_bytes(data, cp_isolation=list(ENCODINGS[1:])).best()
    if best is not None:
        codec = codecs.lookup(best.encoding).name
        try:
            return data.decode(codec), codec
        except UnicodeDecodeError:
            pass
    for codec in ENCODINGS[1:]:
        try:
            return data.decode(codec), codec
        except UnicodeDecodeError:
            continue
    raise InputError(
        f"{name}: decodes in none of UTF-8, UTF-16, GB18030 or Big5; "
        "pass --encoding if you know it"
    )


def unify_line_ends(text: str) -> tuple[str, str]:
    """CRLF and CR become LF; returns (text, what the file used)."""
    crlf = text.count("\r\n")
    cr = text.count("\r") - crlf
    lf = text.count("\n") - crlf
    kinds = [k for k, n in (("CRLF", crlf), ("CR", cr), ("LF", lf)) if n]
    if crlf or cr:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return text, (kinds[0] if len(kinds) == 1 else "mixed" if kinds else "LF")


def read_page(path: str | Path, encoding: str | None = None) -> Source:
    """Read a text page from ``path`` (``-`` for stdin)."""
    name, data = read_bytes(path)
    return source_from_bytes(name, data, encoding)


def source_from_bytes(name: str, data: bytes, encoding: str | None = None) -> Source:
    text, codec = decode(name, data, encoding)
    text, ends = unify_line_ends(text)
    if not text.strip():
        raise InputError(f"{name}: holds only whitespace; give a page with text")
    return Source(
        name=name,
        sha256=hashlib.sha256(data).hexdigest(),
        encoding=codec,
        text=text,
        line_ends=ends,
    )

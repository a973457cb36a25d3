"""Validate TEI documents against the project schemas (or any RELAX NG schema).

The default check is ``schemas/archive.rng`` (RELAX NG) plus
``schemas/archive.sch`` (ISO Schematron); see docs/tei-encoding.md.
Input is parsed without DTDs, entity expansion or network access; a document
that declares a DTD or entities is reported as a problem, not processed.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from lxml import etree

from archive.errors import InputError, MissingDependency, ValidationFailed

_SVRL = "{http://purl.oclc.org/dsdl/svrl}"


@dataclass(frozen=True)
class Problem:
    """One validation problem; ``code`` is "xml", "doctype", "rng" or a Schematron assert id."""

    code: str
    line: int
    column: int
    message: str

    def __str__(self) -> str:
        return f"{self.line}:{self.column}: {self.message}"


def parser() -> etree.XMLParser:
    # No DTD loading, no entity substitution, no network, libxml2's size limits on.
    return etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False)


def _schema_bytes(name: str) -> bytes:
    """A file from the shipped schemas (wheel: archive/schemas/), else the source tree's."""
    try:
        packaged = resources.files("archive") / "schemas" / name
        if packaged.is_file():
            return packaged.read_bytes()
    except (ModuleNotFoundError, OSError):
        pass
    return (Path(__file__).resolve().parent.parent / "schemas" / name).read_bytes()


@functools.lru_cache(maxsize=1)
def _default_schemas():
    """The project RELAX NG and Schematron, compiled once."""
    try:
        from lxml import isoschematron
    except ImportError as e:
        raise MissingDependency(
            "lxml.isoschematron is not available (lxml without XSLT support?); "
            "reinstall lxml with `pip install --force-reinstall lxml`"
        ) from e
    rng = etree.RelaxNG(etree.fromstring(_schema_bytes("archive.rng")))
    sch = isoschematron.Schematron(
        etree.fromstring(_schema_bytes("archive.sch")), store_report=True
    )
    return rng, sch


@functools.lru_cache(maxsize=8)
def _relaxng(path: str) -> etree.RelaxNG:
    try:
        return etree.RelaxNG(etree.parse(path, etree.XMLParser(no_network=True)))
    except (OSError, etree.XMLSyntaxError, etree.RelaxNGParseError) as e:
        raise InputError(f"cannot use {path} as a RELAX NG schema: {e}") from e


def _parse(data: bytes) -> etree._ElementTree | Problem:
    """Parse safely; a syntax error becomes a Problem at the parser's position."""
    try:
        return etree.fromstring(data, parser()).getroottree()
    except etree.XMLSyntaxError as e:
        line, column = e.position if e.position else (e.lineno or 0, 0)
        # libxml2 checks xml:id uniqueness while parsing; keep the Schematron code
        code = "id-unique" if e.code == etree.ErrorTypes.DTD_ID_REDEFINED else "xml"
        return Problem(code, line or 0, column or 0, e.msg)


def _doctype_line(data: bytes | None) -> int:
    if not data or b"<!DOCTYPE" not in data:
        return 0
    return data[: data.index(b"<!DOCTYPE")].count(b"\n") + 1


def _schematron_problems(sch, tree: etree._ElementTree) -> list[Problem]:
    sch.validate(tree)
    problems = []
    for item in sch.validation_report.iter(_SVRL + "failed-assert", _SVRL + "successful-report"):
        try:  # SVRL locations are plain XPath into the validated tree
            found = tree.xpath(item.get("location", ""))
        except etree.XPathError:
            found = []
        line = found[0].sourceline if found and hasattr(found[0], "sourceline") else None
        text = " ".join(item.findtext(_SVRL + "text", "").split())
        problems.append(Problem(item.get("id") or "schematron", line or 0, 0, text))
    return problems


def validate(tree_or_bytes, schema: str | Path | None = None) -> list[Problem]:
    """Problems found in a document (an lxml tree or element, bytes or str); [] if valid.

    Without ``schema``: the project RELAX NG + Schematron. With ``schema``: that
    RELAX NG file only.
    """
    data = None
    if isinstance(tree_or_bytes, str):
        tree_or_bytes = tree_or_bytes.encode("utf-8")
    if isinstance(tree_or_bytes, bytes):
        data = tree_or_bytes
        parsed = _parse(data)
        if isinstance(parsed, Problem):
            return [parsed]
        tree = parsed
    elif isinstance(tree_or_bytes, etree._Element):
        tree = tree_or_bytes.getroottree()
    else:
        tree = tree_or_bytes
    if tree.docinfo.internalDTD is not None or tree.docinfo.doctype:
        return [
            Problem(
                "doctype",
                _doctype_line(data),
                0,
                "DOCTYPE/entity declarations are not allowed; they were not processed",
            )
        ]

    if schema is None:
        rng, sch = _default_schemas()
    else:
        rng, sch = _relaxng(str(Path(schema).resolve())), None
    problems = []
    if not rng.validate(tree):
        problems += [Problem("rng", e.line, e.column, e.message) for e in rng.error_log]
    if sch is not None:
        problems += _schematron_problems(sch, tree)
    return sorted(problems, key=lambda p: (p.line, p.column))


def validate_file(path: str | Path, schema: str | Path | None = None) -> list[Problem]:
    """Problems found in an XML file; a file that is not well-formed gives one Problem."""
    try:
        data = Path(path).read_bytes()
    except OSError as e:
        raise InputError(f"cannot read {path}: {e.strerror or e}") from e
    return validate(data, schema)


def check(tree) -> None:
    """Raise ValidationFailed (with the problems as details) unless the tree is valid."""
    problems = validate(tree)
    if problems:
        raise ValidationFailed(
            f"the TEI document is not valid ({len(problems)} problem(s)); first: {problems[0]}",
            details=problems,
        )

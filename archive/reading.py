"""The plain reading text of a TEI document written by archive."""

from __future__ import annotations

from pathlib import Path

from lxml import etree

from archive.errors import InputError
from archive.tei import TEI_NS

T = f"{{{TEI_NS}}}"


def parse(path: str | Path) -> etree._ElementTree:
    """Parse an XML file without DTDs, entities or network access."""
    from archive.validate import parser

    try:
        return etree.parse(str(path), parser())
    except OSError as e:
        raise InputError(f"{path}: cannot be read ({e}); check the path") from e
    except etree.XMLSyntaxError as e:
        raise InputError(f"{path}: not well-formed XML ({e}); give a TEI file written by archive") from e


def _text(e: etree._Element) -> str:
    return "".join(e.itertext()).strip()


def _lines(e: etree._Element, out: list[str]) -> None:
    for child in e:
        tag = etree.QName(child).localname if isinstance(child.tag, str) else ""
        if tag == "div":
            out.append("")
            if child.get("type") == "article":
                out.append("=" * 20)
            _lines(child, out)
        elif tag == "head":
            kind = child.get("type")
            prefix = {"main": "# ", "kicker": "", "sub": "", "caption": "[图] "}.get(kind or "", "## ")
            out.append(prefix + _text(child))
        elif tag == "sp":
            speaker = child.find(T + "speaker")
            paras = [_text(p) for p in child.iter(T + "p")]
            first = (_text(speaker) if speaker is not None else "") + (paras[0] if paras else "")
            out.append(first)
            out.extend(paras[1:])
        elif tag == "figure":
            _lines(child, out)
        elif tag in ("p", "byline", "dateline", "fw", "note"):
            out.append(_text(child))


def reading_text(path: str | Path) -> str:
    tree = parse(path)
    body = tree.find(f".//{T}body")
    if body is None:
        raise InputError(f"{path}: not a TEI document (no text/body); give a file written by archive")
    out: list[str] = []
    _lines(body, out)
    return "\n".join(out).strip("\n") + "\n"

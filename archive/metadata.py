"""Issue metadata: from a sidecar TOML file beside the page, and from options.

Sidecar format (docs/metadata.md): ``<page stem>.meta.toml`` beside the page
applies to that page; ``issue.toml`` in the page's folder applies to every
page there, with an optional ``[pages]`` table of page labels by file stem.
Options override the page file, which overrides the issue file.
"""

from __future__ import annotations

import datetime as _dt
import re
import sys
from dataclasses import dataclass, fields, replace
from pathlib import Path

from archive.errors import InputError

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

ISSUE_FILE = "issue.toml"


@dataclass(frozen=True)
class Metadata:
    """What is known about the newspaper issue and page; None is unknown."""

    newspaper: str | None = None
    date: str | None = None  # ISO 8601 (YYYY-MM-DD)
    page: str | None = None  # printed page label ("2", "A3")
    edition: str | None = None
    publisher: str | None = None
    place: str | None = None
    rights: str | None = None

    def merged(self, other: Metadata) -> Metadata:
        """``other``'s known values over ours."""
        known = {f.name: getattr(other, f.name) for f in fields(other) if getattr(other, f.name)}
        return replace(self, **known)


def _from_table(table: dict, where: str) -> Metadata:
    names = {f.name for f in fields(Metadata)}
    unknown = set(table) - names - {"pages"}
    if unknown:
        raise InputError(
            f"{where}: unknown metadata keys {sorted(unknown)}; allowed: {sorted(names | {'pages'})}"
        )
    values = {}
    for key in names & set(table):
        value = table[key]
        if isinstance(value, _dt.date):
            value = value.isoformat()
        if not isinstance(value, (str, int)):
            raise InputError(f"{where}: {key} must be text")
        values[key] = str(value)
    meta = Metadata(**values)
    if meta.date and not valid_date(meta.date):
        raise InputError(f"{where}: date {meta.date!r} is not a date written YYYY-MM-DD")
    pages = table.get("pages", {})
    if not isinstance(pages, dict) or not all(isinstance(v, (str, int)) for v in pages.values()):
        raise InputError(f"{where}: [pages] must be a table of page labels, e.g. p02 = \"2\"")
    return meta


def valid_date(text: str) -> bool:
    """A calendar date written YYYY-MM-DD."""
    if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
        return False
    try:
        _dt.date.fromisoformat(text)
    except ValueError:
        return False
    return True


def _load(path: Path) -> dict:
    try:
        text = path.read_bytes().removeprefix(b"\xef\xbb\xbf").decode("utf-8")
        return tomllib.loads(text)
    except UnicodeDecodeError as e:
        raise InputError(f"{path}: metadata must be UTF-8 text; save the file as UTF-8") from e
    except (OSError, tomllib.TOMLDecodeError) as e:
        raise InputError(f"{path}: cannot read metadata ({e}); fix the TOML or remove the file") from e


def for_page(page: str | Path, explicit: str | Path | None = None) -> Metadata:
    """Metadata of a page: issue.toml, then <stem>.meta.toml, then ``explicit``."""
    meta = Metadata()
    if str(page) == "-":
        sidecars: list[Path] = []
    else:
        p = Path(page)
        sidecars = [p.parent / ISSUE_FILE, p.with_name(p.stem + ".meta.toml")]
    if explicit:
        sidecars.append(Path(explicit))
        if not Path(explicit).exists():
            raise InputError(f"{explicit}: no such metadata file")
    for path in sidecars:
        if not path.exists():
            continue
        table = _load(path)
        meta = meta.merged(_from_table(table, str(path)))
        pages = table.get("pages", {})
        stem = Path(page).stem
        if isinstance(pages, dict) and stem in pages:
            meta = replace(meta, page=str(pages[stem]))
    return meta

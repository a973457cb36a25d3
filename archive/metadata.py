"""Issue metadata: from a sidecar TOML file beside the page, and from options.

Sidecar format (docs/metadata.md): ``<page stem>.meta.toml`` beside the page
applies to that page; ``issue.toml`` in the page's folder applies to every
page there, with an optional ``[pages]`` table of page labels by file stem.
Options override the page file, which overrides the issue file.
"""

from __future__ import annotations

import datetime as _dt
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
        raise InputError(f"{where}: unknown metadata keys {sorted(unknown)}; allowed: {sorted(names)}")
    values = {}
    for key in names & set(table):
        value = table[key]
        if isinstance(value, _dt.date):
            value = value.isoformat()
        if not isinstance(value, (str, int)):
            raise InputError(f"{where}: {key} must be text")
        values[key] = str(value)
    meta = Metadata(**values)
    if meta.date:
        try:
            _dt.date.fromisoformat(meta.date)
        except ValueError as e:
            raise InputError(f"{where}: date {meta.date!r} is not YYYY-MM-DD") from e
    return meta


def _load(path: Path) -> dict:
    try:
        with path.open("rb") as f:
            return tomllib.load(f)
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

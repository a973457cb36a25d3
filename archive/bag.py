"""BagIt bags of a batch's output (made with the ``bagit`` library), and their verification.

A bag's payload (docs/batch.md, "Bags"):

    data/source/<page path>        every converted page, byte for byte
    data/output/<output path>      its TEI, editions and reading text, as in OUT_DIR
    data/batch-report.jsonl        the batch report, byte for byte
    data/mets.xml                  METS: every other payload file, its role and checksum

Names come from the batch report and are checked: a name that would leave
its folder is refused, names are written in Unicode NFC, and links are
never followed.
"""

from __future__ import annotations

import contextlib
import datetime as _dt
import hashlib
import logging
import os
import shutil
import stat
import tempfile
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import quote, unquote

from lxml import etree

from archive import __version__
from archive.batch import REPORT, read_report, safe_join
from archive.errors import InputError

METS_NS = "http://www.loc.gov/METS/"
XLINK_NS = "http://www.w3.org/1999/xlink"
DC_NS = "http://purl.org/dc/elements/1.1/"
METS_FILE = "mets.xml"
CHECKSUMS = ["sha256", "sha512"]
ROLES = ("source", "tei", "edition", "text", "report")  # mets:fileGrp USE values, in this order
_MIME = {".txt": "text/plain", ".pdf": "application/pdf", ".xml": "application/tei+xml",
         ".jsonl": "application/jsonl"}
_CHUNK = 1 << 20


@dataclass(frozen=True)
class Entry:
    name: str  # below data/, "/"-separated, NFC
    role: str
    sha256: str
    size: int
    src: Path  # where it is copied from
    root: Path  # the folder ``src`` must stay inside (no links below it)
    page: str | None = None  # the page source it belongs to
    edition: str | None = None


@dataclass
class BagResult:
    path: Path
    files: int
    warnings: list[str] = field(default_factory=list)
    info: dict = field(default_factory=dict)


@contextlib.contextmanager
def _quiet_bagit():
    """bagit logs every problem it raises; we report them ourselves."""
    logger = logging.getLogger("bagit")
    level = logger.level
    logger.setLevel(logging.CRITICAL)
    try:
        yield
    finally:
        logger.setLevel(level)


def _nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def _check_no_links(root: Path, rel: str) -> Path:
    """``root/rel`` when no part of ``rel`` is a link (the root itself may be one)."""
    path = safe_join(root, rel)
    here = root
    for part in rel.split("/"):
        here = here / part
        try:
            mode = os.lstat(here).st_mode
        except OSError as e:
            raise InputError(f"{here}: cannot be read ({e.strerror or e}); "
                             "run `archive batch` again or give --sources") from e
        if stat.S_ISLNK(mode):
            raise InputError(f"{here}: is a symbolic link; links are not followed into a bag")
    if not stat.S_ISREG(mode):
        raise InputError(f"{path}: is not a regular file")
    return path


def _copy_checked(entry: Entry, dest: Path) -> None:
    """Copy ``entry.src`` to ``dest`` without following links; its sha256 must be the report's."""
    src = _check_no_links(entry.root, entry.src.relative_to(entry.root).as_posix())
    flags = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0)
    h = hashlib.sha256()
    dest.parent.mkdir(parents=True, exist_ok=True)
    try:
        fd = os.open(src, flags)
        with os.fdopen(fd, "rb") as f, dest.open("xb") as out:
            while chunk := f.read(_CHUNK):
                h.update(chunk)
                out.write(chunk)
    except FileExistsError as e:
        raise InputError(f"{entry.name}: two files would have this name in the bag") from e
    except OSError as e:
        raise InputError(f"{src}: cannot be copied into the bag ({e.strerror or e})") from e
    dest.chmod(0o644)
    if h.hexdigest() != entry.sha256:
        what = "page" if entry.role == "source" else "output"
        raise InputError(f"{src}: this {what} changed since the batch (its sha256 is not the one in "
                         f"the batch report); run `archive batch` again before bagging")


def _payload(out_root: Path, rows: list[dict], sources: str | None) -> list[Entry]:
    entries: list[Entry] = []
    for row in rows:
        try:
            source = row["source"]
            root = Path(sources) if sources else Path(row["input"])
            entries.append(Entry("source/" + _nfc(source), "source", row["sha256"], row["bytes"],
                                 safe_join(root, source), root, source))
            for out in row["outputs"]:
                entries.append(Entry("output/" + _nfc(out["path"]), out["role"], out["sha256"],
                                     out["bytes"], safe_join(out_root, out["path"]), out_root, source,
                                     out.get("edition")))
        except (KeyError, TypeError) as e:
            raise InputError(f"{out_root / REPORT}: the row of {row.get('source')!r} is incomplete ({e}); "
                             "run `archive batch` again") from e
        except InputError as e:
            raise InputError(f"{out_root / REPORT}: page {row.get('source')!r}: {e}") from e
    for e in entries:
        if e.role not in ROLES:
            raise InputError(f"{out_root / REPORT}: unknown output role {e.role!r} of {e.page}")
    names = [e.name for e in entries]
    if len(set(names)) != len(names):
        twice = sorted({n for n in names if names.count(n) > 1})[0]
        raise InputError(f"two files would both be data/{twice} in the bag (names differ only in "
                         "Unicode normalization?); rename one and run the batch again")
    return entries


def bagging_date(rows: list[dict]) -> tuple[str, str | None]:
    """(YYYY-MM-DD, warning): SOURCE_DATE_EPOCH, else the latest issue date, else today."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch.isdigit():
        return _dt.datetime.fromtimestamp(int(epoch), _dt.timezone.utc).date().isoformat(), None
    dates = sorted(d for r in rows if isinstance(d := r.get("metadata", {}).get("date"), str))
    if dates:
        return dates[-1], None
    today = _dt.date.today().isoformat()
    return today, ("neither SOURCE_DATE_EPOCH nor an issue date in the metadata: Bagging-Date is "
                   f"today ({today}), so this bag is not reproducible")


def _values(rows: list[dict], key: str) -> list[str]:
    return sorted({v for r in rows if isinstance(v := r.get("metadata", {}).get(key), str) and v})


def _issues(rows: list[dict]) -> dict[tuple, list[dict]]:
    """Rows grouped by issue: (newspaper, date, edition) of their metadata."""
    out: dict[tuple, list[dict]] = {}
    for r in rows:
        m = r.get("metadata", {})
        out.setdefault((m.get("newspaper") or "", m.get("date") or "", m.get("edition") or ""), []).append(r)
    return dict(sorted(out.items()))


def _describe(issue: tuple, pages: int) -> str:
    newspaper, date, edition = issue
    what = ", ".join(x for x in (newspaper or "unknown newspaper", date or "date unknown",
                                 f"edition {edition}" if edition else "") if x)
    return f"{what}: {pages} page(s) converted to TEI P5 by archive {__version__}"


def bag_info(rows: list[dict], report: bytes, organization: str | None, identifier: str | None,
             warnings: list[str]) -> dict:
    day, warning = bagging_date(rows)
    if warning:
        warnings.append(warning)
    publishers = _values(rows, "publisher")
    if not organization:
        if len(publishers) == 1:
            organization = publishers[0]
        else:
            organization = "unknown"
            warnings.append("Source-Organization is 'unknown': give --organization "
                            "(the issues name no single publisher)")
    info: dict[str, str | list[str]] = {
        "Source-Organization": organization,
        "External-Identifier": identifier or "urn:sha256:" + hashlib.sha256(report).hexdigest(),
        "Bagging-Date": day,
        "DC-Type": "Text",
        "DC-Language": "zh",
        "DC-Format": ["application/tei+xml", "text/plain"],
        "DC-Description": [_describe(issue, len(pages)) for issue, pages in _issues(rows).items()],
    }
    for label, key in (("DC-Title", "newspaper"), ("DC-Date", "date"), ("DC-Publisher", "publisher"),
                       ("DC-Coverage", "place"), ("DC-Rights", "rights")):
        values = _values(rows, key)
        if values:
            info[label] = values if len(values) > 1 else values[0]
    return info


def _mime(name: str) -> str:
    return _MIME.get(Path(name).suffix.lower(), "application/octet-stream")


def mets(entries: list[Entry], rows: list[dict], info: dict) -> bytes:
    """A METS document that lists every payload file (but itself) with its role and checksum."""
    m = f"{{{METS_NS}}}"
    xl = f"{{{XLINK_NS}}}"
    dc = f"{{{DC_NS}}}"
    root = etree.Element(m + "mets", nsmap={"mets": METS_NS, "xlink": XLINK_NS, "dc": DC_NS})
    root.set("OBJID", str(info["External-Identifier"]))
    root.set("LABEL", "; ".join(info["DC-Description"]))
    root.set("TYPE", "newspaper pages")
    hdr = etree.SubElement(root, m + "metsHdr", CREATEDATE=f"{info['Bagging-Date']}T00:00:00Z")
    agent = etree.SubElement(hdr, m + "agent", ROLE="CREATOR", TYPE="OTHER", OTHERTYPE="SOFTWARE")
    etree.SubElement(agent, m + "name").text = f"archive {__version__}"
    issues = _issues(rows)
    dmd_ids = {}
    for n, (issue, pages) in enumerate(issues.items(), 1):
        dmd_ids[issue] = f"dmd{n}"
        sec = etree.SubElement(root, m + "dmdSec", ID=f"dmd{n}")
        data = etree.SubElement(etree.SubElement(sec, m + "mdWrap", MDTYPE="DC"), m + "xmlData")
        meta = pages[0].get("metadata", {})
        for tag, key in (("title", "newspaper"), ("date", "date"), ("publisher", "publisher"),
                         ("coverage", "place"), ("rights", "rights")):
            if meta.get(key):
                etree.SubElement(data, dc + tag).text = meta[key]
        etree.SubElement(data, dc + "description").text = _describe(issue, len(pages))
        etree.SubElement(data, dc + "type").text = "Text"
        etree.SubElement(data, dc + "language").text = "zh"
    file_sec = etree.SubElement(root, m + "fileSec")
    ids: dict[str, str] = {}
    ordered = sorted(entries, key=lambda e: (ROLES.index(e.role), e.name))
    for n, e in enumerate(ordered, 1):
        ids[e.name] = f"file{n:05d}"
    for role in ROLES:
        group = [e for e in ordered if e.role == role]
        if not group:
            continue
        grp = etree.SubElement(file_sec, m + "fileGrp", USE=role)
        for e in group:
            f = etree.SubElement(grp, m + "file", ID=ids[e.name], MIMETYPE=_mime(e.name), SIZE=str(e.size),
                                 CHECKSUM=e.sha256, CHECKSUMTYPE="SHA-256")
            if e.edition:
                f.set("USE", f"edition {e.edition}")
            loc = etree.SubElement(f, m + "FLocat", LOCTYPE="URL")
            loc.set(xl + "type", "simple")
            loc.set(xl + "href", quote(e.name))
    smap = etree.SubElement(root, m + "structMap", TYPE="physical")
    batch = etree.SubElement(smap, m + "div", TYPE="batch")
    for e in ordered:
        if e.role == "report":
            etree.SubElement(etree.SubElement(batch, m + "div", TYPE="report", LABEL=REPORT),
                             m + "fptr", FILEID=ids[e.name])
    by_page: dict[str, list[Entry]] = {}
    for e in ordered:
        if e.page is not None:
            by_page.setdefault(e.page, []).append(e)
    for issue, pages in issues.items():
        div = etree.SubElement(batch, m + "div", TYPE="issue", DMDID=dmd_ids[issue],
                               LABEL=_describe(issue, len(pages)).split(":")[0])
        for row in sorted(pages, key=lambda r: r["source"]):
            page = etree.SubElement(div, m + "div", TYPE="page", LABEL=row["source"])
            label = row.get("metadata", {}).get("page")
            if label:
                page.set("ORDERLABEL", label)
            for e in by_page.get(row["source"], []):
                etree.SubElement(page, m + "fptr", FILEID=ids[e.name])
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True)


def _sort_tagmanifests(bag: Path) -> None:
    """bagit lists tag files in directory order; sort the lines so that equal bags are equal bytes."""
    for alg in CHECKSUMS:
        path = bag / f"tagmanifest-{alg}.txt"
        lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
        path.write_text("".join(sorted(lines, key=lambda s: s.split(" ", 1)[1])), encoding="utf-8")


def build_bag(out_dir: str | Path, bag_dir: str | Path, *, sources: str | Path | None = None,
              organization: str | None = None, identifier: str | None = None,
              force: bool = False) -> BagResult:
    """Build a bag of the batch output in ``out_dir`` at ``bag_dir`` (staged, then renamed in)."""
    import bagit

    out_root = Path(out_dir)
    bag_path = Path(bag_dir)
    rows = read_report(out_root)
    report = (out_root / REPORT).read_bytes()
    warnings: list[str] = []
    ok = [r for r in rows if r.get("status") == "ok"]
    if not ok:
        raise InputError(f"{out_root / REPORT}: no page was converted; nothing to bag")
    if len(ok) < len(rows):
        warnings.append(f"{len(rows) - len(ok)} failed page(s) are not in the bag "
                        "(the batch report in it lists them)")
    entries = _payload(out_root, ok, str(sources) if sources else None)
    entries.append(Entry(REPORT, "report", hashlib.sha256(report).hexdigest(), len(report),
                         out_root / REPORT, out_root))
    if bag_path.exists() or bag_path.is_symlink():
        if not force:
            raise InputError(f"{bag_path}: already exists; remove it, choose another folder or give --force")
        if bag_path.is_symlink() or not bag_path.is_dir():
            raise InputError(f"{bag_path}: is not a folder; remove it or choose another")
    info = bag_info(ok, report, organization, identifier, warnings)
    try:
        bag_path.parent.mkdir(parents=True, exist_ok=True)
        staging = Path(tempfile.mkdtemp(prefix=f".{bag_path.name}.", suffix=".tmp", dir=bag_path.parent))
    except OSError as e:
        raise InputError(f"{bag_path.parent}: cannot write there ({e.strerror or e})") from e
    try:
        staging.chmod(0o755)
        for e in entries:
            _copy_checked(e, safe_join(staging, e.name))
        (staging / METS_FILE).write_bytes(mets(entries, ok, info))
        with _quiet_bagit():
            bagit.make_bag(str(staging), bag_info=dict(info), checksums=list(CHECKSUMS), processes=1)
        _sort_tagmanifests(staging)
        if bag_path.exists():
            old = Path(tempfile.mkdtemp(prefix=f".{bag_path.name}.old.", dir=bag_path.parent))
            bag_path.replace(old / "bag")
            staging.replace(bag_path)
            shutil.rmtree(old, ignore_errors=True)
        else:
            staging.replace(bag_path)
    except (OSError, RuntimeError, bagit.BagError) as e:
        shutil.rmtree(staging, ignore_errors=True)
        raise InputError(f"{bag_path}: cannot build the bag ({e})") from e
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    return BagResult(bag_path, len(entries) + 1, warnings, info)


# ---------------------------------------------------------------------------------------------
# verify


class _Problems:
    def __init__(self) -> None:
        self.items: list[tuple[str, str, str]] = []
        self.seen: set[tuple[str, str]] = set()

    def add(self, kind: str, path: str, detail: str = "", unique: bool = True) -> None:
        if unique:
            if (kind, path) in self.seen:
                return
            self.seen.add((kind, path))
        self.items.append((path, kind, f"{kind}: {path}{detail}"))

    def lines(self) -> list[str]:
        return [line for _, _, line in sorted(self.items)]


def _hash(path: Path, alg: str) -> str | None:
    try:
        h = hashlib.new(alg)
        with path.open("rb") as f:
            while chunk := f.read(_CHUNK):
                h.update(chunk)
        return h.hexdigest()
    except (OSError, ValueError):
        return None


def _bagit_problems(root: Path, problems: _Problems) -> bool:
    """bagit's own validation, each problem on its own; False when it is no bag at all."""
    import bagit

    try:
        bag = bagit.Bag(str(root))
    except bagit.BagError as e:
        problems.add("bag", ".", f" is not a valid bag ({e})")
        return False
    try:
        bag.validate(processes=1)
        return True
    except bagit.BagValidationError as e:
        details, message = list(e.details), e.message
    except bagit.BagError as e:
        problems.add("bag", ".", f" {e}")
        return True
    if not details:  # a check that stops before the per-file ones (Payload-Oxum): get those too
        bag.info.pop("Payload-Oxum", None)
        try:
            bag.validate(processes=1)
        except bagit.BagValidationError as e2:
            details = list(e2.details)
            if not details:
                problems.add("bag", ".", f" {e2.message}")
        except bagit.BagError as e2:
            problems.add("bag", ".", f" {e2}")
        if not details:
            problems.add("bag", "bag-info.txt", f" {message}")
    incomplete = False
    for d in details:
        if isinstance(d, bagit.FileMissing):
            problems.add("missing", d.path, " (in the manifest, not in the bag)")
            incomplete = True
        elif isinstance(d, bagit.UnexpectedFile):
            problems.add("unexpected", d.path, " (in the bag, not in the manifest)")
            incomplete = True
        elif isinstance(d, bagit.ChecksumMismatch):
            problems.add("changed", d.path, " (its checksum is not the manifest's)")
        else:
            problems.add("bag", ".", f" {d}")
    if incomplete:  # bagit stops before the checksums of an incomplete bag: check the files there
        for rel, hashes in sorted(bag.entries.items()):
            path = root / rel
            if path.is_file() and not path.is_symlink():
                for alg, expected in sorted(hashes.items()):
                    if _hash(path, alg) != expected.lower():
                        problems.add("changed", rel, " (its checksum is not the manifest's)")
    return True


def _mets_problems(root: Path, problems: _Problems) -> None:
    """Every payload file is listed in data/mets.xml, with the same sha256, and exists."""
    from archive.validate import parser

    data = root / "data"
    mets_path = data / METS_FILE
    try:
        tree = etree.parse(str(mets_path), parser())
    except (OSError, etree.XMLSyntaxError) as e:
        problems.add("missing" if not mets_path.exists() else "invalid", f"data/{METS_FILE}",
                     "" if not mets_path.exists() else f" (not a readable METS file: {e})")
        return
    listed: dict[str, str | None] = {}
    for f in tree.iter(f"{{{METS_NS}}}file"):
        loc = f.find(f"{{{METS_NS}}}FLocat")
        href = loc.get(f"{{{XLINK_NS}}}href") if loc is not None else None
        if href:
            listed[unquote(href)] = f.get("CHECKSUM")
    on_disk = set()
    for dirpath, dirnames, filenames in os.walk(data):
        for name in filenames + [d for d in dirnames if (Path(dirpath) / d).is_symlink()]:
            rel = (Path(dirpath) / name).relative_to(data).as_posix()
            on_disk.add(_nfc(rel))
    for rel in sorted(on_disk - {METS_FILE}):
        if rel not in listed:
            problems.add("unexplained", f"data/{rel}", f" (not listed in data/{METS_FILE})")
    for rel, checksum in sorted(listed.items()):
        try:
            path = safe_join(data, rel)
        except InputError:
            problems.add("invalid", f"data/{METS_FILE}", f" (lists an unsafe path {rel!r})", unique=False)
            continue
        if _nfc(rel) not in on_disk:
            problems.add("missing", f"data/{rel}", f" (listed in data/{METS_FILE})")
        elif checksum and not path.is_symlink() and _hash(path, "sha256") != checksum.lower():
            problems.add("changed", f"data/{rel}", f" (sha256 is not the one in data/{METS_FILE})")


def verify_bag(bag_dir: str | Path) -> list[str]:
    """Every problem of a bag, one line each; [] when it is complete, unchanged and valid.

    bagit's validation (manifests, checksums, Payload-Oxum), then the METS
    file (nothing in data/ unexplained), then every ``*.tei.xml`` in data/
    against the project schema. Links are reported, never followed.
    """
    from archive.validate import validate_file

    root = Path(bag_dir)
    problems = _Problems()
    for dirpath, dirnames, filenames in os.walk(root):
        for name in dirnames + filenames:
            p = Path(dirpath) / name
            if p.is_symlink():
                problems.add("link", p.relative_to(root).as_posix(), " (a symbolic link: not followed)")
    with _quiet_bagit():
        is_bag = _bagit_problems(root, problems)
    if not is_bag or not (root / "data").is_dir():
        return problems.lines()
    _mets_problems(root, problems)
    for dirpath, _, filenames in os.walk(root / "data"):
        for name in sorted(filenames):
            path = Path(dirpath) / name
            if not name.endswith(".tei.xml") or path.is_symlink():
                continue
            rel = path.relative_to(root).as_posix()
            try:
                found = validate_file(path)
            except InputError as e:
                problems.add("invalid", rel, f" (cannot be read: {e})")
                continue
            for problem in found:
                problems.add("invalid", f"{rel}:{problem}", unique=False)
    return problems.lines()

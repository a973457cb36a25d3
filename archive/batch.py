"""Batch conversion: every page under a folder, in worker processes, resumable.

The unit of work is :func:`convert_page`: one :class:`PageJob` in, one
:class:`PageResult` (its report row) out. It reads the page, writes the
page's outputs atomically into the output folder and records the row last,
so a page is either finished (row written) or not; nothing else is shared
between pages. A *runner* hands jobs to the unit of work: :class:`PoolRunner`
(local worker processes, the default) or :class:`InlineRunner` (this
process). Another engine only needs ``run(work, jobs) -> iterator of results``.

See docs/batch.md for the layout, the report and the skip rule.
"""

from __future__ import annotations

import contextlib
import errno
import functools
import hashlib
import json
import os
import posixpath
import re
import signal
import time
import unicodedata
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field, fields, replace
from pathlib import Path
from typing import Protocol

from archive import __version__
from archive.errors import ArchiveError, InputError, UsageError
from archive.metadata import Metadata

PAGE_SUFFIXES = (".txt", ".pdf")  # a file with one of these (any case) is a page
REPORT = "batch-report.jsonl"
STATE = ".archive-batch"  # OUT_DIR/.archive-batch/rows/<source>.json: the row of each finished page
TEI_SUFFIX = ".tei.xml"
TEXT_SUFFIX = ".reading.txt"

# Quality warnings (docs/batch.md, "Quality warnings").
LONG_PARAGRAPH = 30  # source lines: a paragraph longer than this probably swallowed breaks
DOUBTFUL_SHARE = 0.25  # share of paragraph lines in suspect paragraphs that makes a page doubtful
_CUT_END = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaffA-Za-z0-9，、“‘（《〈【]$")

# Errors of the output folder that end the whole run (every later page would fail the same way).
_FATAL_ERRNOS = {errno.ENOSPC, errno.EDQUOT, errno.EROFS}


@dataclass(frozen=True)
class Options:
    """What applies to every page of a batch (part of every page's content hash)."""

    encoding: str | None = None
    metadata: Metadata = field(default_factory=Metadata)  # from options: over the sidecars
    metadata_file: str | None = None  # --metadata FILE: over the sidecars, under ``metadata``
    editions: tuple[str, ...] = ()  # OpenCC configs: one edition of each page per config

    def as_dict(self) -> dict:
        return {
            "encoding": self.encoding,
            "metadata": _known(self.metadata),
            "metadata_file": sha256_file(self.metadata_file),  # (for_page reports a missing file)
            "editions": list(self.editions),
            "opencc": _opencc_version() if self.editions else None,
        }


@dataclass(frozen=True)
class PageJob:
    """One page to convert. Plain data: it can be pickled or sent as JSON."""

    source: str  # path below the input folder, "/"-separated, as on disk
    input_dir: str  # the input folder as given (messages name input_dir/source)
    input_root: str  # the input folder, absolute (recorded in the report for `archive bag`)
    out_root: str  # the output folder, absolute
    options: Options = field(default_factory=Options)
    force: bool = False

    @property
    def path(self) -> str:
        return str(Path(self.input_dir, *self.source.split("/")))


@dataclass(frozen=True)
class PageResult:
    """The report row of a page, and how it was obtained (for the log only)."""

    row: dict
    done: str  # "converted", "up to date" or "failed"
    seconds: float = 0.0
    fatal: str | None = None  # a reason to stop the whole run (the output disk is full)

    @property
    def ok(self) -> bool:
        return self.row["status"] == "ok"


@dataclass
class Summary:
    total: int = 0
    converted: int = 0
    up_to_date: int = 0
    failed: list[tuple[str, str]] = field(default_factory=list)  # (source, reason)
    warned: int = 0
    report: Path | None = None
    seconds: float = 0.0


# ---------------------------------------------------------------------------------------------
# names


def _nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def output_paths(source: str, editions: Iterable[str] = ()) -> list[tuple[str, str, str | None]]:
    """(path below OUT_DIR, role, edition config) of every output of a page, in NFC.

    ``2024-12-17/p02.txt`` gives ``2024-12-17/p02.tei.xml`` (role ``tei``),
    ``2024-12-17/p02.reading.txt`` (role ``text``) and, for each OpenCC config,
    its edition named as `archive edition` names it: ``2024-12-17/p02.zh-Hant.tei.xml``
    for ``s2t`` (role ``edition``).
    """
    from archive.pipeline import output_name

    folder, name = posixpath.split(_nfc(source))
    tei = output_name(name, TEI_SUFFIX)
    out = [
        (posixpath.join(folder, tei), "tei", None),
        (posixpath.join(folder, output_name(name, TEXT_SUFFIX)), "text", None),
    ]
    if editions:
        from archive.edition import CONFIGS, edition_name

        for config in editions:
            out.append((posixpath.join(folder, edition_name(tei, CONFIGS[config][0])), "edition", config))
    return out


def check_editions(editions: Iterable[str]) -> tuple[str, ...]:
    """The OpenCC configs of ``--edition``, checked: known, and no two with the same language."""
    editions = tuple(editions)
    if not editions:
        return editions
    from archive.edition import CONFIGS

    langs: dict[str, str] = {}
    for config in editions:
        if config not in CONFIGS:
            raise UsageError(f"unknown OpenCC config {config!r} for --edition; choose from {', '.join(CONFIGS)}")
        lang = CONFIGS[config][0]
        if lang in langs and langs[lang] != config:
            raise UsageError(f"--edition {langs[lang]} and --edition {config} both make a {lang} edition "
                             "(the same file name); give one of them")
        langs[lang] = config
    return tuple(dict.fromkeys(editions))


def safe_join(root: str | Path, rel: str) -> Path:
    """``root/rel`` for a relative "/"-separated path that stays inside ``root``.

    Raises InputError for an absolute path, ``..``, ``.``, empty parts, a
    backslash or a NUL: names read from a report are never trusted.
    """
    if not isinstance(rel, str) or not rel:
        raise InputError(f"unsafe path {rel!r}: not a relative file path")
    parts = rel.split("/")
    if (
        rel.startswith("/")
        or "\\" in rel
        or "\x00" in rel
        or any(p in ("", ".", "..") for p in parts)
        or re.match(r"^[A-Za-z]:", rel)
    ):
        raise InputError(f"unsafe path {rel!r}: it would leave its folder; names must be plain relative paths")
    return Path(root, *parts)


def _row_file(out_root: str | Path, source: str) -> Path:
    return safe_join(Path(out_root) / STATE / "rows", _nfc(source) + ".json")


# ---------------------------------------------------------------------------------------------
# the content hash


@functools.lru_cache(maxsize=1)
def code_digest() -> str:
    """sha256 of the package's files (code, data tables) and schemas: what other code wrote is
    not up to date."""
    from archive.validate import _schema_bytes

    h = hashlib.sha256(__version__.encode())
    package = Path(__file__).resolve().parent
    for path in sorted(package.rglob("*")):
        if path.is_file() and "__pycache__" not in path.parts and path.suffix not in (".pyc", ".pyo"):
            h.update(path.relative_to(package).as_posix().encode() + b"\0" + path.read_bytes() + b"\0")
    for name in ("archive.rng", "archive.sch"):
        h.update(name.encode() + b"\0" + _schema_bytes(name) + b"\0")
    return h.hexdigest()


def sha256_file(path: str | Path | None) -> str | None:
    """The sha256 of a file, or None when there is none to read (the caller reports it)."""
    if not path:
        return None
    try:
        return hashlib.sha256(Path(path).read_bytes()).hexdigest()
    except OSError:
        return None


@functools.lru_cache(maxsize=1)
def _opencc_version() -> str:
    from archive.edition import opencc_version

    return opencc_version()


def _known(meta: Metadata) -> dict[str, str]:
    return {f.name: getattr(meta, f.name) for f in fields(meta) if getattr(meta, f.name)}


def content_key(source: str, sha256: str, meta: Metadata, options: Options) -> str:
    """sha256 of everything a page's outputs depend on: its bytes and name, the metadata in
    effect, the options, the tool version and code."""
    payload = {
        "tool": __version__,
        "code": code_digest(),
        "source": _nfc(source),
        "sha256": sha256,
        "metadata": _known(meta),
        "options": options.as_dict(),
    }
    return hashlib.sha256(json.dumps(payload, sort_keys=True, ensure_ascii=False).encode()).hexdigest()


# ---------------------------------------------------------------------------------------------
# the unit of work


def _read_row(path: Path) -> dict | None:
    try:
        row = json.loads(path.read_bytes())
    except (OSError, ValueError):
        return None
    return row if isinstance(row, dict) else None


def _up_to_date(job: PageJob, key: str) -> dict | None:
    """The stored row when it has this key and every output it lists is there, unchanged."""
    row = _read_row(_row_file(job.out_root, job.source))
    if not row or row.get("key") != key or row.get("status") != "ok":
        return None
    try:
        for out in row.get("outputs", []):
            if sha256_file(safe_join(job.out_root, out["path"])) != out["sha256"]:
                return None
    except (InputError, KeyError, TypeError):
        return None
    return row


def _remove_stale(job: PageJob, keep: set[str]) -> None:
    """Remove the outputs an earlier run recorded for this page that are not in ``keep``."""
    row_file = _row_file(job.out_root, job.source)
    old = _read_row(row_file)
    if not keep:
        row_file.unlink(missing_ok=True)  # first: the page is no longer finished
    if not old:
        return
    for out in old.get("outputs", []):
        try:
            path = out["path"]
            if path not in keep:
                safe_join(job.out_root, path).unlink(missing_ok=True)
        except (InputError, KeyError, TypeError, OSError):
            continue


def _row(job: PageJob, **values) -> dict:
    row = {
        "source": job.source,
        "input": job.input_root,
        "sha256": None,
        "bytes": None,
        "status": "failed",
        "error": None,
        "key": None,
        "metadata": {},
        "articles": 0,
        "outputs": [],
        "warnings": [],
    }
    row.update(values)
    return row


def failed(job: PageJob, reason: str, seconds: float = 0.0, fatal: str | None = None, **values) -> PageResult:
    return PageResult(_row(job, error=reason, **values), "failed", seconds, fatal)


def _read_source(path: str) -> bytes:
    flags = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_BINARY", 0)
    try:
        fd = os.open(path, flags)
    except OSError as e:
        if e.errno == errno.ELOOP:
            raise InputError(f"{path}: is a symbolic link; batch does not follow links") from e
        if e.errno == errno.ENOENT:
            raise InputError(f"{path}: no such file (removed during the batch?)") from e
        raise InputError(f"{path}: cannot be read ({e.strerror or e}); check its permissions") from e
    try:
        with os.fdopen(fd, "rb") as f:
            return f.read()
    except IsADirectoryError as e:
        raise InputError(f"{path}: is a directory; give a page file") from e
    except OSError as e:
        raise InputError(f"{path}: cannot be read ({e.strerror or e}); check its permissions") from e


def _fatal(e: BaseException) -> str | None:
    """The reason when ``e`` is a full or read-only output disk."""
    while e is not None:
        if isinstance(e, OSError) and e.errno in _FATAL_ERRNOS:
            return os.strerror(e.errno)
        e = e.__cause__
    return None


def convert_page(job: PageJob) -> PageResult:
    """Convert one page: read it, write its outputs atomically, return its report row.

    Never raises for a bad page: the row says ``failed`` with the reason. Pure
    in the sense that matters: the result depends only on the job and the
    files it names, and running it twice writes the same bytes.
    """
    from archive.metadata import for_page
    from archive.pipeline import write_atomic
    from archive.reading import reading_text

    t0 = time.perf_counter()
    elapsed = lambda: time.perf_counter() - t0  # noqa: E731
    path = job.path
    try:
        data = _read_source(path)
    except InputError as e:
        _remove_stale(job, set())
        return failed(job, str(e), elapsed())
    sha = hashlib.sha256(data).hexdigest()
    facts = {"sha256": sha, "bytes": len(data)}
    try:
        meta = for_page(path, job.options.metadata_file).merged(job.options.metadata)
    except InputError as e:
        _remove_stale(job, set())
        return failed(job, str(e), elapsed(), **facts)
    key = content_key(job.source, sha, meta, job.options)
    facts.update(key=key, metadata=_known(meta))
    if not job.force:
        stored = _up_to_date(job, key)
        if stored is not None:
            return PageResult({**stored, "input": job.input_root}, "up to date", elapsed())
    try:
        result = _convert(path, data, meta, job.options.encoding)
        planned = output_paths(job.source, job.options.editions)
        blobs = {"tei": result.data}
        for _, role, config in planned:
            if role == "edition":
                blobs[config] = _edition(result, planned[0][0], config)
    except ArchiveError as e:
        _remove_stale(job, set())
        return failed(job, str(e), elapsed(), **facts)
    except Exception as e:  # a bug: report the page, keep going
        _remove_stale(job, set())
        return failed(job, f"internal error (a bug in archive, please report it): {type(e).__name__}: {e}",
                      elapsed(), **facts)

    outputs = []
    try:
        _remove_stale(job, {p for p, _, _ in planned})
        for rel, role, config in planned:
            target = safe_join(job.out_root, rel)
            if role == "text":  # what `archive text` prints for the TEI just written
                blob = reading_text(safe_join(job.out_root, planned[0][0])).encode("utf-8")
            else:
                blob = blobs[config or role]
            write_atomic(target, blob)
            entry = {"path": rel, "role": role, "sha256": hashlib.sha256(blob).hexdigest(), "bytes": len(blob)}
            if config:
                entry["edition"] = config
            outputs.append(entry)
        warnings = [{"code": "page-left-out", "message": problem}
                    for problem in result.problems] + quality_warnings(result.tree)
        row = _row(job, status="ok", articles=_articles(result.tree), outputs=outputs, warnings=warnings,
                   **facts)
        write_atomic(_row_file(job.out_root, job.source), _dumps(row, indent=1).encode("utf-8"))
    except (ArchiveError, OSError) as e:
        # the outputs of an earlier run stay: if they are still up to date, they are still good
        reason = str(e) if isinstance(e, ArchiveError) else f"cannot write ({e.strerror or e})"
        return failed(job, f"{job.out_root}: {reason}", elapsed(), fatal=_fatal(e), **facts)
    return PageResult(row, "converted", elapsed())


def _convert(name: str, data: bytes, meta: Metadata, encoding: str | None):
    """The validated TEI of a page's bytes, text or PDF."""
    from archive.pipeline import convert_bytes

    return convert_bytes(name, data, meta, encoding)


def _edition(result, tei_path: str, config: str) -> bytes:
    """The OpenCC edition of a converted page (archive/edition.py), validated."""
    from archive.edition import Options as EditionOptions
    from archive.edition import make_edition

    # from the TEI's bytes, as `archive edition` makes it from the TEI file
    return make_edition(result.data, EditionOptions(config), name=posixpath.basename(tei_path)).data


def _articles(tree) -> int:
    from archive.tei import TEI_NS

    return sum(1 for div in tree.iter(f"{{{TEI_NS}}}div") if div.get("type") == "article")


def _dumps(row: dict, indent: int | None = None) -> str:
    return json.dumps(row, ensure_ascii=False, sort_keys=True, indent=indent,
                      separators=(",", ": ") if indent else (",", ":"))


# ---------------------------------------------------------------------------------------------
# quality warnings


def quality_warnings(tree) -> list[dict]:
    """Warnings about a converted page (docs/batch.md, "Quality warnings").

    - ``untitled-article``: an article without headline (``div subtype="untitled"``);
    - ``paragraphs-doubtful``: more than DOUBTFUL_SHARE of the source lines in
      paragraphs are in *suspect* paragraphs: one that stops in mid-sentence
      (ends with a Han character, a letter, a digit or ``，、“‘（《〈【``) or
      one longer than LONG_PARAGRAPH source lines.
    """
    from archive.tei import TEI_NS

    t = f"{{{TEI_NS}}}"
    xml_id = "{http://www.w3.org/XML/1998/namespace}id"
    body = tree.find(f".//{t}body")
    out: list[dict] = []
    if body is None:
        return out
    for div in body.iter(t + "div"):
        if div.get("type") == "article" and div.get("subtype") == "untitled":
            lb = next(div.iter(t + "lb"), None)
            where = f" (from source line {lb.get('n')})" if lb is not None else ""
            out.append({"code": "untitled-article",
                        "message": f"article {div.get(xml_id)} has no headline{where}"})
    total = suspect = 0
    for p in body.iter(t + "p"):
        lbs = sum(1 for _ in p.iter(t + "lb"))
        starts_with_lb = len(p) and p[0].tag == t + "lb" and not (p.text or "").strip()
        lines = max(1, lbs + (0 if starts_with_lb else 1))
        total += lines
        text = "".join(p.itertext()).strip()
        if lines > LONG_PARAGRAPH or _CUT_END.search(text):
            suspect += lines
    if total and suspect / total > DOUBTFUL_SHARE:
        out.append({"code": "paragraphs-doubtful",
                    "message": f"{suspect / total:.0%} of the paragraph lines are in paragraphs that stop "
                               f"in mid-sentence or run over {LONG_PARAGRAPH} lines "
                               f"(more than {DOUBTFUL_SHARE:.0%}): check the paragraph breaks"})
    return out


# ---------------------------------------------------------------------------------------------
# runners


class Runner(Protocol):
    def run(self, work: Callable[[PageJob], PageResult], jobs: Iterable[PageJob]) -> Iterator[PageResult]:
        """Results of ``work(job)`` for every job, in any order."""


class InlineRunner:
    """Every page in this process, one after the other."""

    def run(self, work, jobs):
        for job in jobs:
            yield work(job)


def _ignore_sigint() -> None:
    # Ctrl-C reaches the whole process group: workers finish their page, the parent stops.
    signal.signal(signal.SIGINT, signal.SIG_IGN)


WORKER_DIED = ("the worker process died while converting this page (killed, or out of memory); "
               "it died again when the page was retried alone")


class PoolRunner:
    """Pages in ``jobs`` worker processes (concurrent.futures).

    A worker that dies breaks the pool: the pages that were in flight are
    retried one at a time, each in a new one-worker pool; a page that kills
    its worker again is reported failed, the others are converted. Then a new
    pool takes the remaining pages.
    """

    def __init__(self, jobs: int | None = None, in_flight: int = 2):
        self.jobs = max(1, jobs or cpu_count())
        self.in_flight = in_flight  # queued pages per worker

    def _pool(self, n: int) -> ProcessPoolExecutor:
        return ProcessPoolExecutor(max_workers=n, initializer=_ignore_sigint)

    def run(self, work, jobs):
        pending = deque(jobs)
        while pending:
            suspects: list[PageJob] = []
            pool = self._pool(min(self.jobs, len(pending)))
            flying: dict[Future, PageJob] = {}
            try:
                while pending or flying:
                    while pending and len(flying) < self.jobs * self.in_flight:
                        job = pending.popleft()
                        flying[pool.submit(work, job)] = job
                    done, _ = wait(flying, return_when=FIRST_COMPLETED)
                    broken = False
                    for future in sorted(done, key=lambda f: flying[f].source):
                        job = flying.pop(future)
                        try:
                            yield future.result()
                        except BrokenProcessPool:
                            suspects.append(job)
                            broken = True
                        except Exception as e:  # pickling problems and the like: a bug
                            yield failed(job, f"internal error (a bug in archive): {type(e).__name__}: {e}")
                    if broken:
                        suspects.extend(flying.values())
                        flying.clear()
                        break
            finally:
                pool.shutdown(wait=True, cancel_futures=True)
            for job in sorted(suspects, key=lambda j: j.source):
                yield self._alone(work, job)

    def _alone(self, work, job: PageJob) -> PageResult:
        pool = self._pool(1)
        try:
            return pool.submit(work, job).result()
        except BrokenProcessPool:
            return failed(job, WORKER_DIED)
        except Exception as e:
            return failed(job, f"internal error (a bug in archive): {type(e).__name__}: {e}")
        finally:
            pool.shutdown(wait=True, cancel_futures=True)


def cpu_count() -> int:
    try:
        return len(os.sched_getaffinity(0)) or 1
    except (AttributeError, OSError):
        return os.cpu_count() or 1


# ---------------------------------------------------------------------------------------------
# the batch


@dataclass(frozen=True)
class Found:
    source: str
    problem: str | None = None  # a reason it cannot be converted (a link, a bad name)


def discover(root: Path, exclude: Path | None = None) -> list[Found]:
    """Every page under ``root`` (files ending .txt or .pdf, any case), sorted by path.

    Hidden files and folders (".name") are skipped, and so is ``exclude`` (an
    output folder inside the input folder). Links are never followed: a linked
    page is listed with a problem, a linked folder is skipped with a warning.
    """
    import logging

    log = logging.getLogger("archive")
    found: list[Found] = []
    for dirpath, dirnames, filenames in os.walk(root):
        here = Path(dirpath)
        keep = []
        for name in sorted(dirnames):
            p = here / name
            if name.startswith(".") or (exclude is not None and p == exclude):
                continue
            if p.is_symlink():
                log.warning("%s: is a link to a folder; not followed", p)
                continue
            keep.append(name)
        dirnames[:] = keep
        for name in sorted(filenames):
            if name.startswith(".") or not name.lower().endswith(PAGE_SUFFIXES):
                continue
            p = here / name
            rel = p.relative_to(root).as_posix()
            try:
                rel.encode("utf-8")
            except UnicodeEncodeError:
                shown = os.fsencode(rel).decode("utf-8", "backslashreplace")
                found.append(Found(shown, "the file name is not valid UTF-8; rename the file"))
                continue
            if p.is_symlink():
                found.append(Found(rel, f"{rel}: is a symbolic link; batch does not follow links: "
                                        "copy the file into the input folder"))
            elif not p.is_file():
                found.append(Found(rel, f"{rel}: is not a regular file"))
            else:
                found.append(Found(rel))
    return sorted(found, key=lambda f: f.source)


def _collisions(found: list[Found], options: Options) -> dict[str, str]:
    """source -> reason, for pages whose outputs would have the same name."""
    owners: dict[str, list[str]] = {}
    for f in found:
        if f.problem is None:
            for path, _, _ in output_paths(f.source, options.editions):
                owners.setdefault(path, []).append(f.source)
    out = {}
    for path, sources in owners.items():
        if len(sources) > 1:
            for s in sources:
                others = ", ".join(o for o in sources if o != s)
                out.setdefault(s, f"{s} and {others} would both be written as {path}; "
                                  "keep one of them or move one into another folder")
    return out


@contextlib.contextmanager
def _lock(out_root: Path):
    """Only one batch writes into an output folder at a time."""
    import fcntl

    state = out_root / STATE
    state.mkdir(parents=True, exist_ok=True)
    fd = os.open(state / "lock", os.O_RDWR | os.O_CREAT, 0o644)
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError as e:
            raise InputError(f"{out_root}: another `archive batch` is writing there; "
                             "wait for it to finish or choose another output folder") from e
        yield
    finally:
        os.close(fd)


_TEMP = re.compile(r"^\.(.+)\.[a-z0-9_]{8}\.tmp$")


def _clean_temps(out_root: Path) -> int:
    """Remove temp files an interrupted run left (write_atomic's ``.NAME.XXXXXXXX.tmp``)."""
    removed = 0
    for dirpath, _, filenames in os.walk(out_root):
        for name in filenames:
            m = _TEMP.match(name)
            if m and m.group(1).endswith((TEI_SUFFIX, TEXT_SUFFIX, ".json", REPORT)):
                with contextlib.suppress(OSError):
                    (Path(dirpath) / name).unlink()
                    removed += 1
    return removed


def plan(input_dir: str | Path, out_dir: str | Path, options: Options = Options(),
         force: bool = False) -> tuple[list[PageJob], list[PageResult]]:
    """The jobs of a batch, and the pages that fail before any work (links, name clashes)."""
    options = replace(options, editions=check_editions(options.editions))
    in_root = Path(input_dir).resolve()
    out_root = Path(out_dir).resolve()
    exclude = out_root if out_root.is_relative_to(in_root) else None
    found = discover(in_root, exclude)
    clashes = _collisions(found, options)
    jobs, failures = [], []
    for f in found:
        job = PageJob(f.source, str(input_dir), str(in_root), str(out_root), options, force)
        problem = f.problem or clashes.get(f.source)
        if problem:
            failures.append(failed(job, problem))
        else:
            jobs.append(job)
    return jobs, failures


def run_batch(
    input_dir: str | Path,
    out_dir: str | Path,
    options: Options = Options(),
    *,
    force: bool = False,
    runner: Runner | None = None,
    jobs: int | None = None,
    progress: Callable[[PageResult, int, int, int], None] | None = None,
    on_start: Callable[[int], None] | None = None,
    work: Callable[[PageJob], PageResult] = convert_page,
) -> Summary:
    """Convert every page under ``input_dir`` into ``out_dir``; write the report last.

    ``on_start(total)`` is called once the pages are known, ``progress(result,
    done, total, failed)`` after each page. Raises
    InputError for an unusable input or output folder and when the output disk
    is full (finished pages are kept); KeyboardInterrupt passes through (no
    report is written then; run again to finish).
    """
    t0 = time.perf_counter()
    options = replace(options, editions=check_editions(options.editions))
    in_root = Path(input_dir)
    if not in_root.is_dir():
        raise InputError(f"{input_dir}: no such folder; give the folder that holds the pages")
    out_root = Path(out_dir)
    if out_root.resolve() == in_root.resolve():
        raise UsageError(f"{out_dir}: the output folder must not be the input folder; choose another")
    try:
        out_root.mkdir(parents=True, exist_ok=True)
    except OSError as e:
        raise InputError(f"{out_dir}: cannot create the output folder ({e.strerror or e})") from e
    report = out_root / REPORT
    summary = Summary(report=report)
    with _lock(out_root.resolve()):
        _clean_temps(out_root)
        page_jobs, early = plan(in_root, out_root, options, force)
        summary.total = len(page_jobs) + len(early)
        if not summary.total:
            raise InputError(f"{input_dir}: holds no pages (files ending .txt or .pdf)")
        report.unlink(missing_ok=True)  # a report always describes a finished run
        if on_start:
            on_start(summary.total)
        rows: list[dict] = []
        runner = runner or PoolRunner(jobs)

        def record(result: PageResult) -> None:
            rows.append(result.row)
            if result.ok:
                if result.done == "converted":
                    summary.converted += 1
                else:
                    summary.up_to_date += 1
                summary.warned += bool(result.row["warnings"])
            else:
                summary.failed.append((result.row["source"], result.row["error"]))
            if progress:
                progress(result, len(rows), summary.total, len(summary.failed))

        for result in early:
            record(result)
        fatal = None
        results = runner.run(work, page_jobs)
        try:
            for result in results:
                record(result)
                if result.fatal:
                    fatal = result
                    break
        finally:
            close = getattr(results, "close", None)
            if close:
                close()
        if fatal is not None:
            left = summary.total - len(rows)
            raise InputError(f"{out_dir}: {fatal.fatal}: stopped with {left} pages left; the pages done "
                             "are kept: free space and run the batch again")
        rows.sort(key=lambda r: r["source"])
        from archive.pipeline import write_atomic

        write_atomic(report, "".join(_dumps(r) + "\n" for r in rows).encode("utf-8"))
    summary.seconds = time.perf_counter() - t0
    return summary


def read_report(out_dir: str | Path) -> list[dict]:
    """The rows of OUT_DIR/batch-report.jsonl."""
    path = Path(out_dir) / REPORT
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except FileNotFoundError as e:
        raise InputError(f"{path}: no batch report; run `archive batch` into {out_dir} to the end first") from e
    except (OSError, UnicodeDecodeError) as e:
        raise InputError(f"{path}: cannot be read ({e})") from e
    rows = []
    for no, line in enumerate(lines, 1):
        try:
            row = json.loads(line)
        except ValueError as e:
            raise InputError(f"{path}:{no}: not a JSON line ({e})") from e
        if not isinstance(row, dict) or not isinstance(row.get("source"), str):
            raise InputError(f"{path}:{no}: not a page row (no source)")
        rows.append(row)
    return rows


__all__ = [
    "InlineRunner",
    "Options",
    "PageJob",
    "PageResult",
    "PoolRunner",
    "Summary",
    "convert_page",
    "output_paths",
    "quality_warnings",
    "read_report",
    "run_batch",
    "safe_join",
]


def site_files(out_dir: str | Path) -> list[Path]:
    """The TEI files and editions of the pages the report of ``out_dir`` lists as converted."""
    out_root = Path(out_dir)
    return [safe_join(out_root, out["path"]) for row in read_report(out_root) if row.get("status") == "ok"
            for out in row.get("outputs", []) if out.get("role") in ("tei", "edition")]

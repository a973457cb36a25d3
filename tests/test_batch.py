"""archive batch: a folder of pages, bad ones included; resumable, idempotent, deterministic."""

from __future__ import annotations

import errno
import fcntl
import hashlib
import json
import os
import signal
import subprocess
import sys
import time
import unicodedata
from pathlib import Path

import pytest
from click.testing import CliRunner
from lxml import etree

from archive import batch as batch_mod
from archive.batch import (
    REPORT,
    STATE,
    WORKER_DIED,
    InlineRunner,
    Options,
    PageJob,
    convert_page,
    output_paths,
    quality_warnings,
    read_report,
    run_batch,
    safe_join,
)
from archive.cli import cli
from archive.errors import ExitCode, InputError, UsageError
from archive.metadata import Metadata
from archive.validate import validate_file
from tests.helpers import ROOT, SEED

SEED_LINES = SEED.read_text(encoding="utf-8").splitlines(keepends=True)
PROSE = "今天天气很好，我们去公园散步。\n公园里有很多人在锻炼身体。\n\n晚上我们一起吃饭，聊了很多事情。\n"


def page_text(i: int) -> str:
    """A page of its own: a slice of the sample page (different pages, different outputs)."""
    start = (i * 37) % 300
    return "".join(SEED_LINES[start : start + 120 + i % 50])


def make_tree(root: Path, good: int = 4, bad: bool = True) -> dict[str, str]:
    """INPUT_DIR with two issues; returns {source: 'ok' | 'failed'}."""
    expect = {}
    a, b = root / "2024-12-17", root / "2024-12-18"
    a.mkdir(parents=True)
    b.mkdir()
    (a / "issue.toml").write_text(
        'newspaper = "示例日报"\ndate = 2024-12-17\npublisher = "示例日报社"\n[pages]\np01 = "1"\np02 = "2"\n',
        encoding="utf-8",
    )
    (a / "p01.txt").write_bytes(SEED.read_bytes())
    expect["2024-12-17/p01.txt"] = "ok"
    for i in range(good - 1):
        (b / f"p{i + 1:02d}.txt").write_text(page_text(i), encoding="utf-8")
        expect[f"2024-12-18/p{i + 1:02d}.txt"] = "ok"
    (a / "notes.md").write_text("not a page", encoding="utf-8")
    if bad:
        (a / "p02.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00" * 20)
        (a / "p03.txt").write_bytes(b"")
        (b / "scan.pdf").write_bytes(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< broken")
        expect.update({"2024-12-17/p02.txt": "failed", "2024-12-17/p03.txt": "failed",
                       "2024-12-18/scan.pdf": "failed"})
    return expect


def files(root: Path) -> dict[str, bytes]:
    """Every file below root by relative path (the lock file aside)."""
    return {
        p.relative_to(root).as_posix(): p.read_bytes()
        for p in sorted(root.rglob("*"))
        if p.is_file() and p.name != "lock"
    }


def invoke(*args: str):
    return CliRunner().invoke(cli, list(args), catch_exceptions=False)


# --------------------------------------------------------------------------------------------


def test_good_pages_converted_bad_ones_reported(tmp_path):
    expect = make_tree(tmp_path / "in")
    result = invoke("batch", str(tmp_path / "in"), "-o", str(tmp_path / "out"), "--jobs", "2")
    assert result.exit_code == ExitCode.problems_found, result.output
    out = tmp_path / "out"
    rows = read_report(out)
    assert [r["source"] for r in rows] == sorted(expect)  # every page, sorted; notes.md is no page
    assert {r["source"]: r["status"] for r in rows} == expect
    reasons = {r["source"]: r["error"] for r in rows if r["status"] == "failed"}
    assert "looks like a binary file" in reasons["2024-12-17/p02.txt"]
    assert "the file is empty" in reasons["2024-12-17/p03.txt"]
    assert "scan.pdf" in reasons["2024-12-18/scan.pdf"]  # unsupported, or (with PDF input) unreadable
    for source, reason in reasons.items():  # the log names file and reason
        assert f"failed {source}: {reason}" in result.output
    for row in rows:
        src = tmp_path / "in" / row["source"]
        assert row["sha256"] == hashlib.sha256(src.read_bytes()).hexdigest()
        assert row["input"] == str((tmp_path / "in").resolve())
        if row["status"] == "ok":
            assert [o["role"] for o in row["outputs"]] == ["tei", "text"]
            for o in row["outputs"]:
                data = (out / o["path"]).read_bytes()
                assert o["sha256"] == hashlib.sha256(data).hexdigest() and o["bytes"] == len(data)
            assert validate_file(out / row["outputs"][0]["path"]) == []
        else:
            assert row["outputs"] == []
    # mirrored folders, and nothing for the failed pages
    assert (out / "2024-12-17" / "p01.tei.xml").is_file()
    assert (out / "2024-12-17" / "p01.reading.txt").is_file()
    assert (out / "2024-12-18" / "p01.tei.xml").is_file()
    assert not (out / "2024-12-17" / "p02.tei.xml").exists()
    assert not list(out.rglob("*.tmp"))
    # metadata from the sidecar, page label from its [pages]
    p01 = next(r for r in rows if r["source"] == "2024-12-17/p01.txt")
    assert p01["metadata"] == {"newspaper": "示例日报", "date": "2024-12-17", "publisher": "示例日报社",
                               "page": "1"}
    tei = (out / "2024-12-17" / "p01.tei.xml").read_text(encoding="utf-8")
    assert '<date when="2024-12-17">' in tei and '<biblScope unit="page">1</biblScope>' in tei
    # the reading text is what `archive text` prints
    text = invoke("text", str(out / "2024-12-17" / "p01.tei.xml"))
    assert (out / "2024-12-17" / "p01.reading.txt").read_text(encoding="utf-8") == text.output


def test_report_is_deterministic_and_a_second_run_skips(tmp_path):
    make_tree(tmp_path / "in")
    first = run_batch(tmp_path / "in", tmp_path / "out", runner=InlineRunner())
    before = files(tmp_path / "out")
    stamps = {p: p.stat().st_mtime_ns for p in (tmp_path / "out").rglob("*.tei.xml")}
    time.sleep(0.01)
    second = run_batch(tmp_path / "in", tmp_path / "out", runner=InlineRunner())
    assert first.converted == 4 and len(first.failed) == 3
    assert second.converted == 0 and second.up_to_date == 4 and len(second.failed) == 3
    assert files(tmp_path / "out") == before  # the report too: no times, nothing that changes
    assert {p: p.stat().st_mtime_ns for p in stamps} == stamps  # not rewritten
    report = (tmp_path / "out" / REPORT).read_text(encoding="utf-8")
    assert "seconds" not in report and "time" not in report
    # a third run with another runner (worker processes): still the same bytes
    run_batch(tmp_path / "in", tmp_path / "out2", jobs=2)
    assert files(tmp_path / "out2") == before


def test_what_makes_a_page_out_of_date(tmp_path):
    make_tree(tmp_path / "in", bad=False)
    inp, out = tmp_path / "in", tmp_path / "out"
    run = lambda **kw: run_batch(inp, out, runner=InlineRunner(), **kw)  # noqa: E731
    run()
    # the input changes (not its time): that page only
    page = inp / "2024-12-18" / "p02.txt"
    page.write_text(page_text(7), encoding="utf-8")
    assert run().converted == 1
    # the time changes, not the content: nothing
    os.utime(page, (1, 1))
    assert run().converted == 0
    # a sidecar changes: the pages it applies to
    (inp / "2024-12-18" / "issue.toml").write_text('newspaper = "另一报"\n', encoding="utf-8")
    assert run().converted == 3
    # an option changes: every page
    assert run_batch(inp, out, Options(metadata=Metadata(rights="CC BY 4.0")),
                     runner=InlineRunner()).converted == 4
    # an output is changed or removed: that page is redone
    (out / "2024-12-17" / "p01.tei.xml").write_bytes(b"edited")
    (out / "2024-12-18" / "p01.reading.txt").unlink()
    again = run_batch(inp, out, Options(metadata=Metadata(rights="CC BY 4.0")), runner=InlineRunner())
    assert again.converted == 2 and again.up_to_date == 2
    # --force: everything
    forced = run_batch(inp, out, Options(metadata=Metadata(rights="CC BY 4.0")), runner=InlineRunner(),
                       force=True)
    assert forced.converted == 4


def test_a_page_that_turns_bad_loses_its_stale_outputs(tmp_path):
    make_tree(tmp_path / "in", bad=False)
    run_batch(tmp_path / "in", tmp_path / "out", runner=InlineRunner())
    (tmp_path / "in" / "2024-12-18" / "p01.txt").write_bytes(b"")
    summary = run_batch(tmp_path / "in", tmp_path / "out", runner=InlineRunner())
    assert [s for s, _ in summary.failed] == ["2024-12-18/p01.txt"]
    assert not (tmp_path / "out" / "2024-12-18" / "p01.tei.xml").exists()
    assert not (tmp_path / "out" / STATE / "rows" / "2024-12-18" / "p01.txt.json").exists()


class Interrupt:
    """A unit of work that is interrupted (Ctrl-C) after ``n`` pages."""

    def __init__(self, n: int):
        self.n = n

    def __call__(self, job):
        if self.n == 0:
            raise KeyboardInterrupt
        self.n -= 1
        return convert_page(job)


def test_interrupted_run_restarted_gives_the_same_bytes(tmp_path):
    make_tree(tmp_path / "in", good=6)
    run_batch(tmp_path / "in", tmp_path / "whole", runner=InlineRunner())
    with pytest.raises(KeyboardInterrupt):
        run_batch(tmp_path / "in", tmp_path / "out", runner=InlineRunner(), work=Interrupt(5))  # 3 good pages, 2 bad
    out = tmp_path / "out"
    assert not (out / REPORT).exists()  # no report of an unfinished run
    assert not list(out.rglob("*.tmp"))
    assert len(list(out.rglob("*.tei.xml"))) == 3  # the finished pages are kept
    summary = run_batch(tmp_path / "in", out, runner=InlineRunner())
    assert summary.up_to_date == 3 and summary.converted == 3
    assert files(out) == files(tmp_path / "whole")


def test_interrupted_in_the_middle_of_a_write(tmp_path, monkeypatch):
    """Ctrl-C while a page's file is being written: no half-written file, nothing lost."""
    import archive.pipeline

    make_tree(tmp_path / "in", bad=False)
    run_batch(tmp_path / "in", tmp_path / "whole", runner=InlineRunner())
    real = archive.pipeline.os.fsync
    calls = {"n": 0}

    def fsync(fd):
        calls["n"] += 1
        if calls["n"] == 5:  # third page: after its temp file got its bytes, before the rename
            raise KeyboardInterrupt
        return real(fd)

    monkeypatch.setattr(archive.pipeline.os, "fsync", fsync)
    with pytest.raises(KeyboardInterrupt):
        run_batch(tmp_path / "in", tmp_path / "out", runner=InlineRunner())
    monkeypatch.undo()
    assert not list((tmp_path / "out").rglob("*.tmp"))
    run_batch(tmp_path / "in", tmp_path / "out", runner=InlineRunner())
    assert files(tmp_path / "out") == files(tmp_path / "whole")


def _wait_for_rows(out: Path, n: int, proc: subprocess.Popen, timeout: float = 60) -> None:
    rows = out / STATE / "rows"
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        if rows.is_dir() and sum(1 for _ in rows.rglob("*.json")) >= n:
            return
        assert proc.poll() is None, "the batch finished before it could be interrupted"
        time.sleep(0.005)
    raise AssertionError("no progress")


def _wait_unlocked(out: Path, timeout: float = 30) -> None:
    """Until every process of the killed run (its workers too) let go of the output folder."""
    end = time.monotonic() + timeout
    fd = os.open(out / STATE / "lock", os.O_RDWR)
    try:
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                fcntl.flock(fd, fcntl.LOCK_UN)
                return
            except OSError:
                assert time.monotonic() < end, "the killed batch still holds its folder"
                time.sleep(0.01)
    finally:
        os.close(fd)


def _batch_process(inp: Path, out: Path) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-m", "archive", "batch", str(inp), "-o", str(out), "--jobs", "2"],
        cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, start_new_session=True,
    )


@pytest.mark.parametrize("how", ["SIGKILL", "SIGINT"])
def test_killed_process_restarted_gives_the_same_bytes(tmp_path, how):
    """A real run killed after a few pages, then run again: the bytes of an uninterrupted run.

    (Every run is a new process, as in real use: the content hash covers the code, so a run in
    this test process would not count the pages of another process's code as up to date.)
    """
    inp = tmp_path / "in"
    (inp / "d").mkdir(parents=True)
    for i in range(60):
        (inp / "d" / f"p{i:02d}.txt").write_text(page_text(i), encoding="utf-8")
    whole = _batch_process(inp, tmp_path / "whole")
    assert whole.wait(timeout=300) == 0, whole.stderr.read().decode()
    out = tmp_path / "out"
    proc = _batch_process(inp, out)
    try:
        _wait_for_rows(out, 4, proc)
        if how == "SIGKILL":  # the whole run, workers too: kill -9
            os.killpg(proc.pid, signal.SIGKILL)
        else:  # Ctrl-C in a terminal reaches the whole process group
            os.killpg(proc.pid, signal.SIGINT)
        _, err = proc.communicate(timeout=60)
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()
    if how == "SIGINT":
        assert proc.returncode == ExitCode.interrupted, err.decode()
        assert "archive: interrupted" in err.decode()
    else:
        assert proc.returncode == -signal.SIGKILL
    _wait_unlocked(out)
    assert not (out / REPORT).exists()
    done = len(list((out / STATE / "rows").rglob("*.json")))  # a row is written last: finished pages
    assert 4 <= done < 60
    assert len(list(out.rglob("*.tei.xml"))) >= done
    again = _batch_process(inp, out)
    _, err = again.communicate(timeout=300)
    assert again.returncode == 0, err.decode()
    assert f"60 pages: {60 - done} converted, {done} up to date, 0 failed" in err.decode()
    assert files(out) == files(tmp_path / "whole")


def crash_on_p02(job):
    """A unit of work whose worker process dies on one page."""
    if job.source.endswith("p02.txt"):
        os._exit(3)
    return convert_page(job)


def test_a_killed_worker_fails_its_page_only(tmp_path):
    make_tree(tmp_path / "in", good=5, bad=False)
    summary = run_batch(tmp_path / "in", tmp_path / "out", jobs=2, work=crash_on_p02)
    assert summary.failed == [("2024-12-18/p02.txt", WORKER_DIED)]
    assert summary.converted == 4
    rows = {r["source"]: r for r in read_report(tmp_path / "out")}
    assert rows["2024-12-18/p02.txt"]["status"] == "failed"
    assert all(r["status"] == "ok" for s, r in rows.items() if s != "2024-12-18/p02.txt")


def test_full_disk_stops_the_run_and_keeps_finished_pages(tmp_path, monkeypatch):
    import archive.pipeline

    make_tree(tmp_path / "in", good=5, bad=False)
    run_batch(tmp_path / "in", tmp_path / "whole", runner=InlineRunner())
    real = archive.pipeline.os.fdopen
    calls = {"n": 0}

    class Full:
        def __init__(self, f):
            self.f = f

        def __enter__(self):
            return self

        def __exit__(self, *a):
            self.f.close()

        def write(self, data):
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    def fdopen(fd, mode="r", *a, **kw):
        f = real(fd, mode, *a, **kw)
        if mode != "wb":
            return f
        calls["n"] += 1
        return Full(f) if calls["n"] > 6 else f  # two pages (tei, text, row) fit

    monkeypatch.setattr(archive.pipeline.os, "fdopen", fdopen)
    with pytest.raises(InputError, match="No space left on device.*free space and run the batch again"):
        run_batch(tmp_path / "in", tmp_path / "out", runner=InlineRunner())
    monkeypatch.undo()
    out = tmp_path / "out"
    assert not list(out.rglob("*.tmp"))
    assert len(list((out / STATE / "rows").rglob("*.json"))) == 2
    assert run_batch(tmp_path / "in", out, runner=InlineRunner()).up_to_date == 2
    assert files(out) == files(tmp_path / "whole")


def test_links_are_not_followed_and_clashes_are_reported(tmp_path):
    inp = tmp_path / "in"
    inp.mkdir()
    (inp / "p01.txt").write_text(PROSE, encoding="utf-8")
    outside = tmp_path / "secret.txt"
    outside.write_text(PROSE, encoding="utf-8")
    (inp / "link.txt").symlink_to(outside)
    (tmp_path / "elsewhere").mkdir()
    (tmp_path / "elsewhere" / "p09.txt").write_text(PROSE, encoding="utf-8")
    (inp / "linked-folder").symlink_to(tmp_path / "elsewhere")
    (inp / "p05.txt").write_text(PROSE, encoding="utf-8")
    (inp / "p05.pdf").write_bytes(b"%PDF-1.4\n")
    (inp / ".hidden.txt").write_text(PROSE, encoding="utf-8")
    summary = run_batch(inp, tmp_path / "out", runner=InlineRunner())
    failed = dict(summary.failed)
    assert set(failed) == {"link.txt", "p05.pdf", "p05.txt"}
    assert "symbolic link" in failed["link.txt"]
    assert "would both be written as p05.tei.xml" in failed["p05.txt"]
    assert summary.converted == 1
    assert not (tmp_path / "out" / "link.tei.xml").exists()
    assert not (tmp_path / "out" / "linked-folder").exists()


def test_output_inside_input_is_not_read_back(tmp_path):
    inp = tmp_path / "in"
    inp.mkdir()
    (inp / "p01.txt").write_text(PROSE, encoding="utf-8")
    run_batch(inp, inp / "out", runner=InlineRunner())
    again = run_batch(inp, inp / "out", runner=InlineRunner())  # p01.reading.txt is no page
    assert again.total == 1 and again.up_to_date == 1
    with pytest.raises(UsageError):
        run_batch(inp, inp, runner=InlineRunner())


def test_one_batch_at_a_time(tmp_path):
    make_tree(tmp_path / "in", good=1, bad=False)
    (tmp_path / "out" / STATE).mkdir(parents=True)
    fd = os.open(tmp_path / "out" / STATE / "lock", os.O_RDWR | os.O_CREAT)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        with pytest.raises(InputError, match="another `archive batch` is writing there"):
            run_batch(tmp_path / "in", tmp_path / "out", runner=InlineRunner())
    finally:
        os.close(fd)


def test_left_over_temp_files_are_removed(tmp_path):
    make_tree(tmp_path / "in", good=1, bad=False)
    run_batch(tmp_path / "in", tmp_path / "out", runner=InlineRunner())
    stale = tmp_path / "out" / "2024-12-17" / ".p01.tei.xml.abcd1234.tmp"
    stale.write_bytes(b"<TEI")  # a worker killed in mid-write (SIGKILL cannot clean up)
    mine = tmp_path / "out" / "2024-12-17" / ".notes.abcd1234.tmp"
    mine.write_bytes(b"")  # not ours: kept
    run_batch(tmp_path / "in", tmp_path / "out", runner=InlineRunner())
    assert not stale.exists() and mine.exists()


def test_options_override_the_sidecars(tmp_path):
    make_tree(tmp_path / "in", good=1, bad=False)
    result = invoke("batch", str(tmp_path / "in"), "-o", str(tmp_path / "out"), "--jobs", "1",
                    "--newspaper", "选项日报", "--issue-edition", "城市版")
    assert result.exit_code == 0, result.output
    row = read_report(tmp_path / "out")[0]
    assert row["metadata"]["newspaper"] == "选项日报"
    assert row["metadata"]["edition"] == "城市版"
    assert row["metadata"]["date"] == "2024-12-17"  # still from issue.toml
    bad = invoke("batch", str(tmp_path / "in"), "-o", str(tmp_path / "out"), "--date", "2024-13-01")
    assert bad.exit_code == ExitCode.usage


def test_bad_sidecar_fails_its_pages_only(tmp_path):
    make_tree(tmp_path / "in", bad=False)
    (tmp_path / "in" / "2024-12-18" / "issue.toml").write_text("titel = 'x'\n", encoding="utf-8")
    summary = run_batch(tmp_path / "in", tmp_path / "out", runner=InlineRunner())
    assert summary.converted == 1
    assert {s for s, _ in summary.failed} == {"2024-12-18/p01.txt", "2024-12-18/p02.txt",
                                                "2024-12-18/p03.txt"}
    assert all("unknown metadata keys ['titel']" in reason for _, reason in summary.failed)


def test_log_lines_when_not_a_terminal(tmp_path):
    make_tree(tmp_path / "in", good=2)
    result = invoke("batch", str(tmp_path / "in"), "-o", str(tmp_path / "out"), "-j", "1")
    lines = result.output.splitlines()
    assert any(line.startswith("archive: [") and " converted 2024-12-17/p01.txt (" in line for line in lines)
    assert lines[-1].startswith("archive: 5 pages: 2 converted, 0 up to date, 3 failed")
    again = invoke("batch", str(tmp_path / "in"), "-o", str(tmp_path / "out"))
    assert "up to date 2024-12-17/p01.txt" in again.output
    quiet = invoke("-q", "batch", str(tmp_path / "in"), "-o", str(tmp_path / "out"))
    assert all("failed" in line for line in quiet.output.splitlines())  # only the failures


def test_no_pages_is_bad_input(tmp_path):
    (tmp_path / "in").mkdir()
    result = invoke("batch", str(tmp_path / "in"), "-o", str(tmp_path / "out"))
    assert result.exit_code == ExitCode.bad_input
    assert "holds no pages" in result.output


def test_the_unit_of_work_is_pure(tmp_path):
    """Same job, two output folders: the same row and the same bytes."""
    inp = tmp_path / "in"
    inp.mkdir()
    (inp / "p01.txt").write_bytes(SEED.read_bytes())
    rows = []
    for name in ("a", "b"):
        job = PageJob("p01.txt", str(inp), str(inp), str(tmp_path / name))
        result = convert_page(job)
        assert result.done == "converted"
        rows.append(result.row)
    assert rows[0] == rows[1]
    assert files(tmp_path / "a") == files(tmp_path / "b")
    again = convert_page(PageJob("p01.txt", str(inp), str(inp), str(tmp_path / "a")))
    assert again.done == "up to date" and again.row == rows[0]
    json.dumps(rows[0])  # plain data


def test_names_are_nfc_and_safe(tmp_path):
    inp = tmp_path / "in"
    inp.mkdir()
    nfd = unicodedata.normalize("NFD", "café.txt")
    (inp / nfd).write_text(PROSE, encoding="utf-8")
    run_batch(inp, tmp_path / "out", runner=InlineRunner())
    names = {p.name for p in (tmp_path / "out").iterdir()}
    assert unicodedata.normalize("NFC", "café.tei.xml") in names
    assert output_paths("a/p02.txt") == [("a/p02.tei.xml", "tei", None), ("a/p02.reading.txt", "text", None)]
    for bad in ("../x", "/etc/passwd", "a/../../x", "a//b", "./a", "a\\..\\b", "C:/x", ""):
        with pytest.raises(InputError, match="unsafe path"):
            safe_join(tmp_path, bad)


def test_quality_warnings(tmp_path):
    from archive.pipeline import convert

    untitled = tmp_path / "u.txt"
    untitled.write_text(PROSE, encoding="utf-8")
    assert [w["code"] for w in quality_warnings(convert(untitled).tree)] == ["untitled-article"]
    cut = tmp_path / "cut.txt"
    cut.write_text("今天天气很好，我们去公园散步，公园里有很多人在锻炼身体\n\n"
                   "晚上我们一起吃饭，聊了很多事情，大家都很高兴地回家了\n", encoding="utf-8")
    codes = [w["code"] for w in quality_warnings(convert(cut).tree)]
    assert "paragraphs-doubtful" in codes
    assert quality_warnings(convert(SEED).tree) == []  # the sample page converts confidently
    # in the report
    inp = tmp_path / "in"
    inp.mkdir()
    (inp / "u.txt").write_text(PROSE, encoding="utf-8")
    summary = run_batch(inp, tmp_path / "out", runner=InlineRunner())
    assert summary.warned == 1
    row = read_report(tmp_path / "out")[0]
    assert row["warnings"] == [{"code": "untitled-article",
                                "message": "article a1 has no headline (from source line 1)"}]


def test_long_paragraphs_are_doubtful():
    from archive.tei import TEI_NS

    t = f"{{{TEI_NS}}}"
    root = etree.Element(t + "TEI")
    div = etree.SubElement(etree.SubElement(etree.SubElement(root, t + "text"), t + "body"), t + "div",
                           type="article", subtype="news")
    p = etree.SubElement(div, t + "p")
    for n in range(batch_mod.LONG_PARAGRAPH + 1):
        etree.SubElement(p, t + "lb", n=str(n + 1)).tail = "一句话。"
    assert [w["code"] for w in quality_warnings(root.getroottree())] == ["paragraphs-doubtful"]
    del p[batch_mod.LONG_PARAGRAPH // 2 :]
    assert quality_warnings(root.getroottree()) == []


def test_editions(tmp_path):
    make_tree(tmp_path / "in", good=2, bad=False)
    trad = tmp_path / "in" / "2024-12-18" / "p09.txt"
    trad.write_text("今天天氣很好，我們去公園散步。\n公園裏有很多人在鍛鍊身體，這裏的風景很美麗。\n"
                    "晚上我們一起吃飯，聊了很多關於學習與經濟發展的事情。\n", encoding="utf-8")
    out = tmp_path / "out"
    result = invoke("batch", str(tmp_path / "in"), "-o", str(out), "-j", "1", "--edition", "s2t",
                    "--edition", "s2hk")
    assert result.exit_code == ExitCode.problems_found, result.output
    rows = {r["source"]: r for r in read_report(out)}
    p01 = rows["2024-12-17/p01.txt"]
    assert [(o["path"], o["role"], o.get("edition")) for o in p01["outputs"]] == [
        ("2024-12-17/p01.tei.xml", "tei", None),
        ("2024-12-17/p01.reading.txt", "text", None),
        ("2024-12-17/p01.zh-Hant.tei.xml", "edition", "s2t"),
        ("2024-12-17/p01.zh-Hant-HK.tei.xml", "edition", "s2hk"),
    ]
    for o in p01["outputs"]:
        assert hashlib.sha256((out / o["path"]).read_bytes()).hexdigest() == o["sha256"]
    edition = out / "2024-12-17" / "p01.zh-Hant.tei.xml"
    assert validate_file(edition) == []
    # the same bytes as `archive convert` and then `archive edition`
    single = tmp_path / "single"
    assert invoke("convert", str(tmp_path / "in" / "2024-12-17" / "p01.txt"), "-o", str(single)).exit_code == 0
    assert invoke("edition", str(single / "p01.tei.xml"), "--config", "s2t", "-o", str(single)).exit_code == 0
    assert (single / "p01.tei.xml").read_bytes() == (out / "2024-12-17" / "p01.tei.xml").read_bytes()
    assert (single / "p01.zh-Hant.tei.xml").read_bytes() == edition.read_bytes()
    assert 'xml:lang="zh-Hant"' in edition.read_text(encoding="utf-8")
    # a Traditional page cannot have an s2t edition: the page fails, with the reason, and writes nothing
    assert rows["2024-12-18/p09.txt"]["status"] == "failed"
    assert "mostly Traditional" in rows["2024-12-18/p09.txt"]["error"]
    assert not (out / "2024-12-18" / "p09.tei.xml").exists()
    # editions are part of the content hash; an edition no longer asked for is removed
    again = run_batch(tmp_path / "in", out, runner=InlineRunner())
    assert again.converted == 3
    assert not edition.exists()
    # two configs that make the same file
    bad = invoke("batch", str(tmp_path / "in"), "-o", str(out), "--edition", "s2tw", "--edition", "s2twp")
    assert bad.exit_code == ExitCode.usage and "both make a zh-Hant-TW edition" in bad.output
    bad = invoke("batch", str(tmp_path / "in"), "-o", str(out), "--edition", "nope")
    assert bad.exit_code == ExitCode.usage and "unknown OpenCC config 'nope'" in bad.output


def test_a_pdf_page(tmp_path):
    """Where archive reads PDFs (archive.pipeline.convert_bytes), a batch converts them too."""
    import archive.pipeline

    if not hasattr(archive.pipeline, "convert_bytes"):
        pytest.skip("PDF input is not supported by this version")
    from tests import pdfs

    data, _ = pdfs.small_page()
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "p01.pdf").write_bytes(data)
    summary = run_batch(tmp_path / "in", tmp_path / "out", runner=InlineRunner())
    assert summary.failed == [] and summary.converted == 1
    assert validate_file(tmp_path / "out" / "p01.tei.xml") == []

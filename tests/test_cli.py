"""The `archive` command: output, exit codes, error messages, help."""

from __future__ import annotations

import subprocess
import sys

import pytest
from click.testing import CliRunner
from helpers import BAD, ROOT, SAMPLE_PARAGRAPHS, SEED, bad_inputs

import archive
import archive.ingest
from archive.cli import cli
from archive.errors import ExitCode, MissingDependency, ValidationFailed


def run(*args: str, input: bytes | None = None):
    return CliRunner().invoke(
        cli, list(args), input=input, catch_exceptions=False, prog_name="archive"
    )


def test_exit_code_table():
    assert {code.name: int(code) for code in ExitCode} == {
        "ok": 0,
        "problems_found": 1,
        "usage": 2,
        "bad_input": 3,
        "invalid_output": 4,
        "missing_dependency": 5,
        "interrupted": 130,
    }


def test_version():
    result = run("--version")
    assert result.exit_code == 0
    assert result.stdout == f"archive, version {archive.__version__}\n"


def test_version_subprocess():
    result = subprocess.run(
        [sys.executable, "-m", "archive", "--version"],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout == f"archive, version {archive.__version__}\n"
    assert result.stderr == ""


@pytest.mark.parametrize("command", [None, *sorted(cli.commands)])
def test_help_has_an_example(command):
    args = [command, "--help"] if command else ["--help"]
    result = run(*args)
    assert result.exit_code == 0
    assert result.stdout.startswith("Usage: archive ")
    assert "  Example:\n      archive " in result.stdout


def test_normalize_prints_the_normalized_text(tmp_path):
    page = tmp_path / "page.txt"
    page.write_bytes("高 质 量 发 展 看 昌 吉\r\n\r\n投入 3700 万元\r\n".encode())
    result = run("normalize", str(page))
    assert result.exit_code == 0
    assert result.stdout == "高质量发展看昌吉\n\n投入3700万元\n"
    assert result.stderr == ""


def test_normalize_explain(tmp_path):
    page = tmp_path / "page.txt"
    page.write_bytes(" 12 月 16 日\t\n昌\u200b吉\n".encode())
    result = run("normalize", "--explain", str(page))
    assert result.exit_code == 0
    assert result.stdout == (
        "1:1\t0\ttrim\t' ' -> ''\n"
        "1:4\t3\tcjk-ascii-space\t' ' -> ''\n"
        "1:6\t5\tcjk-ascii-space\t' ' -> ''\n"
        "1:9\t8\tcjk-ascii-space\t' ' -> ''\n"
        "1:11\t10\ttrim\t'\\t' -> ''\n"
        "2:2\t13\tinvisible\t'\\u200b' -> ''\n"
    )


def test_normalize_reads_stdin():
    result = run("normalize", "-", input=b"\xef\xbb\xbf12 \xe6\x9c\x88\n")  # BOM, "12 月"
    assert result.exit_code == 0
    assert result.stdout == "12月\n"


def test_encoding_option(tmp_path):
    page = tmp_path / "short.txt"
    page.write_bytes("中文".encode("gbk"))
    result = run("normalize", "--encoding", "gbk", str(page))
    assert result.exit_code == 0
    assert result.stdout == "中文\n"


def test_paragraphs_on_the_sample():
    result = run("paragraphs", str(SEED))
    assert result.exit_code == 0
    assert result.stdout == SAMPLE_PARAGRAPHS.read_text(encoding="utf-8")
    assert result.stderr == ""


def test_paragraphs_separates_pages_with_a_form_feed_line(tmp_path):
    page = tmp_path / "pages.txt"
    page.write_text("甲乙丙丁，戊己庚辛。\n\f子丑寅卯，辰巳午未。\n", encoding="utf-8")
    result = run("paragraphs", str(page))
    assert result.exit_code == 0
    assert result.stdout == "甲乙丙丁，戊己庚辛。\n\f\n子丑寅卯，辰巳午未。\n"


@pytest.mark.parametrize("command", ["normalize", "paragraphs"])
@pytest.mark.parametrize("kind", BAD)
def test_bad_input_is_one_line_and_exit_3(tmp_path, command, kind):
    path, message = bad_inputs(tmp_path)[kind]
    result = run(command, str(path))
    assert result.exit_code == 3
    assert result.stdout == ""
    assert result.stderr == f"archive: error: {message}\n"


def test_empty_stdin():
    result = run("normalize", "-", input=b"")
    assert result.exit_code == 3
    assert result.stdout == ""
    assert result.stderr == "archive: error: -: the file is empty; give a page with text\n"


def test_unreadable_file(tmp_path, monkeypatch):
    path = tmp_path / "page.txt"
    path.write_text("正文。", encoding="utf-8")

    def denied(self):
        raise PermissionError(13, "Permission denied", str(self))

    monkeypatch.setattr(type(path), "read_bytes", denied)
    result = run("normalize", str(path))
    assert result.exit_code == 3
    assert result.stdout == ""
    assert result.stderr == (
        f"archive: error: {path}: cannot be read (Permission denied); check its permissions\n"
    )


def test_verbose_shows_the_traceback_and_keeps_the_exit_code(tmp_path):
    path = tmp_path / "missing.txt"
    result = run("-v", "normalize", str(path))
    assert result.exit_code == 3
    assert result.stdout == ""
    assert result.stderr.startswith("Traceback (most recent call last):\n")
    assert "archive.errors.InputError: " in result.stderr
    assert result.stderr.endswith(f"archive: error: {path}: no such file; check the path\n")


def test_bad_input_subprocess_has_no_traceback(tmp_path):
    path = tmp_path / "missing.txt"
    result = subprocess.run(
        [sys.executable, "-m", "archive", "normalize", str(path)],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 3
    assert result.stdout == ""
    assert result.stderr == f"archive: error: {path}: no such file; check the path\n"


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["normalize"], "Missing argument 'PAGE'"),
        (["normalize", "--no-such-option", "x"], "No such option"),
        (["no-such-command"], "No such command 'no-such-command'"),
    ],
)
def test_usage_errors_exit_2(args, message):
    result = run(*args)
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr.startswith("Usage: archive ")
    assert message in result.stderr.splitlines()[-1]


@pytest.mark.parametrize(
    ("error", "code", "stderr"),
    [
        (MissingDependency("jing not found; apt-get install jing"), 5,
         "archive: error: jing not found; apt-get install jing\n"),
        (ValidationFailed("our TEI is invalid; nothing written", ["1:2: bad", "3:4: worse"]), 4,
         "archive: error: our TEI is invalid; nothing written\n  1:2: bad\n  3:4: worse\n"),
        (KeyboardInterrupt(), 130, "archive: interrupted\n"),
    ],
)
def test_errors_map_to_exit_codes(monkeypatch, error, code, stderr):
    def fail(*args, **kwargs):
        raise error

    monkeypatch.setattr(archive.ingest, "read_page", fail)
    result = run("normalize", str(SEED))
    assert result.exit_code == code
    assert result.stdout == ""
    assert result.stderr == stderr

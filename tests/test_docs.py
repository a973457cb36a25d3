"""The documentation agrees with the code: help texts, exit codes, metadata, seeds."""

from __future__ import annotations

import re
import shlex
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from archive.cli import cli
from archive.errors import ExitCode
from archive.metadata import ISSUE_FILE, Metadata, for_page
from tests.helpers import ROOT, SEED

DOCS = ROOT / "docs"
SEEDS = ROOT / "seeds"


def fenced(path: Path, lang: str) -> list[str]:
    """The contents of every ```lang block of a Markdown file, in order."""
    text = path.read_text(encoding="utf-8")
    return re.findall(rf"^```{lang}\n(.*?)^```", text, flags=re.M | re.S)


@pytest.mark.parametrize("name", sorted(cli.commands))
def test_every_command_help_has_an_example(name):
    result = CliRunner().invoke(cli, [name, "--help"])
    assert result.exit_code == 0, result.output
    assert "Example" in result.output, f"`archive {name} --help` shows no example"


def test_group_help_has_an_example():
    result = CliRunner().invoke(cli, ["--help"])
    assert result.exit_code == 0
    assert "Example" in result.output


@pytest.mark.parametrize("code", list(ExitCode), ids=lambda c: c.name)
def test_every_exit_code_has_a_section(code):
    text = (DOCS / "errors.md").read_text(encoding="utf-8")
    heading = re.search(rf"^## {int(code)} {code.name}\s*$", text, flags=re.M)
    assert heading, f"docs/errors.md has no section '## {int(code)} {code.name}'"
    section = text[heading.end() :].split("\n## ", 1)[0]
    assert section.strip(), f"the section for exit code {int(code)} is empty"


def _write_example(folder: Path) -> dict[str, str]:
    """Write docs/metadata.md's TOML blocks (each named by its first comment) into ``folder``."""
    blocks = fenced(DOCS / "metadata.md", "toml")
    assert blocks, "docs/metadata.md has no ```toml example"
    names = {}
    for block in blocks:
        first = block.splitlines()[0]
        m = re.match(r"#\s*([\w.-]+\.toml):", first)
        assert m, f"a ```toml block must start with '# <file name>: …', not {first!r}"
        (folder / m.group(1)).write_text(block, encoding="utf-8")
        names[m.group(1)] = block
    return names


def test_metadata_example_parses(tmp_path):
    folder = tmp_path / "issue"
    folder.mkdir()
    names = _write_example(folder)
    assert ISSUE_FILE in names
    shutil.copyfile(SEED, folder / "p02.txt")
    meta = for_page(folder / "p02.txt")
    assert meta == Metadata(
        newspaper="示例日报",
        date="2025-03-01",
        page="2",
        edition="城市版",
        publisher="示例日报社",
        place="示例市",
        rights="All rights reserved by the publisher.",
    )
    # a page without its own file gets the issue file and its [pages] label
    shutil.copyfile(SEED, folder / "p03.txt")
    assert for_page(folder / "p03.txt").page == "A3"
    assert for_page(folder / "p03.txt").edition == "第12345期"


def _file_desc(xml: str) -> str:
    m = re.search(r"^[ \t]*<fileDesc>.*?</fileDesc>", xml, flags=re.M | re.S)
    assert m, "no <fileDesc>"
    return re.sub(r"archive \S+ \(automatic", "archive VERSION (automatic", m.group(0)).strip()


def test_metadata_example_output_is_what_the_doc_shows(tmp_path, monkeypatch):
    folder = tmp_path / "issue"
    folder.mkdir()
    _write_example(folder)
    shutil.copyfile(SEED, folder / "p02.txt")
    [command] = [
        line
        for block in fenced(DOCS / "metadata.md", "sh")
        for line in block.splitlines()
        if line.startswith("archive convert")
    ]
    args = shlex.split(command)[1:]
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == 0, result.output
    written = (tmp_path / "out" / "p02.tei.xml").read_text(encoding="utf-8")
    [shown] = fenced(DOCS / "metadata.md", "xml")
    assert _file_desc(written) == _file_desc(shown)


def test_seed_issue_file_gives_only_the_newspaper():
    assert for_page(SEED) == Metadata(newspaper="昌吉日报")


def test_seeds_readme_mentions_every_file():
    readme = (SEEDS / "README.md").read_text(encoding="utf-8")
    files = [p.name for p in sorted(SEEDS.iterdir()) if p.is_file()]
    missing = [name for name in files if f"`{name}`" not in readme]
    assert not missing, f"seeds/README.md does not mention {missing}"

"""Shared pytest fixtures."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from lxml import etree

# The official TEI P5 schema, outside the repo (third-party, never copied in).
TEI_ALL = Path(__file__).resolve().parents[2] / "shared" / "evaldata" / "tei" / "tei_all.rng"


@pytest.fixture(scope="session")
def tei_all() -> etree.RelaxNG:
    """tei_all.rng compiled once per session (takes a few seconds)."""
    if not TEI_ALL.is_file():
        pytest.skip(f"tei_all.rng not found at {TEI_ALL} (evaluation data not available)")
    return etree.RelaxNG(etree.parse(str(TEI_ALL)))


@pytest.fixture(scope="session")
def jing():
    """jing(schema, *files) -> (ok, messages); skips when Debian's jing is not installed."""
    exe = shutil.which("jing")
    if exe is None:
        pytest.skip("jing is not installed (apt-get install jing)")

    def run(schema, *files):
        proc = subprocess.run(
            [exe, str(schema), *map(str, files)], capture_output=True, text=True, timeout=300
        )
        # jing prints validation errors on stdout; its stderr has harmless classpath warnings
        return proc.returncode == 0, proc.stdout

    return run

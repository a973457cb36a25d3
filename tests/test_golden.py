"""The sample page's TEI is exactly the hand-checked golden file.

Regenerate only with `python tools/regen_golden.py` and review the diff.
"""

from __future__ import annotations

import pytest
from lxml import etree

from archive.metadata import for_page
from archive.pipeline import convert, output_name
from tests.helpers import ROOT

GOLDEN = ROOT / "tests" / "golden"
SEEDS = sorted((ROOT / "seeds").glob("*.txt"))


@pytest.mark.parametrize("page", SEEDS, ids=lambda p: p.name)
def test_seed_matches_golden(page, monkeypatch):
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    golden = GOLDEN / output_name(page)
    assert golden.exists(), "no golden file: run python tools/regen_golden.py and review it"
    got = convert(page, for_page(page)).data
    want = golden.read_bytes()
    # compare canonical forms so that the message points at content, not bytes
    assert etree.tostring(etree.fromstring(got), method="c14n") == etree.tostring(
        etree.fromstring(want), method="c14n"
    ), "the sample's TEI changed: if intended, run python tools/regen_golden.py and review the diff"
    assert got == want

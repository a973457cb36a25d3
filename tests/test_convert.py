"""End to end: `convert` writes valid TEI that holds every character of the page."""

from __future__ import annotations

import collections
import os
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lxml import etree

from archive.cli import cli
from archive.errors import ValidationFailed
from archive.ingest import source_from_bytes
from archive.metadata import Metadata
from archive.normalize import normalize
from archive.pipeline import convert, convert_document
from archive.tei import TEI_NS
from tests.helpers import SEED

T = f"{{{TEI_NS}}}"
BLOCKS = ("head", "p", "byline", "dateline", "speaker", "fw", "note")
VARIANTS = Path(__file__).resolve().parents[1] / "tools"


def blocks(tree: etree._ElementTree) -> list[str]:
    """Non-whitespace text of every text block in <text>, in document order."""
    out = []
    for e in tree.getroot().iter(*(T + b for b in BLOCKS)):
        if e.xpath("ancestor::t:teiHeader", namespaces={"t": TEI_NS}):
            continue
        out.append("".join("".join(e.itertext()).split()))
    return out


def assert_nothing_lost(doc, tree) -> None:
    """Every non-whitespace character of the normalized page is in <text> exactly once,
    each block being one stretch of the page (order holds within a block)."""
    page = "".join("".join(line.text for line in p.lines) for p in doc.pages)
    page = "".join(page.split())
    found = blocks(tree)
    assert collections.Counter("".join(found)) == collections.Counter(page)
    for text in found:
        assert text in page, f"block is not a stretch of the page: {text[:40]}"


def test_sample_converts_valid_and_complete(tei_all):
    result = convert(SEED)
    assert_nothing_lost(result.doc, result.tree)
    assert tei_all.validate(result.tree), tei_all.error_log
    arts = result.tree.getroot().findall(f".//{T}div[@type='article']")
    assert len(arts) == 4


def test_sample_accepted_by_jing(tmp_path, jing):
    out = tmp_path / "sample.tei.xml"
    out.write_bytes(convert(SEED).data)
    ok, messages = jing(Path(__file__).resolve().parents[2] / "shared/evaldata/tei/tei_all.rng", out)
    assert ok, messages


def test_same_input_same_bytes(tmp_path, monkeypatch):
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    assert convert(SEED).data == convert(SEED).data
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1734393600")
    data = convert(SEED).data
    assert b'<date when="2024-12-17">2024-12-17</date>' in data
    assert data == convert(SEED).data


def test_convert_command_writes_one_file_per_page(tmp_path):
    res = CliRunner().invoke(cli, ["convert", str(SEED), "-o", str(tmp_path / "out")])
    assert res.exit_code == 0, res.stderr
    out = tmp_path / "out" / "000_b96cb40543454e04.tei.xml"
    assert out.read_bytes() == convert(SEED, Metadata(newspaper="昌吉日报")).data
    assert [p.name for p in (tmp_path / "out").iterdir()] == [out.name]


def test_convert_refuses_bad_input_and_writes_nothing(tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    res = CliRunner().invoke(cli, ["convert", str(SEED), str(empty), "-o", str(tmp_path / "out")])
    assert res.exit_code == 3
    assert "empty" in res.stderr and "Traceback" not in res.stderr
    assert not (tmp_path / "out").exists() or not list((tmp_path / "out").iterdir())


def test_invalid_output_is_exit_4_and_no_file(tmp_path, monkeypatch):
    import archive.tei as tei

    def broken_build(*args, **kwargs):
        tree = real_build(*args, **kwargs)
        etree.SubElement(tree.getroot().find(f"{T}text/{T}body"), T + "p").text = "stray"
        return tree

    real_build = tei.build
    monkeypatch.setattr("archive.pipeline.build", broken_build)
    res = CliRunner().invoke(cli, ["convert", str(SEED), "-o", str(tmp_path / "out")])
    assert res.exit_code == 4, res.output
    assert "Traceback" not in res.stderr
    assert not (tmp_path / "out").exists() or not list((tmp_path / "out").iterdir())


def test_validation_failure_raises_with_details():
    doc = normalize(source_from_bytes("x.txt", SEED.read_bytes()))
    import archive.pipeline as pipeline

    original = pipeline.build
    try:
        def bad(*a, **k):
            tree = original(*a, **k)
            tree.getroot().set("{http://www.w3.org/XML/1998/namespace}lang", "")
            for e in tree.getroot().iter(T + "lb"):
                e.set("n", "0")
            return tree

        pipeline.build = bad
        with pytest.raises(ValidationFailed) as info:
            convert_document(doc, Metadata())
        assert info.value.details
    finally:
        pipeline.build = original


def test_text_command_reads_back(tmp_path):
    out = tmp_path / "s.tei.xml"
    out.write_bytes(convert(SEED).data)
    res = CliRunner().invoke(cli, ["text", str(out)])
    assert res.exit_code == 0
    assert "# 打造全疆新质生产力策源地" in res.stdout
    assert "问：昌吉州在建设高能级创新平台方面是如何布局的？" in res.stdout


@pytest.mark.parametrize("name", ["heads-before", "caption-top", "caption-end", "no-blanks"])
def test_rearranged_sample_still_complete_and_valid(name, tmp_path, tei_all):
    import sys

    sys.path.insert(0, str(VARIANTS))
    try:
        from variants import variants
    finally:
        sys.path.pop(0)
    page = tmp_path / f"{name}.txt"
    page.write_text(variants()[name], encoding="utf-8")
    result = convert(page)
    assert_nothing_lost(result.doc, result.tree)
    assert tei_all.validate(result.tree), tei_all.error_log


# Generated pages: newspaper-like lines of any shape must convert, validate and keep every character.
_HAN = st.characters(min_codepoint=0x4E00, max_codepoint=0x4FFF)
_PUNCT = st.sampled_from("，。、；：？！“”《》（）—")
_LINE = st.lists(st.one_of(_HAN, _HAN, _HAN, _PUNCT, st.sampled_from(" 12AB□")), min_size=1, max_size=22).map("".join)
_SPECIAL = st.sampled_from(
    ["问：请问", "答：是的。", "□本报记者 张三", "（下转03版）", "本报讯 记者李四报道：今天", "——副题",
     "高 质 量 发 展", "新华社北京1月1日电（记者 王五）今天", "王建先", "赵  鹏   林  蔚", "某某摄", ""]
)
_PAGE = st.lists(st.one_of(_LINE, _LINE, _SPECIAL), min_size=1, max_size=40).map("\n".join)


@settings(max_examples=int(os.environ.get("ARCHIVE_EXAMPLES", "120")), deadline=None,
          suppress_health_check=[HealthCheck.too_slow])
@given(_PAGE)
def test_any_page_converts_valid_and_complete(text):
    if not text.strip():
        return
    doc = normalize(source_from_bytes("gen.txt", text.encode("utf-8")))
    result = convert_document(doc, Metadata())  # raises ValidationFailed if invalid
    assert_nothing_lost(doc, result.tree)


def test_write_is_atomic(tmp_path, monkeypatch):
    from archive.pipeline import write_atomic

    target = tmp_path / "a.xml"
    target.write_bytes(b"old")

    def fail(*a, **k):
        raise OSError("disk full")

    monkeypatch.setattr(os, "replace", fail)
    with pytest.raises(OSError):
        write_atomic(target, b"new")
    assert target.read_bytes() == b"old"
    assert [p.name for p in tmp_path.iterdir()] == ["a.xml"]


def _convert_page(tmp_path: Path, text: str):
    """Convert a hand-made page of text, checking that nothing is lost."""
    page = tmp_path / "page.txt"
    page.write_text(text, encoding="utf-8")
    result = convert(page)
    assert_nothing_lost(result.doc, result.tree)
    return result


def test_two_reports_under_one_headline_convert_valid(tmp_path, tei_all):
    # A second dateline of the same date under one headline opens a section holding it:
    # valid against the project's schema (checked by convert) and tei_all.
    result = _convert_page(tmp_path, (
        "保护湖泊生态、恢复水鸟栖息地\n\n多个湖区开始全面休渔\n\n"
        "本报东城3月2日电  （记者王小明）记者从湖\n区管理局获悉，东湖自3月起全面休渔，为期\n十年。\n\n"
        "东湖休渔期间，湖区将开展增殖放流，禁止\n一切捕捞活动。\n"
        "本报西城3月2日电  （记者李大伟）记者获悉，\n西湖湖区也将实施休渔，为期十年。\n\n"
        "西湖休渔期间，湖区也将开展增殖放流，禁止\n一切捕捞活动。\n"))
    assert tei_all.validate(result.tree), tei_all.error_log
    arts = result.tree.getroot().findall(f".//{T}div[@type='article']")
    assert len(arts) == 1
    datelines = arts[0].findall(f"{T}div[@type='section']/{T}dateline")
    assert [d.xpath("string()") for d in datelines] == ["本报西城3月2日电"]


def test_a_box_label_opening_an_article_without_a_headline_titles_it(tmp_path):
    # A short line right under another article's headline group (printed after its text)
    # reads as a box label; when the text it opens gets no headline of its own, it titles it.
    result = _convert_page(tmp_path, (
        "本报东城3月2日电  （记者王小明）春风吹绿\n了两岸的田野，东城的农民忙着春耕，\n播种施肥浇水样样都不落下。\n\n"
        "农民说，今年的春耕比往年早了半个\n月，东城的田野里处处是忙碌的身影。\n\n"
        "东城春耕时节农民忙\n——记东城某某村的春耕\n\n漫画天地\n"
        "城市街头停满了自行车，汽车抢入非\n机动车道，行人出行十分不便，不少\n城市开始建设慢行系统。\n"
        "（下转03版）\n"))
    heads = [[h.xpath("string()") for h in a.findall(f"{T}head")]
             for a in result.tree.getroot().findall(f".//{T}div[@type='article']")]
    assert heads == [["东城春耕时节农民忙", "——记东城某某村的春耕"], ["漫画天地"]]

"""Script editions (archive/edition.py, docs/editions.md)."""

from __future__ import annotations

import hashlib
import sys
from pathlib import Path

import opencc
import pytest
from click.testing import CliRunner
from lxml import etree

from archive import edition as E
from archive.cli import cli
from archive.edition import CONFIGS, Options, body_text, detect_script, make_edition
from archive.pipeline import convert
from archive.tei import TEI_NS, XML_ID, XML_LANG
from archive.validate import validate
from tests.helpers import SEED

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tools"))
import bench_edition  # noqa: E402

T = f"{{{TEI_NS}}}"
NAME = "000_b96cb40543454e04.tei.xml"


@pytest.fixture(scope="module")
def source() -> bytes:
    return convert(SEED).data


@pytest.fixture(scope="module")
def s2t(source):
    return make_edition(source, Options("s2t"), name=NAME, report=True)


def tree_of(data: bytes) -> etree._ElementTree:
    return etree.fromstring(data).getroottree()


def by_id(tree, xml_id: str) -> etree._Element:
    [e] = tree.getroot().xpath("//*[@xml:id=$i]", i=xml_id)
    return e


def text_of(e: etree._Element) -> str:
    return "".join(e.itertext())


def doc(source: bytes, body: str) -> bytes:
    """The sample's TEI with its body replaced by ``body`` (TEI elements, no namespace prefix)."""
    tree = tree_of(source)
    old = tree.getroot().find(f"{T}text/{T}body")
    new = etree.fromstring(f'<body xmlns="{TEI_NS}">{body}</body>')
    old.getparent().replace(old, new)
    return etree.tostring(tree, xml_declaration=True, encoding="UTF-8")


def strip_edition_header(tree: etree._ElementTree) -> etree._ElementTree:
    """The edition's tree without what the edition adds, to compare with its source."""
    tree = tree_of(etree.tostring(tree))
    root = tree.getroot()
    for xpath in ("//t:bibl[@type='edition-source']", "//t:application[@ident='opencc']",
                  "//t:normalization/t:p[starts-with(., 'Script edition:')]"):
        for e in root.xpath(xpath, namespaces={"t": TEI_NS}):
            prev = e.getprevious()
            prev.tail = e.tail
            e.getparent().remove(e)
    root.set(XML_LANG, "zh-Hans")
    return tree


def shape(tree: etree._ElementTree) -> list:
    return [(e.tag, dict(e.attrib)) for e in tree.getroot().iter()]


# ------------------------------------------------------------------ the sample

def test_speaker_keeps_his_surname(s2t):
    tree = tree_of(s2t.data)
    speaker = by_id(tree, "a4.sp2.s")
    assert text_of(speaker.find(T + "persName")) == "于峰山"  # OpenCC alone: 於峯山
    assert text_of(speaker).endswith("黨組書記于峰山：")
    assert opencc.OpenCC("s2t").convert("于峰山") == "於峯山"


def test_names_split_by_a_line_break_keep_their_lb(s2t):
    name = by_id(tree_of(s2t.data), "a3.sp2.s").find(T + "persName")
    assert name.text == "葛偉" and name[0].tag == T + "lb" and name[0].tail == "娟"


def test_no_element_attribute_or_id_is_lost(source, s2t):
    edition = tree_of(s2t.data)
    assert edition.getroot().get(XML_LANG) == "zh-Hant"
    assert shape(strip_edition_header(edition)) == shape(tree_of(source))
    ids = [e.get(XML_ID) for e in tree_of(source).getroot().iter() if e.get(XML_ID)]
    assert ids and ids == [e.get(XML_ID) for e in edition.getroot().iter() if e.get(XML_ID)]


def test_only_the_text_changes(source, s2t):
    src, ed = tree_of(source), strip_edition_header(tree_of(s2t.data))
    assert etree.tostring(src.getroot().find(T + "teiHeader")) == etree.tostring(ed.getroot().find(T + "teiHeader"))
    a, b = body_text(src), body_text(ed)
    assert a != b and len(a) == len(b)


def test_edition_is_valid_tei(s2t, tei_all):
    assert validate(s2t.data) == []
    assert tei_all.validate(tree_of(s2t.data)), tei_all.error_log


def test_every_config_gives_a_valid_edition_with_the_same_tree(source, tei_all):
    for config, (lang, _, _) in CONFIGS.items():
        ed = make_edition(source, Options(config, source_script="any"), name=NAME)
        tree = tree_of(ed.data)
        assert tree.getroot().get(XML_LANG) == lang
        assert shape(strip_edition_header(tree)) == shape(tree_of(source)), config
        assert tei_all.validate(tree), (config, tei_all.error_log)


def test_header_declares_source_opencc_and_options(source, tmp_path):
    overrides = tmp_path / "fix.tsv"
    overrides.write_text("人才\t人材\n", encoding="utf-8")
    ed = make_edition(source, Options("s2twp", profile="newspaper", overrides=str(overrides)), name=NAME)
    root = tree_of(ed.data).getroot()
    ns = {"t": TEI_NS}
    assert root.xpath("string(//t:bibl[@type='edition-source']/t:idno[@type='filename'])", namespaces=ns) == NAME
    assert root.xpath("string(//t:bibl[@type='edition-source']/t:idno[@type='sha256'])", namespaces=ns) == \
        hashlib.sha256(source).hexdigest()
    [app] = root.xpath("//t:application[@ident='opencc']", namespaces=ns)
    assert app.get("version") == E.opencc_version() == "1.4.2"
    desc = app.findtext(T + "desc")
    digest = hashlib.sha256(overrides.read_bytes()).hexdigest()
    for part in ("config s2twp", "include_tofu_risk_dictionaries=true", "name rules on",
                 "profile newspaper (sha256 ", f"overrides fix.tsv (sha256 {digest})", "converted by archive "):
        assert part in desc
    assert root.xpath("//t:normalization/t:p[starts-with(., 'Script edition:')]", namespaces=ns)


def test_round_trip_gives_the_source_except_reported_characters(source, s2t):
    back = make_edition(s2t.data, Options("t2s"), name="x.zh-Hant.tei.xml", report=True)
    assert tree_of(back.data).getroot().get(XML_LANG) == "zh-Hans"
    reported = {(a.where, a.offset) for a in s2t.ambiguities + back.ambiguities}
    src, ret = tree_of(source), tree_of(back.data)
    differing = []
    for e in src.getroot().iter():
        if e.get(XML_ID) and e.tag != T + "div":
            a, b = text_of(e), text_of(by_id(ret, e.get(XML_ID)))
            differing += [(e.get(XML_ID), i) for i, (x, y) in enumerate(zip(a, b, strict=False)) if x != y]
    assert set(differing) <= reported
    assert body_text(src) == body_text(ret)  # on the sample, nothing is even lost


def test_fast_paths_and_tree_path_write_the_same_bytes(source):
    sha = hashlib.sha256(source).hexdigest()
    for config in CONFIGS:
        opts = Options(config, source_script="any")
        from_bytes = make_edition(source, opts, name=NAME, validate=False)
        from_tree = make_edition(tree_of(source), opts, name=NAME, sha256=sha, validate=False)
        slow = make_edition(source, opts, name=NAME, validate=False, fast=False)
        assert from_bytes.data == slow.data == from_tree.data, config
    assert make_edition(source, Options("s2t"), name=NAME, validate=False).stats.get("byte_path") == 1
    assert make_edition(tree_of(source), Options("s2t"), name=NAME, sha256=sha).stats.get("fast_path") == 1
    assert "fast_path" not in make_edition(source, Options("s2twp"), name=NAME).stats


def test_source_not_as_lxml_writes_it_takes_the_general_path(source):
    # a character reference and a comment in <text>: the byte path must not be used
    data = source.replace("召开".encode(), "召&#24320;".encode(), 1).replace(b"</body>", b"<!-- x --></body>")
    assert data != source
    ed = make_edition(data, Options("s2t"), name=NAME)
    assert "byte_path" not in ed.stats and "召開" in text_of(by_id(tree_of(ed.data), "a1.h1"))
    assert ed.data == make_edition(data, Options("s2t"), name=NAME, fast=False).data


# ------------------------------------------------------------------ phrases and markup

def test_text_outside_names_is_exactly_what_opencc_gives(source):
    src = tree_of(source)
    for config in ("s2t", "s2tw", "s2twp", "s2hkp"):
        cc = opencc.OpenCC(config, include_tofu_risk_dictionaries=True)
        ed = tree_of(make_edition(source, Options(config), name=NAME).data)
        for e in src.getroot().find(T + "text").iter(T + "p", T + "head", T + "fw", T + "note"):
            assert text_of(by_id(ed, e.get(XML_ID))) == cc.convert(text_of(e)), (config, e.get(XML_ID))


def test_a_phrase_split_by_lb_is_converted_as_a_phrase(source):
    data = doc(source, '<pb n="1"/><div type="article" subtype="untitled">'
                       '<p xml:id="p1"><lb n="1"/>她的头<lb n="2"/>发很干<lb n="3"/>燥</p></div>')
    p = by_id(tree_of(make_edition(data, Options("s2t"), name="x.tei.xml").data), "p1")
    # 头发 is a phrase (頭髮); converted line by line, 发 would be 發
    assert [lb.tail for lb in p] == ["她的頭", "髮很乾", "燥"]
    assert opencc.OpenCC("s2t").convert("发很干") == "發很乾"


@pytest.mark.parametrize("fast", [True, False])
def test_phrases_that_change_length_across_lb_keep_every_character(source, fast):
    text = ["用鼠", "标做B", "超，吃方便", "面"]
    body = '<p xml:id="p1">' + "".join(f'<lb n="{i + 1}"/>{t}' for i, t in enumerate(text)) + "</p>"
    data = doc(source, f'<pb n="1"/><div type="article" subtype="untitled">{body}</div>')
    ed = make_edition(data, Options("s2twp"), name="x.tei.xml", fast=fast)
    p = by_id(tree_of(ed.data), "p1")
    whole = opencc.OpenCC("s2twp").convert("".join(text))
    assert whole == "用滑鼠做超音波，吃泡麵"  # 鼠标->滑鼠, B超->超音波 (2->3), 方便面->泡麵 (3->2)
    assert text_of(p) == whole
    assert [lb.get("n") for lb in p] == ["1", "2", "3", "4"]
    assert all(lb.tail for lb in p)  # no line lost its text


# ------------------------------------------------------------------ names

def test_name_rules(source):
    body = ('<pb n="1"/><div type="article" subtype="news"><head type="main" xml:id="h">题</head>'
            '<byline xml:id="b1">记者<persName>范冰冰</persName>、<persName>余秋雨</persName>、'
            '<persName>欧阳<lb n="3"/>修</persName>、<persName>万俟卨</persName>、<persName>郭台铭</persName>、'
            '<persName>刘元峰</persName>、<persName>杜琪峰</persName></byline>'
            '<p xml:id="p1">于是范本余下</p></div>')
    ed = tree_of(make_edition(doc(source, body), Options("s2t"), name="x.tei.xml").data)
    names = [text_of(n) for n in by_id(ed, "b1").iter(T + "persName")]
    assert names == ["范冰冰", "余秋雨", "歐陽修", "万俟卨", "郭台銘", "劉元峰", "杜琪峯"]
    assert text_of(by_id(ed, "p1")) == "於是範本餘下"  # outside names: OpenCC as it is
    off = tree_of(make_edition(doc(source, body), Options("s2t", names=False), name="x.tei.xml").data)
    assert [text_of(n) for n in by_id(off, "b1").iter(T + "persName")][1] == "餘秋雨"


def test_name_rules_traditional_to_simplified(source):
    body = ('<pb n="1"/><div type="article" subtype="news"><head type="main" xml:id="h">題</head>'
            '<byline xml:id="b1">記者<persName>於美人</persName>、<persName>於梨華</persName>、'
            '<persName>劉德華</persName>報導</byline></div>')
    ed = tree_of(make_edition(doc(source, body), Options("t2s"), name="x.tei.xml").data)
    assert [text_of(n) for n in by_id(ed, "b1").iter(T + "persName")] == ["於美人", "於梨华", "刘德华"]
    assert text_of(by_id(ed, "b1")).startswith("记者") and text_of(by_id(ed, "b1")).endswith("报导")


def test_names_file_adds_names(source, tmp_path):
    names = tmp_path / "names.tsv"
    names.write_text("# direction\tsource\ttarget\ns2t\t刘元峰\t劉元峯\n", encoding="utf-8")
    ed = tree_of(make_edition(source, Options("s2t", names_file=str(names)), name=NAME).data)
    assert text_of(by_id(ed, "a4.sp4.s").find(T + "persName")) == "劉元峯"


def test_surnames_follow_the_regional_standard(source):
    body = ('<pb n="1"/><div type="article" subtype="news"><head type="main" xml:id="h">题</head>'
            '<byline xml:id="b1"><persName>澹台明</persName>、<persName>于丹</persName></byline></div>')
    got = {}
    for config in ("s2t", "s2tw", "s2hk"):
        ed = tree_of(make_edition(doc(source, body), Options(config), name="x.tei.xml").data)
        got[config] = [text_of(n) for n in by_id(ed, "b1").iter(T + "persName")]
    assert got == {"s2t": ["澹臺明", "于丹"], "s2tw": ["澹臺明", "于丹"], "s2hk": ["澹台明", "于丹"]}


# ------------------------------------------------------------------ profiles and overrides

def test_newspaper_profile_fixes_press_conference(source):
    plain = tree_of(make_edition(source, Options("s2twp"), name=NAME).data)
    fixed = tree_of(make_edition(source, Options("s2twp", profile="newspaper"), name=NAME).data)
    assert "新聞釋出會" in text_of(by_id(plain, "a1.h1"))
    assert "新聞發布會" in text_of(by_id(fixed, "a1.h1"))
    assert "釋出" not in body_text(fixed)


def test_every_profile_pair_changes_what_opencc_gives():
    rows = [row for _, row in E._rows(E._data_text("profiles", "newspaper.tsv"))]
    assert rows
    for configs, src, target, *_ in rows:
        for config in configs.split(","):
            assert opencc.OpenCC(config).convert(src) != target, (config, src)


def test_overrides_file(source, tmp_path):
    overrides = tmp_path / "o.tsv"
    overrides.write_text("\ufeff# mine\n人才\t人材\n\n创新\t創意\n", encoding="utf-8")
    ed = tree_of(make_edition(source, Options("s2t", overrides=str(overrides)), name=NAME).data)
    text = body_text(ed)
    assert "人材" in text and "人才" not in text and "創新" not in text
    assert body_text(tree_of(source)).count("人才") == text.count("人材")


@pytest.mark.parametrize("content, message", [
    ("人才\n", "needs 2 tab-separated fields"),
    ("人才\t\n", "needs 2 tab-separated fields"),
    ("人才\t人材\n人才\t人財\n", "was already given on line 1"),
])
def test_bad_overrides_file_is_bad_input(source, tmp_path, content, message):
    (tmp_path / "x.tei.xml").write_bytes(source)
    (tmp_path / "o.tsv").write_text(content, encoding="utf-8")
    result = CliRunner().invoke(cli, ["edition", str(tmp_path / "x.tei.xml"), "--config", "s2t",
                                      "--overrides", str(tmp_path / "o.tsv")])
    assert result.exit_code == 3 and message in result.output and "o.tsv:" in result.output


# ------------------------------------------------------------------ ambiguity report

def test_report_lists_ambiguous_characters(source, tmp_path):
    (tmp_path / "x.tei.xml").write_bytes(source)
    result = CliRunner().invoke(cli, ["edition", str(tmp_path / "x.tei.xml"), "--config", "s2t",
                                      "--report", str(tmp_path / "amb.tsv")])
    assert result.exit_code == 0, result.output
    lines = (tmp_path / "amb.tsv").read_text(encoding="utf-8").splitlines()
    assert lines[0] == "xml:id\toffset\tsource\tchosen\talternatives\trule\tcontext"
    rows = [line.split("\t") for line in lines[1:]]
    src, ed = tree_of(source), tree_of((tmp_path / "x.zh-Hant.tei.xml").read_bytes())
    for where, offset, char, chosen, alternatives, rule, _ in rows:
        assert text_of(by_id(src, where))[int(offset)] == char
        assert text_of(by_id(ed, where))[int(offset)] == chosen
        assert chosen not in alternatives.split(" ") and alternatives
        assert rule in ("default", "phrase", "name", "override")
    chars = {row[2] for row in rows}
    assert {"发", "面", "后", "干"} <= chars
    assert ["a1.h1", "12", "布", "佈", "布", "phrase"] in [row[:6] for row in rows]  # 发布会
    assert any(row[2] == "于" and row[5] == "name" for row in rows)
    table = E.ambiguous("s2t")
    for char, targets in {"干": "幹乾干", "发": "發髮", "面": "面麪", "后": "後后", "里": "裏里"}.items():
        assert set(targets) <= set(table[char])


# ------------------------------------------------------------------ script detection

def test_detect_script(source, s2t):
    assert detect_script(body_text(tree_of(source))).script == "Hans"
    assert detect_script(body_text(tree_of(s2t.data))).script == "Hant"
    assert detect_script("2024 年").script == "unknown"


def test_from_auto_refuses_s2t_on_traditional_text(s2t, tmp_path):
    path = tmp_path / "trad.tei.xml"
    path.write_bytes(s2t.data)
    result = CliRunner().invoke(cli, ["edition", str(path), "--config", "s2t"])
    assert result.exit_code == 3
    assert "mostly Traditional" in result.output and "t2s" in result.output and "--from any" in result.output
    assert not (tmp_path / "trad.zh-Hant.tei.xml").exists()
    result = CliRunner().invoke(cli, ["edition", str(path), "--config", "s2t", "--from", "any", "-o", "-"])
    assert result.exit_code == 0 and result.output.startswith("<?xml")
    result = CliRunner().invoke(cli, ["edition", str(path), "--config", "s2t", "--from", "hant"])
    assert result.exit_code == 2


# ------------------------------------------------------------------ commands

def test_edition_command_writes_beside_the_source(source, tmp_path):
    path = tmp_path / "page.tei.xml"
    path.write_bytes(source)
    result = CliRunner().invoke(cli, ["edition", str(path), "--config", "s2tw"])
    assert result.exit_code == 0, result.output
    assert result.output.strip() == str(tmp_path / "page.zh-Hant-TW.tei.xml")
    back = CliRunner().invoke(cli, ["edition", str(tmp_path / "page.zh-Hant-TW.tei.xml"), "--config", "tw2s"])
    assert back.exit_code == 0 and (tmp_path / "page.zh-Hans.tei.xml").exists()
    assert E.edition_name("page.zh-Hans.tei.xml", "zh-Hant") == "page.zh-Hant.tei.xml"


def test_edition_command_errors(tmp_path):
    runner = CliRunner()
    assert runner.invoke(cli, ["edition", str(tmp_path / "none.xml"), "--config", "s2t"]).exit_code == 3
    (tmp_path / "bad.xml").write_text("<TEI", encoding="utf-8")
    assert runner.invoke(cli, ["edition", str(tmp_path / "bad.xml"), "--config", "s2t"]).exit_code == 3
    assert runner.invoke(cli, ["edition", str(tmp_path / "bad.xml"), "--config", "x2y"]).exit_code == 2


def test_convert_writes_editions(tmp_path):
    out = tmp_path / "out"
    result = CliRunner().invoke(cli, ["convert", str(SEED), "-o", str(out), "--edition", "s2t", "--edition", "s2tw"])
    assert result.exit_code == 0, result.output
    stem = SEED.stem
    assert sorted(p.name for p in out.iterdir()) == sorted(
        [f"{stem}.tei.xml", f"{stem}.zh-Hant.tei.xml", f"{stem}.zh-Hant-TW.tei.xml"])
    source = (out / f"{stem}.tei.xml").read_bytes()
    tw = tree_of((out / f"{stem}.zh-Hant-TW.tei.xml").read_bytes())
    assert tw.getroot().xpath("string(//t:bibl[@type='edition-source']/t:idno[@type='sha256'])",
                              namespaces={"t": TEI_NS}) == hashlib.sha256(source).hexdigest()


def test_convert_refuses_two_configs_of_one_language(tmp_path):
    out = tmp_path / "out"
    result = CliRunner().invoke(cli, ["convert", str(SEED), "-o", str(out), "--edition", "s2tw", "--edition", "s2twp"])
    assert result.exit_code == 2
    assert "s2tw" in result.output and "s2twp" in result.output and "zh-Hant-TW" in result.output
    assert not out.exists()


# ------------------------------------------------------------------ evaluation data

@pytest.mark.skipif(not bench_edition.TESTCASES.is_file(), reason="OpenCC testcases.json not available")
@pytest.mark.parametrize("fast", [True, False])
def test_opencc_testcases_through_the_edition(source, fast):
    figures = bench_edition.run_testcases(source, fast=fast)
    assert figures["cases"] == 556
    assert figures["failures"] == []


@pytest.mark.skipif(not bench_edition.APPLEDAILY.is_dir(), reason="Apple Daily pages not available")
def test_appledaily_round_trip(tmp_path):
    pages = sorted(bench_edition.APPLEDAILY.glob("*.htm"))[:25]
    figures = bench_edition.roundtrip(pages, "tw2s", "s2tw", tmp_path)
    assert "error" not in figures, figures
    assert figures["pages"] == 25 and figures["agreement"] > 0.99, figures


def test_cli_lists_every_config():
    """cli.py keeps its own list (so that `archive --help` does not import edition.py)."""
    from archive import cli, edition

    assert sorted(cli._CONFIG_NAMES) == sorted(edition.CONFIGS)

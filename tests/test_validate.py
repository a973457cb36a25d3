"""The project schemas (schemas/archive.rng + .sch) and archive.validate."""

from __future__ import annotations

import itertools
import random
import sys
import time
from pathlib import Path

import lxml
import pytest
from conftest import TEI_ALL
from lxml import etree

from archive import validate as v
from archive.errors import MissingDependency, ValidationFailed

ROOT = Path(__file__).resolve().parent.parent
RNG = ROOT / "schemas" / "archive.rng"
EXAMPLE = ROOT / "tests" / "data" / "valid-example.tei.xml"
TEI_NS = "http://www.tei-c.org/ns/1.0"
XML_ID = "{http://www.w3.org/XML/1998/namespace}id"


def example(*edits: tuple[str, str]) -> bytes:
    """The valid example with some text replacements (each must apply)."""
    text = EXAMPLE.read_text(encoding="utf-8")
    for old, new in edits:
        assert old in text, old
        text = text.replace(old, new, 1)
    return text.encode("utf-8")


def codes(problems) -> set[str]:
    return {p.code for p in problems}


# Later features, in the header and the body: an OpenCC edition with facsimile links.
EDITION = example(
    ('xml:lang="zh-Hans"', 'xml:lang="zh-Hant-TW"'),
    (
        "</bibl>\n      </sourceDesc>",
        '</bibl>\n        <bibl type="edition-source"><idno type="filename">page.tei.xml</idno>'
        f'<idno type="sha256">{"ab" * 32}</idno></bibl>\n      </sourceDesc>',
    ),
    (
        "<label>archive</label></application>",
        '<label>archive</label></application>\n        <application ident="opencc" version="1.1.9">'
        "<label>OpenCC</label><desc>s2twp: to Traditional (Taiwan, with phrases)</desc>"
        "</application>",
    ),
    (
        "</teiHeader>",
        '</teiHeader>\n  <facsimile><surface xml:id="s1" ulx="0" uly="0" lrx="595.3" lry="841.9">'
        '<zone xml:id="z1" ulx="10" uly="10" lrx="200.5" lry="40" type="line"/>'
        '<zone xml:id="z2" ulx="10" uly="50" lrx="200" lry="80"/></surface></facsimile>',
    ),
    ('<pb n="1"/>', '<pb n="1" facs="#s1" xml:id="pb1"/>'),
    ('xml:id="a1">', 'xml:id="a1" next="#a4">'),
    ('xml:id="a4">', 'xml:id="a4" prev="#a1">'),
    ('<head type="main" xml:id="a1.h2">', '<head type="main" xml:id="a1.h2" facs="#z1">'),
    ('<p xml:id="a1.p1">', '<p xml:id="a1.p1" facs="#z2">'),
)


# --- the valid example --------------------------------------------------------


def test_example_is_valid():
    assert v.validate_file(EXAMPLE) == []
    assert v.validate(EDITION) == []


def test_example_is_valid_tei_all(tei_all):
    for data in (EXAMPLE.read_bytes(), EDITION):
        doc = etree.fromstring(data)
        assert tei_all.validate(doc), tei_all.error_log


def test_example_is_valid_with_jing(jing, tmp_path):
    edition = tmp_path / "edition.tei.xml"
    edition.write_bytes(EDITION)
    ok, out = jing(RNG, EXAMPLE, edition)
    assert ok, out
    if TEI_ALL.is_file():
        ok, out = jing(TEI_ALL, EXAMPLE, edition)
        assert ok, out


# --- archive.rng is a subset of tei_all: random documents from its grammar -----

_R = "{http://relaxng.org/ns/structure/1.0}"
# A sample value for each datatype / pattern the schema uses (add one when adding a pattern).
_SAMPLES = {
    "language": "zh-Hant-HK",
    "date": "2024-12-17",
    "gYearMonth": "2024-12",
    "gYear": "2024",
    "decimal": "12.5",
    "anyURI": "#s1",
    "token": "A3",
    "[1-9][0-9]*": "17",
    "[0-9a-f]{64}": "ab" * 32,
    "[1-9][0-9]*:[1-9][0-9]*": "3:4",
    "[a-z0-9]+(-[a-z0-9]+)*": "cjk-ascii-space",
    r"[^\p{C}\p{Z}]+": "line",
    r"[\d]+[a-z]*[\d]*(\.[\d]+[a-z]*[\d]*){0,3}": "1.1.9",
    r"\S+": "#s1",
}


def _random_document(grammar: etree._Element, rnd: random.Random) -> etree._Element:
    defs = {d.get("name"): d for d in grammar.iter(_R + "define")}
    ids = itertools.count(1)

    def kids(node):
        return [k for k in node if isinstance(k.tag, str) and k.tag.startswith(_R)]

    def value(node) -> str:
        tag = etree.QName(node).localname
        if tag == "value":
            return node.text or ""
        if tag == "choice":
            return value(rnd.choice(kids(node)))
        if tag == "ref":
            return value(kids(defs[node.get("name")])[0])
        if tag == "list":  # a space-separated list (@facs): one or two values
            return " ".join(value(k) for k in kids(node) for _ in range(rnd.randint(1, 2)))
        if tag == "oneOrMore":
            return value(kids(node)[0])
        if node.get("type") == "ID":
            return f"x{next(ids)}"
        param = node.find(_R + "param[@name='pattern']")
        return _SAMPLES[param.text if param is not None else node.get("type")]

    def add_text(el, s):
        if len(el):
            el[-1].tail = (el[-1].tail or "") + s
        else:
            el.text = (el.text or "") + s

    def gen(node, parent, depth):
        tag = etree.QName(node).localname
        if tag == "element":
            el = etree.SubElement(parent, f"{{{TEI_NS}}}{node.get('name')}")
            for k in kids(node):
                gen(k, el, depth + 1)
        elif tag == "attribute":
            name = node.get("name").replace("xml:", "{http://www.w3.org/XML/1998/namespace}")
            parent.set(name, value(kids(node)[0]))
        elif tag in ("start", "define", "group"):
            for k in kids(node):
                gen(k, parent, depth)
        elif tag == "choice":
            gen(rnd.choice(kids(node)), parent, depth)
        elif tag in ("optional", "zeroOrMore", "oneOrMore"):
            low, high = (1, 3) if tag == "oneOrMore" else (0, 1 if tag == "optional" else 3)
            for _ in range(rnd.randint(low, low if depth > 12 else high)):
                for k in kids(node):
                    gen(k, parent, depth)
        elif tag == "ref":
            gen(defs[node.get("name")], parent, depth)
        elif tag == "text":
            add_text(parent, rnd.choice(["", "字", " 本报 "]))
        elif tag in ("data", "value"):
            add_text(parent, value(node))
        else:
            assert tag == "empty", tag

    holder = etree.Element("holder")
    gen(grammar.find(_R + "start"), holder, 0)
    return holder[0]


def test_random_documents_of_archive_rng_are_tei_all(tei_all):
    grammar = etree.parse(str(RNG)).getroot()
    own = etree.RelaxNG(grammar)
    rnd = random.Random(20241217)
    for i in range(60):
        doc = _random_document(grammar, rnd)
        assert own.validate(doc), (i, own.error_log)  # the generator is right
        assert tei_all.validate(doc), (
            i,
            tei_all.error_log,
            etree.tostring(doc, encoding="unicode"),
        )


# --- Schematron rules ------------------------------------------------------------


def test_duplicate_id():
    tree = etree.fromstring(example()).getroottree()
    tree.find(f".//{{{TEI_NS}}}p").set(XML_ID, "a1")  # in memory: the parser never saw it
    problems = [p for p in v.validate(tree) if p.code != "rng"]  # RELAX NG's ID check may fire too
    assert [p.code for p in problems] == ["id-unique", "id-unique"]
    assert 'xml:id "a1" is used 2 times' in problems[0].message
    # in a file libxml2 already refuses the second id while parsing
    problems = v.validate(example(('xml:id="a1.p2"', 'xml:id="a1.p1"')))
    assert len(problems) == 1 and problems[0].code == "id-unique" and problems[0].line > 1


def test_article_without_main_head():
    problems = v.validate(
        example(('<head type="main" xml:id="a2.h1">', '<head type="sub" xml:id="a2.h1">'))
    )
    assert codes(problems) == {"article-title"}
    assert "article a2 has no head" in problems[0].message


def test_jump_note_n():
    for bad in ('n="03"', 'n="0"', 'n=""'):
        problems = v.validate(example(('n="3" xml:id="a3.n1"', f'{bad} xml:id="a3.n1"')))
        assert "jump-n" in codes(problems), bad
    problems = v.validate(example(('n="3" xml:id="a3.n1"', 'xml:id="a3.n1"')))
    assert "jump-n" in codes(problems)
    assert any("must have @n" in p.message for p in problems)


def test_empty_persName():
    problems = v.validate(example(("<persName>刘茜</persName>", "<persName> \n </persName>")))
    assert codes(problems) == {"persName-text"}
    assert problems[0].line == 69


def test_lb_n_positive_integer():
    problems = v.validate(example(('<lb n="196"/>', '<lb n="x"/>')))
    assert "lb-n" in codes(problems)
    assert any('found "x"' in p.message for p in problems)


def test_lb_numbers_decrease_in_block():
    problems = v.validate(example(('<lb n="199"/>', '<lb n="10"/>')))
    assert codes(problems) == {"lb-order"}
    assert 'lb n="10" follows lb n="198"' in problems[0].message
    # across blocks the numbers may go back (blocks move as a whole)
    assert v.validate(example(('<lb n="205"/>', '<lb n="2"/>'))) == []


def test_figure_without_caption_or_byline():
    problems = v.validate(
        example(('<head type="caption" xml:id="pg1.f1.h"><lb n="600"/>版面图片说明。</head>', ""))
    )
    assert codes(problems) == {"figure-content"}
    assert "figure pg1.f1 has neither" in problems[0].message


# --- RELAX NG rules --------------------------------------------------------------


def test_rng_rejects_p_in_body():
    assert "rng" in codes(v.validate(example(('<pb n="1"/>', '<pb n="1"/><p>正文</p>'))))


def test_rng_rejects_unknown_head_type():
    assert "rng" in codes(v.validate(example(('<head type="kicker"', '<head type="title"'))))
    # caption heads belong in figures only
    assert "rng" in codes(v.validate(example(('<head type="kicker"', '<head type="caption"'))))


def test_rng_rejects_lb_without_n():
    assert "rng" in codes(v.validate(example(('<lb n="6"/>', "<lb/>"))))


def test_rng_rejects_unknown_attribute_and_element():
    assert "rng" in codes(
        v.validate(example(('<p xml:id="a1.p1">', '<p xml:id="a1.p1" rend="x">')))
    )
    assert "rng" in codes(v.validate(example(("正文。", "<hi>正文。</hi>"))))


@pytest.mark.parametrize(
    "old,new",
    [
        ('12月16<lb n="6"/>', '<persName>左</persName>12月16<lb n="6"/>'),  # persName in p
        ('<p xml:id="a2.p1">正文。</p>', '<p xml:id="a2.p1">正文。</p><head type="sub">x</head>'),
        ('</div>\n        <note type="jump"', '</div>\n        <p>x</p><note type="jump"'),
        ('<pb n="1"/>', '<pb n="1"/><note type="jump" subtype="to" n="2">x</note>'),
        ('<head xml:id="a3.s1.h">', '<head type="main" xml:id="a3.s1.h">'),
        ('<lb n="6"/>', '<lb n="6" xml:id="l6"/>'),
        ('<fw type="banner"', "<fw"),
        ('subtype="to" n="3"', 'n="3"'),
        ('subtype="untitled"', 'subtype="other"'),
        ('<pb n="1"/>', "<pb/>"),
        (' xml:lang="zh-Hans"', ""),
        ('version="0.1.0"', 'version="0.1.0.dev1"'),  # not a TEI version number
        ("0123456789abcdef" * 4, "not a digest"),
    ],
)
def test_rng_rejects(old, new):
    assert "rng" in codes(v.validate(example((old, new))))


# --- parsing and the API ----------------------------------------------------------


def test_not_well_formed_file(tmp_path):
    bad = tmp_path / "bad.xml"
    bad.write_text("<TEI>\n  <teiHeader>\n</TEI>\n", encoding="utf-8")
    problems = v.validate_file(bad)
    assert len(problems) == 1 and problems[0].code == "xml"
    assert (problems[0].line, problems[0].column) == (3, 7)
    assert str(problems[0]).startswith("3:7: ")


def test_problem_str():
    assert str(v.Problem("rng", 4, 2, "bad")) == "4:2: bad"


XXE = b"""<?xml version="1.0"?>
<!DOCTYPE TEI [
  <!ENTITY passwd SYSTEM "file:///etc/passwd">
  <!ENTITY remote SYSTEM "http://127.0.0.1:9/evil">
]>
<TEI xmlns="http://www.tei-c.org/ns/1.0" xml:lang="zh">&passwd;&remote;</TEI>
"""

LAUGHS = (
    b'<?xml version="1.0"?>\n<!DOCTYPE TEI [\n<!ENTITY l0 "lol">\n'
    + b"".join(b'<!ENTITY l%d "%s">\n' % (i, b"&l%d;" % (i - 1) * 10) for i in range(1, 10))
    + b']>\n<TEI xmlns="http://www.tei-c.org/ns/1.0">&l9;</TEI>\n'
)


@pytest.mark.parametrize("data", [XXE, LAUGHS], ids=["xxe", "billion-laughs"])
def test_entities_are_not_expanded(data, tmp_path):
    path = tmp_path / "evil.xml"
    path.write_bytes(data)
    start = time.monotonic()
    for problems in (v.validate(data), v.validate_file(path), v.validate(data, schema=RNG)):
        assert len(problems) == 1 and problems[0].code in {"doctype", "xml"}
        assert "root:" not in str(problems) and "lollol" not in str(problems)
    assert time.monotonic() - start < 5
    assert v.validate(XXE)[0].code == "doctype" and v.validate(XXE)[0].line == 2


def test_other_relaxng_schema(tmp_path):
    rng = tmp_path / "any.rng"
    rng.write_text(
        '<element name="TEI" ns="http://www.tei-c.org/ns/1.0"'
        ' xmlns="http://relaxng.org/ns/structure/1.0"><zeroOrMore>'
        '<choice><text/><element name="p"><text/></element></choice></zeroOrMore></element>',
        encoding="utf-8",
    )
    assert v.validate(b'<TEI xmlns="http://www.tei-c.org/ns/1.0"><p/></TEI>', schema=rng) == []
    # no Schematron with another schema, and its RELAX NG says no here
    assert codes(v.validate(EXAMPLE.read_bytes(), schema=rng)) == {"rng"}


def test_check():
    tree = etree.fromstring(example()).getroottree()
    v.check(tree)  # valid: no exception
    tree.find(f".//{{{TEI_NS}}}persName").text = " "
    with pytest.raises(ValidationFailed) as err:
        v.check(tree)
    assert [p.code for p in err.value.details] == ["persName-text"]
    assert "persName" in str(err.value)


def test_missing_isoschematron(monkeypatch):
    v._default_schemas.cache_clear()
    monkeypatch.setitem(sys.modules, "lxml.isoschematron", None)  # import now fails
    monkeypatch.delattr(lxml, "isoschematron", raising=False)
    try:
        with pytest.raises(MissingDependency, match="isoschematron"):
            v.validate(EXAMPLE.read_bytes())
    finally:
        v._default_schemas.cache_clear()

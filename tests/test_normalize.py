"""Normalization: which spaces go, which stay, and the record of every edit."""

from __future__ import annotations

import pytest
from helpers import SEED, as_printed, check_positions, make_source, replay

from archive.ingest import read_page
from archive.model import Edit
from archive.normalize import normalize, normalized_text


def norm(text: str) -> str:
    return normalized_text(normalize(make_source(text)))


def edits(text: str) -> list[tuple[int, int, int, str, str, str]]:
    return [
        (e.offset, e.line, e.column, e.before, e.after, e.rule)
        for e in normalize(make_source(text)).edits
    ]


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("12 月 16 日", "12月16日"),
        ("投入 3700 万元", "投入3700万元"),
        ("“双 30A”", "“双30A”"),
        ("高 质 量 发 展 看 昌 吉", "高质量发展看昌吉"),
        ("2025 年，昌吉州", "2025年，昌吉州"),
        ("引进 Python 人才", "引进Python人才"),
    ],
)
def test_typesetting_spaces_are_removed(raw, expected):
    assert norm(raw) == expected + "\n"


@pytest.mark.parametrize(
    "text",
    [
        "“创新驱动 质引未来”",
        "落实人才政策 大力引进高层次人才",
        "本报讯 记者左晓雨报道",
        "□本报记者 刘茜",
        "New York Times",  # spaces between Latin words
        "高 质量",  # two tokens: not letter-spaced
    ],
)
def test_meaningful_spaces_stay(text):
    assert norm(text) == text + "\n"
    assert edits(text) == []


def test_edits_of_a_date():
    assert edits("12 月 16 日") == [
        (2, 1, 3, " ", "", "cjk-ascii-space"),
        (4, 1, 5, " ", "", "cjk-ascii-space"),
        (7, 1, 8, " ", "", "cjk-ascii-space"),
    ]


def test_edits_of_letter_spacing_on_line_two():
    assert edits("权威发布\n高 质 量") == [
        (6, 2, 2, " ", "", "letter-spacing"),
        (8, 2, 4, " ", "", "letter-spacing"),
    ]


def test_letter_spacing_with_mixed_space_characters():
    # tab, U+3000 and a space all become " ": the line is letter-spaced (and stays
    # so when normalized again)
    assert norm("高\u3000质 量\t发") == "高质量发\n"


def test_leading_and_trailing_spaces_are_removed_and_indent_kept():
    doc = normalize(make_source("\u3000\u3000本报讯 记者  \n    abc\n\tdef"))
    assert [(line.text, line.indent) for line in doc.pages[0].lines] == [
        ("本报讯 记者", 2.0),
        ("abc", 2.0),
        ("def", 1.0),
    ]
    assert [(e.offset, e.before, e.rule) for e in doc.edits] == [
        (0, "\u3000\u3000", "trim"),
        (8, "  ", "trim"),
        (11, "    ", "trim"),
        (19, "\t", "trim"),
    ]


@pytest.mark.parametrize("ch", ["\u200b", "\u200c", "\u200d", "\u2060", "\ufeff", "\u00ad"])
def test_invisible_characters_are_removed(ch):
    assert norm(f"昌{ch}吉") == "昌吉\n"
    assert edits(f"昌{ch}吉") == [(1, 1, 2, ch, "", "invisible")]


@pytest.mark.parametrize("ch", ["\x01", "\x08", "\x0b", "\x1f", "\ufffe", "\uffff"])
def test_xml_forbidden_characters_are_removed(ch):
    assert norm(f"昌{ch}吉") == "昌吉\n"
    assert edits(f"昌{ch}吉") == [(1, 1, 2, ch, "", "xml-forbidden")]


@pytest.mark.parametrize(
    ("ch", "rule"), [("\t", "space-char"), ("\u00a0", "space-char"), ("\u3000", "space-char")]
)
def test_other_spaces_become_a_space(ch, rule):
    assert norm(f"创新驱动{ch}质引未来") == "创新驱动 质引未来\n"
    assert edits(f"创新驱动{ch}质引未来") == [(4, 1, 5, ch, " ", rule)]


def test_nfc_not_nfkc():
    text = "，。：；？！（）ＡＢＣ１２３ ﬁ ①"
    assert norm(text) == text + "\n"  # NFKC would make these ASCII
    assert edits(text) == []


def test_cjk_compatibility_ideograph_becomes_unified():
    assert norm("\uf900，") == "\u8c48，\n"
    assert edits("\uf900，") == [(0, 1, 1, "\uf900", "\u8c48", "nfc")]


def test_combining_mark_is_composed():
    assert norm("Cafe\u0301 昌吉") == "Caf\u00e9 昌吉\n"
    assert edits("Cafe\u0301 昌吉") == [(3, 1, 4, "e\u0301", "\u00e9", "nfc")]


def test_kana_voicing_mark_is_composed_in_its_own_edit():
    # U+3099 is not in the cluster pattern; the edit covers only what changed
    assert norm("  か\u3099 ") == "が\n"
    assert edits("  か\u3099 ") == [
        (0, 1, 1, "  ", "", "trim"),
        (2, 1, 3, "か\u3099", "が", "nfc"),
        (4, 1, 5, " ", "", "trim"),
    ]


def test_line_end_hyphen_in_latin_word():
    doc = normalize(make_source("infor-\nmation"))
    assert [(line.text, line.hyphen) for line in doc.pages[0].lines] == [
        ("infor", True),
        ("mation", False),
    ]
    assert [(e.offset, e.line, e.column, e.before, e.rule) for e in doc.edits] == [
        (5, 1, 6, "-", "line-end-hyphen")
    ]


@pytest.mark.parametrize("text", ["well-\nKnown", "2024-\n12", "中-\nabc", "abc-\n\ndef"])
def test_other_line_end_hyphens_stay(text):
    assert norm(text) == text + "\n"


def test_form_feed_starts_a_page():
    doc = normalize(make_source("甲\f乙\n丙"))
    assert [[(line.no, line.text) for line in page.lines] for page in doc.pages] == [
        [(1, "甲")],
        [(1, "乙"), (2, "丙")],
    ]
    assert doc.edits == (Edit(1, 1, 2, "\f", "", "page-break"),)
    assert normalized_text(doc) == "甲\f乙\n丙\n"


# --- edits that touch what an earlier rule already changed ------------------------------------


@pytest.mark.parametrize(
    ("raw", "expected", "recorded"),
    [
        # a zero-width space inside the leading spaces: one trim edit covers all of it
        (" \u200b abc", "abc\n", [(0, 1, 1, " \u200b ", "", "trim")]),
        # ... inside the space between Han and a digit
        ("中 \u200b 1", "中1\n", [(1, 1, 2, " \u200b ", "", "cjk-ascii-space")]),
        # ... between a letter and its combining mark
        ("e\u200b\u0301", "\u00e9\n", [(0, 1, 1, "e\u200b\u0301", "\u00e9", "nfc")]),
        # a space that NFC changes (U+2000 -> U+2002) and trim then removes
        ("\u2000abc", "abc\n", [(0, 1, 1, "\u2000", "", "trim")]),
        # ... and one space-char then makes a plain space
        ("昌\u2001吉", "昌 吉\n", [(1, 1, 2, "\u2001", " ", "space-char")]),
    ],
)
def test_edits_never_overlap(raw, expected, recorded):
    assert norm(raw) == expected
    assert edits(raw) == recorded


# --- the sample page -------------------------------------------------------------------------


def test_sample_edits_replay_to_the_normalized_text():
    source = read_page(SEED)
    doc = normalize(source)
    assert len(doc.edits) == 87
    assert {e.rule for e in doc.edits} == {"cjk-ascii-space", "letter-spacing", "trim"}
    check_positions(source.text, doc.edits)
    assert as_printed(source.text, replay(source.text, doc.edits)) == normalized_text(doc)


def test_sample_normalization_is_idempotent():
    once = normalized_text(normalize(read_page(SEED)))
    again = normalize(make_source(once))
    assert normalized_text(again) == once
    assert again.edits == ()


def test_sample_first_lines():
    lines = normalized_text(normalize(read_page(SEED))).splitlines()
    assert lines[:5] == [
        "权威发布",
        "",
        "高质量发展看昌吉",
        "",
        "本报讯 记者左晓雨报道：12月16",
    ]


@pytest.mark.parametrize(
    ("raw", "pad"),
    [
        ("12 月 16 日", 1.5),
        ("高\u3000质\u3000量", 2.0),  # U+3000 is an em wide
        ("高  质  量", 2.0),
        ("高 \u200b 质  量", 2.0),  # the zero-width space is not printed
        ("中 \u200b 1", 1.0),
        ("创新驱动 质引未来", 0.0),  # a kept space is still in the text
    ],
)
def test_pad_is_the_printed_width_of_removed_inner_spaces(raw, pad):
    (line,) = normalize(make_source(raw)).pages[0].lines
    assert line.pad == pad

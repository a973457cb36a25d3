"""Paragraph restoration: the hand-checked sample, small pages, and Block.split."""

from __future__ import annotations

import pytest
from helpers import SAMPLE_PARAGRAPHS, SEED, make_source, nonspace

from archive.ingest import read_page
from archive.model import Block, Mark, Piece
from archive.normalize import normalize, normalized_text
from archive.paragraphs import restore


def paragraphs(text: str) -> list[list[str]]:
    return [[block.text for block in page] for page in restore(normalize(make_source(text)))]


def test_sample_equals_hand_checked_paragraphs():
    pages = restore(normalize(read_page(SEED)))
    assert len(pages) == 1
    got = "".join(block.text + "\n" for block in pages[0])
    assert got == SAMPLE_PARAGRAPHS.read_text(encoding="utf-8")


def test_sample_loses_nothing():
    doc = normalize(read_page(SEED))
    restored = "".join(block.text for page in restore(doc) for block in page)
    assert nonspace(restored) == nonspace(normalized_text(doc))


def test_sample_blocks_point_back_to_their_lines():
    doc = normalize(read_page(SEED))
    texts = {line.no: line.text for line in doc.pages[0].lines}
    for block in restore(doc)[0]:
        numbers = [piece.line for piece in block.pieces]
        assert numbers == sorted(set(numbers))
        for piece in block.pieces:
            assert piece.text == texts[piece.line]


def test_column_wraps_are_joined_and_bylines_open_blocks():
    page = (
        "权威发布\n"
        "\n"
        "本报讯 记者左晓雨报道：12月16\n"
        "日，昌吉州召开人才工作新闻发布会。\n"
        "昌吉州党委常委、组织部部长王路平介\n"
        "绍了昌吉州的独特优势、发展情况和人\n"
        "才工作取得的成效。\n"
        "\n"
        "□本报记者 刘茜\n"
    )
    assert paragraphs(page) == [
        [
            "权威发布",
            "本报讯 记者左晓雨报道：12月16日，昌吉州召开人才工作新闻发布会。"
            "昌吉州党委常委、组织部部长王路平介绍了昌吉州的独特优势、发展情况和人才工作取得的成效。",
            "□本报记者 刘茜",
        ]
    ]


def test_latin_lines_join_with_a_space_and_hyphens_without():
    assert paragraphs("The infor-\nmation age is here and we\nare all living in it now.\n") == [
        ["The information age is here and we are all living in it now."]
    ]


def test_pages_are_restored_separately():
    assert paragraphs("甲乙丙丁，戊己庚辛。\f子丑寅卯，辰巳午未。\n") == [
        ["甲乙丙丁，戊己庚辛。"],
        ["子丑寅卯，辰巳午未。"],
    ]


@pytest.mark.xfail(
    strict=True,
    reason="paragraphs.py: OPENER breaks before a line starting 本报记者 even in mid-sentence",
)
def test_opener_words_after_a_column_wrap_in_mid_sentence():
    page = (
        "昌吉州党委常委、组织部部长王路平在接受\n"
        "本报记者采访时说，昌吉州将持续实施人\n"
        "才计划，大力引进高层次人才来昌工作。\n"
    )
    assert paragraphs(page) == [
        ["昌吉州党委常委、组织部部长王路平在接受本报记者采访时说，昌吉州将持续实施人才计划，"
         "大力引进高层次人才来昌工作。"]
    ]


@pytest.mark.xfail(
    strict=True,
    reason="paragraphs.py: CLOSER ends a block at any line ending in 摄, even 拍摄 in mid-sentence",
)
def test_closer_words_at_a_column_wrap_in_mid_sentence():
    page = (
        "近日，昌吉州举办摄影展，记者在现场拍摄\n"
        "了大量照片，展现昌吉州的发展成就和风\n"
        "貌，吸引了众多市民前来参观和拍照留念。\n"
    )
    assert paragraphs(page) == [
        ["近日，昌吉州举办摄影展，记者在现场拍摄了大量照片，展现昌吉州的发展成就和风貌，"
         "吸引了众多市民前来参观和拍照留念。"]
    ]


# --- Block.split -----------------------------------------------------------------------------

BLOCK = Block((Piece(3, "abc"), Piece(4, "def", " "), Piece(5, "中文")), page=2)


@pytest.mark.parametrize(
    ("at", "head", "tail"),
    [
        (1, "a", "bc def中文"),
        (3, "abc", "def中文"),  # at the separator: it is dropped
        (4, "abc", "def中文"),  # just after it: dropped too
        (5, "abc d", "ef中文"),
        (7, "abc def", "中文"),
        (8, "abc def中", "文"),
    ],
)
def test_split_text(at, head, tail):
    h, t = BLOCK.split(at)
    assert (h.text, t.text) == (head, tail)
    assert h.page == t.page == 2


def test_split_in_mid_line_marks_the_tail_piece():
    h, t = BLOCK.split(5)
    assert h.pieces == (Piece(3, "abc"), Piece(4, "d", " "))
    assert t.pieces == (Piece(4, "ef", "", starts_line=False), Piece(5, "中文"))


@pytest.mark.parametrize("at", [0, len(BLOCK.text), -1, 99])
def test_split_outside_raises(at):
    with pytest.raises(ValueError):
        BLOCK.split(at)


def test_split_keeps_marks_on_their_text():
    block = Block((Piece(1, "记者"), Piece(2, "左晓雨报道")), marks=(Mark(2, 5),))
    h, t = block.split(2)
    assert [t.text[m.start : m.end] for m in t.marks] == ["左晓雨"]
    assert h.marks == ()


def test_split_at_a_separator_keeps_marks_on_their_text():
    block = Block((Piece(1, "abc"), Piece(2, "def", " ")), marks=(Mark(4, 7),))
    assert block.text[4:7] == "def"
    _, tail = block.split(3)
    assert [tail.text[m.start : m.end] for m in tail.marks] == ["def"]


def test_strip():
    block = Block((Piece(1, "  abc"), Piece(2, "def  ")))
    assert block.strip().text == "abcdef"

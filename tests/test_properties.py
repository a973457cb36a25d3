"""Properties of ingest, normalization and paragraph restoration on generated newspaper text."""

from __future__ import annotations

import re

from helpers import as_printed, check_positions, make_source, nonspace, replay
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from archive.ingest import source_from_bytes, unify_line_ends
from archive.model import Block, Piece
from archive.normalize import normalize, normalized_text
from archive.paragraphs import restore

SETTINGS = settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])

HAN = (
    "高质量发展看昌吉本报讯记者左晓雨报道州召开人才工作新闻发布会党委常委组织部长王路平介绍"
    "\uf900\u8c48"  # a compatibility ideograph and its unified form
)
LOWER = "abcdefghijklmnopqrstuvwxyz"
PUNCT = "，。、；：？！“”《》（）"
ZERO_WIDTH = "\u200b\u200c\u200d\u2060\ufeff\u00ad"
ODD_SPACE = "\t\u00a0\u3000\u2002\u2000"
COMBINING = "\u0301\u0308\u0327"
CONTROL = "\x01\x0b\x1f"

han = st.text(alphabet=HAN, min_size=1, max_size=8)
punct = st.sampled_from(PUNCT)
digits = st.text(alphabet="0123456789", min_size=1, max_size=5)
word = st.text(alphabet=LOWER + LOWER.upper(), min_size=1, max_size=8)
spaces = st.text(alphabet=" ", min_size=1, max_size=3)
odd_space = st.sampled_from(ODD_SPACE)
zero_width = st.sampled_from(ZERO_WIDTH)
# a letter with its combining marks, or a kana with the voicing mark NFC composes
accented = st.one_of(
    st.builds(
        lambda c, m: c + m,
        st.sampled_from("aeiouc"),
        st.text(alphabet=COMBINING, min_size=1, max_size=2),
    ),
    st.just("か\u3099"),
    st.sampled_from(COMBINING),  # a stray mark
)
GAPS = [" ", "  ", "\u3000", "\t", "\u00a0"]


@st.composite
def letter_spaced(draw) -> str:
    """Single characters with the same gap between them, or (as extractors mix them) gaps
    of different space characters."""
    chars = draw(st.lists(st.sampled_from(HAN + "A1"), min_size=3, max_size=8))
    if draw(st.booleans()):
        gaps = [draw(st.sampled_from(GAPS))] * (len(chars) - 1)
    else:
        n = len(chars) - 1
        gaps = draw(st.lists(st.sampled_from(GAPS), min_size=n, max_size=n))
    return chars[0] + "".join(g + c for g, c in zip(gaps, chars[1:], strict=True))


token = st.one_of(
    han, han, han, punct, punct, digits, word, spaces, spaces,
    odd_space, zero_width, accented, st.sampled_from(CONTROL),
)


@st.composite
def line(draw) -> str:
    kind = draw(st.integers(0, 9))
    if kind == 0:
        return ""  # a blank line
    if kind == 1:
        text = draw(letter_spaced())
    elif kind == 2:  # a Latin word broken by a hyphen; the next line goes on in lowercase
        text = draw(st.lists(word, min_size=1, max_size=3).map(" ".join)) + "-"
    else:
        text = "".join(draw(st.lists(token, min_size=1, max_size=12)))
    lead = draw(st.sampled_from(["", "", "", " ", "  ", "\u3000\u3000", "\t"]))
    trail = draw(st.sampled_from(["", "", "", " ", "\t", "\u200b"]))
    return lead + text + trail


@st.composite
def page_text(draw) -> str:
    """Lines joined by LF, CRLF or CR; now and then a form feed starts a page."""
    lines = draw(st.lists(line(), min_size=1, max_size=15))
    out = []
    for i, text in enumerate(lines):
        if i and lines[i - 1].endswith("-") and draw(st.booleans()):
            text = draw(st.text(alphabet=LOWER, min_size=1, max_size=6)) + text
        if draw(st.integers(0, 9)) == 0:
            text = "\f" + text if draw(st.booleans()) else text + "\f"
        out.append(text)
        out.append(draw(st.sampled_from(["\n", "\n", "\r\n", "\r"])))
    if draw(st.booleans()):
        out.pop()  # no line end after the last line
    return "".join(out)


@SETTINGS
@given(page_text())
def test_normalize_is_idempotent(raw):
    once = normalized_text(normalize(make_source(raw)))
    again = normalize(make_source(once))
    assert normalized_text(again) == once
    assert {e.rule for e in again.edits} <= {"page-break"}


@SETTINGS
@given(page_text())
def test_edits_account_for_every_change(raw):
    source = make_source(raw)
    doc = normalize(source)
    # edits are on the decoded text after line-end unification: they never touch a line end
    assert not any("\n" in e.before or "\r" in e.before for e in doc.edits)
    check_positions(source.text, doc.edits)
    assert as_printed(source.text, replay(source.text, doc.edits)) == normalized_text(doc)
    breaks = [e for e in doc.edits if e.rule == "page-break"]
    assert len(breaks) == source.text.count("\f") == len(doc.pages) - 1


@SETTINGS
@given(page_text())
def test_normalized_lines_are_clean(raw):
    doc = normalize(make_source(raw))
    for page in doc.pages:
        for ln in page.lines:
            assert ln.text == ln.text.strip()
            assert not re.search(rf"[^\S ]|[{ZERO_WIDTH}\x00-\x08\x0b-\x1f]", ln.text)


@SETTINGS
@given(page_text())
def test_restoring_paragraphs_loses_nothing(raw):
    doc = normalize(make_source(raw))
    pages = restore(doc)
    assert len(pages) == len(doc.pages)
    for page, blocks in zip(doc.pages, pages, strict=True):
        restored = "".join(block.text for block in blocks)
        assert nonspace(restored) == nonspace("".join(ln.text for ln in page.lines))


@SETTINGS
@given(page_text())
def test_blocks_point_into_their_page_in_line_order(raw):
    doc = normalize(make_source(raw))
    for page, blocks in zip(doc.pages, restore(doc), strict=True):
        texts = {ln.no: ln.text for ln in page.lines}
        seen = []
        for block in blocks:
            assert block.page == page.number
            assert block.pieces
            numbers = [piece.line for piece in block.pieces]
            assert numbers == sorted(set(numbers))  # increasing
            for piece in block.pieces:
                assert piece.line in texts
                assert piece.text == texts[piece.line] != ""
                assert piece.sep in ("", " ")
            seen += numbers
        assert seen == sorted(set(seen))  # blocks in order, no line twice
        assert set(seen) == {no for no, text in texts.items() if text}


def check_split(block: Block, at: int) -> None:
    text = block.text
    head, tail = block.split(at)
    joined = head.text + tail.text
    assert joined in (
        text,
        text[:at] + text[at + 1 :] if text[at] == " " else None,  # separator after the cut dropped
        text[: at - 1] + text[at:] if text[at - 1] == " " else None,  # ... or before it
    ), (text, at, head.text, tail.text)
    lines = [p.line for p in head.pieces + tail.pieces]
    assert lines == sorted(lines)  # a line cut in two shows up in both halves
    assert set(lines) == {p.line for p in block.pieces}
    assert head.page == tail.page == block.page


@SETTINGS
@given(page_text(), st.data())
def test_split_restored_blocks_anywhere(raw, data):
    doc = normalize(make_source(raw))
    blocks = [block for page in restore(doc) for block in page if len(block.text) > 1]
    assume(blocks)
    block = data.draw(st.sampled_from(blocks))
    check_split(block, data.draw(st.integers(1, len(block.text) - 1)))


pieces = st.lists(
    st.builds(
        Piece,
        st.integers(1, 50),
        st.text(alphabet=HAN[:6] + "ab1，", min_size=1, max_size=5),
        st.sampled_from(["", " "]),
    ),
    min_size=1,
    max_size=6,
).map(lambda ps: tuple(Piece(i + 1, p.text, p.sep if i else "") for i, p in enumerate(ps)))


@SETTINGS
@given(pieces, st.data())
def test_split_any_block_anywhere(ps, data):
    block = Block(ps)
    assume(len(block.text) > 1)
    check_split(block, data.draw(st.integers(1, len(block.text) - 1)))


@SETTINGS
@given(page_text(), st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "utf-16-le", "utf-16-be"]))
def test_ingest_decodes_unicode_encodings(raw, encoding):
    raw = re.sub(f"[{CONTROL}]", "", raw)  # ingest takes control characters for a binary file
    expected, ends = unify_line_ends(raw)
    if encoding == "utf-8":
        assume(not raw.startswith("\ufeff"))  # its UTF-8 bytes are a BOM
    else:  # a BOM is taken off; so is a ZERO WIDTH NO-BREAK SPACE right after it
        expected = expected.lstrip("\ufeff")
    assume(expected.strip())  # whitespace only is bad input (tested elsewhere)
    data = raw.encode(encoding)
    if encoding == "utf-16-le":
        data = b"\xff\xfe" + data
    elif encoding == "utf-16-be":
        data = b"\xfe\xff" + data
    source = source_from_bytes("gen", data)
    assert source.text == expected
    assert source.line_ends == ends

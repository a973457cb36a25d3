"""Character widths and sentence ends: the fast forms agree with the plain ones."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from archive.chars import _ENDS_SENTENCE, _SQUEEZED, _WIDE3, char_width, ends_sentence, width, widths

# what newspaper lines hold, and characters the fast path must leave to the slow one
ALPHABET = (
    "ab1 .,。，、：“”‘’（）《》「」『』—…·°×é\u0301中国人民？！)）】"
    "\u3000\ufeff\U00020000\u25cb\uff61\u4dc0\u303f"
)
lines = st.lists(st.text(ALPHABET, max_size=14), max_size=40)


def test_each_wide3_character_is_three_bytes_and_one_em():
    wide = re.compile(f"[{_WIDE3}]")
    for c in range(0x80, 0x10000):
        ch = chr(c)
        if wide.match(ch):
            assert len(ch.encode("utf-8", "surrogatepass")) == 3 and char_width(ch) == 1.0, hex(c)
    assert all(wide.match(ch) for ch in _SQUEEZED)


@settings(max_examples=300)
@given(lines)
def test_widths_are_the_width_of_each_line(texts):
    assert list(widths(texts)) == [width(t) for t in texts]


def test_widths_of_many_lines_and_a_lone_surrogate():
    texts = ["中国，人民", "", "ab 12", "\ud800中", "·中"] * 900
    assert list(widths(texts)) == [width(t) for t in texts]


@given(st.text(ALPHABET + "\n", max_size=8))
def test_ends_sentence_is_the_pattern(text):
    assert ends_sentence(text) == bool(_ENDS_SENTENCE.search(text))

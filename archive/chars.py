"""Character classes and display width, shared by every stage."""

from __future__ import annotations

import re
import unicodedata

HAN = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f"
# Full-width and CJK punctuation (including the quotes and dashes Chinese text sets full-width).
CJK_PUNCT = (
    "\u3000-\u303f\uff00-\uff60\uffe0-\uffee\u2018-\u201f\u2014-\u2016\u2026\u00b7"
    "\u2e3a\u2e3b\u25a0-\u25ff\u2605\u2606"
)
CJK = HAN + CJK_PUNCT

SENTENCE_END = "。！？!?…"  # a paragraph can end after these
CLOSERS = "”’」』）)》〉】]"  # may follow a sentence end
PUNCT = "，。、；：！？;!?…"  # sentence punctuation: text, not a title (ASCII ,.: below)

_HAN_RE = re.compile(f"[{HAN}]")
_ENDS_SENTENCE = re.compile(f"[{re.escape(SENTENCE_END)}][{re.escape(CLOSERS)}]*$")
_HAS_PUNCT = re.compile(f"[{re.escape(PUNCT)}]|[,.:](?!\\d)")


def is_han(ch: str) -> bool:
    return bool(_HAN_RE.match(ch))


def char_width(ch: str) -> float:
    """Width in em: CJK and full-width 1, everything else (ASCII, half-width) 0.5."""
    if ch.isascii():
        return 0.5
    return 1.0 if unicodedata.east_asian_width(ch) in "WFA" else 0.5


class _Widths(dict):
    """Printed width of each character, computed once. Punctuation counts 0.75:
    typesetters squeeze it."""

    def __missing__(self, ch: str) -> float:
        w = 0.75 if ch in "，。、；：？！“”‘’（）《》「」『』" else char_width(ch)
        self[ch] = w
        return w


_WIDTHS = _Widths()


def width(text: str) -> float:
    """Printed width in em (CJK 1, ASCII 0.5, CJK punctuation 0.75)."""
    if text.isascii():
        return len(text) / 2
    return sum(map(_WIDTHS.__getitem__, text))


def ends_sentence(text: str) -> bool:
    return bool(_ENDS_SENTENCE.search(text))


def has_punct(text: str) -> bool:
    return bool(_HAS_PUNCT.search(text))

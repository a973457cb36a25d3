"""Character classes and display width, shared by every stage."""

from __future__ import annotations

import re
import unicodedata
from array import array
from bisect import bisect_right
from itertools import accumulate

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
_ENDS_LAST = SENTENCE_END + CLOSERS + "\n"  # what ends a text that ends a sentence ($ also matches before "\n")
_HAS_PUNCT = re.compile(f"[{re.escape(PUNCT)}]|[,.:](?!\\d)")


def is_han(ch: str) -> bool:
    return bool(_HAN_RE.match(ch))


def char_width(ch: str) -> float:
    """Width in em: CJK and full-width 1, everything else (ASCII, half-width) 0.5."""
    if ch.isascii():
        return 0.5
    return 1.0 if unicodedata.east_asian_width(ch) in "WFA" else 0.5


_SQUEEZED = "，。、；：？！“”‘’（）《》「」『』"  # punctuation typesetters squeeze


class _Widths(dict):
    """Printed width of each character, computed once. Punctuation counts 0.75:
    typesetters squeeze it."""

    def __missing__(self, ch: str) -> float:
        w = 0.75 if ch in _SQUEEZED else char_width(ch)
        self[ch] = w
        return w


_WIDTHS = _Widths()


def width(text: str) -> float:
    """Printed width in em (CJK 1, ASCII 0.5, CJK punctuation 0.75)."""
    if text.isascii():
        return len(text) / 2
    return sum(map(_WIDTHS.__getitem__, text))


# Three bytes in UTF-8 and 1 em wide: CJK, full-width forms, and the quotes, dashes and
# symbols Chinese text sets full-width (tests check each of them).
_WIDE3 = (
    "\u2013-\u2016\u2018\u2019\u201c\u201d\u2020-\u2022\u2025-\u2027\u2030\u2032\u2033\u203b"
    "\u2103\u2116\u2160-\u216b\u2170-\u2179\u2190-\u2199\u2460-\u24e9\u2500-\u254b"
    "\u25a0\u25a1\u25b2\u25b3\u25bc\u25bd\u25c6-\u25c8\u25cb\u25ce-\u25d1\u2605\u2606"
    "\u3000-\u303e\u3041-\u3096\u3099-\u30ff\u3105-\u312f\u3131-\u318e\u3190-\u31e3"
    "\u31f0-\u321e\u3220-\u3247\u3250-\u4dbf\u4e00-\u9fff\uac00-\ud7a3\uf900-\ufaff"
    "\ufe30-\ufe4f\uff01-\uff60\uffe0-\uffe6"
)
_OTHER = re.compile(f"[^\\x00-\\x7f{_WIDE3}]")  # neither ASCII nor in _WIDE3
_UNSQUEEZED = re.compile(f"[^\\n{_SQUEEZED}]+")


def widths(texts: list[str]) -> array[float]:
    """``width`` of each text (texts without newlines), faster.

    ASCII is one byte in UTF-8 and 0.5 em, a _WIDE3 character three bytes and
    1 em (0.75 squeezed), so a line of those is (bytes + characters - squeezed) / 4
    em wide; the few lines with other characters are measured one by one.
    """
    out = array("d")
    for lo in range(0, len(texts), 1024):  # in slices: little memory on long pages
        out.extend(_widths(texts[lo : lo + 1024]))
    return out


def _widths(texts: list[str]) -> list[float]:
    text = "\n".join(texts)
    nbytes = map(len, text.encode("utf-8", "surrogatepass").split(b"\n"))
    squeezed = map(len, _UNSQUEEZED.sub("", text).split("\n"))
    out = [0.25 * (b + len(t) - s) for b, t, s in zip(nbytes, texts, squeezed, strict=True)]
    other = _OTHER.search(text)
    if other:
        starts = list(accumulate(map((1).__add__, map(len, texts)), initial=0))
        while other:
            i = bisect_right(starts, other.start()) - 1
            out[i] = width(texts[i])
            other = _OTHER.search(text, starts[i + 1])
    return out


def ends_sentence(text: str) -> bool:
    if text[-1:] not in _ENDS_LAST:  # a cheap test first
        return False
    return bool(_ENDS_SENTENCE.search(text))


def has_punct(text: str) -> bool:
    return bool(_HAS_PUNCT.search(text))

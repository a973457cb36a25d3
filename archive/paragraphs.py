"""Restore the paragraphs that column wraps split.

Every boundary between two consecutive non-blank lines is either a join
(the same block goes on) or a break. The evidence, from any page:

- the column width, estimated locally from the neighbouring lines (it
  varies between articles on one page);
- whether a line is full (about the column width), short, or wider than
  the column (another frame: a caption, a spanning headline);
- sentence punctuation at the end of a line, and whether a line holds any
  sentence punctuation at all (headings, subheads and bylines hold none);
- blank lines (paragraph breaks, but also column breaks in mid-sentence);
- the start of the next line (a byline, a question, a jump note, a
  subtitle dash open a new block) and, where the extractor kept them,
  paragraph indents.
"""

from __future__ import annotations

import re
from array import array
from bisect import bisect_right
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from itertools import accumulate, compress

from archive.chars import CLOSERS, PUNCT, ends_sentence, has_punct, is_han
from archive.chars import widths as line_widths
from archive.model import Block, Document, Line, Page, Piece, gc_paused
from archive.names import name_spans

# A line that starts one of these opens a new block, whatever came before.
OPENER = re.compile(
    r"^(?:[□■▲△●○◆◇★☆▼▽]"
    r"|(?:[0-9０-９]{1,2}\s*)?(?:问|答|主持人)\s*[：:]"
    r"|[（(]\s*(?:下转|上接|转第|接第|转\d|接\d)"
    r"|本报(?:讯|记者|通讯员|评论员|特约)"
    r"|(?:据)?(?:新华社|中新社|本报)[^\s，。：:（()）]{1,12}?电"
    r"|(?:图|文|摄影|摄)\s*[／/|｜:：]"
    r")"
)
SUBTITLE = re.compile(r"^(?:——|—\s*—)")  # opens a block after a headline or a finished sentence
# the first character of any OPENER match
_OPENER_FIRST = frozenset("□■▲△●○◆◇★☆▼▽问答主（(本据新中图文摄0123456789０１２３４５６７８９")
_ITEM = re.compile(r"[（(][一二三四五六七八九十]{1,3}[）)]")  # a list item's number
_MARKED = re.compile(r"^[□■▲△●○◆◇★☆▼▽]")
_BYLINE_TAIL = re.compile(r"\S\s+\S|记者|通讯员|撰稿|^.[\u4e00-\u9fff]{2,4}$")  # names set apart, a role, a bare name
_DATELINE = re.compile(r"(?:据)?(?:新华社|中新社|本报)[^\s，。：:（()）]{1,12}?电")
# A line that is one of these ends its block.
CLOSER = re.compile(
    r"(?:[（(]\s*(?:下转|上接|转第|接第|转\d|接\d)[^）)]*[）)]\s*$"
    r"|(?:摄|摄影|摄影报道|供图)\s*(?:[（(][^（()）]{1,12}[）)])?\s*$)"
)
_CLOSER_LAST = "）)摄影道图"  # the last character of any CLOSER match
# A line ending in one of these stops in mid-sentence.
_GOES_ON = "，、“‘（《〈【·"
_SPACED = re.compile(r"\S[ \u3000]+\S")  # phrases set apart by a space: a title ("竹缠绕 有说道")
# "版式设计：某某 某某"
_CREDIT_LINE = re.compile(r"^[^\s：:，。]{1,6}[：:]\s*[^\s：:，。](?:[^：:，。]{0,14}[^\s：:，。])?$")
_GOES_ON_START = "和与及的…"  # a line opening with a conjunction, "的" or an ellipsis goes on from the line before
_JOINS = "并及与和将被的"  # a title line ending in a conjunction or "的" goes on ("…会见某人并")
# ... and one ending in these may end a paragraph (a list item, an introduction).
_DIGITS = re.compile(r"\d+")
_NUMERAL = r"[一二三四五六七八九十百零〇\d]+"
_CLAUSE = re.compile(rf"^第{_NUMERAL}[条章节款]")
_ROLE_END = ("记者", "通讯员")  # a role word waiting for its name
DATE_LINE = re.compile(r"^\d{4}年\d{1,2}月\d{1,2}日$")  # a date alone, as under a decree's signature
_ARTICLE_NO = re.compile(rf"^第{_NUMERAL}条")  # a law's numbered article
# a text's punctuation, not a title's "、"
_TEXT_PUNCT = re.compile(f"[{re.escape(PUNCT.replace('、', ''))}]|[,.:](?!\\d)")
_LEAD_DATE = re.compile(r"(?:\d{4}年|\d{1,2}月\d{1,2}日|当地时间|近日|日前)")  # how a story opens
_PAUSE = re.compile(r"(?:[；;：:]|——)[”’」』）)]*$")
_CUT_PHRASE = re.compile(r"[^\s—：:]{2}\s+\S$")  # a phrase cut after its first character (not a spaced name)
_COUNT_END = re.compile(r"\d[名个位家项件起种条只艘架辆座所批]$")  # a number and its measure word
# a title naming its subject first ("某国总统：某方愿…"), not a credit ("制图：某某")
TOPIC = re.compile(r"^[^\s，。；？！：:、]{2,10}[：:](?P<rest>[^\s，。；？！：:、]{6,})$")
_ABBREVIATION = re.compile(r"(?:以下)?简称")  # "（简称…）" brackets a short name in a text, no column
_TAG_END = re.compile(r"[（(][^（()）\d，。、；：,.;:]{2,}[）)]$")
_PAREN_LINE = re.compile(r"^[（(][^（()）]{1,30}[）)]$")
_PAIRS = (("“", "”"), ("‘", "’"), ("（", "）"), ("《", "》"), ("【", "】"), ("〈", "〉"), ("(", ")"))
_LATIN_END = re.compile(r"[A-Za-z.,;:!?)]$")
_LATIN_START = re.compile(r"^[A-Za-z(]")

SAYS = ("强调", "指出", "表示", "要求", "提出", "显示")  # a kicker ends in a verb of saying
FULL_TOLERANCE = 1.25  # em: a line this close to the column width is full
EDGE = 1.0  # em: after a full line that ends a sentence, a line this short of the column opens a paragraph
INDENT = 2.0  # em: the usual paragraph indent
WIDER = 5.0  # em: a line this much wider than a title line before it did not wrap from it
SHORTER = 0.7  # a headline line this much narrower than a full one before it did not wrap from it
WINDOW = 8  # lines on each side used to estimate the column width
NEARBY = 300  # lines on each side searched for a word cut by a line break
NEAR_CUT = 20  # ... and searched for it cut by another line break
GAP = 0.5  # share of a removed space's width that was printed: a Han-Latin gap is a quarter em


@dataclass(slots=True)
class _Info:
    line: Line
    gap: int  # blank lines before this line
    width: float
    column: float  # local column width
    heading: bool  # not column-wide, no sentence punctuation: heading, subhead, byline
    punct: bool  # holds sentence punctuation
    ends: bool  # ends a sentence
    text: str  # line.text
    # the shape of the line against its column:
    full: bool  # about the column width
    first: bool  # a first line whose two-character indent the extractor dropped
    short: bool  # shorter still: a block's last line (or a heading)
    wide: bool  # wider than the column: another frame


class _Page:
    """What ``_is_break`` needs from a page beyond the two lines: kept compact (arrays).

    The column width of a line is the median width of nearby lines in mid-paragraph:
    ``body`` marks lines that are neither a paragraph's first line nor its last (those
    are shorter). Nearby means within WINDOW lines and, when that gives enough lines,
    in the same run of lines between blank lines (so a caption beside an article does
    not borrow its width).
    """

    def __init__(self, page: Page):
        self.page = page
        starts = self.run_start = array("l")  # per run of lines between blanks: its first line
        blank = True
        k = 0
        for line in page.lines:
            if not line.text:
                blank = True
            else:
                if blank:
                    starts.append(k)
                    blank = False
                k += 1
        lines = [line for line in page.lines if line.text]
        texts = [line.text for line in lines]
        widths = self.widths = line_widths(texts)
        for i in [i for i, line in enumerate(lines) if line.pad]:
            widths[i] += GAP * lines[i].pad
        punct = self.punct = bytearray(map(has_punct, texts))
        ends = self.ends = bytearray(map(ends_sentence, texts))
        indented = sum(1 for line in lines if line.indent >= 1)
        n = self.n = len(widths)
        # some lines (not all) keep a paragraph indent of an em or more
        self.use_indent = 0 < indented <= n * 0.6
        body = bytearray([0])  # the first line is no paragraph's middle
        pairs = zip(punct[1:], punct[:-1], ends[1:], ends[:-1], strict=True)
        body += bytes((p or q) and not (e or f) for p, q, e, f in pairs)
        if sum(body) < 4:
            body = punct
        before = array("l", accumulate(body, initial=0))  # per line: body lines before it
        bw = list(compress(widths, body))  # widths of the body lines
        all_widths = widths.tolist()  # (lists: their slices sort faster)
        starts.append(n)
        columns = self.columns = array("d")
        append = columns.append
        last_a = last_b = None  # the window of the line before, and its median
        median = 0.0
        for run in range(len(starts) - 1):
            start, end = starts[run], starts[run + 1]
            # a run of 3 to WINDOW lines with few body lines: its own lines but the last
            if 3 <= end - start <= WINDOW and before[end] - before[start] < 4 and (
                    sum(punct[start:end]) >= end - start - 1  # (text, not headline lines)
                    or end - start >= 4 and ends[end - 1]  # (or a story whose inner lines are one width)
                    and max(widths[start + 1 : end - 1]) - min(widths[start + 1 : end - 1]) <= 0.5):
                ordered = sorted(widths[start : end - 1])
                columns.extend([ordered[len(ordered) // 2]] * (end - start))
                continue
            for i in range(start, end):
                lo = i - WINDOW if i > WINDOW else 0
                hi = i + WINDOW + 1 if i + WINDOW + 1 < n else n
                a, b = before[lo if lo > start else start], before[hi if hi < end else end]
                if b - a < 4:
                    a, b = before[lo], before[hi]
                    if a == b:  # no body line near: all the nearby lines
                        a, b = -1 - lo, -1 - hi
                if a != last_a or b != last_b:  # consecutive lines often share their window
                    last_a, last_b = a, b
                    ordered = sorted(bw[a:b] if a >= 0 else all_widths[lo:hi])
                    median = ordered[len(ordered) // 2]
                append(median)
        self._text: str | None = None
        self.i = 0

    def near_i(self, pair: str) -> bool:
        """``nearby`` for line ``i`` (set ``i`` first): one callable serves every line in turn."""
        return self.nearby(pair, self.i)

    def nearby(self, pair: str, i: int) -> bool:
        """Does ``pair`` occur within NEARBY lines of line ``i``: in a line, or across another
        line break (a word the column cuts wherever it occurs, "完" / "善")?"""
        if self._text is None:  # the page's text, built once, when first asked
            texts = [line.text for line in self.page.lines if line.text]
            self._text = "\n".join(texts)
            self._offsets = array("l", accumulate(map((1).__add__, map(len, texts)), initial=0))
        text, offsets = self._text, self._offsets
        lo, hi = max(0, i - NEARBY), min(self.n, i + NEARBY)
        if text.find(pair, offsets[lo], offsets[hi]) >= 0:
            return True
        # (the pair cut after its first character, as the break in question cuts it)
        lo, hi = max(0, i - NEAR_CUT), min(self.n, i + NEAR_CUT)
        cut, end = pair[:1] + "\n" + pair[1:], offsets[hi]
        at = text.find(cut, offsets[lo], end)
        while at >= 0:
            j = bisect_right(offsets, at + 1)  # the line after that break
            if j != i and self.widths[j - 1] >= self.columns[j - 1] - FULL_TOLERANCE and not self.ends[j - 1]:
                return True  # (another break, where a full line goes on mid-sentence)
            at = text.find(cut, at + 1, end)
        return False


def _is_break(
    p: _Info,
    n: _Info,
    use_indent: bool,
    nearby: Callable[[str], bool] | None = None,
    p_opens: bool = True,
    subtitle: bool = False,
    n_ends_block: bool = False,
    two_plain: bool = False,
    n_over_byline: bool = False,
    n_over_sub: bool = False,
    n_over_tag: bool = False,
    n_over_tail: bool = False,
) -> bool:
    """Decide whether a new block starts at ``n``, after ``p``.

    ``nearby`` tells whether a character pair occurs in the lines around the
    break: a pair that the break cuts and that occurs there is evidence of a
    word wrapped across the break. ``p_opens`` tells whether ``p`` opened its
    block (only a block's first line can have lost an indent), ``subtitle`` whether
    that block opened with a subtitle's dash, ``n_ends_block`` whether the line after
    ``n`` surely opens a block (a blank line, the page's end, a byline, a dateline; after
    a line with punctuation, only a byline),
    ``two_plain`` whether the block so far is two lines that end no sentence, the first
    without any punctuation, ``n_over_byline`` whether a byline, a dateline or a subtitle
    follows ``n`` (the next part of a headline group), ``n_over_sub`` whether a subtitle's
    dash opens the next line or the one after a blank line, ``n_over_tag`` whether the next
    line, without punctuation, ends in a column tag (a title's tail), ``n_over_tail`` whether
    the next line, without punctuation and narrower than ``n``, ends the block.
    """
    if use_indent and n.line.indent >= 1 or p.line.spaced or n.line.spaced:
        return True  # (a letter-spaced line, "图 片 报 道", is a banner of its own)
    ptext, ntext = p.text, n.text
    # a full line that stops mid-sentence goes on, whatever words the break lands on
    # (but a byline marker, "□", opens a block whatever came before)
    mid_sentence = not n.gap and not p.ends and p.full and not p.heading
    if (not mid_sentence or _MARKED.match(ntext)) and (
        ntext[0] in _OPENER_FIRST
        and OPENER.match(ntext)
        and not (_unopened(ntext) and _unbalanced(ptext))  # (a note's "（…，" / "本报记者某某整理）")
        or ptext.rstrip()[-1:] in _CLOSER_LAST
        and CLOSER.search(ptext)
    ):
        return True
    if p.line.hyphen:
        return False
    if not n.gap and ptext.endswith(_ROLE_END) and len(ptext) > 4:
        # a byline's role word at the end of a line holding more ("…新华社记者"): the name follows
        return False
    if credit_line(ptext) or credit_line(ntext) and ptext[-1] not in _GOES_ON:
        return True  # a credit line ("版式设计：某某") is a block of its own
    if ptext[-1].isascii() and _ADDRESS_END.search(ptext) \
            or ntext[-1].isascii() and _ADDRESS_END.search(ntext) and ptext[-1] not in _GOES_ON:
        return True  # so is an address for letters ("投稿邮箱：name@example.com")
    if ntext[0] in "（(" and _ITEM.match(ntext) and (p.ends or _pause(ptext)):
        return True  # a numbered item ("（二）") after a finished one ("…；"): a list, a law's clauses
    if not p.punct and ntext[0] in "据新中本" and _DATELINE.match(ntext):
        return True  # a dateline opens a story, even after a headline as wide as the column
    if p_opens and ptext[-1] == "日" and DATE_LINE.match(ptext) \
            or ntext[-1] == "日" and DATE_LINE.match(ntext) and (p.ends or not p.punct):
        return True  # a date alone on its line (under a signature) is a block of its own
    if ptext[-2:-1] == "电" and ptext[0] in "（(" and _PAREN_LINE.match(ptext) and _DATELINE.search(ptext):
        return True  # a dateline in brackets closing a story ("（本报某地1月5日电）")
    if not n.gap and (
        ptext[-1] in _GOES_ON or _unbalanced(ptext) or ptext[-1] == "电" and _DATELINE.fullmatch(ptext)
        or ptext[-1] in _JOINS and not p.punct
    ):
        return False
    if p_opens and not n.gap and ptext[0] in "据新中本" and _DATELINE.match(ptext + ntext) \
            and not _DATELINE.match(ptext):
        return False  # a dateline cut before its "电" goes on
    if not n.gap and not p.ends and ptext[0] in "据新中本" and (date := _DATELINE.match(ptext)) \
            and date.end() < len(ptext):
        return False  # a story's first line, after its dateline, goes on mid-sentence
    if p_opens and _couplet(ptext) and ntext[0] not in "（(" and not _tag_tail(ntext):
        return True  # two phrases of one length set apart ("规范管理见成效 科技创新促增长"): a whole line
    if p_opens and not n.gap and _listed(ptext) and not n.punct and not _word_across(ptext, ntext, nearby):
        return True  # a kicker listing things of one length ("控尘、控排、控车"), then its title
    if p.punct and not p.ends and not n.gap and _couplet(ntext) and not _word_across(ptext, ntext, nearby):
        return True  # ... and a line with commas over one is a kicker over its title
    if _unopened(ntext) and (not n.gap or _unbalanced(ptext)):
        return False  # a line closing a quote or bracket it did not open goes on from before
        # (across a column break too, when the line before opened it)
    if not p.punct and ntext[-1] in "）)" and _titled(ntext) and (
            n.width > p.width + 1 or n.width >= p.width - 2 and not _word_across(ptext, ntext, nearby)):
        return True  # a whole title closed by its column tag, about as wide as the line before: no wrap
    if p_opens and not n.gap and _comma_titled(ptext) and (
            p.width > n.column + WIDER or not n.ends and p.width > n.width + WIDER):
        return True  # a title closed by its column tag (commas and all), far wider than the text under it
    if p_opens and n_ends_block and not p.ends and not n.gap and _comma_titled(ntext) and (
            n.width > p.width + 1 or p.punct and n.width >= p.width - 1 and not _word_across(ptext, ntext, nearby)):
        # a kicker, then a wider title holding commas closed by its tag, then a byline; or a
        # kicker with commas and a title about as wide (no wrapped title's shorter tail)
        return True
    if not p.punct and not n.gap and (n.heading or p_opens and n_ends_block) and _tag_tail(ntext):
        return False  # a title's last few characters, then its column tag (not a name and its post)
    if p.heading and _MARKED.match(ptext) and p.width <= 12 and _BYLINE_TAIL.search(ptext):
        return True  # a byline line ("□本报记者 刘茜") ends its block (not a marked point's first line)
    if p.heading and name_spans(ntext) and not _word_across(ptext, ntext, nearby):
        return True  # a line of names (a byline) after a headline
    if not n.gap and ntext[0] in "（(" and not p.ends and (
        _PAREN_LINE.match(ntext) or (p.heading or not p.punct) and not n.ends and _unbalanced(ntext)
    ):
        return False  # a headline's bracketed column tag on its own line (or wrapped over two)
    if n.width <= 3 and n.heading and not p.ends and not n.gap:
        # the last few characters of a wrapped line, or a short byline
        if _word_across(ptext, ntext, nearby):
            return False
        # (a bare name after a line with commas is its tail, "…石山变 / 成宝山", unless set apart)
        return bool(name_spans(ntext)) and (not p.punct or " " in ntext.strip()) or ptext.endswith(("）", ")"))
    if not n.gap and ptext[-2:-1].isspace() and _CUT_PHRASE.search(ptext):
        return False  # a phrase cut after its first character ("…计划 培")
    if ntext[0] == "—" and SUBTITLE.match(ntext) and (p.heading or p.ends or not n.punct or _titled(ptext)
                                                      or not p.punct and (n.gap or p.width > p.column + 1)):
        return True  # (a title as wide as the column, a blank line, then its subtitle)
    if p_opens and ptext.endswith("——") and not n.punct and (not p.punct or p.wide or n.wide):
        return True  # a kicker's lead-in dash, then the title (a kicker with commas: set wider than text)
    if not n.gap and ptext.endswith("——") and not n.punct and (
            _titled(ntext) or _open_tag(ntext) or n_ends_block and not _unbalanced(ntext)):
        return True  # a wrapped kicker's lead-in dash, then a title closed by its column tag (or a whole one)
    if not p_opens and p.punct and not p.ends and ntext[-1] in "）)" and n.width >= p.width \
            and not p.full and (_titled(ntext) or n_ends_block and _comma_titled(ntext)) \
            and not _word_across(ptext, ntext, nearby):
        # a wrapped kicker's last line (commas, short of the column), then a title closed by its
        # tag (or, ending the group, any title closed by its tag, "某地：某某正攻坚（某某）")
        return True
    if (subtitle and not n.gap and not n_over_sub
            and (n.heading or ntext.endswith(("）", ")")) or p.wide and not n.ends)
            and n.width <= p.width
            and not (p.ends or p.full and n.first and not n_ends_block and not _unbalanced(ntext)
                     or OPENER.match(ntext) or name_spans(ntext))):
        # a subtitle wrapped over lines (a full one, then a first line: a paragraph, unless it
        # opens a bracket, "…上的讲话（2017年3")
        return False
    column = p.column
    p_full, p_first, p_short, p_wide = p.full, p.first, p.short, p.wide
    n_full, n_first, n_short, n_wide = n.full, n.first, n.short, n.wide
    if p_wide != n_wide and (n.gap or not (_word_across(ptext, ntext, nearby)
                                           or (ntext[0] in _GOES_ON_START or ptext[-1] in _JOINS) and not p.ends
                                           or not p_opens and not p.ends and n.ends and n_short
                                           or _cut_couplet(ptext))):
        # a different frame (caption, spanning headline), unless a word runs on (or a
        # paragraph's line, then its short last line ending the sentence, or a line of
        # phrases set apart cut inside its last one)
        return True
    if p_opens and p_wide and n_wide and not p.ends and _titled(ntext) and not _word_across(ptext, ntext, nearby):
        return True  # a kicker set wide (commas and all), then a whole title closed by its column tag
    if _pause(ptext) and not p_full:
        # "…原则：" then a list item; a line shorter than a first line ends its block
        return bool(n.gap) or n_first or n.heading or p.heading or p_short
    if p_opens and not n.gap and not p.punct and not n.punct and ptext.endswith(SAYS):
        return True  # a kicker ending in a verb of saying ("…强调"), then the title
    if p_opens and n_ends_block and not n.gap and not p.punct and not n.punct and n.width >= p.width \
            and ntext[-1] not in _JOINS:
        return True  # a title line no narrower than the one before did not wrap from it: a kicker
        # (not a line going on across a column break: "…作为当前和今后一个时期的")
    if p.heading:
        # a line stops where the column does: one much wider after it is no tail it wrapped
        # (a headline over its subtitle)
        wider = not n.gap and n.width > p.width + WIDER and ptext[-1] not in _GOES_ON and not p.punct
        if wider and (n.heading or not _word_across(ptext, ntext, nearby)):
            return True  # (two title lines: the first did not wrap, whatever words meet)
        if n.gap:  # a column break after a first line that holds no punctuation (first-line
            # width, or cutting a word), then a full line
            # (but a line alone, then a story's opening date: a title over its lead)
            titled = p.gap and p_opens and _LEAD_DATE.match(ntext) and not _unbalanced(ptext)
            goes_on = p_first and not ptext.endswith(("）", ")")) and not titled \
                or _word_across(ptext, ntext, nearby)
            return not (n_full and n.punct and goes_on)  # (two lines without punctuation: titles)
        if p.wide and not n.heading and not n.gap and not n.punct and n.width < SHORTER * p.width:
            return True  # (a line much shorter than a wide headline line, as wide as the text: its title)
        if n.heading:  # a heading wrapped over two lines, or a headline and a byline
            if name_spans(ntext) or ptext.endswith(("）", ")")):
                return True  # a byline, or a heading after one closed by its column tag
            if n.width < p.width and ntext.endswith(("）", ")", "——")):
                return False  # a headline's shorter tail, closed by its column tag or a lead-in dash
            # a heading wraps where its frame ends: a line short of the column did not (a
            # headline, then a box label), unless a word runs on
            # (or a line of phrases set apart whose last is cut short: "某某着眼未来 致力点")
            # (but a line much shorter than a full or wide one is no tail it wrapped, whatever
            # words meet: they may recur in the text; a kicker, then a title)
            if (p_full or p.wide) and n.width < SHORTER * p.width and not _cut_couplet(ptext):
                return True
            if p_opens and p.wide and abs(n.width - p.width) <= 1.5 and n_over_tail and ptext[0] != "—" \
                    and not (_word_across(ptext, ntext, nearby) or _cut_couplet(ptext)):
                return True  # a kicker as wide as its frame over a title wrapped into a shorter tail
            # (or a count waiting for its noun: "…打死30名" / "“某某”武装分子")
            return not (p_full or p.wide or _word_across(ptext, ntext, nearby) or _cut_couplet(ptext)
                        or _COUNT_END.search(ptext))
        # a paragraph's first line that happens to hold no punctuation, then a full line
        # or the paragraph's short last line
        n_last = n_short and n.punct and not _pause(ntext)
        if not p_opens and not p_full and not n.gap and n_full and n_ends_block and ptext.isalpha() \
                and not _word_across(ptext, ntext, nearby):
            return True  # (a wrapped kicker's last line short of the column, then the title over a blank)
        if column - 3.5 <= p.width <= column + 1 and (n_full or n_last):
            return False
        if not p_opens and n_last and n.ends and ptext[-1] not in CLOSERS:
            return False  # (a paragraph's line, wherever its column, then its short last line)
        if not n.gap and ptext[0] == "第" and _ARTICLE_NO.match(ptext) and not _CLAUSE.match(ntext):
            return False  # a law's numbered article ("第三条  …") is text, not a heading
        if not p_opens and not p_full and n_over_tag and not n.gap and _unbalanced(ntext):
            return True  # a wrapped kicker's short last line, then a title whose column tag wraps on
        # (or a line of phrases set apart cut inside its last one, "…成效 …支出 确保")
        return not (_word_across(ptext, ntext, nearby) or ntext[0] in _GOES_ON_START or _cut_couplet(ptext))
    if p.ends:
        if n_ends_block and TOPIC.match(ntext):
            return True  # a line alone naming its subject ("某国总统：某方愿…"), no sentence: a title
        if p_first and p_opens and not n.gap and n_full and not n.heading:
            return False  # an indented first line that ends a sentence; the paragraph goes on
        if not p_full or n.gap or not n.punct and n.width > n.column + 1:
            return True  # (a line without punctuation wider than the column: a title)
        # a full last line, then a subhead or an indented first line (at the edge of full
        # when a comma hangs at its end: a char short of the column)
        edge = n.width <= n.column - EDGE
        if n.heading or n_first or edge and not n_short or _titled(ntext):
            return True  # (or a title closed by its column tag, "…（体坛观澜）", whatever its width)
        # a short line is a block's last line only if it ends one
        return n_short and not (n.ends or _pause(ntext))
    if n.gap and not n.punct and n_full and (not p.punct or p_opens and p_full and not _TEXT_PUNCT.search(ptext)):
        return True  # two full lines of titles, a blank line between (a title may list things: "、")
    if p_opens and n_first and ptext[-1] in "）)" and (tag := _TAG_END.search(ptext)) \
            and tag.start() >= 2 and "电" not in ptext and not _word_across(ptext, ntext, nearby) \
            and not (p_full and has_punct(ptext[: tag.start()])):
        return True  # a short title closed by its column tag ("2020，加油！（多棱镜）"), then a first line
        # (or one as wide as the column, without punctuation before its tag)
    if n.gap and p_opens and not p.ends and n_ends_block and _comma_titled(ntext):
        return True  # a line alone, a blank line, then a whole title closed by its column tag
    if n.gap and p_opens and _titled(ptext):
        return True  # a title line closed by its column tag ("…（声音）"), a blank line, then text
    if n.gap and p_opens and p.full and not p.punct and ptext[0] not in "（(—" \
            and not _word_across(ptext, ntext, nearby):
        return True  # a whole line of its own as wide as the column, without punctuation (no
        # first line's indent, no list item), then a blank line: a title
    if n.gap and n.width <= 2 and not n.punct and _word_across(ptext, ntext, nearby):
        return False  # a headline's last character or two, alone across a column break
    if n.gap and (n.heading or n_first or not (p_full or p_first or p_wide)):
        return True  # a column break follows a full line and goes on mid-paragraph
    if n.heading and not n_full:
        # e.g. a kicker (with commas) above a headline; but a line ending in a lead-in dash
        # ends a text
        if _word_across(ptext, ntext, nearby) or ntext.endswith("——") or _cut_couplet(ptext):
            return False
        # a headline holding commas, wrapped: its short first line opens the block; a
        # paragraph's full line goes on into its last (a quote set without a full stop)
        if not (p_opens or name_spans(ntext) or OPENER.match(ntext) or ptext.endswith("——")
                or _SPACED.search(ntext)) and p_full and p.punct:
            # (but a kicker with commas wrapped over two lines, then a title without any)
            return two_plain and not n.punct
        # (but a short kicker with commas, then its title over the byline: no word cut between
        # them, and no shorter tail closed by the column tag)
        return not (p_opens and not p_full and not ptext.endswith("——") and not name_spans(ntext)
                    and (not n_over_byline or n.width < p.width and _TAG_END.search(ntext)))
    if not p.punct and n_first and not n.ends and not _word_across(ptext, ntext, nearby):
        return True  # a full-width title line, then an indented first line
    if p_opens and (n_ends_block or n_over_tag and not (p.punct or n.punct) and n.width >= p.width) \
            and not n.gap and not (p.ends or n.ends) and (p_full or p_wide) \
            and ptext[0] not in "●—" and not _word_across(ptext, ntext, nearby) \
            and not (n.width < p.width and _TAG_END.search(ntext)):
        # two lines alone, no word cut between them: a kicker and a title, not one wrapped (nor
        # a title and its shorter tail closed by the column tag); or a kicker and a title no
        # narrower than it, wrapped into a tail closed by its column tag
        return True
    if not n.gap and not n.punct and not p_full and n.width > p.width + WIDER \
            and not _word_across(ptext, ntext, nearby):
        return True  # a kicker's short tail with commas, then a title set far wider
    if subtitle and not p_opens and not (p_full or p_wide or p.ends) and (n_first or ntext[0] in "“‘「") \
            and not _word_across(ptext, ntext, nearby):
        return True  # a subtitle's last line, short of the column: the text starts under it
    if p_full or p_first or p_wide:
        return False  # the sentence goes on, across a column break if need be
    # a short line that stops mid-sentence: a title, a label ("版式设计：某某" before a title)
    return n.gap > 0 or n_first or not n.punct and bool(_CREDIT_LINE.match(ptext))


def credit_line(text: str) -> bool:
    """A line crediting someone with a part of the page: "版式设计：某某"."""
    return ("：" in text or ":" in text) and bool(_CREDIT_LINE.match(text)) \
        and bool(name_spans(re.split("[：:]", text, maxsplit=1)[1].strip()))


def _word_across(ptext: str, ntext: str, nearby: Callable[[str], bool] | None) -> bool:
    """The two characters on either side of the break occur together nearby."""
    if nearby is None or not ptext or not ntext:
        return False
    a, b = ptext[-1], ntext[0]
    if a.isdecimal() and b in "日号" and _MONTH_DAY.search(ptext):
        return True  # a date cut before its day's unit: "…1月4" / "日…"
    if is_han(a) and b.isdecimal():  # a word, then a long number: "…论坛" / "2017年…" (not "²")
        digits = _DIGITS.match(ntext).group()
        return len(digits) >= 3 and nearby(a + digits)
    # (a number cut from its unit counts: "…至23" / "日…")
    return (is_han(a) or a.isdigit()) and is_han(b) and nearby(a + b)


_OPENS = re.compile("[" + "".join(a for a, _ in _PAIRS) + "]")
_CLOSES = re.compile("[" + "".join(b for _, b in _PAIRS) + "]")


def _listed(text: str) -> bool:
    """Three or more things of one length listed with "、" and nothing else: a whole line."""
    if "、" not in text:  # a cheap test first
        return False
    parts = text.split("、")
    return len(parts) >= 3 and len({len(part) for part in parts}) == 1 and all(is_han(c) for c in "".join(parts))


def _couplet(text: str) -> bool:
    """Two or more phrases of one length (three characters or more) set apart by spaces,
    without punctuation: a headline line of parallel phrases, complete in itself."""
    if " " not in text and "\u3000" not in text:  # a cheap test first
        return False
    parts = text.split()
    return len(parts) >= 2 and len({len(part) for part in parts}) == 1 and len(parts[0]) >= 3 \
        and all(is_han(part[0]) and is_han(part[-1]) for part in parts) and not has_punct(text) \
        and not _CLAUSE.match(text)  # (not a numbered clause of a law: "第二十一条  组织开展创")


_CREDIT_LABEL = re.compile(r"^[^\s：:，。、]{2,6}：")  # "资料来源：", "版式设计："
_MONTH_DAY = re.compile(r"\d\s*月\s*\d{1,2}$")  # a month, then a day's number ending the line
_ADDRESS_END = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+$", re.ASCII)  # an e-mail address ends the line
_CREDITED = re.compile("记者|摄|报道$")  # who took the photo or wrote: a credit, no phrase


def _phrases(text: str) -> bool:
    """Two or more phrases of three characters or more set apart by spaces, nothing but
    CJK characters, no names (not a credit, "新华社记者  张三摄", nor a byline)."""
    if " " not in text and "\u3000" not in text:  # a cheap test first
        return False
    parts = text.split()
    return len(parts) >= 2 and all(len(part) >= 3 and all(map(is_han, part)) for part in parts) \
        and not name_spans(text) and not _CREDITED.search(text)


def _cut_couplet(text: str) -> bool:
    """Phrases set apart by spaces, the last shorter than the one before it: a headline line
    of parallel phrases wrapped inside its last one ("某某着眼未来 致力点" / "亮…")."""
    if " " not in text and "\u3000" not in text:  # a cheap test first
        return False
    parts = text.split()
    return len(parts) >= 2 and len(parts[-1]) < len(parts[-2]) and all(map(is_han, "".join(parts))) \
        and not name_spans(parts[-1])  # (not a post and a name: "某某协会主席 张三")


def _open_tag(text: str) -> bool:
    """A title line whose column tag wraps onto the next line after four characters or more:
    "叫响青山好风光（乡村路上·绿" (not a text's "…项目（简称")."""
    i = text.rfind("（")
    return i >= 4 and len(text) - i > 4 and "）" not in text[i:] and not has_punct(text)


def _tag_tail(text: str) -> bool:
    """A title's last few characters, then its column tag: "能（田间观察）" (not "name（post）")."""
    tag = _TAG_END.search(text)
    return bool(tag) and 0 < tag.start() <= 4 and not name_spans(text[: tag.start()])


def _titled(text: str) -> bool:
    """A title closed by a column tag: "…（绿色家园）", four characters or more and no
    punctuation before the tag."""
    tag = _TAG_END.search(text)
    return bool(tag) and sum(map(is_han, text[: tag.start()])) >= 4 and not has_punct(text[: tag.start()]) \
        and not _ABBREVIATION.match(text, tag.start() + 1)  # (not a text's "（简称“某某”）")


def _comma_titled(text: str) -> bool:
    """A title closed by a column tag, commas allowed before it: "来，一起看云（绿色焦点）"."""
    tag = _TAG_END.search(text)
    return bool(tag) and tag.start() >= 4 and not ends_sentence(text[: tag.start()])


def _pause(text: str) -> bool:
    """Ends in a pause (colon, semicolon, dash) before any closing quotes: a cheap test first."""
    return text.rstrip("”’」』）)")[-1:] in "；;：:—" and bool(_PAUSE.search(text))


def _unbalanced(text: str) -> bool:
    """An opening quote or bracket whose closing partner is not on the line."""
    if not _OPENS.search(text):  # a cheap test first
        return False
    return any(a in text and text.count(a) > text.count(b) for a, b in _PAIRS)


def _unopened(text: str) -> bool:
    """A closing quote or bracket before any opening partner on the line."""
    if not _CLOSES.search(text):
        return False
    for a, b in _PAIRS:
        i = text.find(b)
        if i >= 0 and not 0 <= text.find(a) < i:
            return True
    return False


def _decisions(page: Page) -> Iterator[tuple[_Info, bool]]:
    """Every non-blank line of a page with its evidence: does a new block start there?"""
    info = _Page(page)
    use_indent = info.use_indent
    near = info.near_i  # the ``nearby`` of line info.i
    prev: _Info | None = None
    opened = 0  # index of the line that opened the current block
    subtitle = False  # ... and whether it opened with a subtitle's dash
    plain = False  # ... and whether it opened without punctuation and ends no sentence so far
    note, depth = False, 0  # ... and whether it opened with a bracket, and the brackets open so far
    dashed = False  # ... and whether it opened under a kicker's lead-in dash
    apart, widest = True, 0.0  # ... whether a blank line (or the page's top) set it apart, its widest line
    after_text = False  # ... whether the line before it ended a sentence
    listing = False  # ... whether it opened with a credit's label and lists names since ("资料来源：…")
    evidence = zip(info.widths, info.columns, info.punct, info.ends, strict=True)
    lines = page.lines
    k = gap = 0
    for at, line in enumerate(lines):
        if not line.text:
            gap += 1
            continue
        w, column, punct, ends = next(evidence)
        full = w >= column - FULL_TOLERANCE
        wide = w > column + 2.5
        punct = punct == 1
        cur = _Info(
            line,
            gap,
            w,
            column,
            (wide or not full) and not punct,
            punct,
            ends == 1,
            line.text,
            full,
            not full and column - INDENT - 0.75 <= w,
            w < column - INDENT - 0.75,
            wide,
        )
        ends_block = over_byline = over_sub = over_tag = over_tail = False
        topic = punct and not ends and "：" in line.text and TOPIC.match(line.text) is not None
        if not punct or line.text[-1] in "）)" or not (ends or full) or topic:
            # (asked about title lines, tagged ones too)
            after = lines[at + 1].text if at + 1 < len(lines) else ""
            over_byline = bool(after) and (
                after[0] in _OPENER_FIRST and bool(OPENER.match(after)) or after[0] == "—"
                or len(after) <= 12 and bool(name_spans(after)))  # (a byline of names)
            below = after or (lines[at + 2].text if at + 2 < len(lines) else "")
            over_sub = below[:1] == "—" and bool(SUBTITLE.match(below))
            over_tag = after[-1:] in "）)" and bool(_TAG_END.search(after)) and not has_punct(after)
            over_tail = bool(after) and not has_punct(after) and info.widths[k + 1] < w - 1 and (
                at + 2 >= len(lines) or not lines[at + 2].text or bool(OPENER.match(lines[at + 2].text)))
            # (a line with punctuation ends a headline group only over a byline)
            ends_block = over_byline or not after and (not punct or line.text[-1] in "）)" or topic
                                                       or k == info.n - 1)  # (the page's last line)
        if "（" in line.text and not over_tag and _unbalanced(line.text):
            # (or a column tag this line opens, closed on the next: "…？（春耕探行" / "—某某③）")
            after = lines[at + 1].text if at + 1 < len(lines) else ""
            over_tag = after[-1:] == "）" and "（" not in after and not has_punct(after)
        # a note in brackets over lines, "（新华社北京1月2日电 记者…）", ends where it closes
        closed = note and opened < k - 1 and prev is not None and prev.text[-1] in "）)" and depth == 0
        # a credit's list ("资料来源：某局、某部") ends at a blank line
        closed = closed or listing and bool(gap) and prev is not None and "、" in prev.text \
            and not _word_across(prev.text, line.text, near)
        # a title line alone under a kicker's lead-in dash ends at a blank line, commas or not
        # (it is no paragraph's first line going on across a column break)
        closed = closed or dashed and opened == k - 1 and bool(gap) and prev is not None and not prev.ends
        # a wrapped headline field's short last line, then a line without punctuation wider
        # than it: that line did not go on from it (a kicker, then its title)
        closed = closed or opened < k - 1 and not gap and prev is not None and prev.heading \
            and prev.width < widest - 2 and not punct and w > prev.width + 2
        # a subhead of phrases set apart by spaces, between texts, wrapped into a short tail
        # that ends its block ("以上率下  彰显共产党人" / "政治本色")
        wrapped = opened == k - 1 and apart and after_text and not gap and prev is not None \
            and not prev.punct and _phrases(prev.text) and not punct and w < prev.width - 2 \
            and (at + 1 >= len(lines) or not lines[at + 1].text) and is_han(line.text[0]) \
            and is_han(line.text[-1]) and not name_spans(line.text)
        new = prev is None or closed or not wrapped and _is_break(
            prev, cur, use_indent, near, opened == k - 1, subtitle, ends_block, plain and opened == k - 2,
            over_byline, over_sub, over_tag, over_tail)
        if new:
            after_text = prev is not None and prev.ends
            # (not a short label in the text, "某地——", a paragraph's lines, or a quote under a subhead)
            dashed = prev is not None and prev.text.endswith("——") and apart and k - opened <= 2 \
                and widest >= 0.8 * w and not _unbalanced(line.text)
            opened = k
            subtitle = bool(SUBTITLE.match(line.text))
            plain = not punct  # (a kicker's first line: no comma yet)
            note, depth = line.text[0] in "（(", 0
            apart, widest = bool(gap) or prev is None, 0.0
            label = _CREDIT_LABEL.match(line.text)
            listing = bool(label) and not _TEXT_PUNCT.search(line.text, label.end())
        widest = max(widest, w)
        if note:
            depth += line.text.count("（") + line.text.count("(") - line.text.count("）") - line.text.count(")")
        plain = plain and not cur.ends
        listing = listing and (opened == k or not _TEXT_PUNCT.search(line.text))
        # (a dash opening a sentence in the text is no subtitle)
        subtitle = subtitle and not (cur.ends or "。" in line.text)
        yield cur, new
        prev = cur
        k += 1
        info.i = k
        gap = 0


def restore_page(page: Page) -> list[Block]:
    """Group the lines of a page into blocks (paragraphs, headings ...), closing each as it ends."""
    blocks: list[Block] = []
    pieces: list[Piece] = []
    prev: Line | None = None
    number = page.number
    for info, new in _decisions(page):
        line = info.line
        if new:
            if pieces:
                blocks.append(Block(tuple(pieces), page=number))
            pieces = []
            sep = ""
        else:
            assert prev is not None
            latin = prev.text[-1:].isascii() and _LATIN_END.search(prev.text) and _LATIN_START.search(line.text)
            sep = " " if latin and not prev.hyphen else ""
        pieces.append(Piece(line.no, line.text, sep))
        prev = line
    if pieces:
        blocks.append(Block(tuple(pieces), page=number))
    return blocks


def restore(doc: Document) -> list[list[Block]]:
    """Blocks of every page of a normalized document."""
    with gc_paused():
        return [restore_page(page) for page in doc.pages]

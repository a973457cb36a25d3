"""Find the articles of a page and tag their parts.

Input: the blocks of one page (from ``paragraphs``). Output: a list of
``Node`` trees: page furniture, figures and ``article`` nodes.

1. Each block gets a role from its own evidence: a headline line (no
   sentence punctuation), a subtitle ("——…"), a byline, a photo credit,
   a jump note, a question, a lead with a dateline ... Columns of briefs (a
   short label over or under signed items) are cut out as articles of their own.
2. Runs of headline blocks are either a subhead inside an article or the
   headline groups of the articles next to them. Extracted text puts
   headline groups before or after their bodies, or some of each; the choice
   is made for the whole page (dynamic programming over the runs) for the
   best total match (a headline's words recur in its article's lead). Inside
   a run, the split into groups and their assignment to articles is chosen
   globally; a text between headlines above and below may be cut in two.
3. Each article's blocks become a tree: heads, bylines, paragraphs,
   sections, interview turns, figures and jump notes.
"""

from __future__ import annotations

import functools
import itertools
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from archive.chars import CLOSERS, HAN, SENTENCE_END, ends_sentence, has_punct, width
from archive.model import Block, Mark, Node
from archive.names import is_name, name_spans, trailing_name
from archive.paragraphs import DATE_LINE, SAYS, TOPIC, credit_line

_ROLES = "特约记者|记者|通讯员|实习生|评论员|特约撰稿人|撰稿|摄影"
_ROLE_WORDS = rf"(?:{_ROLES}|文|图)"
_DESK = r"(?:本报|新华社|中新社|人民日报)(?:驻|赴)?[^\s，。：:（）()]{0,10}?"  # "本报驻埃及"
BYLINE = re.compile(
    rf"^[□■◆●]?\s*(?:{_DESK}(?:特派|常驻)?)?"
    rf"{_ROLE_WORDS}[\s　]*(?P<names>[^\s，。：:（）()].*?)\s*(?:报道)?$"
)
CREDIT = re.compile(
    r"^[（(]?\s*(?P<body>[^（()）]{1,40}?)\s*[/／]?\s*(?:摄影|摄|供图)\s*(?:[（(][^（()）]{1,12}[）)])?\s*[）)]?\s*$")
# "<agency>发" (a photo sent by a news agency), with or without a photographer
AGENCY_CREDIT = re.compile(
    r"^[（(]?\s*[^\s，。：:（()）]{0,8}?(?:社|网|报|台|视觉)(?:\s*记者)?\s*(?P<names>[^\s，。：:（()）]{0,4}?)\s*发\s*[）)]?\s*$")
# a photo agency alone ("人民视觉", "视觉中国"), or who gave the photos ("本版图片由某某提供")
SOURCE_CREDIT = re.compile(
    r"^[（(]?\s*(?:[^\s，。：:（()）]{0,4}视觉(?:中国)?|(?:本版)?(?:图片|照片)均?由[^\s，。：:（()）]{2,20}提供)\s*[）)]?$")
# "□张三 李四摄影报道": photographers who also wrote the text
PHOTO_BYLINE = re.compile(
    r"^[□■◆●]?\s*(?P<names>[^，。：:（()）]{2,30}?)\s*(?:摄影报道|摄影\s*[/／]\s*文)\s*(?:[（(][^（()）]{1,12}[）)])?\s*$")
ROLE = re.compile(rf"(?:{_DESK})?(?:{_ROLES})\s*")  # (文, 图 occur in names)
# "张三图  李四文", "本报记者 张三文  新华社记者 李四摄": who took the photos, who wrote
SHARED_PART = re.compile(r"(?P<who>[^\s图文摄].*?)\s*[图文摄](?:\s+|$)")
_MARKER = re.compile(r"^[□■◆●]\s*")
_TAG = re.compile(r"[（(][^（()）]*(?:[（(][^（()）]*[）)][^（()）]*)?[）)]$")  # a column tag closing a title
_EDITOR = re.compile(r"^——编者$")  # the editor's signature closing a package's introduction
# a foreign author's country in brackets, then the name: "（法国）让—马里·莱恩", "（英国）罗某某"
_FOREIGN = re.compile(rf"^[（(][{HAN}]{{1,8}}[）)]\s*(?P<name>[{HAN}]{{1,8}}(?:[·—][{HAN}]{{1,8}})*)$")
# a speech's byline: the speaker's post, then the name ("某国政府总理 张三")
_POSTED = re.compile(rf"^[{HAN}]{{2,20}}[长理席记任员使授统]\s+(?P<name>[{HAN}]{{2,4}})$")
_DATED_TAG = re.compile(r"\d年\d{1,2}月[^（()）]*[）)]$")  # a date in the closing brackets: a note, no column
_LENTICULAR = re.compile(r"^【[^【】]{1,12}】$")  # a box's label: "【链接】"
_BOX_TAG = re.compile(r"[（(](?:相关)?(?:链接|记者手记)[）)]$")  # tags of boxes inside an article
_DOC_NO = re.compile(r"第[一二三四五六七八九十百零〇\d]+号$")  # a decree's number ("第三十九号")
_PARENS = re.compile(r"^[（(][^（()）]*[）)]$")  # a whole block in brackets: a note, not a title
_AUTHOR_NOTE = re.compile(r"^[（(]\s*作者(?:为|系|是|单位)")  # "（作者为某报记者）" closes an opinion piece
_PAREN_NAMES = re.compile(
    rf"^[（(]\s*(?:据?\S{{0,16}}?电\s*)?(?:本报)?(?:{_ROLE_WORDS})?\s*(?P<names>[^（()）]{{2,30}}?)\s*(?:整理|报道|采写)?\s*[）)]$"
)
JUMP = re.compile(
    r"^[（(]\s*(?P<dir>下转|上接|转|接)\s*第?\s*(?P<page>[0-9０-９]{1,3}|[一二三四五六七八九十]{1,3})\s*[版页]?\s*[）)]$"
)
DATELINE = re.compile(
    r"^(?:据)?(?P<source>新华社|中新社|本报|人民日报|央视|人民网)[^\s，。：:（()）]{0,16}?"
    r"(?P<date>\d{1,2}月\d{1,2}日)?电"
)
PAREN_BYLINE = re.compile(rf"^\s*[（(]\s*{_ROLE_WORDS}[^（()）]{{1,40}}[）)]")
LEAD_BYLINE = re.compile(
    rf"^本报讯\s*(?:[（(]\s*{_ROLE_WORDS}[^（()）]{{2,30}}?[）)]"
    rf"|{_ROLE_WORDS}\s*[^\s，。：:（()）]{{2,24}}?\s*(?:报道)?\s*[：:]|[：:])?"
)
QUESTION = re.compile(r"^(?:[0-9０-９]{1,2}\s*)?(?:问|记者|本报记者|主持人|Q)\s*[：:]")  # ("3问：", numbered)
ANSWER = re.compile(r"^(?P<who>[^，。；？！：:\s]{1,40}?)\s*[：:]")
LONG_TAG_TITLE = 16  # a title this short may run over three lines with its long column tag
UNDER_TITLE_CHARS = 12  # a line with commas right under a title line, no longer than this, is one too
LABEL_CHARS = 5  # a box label ("核心阅读"-like) is at most this long
BOX_CHARS = 4  # ... and at most this long right after text
LABEL_SHARE = 0.25  # similarity to its text a label under a title closed by its column tag may have
_SPEAKER_KICKER = re.compile(r"^[^\s，。；？！：:]{2,8}[：:]$")  # a kicker naming who speaks: "公安部："
CHAPTER = re.compile(r"^\s*第[一二三四五六七八九十百零〇]{1,4}[章节编]")
SECTION_NUMBER = re.compile(r"^[（(]?(?:[一二三四五六七八九十]{1,3}|[0-9０-９]{1,2})[）)、.．]?$")
SUBTITLE = re.compile(r"^(?:——|—\s*—|—|－－)")
SIGNATURE_CHARS = 6  # a dash and so few characters sign a text ("——编者"): no subtitle
_CN_NUM = {c: i for i, c in enumerate("零一二三四五六七八九十", start=0)}


# ---------------------------------------------------------------- roles

@dataclass
class Item:
    """A block with its role on the page."""

    block: Block
    role: str  # head, sub, byline, tail (a closing byline), credit, jump, q, a, lead, label, p, fw
    gap: int = 0  # blank lines before it in the source
    index: int = 0  # position on the page, in source order
    attrs: dict[str, str] = field(default_factory=dict)
    marks: tuple[Mark, ...] = ()
    text: str = field(init=False, repr=False)  # the block's text, asked for often
    widths: list[float] = field(init=False, repr=False)  # ... and the widths of its lines

    def __post_init__(self) -> None:
        self.text = self.block.text
        self.widths = [width(p.text) for p in self.block.pieces]


def _jump_page(raw: str) -> str:
    raw = raw.translate(str.maketrans("０１２３４５６７８９", "0123456789"))
    if raw.isdigit():
        return str(int(raw))
    total, cur = 0, 0
    for ch in raw:
        if ch == "十":
            total += (cur or 1) * 10
            cur = 0
        else:
            cur = _CN_NUM[ch]
    return str(total + cur)


def _name_marks(text: str, start: int, end: int, strict: bool = False) -> tuple[Mark, ...]:
    """persName marks for the names between ``start`` and ``end`` of a byline (after 记者 ...)."""
    return tuple(Mark(start + s, start + e) for s, e in name_spans(text[start:end], strict=strict))


def byline_marks(text: str) -> tuple[Mark, ...] | None:
    """persName marks when ``text`` is a whole byline, else None."""
    stripped = text.strip()
    if stripped[:1] in "（(" and (fm := _FOREIGN.match(stripped)):
        start = fm.start("name")
        if "·" in fm["name"] or "—" in fm["name"] or name_spans(fm["name"]) == [(0, len(fm["name"]))]:
            return (Mark(start, fm.end("name")),)
    if (pm := _POSTED.match(stripped)) and is_name(pm["name"]):
        return (Mark(pm.start("name"), pm.end("name")),)
    pm = PHOTO_BYLINE.match(stripped)
    if pm:
        marks = _name_marks(stripped, pm.start("names"), pm.end("names"))
        if marks:
            return marks
    shared = _shared_marks(stripped) or _roles_marks(stripped)
    if shared:
        return shared
    m = BYLINE.match(stripped)
    if m:
        names_start = m.start("names")
        names_end = m.end("names")
        # a bare role word run into its names ("记者王观") wants a known surname ("记者手记" is a column)
        bare = re.fullmatch(_ROLE_WORDS, _MARKER.sub("", stripped[:names_start])) is not None
        marks = _name_marks(stripped, names_start, names_end, strict=bare)
        if marks:
            return marks
        if bare:
            return None
    lead = _MARKER.match(stripped)
    skip = lead.end() if lead else 0
    # after a byline marker (□) any names will do; bare names need a known surname
    marks = tuple(Mark(skip + s, skip + e) for s, e in name_spans(stripped[skip:], strict=not lead))
    return marks or None


def _shared_marks(text: str) -> tuple[Mark, ...]:
    """Names of a byline shared out by role ("张三图  李四文"), or () when ``text`` is none."""
    parts = list(SHARED_PART.finditer(text))
    ends = [0, *(p.end() for p in parts)]
    if len(parts) < 2 or [p.start() for p in parts] != ends[:-1] or ends[-1] != len(text):
        return ()  # the parts must make up the whole line
    marks: list[Mark] = []
    for part in parts:
        role = ROLE.match(part["who"])
        names = _name_marks(text, part.start("who") + (role.end() if role else 0), part.end("who"))
        if not names:
            return ()
        marks.extend(names)
    return tuple(marks)


def _roles_marks(text: str) -> tuple[Mark, ...]:
    """Names of a byline with a role before each ("本报驻埃及记者  甲乙  本报驻俄罗斯记者  丙丁")."""
    roles = list(ROLE.finditer(text))
    if len(roles) < 2 or _MARKER.sub("", text[: roles[0].start()]):
        return ()
    marks: list[Mark] = []
    for role, after in zip(roles, [*roles[1:], None], strict=True):
        names = _name_marks(text, role.end(), after.start() if after else len(text))
        if not names:
            return ()
        marks.extend(names)
    return tuple(marks)


def credit_marks(text: str) -> tuple[Mark, ...] | None:
    stripped = text.strip()
    a = AGENCY_CREDIT.match(stripped)
    if a:
        return _name_marks(stripped, a.start("names"), a.end("names"))
    if SOURCE_CREDIT.match(stripped):
        return ()
    m = CREDIT.match(stripped)
    if not m:
        return None
    body = m.group("body")
    start = m.start("body")
    inner = BYLINE.match(body)
    if inner:
        marks = _name_marks(body, inner.start("names"), inner.end("names"))
    else:
        lead = _MARKER.match(body)
        skip = lead.end() if lead else 0
        marks = tuple(Mark(skip + s, skip + e) for s, e in name_spans(body[skip:], strict=False))
    return tuple(Mark(start + mk.start, start + mk.end) for mk in marks) or None


def _tagged(text: str) -> bool:
    """A title closed by a column tag: "…（经济透视）" (not a name and its post: "张三（编辑）")."""
    tag = _TAG.search(text)
    return bool(tag) and _chars(text[: tag.start()]) > 4 and tag.end() - tag.start() >= 4


def _tagged_title(text: str, lines: int) -> bool:
    """A block closed by a column tag is a title whatever its commas, over two lines at most;
    a short one may run over three when its tag is long (four, without commas). Not "name
    （post）", though a long title may end in a word that reads as a two-character name
    ("…重大任务")."""
    untagged = _untagged(text)
    if not (lines <= 2 and len(text) <= 40 or lines == 3 and len(untagged) <= LONG_TAG_TITLE
            or lines == 4 and len(untagged) <= LONG_TAG_TITLE + 2 and not _has_comma(untagged)
            and not _DATED_TAG.search(text)):
        return False
    name = trailing_name(untagged)
    return not (name and (name >= 3 or len(untagged) <= 8 or " " in untagged or untagged[0] in "（("))


def _untagged(text: str) -> str:
    """A title without the column tag closing it ("…（人民时评）"), which may hold commas."""
    tag = _TAG.search(text)
    return text[: tag.start()] if tag and tag.start() > 0 and not ends_sentence(text[: tag.start()]) else text


def _is_heading(text: str, lines: int) -> bool:
    if text[:1] in "（(" and text[-1:] in "）)":
        return False  # a note in brackets ("（作者为…）"), whatever it holds
    if DATE_LINE.match(text):
        return False  # a date alone closes a decree or letter under its signature
    text = _untagged(text)
    if lines <= 2:
        text = text.replace("、", "")  # a title may list things ("走在前、作表率")
    if lines == 1:
        topic = TOPIC.match(text)
        if topic:  # ... or name its subject first ("某国总统：某方愿…"), not a credit ("制图：某某")
            text = topic["rest"]
    return lines <= 3 and len(text) <= 40 and not has_punct(text) and not ends_sentence(text)


def classify(blocks: Sequence[Block], spaced_lines: frozenset[int] = frozenset()) -> list[Item]:
    """Give every block of a page a role from its own text and shape."""
    items: list[Item] = []
    prev_last = None
    for block in blocks:
        text = block.text
        lines = len({p.line for p in block.pieces})
        gap = 0 if prev_last is None else max(0, block.first_line - prev_last - 1)
        prev_last = block.last_line
        item = Item(block, "p", gap, len(items))
        jump = JUMP.match(text)
        if jump:
            item.role = "jump"
            item.attrs = {"subtype": "to" if "下" in jump["dir"] or jump["dir"] == "转" else "from",
                          "n": _jump_page(jump["page"])}
        elif block.first_line in spaced_lines and lines == 1:
            item.role = "fw"
            item.attrs = {"type": "banner"}
        elif SUBTITLE.match(text) and not ends_sentence(text) and (lines <= 3 or _PARENS.match(text.lstrip("—"))):
            # (a law's revision history in brackets runs long: "——（1984年…修订）")
            item.role = "sub" if _chars(text) > SIGNATURE_CHARS else "p"
        elif (marks := credit_marks(text)) is not None and len(text) <= 40:
            item.role, item.marks = "credit", marks
        elif len(text) <= 40 and (marks := byline_marks(text)) is not None:
            item.role, item.marks = "byline", marks
        elif _PARENS.match(text):
            m = _PAREN_NAMES.match(text)
            marks = _name_marks(text, m.start("names"), m.end("names")) if m else ()
            if marks:
                item.role, item.marks = "byline", marks
            elif DATELINE.fullmatch(_squashed(text)[1:-1]):
                item.role, item.attrs = "tail", {"dateline": "yes"}  # "（本报罗马1月1日电）" closes a story
        elif QUESTION.match(text):
            item.role = "q"
        elif DATELINE.match(text) or LEAD_BYLINE.match(text):
            item.role = "lead"
        elif _is_heading(text, lines) or _tagged(text) and _tagged_title(text, lines):
            item.role = "head"
        items.append(item)
    _soft_headings(items)
    _decrees(items)
    _contents(items)
    _signatures(items)
    _name_only_bylines(items)
    _photo_columns(items)
    _box_labels(items)
    _photo_credits(items)
    return items


def _decrees(items: list[Item]) -> None:
    """A decree's number ("第三十九号") and the line over it ("某某令") head the text of a
    decree within an article (a law and the order enacting it), and its signature over a
    date closes it: text, not headlines."""
    for i, it in enumerate(items):
        if _DOC_NO.match(_squashed(it.text)) and len(_squashed(it.text)) <= 12:
            it.role = "p"
            if i and items[i - 1].role == "head" and not _tagged(items[i - 1].text):
                items[i - 1].role = "p"
        elif i and DATE_LINE.match(_squashed(it.text)) and items[i - 1].role == "head":
            items[i - 1].role = "p"  # the signature over the date


def _contents(items: list[Item]) -> None:
    """Chapter headings one after another ("第一章 总 则", "第二章 …"), and a "目录" line
    over them, are a table of contents: text, not headlines (up to the first heading
    that comes again: the first chapter itself)."""
    i = 0
    while i < len(items):
        j = i
        seen = set()
        while j < len(items) and items[j].role == "head" and CHAPTER.match(items[j].text) \
                and _squashed(items[j].text) not in seen:
            seen.add(_squashed(items[j].text))
            j += 1
        if j - i >= 2:
            start = i - 1 if i and _squashed(items[i - 1].text) == "目录" else i
            for it in items[start:j]:
                it.role = "p"
        i = max(j, i + 1)


def _photo_columns(items: list[Item]) -> None:
    """A very short line right under a photo's caption ("…图为…"), over another one (the
    photo's title, printed after it) or under a title over the caption, names the photo's
    column ("影像中国"): it credits the photo, as its credit line would."""
    for i in range(1, len(items) - 1):
        it = items[i]
        if it.role == "head" and _chars(it.text) <= BOX_CHARS and items[i - 1].role == "p" \
                and "图为" in items[i - 1].text and items[i + 1].role == "head" \
                and (_chars(items[i + 1].text) <= BOX_CHARS
                     or i >= 2 and items[i - 2].role == "head" and _chars(items[i - 2].text) <= BOX_CHARS):
            it.role, it.marks = "credit", ()


def _photo_credits(items: list[Item]) -> None:
    """A photographer's byline ("张三摄影报道", "张三图  李四文") right under text and
    before no more text credits the photo of that text, as a photo credit does."""
    for i in range(1, len(items)):
        it, nxt = items[i], items[i + 1] if i + 1 < len(items) else None
        text = it.text.strip()
        drawn = "图" in text and _shared_marks(text)  # (who drew, who wrote: "张三图  李四文")
        if (it.role == "byline" and items[i - 1].role in ("p", "lead", "q")
                and (nxt is None or nxt.role not in ("p", "lead", "q")
                     or items[i - 1].role == "p" and (it.gap or drawn))
                and (PHOTO_BYLINE.match(text) or drawn)):
            it.role = "credit"


def _signatures(items: list[Item]) -> None:
    """A dash line under a text signs it when more text follows ("——某村村民张三" under a
    first-person account), when it ends in a verb of saying ("——某某在某会上说" under a
    quote) or, short, in a name: a subtitle follows a title."""
    for i in range(1, len(items)):
        it, nxt = items[i], items[i + 1] if i + 1 < len(items) else None
        if it.role == "sub" and items[i - 1].role in ("p", "lead", "q") and (
                nxt is not None and nxt.role in ("p", "q") or it.text.rstrip().endswith(("说", *SAYS))
                or len(it.text.strip()) <= 12 and trailing_name(it.text.strip())):  # ("——某镇镇长张三")
            it.role = "p"


def _squashed(text: str) -> str:
    """The text without its whitespace ("目 录" -> "目录")."""
    return "".join(text.split())


def _chars(text: str) -> int:
    return len(text) - sum(c.isspace() for c in text)


def _box_labels(items: list[Item]) -> None:
    """A very short line right under a headline line (and no longer than it) or its byline, or
    right after a paragraph (not near a photo's credit: a photo's title), over
    text that shares none of its words, labels a box of text ("summary",
    "editor's note"): it is the first paragraph of a body, not a headline line."""
    for i in range(1, len(items) - 1):
        it = items[i]
        above = items[i - 1]
        if (
            it.role == "head"
            and (_chars(it.text) <= LABEL_CHARS
                 and (above.role in ("head", "sub") and _chars(it.text) <= _chars(above.text)
                      or above.role == "byline" and items[i - 2].role in ("head", "sub"))
                 and not _PARENS.match(above.text) and not _photo_near(items[i + 1 : i + 7])
                 or _chars(it.text) <= BOX_CHARS and above.role in ("p", "lead")
                 and not _photo_near(items[i + 1 : i + 8]))  # (photos: a title)
            and (items[i + 1].role == "p"
                 or items[i + 1].role == "jump" and _tagged(above.text))  # (the box's text goes on elsewhere)
            and (i + 2 == len(items) or items[i + 2].role != "credit")  # (a caption: the line titles the photo)
            and "图为" not in items[i + 1].text  # (a caption's "this photo shows")
            and similarity([it], items[i + 1 : i + 6]) <= (LABEL_SHARE if _tagged(above.text) else 0)
        ):  # (a title closed by its column tag goes on into no other headline line: a word or so
            # of a label under it may recur in the text)
            it.role = "label"
        elif it.role == "head" and _LENTICULAR.match(it.text) and items[i + 1].role in ("p", "lead"):
            it.role = "label"  # a label in lenticular brackets over text ("【某某看点】") marks a box


def _photo_near(items: Sequence[Item]) -> bool:
    """A photo's credit or photographer's byline ("张三图  李四文") among these items, before
    any headline line."""
    for it in items:
        if it.role in ("head", "sub"):
            return False
        if it.role == "credit" or it.role == "byline" and "图" in it.text and _shared_marks(it.text.strip()):
            return True
    return False


def _soft_headings(items: list[Item]) -> None:
    """A short block with commas but no sentence end is a headline line when a
    headline line follows it closely, or a subtitle or a byline follows it, or a
    kicker comes before it (ending in a lead-in dash "…——" or a verb of saying
    "…强调"); a kicker is one when a headline line follows it."""
    lines = [
        it.role in ("p", "head")
        and not SUBTITLE.match(it.text)
        and not (it.text[:1] in "（(" and it.text[-1:] in "）)")  # a note in brackets, nested ones too
        and not credit_line(it.text)
        and not DATE_LINE.match(_squashed(it.text))  # (a date alone closes a decree: text)
        and (len({p.line for p in it.block.pieces}) <= 3  # (or a short title with a long column tag)
             or _tagged(it.text) and len(_untagged(it.text)) <= LONG_TAG_TITLE and not _DATED_TAG.search(it.text))
        and not ends_sentence(it.text.rstrip("…") if "，" not in it.text else it.text)
        # (a kicker listing things may trail off: "…、做科普……"; a sentence with commas does not)
        and not it.text.endswith(("：", ":", "；", ";", "，", ","))
        for it in items
    ]
    short = [ok and len(_untagged(it.text)) <= 40 for ok, it in zip(lines, items, strict=True)]
    for i in reversed(range(len(items))):
        it = items[i]
        kicker = i > 0 and short[i - 1] and items[i - 1].text.endswith(("——", *SAYS))
        nxt = items[i + 1] if i + 1 < len(items) else None
        if it.role == "p" and nxt is not None and nxt.role == "head" and nxt.gap == 0 \
                and _SPEAKER_KICKER.match(it.text.strip()):
            it.role = "head"  # who speaks in the title under it: "比尔·盖茨："
            continue
        if it.role != "p" or not (short[i] or kicker and lines[i] and not has_punct(it.text)):
            continue  # (a title after a kicker may be long when it holds no punctuation)
        if nxt is not None and nxt.role == "p" and short[i + 1] and nxt.gap == 0 and _one_line(it) \
                and _one_line(nxt) and _has_comma(it.text) and _has_comma(nxt.text) \
                and not _SENTENCE.search(it.text + nxt.text) \
                and (i + 2 == len(items) or items[i + 2].gap > 0):
            it.role = nxt.role = "head"  # two lines with commas, each a block, set apart: a kicker and a title
            continue
        # (a blank line before it too, when it holds a comma and one parts it from the text under it)
        under_title = i > 0 and items[i - 1].role == "head" and _one_line(it) \
            and len(it.text) <= UNDER_TITLE_CHARS and (
                it.gap == 0 or _has_comma(it.text) and not it.text.endswith("…") and nxt is not None
                and nxt.gap > 0 and items[i - 1].gap > 0
                and (i == 1 or items[i - 2].role not in ("p", "lead", "q", "head")))  # (over no text: a kicker)
        if kicker or under_title or nxt is not None and (
            nxt.role == "head" and (nxt.gap == 0 or it.text.endswith("——")
                                    or i + 2 < len(items) and items[i + 2].role in ("sub", "byline")
                                    or i == 0 or items[i - 1].role in ("jump", "fw") or _signs(items[i - 1]))
            or nxt.role in ("sub", "byline")
            or nxt.role == "lead" and not _has_comma(it.text) and it.text[:1] not in "（("
        ):
            it.role = "head"


_SENTENCE = re.compile(f"[{re.escape(SENTENCE_END)}]")  # a sentence ends inside: text, not a title


def _one_line(it: Item) -> bool:
    return len(it.block.pieces) == 1


def _signs(it: Item) -> bool:
    """A bracketed signature or dateline ("（张三）", "（本报东京电）"): it closes a story."""
    return it.role in ("tail", "byline") and bool(_PARENS.match(it.text))


def _closes(it: Item) -> bool:
    """A closing signature or dateline, or a note on the author ("（作者为…）"): the story ends."""
    return it.role == "tail" or it.role == "p" and bool(_AUTHOR_NOTE.match(it.text))


def _has_comma(text: str) -> bool:
    return has_punct(text.replace("、", ""))


def _name_only_bylines(items: list[Item]) -> None:
    """A line of bare names is a byline only next to a headline group."""
    for i, it in enumerate(items):
        text = it.text.strip()
        if it.role != "byline" or BYLINE.match(text) or PHOTO_BYLINE.match(text) or _shared_marks(text):
            continue
        before = items[i - 1].role if i else None
        if _PARENS.match(it.text) and before in ("p", "lead", "q"):
            it.role = "tail"  # "（陈 玲）" right after a text signs it: a byline that closes the article
            continue
        # (a speaker's post and name signs a speech under its subtitle, not a package's sections)
        if before not in ("head", "sub") or before == "head" and _POSTED.match(text):
            it.role, it.marks = ("head", ()) if _is_heading(it.text, 1) else ("p", ())


# ---------------------------------------------------------------- articles

@dataclass
class Run:
    """Consecutive items that are all headline material, or all body."""

    kind: str  # "heads" or "body"
    items: list[Item]


@functools.lru_cache(maxsize=1024)
def _bigrams(text: str) -> frozenset[str]:
    """The pairs of letters of a text (memoized: a page asks about the same bodies often)."""
    chars = [c for c in text if c.isalnum()]
    return frozenset(a + b for a, b in itertools.pairwise(chars))


def _words_of(text: str) -> frozenset[str]:
    """The letter pairs of a text without digits (dates and counts recur in any two stories)."""
    return frozenset(w for w in _bigrams(text) if not (w[0].isdigit() or w[1].isdigit()))


def similarity(heads: Sequence[Item], body: Sequence[Item]) -> float:
    """How much of a headline group recurs in an article (lead first)."""
    words = set()
    for it in heads:
        if it.role in ("head", "sub"):
            words |= _bigrams(it.text)
    if not words:
        return 0.0
    texts = [it.text for it in body if it.role not in ("jump", "credit", "fw")]
    lead = _bigrams("".join(texts)[:160])
    whole = _bigrams("".join(texts))
    return (len(words & lead) + 0.5 * len(words & whole)) / len(words) / 1.5


def _group_match(group: Sequence[Item], body: Sequence[Item],
                 cache: dict[tuple[int, int], float] | None = None) -> float:
    """How well a headline group fits an article: its best-matching line (the
    main title) counts in full, the other lines (kicker, subtitle) a little,
    so a line that matches no body well does not drag its group down.
    ``cache`` keeps the match of each (line, body) pair."""
    if cache is None:
        cache = {}
    sims = []
    for it in group:
        if it.role in ("head", "sub"):
            key = (id(it), id(body))
            if key not in cache:
                cache[key] = similarity([it], body)
            sims.append(cache[key])
    sims.sort(reverse=True)
    if not sims:
        return 0.0
    return sims[0] + GROUP_REST * sum(sims[1:])


GROUP_REST = 0.3


def _body_runs(items: list[Item]) -> list[Run]:
    runs: list[Run] = []
    for it in items:
        kind = "heads" if it.role in ("head", "sub", "byline") else "body"
        if runs and runs[-1].kind == kind:
            runs[-1].items.append(it)
        else:
            runs.append(Run(kind, [it]))
    return runs


def _may_be_subhead(runs: list[Run], i: int) -> bool:
    """A headline run that could be a subhead inside one article: headline lines
    only (no subtitle, no byline), with body on both sides that does not end
    or start an article there (a jump note, a closing signature or dateline, a lead)."""
    run = runs[i]
    if run.kind != "heads" or any(it.role != "head" for it in run.items):
        return False
    if len(run.items) > 2 and not (len(run.items) == 3 and all(_chars(it.text) <= SUBHEAD_CHARS for it in run.items)):
        return False  # three lines only when all are short ("一张网络 / 入户探访需求 / 及时化解矛盾")
    if i == 0 or i == len(runs) - 1 or any(_tagged(it.text) and not _BOX_TAG.search(it.text) for it in run.items):
        return False  # (a column tag, "…（人民时评）", closes an article's title, not a subhead; a
        # box's tag, "…（链接）", "…（记者手记）", may title a part of one)
    if len(run.items) == 2 and run.items[0].gap and run.items[0].text.endswith("——") \
            and _has_comma(run.items[0].text):
        return False  # a kicker with commas set apart, its lead-in dash pointing at the title under it
    after = runs[i + 1].items
    prev, nxt = runs[i - 1].items[-1], after[0]
    if _jumps_on(runs, i):
        return True
    if len(run.items) == 1 and _BOX_TAG.search(run.items[0].text):
        return not (prev.role in ("jump", "fw") or nxt.role in ("lead", "fw", "jump"))  # a box of the text above
    if _photo_story(runs[i - 1].items[-2:]) or len(after) <= STORY_PARAS + 2 and (
            _photo_story(after) or after[0].role == "p" and after[-1].role == "figure"):
        return False  # a photo story (text closed by the photo's credit, or its captioned photo) stands alone
    if [it.role for it in after if it.role != "jump"] == ["figure"]:
        return False  # a title over a photo alone
    if prev.role == "figure" and len(run.items) == 1 and _chars(run.items[0].text) <= BOX_CHARS:
        return False  # a very short line right under a photo's credit titles the photo ("图片报道")
    if _closes(prev) and len(run.items) == 1:
        return False  # a line alone after a note on the author (not a package's section, "title /（国家）某某")
    if runs[i - 1].items[0].role == "lead" and any(it.role == "tail" and it.attrs.get("dateline") for it in after):
        return False  # a story opened by its dateline above, one closed by its own below: two reports
    return not (prev.role in ("jump", "fw", "tail") or nxt.role in ("lead", "label", "fw", "jump"))


def _subhead_score(runs: list[Run], i: int) -> float:
    """Evidence that the body on both sides of run ``i`` is one article: the same
    column width, and words that carry on across the run (cohesion)."""
    before, after = runs[i - 1].items, runs[i + 1].items
    tail = _words_of("".join(it.text for it in before)[-300:])
    head = _words_of("".join(it.text for it in after)[:300])
    cohesion = len(tail & head) / max(1, min(len(tail), len(head)))
    column = COLUMN_BONUS if _same_column(before, after) else -COLUMN_BONUS
    # a subhead announces the text under it; a line that only echoes the text above ends it
    words = _words(runs[i].items)
    side = (len(words & head) - len(words & tail)) / len(words) if words else 0.0
    # (a news story opened by its dateline seldom has subheads: a line after it titles the next)
    lead = LEAD_COST if before[0].role == "lead" else 0.0
    return COHESION_WEIGHT * (cohesion - COHESION_MEAN) + column + SIDE_WEIGHT * min(0.0, side) - lead


def _jumps_on(runs: list[Run], i: int) -> bool:
    """Run ``i`` stands between a text and the jump note that ends it, with the next
    headline group (or the page's end) after the note: the text's subhead, cut off
    where the text goes on on another page (a title has text of its own under it)."""
    after = runs[i + 1].items
    return runs[i - 1].items[-1].role in ("p", "q", "a") \
        and all(it.role == "jump" and it.attrs.get("subtype") == "to" for it in after) \
        and (i + 2 == len(runs) or runs[i + 2].kind == "heads")


def _must_be_subhead(runs: list[Run], i: int) -> bool:
    """A subhead right before a question (articles open with a lead, not a
    question), right after a section number alone ("（二）") or a chapter's
    heading ("第二章  组织设置"); or the title of a document the text above names
    in book-title marks (a law's text under the news of its publication)."""
    above = runs[i - 1].items[-1].text.strip() if i else ""
    run = runs[i].items
    return _may_be_subhead(runs, i) and (
        runs[i + 1].items[0].role == "q" or bool(SECTION_NUMBER.match(above))
        or len(run) == 1 and bool(_BOX_TAG.search(run[0].text))  # (a box's tag: "…（链接）")
        or above.endswith(("：", ":")) and _chars(above) <= SUBHEAD_CHARS  # (a part's label, "渐入佳境：")
        or all(CHAPTER.match(it.text) for it in run) or _jumps_on(runs, i)) or _named_above(runs, i)


def _named_above(runs: list[Run], i: int) -> bool:
    """Run ``i`` is one or two headline lines, between texts, that the text above quotes
    as the name of a document: "…印发了《某某条例》…" over "某某条例"."""
    run = runs[i]
    if run.kind != "heads" or not 0 < i < len(runs) - 1 or len(run.items) > 2 \
            or any(it.role != "head" for it in run.items):
        return False
    name = "".join(_squashed(it.text) for it in run.items)
    return len(name) >= 6 and f"《{name}》" in _squashed("".join(it.text for it in runs[i - 1].items))


def _column(items: Sequence[Item]) -> float:
    widths = sorted(w for it in items[-4:] for w in it.widths)
    return widths[len(widths) // 2] if widths else 0.0


def _same_column(before: Sequence[Item], after: Sequence[Item]) -> bool:
    a, b = _column(before[-4:]), _column(after[:4])
    return abs(a - b) < 1.5


def _block_column(it: Item) -> float | None:
    """The column width a paragraph was set in: the median width of its lines but
    the last (None when it has fewer than two such lines)."""
    if it.role not in ("p", "lead", "q"):
        return None
    widths = sorted(it.widths[:-1])
    return widths[len(widths) // 2] if len(widths) >= 2 else None


def _split_bodies(items: list[Item]) -> tuple[list[list[Item]], list[bool | str]]:
    """Split a stretch of body at article starts (datelines) and ends (jump notes),
    and softly where the column width changes for good (one odd paragraph, a
    quote set narrower, does not count), before a photo story that ends it and after a
    captioned photo between texts: a soft piece joins its neighbour again unless both
    get a headline. Returns the bodies and, for each, whether it starts softly (True,
    or DATED at a second dateline of the same source and date)."""
    cols = [_block_column(it) for it in items]
    known = [i for i, c in enumerate(cols) if c is not None]
    changes = set()
    ref = cols[known[0]] if known else 0.0
    for b, c in zip(known[1:], [*known[2:], None], strict=False):
        if abs(cols[b] - ref) >= COLUMN_STEP:  # type: ignore[operator]
            if c is not None and abs(cols[c] - ref) < COLUMN_STEP:  # type: ignore[operator]
                continue  # one odd paragraph
            changes.add(b)
        ref = cols[b]  # type: ignore[assignment]
    for i in range(1, len(items) - 1):
        if items[i].role == "p" and items[i + 1].role == "figure" and not _caption(items[i + 1]) \
                and all(it.role == "jump" for it in items[i + 2:]):
            changes.add(i)  # a photo story: text, then its photo's credit, ends the stretch
        elif items[i].role == "figure" and _caption(items[i]) and items[i - 1].role == "p" \
                and items[i + 1].role in ("p", "q"):
            changes.add(i + 1)  # a photo with its caption between texts ends a photo story
    for i in range(1, len(items)):  # a closing signature, dateline or note on the author ends a story
        if _closes(items[i - 1]) and items[i].role in ("p", "q"):
            changes.add(i)
    out: list[list[Item]] = [[]]
    soft: list[bool | str] = [False]
    date = None  # the source and date of the last dateline
    for i, it in enumerate(items):
        starts = it.role == "lead" or (it.role == "jump" and it.attrs.get("subtype") == "from")
        if starts and any(x.role not in ("credit", "fw", "figure") for x in out[-1]):
            out.append([])
            soft.append(DATED if it.role == "lead" and date and _dated(it) == date else False)
        elif i in changes and out[-1]:
            out.append([])
            soft.append(True)
        if it.role == "lead":
            date = _dated(it)
        out[-1].append(it)
        if it.role == "jump" and it.attrs.get("subtype") == "to":
            out.append([])
            soft.append(False)
    keep = [i for i, b in enumerate(out) if b]
    return [out[i] for i in keep], [soft[i] if i != keep[0] else False for i in keep]


# a story may hold reports from two places under one headline: a second dateline of the
# same source and date ("本报北京1月1日电" … "本报合肥1月1日电") opens a piece that needs a
# headline of its own to stand apart
DATED = "dated"


def _dated(it: Item) -> tuple[str, str] | None:
    """The source and date of a lead's dateline: ("本报", "1月1日")."""
    m = DATELINE.match(it.text)
    return (m["source"], m["date"]) if m and m["date"] else None


def _merge_soft(arts: list[Article], soft: Sequence[bool | str],
                upper: frozenset[int] = frozenset()) -> list[Article] | None:
    """Join a softly split piece to the article before it when one of them has
    no headline. Two titled pieces stay apart only in the mixed layout that
    explains the split: the one before titled from the headline run above the
    bodies (items with an index in ``upper``), the one after from the run below;
    otherwise None (not a layout). Pieces split at a second dateline of one date
    (DATED) stay apart whenever both are titled."""
    out: list[Article] = []
    for art, s in zip(arts, soft, strict=True):
        if s and out:
            prev = out[-1]
            if not (prev.heads and art.heads):
                out[-1] = Article(heads=prev.heads or art.heads, body=prev.body + art.body)
                continue
            if s is not DATED and not (prev.heads[0].index in upper and art.heads[0].index not in upper):
                return None
        out.append(art)
    return out


def _groups(items: list[Item], k: int, cut: int = 0) -> list[list[list[Item]]]:
    """Ways to cut headline items into k contiguous groups, each with a headline line
    (a run of bylines alone is one group), cut at ``cut`` if given."""
    n = len(items)
    if k == 1 and not cut:
        return [[items]]
    options = []
    for cuts in itertools.combinations(range(1, n), k - 1):
        if cut and cut not in cuts:
            continue
        bounds = (0, *cuts, n)
        groups = [items[a:b] for a, b in itertools.pairwise(bounds)]
        if all(_may_cut(items, c) for c in cuts) and all(
                any(it.role in ("head", "sub") for it in g) or all(it.role == "byline" for it in g) for g in groups):
            options.append(groups)
        if len(options) > 400:
            break
    return options


def _may_cut(items: Sequence[Item], cut: int) -> bool:
    """A headline run may be cut before ``cut`` unless a kicker's lead-in dash ("…——")
    or verb of saying ("…强调") points at the title there."""
    return not (0 < cut < len(items) and items[cut - 1].text.rstrip().endswith(("——", *SAYS))
                and items[cut].role == "head")


def _group_prior(group: list[Item]) -> float:
    """Shape of a plausible group: lines close together, at most one byline at its end,
    a subtitle after a title."""
    score = -0.5 if group[0].role == "sub" else 0.0
    for b in group[1:]:
        if b.gap and b.role != "byline":
            score -= 0.15
    if any(it.role == "byline" for it in group[:-1]):
        score -= 0.5
    if group[0].role == "byline":
        score -= 0.5
    if any(a.role == "head" and _tagged(a.text) and b.role == "head" for a, b in itertools.pairwise(group)):
        score -= 0.5  # a column tag closes the title: no headline line follows it
    if any(a.role == "sub" and b.role == "head" for a, b in itertools.pairwise(group)):
        score -= 0.5  # ... nor a subtitle
    return score


@dataclass
class Article:
    heads: list[Item] = field(default_factory=list)
    body: list[Item] = field(default_factory=list)
    figures: list[Item] = field(default_factory=list)  # moved here from elsewhere on the page

    def indexes(self) -> set[int]:
        return {it.index for it in (*self.heads, *self.body)}


def _assign(run: list[Item], bodies: list[list[Item]], cut: int = 0,
            soft: Sequence[bool | str] = ()) -> tuple[float, list[Article]]:
    """Best split of headline items into groups and their match to ``bodies``;
    no group spans ``cut`` (items from two different runs). Softly split bodies
    left without a headline join their neighbour."""
    best: tuple[float, list[Article]] | None = None
    soft = list(soft) or [False] * len(bodies)
    upper = frozenset(it.index for it in run[:cut])
    heads_count = max(1, sum(1 for it in run if it.role in ("head", "sub")))
    two = 0 < cut < len(run)
    cache: dict[tuple[int, int], float] = {}
    for k in range(min(len(bodies), heads_count) + two, 0, -1):
        for groups in _groups(run, k, cut if two else 0):
            if len(groups) > len(bodies):
                continue
            for chosen in itertools.combinations(range(len(bodies)), k):
                perms = itertools.permutations(chosen) if k <= 3 else [chosen]
                for perm in perms:
                    order_penalty = 0.0 if list(perm) == sorted(perm) else 0.2
                    total = -order_penalty
                    arts = [Article(body=b) for b in bodies]
                    for g, bi in zip(groups, perm, strict=True):
                        total += _group_match(g, bodies[bi], cache) + _group_prior(g)
                        arts[bi].heads = g
                    if any(soft):
                        merged = _merge_soft(arts, soft, upper)
                        if merged is None:
                            continue
                        arts = merged
                    total -= UNTITLED_COST * sum(1 for a in arts if not a.heads)
                    total -= ARTICLE_COST * len(arts)
                    total += STORY_BONUS * sum(1 for a in arts if a.heads and _photo_story(a.body)
                                               and len(a.body) <= STORY_PARAS + 1)
                    total -= TAIL_COST * sum(1 for a in arts if _after_tail(a.body))
                    if best is None or total > best[0] + 1e-9:
                        best = (total, arts)
    if best is None:  # the items cannot be shared out: an impossible layout
        return -100.0, [Article(heads=run), *(Article(body=b) for b in bodies)]
    return best


ARTICLE_COST = 0.5  # every article must earn its place: subheads are commoner than articles
COHESION_WEIGHT = 10.0
COHESION_MEAN = 0.045  # share of word pairs carried across a subhead: above, one article
COLUMN_BONUS = 0.3
SIDE_WEIGHT = 1.0  # a subhead's words recur under it more than above it
LEAD_COST = 0.6  # against a subhead right under the first part of a story that opens with a dateline
COLUMN_STEP = 1.5  # a change of column width (em) between paragraphs: maybe another article
UNTITLED_COST = 0.6
MAX_SUBHEADS = 16  # subheads one article may hold
SHARED_COST = 0.1  # a headline run split between the articles above and below it
SUBHEAD_CHARS = 8  # a subhead of three lines has lines no longer than this
STORY_BONUS = 0.3  # a photo story (text and the photo's credit) stands alone: an article's worth
TAIL_COST = 0.5  # text after a story's closing signature in the same article
STORY_PARAS = 3  # paragraphs a short story's text may hold
VERSE_CHARS = 16  # a paragraph this short under a photo's caption is a verse's couplet, no more caption
PARALLEL_BONUS = 0.4  # subheads of one article look alike: as many lines, each of about one length ...
PARALLEL_CHARS = 1  # ... no more than this apart
PARALLEL_LINE = 10  # ... and subheads of two lines or more have short lines (not kicker and title)


def _chunk(heads: list[Item], cut: int, middle: list[Run]) -> tuple[float, list[Article]]:
    """Articles of the body runs in ``middle`` (headline runs there are subheads),
    titled from ``heads``: the items before ``cut`` come from the headline run
    above the bodies, the rest from the run below them."""
    items = [it for run in middle for it in run.items]
    bodies, soft = _split_bodies(items)
    if not bodies:
        return -0.3 * sum(1 for it in heads if it.role in ("head", "sub")), [Article(heads=heads)] if heads else []
    if not any(it.role in ("head", "sub", "byline") for it in heads):
        arts = _merge_soft([Article(body=b) for b in bodies], soft) or []
        return -(UNTITLED_COST + ARTICLE_COST) * len(arts), arts
    best = _assign(heads, bodies, cut, soft)
    if 0 < cut < len(heads) and len(bodies) == 1:
        # headlines above and below one stretch of text: maybe two articles, the first
        # titled from above, the second from below, meeting at the paragraph where the
        # text above matches the headlines above best, the rest those below
        body = bodies[0]
        above, below = _words(heads[:cut]), _words(heads[cut:])
        run, splits = 0.0, []
        for i in range(1, len(body)):
            run += _affinity(above, body[i - 1]) - _affinity(below, body[i - 1])
            if body[i].role in ("p", "q") and body[i - 1].role in ("p", "q", "lead"):
                splits.append((run, i))
        if splits:
            at = max(splits)[1]
            option = _assign(heads, [body[:at], body[at:]], cut, [False, True])
            if option[0] > best[0] + 1e-9:
                best = option
    return best


def _after_tail(body: Sequence[Item]) -> bool:
    """Text goes on after a closing signature ("（张三）") or note on the author: two stories in one."""
    return any(_closes(a) and b.role in ("p", "q") for a, b in itertools.pairwise(body))


def _photo_story(body: Sequence[Item]) -> bool:
    """Text that ends in a photo (its credit, with its caption or not), or a caption alone
    telling what the photo shows ("图为…"), jump notes aside
    (not a story closed by its signature, then a photo's: two stories)."""
    core = [it for it in body if it.role != "jump"]
    if len(core) >= 2 and core[-2].role == "figure" and _column_tag(core[-1]):
        core.pop()  # (the photo's column, "（光影乡村）", under its credit)
    if 1 <= len(core) <= 2 and core[-1].role == "p" and "图为" in core[-1].text:
        return True
    return len(core) >= 2 and core[-1].role == "figure" and core[-2].role == "p" \
        and all(it.role != "tail" for it in core)


def _column_tag(it: Item) -> bool:
    """A column's name alone in brackets: "（光影乡村）"."""
    return it.role == "p" and bool(_PARENS.match(it.text)) and _chars(it.text) <= LABEL_CHARS + 4


def _alike(runs: list[Run], candidates: Iterable[int]) -> list[int]:
    """The headline runs among ``candidates`` shaped like another: as many lines, each
    of about one length (subheads of one article look alike)."""
    candidates = list(candidates)
    shapes = {i: [_chars(it.text) for it in runs[i].items] for i in candidates}
    shapes = {i: shape for i, shape in shapes.items() if len(shape) == 1 or max(shape) <= PARALLEL_LINE}
    # (or a short speaker's lead-in, "某某——", over what was said: quotes set as subheads)
    said = [i for i in candidates if len(runs[i].items) == 2 and runs[i].items[0].text.endswith("——")
            and _chars(runs[i].items[0].text) <= PARALLEL_LINE]
    alike = [i for i, shape in shapes.items()
             if any(j != i and len(other) == len(shape)
                    and all(abs(a - b) <= PARALLEL_CHARS for a, b in zip(shape, other, strict=True))
                    for j, other in shapes.items())]
    return alike + [i for i in said if i not in alike] if len(said) >= 2 else alike


def _layout(runs: list[Run]) -> tuple[float, list[Article]]:
    """Best articles of a page.

    Each headline run is either a subhead inside one article or holds the
    headline groups of the articles next to it: those after the bodies above it
    (extractors often put headlines after their article), those before the
    bodies below it, or some of each. The choice is made for the whole page by
    dynamic programming over the headline runs.
    """
    forced = {i for i, run in enumerate(runs) if _must_be_subhead(runs, i)}
    heads_at = [i for i, run in enumerate(runs) if run.kind == "heads" and i not in forced]
    optional = {i: _subhead_score(runs, i) for i in heads_at if _may_be_subhead(runs, i)}
    for i in _alike(runs, optional):
        optional[i] += PARALLEL_BONUS
    marks = [-1, *heads_at, len(runs)]  # -1: page start, len(runs): page end

    def items_of(m: int) -> list[Item]:
        return runs[m].items if 0 <= m < len(runs) else []

    # a headline run may be shared between the articles above and below it at any line
    # (blank lines between headline groups are often lost): the match of each part decides
    cuts = {m: [c for c in range(len(items_of(m)) + 1) if _may_cut(items_of(m), c)] for m in marks}
    # best[(b, c)]: the page up to headline run marks[b], of which items [:c] are used
    best: dict[tuple[int, int], tuple[float, list[Article]]] = {(0, 0): (0.0, [])}
    for b in range(1, len(marks)):
        hi = marks[b]
        below = items_of(hi)
        for cb in cuts[hi]:
            options = []
            for a in range(b - 1, -1, -1):
                inner = marks[a + 1 : b]
                if any(m not in optional for m in inner) or len(inner) > MAX_SUBHEADS:
                    break  # a run in between must be a subhead, and this one cannot
                lo = marks[a]
                middle = runs[lo + 1 : hi]
                bonus = sum(optional[m] for m in inner)
                for ca in cuts[lo]:
                    if (a, ca) not in best:
                        continue
                    above = items_of(lo)[ca:]
                    score, arts = _chunk(above + below[:cb], len(above), middle)
                    if 0 < cb < len(below):
                        score -= SHARED_COST
                    previous = best[(a, ca)]
                    options.append((previous[0] + score + bonus, previous[1] + arts))
            if options:
                best[(b, cb)] = max(options, key=lambda t: t[0])
    return best[(len(marks) - 1, 0)]


# ---------------------------------------------------------------- trees

def _split_lead(item: Item) -> list[Item]:
    """'本报讯 记者X报道：…' or '新华社北京1月1日电（记者 X）…' -> byline/dateline + paragraph."""
    text = item.text
    out: list[Item] = []
    block = item.block
    m = DATELINE.match(text)
    if m and not text.startswith("本报讯"):
        end = m.end()
        head, block = block.split(end) if end < len(text) else (block, None)
        out.append(Item(head.strip(), "dateline"))
        if block is not None:
            pm = PAREN_BYLINE.match(block.text)
            if pm and pm.end() < len(block.text):
                by, block = block.split(pm.end())
                by = by.strip()
                out.append(Item(by, "byline", marks=_inner_names(by.text)))
    else:
        m = LEAD_BYLINE.match(text)
        end = m.end() if m else 0
        if 0 < end < len(text):
            by, block = block.split(end)
            by = by.strip()
            out.append(Item(by, "byline", marks=_inner_names(by.text)))
    if block is not None and block.text.strip():
        out.append(Item(block.strip(), "p"))
    return out


def _inner_names(text: str) -> tuple[Mark, ...]:
    """Names inside a byline like '本报讯 记者左晓雨报道：' or '（记者 王珏、李明）'."""
    marks = []
    for m in re.finditer(rf"{_ROLE_WORDS}\s*([^（()）：:，,]+?)\s*(?:报道|[）)：:]|$)", text):
        start = m.start(1)
        marks.extend(Mark(start + s, start + e) for s, e in name_spans(m.group(1), strict=False))
    return tuple(marks)


def _answer(item: Item) -> tuple[Item, Item] | None:
    """Split '…书记葛伟娟：words' into speaker and paragraph."""
    text = item.text
    if text.startswith(("答：", "答:")):
        cut = 2
        name = ()
    else:
        m = ANSWER.match(text)
        if not m:
            return None
        who = m.group("who")
        n = trailing_name(who)
        if not n:
            return None
        cut = m.end()
        start = m.start("who") + len(who) - n
        name = (Mark(start, start + n),)
    if cut >= len(text):
        return None
    speaker, rest = item.block.split(cut)
    return Item(speaker.strip(), "speaker", marks=name), Item(rest.strip(), "p")


def _byline_closes_group(art: Article) -> Article:
    """A headline line under the group's byline, over the text, opens the text's first
    section (a subhead), not the headline group."""
    last = max((k for k, it in enumerate(art.heads) if it.role == "byline"), default=-1)
    if 0 <= last < len(art.heads) - 1 and art.body and art.heads[-1].index < art.body[0].index \
            and all(it.role == "head" for it in art.heads[last + 1 :]):
        return Article(art.heads[: last + 1], art.heads[last + 1 :] + art.body, art.figures)
    return art


def _question(item: Item) -> tuple[Item, Item] | None:
    m = QUESTION.match(item.text)
    if not m or m.end() >= len(item.text):
        return None
    speaker, rest = item.block.split(m.end())
    return Item(speaker.strip(), "speaker"), Item(rest.strip(), "p")


def build_article(art: Article) -> Node:
    """The node tree of one article."""
    node = Node("article")
    art = _byline_closes_group(art)
    heads = [it for it in art.heads if it.role in ("head", "sub")]
    for it, kind in zip(heads, _head_types(heads), strict=True):
        node.children.append(Node("head", it.block, attrs={"type": kind}))
    for it in art.heads:
        if it.role == "byline":
            node.children.append(Node("byline", _with_marks(it.block, it.marks)))
    interview = any(it.role == "q" for it in art.body)
    container = node
    turn: Node | None = None
    tails: list[Node] = []  # bylines that close the article
    for it in art.body:
        if it.role == "lead":
            top = container is node and not any(c.kind in ("p", "sp") for c in node.children)
            if not top:  # a second report under the same headline: a section of its own
                container = Node("section")
                node.children.append(container)
                turn = None
            for part in _split_lead(it):
                if part.role == "p":
                    target = turn or container
                    target.children.append(Node("p", part.block))
                else:
                    (node if top else container).children.append(Node(part.role, _with_marks(part.block, part.marks)))
            continue
        if it.role == "head":  # a subhead opens a section
            container = Node("section", children=[Node("head", it.block)])
            node.children.append(container)
            turn = None
            continue
        if it.role == "q" and (parts := _question(it)):
            turn = Node("sp", children=[Node("speaker", parts[0].block), Node("p", parts[1].block)])
            container.children.append(turn)
            continue
        if interview and it.role == "p" and (parts := _answer(it)):
            turn = Node("sp", children=[Node("speaker", _with_marks(parts[0].block, parts[0].marks)),
                                        Node("p", parts[1].block)])
            container.children.append(turn)
            continue
        if it.role == "jump":
            node.children.append(Node("jump", it.block, attrs=dict(it.attrs)))
            turn = None
            continue
        if it.role == "figure":
            (turn or container).children.append(it.attrs["node"])  # type: ignore[arg-type]
            continue
        if it.role == "fw":
            container.children.append(Node("fw", it.block, attrs=dict(it.attrs)))
            continue
        if it.role == "tail":
            tails.append(Node("dateline", it.block) if it.attrs.get("dateline") else
                         Node("byline", _with_marks(it.block, it.marks)))
            continue
        target = turn if (turn is not None and it.role == "p") else container
        target.children.append(Node("p", it.block))
    node.children.extend(tails)
    for it in art.figures:
        node.children.append(it.attrs["node"])  # type: ignore[arg-type]
    if not any(c.kind == "head" and c.attrs.get("type") == "main" for c in node.children):
        node.attrs["subtype"] = "untitled"
    else:
        node.attrs["subtype"] = "interview" if interview else "news"
    return node


def _with_marks(block: Block, marks: Sequence[Mark]) -> Block:
    """Attach marks found on the stripped text to the (stripped) block."""
    stripped = block.strip()
    lead = len(block.text) - len(block.text.lstrip())
    shift = lead
    return Block(stripped.pieces, tuple(Mark(m.start - shift, m.end - shift, m.kind) for m in marks
                                        if 0 <= m.start - shift < m.end - shift <= len(stripped.text)),
                 stripped.page)


def _head_types(heads: Sequence[Item]) -> list[str]:
    """kicker / main / sub for the lines of a headline group."""
    kinds = ["sub" if it.role == "sub" else "" for it in heads]
    plain = [i for i, k in enumerate(kinds) if not k]
    if not plain:
        if kinds:
            kinds[0] = "main"
        return kinds
    if len(plain) == 1:
        kinds[plain[0]] = "main"
    elif len(plain) > 2 and not any(_tagged(heads[i].text) for i in plain[:-1]) and (
            _tagged(heads[plain[-1]].text)
            or len(plain) == 3 and "sub" not in kinds and _chars(heads[plain[-1]].text) > LABEL_CHARS):
        for i in plain[:-1]:
            kinds[i] = "kicker"  # a kicker wrapped over lines above the title its column tag closes
        kinds[plain[-1]] = "main"  # (or above the last of three lines: a subtitle has its dash)
    else:
        kinds[plain[0]] = "kicker"
        kinds[plain[1]] = "main"
        for i in plain[2:]:
            kinds[i] = "sub"
    return kinds


# ---------------------------------------------------------------- page

def _figures(items: list[Item]) -> list[Item]:
    """A photo credit and the caption just before it become one figure item."""
    out: list[Item] = []
    for it in items:
        if it.role != "credit":
            out.append(it)
            continue
        fig = Node("figure")
        if out and out[-1].role == "p" and ends_sentence(out[-1].text.rstrip(CLOSERS) + "。") \
                and len({p.line for p in out[-1].block.pieces}) <= 3:
            cap = out.pop()
            fig.children.append(Node("caption", cap.block))
        fig.children.append(Node("byline", _with_marks(it.block, it.marks)))
        out.append(Item(it.block, "figure", it.gap, it.index, attrs={"node": fig}))  # type: ignore[dict-item]
    return out


def _furniture(items: list[Item]) -> tuple[list[Node], list[Item]]:
    """Banners and a section label at the top of the page.

    A label is a short headline-like line above everything else that is not a
    headline: a banner or another headline line follows it, or the text that
    follows shares none of its words.
    """
    nodes: list[Node] = []
    i = 0
    label = False
    while i < len(items):
        it = items[i]
        nxt = items[i + 1] if i + 1 < len(items) else None
        if it.role == "fw":
            nodes.append(Node("fw", it.block, attrs=dict(it.attrs)))
        elif not label and it.role == "head" and len(it.text) <= 8 and nxt is not None and (
            nxt.role == "fw"
            or (len(it.text) <= 4 and nxt.role in ("head", "sub") and _brief_columns(items[i:])[0][1] is None)
            or len(it.text) <= 4 and nxt.role == "label"  # (a page label over a box's, "图片报道")
            or len(it.text) <= 2 and nxt.role in ("p", "lead", "credit")  # (no title is so short; its
            # words may well recur in the text: "经济" over "…经济增长…")
            or (len(it.text) <= 6 and nxt.role in ("p", "lead")
                and similarity([it], items[i + 1 : i + 2 if len(it.text) <= 4 else i + 6]) == 0
                and not _titles_photo(items[i + 1 : i + STORY_PARAS + 8]))
        ):
            nodes.append(Node("fw", it.block, attrs={"type": "section"}))
            label = True
        else:
            break
        i += 1
    return nodes, items[i:]


def _titles_photo(after: Sequence[Item]) -> bool:
    """The items under a short line are a photo's caption and credit, and no short line
    after them titles the photo instead: the line titles the photo ("图片报道"), it labels
    no page."""
    after = [it for it in after if it.role != "jump"]
    roles = [it.role for it in after]
    k = next((n for n, role in enumerate(roles) if role != "p"), len(roles))  # the caption's paragraphs
    # (a cartoon's verse under its caption, short lines, counts for no paragraph)
    long = sum(1 for it in after[:k] if _chars(it.text) > VERSE_CHARS)
    return 1 <= long <= STORY_PARAS and roles[k : k + 1] == ["credit"] \
        and not (roles[k + 1 : k + 2] == ["head"] and _chars(after[k + 1].text) <= BOX_CHARS)


def segment_page(blocks: Sequence[Block], spaced_lines: frozenset[int] = frozenset()) -> list[Node]:
    """Nodes of one page: furniture, then articles in reading order."""
    items = classify(blocks, spaced_lines)
    top, items = _furniture(items)
    items = _figures(items)
    floating = [it for it in items if it.role == "figure" and _alone(items, it)]
    articles: list[Article] = []
    for stretch, column in _brief_columns([it for it in items if it not in floating]):
        if column is None:
            score, arts = _layout(_body_runs(stretch))
            _give_text(arts)
            articles += _closed_packages(_packages(arts))
        else:
            articles.append(column)
    if floating and not articles:
        articles = [Article()]
    for fig in floating:  # a photo between headline runs belongs to no body: place it by its caption
        max(articles, key=lambda a: _fig_match(_caption(fig), a) + (0.05 if a.indexes() & _near(fig) else 0)
            ).figures.append(fig)
    while articles and not articles[0].body and not articles[0].figures and len(articles[0].heads) == 1 \
            and len(articles[0].heads[0].text) <= 8:
        top.append(Node("fw", articles.pop(0).heads[0].block, attrs={"type": "section"}))  # a label above the page
    articles = _place_figures(articles)
    for art in articles:  # a box label opening an article without a headline titles it ("图片报道")
        if not any(it.role in ("head", "sub") for it in art.heads) and art.body and art.body[0].role == "label":
            label = art.body.pop(0)
            art.heads.insert(0, Item(label.block, "head", label.gap, label.index))
    return top + [build_article(a) for a in articles if a.heads or a.body or a.figures]


def _words(group: Sequence[Item]) -> frozenset[str]:
    return frozenset().union(*(_bigrams(h.text) for h in group if h.role in ("head", "sub")))


def _affinity(words: frozenset[str], it: Item) -> float:
    """Share of a headline group's letter pairs (``words``) that recur in one block."""
    return len(words & _bigrams(it.text)) / len(words) if words else 0.0


def _give_text(articles: list[Article]) -> None:
    """A headline group left without text takes the end of the text just above it (its
    headline comes after it) or the start of the text just below it, cut where the
    paragraphs start to match it better than the headline they were given. (Not a
    label of a word or two: "社会" above the page.)"""
    for art in articles:
        mine = _words(art.heads)
        if art.body or len(mine) < GIVE_WORDS:
            continue
        first, last = art.heads[0].index, art.heads[-1].index
        best: tuple[float, Article | None, int, bool] = (0.0, None, 0, False)
        for other in articles:
            body = other.body
            if other is art or not other.heads or len(body) < 2:
                continue
            above = body[-1].index == first - 1
            if not (above or body[0].index == last + 1):
                continue
            theirs = _words(other.heads)
            gain = [_affinity(mine, it) - _affinity(theirs, it) for it in body]
            for cut in range(1, len(body)):
                edge = body[cut] if above else body[cut - 1]  # the paragraph the taken part starts or ends with
                score = sum(gain[cut:] if above else gain[:cut])
                if edge.role == "p" and score > best[0]:
                    best = (score, other, cut, above)
        score, other, cut, above = best
        if other is not None and score >= GIVE_MIN:
            head, tail = other.body[:cut], other.body[cut:]
            art.body, other.body = (tail, head) if above else (head, tail)


def _packages(articles: list[Article]) -> list[Article]:
    """An editor's note ("……——编者") introduces a package: the articles after it whose
    headline groups carry a byline, and whose text opens with no dateline, are its
    sections (each headline line a section's head, the byline kept in place as a
    paragraph, as in a column of briefs). So does a title closed by its column tag with
    no text of its own, right over an untagged headline group and its text: the group
    opens the package's first section."""
    out: list[Article] = []
    package: Article | None = None
    for art in articles:
        tag = max((k for k, it in enumerate(art.heads) if it.role == "head" and _tagged(it.text)), default=None)
        if tag is not None and art.body and any(it.role == "byline" for it in art.heads[tag + 1:]) \
                and any(it.role == "head" for it in art.heads[tag + 1:]):
            # a title closed by its column tag over a section's headline group and byline
            art = Article(heads=art.heads[: tag + 1],
                          body=_section_items(Article(heads=art.heads[tag + 1:], body=art.body)),
                          figures=art.figures)
            out.append(art)
            package = art
            continue
        if package is not None and art.heads and not any(_tagged(it.text) for it in art.heads):
            opening = not (package.body or package.figures) and art.body \
                and art.heads[0].index == package.heads[-1].index + 1  # (right under the title)
            bylined = any(it.role == "byline" for it in art.heads) and not (art.body and art.body[0].role == "lead")
            if opening or bylined:
                package.body += _section_items(art)
                package.figures += art.figures
                continue
        package = art if art.heads and (art.body and _EDITOR.match(_squashed(art.body[-1].text))
                                        or not art.body and _tagged(art.heads[-1].text)) else None
        out.append(art)
    return out


def _section_items(art: Article) -> list[Item]:
    """A package section's items: its headline lines as heads, its byline kept in place."""
    return [it if it.role == "head" else Item(it.block, "p", it.gap, it.index)
            for it in art.heads if it.role in ("head", "sub", "byline")] + art.body


def _closed_packages(articles: list[Article]) -> list[Article]:
    """Sections, each under its headline group and byline (an editor's note may introduce
    them), then a text whose title, closed by its column tag, comes after it: a package
    whose title the extractor put last (the sections are the package's, not articles of
    their own)."""
    out: list[Article] = []
    sections: list[Article] = []
    for art in articles:
        before = art.heads and art.body and art.heads[-1].index < art.body[0].index
        after = art.heads and art.body and art.heads[0].index > art.body[-1].index
        no_lead = not (art.body and art.body[0].role == "lead")
        introduced = (before or not art.heads) and any(_EDITOR.match(_squashed(it.text)) for it in art.body)
        # (a section whose text goes on on another page: a headline group and its jump note)
        jumped = sections and art.heads and art.body and all(it.role == "jump" for it in art.body)
        if (before and any(it.role == "byline" for it in art.heads) or introduced or jumped) and no_lead \
                and not any(_tagged(it.text) for it in art.heads):
            sections.append(art)
        elif (after or art.heads and not art.body) and no_lead and sections and _tagged(title := art.heads[-1].text) \
                and not _BOX_TAG.search(title) \
                and not any(it.role == "byline" for it in art.heads) \
                or len(sections) >= 2 and art.heads and all(credit_line(it.text) for it in art.body) \
                and not any(it.role == "byline" for it in art.heads):  # (a title, then nothing: no name, no box)
            del out[len(out) - len(sections):]
            out.append(Article(heads=art.heads, body=[it for sec in sections for it in _section_items(sec)] + art.body,
                               figures=[f for sec in sections for f in sec.figures] + art.figures))
            sections = []
            continue
        else:
            sections = []
        out.append(art)
    return out


def _brief_at(items: list[Item], i: int, lines: int = 2, ends: tuple[str, ...] = ("tail",)) -> int:
    """End (exclusive) of one item of a column starting at ``i``, 0 if none starts there:
    a signed brief (up to ``lines`` headline lines, text, and a bracketed name signing it,
    "（张三）", or another item of ``ends``) or a listing (a title and its subtitle over lines
    marked "●", "●时间：…", and text)."""
    listing = _listing_at(items, i)
    if listing:
        return listing
    j = i
    while j < len(items) and j - i < lines and items[j].role == "head" and not _column_label(items[j]):
        j += 1
    if j == i:
        return 0
    k = j
    while k < len(items) and items[k].role in ("p", "lead", "q", "figure"):
        k += 1
    return k + 1 if k > j and k < len(items) and items[k].role in ends else 0


def _listing_at(items: list[Item], i: int) -> int:
    """End (exclusive) of a listed item starting at ``i`` (see ``_brief_at``), else 0."""
    if not (i + 2 < len(items) and items[i].role == "head" and items[i + 1].role == "sub") \
            or _MARKER.match(items[i].text):
        return 0
    k = i + 2
    if k < len(items) and items[k].role == "head" and not _MARKER.match(items[k].text):
        k += 1  # (the subtitle's second line)
    while k < len(items) and (items[k].role in ("p", "lead", "q", "figure")
                              or items[k].role == "head" and _MARKER.match(items[k].text)):
        k += 1
    marked = sum(1 for it in items[i + 2 : k] if _MARKER.match(it.text))
    return k if marked and 3 * marked >= k - i - 2 else 0  # (not a long text whose subheads are marked)


def _column_label(it: Item) -> bool:
    return it.role in ("head", "label") and _chars(it.text) <= BOX_CHARS and not _tagged(it.text)


def _brief_columns(items: list[Item]) -> list[tuple[list[Item], Article | None]]:
    """Cut out the columns of briefs: a short column label ("新闻速递") right over or under
    two or more signed items, each with its headline over its text. Returns the
    stretches of the page in order, each with the article of the column it is or None."""
    out: list[tuple[list[Item], Article | None]] = []
    rest = i = 0
    while i < len(items):
        above = _column_label(items[i]) and not _listing_at(items, i)  # (not a listed item's short title)
        j = i + 1 if above else i
        briefs = []
        # (under no label, the first item's headline is one line: the line above it may
        # be the headline of the text above, printed after it)
        while (end := _brief_at(items, j, 2 if above or briefs else 1)):
            briefs.append(items[j:end])
            j = end
        if not above and len(briefs) >= 2 and (end := _brief_at(items, j, 2, ("jump",))) \
                and end < len(items) and _column_label(items[end]):
            briefs.append(items[j:end])  # (the last item over the label may end in a jump note)
            j = end
        elif not above and len(briefs) >= 2 and j + 1 < len(items) and items[j].role == "jump" \
                and _column_label(items[j + 1]):
            briefs[-1] = [*briefs[-1], items[j]]  # (... after its text or its listed lines)
            j += 1
        if above and len(briefs) >= 2 and j < len(items) and _column_label(items[j]) \
                and not ((end := _brief_at(items, j + 1, 2)) and _brief_at(items, end, 2)):
            i += 1  # (a label under the items, over no items of its own: theirs; the one above
            continue  # labels the page)
        label = items[i] if above else None
        if label is None and len(briefs) >= 2 and j < len(items) and _column_label(items[j]):
            label = items[j]  # the label under the items
            j += 1
        if label is None or len(briefs) < 2:
            i += 1
            continue
        if i > rest:
            out.append((items[rest:i], None))
        out.append((items[i:j], _briefs_article(label, briefs)))
        rest = i = j
    if rest < len(items):
        out.append((items[rest:], None))
    return out


def _briefs_article(label: Item, briefs: list[list[Item]]) -> Article:
    """The article of a column of briefs: each item a section under its headline, its
    dateline and signature (or a listing's marked lines) kept in place as paragraphs (a
    dateline opens an article)."""
    body = [Item(it.block, "p", it.gap, it.index) if it.role in ("lead", "tail") or it.role == "head" and (
                _MARKER.match(it.text) or k and brief[k - 1].role == "sub")  # (a marked line, a subtitle's tail)
            else it for brief in briefs for k, it in enumerate(brief)]
    return Article(heads=[Item(label.block, "head", label.gap, label.index)], body=body)


GIVE_MIN = 0.3  # summed gain in match a group needs to take text from its neighbour
GIVE_WORDS = 3  # letter pairs a group needs to do so


def _place_figures(articles: list[Article]) -> list[Article]:
    """A figure at the edge of an article's body goes to the article its caption
    matches best (heads included); nearness in the source breaks near-ties."""
    for art in articles:
        for pos in (0, -1):
            if not art.body or art.body[pos].role != "figure":
                continue
            fig = art.body[pos]
            caption = _caption(fig)
            if not caption or art.heads and (all(it.role in ("figure", "jump") for it in art.body)
                                             or pos == -1 and len(art.body) <= STORY_PARAS):
                continue  # (a titled photo alone, or closing a short story: the title is the photo's)
            best = max(articles, key=lambda a: _fig_match(caption, a) + (0.05 if a.indexes() & _near(fig) else 0))
            if best is not art and _fig_match(caption, best) > _fig_match(caption, art) + 0.05:
                art.body.remove(fig)
                best.figures.append(fig)
    return articles


def _alone(items: list[Item], fig: Item) -> bool:
    """A figure with no body text on either side (only headline material or the page edge),
    but for a photo right under a title ("图片报道") with more headlines after it, or one
    with a caption: those are stories of their own."""
    k = items.index(fig)
    around = [items[j].role for j in (k - 1, k + 1) if 0 <= j < len(items)]
    if k >= 1 and items[k - 1].role == "head" and k + 1 < len(items) and items[k + 1].role in ("head", "sub"):
        return False
    if _caption(fig) and any(r in ("head", "sub") for r in around):
        return False  # (titled from either side)
    return all(r in ("head", "sub", "byline", "figure", "fw") for r in around)


def _caption(fig: Item) -> list[Item]:
    node = fig.attrs["node"]
    return [Item(c.block, "head") for c in node.children if c.kind == "caption"]  # type: ignore[union-attr]


def _near(fig: Item) -> set[int]:
    return set(range(fig.index - 3, fig.index + 4)) - {fig.index}


def _fig_match(caption: list[Item], art: Article) -> float:
    return similarity(caption, [*art.heads, *art.body])

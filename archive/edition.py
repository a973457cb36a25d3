"""Script editions of a TEI document: Simplified <-> Traditional (and regional) with OpenCC.

An edition is the same TEI tree with only the character data of ``<text>``
converted (docs/editions.md):

- every block's text is converted as one string, so phrases split by markup
  (an ``lb``) are still converted as phrases, and the result is mapped back
  onto the text nodes: by position where the conversion keeps the length (the
  usual case), otherwise by aligning the whole-block conversion with the
  conversion of the node texts one by one;
- person names (``persName``) are converted on their own, with the
  orthographic config only (no regional vocabulary), then corrected by the
  name rules: the names list, the surname table for the first character(s),
  and names keep a character that is already a Traditional form;
- a profile and an overrides file add phrase pairs on top of OpenCC;
- characters with several possible targets are listed for review;
- the header declares the source document, OpenCC and the options.

Many documents are converted with one OpenCC instance per config (cached).
"""

from __future__ import annotations

import bisect
import copy
import difflib
import functools
import gc
import hashlib
import itertools
import re
from collections.abc import Iterable
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from lxml import etree

from archive import __version__
from archive.errors import InputError, MissingDependency, UsageError
from archive.tei import TEI_NS, XML_ID, XML_LANG

T = f"{{{TEI_NS}}}"

# config -> (xml:lang of the edition, script of the input, config used for person names)
# A names config of None: names are left as written (variant and Japanese configs only
# change the orthography of ordinary words, and a name keeps its own).
CONFIGS: dict[str, tuple[str, str, str | None]] = {
    "s2t": ("zh-Hant", "Hans", "s2t"),
    "s2tw": ("zh-Hant-TW", "Hans", "s2tw"),
    "s2twp": ("zh-Hant-TW", "Hans", "s2tw"),
    "s2hk": ("zh-Hant-HK", "Hans", "s2hk"),
    "s2hkp": ("zh-Hant-HK", "Hans", "s2hk"),
    "t2s": ("zh-Hans", "Hant", "t2s"),
    "tw2s": ("zh-Hans", "Hant", "tw2s"),
    "tw2sp": ("zh-Hans", "Hant", "tw2s"),
    "hk2s": ("zh-Hans", "Hant", "hk2s"),
    "hk2sp": ("zh-Hans", "Hant", "hk2s"),
    "t2tw": ("zh-Hant-TW", "Hant", None),
    "t2hk": ("zh-Hant-HK", "Hant", None),
    "tw2t": ("zh-Hant", "Hant", None),
    "hk2t": ("zh-Hant", "Hant", None),
    "t2jp": ("ja", "Hant", None),
    "jp2t": ("ja-Hant", "Jpan", None),
}
LANGS = sorted({lang for lang, _, _ in CONFIGS.values()})
PROFILES = ("newspaper",)
FROM_CHOICES = ("auto", "any", "hans", "hant")
SCRIPT_NAMES = {"Hans": "Simplified", "Hant": "Traditional", "Jpan": "Japanese"}

# Inline elements: their text continues the text of the block they are in.
_INLINE = {T + n for n in (
    "lb", "pb", "cb", "milestone", "anchor", "hi", "emph", "foreign", "term", "date", "time",
    "num", "measure", "rs", "ref", "seg", "w", "c", "pc", "choice", "orig", "reg", "sic", "corr",
    "abbr", "expan", "add", "del", "unclear", "supplied", "gap", "q", "quote", "said", "title",
    "persName", "placeName", "orgName", "geogName", "name", "roleName", "surname", "forename",
    "addName", "genName", "nameLink",
)}
# Person names: converted apart, by the name rules.
_PERSON = T + "persName"
# Other names: converted apart (no phrase runs into or out of them), by the ordinary rules.
_OTHER_NAMES = {T + n for n in ("placeName", "orgName", "geogName", "name")}

_DATA = "data"


# ------------------------------------------------------------------ data files

def _data_text(*parts: str) -> str:
    ref = resources.files("archive").joinpath(_DATA, *parts)
    return ref.read_text(encoding="utf-8")


def _rows(text: str) -> Iterable[tuple[int, list[str]]]:
    for number, line in enumerate(text.splitlines(), start=1):
        if line.startswith("\ufeff"):
            line = line[1:]
        if not line.strip() or line.startswith("#"):
            continue
        yield number, line.split("\t")


@functools.lru_cache(maxsize=1)
def _config_facts() -> dict[str, bool]:
    """config -> every dictionary entry it uses keeps the text length (opencc_configs.tsv)."""
    return {row[0]: row[1] == "1" for _, row in _rows(_data_text("opencc_configs.tsv"))}


@functools.lru_cache(maxsize=1)
def _char_classes() -> dict[str, frozenset[str]]:
    return {row[0]: frozenset(row[1]) for _, row in _rows(_data_text("opencc_chars.tsv"))}


@functools.lru_cache(maxsize=1)
def _ambiguous_rows() -> list[list[str]]:
    return [row for _, row in _rows(_data_text("opencc_ambiguous.tsv"))]


@functools.lru_cache(maxsize=64)
def ambiguous(config: str, tofu: bool = True) -> dict[str, tuple[str, ...]]:
    """Source characters of ``config`` with several possible targets -> targets, default first."""
    flag = "1" if tofu else "0"
    return {row[2]: tuple(row[3].split(" ")) for row in _ambiguous_rows()
            if row[0] == config and row[1] in ("*", flag)}


def _direction(config: str) -> str | None:
    """The name tables that apply: "s2t" (Simplified -> Traditional), "t2s", or None."""
    lang, source, names = CONFIGS[config]
    if names is None:
        return None
    return "s2t" if source == "Hans" else "t2s"


@functools.lru_cache(maxsize=1)
def _surnames() -> dict[str, dict[str, str]]:
    out: dict[str, dict[str, str]] = {"s2t": {}, "t2s": {}}
    for number, row in _rows(_data_text("names", "surnames.tsv")):
        direction, source, target = row[0], row[1], row[2]
        if direction not in out or len(source) != len(target):
            raise InputError(f"archive/data/names/surnames.tsv:{number}: bad row {row!r}")
        out[direction][source] = target
    return out


@functools.lru_cache(maxsize=16)
def _regional_surnames(names_config: str, tofu: bool) -> dict[str, str]:
    """The surname table for a names config: Taiwan or Hong Kong configs get the regional form
    of the Traditional surname (澹臺 -> 澹台 in Hong Kong)."""
    direction = "s2t" if CONFIGS[names_config][1] == "Hans" else "t2s"
    table = _surnames()[direction]
    regional = {"s2tw": "t2tw", "s2hk": "t2hk"}.get(names_config)
    if regional is None:
        return dict(table)
    targets = _convert_lines(converter(regional, tofu), list(table.values()))
    return {k: v if len(v) == len(k) else t for (k, t), v in zip(table.items(), targets, strict=False)}


def read_pairs(path: str | Path, columns: int = 2, what: str = "overrides file") -> list[tuple[int, list[str]]]:
    """The rows of a TSV phrase file (``#`` comments and blank lines skipped), checked."""
    try:
        text = Path(path).read_bytes().decode("utf-8-sig")
    except OSError as e:
        raise InputError(f"{path}: cannot read the {what} ({e.strerror or e}); check the path") from e
    except UnicodeDecodeError as e:
        raise InputError(f"{path}: the {what} is not UTF-8 ({e.reason} at byte {e.start})") from e
    rows = []
    seen: dict[tuple[str, ...], int] = {}
    for number, row in _rows(text):
        if len(row) < columns or any(not cell.strip() for cell in row[:columns]):
            raise InputError(
                f"{path}:{number}: a line of the {what} needs {columns} tab-separated fields "
                f"({'direction, ' if columns == 3 else ''}source, target), found {row!r}"
            )
        row = [cell.strip() for cell in row]
        key = tuple(row[: columns - 1])
        if key in seen:
            raise InputError(f"{path}:{number}: {key[-1]!r} was already given on line {seen[key]}")
        seen[key] = number
        rows.append((number, row))
    return rows


def _names_list(extra: str | None) -> dict[str, dict[str, str]]:
    """The shipped names list, with the names of ``extra`` (a --names file) added."""
    stamp = None
    if extra:
        try:
            stamp = Path(extra).stat().st_mtime_ns
        except OSError:
            stamp = -1  # read_pairs says what is wrong
    return _names_list_cached(extra, stamp)


@functools.lru_cache(maxsize=8)
def _names_list_cached(extra: str | None, stamp: int | None) -> dict[str, dict[str, str]]:
    out: dict[str, dict[str, str]] = {"s2t": {}, "t2s": {}}
    for _, row in _rows(_data_text("names", "names.tsv")):
        out[row[0]][row[1]] = row[2]
    if extra:
        for number, row in read_pairs(extra, 3, "names file"):
            if row[0] not in out:
                raise InputError(f"{extra}:{number}: the direction must be s2t or t2s, not {row[0]!r}")
            out[row[0]][row[1]] = row[2]
    return out


def profile_pairs(name: str, config: str) -> dict[str, str]:
    """The phrase pairs of a shipped profile that apply to ``config``."""
    if name not in PROFILES:
        raise UsageError(f"unknown profile {name!r}; choose from {', '.join(PROFILES)}")
    pairs = {}
    for _, row in _rows(_data_text("profiles", f"{name}.tsv")):
        if config in row[0].split(","):
            pairs[row[1]] = row[2]
    return pairs


def _sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


# --------------------------------------------------------------------- OpenCC

def opencc_version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("opencc")
    except PackageNotFoundError:  # pragma: no cover - a source build
        import opencc

        return str(getattr(opencc, "__version__", "unknown"))


@functools.lru_cache(maxsize=64)
def converter(config: str, tofu: bool = True):
    """One OpenCC instance per (config, tofu-risk option), reused by every document."""
    if config not in CONFIGS:
        raise UsageError(f"unknown OpenCC config {config!r}; choose from {', '.join(CONFIGS)}")
    try:
        import opencc
    except ImportError as e:
        raise MissingDependency("the `opencc` package is not installed; `pip install opencc`") from e
    # The API's default for the tofu-risk dictionaries (True) differs from the
    # command line's (False): always pass it, and record it in the edition.
    return opencc.OpenCC(config, include_tofu_risk_dictionaries=tofu)


# ------------------------------------------------------------- script detection

@dataclass(frozen=True)
class ScriptGuess:
    script: str  # "Hans", "Hant", "mixed" or "unknown" (too little evidence)
    simplified: int  # characters only Simplified script uses
    traditional: int  # characters only Traditional script uses


def detect_script(text: str, limit: int = 50_000) -> ScriptGuess:
    """Whether ``text`` (its first ``limit`` characters) is mostly Simplified or Traditional.

    Counts characters that only one of the two scripts uses (from OpenCC's
    character tables); 80 % of at least 5 such characters decides.
    """
    classes = _char_classes()
    sample = text[:limit]
    s = sum(map(classes["simplified-only"].__contains__, sample))
    t = sum(map(classes["traditional-only"].__contains__, sample))
    if s + t < 5:
        script = "unknown"
    elif s >= 0.8 * (s + t):
        script = "Hans"
    elif t >= 0.8 * (s + t):
        script = "Hant"
    else:
        script = "mixed"
    return ScriptGuess(script, s, t)


def check_source_script(config: str, text: str, declared: str = "auto", name: str = "input") -> ScriptGuess | None:
    """Refuse a conversion that makes no sense for the text (InputError, exit 3)."""
    source = CONFIGS[config][1]
    if declared == "any" or source == "Jpan":
        return None
    if declared in ("hans", "hant"):
        given = "Hans" if declared == "hans" else "Hant"
        if given != source:
            raise UsageError(
                f"--from {declared} says the text is {SCRIPT_NAMES[given]}, but {config} converts "
                f"{SCRIPT_NAMES[source]} text; choose a config that starts with "
                f"{'s2' if given == 'Hans' else 't2, tw2 or hk2'}"
            )
        return None
    guess = detect_script(text)
    opposite = {"Hans": "Hant", "Hant": "Hans"}[source]
    if guess.script == opposite:
        hint = "s2t, s2tw, s2twp, s2hk or s2hkp" if opposite == "Hans" else "t2s, tw2s, tw2sp, hk2s or hk2sp"
        raise InputError(
            f"{name}: the text is mostly {SCRIPT_NAMES[opposite]} ({guess.simplified} Simplified-only "
            f"and {guess.traditional} Traditional-only characters), but {config} converts "
            f"{SCRIPT_NAMES[source]} text; use {hint}, or --from any to convert anyway"
        )
    return guess


# ------------------------------------------------------------------ the text

# run kinds
TEXT, NAME, OTHER = 0, 1, 2
_LEAVES = {T + n for n in ("lb", "pb", "cb", "milestone", "anchor", "gap")}


class _Text:
    """The text nodes of ``<text>`` in document order, grouped into runs.

    A run is a stretch of text converted as one string: the text of a block
    across its ``lb``s and other inline elements, up to a person name (a run
    of its own), another name (a run of its own), a nested block, or a
    whitespace-only text node (no phrase runs over whitespace).
    """

    def __init__(self, text_el: etree._Element, names: bool) -> None:
        texts: list[str] = []
        owners: list[etree._Element] = []
        tails: list[bool] = []
        runs: list[tuple[int, int, int]] = []  # (first piece, end, kind)
        self.texts, self.owners, self.tails, self.runs = texts, owners, tails, runs
        state = [0, TEXT]  # start of the open run, its kind
        leaves, inline_tags, person, others = _LEAVES, _INLINE, _PERSON, _OTHER_NAMES

        def close() -> None:
            if len(texts) > state[0]:
                runs.append((state[0], len(texts), state[1]))
            state[0] = len(texts)

        def add(elem, tail: bool, s: str, kind: int) -> None:
            if s.isspace():
                if kind == TEXT:
                    close()
                return
            texts.append(s)
            owners.append(elem)
            tails.append(tail)

        def block(e) -> None:
            close()
            state[1] = TEXT
            if e.text:
                add(e, False, e.text, TEXT)
            for child in e:
                tag = child.tag
                if tag in leaves or not isinstance(tag, str):  # the common case: an lb
                    pass
                elif (tag == person and names) or tag in others:
                    kind = NAME if tag == person else OTHER
                    close()
                    state[1] = kind
                    inline(child, kind)
                    close()
                    state[1] = TEXT
                elif tag in inline_tags:
                    inline(child, TEXT)
                else:
                    block(child)
                    close()
                    state[1] = TEXT
                if child.tail:
                    add(child, True, child.tail, TEXT)
            close()

        def inline(e, kind: int) -> None:
            if e.text and isinstance(e.tag, str):
                add(e, False, e.text, kind)
            for child in e:
                tag = child.tag
                if isinstance(tag, str) and tag not in inline_tags:
                    block(child)  # a block inside an inline element: runs of its own
                    close()
                    state[1] = kind
                elif isinstance(tag, str) and len(child):
                    inline(child, kind)
                elif isinstance(tag, str) and child.text:
                    add(child, False, child.text, kind)
                if child.tail:
                    add(child, True, child.tail, kind)

        block(text_el)

    def string(self, run: tuple[int, int, int]) -> str:
        a, b, _ = run
        return self.texts[a] if b - a == 1 else "".join(self.texts[a:b])

    def cuts(self, run: tuple[int, int, int]) -> list[int]:
        """Positions in the run's string where one text node ends and the next begins."""
        a, b, _ = run
        out, pos = [], 0
        texts = self.texts
        for k in range(a, b - 1):
            pos += len(texts[k])
            out.append(pos)
        return out

    def put(self, k: int, s: str) -> None:
        if self.tails[k]:
            self.owners[k].tail = s
        else:
            self.owners[k].text = s


# ------------------------------------------------------------------ alignment

def _interpolate(anchors: list[tuple[int, int]], p: int) -> int:
    """Output position of source position ``p``: exact at anchors, proportional between."""
    srcs = [a for a, _ in anchors]
    i = bisect.bisect_right(srcs, p) - 1
    s1, o1 = anchors[i]
    if s1 == p or i + 1 >= len(anchors):
        return o1
    s2, o2 = anchors[i + 1]
    if o2 - o1 == s2 - s1:
        return o1 + (p - s1)
    return o1 + round((p - s1) * (o2 - o1) / (s2 - s1))


def _diff_anchors(d: str, o: str) -> list[tuple[int, int]]:
    """Anchors between two conversions of the same text (positions in d -> positions in o)."""
    anchors = [(0, 0)]
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(None, d, o, autojunk=False).get_opcodes():
        if op == "equal":
            anchors.append((i1, j1))
        anchors.append((i2, j2))
    out: list[tuple[int, int]] = []
    for a in anchors:  # keep one anchor per source position (the last), monotone
        if out and out[-1][0] == a[0]:
            out[-1] = a
        else:
            out.append(a)
    return out


def _spread(cuts: list[int], total: int) -> list[int]:
    """Give every piece at least one character where the output has enough (cuts: inner cuts)."""
    n = len(cuts) + 1
    if total < n:
        return cuts
    fixed = list(cuts)
    low = 0
    for k in range(len(fixed)):
        fixed[k] = min(max(fixed[k], low + 1), total - (n - k - 1))
        low = fixed[k]
    return fixed


# ------------------------------------------------------------------ the edition

@dataclass(frozen=True)
class Options:
    """What an edition is made with (recorded in its header)."""

    config: str
    tofu: bool = True  # include_tofu_risk_dictionaries, passed to OpenCC explicitly
    names: bool = True  # the name rules
    profile: str | None = None
    overrides: str | None = None  # path of a TSV file: source, target
    names_file: str | None = None  # path of a TSV file: direction, source, target
    source_script: str = "auto"  # --from: auto, any, hans, hant

    def __post_init__(self) -> None:
        if self.config not in CONFIGS:
            raise UsageError(f"unknown OpenCC config {self.config!r}; choose from {', '.join(CONFIGS)}")
        if self.source_script not in FROM_CHOICES:
            raise UsageError(f"--from must be one of {', '.join(FROM_CHOICES)}")


@dataclass(frozen=True)
class Ambiguity:
    """A source character with several possible targets, and what the edition chose."""

    where: str  # xml:id of the nearest element that has one (else an XPath)
    offset: int  # 0-based offset in that element's text (its XPath string value)
    source: str
    chosen: str
    alternatives: tuple[str, ...]
    rule: str  # default (OpenCC's character default), phrase (a phrase chose), name, override
    context: str


class Edition:
    """A converted document: its bytes (what is written), its tree, what was found."""

    def __init__(self, data: bytes, config: str, tree: etree._ElementTree | None = None,
                 ambiguities: list[Ambiguity] | None = None, script: ScriptGuess | None = None,
                 stats: dict[str, int] | None = None) -> None:
        self.data = data
        self.config = config
        self.lang = CONFIGS[config][0]
        self._tree = tree
        self.ambiguities = ambiguities or []
        self.script = script
        self.stats = stats or {}

    @property
    def tree(self) -> etree._ElementTree:
        if self._tree is None:  # the fast path writes bytes only
            self._tree = _parse(self.data, "edition")
        return self._tree


class _Converter:
    """Converts the runs of one document for one set of options."""

    def __init__(self, options: Options, overrides: dict[str, str]) -> None:
        self.options = options
        self.config = options.config
        self.cc = converter(options.config, options.tofu)
        self.preserving = _config_facts().get(options.config, False)
        self.overrides = overrides
        self.override_re = (
            re.compile("|".join(re.escape(k) for k in sorted(overrides, key=len, reverse=True)))
            if overrides else None
        )
        names_config = CONFIGS[options.config][2]
        self.names_config = names_config
        self.names_cc = converter(names_config, options.tofu) if names_config else None
        self.direction = _direction(options.config)
        self.compound: dict[str, str] = {}
        self.single: dict[str, str] = {}
        self.names_list: dict[str, str] = {}
        if self.direction:
            table = _regional_surnames(names_config, options.tofu)
            self.compound = {k: v for k, v in table.items() if len(k) > 1}
            self.single = {k: v for k, v in table.items() if len(k) == 1}
            self.names_list = _names_list(options.names_file)[self.direction]
        classes = _char_classes()
        if names_config == "s2t":
            self.keep = classes["tw-form"] | classes["hk-form"]
        elif names_config == "s2tw":
            self.keep = classes["tw-form"]
        elif names_config == "s2hk":
            self.keep = classes["hk-form"]
        else:
            self.keep = frozenset()

    # -- names

    def name(self, text: str, converted: str) -> str:
        """Apply the name rules to the orthographic conversion of a whole name."""
        if len(converted) != len(text):
            return converted
        out = list(converted)
        for i, ch in enumerate(text):
            if ch in self.keep:
                out[i] = ch
        lead = len(text) - len(text.lstrip())
        body = text[lead:]
        for size in (2, 1):
            table = self.compound if size == 2 else self.single
            target = table.get(body[:size])
            if target is not None:
                out[lead : lead + size] = target
                break
        return "".join(out)


def _segments(text: str, pattern: re.Pattern | None, overrides: dict[str, str]):
    """(start, end, target or None) covering ``text``: override matches and the text between."""
    if pattern is None:
        return [(0, len(text), None)]
    out = []
    pos = 0
    for m in pattern.finditer(text):
        if m.start() > pos:
            out.append((pos, m.start(), None))
        out.append((m.start(), m.end(), overrides[m.group()]))
        pos = m.end()
    if pos < len(text):
        out.append((pos, len(text), None))
    return out


def _convert_lines(cc, lines: list[str]) -> list[str]:
    """Convert many strings in one OpenCC call ("\\n" never joins a phrase)."""
    if not lines:
        return []
    counts = [s.count("\n") + 1 for s in lines]
    out = cc.convert("\n".join(lines)).split("\n")
    if len(out) != sum(counts):  # OpenCC never adds or removes a line end
        raise RuntimeError("OpenCC changed the number of lines")
    if all(c == 1 for c in counts):
        return out
    result, i = [], 0
    for c in counts:
        result.append("\n".join(out[i : i + c]))
        i += c
    return result


class _Offsets:
    """Offsets of text nodes in the string value of their nearest element with an xml:id."""

    def __init__(self, tree: etree._ElementTree) -> None:
        self.tree = tree
        self.cache: dict[etree._Element, dict[tuple[etree._Element, bool], int]] = {}

    def locate(self, elem: etree._Element, tail: bool) -> tuple[str, int]:
        context = elem.getparent() if tail else elem
        owner = context
        while owner is not None and owner.get(XML_ID) is None:
            owner = owner.getparent()
        if owner is None:
            owner = context
            label = self.tree.getpath(owner)
        else:
            label = owner.get(XML_ID)
        table = self.cache.get(owner)
        if table is None:
            table = {}
            pos = 0
            for s in owner.xpath(".//text()"):
                table[(s.getparent(), s.is_tail)] = pos
                pos += len(s)
            self.cache[owner] = table
        return label, table.get((elem, tail), 0)


def _overrides(options: Options) -> dict[str, str]:
    pairs: dict[str, str] = {}
    if options.profile:
        pairs.update(profile_pairs(options.profile, options.config))
    if options.overrides:
        pairs.update({row[0]: row[1] for _, row in read_pairs(options.overrides)})
    return pairs


def convert_tree(tree: etree._ElementTree, options: Options, report: bool = False,
                 name: str = "input") -> tuple[list[Ambiguity], ScriptGuess | None, dict[str, int]]:
    """Convert the character data of ``<text>`` in place; returns (ambiguities, script guess, counts)."""
    root = tree.getroot()
    text_el = root.find(T + "text")
    if root.tag != T + "TEI" or text_el is None:
        raise InputError(f"{name}: not a TEI document with a <text> (root is {root.tag!r})")
    overrides = _overrides(options)
    doc = _Text(text_el, options.names)
    texts, runs = doc.texts, doc.runs
    guess = check_source_script(options.config, "".join(texts[:5000]), options.source_script, name)
    conv = _Converter(options, overrides)

    # 1. every run as one string: ordinary text (split at override matches) in one
    #    OpenCC call, person names in another
    strings = [doc.string(run) for run in runs]
    lines: list[str] = []
    name_lines: list[str] = []
    plans: list = []  # per run: the segments [(start, end, line index | fixed text)], or a name's plan
    pattern = conv.override_re
    for run, s in zip(runs, strings, strict=False):
        if run[2] == NAME:
            core = s.strip()
            fixed = conv.names_list.get(core) if conv.direction else None
            if conv.names_cc is None:
                plans.append(s)
            elif fixed is not None:
                lead = s.index(core)
                plans.append(s[:lead] + fixed + s[lead + len(core) :])
            else:
                plans.append(len(name_lines))
                name_lines.append(s)
        elif pattern is None or not pattern.search(s):
            plans.append(len(lines))
            lines.append(s)
        else:
            segs = []
            for a, b, target in _segments(s, pattern, overrides):
                if target is None:
                    segs.append((a, b, len(lines)))
                    lines.append(s[a:b])
                else:
                    segs.append((a, b, target))
            plans.append(segs)
    converted = _convert_lines(conv.cc, lines)
    converted_names = _convert_lines(conv.names_cc, name_lines) if name_lines else []

    # 2. where the conversion changed lengths (or may have), convert the text nodes of
    #    the segment one by one too, to find where the node boundaries fall
    refine: dict[int, list[str]] = {}  # line index -> its pieces
    preserving = conv.preserving
    for run, s, plan in zip(runs, strings, plans, strict=False):
        if run[2] == NAME or run[1] - run[0] < 2:
            continue
        segs = [(0, len(s), plan)] if isinstance(plan, int) else plan
        cuts = None
        for a, b, ref in segs:
            if isinstance(ref, int) and (not preserving or len(converted[ref]) != b - a):
                cuts = cuts or doc.cuts(run)
                inner = [c - a for c in cuts if a < c < b]
                if inner:
                    seg = s[a:b]
                    refine[ref] = [seg[x:y] for x, y in zip([0, *inner], [*inner, b - a], strict=False)]
    order = sorted(refine)
    flat = [p for ref in order for p in refine[ref]]
    flat_out = _convert_lines(conv.cc, flat) if flat else []
    pieces_out: dict[int, list[str]] = {}
    i = 0
    for ref in order:
        n = len(refine[ref])
        pieces_out[ref] = flat_out[i : i + n]
        i += n

    # 3. map back onto the text nodes; collect ambiguities
    table = ambiguous(options.config, options.tofu)
    name_table = ambiguous(conv.names_config, options.tofu) if conv.names_config else {}
    offsets = _Offsets(tree) if report else None
    found: list[Ambiguity] = []
    changed = 0
    put = doc.put
    for run, s, plan in zip(runs, strings, plans, strict=False):
        a, b, kind = run
        if isinstance(plan, int) and kind != NAME:  # the common case: one segment
            out = converted[plan]
            if plan in pieces_out:
                anchors = _monotone([(0, 0), *_refined(s, refine[plan], pieces_out[plan], out, 0, 0),
                                     (len(s), len(out))])
            else:
                anchors = [(0, 0), (len(s), len(out))]
            regions = [(0, len(s), "text")]
        elif kind == NAME:
            out = plan if isinstance(plan, str) else conv.name(s, converted_names[plan])
            anchors = [(0, 0), (len(s), len(out))]
            regions = [(0, len(s), "name")]
        else:
            out_parts, anchors, regions = [], [(0, 0)], []
            pos = 0
            for x, y, ref in plan:
                if isinstance(ref, str):
                    o = ref
                    regions.append((x, y, "override"))
                else:
                    o = converted[ref]
                    if ref in pieces_out:
                        anchors += _refined(s[x:y], refine[ref], pieces_out[ref], o, x, pos)
                    regions.append((x, y, "text"))
                out_parts.append(o)
                pos += len(o)
                anchors.append((y, pos))
            out = "".join(out_parts)
            anchors = _monotone(anchors)
        if report:
            found += _ambiguities(doc, run, s, out, anchors, regions, table, name_table, offsets)
        if out == s:
            continue
        changed += 1
        if b - a == 1:
            put(a, out)
        elif len(out) == len(s) and len(anchors) == 2:  # by position
            pos = 0
            for k in range(a, b):
                old = texts[k]
                end = pos + len(old)
                new = out[pos:end]
                if new != old:
                    put(k, new)
                pos = end
        else:
            cuts = doc.cuts(run)
            mapped = _spread([_interpolate(anchors, c) for c in cuts], len(out))
            for k, x, y in zip(range(a, b), [0, *mapped], [*mapped, len(out)], strict=False):
                put(k, out[x:y])
    stats = {"runs": len(runs), "changed_runs": changed, "text_nodes": len(texts),
             "names": sum(1 for r in runs if r[2] == NAME), "refined_segments": len(refine)}
    return found, guess, stats


def _refined(seg: str, pieces: list[str], pieces_out: list[str], whole: str,
             src_base: int, out_base: int) -> list[tuple[int, int]]:
    """Anchors (run positions) inside one segment, from the conversion of its pieces one by one."""
    d = "".join(pieces_out)
    src_anchors = [(0, 0)]  # segment positions -> positions in d
    sp = dp = 0
    for p, po in zip(pieces, pieces_out, strict=False):
        sp += len(p)
        dp += len(po)
        src_anchors.append((sp, dp))
    if d == whole:
        return [(src_base + a, out_base + b) for a, b in src_anchors[1:-1]]
    d_anchors = _diff_anchors(d, whole)
    return [(src_base + a, out_base + _interpolate(d_anchors, b)) for a, b in src_anchors[1:-1]]


def _monotone(anchors: list[tuple[int, int]]) -> list[tuple[int, int]]:
    anchors.sort()
    out: list[tuple[int, int]] = []
    for s, o in anchors:
        if out and o < out[-1][1]:
            o = out[-1][1]
        if out and out[-1][0] == s:
            out[-1] = (s, max(o, out[-1][1]))
        else:
            out.append((s, o))
    return out


def _ambiguities(doc: _Text, run, s, out, anchors, regions, table, name_table, offsets) -> list[Ambiguity]:
    found = []
    cuts = [0, *doc.cuts(run)]
    for a, b, rule in regions:
        chars = name_table if rule == "name" else table
        if not chars:
            continue
        for p in range(a, b):
            ch = s[p]
            targets = chars.get(ch)
            if targets is None:
                continue
            q1 = _interpolate(anchors, p)
            q2 = _interpolate(anchors, p + 1)
            chosen = out[q1:q2] if q2 > q1 else out[q1 : q1 + 1]
            why = rule
            if rule == "text":
                why = "default" if chosen == targets[0] else "phrase"
            k = bisect.bisect_right(cuts, p) - 1
            label, base = offsets.locate(doc.owners[run[0] + k], doc.tails[run[0] + k])
            found.append(Ambiguity(
                label, base + p - cuts[k], ch, chosen,
                tuple(t for t in targets if t != chosen), why,
                s[max(0, p - 4) : p + 5],
            ))
    return found


# ------------------------------------------------------------------ the header

def _declare(tree: etree._ElementTree, options: Options, source_name: str, source_sha: str) -> None:
    """The edition's language and header: its source, OpenCC, the options."""
    root = tree.getroot()
    lang = CONFIGS[options.config][0]
    root.set(XML_LANG, lang)
    header = root.find(T + "teiHeader")
    if header is None:
        raise InputError(f"{source_name}: the TEI document has no teiHeader")
    source_desc = header.find(f"{T}fileDesc/{T}sourceDesc")
    app_info = header.find(f"{T}encodingDesc/{T}appInfo")
    normalization = header.find(f"{T}encodingDesc/{T}editorialDecl/{T}normalization")
    if source_desc is None or app_info is None or normalization is None:
        raise InputError(f"{source_name}: the teiHeader lacks sourceDesc, appInfo or normalization; "
                         "give a TEI document written by `archive convert`")
    for old in source_desc.findall(f"{T}bibl[@type='edition-source']"):
        source_desc.remove(old)
    for old in app_info.findall(f"{T}application[@ident='opencc']"):
        app_info.remove(old)
    for old in normalization.findall(T + "p"):
        if (old.text or "").startswith(_EDITION_P):
            normalization.remove(old)

    def sub(parent, tag, text=None, **attrs):
        e = etree.SubElement(parent, T + tag, attrs)
        e.text = text
        return e

    pad = _padding(source_desc)
    bibl = sub(source_desc, "bibl", type="edition-source")
    bibl.text = pad + "  "
    idno = sub(bibl, "idno", source_name, type="filename")
    idno.tail = pad + "  "
    sub(bibl, "idno", source_sha, type="sha256").tail = pad
    _place_last(source_desc, bibl, pad)

    version = opencc_version()
    m = re.match(r"\d+(\.\d+){0,3}", version)
    pad = _padding(app_info)
    app = sub(app_info, "application", ident="opencc", version=m.group() if m else "0")
    app.text = pad + "  "
    sub(app, "label", "OpenCC").tail = pad + "  "
    sub(app, "desc", describe(options, version)).tail = pad
    _place_last(app_info, app, pad)

    pad = _padding(normalization)
    p = sub(normalization, "p", _EDITION_P + " " + _prose(options))
    _place_last(normalization, p, pad)


_EDITION_P = "Script edition:"


def describe(options: Options, version: str | None = None) -> str:
    """The options as recorded in the header (application/desc)."""
    version = version or opencc_version()
    parts = [
        f"config {options.config} ({_config_name(options.config)})",
        f"OpenCC {version}",
        f"include_tofu_risk_dictionaries={'true' if options.tofu else 'false'}",
        f"name rules {'on' if options.names else 'off'}",
        f"profile {options.profile or 'none'}",
    ]
    if options.profile:
        parts[-1] += f" (sha256 {_sha256(_data_text('profiles', options.profile + '.tsv').encode('utf-8'))})"
    parts.append(_file_note("overrides", options.overrides))
    if options.names_file:
        parts.append(_file_note("names file", options.names_file))
    parts.append(f"converted by archive {__version__}")
    return "; ".join(parts)


def _file_note(what: str, path: str | None) -> str:
    if not path:
        return f"{what} none"
    try:
        digest = _sha256(Path(path).read_bytes())
    except OSError:
        digest = "unreadable"
    return f"{what} {Path(path).name} (sha256 {digest})"


@functools.lru_cache(maxsize=32)
def _config_name(config: str) -> str:
    for _, row in _rows(_data_text("opencc_configs.tsv")):
        if row[0] == config:
            return row[2]
    return config


def _prose(options: Options) -> str:
    lang = CONFIGS[options.config][0]
    names = (
        "Person names (persName) are converted apart with the orthographic rules only, then by "
        "the names list and the surname table; a name keeps a character that is already a "
        "Traditional form." if options.names and CONFIGS[options.config][2] else
        "Person names are left as written." if options.names else
        "Person names are converted like the text around them."
    )
    return (
        f"the character data of the text was converted to {lang} with OpenCC (config "
        f"{options.config}), each block as a whole, and mapped back onto the same elements; "
        f"elements, attributes and xml:ids are those of the source, and the header is not "
        f"converted. {names} See the OpenCC application entry for the options."
    )


def _padding(parent: etree._Element) -> str:
    """The indentation before ``parent``'s children (as written by archive.tei)."""
    if len(parent) and parent.text and parent.text.isspace():
        return parent.text
    return ""


def _place_last(parent: etree._Element, child: etree._Element, pad: str) -> None:
    """Indent a new last child like its siblings."""
    if len(parent) < 2 or not pad:
        return
    before = parent[-2]
    closing = before.tail
    before.tail = pad
    child.tail = closing


# ------------------------------------------------------------------ entry points

def edition_name(source_name: str, lang: str) -> str:
    """``x.tei.xml`` -> ``x.<lang>.tei.xml`` (an edition's own language suffix is replaced)."""
    name = Path(source_name).name
    for suffix in (".tei.xml", ".xml"):
        if name.endswith(suffix):
            name = name[: -len(suffix)]
            break
    for known in LANGS:
        if name.endswith("." + known):
            name = name[: -len(known) - 1]
            break
    return f"{name}.{lang}.tei.xml"


def _parse(data: bytes, name: str) -> etree._ElementTree:
    from archive.validate import parser

    try:
        tree = etree.fromstring(data, parser()).getroottree()
    except etree.XMLSyntaxError as e:
        raise InputError(f"{name}: not well-formed XML ({e.msg}); give a TEI file") from e
    if tree.docinfo.internalDTD is not None or tree.docinfo.doctype:
        raise InputError(f"{name}: DOCTYPE/entity declarations are not allowed")
    return tree


def make_edition(source: bytes | etree._ElementTree, options: Options, *, name: str,
                 sha256: str | None = None, report: bool = False, validate: bool = True,
                 fast: bool = True) -> Edition:
    """The edition of a TEI document (bytes, or a tree that is left unchanged).

    ``name`` is the source file name recorded in the header; ``sha256`` the
    digest of its bytes (computed from ``source`` when it is bytes). The
    edition is validated against the project schema (ValidationFailed, exit
    4, if it is not; InputError, exit 3, if the source was not valid either).
    ``fast=False`` always takes the tree path (tests and benchmarks compare the two).
    """
    from archive.tei import serialize

    enabled = gc.isenabled()
    gc.disable()  # millions of small objects, none of them cyclic
    try:
        use_fast = fast and not report
        quick = None
        tried = False  # whether the fast path was tried on this document's <text>
        if isinstance(source, bytes):
            sha256 = sha256 or _sha256(source)
            quick = _fast_bytes(source, options, name) if use_fast else None
            if quick:
                tree, text, guess, stats = quick
            else:
                tried = quick is False
                quick = None
                tree = _parse(source, name)
        else:
            if sha256 is None:
                raise ValueError("give the sha256 of the source document's bytes")
            if isinstance(source, etree._Element):
                source = source.getroottree()
            quick = _fast_text(source, options, name) if use_fast else None
            tried = True
            if quick is not None:  # the source is only read: the header goes into a new tree
                text, guess, stats = quick
                tree = _shell(source)
            else:
                tree = copy.deepcopy(source)
        if quick is None and use_fast and not tried:
            quick = _fast_text(tree, options, name)
            if quick is not None:
                text, guess, stats = quick
        if not quick:
            found, guess, stats = convert_tree(tree, options, report=report, name=name)
        else:
            found = []
        _declare(tree, options, Path(name).name, sha256)
        if not quick:
            edition = Edition(serialize(tree), options.config, tree, found, guess, stats)
        else:
            edition = Edition(_splice(tree, text), options.config, None, found, guess, stats)
    finally:
        if enabled:
            gc.enable()
    if validate:
        _check(edition.tree, source, name)
    return edition


# ------------------------------------------------------------------ the fast path
#
# For a length-preserving config without overrides, and a <text> whose only
# inline elements are lb and persName (every document `archive convert`
# writes), the edition is made on the serialized <text>: the lb tags are taken
# out, the rest is converted by OpenCC in one call (tags end phrases, since no
# dictionary key contains "<" or ">"), person names are replaced by their
# name-rule conversion, and the lb tags are put back at the same offsets. The
# result is byte for byte what the tree path gives (tests/test_edition.py).

_TEXT_ELEMENTS = ("text", "body", "pb", "fw", "div", "head", "byline", "dateline", "p", "sp",
                  "speaker", "figure", "note", "lb", "persName")
_UNKNOWN_TAG = re.compile(rb"<(?!/?(?:%s)[\s/>])" % "|".join(_TEXT_ELEMENTS).encode("ascii"))
# a non-ASCII character in an attribute value (lxml always writes "…"); may also match
# text that looks like an attribute, which only means the tree path is used
_NON_ASCII_ATTRIBUTE = re.compile(rb'="[^"<>]*[^\x00-\x7f]')
_LB_TAG = re.compile(rb"(<lb(?:\s[^>]*)?/>)")
_PERSNAME = re.compile(rb"<persName>([^<]*)</persName>")
_TEXT_OPEN = f'<text xmlns="{TEI_NS}"'.encode("ascii")
_PLACEHOLDER = "archive-edition-text"
# the length of the UTF-8 sequence each byte starts (0: a continuation byte)
_UTF8_SHAPE = bytes(1 if b < 0x80 else 0 if b < 0xC0 else 2 if b < 0xE0 else 3 if b < 0xF0 else 4
                    for b in range(256))


def _fast_text(tree: etree._ElementTree, options: Options, name: str):
    """The converted serialization of <text> (UTF-8), or None when the tree path must be used.

    Works on bytes: OpenCC takes and gives UTF-8, and where every converted
    character has the byte length of its source (checked), byte offsets of
    the source are byte offsets of the result.
    """
    if not _fast_options(options):
        return None
    root = tree.getroot()
    text_el = root.find(T + "text")
    if root.tag != T + "TEI" or text_el is None or root.getprevious() is not None \
            or root.getnext() is not None or len(root.findall(T + "text")) != 1:
        return None
    s = etree.tostring(text_el, encoding="UTF-8", with_tail=False)
    if not s.startswith(_TEXT_OPEN):
        return None
    return _fast_region(b"<text" + s[len(_TEXT_OPEN) :], options, name)


def _fast_options(options: Options) -> bool:
    return bool(not options.profile and not options.overrides and options.names
                and _config_facts().get(options.config))


# what lxml writes first, and what the <text> of a document can hold on the byte path
_LXML_START = b"<?xml version='1.0' encoding='UTF-8'?>\n<TEI "
_TEXT_START = re.compile(rb"<text[\s/>]")
_NOT_PLAIN = re.compile(rb"&#|<!|<\?|\r")


def _fast_bytes(data: bytes, options: Options, name: str):
    """The byte path: the edition of a document as `archive convert` writes it, from its bytes.

    Only the header is parsed (with an empty <text>); the serialized <text>
    of the source is converted as it is. Used when the file starts as lxml
    writes it and its <text> holds no character reference, comment, CDATA
    section, processing instruction or carriage return (so every character is
    written as itself). The markup of <text> is then checked by the
    validation of the edition. Returns (header tree, converted <text>, guess,
    stats); None when the document is not as lxml writes it (the tree may still take
    the fast path); False when its <text> needs the general path.
    """
    if not _fast_options(options) or not data.startswith(_LXML_START):
        return None
    starts = _TEXT_START.findall(data)
    start = data.find(b"<text")
    end = data.rfind(b"</text>")
    if len(starts) != 1 or start < 0 or end < start or data.count(b"</text>") != 1 \
            or not data[start:].startswith(starts[0]) or starts[0] != b"<text>":
        return None
    end += len(b"</text>")
    region = data[start:end]
    if _NOT_PLAIN.search(region):
        return None
    try:
        tree = etree.fromstring(data[:start] + b"<text/>" + data[end:], _safe_parser()).getroottree()
    except etree.XMLSyntaxError:
        return None
    if tree.docinfo.internalDTD is not None or tree.getroot().tag != T + "TEI":
        return None
    found = _fast_region(region, options, name)
    if found is None:
        return False  # the tree would not do better: take the general path
    found[2]["byte_path"] = 1
    return (tree, *found)


def _safe_parser() -> etree.XMLParser:
    from archive.validate import parser

    return parser()


def _fast_region(s: bytes, options: Options, name: str):
    """Convert a serialized <text> element (starting "<text"); None when the tree path must be used."""
    if _UNKNOWN_TAG.search(s) or _NON_ASCII_ATTRIBUTE.search(s):
        return None
    parts = _LB_TAG.split(s)
    texts = parts[0::2]
    u = b"".join(texts)
    guess = check_source_script(options.config, u[:300_000].decode("utf-8", "ignore"),
                                options.source_script, name)
    conv = _Converter(options, {})
    v = _convert_utf8(conv.cc, u)
    if len(v) != len(u) or v.translate(_UTF8_SHAPE) != u.translate(_UTF8_SHAPE):
        return None
    spans = [(m.start(1), m.end(1)) for m in _PERSNAME.finditer(u)]
    if len(spans) != u.count(b"<persName"):
        return None
    if spans:
        sources = [u[a:b].decode("utf-8") for a, b in spans]
        if any("&" in x for x in sources):
            return None
        outs: list[str] = [""] * len(sources)
        todo = []
        for i, x in enumerate(sources):
            core = x.strip()
            fixed = conv.names_list.get(core) if conv.direction and core else None
            if conv.names_cc is None or not core:  # names are left as written
                outs[i] = x
            elif fixed is not None:
                lead = x.index(core)
                outs[i] = x[:lead] + fixed + x[lead + len(core) :]
            else:
                todo.append(i)
        converted = _convert_lines(conv.names_cc, [sources[i] for i in todo]) if todo else []
        for i, out in zip(todo, converted, strict=True):
            outs[i] = conv.name(sources[i], out)
        encoded = [o.encode("utf-8") for o in outs]
        if any(len(o) != b - a for o, (a, b) in zip(encoded, spans, strict=True)):
            return None
        pieces, pos = [], 0
        for (a, b), out in zip(spans, encoded, strict=True):
            pieces.append(v[pos:a])
            pieces.append(out)
            pos = b
        pieces.append(v[pos:])
        v = b"".join(pieces)
    bounds = list(itertools.accumulate(map(len, texts), initial=0))
    parts[0::2] = list(map(v.__getitem__, map(slice, bounds, bounds[1:])))
    stats = {"text_nodes": len(texts), "names": len(spans), "fast_path": 1}
    return b"".join(parts), guess, stats



def _convert_utf8(cc, data: bytes) -> bytes:
    """OpenCC on UTF-8 bytes (its C++ converter takes them as they are), as UTF-8 bytes."""
    base = type(cc).__mro__[1]  # opencc_clib._OpenCC: convert(bytes, length) -> str
    try:
        out = base.convert(cc, data, len(data))
    except TypeError:  # another binding: go through str
        out = cc.convert(data.decode("utf-8"))
    return out.encode("utf-8")


def _shell(tree: etree._ElementTree) -> etree._ElementTree:
    """A copy of the document with an empty <text> (the fast path writes <text> itself)."""
    root = tree.getroot()
    shell = etree.Element(root.tag, nsmap=root.nsmap)
    for key, value in root.attrib.items():
        shell.set(key, value)
    shell.text = root.text
    for child in root:
        if child.tag == T + "text":
            empty = etree.SubElement(shell, T + "text")
            empty.tail = child.tail
        else:
            shell.append(copy.deepcopy(child))
    return etree.ElementTree(shell)


def _splice(tree: etree._ElementTree, text: bytes) -> bytes:
    """The serialized document with <text> replaced by its converted serialization.

    The header is serialized from a shallow copy of the root (taking the big
    <text> out of the tree itself would be slow: lxml unregisters every xml:id).
    """
    from archive.tei import serialize

    root = tree.getroot()
    shell = etree.Element(root.tag, nsmap=root.nsmap)
    for key, value in root.attrib.items():
        shell.set(key, value)
    shell.text = root.text
    marker = etree.ProcessingInstruction(_PLACEHOLDER)
    for child in root:
        if child.tag == T + "text":
            marker.tail = child.tail
            shell.append(marker)
        else:
            shell.append(copy.deepcopy(child))
    data = serialize(etree.ElementTree(shell))
    tag = etree.tostring(marker, with_tail=False)
    if data.count(tag) != 1:
        raise RuntimeError("the placeholder for <text> is not unique")
    return data.replace(tag, text)


def _check(tree: etree._ElementTree, source, name: str) -> None:
    from archive.errors import ValidationFailed
    from archive.validate import check, validate

    try:
        check(tree)
    except ValidationFailed as e:
        problems = validate(source)
        if problems:
            raise InputError(
                f"{name}: the source is not valid against the project schema "
                f"({len(problems)} problem(s)); first: {problems[0]}; give a TEI file written by "
                "`archive convert`",
            ) from e
        raise


def edition_of_file(path: str | Path, options: Options, report: bool = False) -> Edition:
    """The edition of a TEI file."""
    path = Path(path)
    try:
        data = path.read_bytes()
    except FileNotFoundError as e:
        raise InputError(f"{path}: no such file; check the path") from e
    except IsADirectoryError as e:
        raise InputError(f"{path}: is a directory; give a TEI file") from e
    except OSError as e:
        raise InputError(f"{path}: cannot read it ({e.strerror or e})") from e
    return make_edition(data, options, name=path.name, report=report)


REPORT_HEADER = "xml:id\toffset\tsource\tchosen\talternatives\trule\tcontext\n"


def report_text(ambiguities: Iterable[Ambiguity]) -> str:
    """The ambiguity report as TSV (docs/editions.md, "The ambiguity report")."""

    def clean(s: str) -> str:
        return s.replace("\t", " ").replace("\n", " ")

    lines = [REPORT_HEADER]
    for a in ambiguities:
        lines.append(f"{a.where}\t{a.offset}\t{a.source}\t{clean(a.chosen)}\t{' '.join(a.alternatives)}"
                     f"\t{a.rule}\t{clean(a.context)}\n")
    return "".join(lines)


def body_text(tree: etree._ElementTree) -> str:
    """All character data of ``<text>`` (what an edition converts)."""
    text_el = tree.getroot().find(T + "text")
    return "".join(text_el.itertext()) if text_el is not None else ""


__all__ = [
    "CONFIGS", "Ambiguity", "Edition", "Options", "ScriptGuess", "ambiguous", "body_text",
    "check_source_script", "convert_tree", "converter", "describe", "detect_script",
    "edition_name", "edition_of_file", "make_edition", "opencc_version", "profile_pairs",
    "read_pairs", "report_text",
]

"""The synthetic page generator (tools/pagegen.py) and the scorer (tools/score.py)."""

import random
import re
import sys
from collections import Counter
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tools"))
import pagegen  # noqa: E402
from score import score_paragraphs  # noqa: E402

needs_data = pytest.mark.skipif(
    not (pagegen.EVALDATA / "rmrb_articles").is_dir(),
    reason=f"evaluation data not found at {pagegen.EVALDATA} (set ARCHIVE_EVALDATA)",
)


def ink(texts):
    """The non-whitespace characters of some texts, as a multiset."""
    return Counter(c for t in texts for c in t if not c.isspace())


def check_wrap(text, width, indent, lines, slack=0.0):
    assert re.sub(r"\s", "", "".join(lines)) == re.sub(r"\s", "", text)
    for k, line in enumerate(lines):
        body = line
        for _ in range(2):  # hanging punctuation may pass the edge
            if body and body[-1] in pagegen.HANG:
                body = body[:-1]
        limit = width - (indent if k == 0 else 0)
        assert pagegen.text_width(body) <= limit + slack, (width, line)
        assert line[-1] not in pagegen.OPEN or len(line) == 1
        if k:
            assert line[0] not in pagegen.HANG


def test_wrap_fills_a_cjk_column():
    text = "汉" * 50
    assert [len(x) for x in pagegen.wrap(text, 15, 2)] == [13, 15, 15, 7]


def test_wrap_hangs_punctuation_and_keeps_runs():
    lines = pagegen.wrap("一二三四五六七八九十，一二三四 2025 年五六七八九", 10)
    assert lines[0] == "一二三四五六七八九十，"
    assert any("2025" in x for x in lines)
    check_wrap("一二三四五六七八九十，一二三四 2025 年五六七八九", 10, 0, lines)


@needs_data
@pytest.mark.parametrize("corpus", pagegen.CORPORA)
def test_wrap_respects_widths(corpus):
    rng = random.Random(1)
    for a in rng.sample(pagegen.load_articles(corpus), 30):
        for p in a.paragraphs:
            width = rng.randint(12, 20)
            check_wrap(p, width, 2, pagegen.wrap(p, width, 2))
            check_wrap(p, width, 2, pagegen.wrap(p, width, 2, squeeze=0.5, rng=rng), slack=1.0)


@needs_data
def test_load_articles_cleans_fields():
    for corpus, most in (("2017", 242), ("2020", 282)):
        arts = pagegen.load_articles(corpus)
        assert 100 < len(arts) <= most
        for a in arts:
            for s in [a.kicker, a.title, a.subtitle, a.byline, *a.paragraphs]:
                assert s == s.strip() and not re.search("[\u00a0\u3000]", s)
            assert all(a.paragraphs)
    assert "赵  鹏   林  蔚" in {a.byline for a in pagegen.load_articles("2017")}


@needs_data
@pytest.mark.parametrize("corpus", pagegen.CORPORA)
def test_make_corpus_is_deterministic(corpus):
    assert pagegen.make_corpus(corpus, 4, 3) == pagegen.make_corpus(corpus, 4, 3)
    assert pagegen.make_corpus(corpus, 4, 3) != pagegen.make_corpus(corpus, 4, 4)


@needs_data
@pytest.mark.parametrize("corpus", pagegen.CORPORA)
def test_page_holds_exactly_the_truth(corpus):
    for _name, text, truth in pagegen.make_corpus(corpus, 20, 2):
        assert ink([text]) == ink(truth["paragraphs"])
        arts = truth["articles"]
        assert 2 <= len(arts) <= 5
        parts = [*truth["furniture"]]
        for a in arts:
            parts += [a[k] for k in ("kicker", "title", "subtitle", "byline", "jump") if a[k]]
            parts += a["paragraphs"]
        assert ink(parts) == ink(truth["paragraphs"])


def test_score_perfect():
    r = score_paragraphs(["甲乙。", "丙 丁"], ["丙丁", "甲乙。"])
    assert (r["precision"], r["recall"], r["f1"], r["tp"]) == (1.0, 1.0, 1.0, 2)


def test_score_one_split():
    r = score_paragraphs(["甲乙", "丙", "丁戊"], ["甲乙", "丙丁戊"])
    assert (r["tp"], r["n_pred"], r["n_true"]) == (1, 3, 2)
    assert r["precision"] == pytest.approx(1 / 3) and r["recall"] == 0.5


def test_score_one_merge():
    r = score_paragraphs(["甲乙丙丁戊"], ["甲乙", "丙丁戊"])
    assert (r["tp"], r["precision"], r["recall"], r["f1"]) == (0, 0.0, 0.0, 0.0)


def test_score_counts_duplicates_once_each():
    r = score_paragraphs(["甲", "甲", "甲"], ["甲", "甲"])
    assert (r["tp"], r["n_pred"], r["n_true"]) == (2, 3, 2)

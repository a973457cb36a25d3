"""Article segmentation on hand-made blocks (no paragraph restoring involved)."""

from __future__ import annotations

from archive.model import Block, Piece
from archive.segment import Article, Item, _merge_soft, _split_bodies, classify, segment_page

_line = 0


def block(*lines: str) -> Block:
    """A block of consecutive source lines, numbered on from the last block (a blank between)."""
    global _line
    _line += 1
    start = _line
    _line += len(lines)
    return Block(tuple(Piece(start + k, text) for k, text in enumerate(lines)))


def para(width: int, words: str, lines: int = 3) -> Block:
    """A paragraph set ``width`` characters wide from the repeated ``words``, ending in 。"""
    text = (words * (width * lines))[: width * lines - 3] + "。"
    return block(*(text[k : k + width] for k in range(0, len(text), width)))


def articles(nodes):
    return [n for n in nodes if n.kind == "article"]


def heads(node) -> list[str]:
    return [c.block.text for c in node.children if c.kind == "head"]


def test_a_change_of_column_width_splits_softly():
    items = classify([para(16, "春风吹绿了江南两岸"), para(16, "农民忙着播种施肥"),
                      para(12, "高铁开通方便出行"), para(12, "旅客称赞服务周到")])
    bodies, soft = _split_bodies(items)
    assert [len(b) for b in bodies] == [2, 2]
    assert soft == [False, True]


def test_one_odd_paragraph_does_not_split():
    items = classify([para(16, "春风吹绿了江南两岸"), para(12, "引文排得窄一些"),
                      para(16, "农民忙着播种施肥")])
    bodies, soft = _split_bodies(items)
    assert len(bodies) == 1 and soft == [False]


def test_an_untitled_soft_piece_joins_its_neighbour():
    a = Item(block("甲"), "p", index=1)
    b = Item(block("乙"), "p", index=2)
    h = Item(block("标题"), "head", index=0)
    merged = _merge_soft([Article(heads=[h], body=[a]), Article(body=[b])], [False, True])
    assert merged is not None and len(merged) == 1
    assert merged[0].heads == [h] and merged[0].body == [a, b]


def test_mixed_layout_headline_before_one_body_and_after_the_next():
    nodes = segment_page([
        block("江南春耕忙"),
        para(16, "江南春耕农民忙着播种"), para(16, "江南春耕时节田野里"),
        para(12, "高铁开通旅客出行方便"), para(12, "高铁开通沿线旅游兴旺"),
        block("高铁开通了"),
    ])
    arts = articles(nodes)
    assert [heads(a) for a in arts] == [["江南春耕忙"], ["高铁开通了"]]


def test_a_section_number_before_a_heading_makes_it_a_subhead():
    nodes = segment_page([
        block("江南春耕忙"),
        para(16, "江南春耕农民忙着播种"),
        block("（二）"),
        block("城市里的新鲜事"),
        para(16, "城市里高楼林立车水马龙"),
    ])
    arts = articles(nodes)
    assert len(arts) == 1
    assert any(c.kind == "section" for c in arts[0].children)


def test_a_box_label_under_a_headline_is_text_not_a_title():
    nodes = segment_page([
        block("江南春耕时节农民忙"),
        block("内容提要"),
        para(16, "春风吹绿了两岸的田野"),
        para(16, "农民忙着播种施肥浇水"),
    ])
    (art,) = articles(nodes)
    assert heads(art) == ["江南春耕时节农民忙"]
    assert [c.block.text for c in art.children if c.kind == "p"][0] == "内容提要"


def test_photo_credit_forms():
    from archive.segment import credit_marks

    assert credit_marks("新华社发") == ()  # an agency's photo: a credit without a name
    for text, name in (("王小明/摄", "王小明"), ("（王小明 摄）", "王小明"), ("新华社记者 王小明摄", "王小明")):
        marks = credit_marks(text)
        assert marks and text[marks[0].start : marks[0].end].startswith(name[:2])
    assert credit_marks("新华社发布会召开在即") is None


def test_photo_report_byline():
    items = classify([block("山村来了新老师"), block("□王小明 李 华摄影报道"), para(16, "春风吹绿了江南两岸")])
    assert [it.role for it in items][:2] == ["head", "byline"]


def test_bracketed_names_after_a_text_close_it():
    nodes = segment_page([block("山村来了新老师"), para(16, "春风吹绿了江南两岸"), block("（王小明）"),
                          block("高铁开通方便出行"), para(16, "旅客称赞服务周到")])
    arts = articles(nodes)
    first = arts[0]
    assert first.children[-1].kind == "byline" and first.children[-1].block.text == "（王小明）"
    assert all("王小明" not in h for a in arts for h in heads(a))


def test_a_line_matching_no_body_well_stays_with_the_group_it_fits():
    """A kicker that matches neither article well must not pull the next title away."""
    from archive.segment import _group_match

    body = classify([para(16, "人才工作会议在城里召开人才政策")])
    group = classify([block("城里召开人才工作会议"), block("打造人才高地")])
    assert _group_match(group, body) >= _group_match(group[:1], body)

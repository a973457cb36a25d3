"""Article segmentation on hand-made blocks (no paragraph restoring involved)."""

from __future__ import annotations

import pytest

from archive.model import Block, Piece
from archive.segment import (
    Article,
    Item,
    Run,
    _alike,
    _body_runs,
    _chunk,
    _closed_packages,
    _figures,
    _may_be_subhead,
    _may_cut,
    _merge_soft,
    _must_be_subhead,
    _packages,
    _photo_story,
    _split_bodies,
    _subhead_score,
    classify,
    segment_page,
)

_line = 0


def block(*lines: str, gap: bool = True) -> Block:
    """A block of consecutive source lines, numbered on from the last block (a blank
    between, unless not ``gap``)."""
    global _line
    _line += gap
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


def test_a_box_label_under_a_tagged_title_over_a_jump_note_is_text():
    # A title closed by its column tag, then a box's label whose text goes on on another
    # page (only the jump note here): the label is the box's first paragraph, no title.
    items = classify([para(16, "春风吹绿了两岸的田野"), block("实现发展目标的重大任务（坚持和完善制度）"),
                      block("编者的话"), block("（下转19版）")])
    assert [it.role for it in items] == ["p", "head", "label", "jump"]
    items = classify([para(16, "春风吹绿了两岸的田野"), block("实现发展目标的重大任务"), block("编者的话"),
                      block("（下转19版）")])
    assert items[2].role == "head"  # (no column tag closing the line above: two titles, it may be)


def test_a_short_line_with_commas_set_apart_under_a_kicker_is_the_title():
    # Over no text (after a jump note), a kicker, then a short line with commas and no
    # sentence end, blank lines around it: the title under its kicker, not a paragraph.
    def roles(*before):
        items = classify([*before, block("规范管理见成效 科技支撑促发展"), block("文创产业，创意先行"),
                          para(16, "文创产业依然充满挑战和机遇")])
        return [it.role for it in items[len(before):]]
    assert roles(para(16, "春风吹绿了两岸的田野"), block("（下转06版）")) == ["head", "head", "p"]
    # ... but not under a title placed after its text (a subhead of the next text, it may be)
    assert roles(para(16, "春风吹绿了两岸的田野")) == ["head", "p", "p"]


def test_a_headline_line_under_the_byline_opens_the_first_section():
    # A headline group, its byline, then one more headline line right over the text: the
    # byline closes the group; the line is the text's first subhead, not the title.
    nodes = segment_page([
        block("书法艺术的魅力"), para(16, "春风吹绿了两岸的田野"), block("（作者为某某杂志主编）"),
        block("某省某县发展农村集体经济"), block("多种经营 荒地生金", gap=False),
        block("□张小明  李大伟", gap=False), block("特色产业遍地开花"),
        para(16, "有了芒果项目村里肯定大变样"), para(16, "村里的集体经济有了指望"),
    ])
    art = articles(nodes)[-1]
    assert [(c.block.text, c.attrs.get("type")) for c in art.children if c.kind == "head"] == [
        ("某省某县发展农村集体经济", "kicker"), ("多种经营 荒地生金", "main")]
    assert [heads(s) for s in art.children if s.kind == "section"] == [["特色产业遍地开花"]]


def test_a_box_tag_between_texts_is_a_subhead():
    # A headline line closed by a box's tag ("…（链接）") between parts of a text heads a
    # box inside the article: it titles no article of its own, the title after the text does.
    nodes = segment_page([
        block("去年截获外来有害生物百万次"), block("本报北京4月21日电  （记者张小明）质检总局日前召开新闻发布会。"),
        para(16, "质检总局召开新闻发布会"),
        block("“我虽然是小朋友，爱地球，也有我一份！”地球日来临之际，孩子们在画画。"), block("人民视觉", gap=False),
        block("世界某某日（链接）", gap=False), para(16, "今天是世界某某日这是一个专为环境保护设立的节日"),
        block("（下转第7版）"), block("保护地球 人人参与"),
    ])
    assert [heads(a) for a in articles(nodes)] == [["去年截获外来有害生物百万次"], ["保护地球 人人参与"]]
    assert [heads(s) for s in articles(nodes)[1].children if s.kind == "section"] == [["世界某某日（链接）"]]


def test_a_subhead_right_before_the_jump_note_that_ends_its_text_stays_in_it():
    # Evidence: a text cut to another page just after one of its subheads: the line between
    # the text and its jump note is no title (a title has text of its own under it), and the
    # headline group after the note is the text's own (headlines after their bodies).
    nodes = segment_page([
        para(16, "春风吹绿了江南两岸农民忙"), block("农田水利建设加快"), para(16, "水利工程修好了田野"),
        block("粮食收成年年增长"), block("（下转第6版）"), block("江南春耕正当时"),
        para(14, "高铁开通旅客出行方便快捷"), para(14, "旅客称赞服务周到"), block("高铁开通方便出行"),
    ])
    arts = articles(nodes)
    assert [heads(a) for a in arts] == [["江南春耕正当时"], ["高铁开通方便出行"]]
    sections = [c for c in arts[0].children if c.kind == "section"]
    assert [heads(s) for s in sections] == [["农田水利建设加快"], ["粮食收成年年增长"]]
    assert [c.kind for c in arts[0].children][-2:] == ["section", "jump"]  # (the note is the article's)
    # ... and so with headlines before their bodies
    nodes = segment_page([
        block("江南春耕正当时"), para(16, "春风吹绿了江南两岸农民忙"), block("农田水利建设加快"),
        para(16, "水利工程修好了田野"), block("粮食收成年年增长"), block("（下转第6版）"),
        block("高铁开通方便出行"), para(14, "高铁开通旅客出行方便快捷"), para(14, "旅客称赞服务周到"),
    ])
    assert [heads(a) for a in articles(nodes)] == [["江南春耕正当时"], ["高铁开通方便出行"]]


def test_a_sentence_with_commas_trailing_off_is_text_a_list_trailing_off_a_kicker():
    # A kicker listing things may trail off ("…、做科普……") over its title; a sentence with
    # commas that trails off over a subhead is the text's, not a headline line.
    items = classify([para(16, "山河治理远非朝夕之功"),
                      block("说这话时，夕阳洒在老人的肩头，他显得", "像大山一样稳重可靠……"),
                      block("篇章三", gap=False), block("转型·发展", gap=False), para(16, "黄河南岸水车博览园里")])
    assert [it.role for it in items] == ["p", "p", "head", "head", "p"]
    items = classify([block("患病的小伙子写书、开公众号、做科普……"),
                      block("他在最困难的时候奋力向前（追梦人）", gap=False), para(16, "他在最困难的时候写书")])
    assert [it.role for it in items] == ["head", "head", "p"]


def test_a_date_alone_is_no_headline_line_even_over_one():
    # A date alone ("2019年12月28日") under a decree's signature closes it: text, even when a
    # headline-like line follows it closely.
    items = classify([para(16, "某某法已由常务委员会通过现予公布"), block("某某委员会主任 张三"),
                      block("2019年12月28日"), block("目 录", gap=False), block("第一章 总 则")])
    assert items[2].role == "p"


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


def test_who_drew_and_who_wrote_between_two_texts_credits_the_cartoon_above():
    # "张三图  李四文" right under a caption, even with no blank line before it, credits the
    # cartoon: no byline opens a text between two texts.
    items = classify([block("图片报道"), block("三地政务服务一网通办，群众办事更方便了。"),
                      block("一网通三地，", "办事更顺心。", gap=False), block("张三 图  李四 文", gap=False),
                      para(16, "智慧城市建设能够破解城市发展难题")])
    assert [it.role for it in items] == ["head", "p", "p", "credit", "p"]


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


def tight(*texts: str) -> list[Block]:
    """One-line blocks on consecutive lines (no blank line between them), a blank after."""
    global _line
    out = []
    for text in texts:
        _line += 1
        out.append(Block((Piece(_line, text),)))
    _line += 1
    return out


def test_a_headline_run_without_blank_lines_is_shared_by_the_articles_around_it():
    # The title of the text above (headlines after their article) and the title of the
    # text below, with no blank line between them: each goes to the text it matches.
    nodes = segment_page([
        para(16, "江南春耕农民忙着播种"), para(16, "江南春耕时节田野里"),
        *tight("江南春耕忙", "高铁开通了"),
        para(12, "高铁开通旅客出行方便"), para(12, "高铁开通沿线旅游兴旺"),
    ])
    assert [heads(a) for a in articles(nodes)] == [["江南春耕忙"], ["高铁开通了"]]


def test_a_photo_story_at_the_end_of_a_text_gets_its_own_title():
    # A photo's text and credit end the stretch of text; the short title after them is
    # the photo story's, not a kicker of the next article.
    nodes = segment_page([
        block("江南春耕忙"), para(16, "江南春耕农民忙着播种"), para(16, "江南春耕时节田野里"),
        para(16, "冰雕比赛在哈尔滨冰雪大世界进行选手们在制作冰雕", 4), block("王小明摄"),
        block("冰雪大世界赛冰雕"), block("高铁开通了"),
        para(12, "高铁开通旅客出行方便"), para(12, "高铁开通沿线旅游兴旺"),
    ])
    arts = articles(nodes)
    assert [heads(a) for a in arts] == [["江南春耕忙"], ["冰雪大世界赛冰雕"], ["高铁开通了"]]
    assert any(c.kind == "figure" for c in arts[1].children)


def test_a_title_closed_by_a_column_tag_is_no_subhead():
    # "…（经济漫谈）" names a column: its line titles an article, even between two texts
    # on one subject set in one column.
    nodes = segment_page([
        block("高铁开通了"), para(16, "高铁开通旅客出行方便"), para(16, "高铁开通沿线旅游兴旺"),
        block("高铁带来新变化（经济漫谈）"),
        para(16, "高铁开通沿线旅游兴旺"), para(16, "高铁开通旅客出行方便"),
    ])
    assert [heads(a) for a in articles(nodes)] == [["高铁开通了"], ["高铁带来新变化（经济漫谈）"]]


def test_three_short_lines_between_paragraphs_make_one_subhead():
    # A subhead may take three short lines ("一张网络 / 入户探访 / 化解矛盾") when the text
    # around it goes on in one column with the same words.
    nodes = segment_page([
        block("网格化服务解民忧"), para(16, "网格员走进社区倾听居民心声"), para(16, "网格员入户探访化解矛盾"),
        *tight("一张网络", "入户探访", "化解矛盾"),
        para(16, "网格员入户探访化解矛盾"), para(16, "网格员走进社区倾听居民心声"),
    ])
    (art,) = articles(nodes)
    assert heads(art) == ["网格化服务解民忧"]
    assert any(c.kind == "section" for c in art.children)


def test_a_short_title_with_a_long_column_tag_may_run_over_four_lines():
    # A short title without commas closed by a long column tag (one holding "、") may run
    # over four lines; a law's title closed by its dates in brackets is text.
    items = classify([para(14, "本报今起连续刊发理论专版"),
                      block("推进改革前进的根本要求（坚持和", "完善某某制度、推进某某体系", "和某某能力现代化·理论",
                            "专版）"),
                      para(14, "坚持和完善制度是重大任务")])
    assert [it.role for it in items] == ["p", "head", "p"]
    items = classify([para(14, "本报今起连续刊发理论专版"),
                      block("某某组织工作条例（试行）（2019", "年11月29日某某会议审议批准", "2019年12月30日某某部门",
                            "发布）"),
                      para(14, "坚持和完善制度是重大任务")])
    assert [it.role for it in items] == ["p", "p", "p"]


def test_a_long_title_ending_in_a_word_that_reads_as_a_name_is_still_a_title():
    # "…的重大任务（某某专版）": "任务" reads as a two-character name, but a long title before
    # the tag is no "name（post）"; a three-character name or a numbered item keep their
    # brackets as a post or a note.
    def role(*lines):
        return classify([para(14, "本报今起连续刊发理论专版"), block(*lines), para(14, "坚持和完善制度")])[1].role
    assert role("实现两个奋斗目标的历史性", "重大任务（坚持和完善某某制度、", "推进某某体系和某某能力现代",
                "化）") == "head"
    assert role("读起来，才有生命张小红（某某", "计划、某某活动志愿者）") != "head"
    assert role("（六）其他应当由党委讨论的任务", "（事项、议题）") != "head"


def test_headline_roles_from_a_line_of_text():
    items = classify([
        block("——编 者"),  # a dash and a word sign an editor's note: no subtitle
        block("■记者手记"),  # a column's name, not a reporter's
        block("本报记者 王 观"),
        block("曹  一图  于  石文"),  # photos by one, text by another
        block("百姓身边事件件放心上（学理论、促发展·专题报道）"),  # commas in the column tag only
        block("某省某市——"), block("百姓身边事，件件放心上"),  # a kicker's dash, then the title
        para(16, "春风吹绿了江南两岸"),
    ])
    assert [it.role for it in items[:7]] == ["p", "head", "byline", "byline", "head", "head", "head"]
    shared = items[3]
    assert [shared.text[m.start : m.end] for m in shared.marks] == ["曹  一", "于  石"]


def test_a_subtitle_stays_with_the_title_above_it():
    # Headlines after their article, then an untitled story: the subtitle under a title
    # belongs to that title's group, it does not title the story after it alone.
    nodes = segment_page([
        para(16, "江南春耕农民忙着播种"), para(16, "江南春耕时节田野里"),
        *tight("江南春耕忙", "——记江南农民的春耕时节"),
        block("本报北京3月1日电  高铁开通了，旅客出行方便，沿线旅游兴旺。"),
        para(16, "高铁开通沿线旅游兴旺"),
    ])
    arts = articles(nodes)
    assert heads(arts[0]) == ["江南春耕忙", "——记江南农民的春耕时节"]
    assert heads(arts[1]) == []


def test_a_one_line_title_may_list_things():
    items = classify([block("推动机关党建走在前、当表率"), para(16, "春风吹绿了江南两岸")])
    assert items[0].role == "head"


def test_byline_names_after_each_role():
    from archive.segment import byline_marks

    for text, names in (
        ("本报驻埃及记者  韩立平  本报驻俄罗斯记者  曲  扬", ["韩立平", "曲  扬"]),
        ("□本报记者  李小颖  通讯员  杨文军", ["李小颖", "杨文军"]),  # 文 in a name is no role
        ("本报记者  方  舟文  新华社记者  王杉摄", ["方  舟", "王杉"]),  # text by one, photos by another
    ):
        marks = byline_marks(text)
        assert marks and [text[m.start : m.end] for m in marks] == names
    assert byline_marks("■记者手记") is None


def test_a_foreign_authors_byline_names_the_country_in_brackets():
    from archive.segment import byline_marks

    for text, name in (("（某国）让—保罗·某某", "让—保罗·某某"), ("（某某国）马丁·某某", "马丁·某某"),
                       ("（某国）罗小明", "罗小明")):
        marks = byline_marks(text)
        assert marks and [text[m.start : m.end] for m in marks] == [name]
    for text in ("（某某视点）", "（某国）两国关系"):  # a column tag; no name after the country
        assert byline_marks(text) is None


def test_a_speakers_post_and_name_under_a_subtitle_sign_the_speech():
    # Evidence: under a speech's subtitle, a line of a post (ending in a word like 总理, 主席)
    # and a name set apart is its byline; under a section's title in a package it is not.
    items = classify([block("携手共建美好的未来"), block("——在某某论坛年会闭幕式上的讲话"),
                      block("某某国政府副总理  张小明"), para(16, "尊敬的各位来宾朋友们大家好")])
    assert items[2].role == "byline"
    assert [items[2].text[m.start : m.end] for m in items[2].marks] == ["张小明"]
    items = classify([para(16, "尊敬的各位来宾朋友们大家好"), block("同心同德 共谋发展"),
                      block("某某协会主席  张小明"), para(16, "我们协会最初由教育界人士组成")])
    assert items[2].role != "byline"
    items = classify([block("——在某某论坛年会闭幕式上的讲话"), block("某某国政府副总理  张明白了")])
    assert items[1].role != "byline"  # (no name at the end)


def test_a_dash_line_between_two_texts_signs_the_first():
    items = classify([
        block("我家门前的田"), para(16, "我叫张三是个农民种了十亩田"), block("——某县某村村民张三"),
        para(16, "培育新型经营主体发展农业"),
    ])
    assert [it.role for it in items] == ["head", "p", "p", "p"]


def test_a_closing_dateline_in_brackets_signs_its_text_and_is_no_title():
    nodes = segment_page([
        block("山村来了新老师"), para(16, "春风吹绿了江南两岸"), block("（新华社北京1月5日电  记者王小明）"),
        *tight("高铁开通方便出行"), para(16, "旅客称赞服务周到"),
    ])
    first = articles(nodes)[0]
    assert heads(first) == ["山村来了新老师"]
    assert first.children[-1].kind == "byline"


def test_a_note_in_brackets_is_no_title():
    items = classify([para(16, "春风吹绿了江南两岸"), block("（作者为中央党校（国家行政学院）研究员）")])
    assert items[1].role == "p"


def test_a_kicker_with_commas_and_its_title_after_the_text():
    # A short block ending in a lead-in dash and the short block after it, both with
    # commas and no sentence end: a kicker and its title, here after their article.
    nodes = segment_page([
        para(16, "王医生的办公室里摆满了医学书"), para(16, "王医生说医学钻研永不止步"),
        block("找到康复新办法，骨伤外科专家王医生——"), block("钻研医学难题，永不止步"),
    ])
    (art,) = articles(nodes)
    assert heads(art) == ["找到康复新办法，骨伤外科专家王医生——", "钻研医学难题，永不止步"]


def test_a_photographers_byline_under_a_text_credits_its_photo():
    # "某某摄影报道" (or "某某图  某某文") right under a text, with no text after it, credits
    # the photo of that text: the title after them is the photo story's.
    nodes = segment_page([
        block("江南春耕忙"), para(16, "江南春耕农民忙着播种"), para(16, "江南春耕时节田野里"),
        block("（下转第二版）"),
        para(16, "渔民们开始春季捕捞大小渔船相继出港", 4), block("王小明 李 华摄影报道"),
        block("图片报道"),
    ])
    arts = articles(nodes)
    assert [heads(a) for a in arts] == [["江南春耕忙"], ["图片报道"]]
    assert any(c.kind == "figure" for c in arts[1].children)
    assert not any(c.kind == "byline" for c in arts[1].children)


def test_a_dash_line_ending_in_a_verb_of_saying_signs_the_quote_above():
    items = classify([
        block("发展理念是指挥棒（声音）"), para(16, "我们必须把新发展理念作为指挥棒"),
        block("——某省委书记在全会上说"), block("高铁开通了"), para(16, "高铁开通旅客出行方便"),
    ])
    assert [it.role for it in items] == ["head", "p", "p", "head", "p"]


def test_a_chapter_heading_between_articles_is_a_subhead():
    # "第二章 …" heads a chapter of a law or rules printed in full: a subhead, even where
    # the texts on either side share few words.
    nodes = segment_page([
        block("森林法全文公布"), para(16, "森林法全文公布第一条为了保护森林资源"),
        block("第二章 林木权属"), para(12, "第五条国家保障林地所有者合法权益"),
    ])
    (art,) = articles(nodes)
    assert heads(art) == ["森林法全文公布"]


def test_a_one_line_title_may_name_its_subject_before_a_colon():
    items = classify([block("甲国国家总统：愿分享乙国发展红利"), block("制图：王小明"),
                      para(16, "甲国国家总统表示愿分享乙国发展红利")])
    assert [it.role for it in items] == ["head", "p", "p"]


def test_a_short_line_after_a_photo_story_is_no_subhead():
    # A photo's text closed by its credit ends there: the short line after it titles the
    # photo story (headlines after their texts), not a section of the text below.
    nodes = segment_page([
        para(16, "冰雪大世界里选手们在制作冰雕", 4), block("王小明摄"),
        block("赛冰雕"),
        para(16, "冰雪大世界开园游客们观赏冰雕"), para(16, "冰雪大世界里游客们观赏冰雕"), block("冰雪大世界开园了"),
    ])
    assert [heads(a) for a in articles(nodes)] == [["赛冰雕"], ["冰雪大世界开园了"]]


def test_a_headline_left_without_text_takes_the_end_of_the_text_above():
    # Two texts run on without a dateline or a change of column between them; the first
    # has its headline above it, the second below it: the second headline takes the
    # paragraphs, from the end, that match it better than the first headline.
    nodes = segment_page([
        block("高铁开通了"), para(16, "高铁开通旅客出行方便"), para(16, "高铁开通沿线旅游兴旺"),
        para(16, "猕猴桃丰收果农笑开颜"), para(16, "猕猴桃甜里透酸口感好"),
        block("猕猴桃丰收了"),
    ])
    arts = articles(nodes)
    assert [heads(a) for a in arts] == [["高铁开通了"], ["猕猴桃丰收了"]]
    assert all("猕猴桃" in c.block.text for c in arts[1].children if c.kind == "p")


def test_a_two_character_name_spaced_to_three_is_a_byline_whatever_the_surname():
    # A pen name's surname is in no list; set apart to the width of three characters
    # ("晨  曦") under a title, it is still a byline.
    items = classify([block("乡村修新路"), block("晨  曦"), para(16, "乡村修新路致富有奔头")])
    assert [it.role for it in items] == ["head", "byline", "p"]
    assert [items[1].text[m.start : m.end] for m in items[1].marks] == ["晨  曦"]


def test_a_short_line_before_a_photo_story_is_no_subhead():
    # ... nor is the short line over a photo story (headlines before their texts).
    nodes = segment_page([
        block("冰雪大世界开园了"), para(16, "冰雪大世界开园游客们观赏冰雕"), para(16, "冰雪大世界里游客们观赏冰雕"),
        block("赛冰雕"),
        para(16, "冰雪大世界里选手们在制作冰雕", 4), block("王小明摄"),
        block("高铁开通了"), para(16, "高铁开通旅客出行方便"),
    ])
    assert [heads(a) for a in articles(nodes)] == [["冰雪大世界开园了"], ["赛冰雕"], ["高铁开通了"]]


def test_a_short_block_listing_things_before_a_dateline_is_its_title():
    # A short block of two lines without a sentence end, its only punctuation the list
    # mark "、", right above a dateline: the story's title.
    items = classify([
        para(16, "春风吹绿了江南两岸"), block("外长将访问北岛、东山国、西河", "谷地国、南湖国、高原联邦"),
        block("本报北京1月2日电  外交部发言人宣布外长将访问五国。"),
    ])
    assert [it.role for it in items] == ["p", "head", "lead"]


def test_a_short_line_over_a_photo_caption_is_no_box_label():
    # A short line under a headline, over a photo's caption and credit, titles the photo.
    items = classify([
        block("江南春耕时节农民忙"), block("图片新闻"),
        block("市民们参加元旦健步活动，喜迎新年。"), block("王小明摄"),
    ])
    assert [it.role for it in items] == ["head", "head", "p", "credit"]


def test_a_kicker_with_a_lead_in_dash_stays_with_its_title():
    # A kicker ending in a lead-in dash ("…——") points at the title under it: a headline
    # run between two texts is never cut there, however well each line matches a text.
    nodes = segment_page([
        para(16, "春耕时节农民忙着播种施肥"), para(16, "农机进田头农民说今年春耕机械化程度高"),
        block("面对劳力不足等问题，各地春耕探新路——"), block("农机开进田头"),
        para(16, "高铁开通旅客出行方便快捷"), para(16, "旅客称赞高铁服务周到"),
    ])
    assert [heads(a) for a in articles(nodes)] == [["面对劳力不足等问题，各地春耕探新路——", "农机开进田头"], []]


def test_a_credit_line_over_a_title_is_no_kicker():
    # A credit line ("本版制图：某某") right above a headline line is no headline line.
    credit = block("本版制图：张小伟")
    title = Block((Piece(credit.last_line + 1, "江南春耕时节农民忙"),))  # the next line, no blank between
    items = classify([para(16, "春风吹绿了江南两岸"), credit, title])
    assert [it.role for it in items] == ["p", "p", "head"]


def test_a_short_block_closed_by_a_column_tag_is_a_title_commas_or_not():
    # A block of a line or two closed by a column tag ("…（万花筒）") titles, even with a
    # comma or an exclamation mark before the tag; a name and its post ("…张三（志愿者）") does not.
    items = classify([
        para(16, "春风吹绿了江南两岸"), block("新年到，加油干！（万花筒）"), para(16, "高铁开通方便出行"),
        block("写出来，才有味道王小明（读书会志愿者）"), para(16, "农民忙着播种施肥"),
    ])
    assert [it.role for it in items] == ["p", "head", "p", "p", "p"]


def test_a_very_short_line_right_after_text_labels_a_box():
    # A line of a few characters right after a paragraph, over text that shares none of
    # its words, labels a box ("核心阅读") of the article; one whose words recur titles.
    items = classify([
        para(16, "春风吹绿了江南两岸"), block("要点速览"), para(16, "农民忙着播种施肥"),
        block("开秧门"), para(16, "开秧门啰农民下田插秧"),
    ])
    assert [it.role for it in items] == ["p", "label", "p", "head", "p"]


def test_a_column_label_over_signed_items_makes_one_article():
    # A short column label over items that each have a headline and a text signed by a
    # bracketed name is one article (a column of briefs), titled by the label.
    nodes = segment_page([
        block("高铁开通了"), para(16, "高铁开通旅客出行方便快捷"),
        block("新闻速递"), block("科技馆基金会颁奖典礼举行"),
        block("本报电  科技馆基金会颁奖典礼日前在北京举行，共有百人获表彰。"), block("（王小明）"),
        block("新型手机日前发布上市"),
        block("本报电  一家企业日前发布新型手机，主打视频拍摄功能。"), block("（李大伟）"),
    ])
    assert [heads(a) for a in articles(nodes)] == [["高铁开通了"], ["新闻速递"]]
    # each item a section under its headline, its dateline and signature in place
    sections = [c for c in articles(nodes)[1].children if c.kind == "section"]
    assert [heads(s) for s in sections] == [["科技馆基金会颁奖典礼举行"], ["新型手机日前发布上市"]]
    assert [[c.kind for c in s.children] for s in sections] == [["head", "p", "p"]] * 2
    assert sections[0].children[2].block.text == "（王小明）"


def test_a_column_label_under_signed_items_makes_one_article():
    # ... and so is a label left alone under the items (headlines after their texts).
    nodes = segment_page([
        block("高铁开通了"), para(16, "高铁开通旅客出行方便快捷"),
        block("科技馆基金会颁奖典礼举行"),
        block("本报电  科技馆基金会颁奖典礼日前在北京举行，共有百人获表彰。"), block("（王小明）"),
        block("新型手机日前发布上市"),
        block("本报电  一家企业日前发布新型手机，主打视频拍摄功能。"), block("（李大伟）"),
        block("新闻速递"),
    ])
    assert [heads(a) for a in articles(nodes)] == [["高铁开通了"], ["新闻速递"]]


def test_a_column_label_under_signed_items_wins_over_a_page_label_above_them():
    # A short label at the page's top, signed items, then a column label under them and no
    # items of its own: the label under the items is theirs, the top one labels the page.
    items = [block("科技馆基金会颁奖典礼举行"),
             block("本报电  科技馆基金会颁奖典礼日前在北京举行，共有百人获表彰。"), block("（王小明）"),
             block("新型手机日前发布上市"),
             block("本报电  一家企业日前发布新型手机，主打视频拍摄功能。"), block("（李大伟）")]
    nodes = segment_page([block("文化广场"), *items, block("新闻速递"), block("高铁开通了"),
                          para(16, "高铁开通旅客出行方便快捷")])
    assert nodes[0].kind == "fw" and nodes[0].block.text == "文化广场"
    assert [heads(a) for a in articles(nodes)] == [["新闻速递"], ["高铁开通了"]]
    # ... but a label over items of its own under them labels those: the top one is the first's
    more = [block("旧城改造要更加细致"), block("提案人：某某协会"), block("案由：老旧社区空间虽小，但人口密度大。"),
            block("（张小文整理）"), block("家庭医生服务要更惠民"), block("提案人：某某委员"),
            block("案由：家庭医生签约服务是一项惠民工程。"), block("（张小文整理）")]
    nodes = segment_page([block("财经短波"), *items, block("提案提要"), *more])
    assert [heads(a) for a in articles(nodes)] == [["财经短波"], ["提案提要"]]


def test_the_last_item_over_a_column_label_may_end_in_a_jump_note():
    # Under two signed items, a third item continued on another page ends in its jump
    # note, not a signature: still an item of the column labelled under them ...
    def page(*last):
        return segment_page([
            block("高铁开通了"), para(16, "高铁开通旅客出行方便快捷"),
            block("科技馆基金会颁奖典礼举行"),
            block("本报电  科技馆基金会颁奖典礼日前在北京举行，共有百人获表彰。"), block("（王小明）"),
            block("新型手机日前发布上市"),
            block("本报电  一家企业日前发布新型手机，主打视频拍摄功能。"), block("（李大伟）"), *last,
            block("新闻速递"),
        ])
    last = (block("新型材料可提升细胞存活率"), para(16, "研究人员开发出一种新型材料"), block("（下转12版）"))
    assert [heads(a) for a in articles(page(*last))] == [["高铁开通了"], ["新闻速递"]]
    # ... but one signed item and a text ending in a jump note are no column
    nodes = segment_page([
        block("高铁开通了"), para(16, "高铁开通旅客出行方便快捷"),
        block("新型手机日前发布上市"),
        block("本报电  一家企业日前发布新型手机，主打视频拍摄功能。"), block("（李大伟）"),
        block("城市慢行系统建成"), para(16, "城市建设慢行系统方便骑行"), block("（下转12版）"), block("漫画天地"),
    ])
    assert [heads(a) for a in articles(nodes)] == [["高铁开通了"], ["新型手机日前发布上市"], ["城市慢行系统建成"],
                                                   ["漫画天地"]]


def test_a_short_line_under_a_byline_labels_a_box():
    # A short line under a headline's byline, over text that shares none of its words,
    # labels a box ("核心阅读") of the article, as it does right under the headline.
    items = classify([
        block("江南春耕时节农民忙"), block("本报记者  王小明"), block("要点速览"),
        para(16, "春风吹绿了江南两岸"),
    ])
    assert [it.role for it in items] == ["head", "byline", "label", "p"]


def test_a_photo_alone_under_its_title_keeps_it():
    # A titled photo (caption and credit, no text) stays under its title, even when its
    # caption matches the text of the story next to it better.
    page = [
        block("高铁开通了"), para(16, "高铁开通旅客出行方便"), para(16, "高铁开通沿线旅游兴旺"),
        block("图片新闻"),
        block("高铁开通沿线旅游兴旺，旅客出行方便。"), block("王小明摄"),
        block("（下转第4版）"),
        block("猕猴桃丰收了"), block("本报西安1月2日电  猕猴桃丰收，果农笑开颜。"), para(16, "猕猴桃甜里透酸口感好"),
    ]
    arts = articles(segment_page(page))
    assert [heads(a) for a in arts] == [["高铁开通了"], ["图片新闻"], ["猕猴桃丰收了"]]
    assert [c.kind for c in arts[1].children if c.kind != "head"] == ["figure", "jump"]
    # (and a title over a photo alone is never taken for a subhead of the text above)
    runs = _body_runs(_figures(classify(page)))
    assert [run.kind for run in runs][2:4] == ["heads", "body"] and not _may_be_subhead(runs, 2)


def test_a_kicker_wrapped_over_two_lines_above_a_tagged_title():
    # Three headline lines, only the last closed by a column tag: the tag closes the main
    # title, so the two lines above it are a kicker wrapped over them.
    nodes = segment_page([
        block("江南某县农业技术推广站"), block("站长接受本报专访"), block("春耕备耕正当时（经济聚焦）"),
        para(16, "江南春耕农民忙着播种"), para(16, "江南春耕时节田野里"),
    ])
    (art,) = articles(nodes)
    assert [c.attrs["type"] for c in art.children if c.kind == "head"] == ["kicker", "kicker", "main"]


def test_a_label_in_lenticular_brackets_marks_a_box_not_a_title():
    # "【某某看点】" alone over text, right under a title closed by its column tag: a box's
    # label, not the title of the text under it.
    items = classify([para(16, "春风吹绿了江南两岸"), block("让春耕更加高效有力（三农谈）"),
                      block("【农技看点】"), para(16, "农民忙着播种施肥")])
    assert [it.role for it in items] == ["p", "head", "label", "p"]


def test_a_label_short_line_under_a_kicker_and_title_is_no_title():
    # Three headline lines without a tag: the last is the title of a wrapped kicker, unless
    # it is as short as a box label ("编者的话"): then the kicker and the title come first.
    from archive.segment import _head_types

    group = classify([block("某月份制造业采购经理指数显示"), block("经济运行稳中向好"), block("编辑的话")])
    assert _head_types(group) == ["kicker", "main", "sub"]
    group = classify([block("某月份制造业采购经理指数显示"), block("经济运行稳中向好"), block("企业订单增长")])
    assert _head_types(group) == ["kicker", "kicker", "main"]


def test_a_short_block_with_commas_over_a_subtitle_is_its_title_a_blank_between():
    # A subtitle's dash line follows its title, even across a blank line: a short block
    # with commas and no sentence end right above one is that title.
    items = classify([
        para(16, "春风吹绿了江南两岸"), block("牢记嘱托，建设美丽乡村"),
        block("——某县干部群众学习贯彻会议精神"), para(16, "农民忙着播种施肥"),
    ])
    assert [it.role for it in items] == ["p", "head", "sub", "p"]


def test_a_kicker_ending_in_a_verb_of_saying_keeps_its_title():
    # "…强调" points at the title under it: the headline run is not cut there, and that
    # title holds no punctuation, so it is one however long.
    items = classify([
        para(16, "春风吹绿了江南两岸"), block("某部门召开春耕工作座谈会强调"),
        block("做好春耕准备 保障农资供应 推动乡村产业发展稳中有进 为实现全年粮食丰收打好基础"),
        para(16, "农民忙着播种施肥"),
    ])
    assert [it.role for it in items] == ["p", "head", "head", "p"]
    assert not _may_cut(items, 2)


def test_a_title_closed_by_its_column_tag_ends_its_headline_group():
    # A column tag closes a title: the headline line after it opens the next article's
    # headline group (headlines after the text above, before the text below).
    # (the label over the page, "创业周刊", is left alone)
    nodes = segment_page([
        block("创业周刊"), para(16, "企业家说创业需要好环境"), para(16, "企业家说创业离不开支持"),
        block("为企业家营造好环境（声音）"), block("某地干部群众热议春耕——"), block("江南春耕正当时"),
        para(16, "农民们忙着播种施肥"), para(16, "田野里一派繁忙景象"),
    ])
    assert [heads(a) for a in articles(nodes)] == [
        ["为企业家营造好环境（声音）"], ["某地干部群众热议春耕——", "江南春耕正当时"]]


def test_a_short_block_with_commas_over_a_title_and_byline_is_its_kicker_a_blank_between():
    # A kicker with commas, a blank line, then a title and its byline: a whole headline
    # group after the text above, not a paragraph of it.
    items = classify([
        para(16, "春风吹绿了江南两岸"), block("某县借助公益组织，帮助重新就业"), block("架起连心桥 铺开新生路"),
        block("□本报记者  王小明"), para(16, "农民忙着播种施肥"),
    ])
    assert [it.role for it in items] == ["p", "head", "head", "byline", "p"]


def test_a_photo_under_a_title_of_its_own_between_headline_groups():
    # "图片报道" over a photo, then the next article's kicker and title: the photo keeps
    # its title, the next group keeps its text.
    nodes = segment_page([
        block("高铁开通了"), para(16, "高铁开通旅客出行方便"), para(16, "高铁开通沿线旅游兴旺"),
        block("图片报道"), block("某地迎来首场降雪。图为几名游客走在雪地里。"), block("新华社发"),
        block("某市改进社区服务"), block("环节精简 办事提速"),
        block("本报某市1月1日电  社区服务环节精简，办事提速。"), para(16, "社区服务环节精简办事提速"),
    ])
    arts = articles(nodes)
    assert [heads(a) for a in arts] == [["高铁开通了"], ["图片报道"], ["某市改进社区服务", "环节精简 办事提速"]]
    assert [c.kind for c in arts[1].children if c.kind != "head"] == ["figure"]


def test_a_long_feature_keeps_a_dozen_sections_together():
    # A feature whose dozen sections each open with a subhead is one article: no limit
    # short of that splits it.
    page = [block("凝聚共识 发挥优势"), para(16, "委员们说要发挥优势")]
    for k in range(12):
        page += [block("同心同德" + "一二三四五六七八九十甲乙"[k]), para(16, "委员们说要发挥优势" + str(k)),
                 para(16, "委员们说要凝聚共识" + str(k))]
    (art,) = articles(segment_page(page))
    assert heads(art) == ["凝聚共识 发挥优势"]
    assert sum(1 for c in art.children if c.kind == "section") == 12


def test_a_column_label_over_long_signed_items_makes_one_article():
    # Items of a column of briefs may run over several paragraphs; the column's label
    # at the top of the page is its title, not a label of the page.
    nodes = segment_page([
        block("微阅读"), block("天文学家新发现六颗系外行星"),
        para(14, "天文学家找到了新的行星"), para(14, "行星的质量都比地球大"), para(14, "新技术可以识别行星"),
        block("（据新华社伦敦电 记者张大伟）"),
        block("新型材料可提升细胞存活率"), para(14, "研究人员开发出新型材料"), para(14, "材料在实验中效果良好"),
        block("（据新华社悉尼电 记者陈小宇）"),
    ])
    assert [n.kind for n in nodes] == ["article"]
    assert heads(nodes[0]) == ["微阅读"]
    assert [heads(s) for s in nodes[0].children if s.kind == "section"] == [
        ["天文学家新发现六颗系外行星"], ["新型材料可提升细胞存活率"]]


def test_a_column_label_under_signed_items_leaves_the_headline_above_them_to_its_text():
    # Under a label that follows the items, the first item's headline is one line: the
    # headline line above it belongs to the text before (printed after it).
    nodes = segment_page([
        block("本报北京1月1日电  （记者王小明）文化进万家活动近日在各地举办。"), para(16, "文化进万家活动送戏下乡"),
        block("文化进万家活动在各地举办"),
        block("科技馆基金会颁奖典礼举行"),
        block("本报电  科技馆基金会颁奖典礼日前在北京举行，共有百人获表彰。"), block("（王小明）"),
        block("新型手机日前发布上市"),
        block("本报电  一家企业日前发布新型手机，主打视频拍摄功能。"), block("（李大伟）"),
        block("新闻速递"),
    ])
    assert [heads(a) for a in articles(nodes)] == [["文化进万家活动在各地举办"], ["新闻速递"]]


def test_one_text_between_headlines_above_and_below_is_split_where_their_words_change():
    # A headline above a stretch of text of one column width and a headline below it may
    # be two articles (the first titled from above, the second from below), cut at the
    # paragraph where the text stops matching the headline above and starts matching
    # the one below.
    items = classify([
        block("春耕备耕正当时"), block("新华社北京1月2日电  各地春耕备耕工作全面展开。"),
        para(16, "春耕备耕农民忙着播种"), para(16, "春耕备耕农资供应充足"),
        para(16, "信用政府建设离不开社会资本"), para(16, "信用政府建设提升政府公信力"),
        block("研究信用政府建设的新视角（新书快递）"), block("——某某著作简评"),
    ])
    runs = _body_runs(items)
    assert [r.kind for r in runs] == ["heads", "body", "heads"]
    _, arts = _chunk(runs[0].items + runs[2].items, len(runs[0].items), [runs[1]])
    assert [[h.text for h in a.heads] for a in arts] == [
        ["春耕备耕正当时"], ["研究信用政府建设的新视角（新书快递）", "——某某著作简评"]]
    assert [it.text[:4] for it in arts[1].body] == ["信用政府", "信用政府"]


def test_numbered_questions_are_questions():
    items = classify([block("3问：《办法》主要调整了哪些条款？"), block("答：主要修订了三个方面。")])
    assert items[0].role == "q"


def test_a_short_line_under_headlines_over_a_photo_story_is_its_title_not_a_box_label():
    # A short line right under a headline group labels a box of text, unless a photo's
    # credit or photographer's byline closes the text under it: then it titles that photo.
    items = classify([
        para(16, "条例修订意义重大"), block("新时代机关党建的制度保证"), block("——某部门负责人答记者问"),
        block("图片报道"), para(16, "两县公共服务联动推进"), block("曹  一图  于  石文"),
    ])
    assert [it.role for it in items][3] == "head"


def test_a_headline_line_after_a_subtitle_starts_another_group():
    # A subtitle closes its headline group: a headline line after it is the next group's,
    # whatever its words.
    page = [
        para(16, "条例修订意义重大条例修订"),
        block("新时代机关党建的制度保证"), block("——某部门负责人就条例修订答记者问"),
        block("图片报道"), para(16, "两县公共服务联动推进"), block("曹  一图  于  石文"),
        block("本报厦门1月5日电  厦门马拉松赛鸣枪开跑。"), para(16, "马拉松赛吸引选手参赛"),
    ]
    arts = articles(segment_page(page))
    assert [heads(a) for a in arts][:2] == [["新时代机关党建的制度保证", "——某部门负责人就条例修订答记者问"],
                                            ["图片报道"]]


def test_a_short_dash_line_ending_in_a_name_under_a_text_signs_it():
    items = classify([para(16, "镇里建立了转型升级专项资金"), block("——某镇镇长王小明"),
                      block("某市探索利用闲置仓库新路子"), block("旧仓库改书屋一举多得"),
                      para(16, "仓库空置多年没人管")])
    assert items[1].role == "p"


def test_a_short_label_at_the_top_of_the_page_over_a_story_not_about_it_is_furniture():
    # "国际" over a story whose lead does not name it labels the page, even when a later
    # story on the page does ("国际河流协会").
    nodes = segment_page([
        block("国际"), block("本报南京1月5日电  苏州市发布招商引资新政，吸引外资。"), para(16, "苏州招商引资新政出台"),
        block("物价问题仍让甲国头疼"), para(16, "国际河流协会公布最新数据"),
    ])
    assert nodes[0].kind == "fw" and nodes[0].block.text == "国际"


def test_a_two_character_line_at_the_top_of_the_page_is_its_label_whatever_the_text_says():
    # No title is two characters long: "经济" on top labels the page even over a story that
    # uses the word; a short line over a box's label ("图片报道") labels the page too.
    nodes = segment_page([
        block("经济"), block("本报南京1月5日电  苏州市经济运行平稳，吸引外资增长。"), para(16, "苏州招商引资新政出台"),
        block("苏州外资增长"),
    ])
    assert nodes[0].kind == "fw" and nodes[0].block.text == "经济"
    assert [heads(a) for a in articles(nodes)] == [["苏州外资增长"]]
    nodes = segment_page([
        block("综合新闻"), block("图片报道"), block("1月1日，孩子们参加新年游行活动，欢庆新年。"),
        block("（下转08版）"), block("热乎乎的新年"), para(16, "老街开启新年首场庙会游客很多"),
        block("新华社记者 张三摄"),
    ])
    assert nodes[0].kind == "fw" and nodes[0].block.text == "综合新闻"


def test_a_headline_line_echoing_only_the_text_above_it_is_less_likely_a_subhead():
    # A subhead announces the text under it; a line between two texts whose words recur
    # only in the text above rather closes that text (its headline, printed after it).
    def score(line):
        runs = _body_runs(classify([
            para(16, "老松树枝繁叶茂当地群众很自豪"), para(16, "松树湾里访松树记者感慨万千"), block(line),
            para(16, "无人仓库高效当地群众很惊叹"), para(16, "智能物流惊人记者感慨万千"),
        ]))
        assert [r.kind for r in runs] == ["body", "heads", "body"]
        return _subhead_score(runs, 1)

    assert score("松树湾访松") < score("无人仓库智能物流")


def test_a_headline_line_after_a_closing_dateline_is_no_subhead():
    # "（本报莫斯科电）" closes its article: the headline line after it opens (or closes)
    # another one, never a section of the first.
    runs = _body_runs(classify([
        para(16, "江南水乡主题摄影展开幕"), block("（本报莫斯科电）"), block("农村宅基地确权登记试点推向全国"),
        para(16, "宅基地确权登记试点"),
    ]))
    assert [r.kind for r in runs] == ["body", "heads", "body"] and runs[0].items[-1].role == "tail"
    assert not _may_be_subhead(runs, 1)


def test_a_kicker_with_commas_and_a_lead_in_dash_set_apart_is_no_subhead():
    # "…，某医院专家张三——" set apart by a blank line, over a title: a kicker pointing at
    # its title, never a subhead; a text's line trailing into a dash with no blank line
    # before it may still be one.
    runs = _body_runs(classify([
        para(16, "村支书扎实干事村民信任他"), block("提出治疗新方法，某医院专家张三——"),
        block("探索未知的路上永无止境", gap=False), para(16, "张三的办公室里摆满了医学书刊"),
    ]))
    assert [r.kind for r in runs] == ["body", "heads", "body"]
    assert not _may_be_subhead(runs, 1)
    runs[1].items[0].gap = 0
    assert _may_be_subhead(runs, 1)


def test_a_note_in_nested_brackets_over_a_headline_is_no_headline():
    items = classify([
        para(16, "城乡建设新面貌"), *tight("（作者分别为某研究中心（某大学）主任、副主任）", "雪夜有人守"),
        para(16, "古城白雪皑皑环卫工人连夜清扫"),
    ])
    assert items[1].role == "p"


def test_a_title_over_a_short_photo_story_is_no_subhead():
    # A line over one or two paragraphs closed by a photo's credit titles that photo story.
    runs = _body_runs(_figures(classify([
        para(16, "城乡建设新面貌"), block("雪夜有人守"), block("某日，某地古城白雪皑皑。"),
        para(16, "环卫工人连夜清扫道路积雪", lines=5), block("王小明摄（新华社发）"),
        block("守护工钱彰显社会温度（百姓时评）"),
        para(16, "农民工拿到辛苦钱"),
    ])))
    assert [r.kind for r in runs][:3] == ["body", "heads", "body"]
    assert not _may_be_subhead(runs, 1)


def test_a_captioned_photo_between_headline_groups_takes_the_title_after_it():
    # A photo with its caption between two headline groups is a story of its own: on a page
    # whose headlines follow their texts, the title printed under it ("图片报道") is its own.
    nodes = segment_page([
        para(16, "各地干部群众热议新年致辞"), block("某市市长的新年致辞引发热烈反响——"), block("同心协力向前行"),
        block("某日，游客在某地观赏冰雕。"), block("新华社记者 王小明摄"), block("图片报道"),
        block("本报武汉1月1日电  某内河港货物吞吐量创新高。"), para(16, "某内河港货物吞吐量创新高"),
        block("某内河港年货物吞吐量创新高"),
    ])
    arts = articles(nodes)
    assert [heads(a) for a in arts] == [
        ["某市市长的新年致辞引发热烈反响——", "同心协力向前行"], ["图片报道"], ["某内河港年货物吞吐量创新高"]]
    assert [c.kind for c in arts[1].children if c.kind != "head"] == ["figure"]


def test_the_title_of_a_document_the_text_above_names_is_a_subhead():
    # "…印发了《某某条例》…全文如下" over "某某条例" and its chapters: one article, the
    # document's own title a subhead, whatever its closing bracket ("（试行）").
    nodes = segment_page([
        block("中共中央印发《某某组织工作条例（试行）》"),
        block("新华社北京1月5日电  近日，中共中央印发了《某某组织工作条例（试行）》。"),
        para(16, "通知要求各级党委认真贯彻执行"), block("《条例》全文如下。"),
        block("某某组织工作条例（试行）"), para(16, "第一条为了贯彻落实制定本条例"),
        block("第二章  组织设置"), para(16, "第四条党员人数一百人以上的设立党委"),
    ])
    (art,) = articles(nodes)
    assert [heads(s) for s in art.children if s.kind == "section"] == [["某某组织工作条例（试行）"],
                                                                       ["第二章  组织设置"]]


def test_chapter_headings_one_after_another_are_a_table_of_contents():
    items = classify([
        para(16, "森林法已由全国人大常委会通过"), block("目 录"), block("第一章 总 则"), block("第二章 森林权属"),
        block("第三章 发展规划"), block("第一章 总 则"), para(16, "第一条为了保护培育和合理利用森林资源"),
    ])
    assert [it.role for it in items] == ["p", "p", "p", "p", "p", "head", "p"]


def test_three_headline_lines_without_a_dash_are_a_wrapped_kicker_and_the_title():
    nodes = segment_page([
        block("某省某县选派46名返乡青年"), block("当山区村“致富能手”"), block("致富，他们拿出青年这股劲"),
        block("本报记者  刘大国"), para(16, "返乡青年当上致富能手带领村民致富"),
    ])
    (art,) = articles(nodes)
    assert [c.attrs["type"] for c in art.children if c.kind == "head"] == ["kicker", "kicker", "main"]


def test_a_short_line_naming_who_speaks_over_a_title_is_its_kicker():
    nodes = segment_page([
        *tight("汤姆·怀特：", "甲国是推进全世界减排目标最大贡献者"),
        block("本报北京3月24日电  汤姆·怀特表示，甲国是推进全世界减排目标的最大贡献者。"),
        para(16, "甲国减排经验值得借鉴"),
    ])
    (art,) = articles(nodes)
    assert [(c.attrs["type"], c.block.text) for c in art.children if c.kind == "head"] == [
        ("kicker", "汤姆·怀特："), ("main", "甲国是推进全世界减排目标最大贡献者")]


def test_a_column_label_over_listed_items_makes_one_article():
    # Items that each give a title, its subtitle and lines marked "●" (when, where), then
    # text, under one short label ("艺荐"), are one column: one article, an item a section.
    nodes = segment_page([
        block("艺荐"),
        block("问道求新"), block("——某某艺术研究展"),
        block("●主办：某美术家协会"), block("●时间：5月12日至6月18日"),
        para(16, "展览汇聚某某创作的水墨画"),
        block("清新淡雅 雄浑厚重"), block("——某博物院藏书画特展"), block("●主办：某历史博物馆"),
        block("●地点：某历史博物馆"), para(16, "王大山和李小川的山水画"),
        block("城市杯八强对阵出炉"), block("新华社巴黎4月21日电  城市杯八强抽签仪式21日举行。"),
        para(16, "城市杯八强抽签"),
    ])
    arts = articles(nodes)
    assert [heads(a) for a in arts] == [["艺荐"], ["城市杯八强对阵出炉"]]
    assert [heads(s) for s in arts[0].children if s.kind == "section"] == [["问道求新"], ["清新淡雅 雄浑厚重"]]


def test_a_box_tagged_as_a_link_or_a_reporters_note_may_be_a_subhead():
    # "…（百姓时评）" closes an article's title; "…（记者手记）" or "…（链接）" titles a box
    # inside an article, so it may be a subhead.
    def runs_of(line):
        return _body_runs(classify([para(16, "刑满释放人员安置就业"), block(line), para(16, "给予刑满释放人员关爱")]))
    assert _may_be_subhead(runs_of("用心陪伴 帮助回归（记者手记）"), 1)
    assert _may_be_subhead(runs_of("社区开放日（链接）"), 1)
    assert not _may_be_subhead(runs_of("用心陪伴 帮助回归（百姓时评）"), 1)


def test_an_editors_note_introduces_a_package_whose_bylined_sections_follow():
    # "……——编者" closes the introduction of a package: the bylined headline groups after it
    # (no dateline opening their texts) are its sections, up to an article that is not one.
    nodes = segment_page([
        block("多项政策为发展添动力（民生眼）"), para(16, "会议强调持续实施积极的就业政策"), block("——编 者"),
        block("稳岗扩容——"), block("就业政策连环招见实效"), block("本报记者  曲小涵"), para(16, "岗位补贴发放及时"),
        block("培训政策扩规模提质量"), block("本报记者  吴小余"), para(16, "灵活的培训政策覆盖广泛"),
        block("某国总统将访华"), block("新华社北京1月2日电  外交部发言人宣布某国总统将访华。"),
        para(16, "两国关系发展良好"),
    ])
    arts = articles(nodes)
    assert [heads(a) for a in arts] == [["多项政策为发展添动力（民生眼）"], ["某国总统将访华"]]
    assert [heads(s) for s in arts[0].children if s.kind == "section"] == [
        ["稳岗扩容——"], ["就业政策连环招见实效"], ["培训政策扩规模提质量"]]
    assert "本报记者  曲小涵" in [c.block.text for s in arts[0].children if s.kind == "section" for c in s.children]


def test_a_tagged_title_over_a_sections_headline_and_byline_opens_a_package():
    # A title closed by its column tag in one headline group with another title line and a
    # byline under it: the tagged one is the package's title, the groups with bylines its
    # sections (the first one's group included).
    items = classify([
        block("讲述亲身经历  见证发展历程（远方来客谈发展）"), block("发展成就鼓舞着许多国家的人们"),
        block("（某国）罗大明"), para(16, "我多次来到这里看到了巨大的变化"), block("（作者为某国前部长）"),
        block("经济的发展为科研注入活力"), block("（另一国）罗小明"), para(16, "每次来访我都发现新的变化"),
    ])
    assert [it.role for it in items[:3]] == ["head", "head", "byline"]
    arts = _packages([Article(heads=items[:3], body=items[3:5]), Article(heads=items[5:7], body=items[7:])])
    assert len(arts) == 1 and arts[0].heads == items[:1]
    assert [it.text for it in arts[0].body if it.role == "head"] == [
        "发展成就鼓舞着许多国家的人们", "经济的发展为科研注入活力"]
    # (a jump note in brackets among the lines above a tagged title opens no package)
    items = classify([
        block("融入文化元素，小镇卖风景（下转第14版）"), block("一棵果树的生意经（新产业新业态）"),
        block("□本报记者  王小健"), para(16, "桃园里游客越来越多了"),
        block("经济的发展为科研注入活力"), block("（另一国）罗小明"), para(16, "每次来访我都发现新的变化"),
    ])
    assert len(_packages([Article(heads=items[:3], body=items[3:4]), Article(heads=items[4:6], body=items[6:])])) == 2


def test_a_story_opened_by_its_dateline_and_one_closed_by_its_own_are_two_reports():
    # The text above a headline line opens with a dateline, the text under it closes with
    # a dateline of its own: two reports, so the line is the second one's title, no subhead.
    nodes = segment_page([
        block("西港新区探路绿色发展"), block("本报西港1月5日电  （记者张小明）西港新区全面推广绿色供热技术。"),
        para(16, "新区致力建设绿色城市推广绿色供热技术"),
        block("东港加大环境保护力度"), para(16, "东港在环境保护领域推广绿色供热技术"),
        para(16, "东港推广绿色出行改善空气质量"), block("（本报东港1月2日电）"),
    ])
    assert [heads(a) for a in articles(nodes)] == [["西港新区探路绿色发展"], ["东港加大环境保护力度"]]


def test_a_line_right_under_a_storys_dateline_text_titles_the_next_story():
    # A news story opened by its dateline seldom has subheads: a headline line right under
    # its text, over a text about as close to it, titles the next story; under a feature's
    # text that opens with no dateline, the same line is a subhead.
    def page(opening):
        return segment_page([
            block("西港开展冬季冰雪活动"), opening, para(16, "冬季冰雪活动吸引市民参加体验冰雪运动"),
            block("东港冰雪节开幕"), para(16, "东港冰雪节开幕游客体验滑雪和冰灯"),
            para(16, "游客纷纷表示冰灯展览很精彩"),
        ])
    dated = page(block("本报西港1月5日电  （记者张小明）西港冬季冰雪活动日前开幕，市民踊跃参加。"))
    assert [heads(a) for a in articles(dated)] == [["西港开展冬季冰雪活动"], ["东港冰雪节开幕"]]
    feature = page(block("西港冬季冰雪活动日前开幕，市民踊跃参加，冰雪运动成为冬季健身新时尚。"))
    assert [heads(a) for a in articles(feature)] == [["西港开展冬季冰雪活动"]]


def test_photo_agency_and_source_credits():
    from archive.segment import credit_marks

    for text in ("人民视觉", "视觉中国", "本版图片由某某宣传局提供", "（图片由受访者提供）"):
        assert credit_marks(text) == (), text
    assert credit_marks("视觉艺术的魅力") is None
    items = classify([para(16, "渔民们开始春季捕捞大小渔船相继出港"), block("人民视觉"),
                      block("高铁开通了"), para(16, "高铁开通旅客出行方便")])
    assert [it.role for it in items] == ["p", "credit", "head", "p"]


def test_a_text_signed_in_brackets_ends_its_story():
    # A signed brief ("（王小明）") closes its story: the photo story under it is another
    # one, titled by the line after it, not the tail of the brief.
    nodes = segment_page([
        block("山村来了新老师"), block("本报电  山村来了新老师孩子们很高兴，山村学校开学了。"),
        para(16, "山村学校的孩子们迎来了新老师"), block("（王小明）"),
        para(16, "读者在新华书店内选购图书书店里人头攒动", 2), para(16, "为迎接世界读书日书店举办了图书展销"),
        block("李 华摄"), block("图片报道"),
        para(12, "走过许多城市总有几条老街令人难忘的"), para(12, "在江南小镇有条僻静的小巷静立着"),
        para(14, "老街不仅是历史的缩影与见证啊"), block("（下转第二版）"), block("留住老街的记忆"),
    ])
    arts = articles(nodes)
    assert [heads(a) for a in arts] == [["山村来了新老师"], ["图片报道"], ["留住老街的记忆"]]
    assert arts[0].children[-1].block.text == "（王小明）"
    assert any(c.kind == "figure" for c in arts[1].children)


def test_a_photo_story_between_texts_keeps_the_title_above_it():
    # Two photo stories, each under its title, the second's credit "某某摄影报道" followed by
    # the text of an essay whose title comes after it: each title keeps its own story.
    nodes = segment_page([
        block("要闻"), block("水美鱼肥"), para(16, "合作社发展生态养鱼鱼儿肥美深受人青睐", 4), block("人民视觉"),
        block("图片报道"), para(16, "渔民们开始春季捕捞大小渔船相继出港", 4), block("王小明 李 华摄影报道"),
        para(12, "城南有山山者南屏山也"), para(14, "南屏山处县城的西南属丘陵山地"),
        para(14, "南屏山有大小山峰等七十二座山头"), block("南屏山记"), block("张  三"),
    ])
    arts = articles(nodes)
    assert [heads(a) for a in arts] == [["水美鱼肥"], ["图片报道"], ["南屏山记"]]
    assert [sum(c.kind == "figure" for c in a.children) for a in arts] == [1, 1, 0]


def test_a_captioned_photo_closing_a_short_story_stays_with_its_title():
    # "窗花开" over a short text and a captioned photo: the photo is that story's, even
    # when its caption shares words with another article's text.
    nodes = segment_page([
        block("窗花开"), para(16, "贴窗花是传统的春节民俗之一窗花开"),
        block("1月1日，市民在景区体验剪纸，县里举办活动。"), block("王小明摄"),
        block("县域医疗下好一盘棋"), para(12, "县里建设医共体市民看病方便了景区"),
        para(12, "县里举办活动体验医共体服务市民"),
    ])
    arts = articles(nodes)
    assert [heads(a) for a in arts] == [["窗花开"], ["县域医疗下好一盘棋"]]
    assert any(c.kind == "figure" for c in arts[0].children)


def test_a_short_line_over_a_photo_at_the_top_of_the_page_titles_it():
    # "图片报道" over a caption and its credit opens the page: the photo's title, not a
    # page label, even though the caption shares none of its words.
    nodes = segment_page([
        block("图片报道"), block("1月5日，某地迎来今冬首场雪。图为几名游客走在雪地里。"), block("新华社发"),
        block("各界人士热议新年致辞——"), block("携手同行共发展"),
        para(16, "各界人士表示愿同各方携手同行共发展"),
    ])
    assert not [n for n in nodes if n.kind == "fw"]
    assert [heads(a) for a in articles(nodes)] == [["图片报道"], ["各界人士热议新年致辞——", "携手同行共发展"]]


def test_a_short_line_over_a_cartoon_with_its_verse_at_the_top_of_the_page_titles_it():
    # ... and so over a cartoon whose caption goes on in a verse of short lines before the
    # credit: the verse's couplets count for no more caption.
    nodes = segment_page([
        block("图片报道"), block("有的学校错峰放学，按年级设置等候区；有的学校请家长一起维护秩序，让孩子们更安全。"),
        block("这正是："), block("错峰放学，", "人人安心。"), block("家校携手，", "平安出行。"),
        block("张三图  李四文"),
        block("治理欠薪要有长效机制（时评）"), para(16, "治理欠薪要有长效机制才能让农民工安心"),
    ])
    assert not [n for n in nodes if n.kind == "fw"]
    assert [heads(a) for a in articles(nodes)] == [["图片报道"], ["治理欠薪要有长效机制（时评）"]]


def test_a_titled_cartoon_over_a_text_titled_under_it_stands_alone():
    # A short line over a cartoon (caption, verse, credit), then a text whose headline comes
    # after it: the photo with its caption ends a photo story between the two texts, and
    # it stands alone under its title (no soft piece merged into the text under it).
    nodes = segment_page([
        block("图片报道"), block("三地政务服务一网通办，群众办事更方便了，减少了材料。"),
        block("这正是："), block("一网通三地，", "办事更顺心。", gap=False), block("张三图  李四文", gap=False),
        para(16, "智慧城市建设能够破解城市发展难题"), para(16, "新技术给城市生活带来了新体验"),
        block("智慧城市建设带来新体验"),
    ])
    arts = articles(nodes)
    assert [heads(a) for a in arts] == [["图片报道"], ["智慧城市建设带来新体验"]]
    assert any(c.kind == "figure" for c in arts[0].children)


def test_a_short_line_under_a_photos_caption_names_its_column_and_credits_it():
    # "…图为…" then a very short line: the photo's column ("光影天地"), a credit, when the
    # photo's title follows it (headlines after their bodies) or stands over the caption.
    caption = "腊八节来临之际，幼儿园的孩子们和外国友人一起熬制腊八粥。图为孩子们介绍食材。"
    items = classify([para(16, "西部新区建成了再生资源利用企业"), block(caption), block("光影天地"),
                      block("图片报道"), block("某市医保业务掌上办理"), para(16, "某市医保业务掌上办理更方便")])
    assert [it.role for it in items] == ["p", "p", "credit", "head", "head", "p"]
    items = classify([block("图片报道"), block(caption), block("光影天地"), block("代表建议办成了"),
                      block("山村开进了公交车（新视点）", gap=False), para(16, "山村开进了公交车村民出行方便了")])
    assert [it.role for it in items] == ["head", "p", "credit", "head", "head", "p"]
    # ... but a short line under a caption alone, over the next headline, is the photo's title
    items = classify([para(16, "西部新区建成了再生资源利用企业"), block(caption), block("喜上枝头"),
                      block("某市医保业务掌上办理"), para(16, "某市医保业务掌上办理更方便")])
    assert [it.role for it in items][2] == "head"


def test_a_page_label_over_a_photo_titled_under_its_credit():
    # ... but when a short line under the credit titles the photo, the line on top is the
    # page's label.
    nodes = segment_page([
        block("要闻"), block("近日，志愿者们进村走访，了解农户种植采摘的蘑菇的销售情况。"), block("张三摄"),
        block("支招"), block("老兵的故事"), para(16, "老兵访谈节目讲述故事我把它当作短篇来读"),
    ])
    assert [n.block.text for n in nodes if n.kind == "fw"] == ["要闻"]
    assert heads(articles(nodes)[0]) == ["支招"]


def test_a_bracketed_dateline_closes_its_story():
    # "（本报西港1月1日电）" under a text closes it, as a signature does: a dateline at
    # the article's end, and the line with commas under it opens the next headline group.
    nodes = segment_page([
        block("东城医保业务掌上办理"), block("本报东城1月1日电  记者近日从东城医保局获悉，医保业务可以掌上办理。"),
        para(16, "医保业务掌上办理市民称便"),
        block("甲国开始征收数字税了"), para(12, "甲国开始向大型科技公司征收数字税了"),
        para(12, "一些国家和官员们都支持征收数字税"), block("（本报西港1月1日电）"),
        block("贸易摩擦或将加剧，甲国坚持其原立场"), block("甲国向互联网巨头们开征数字税"),
        para(14, "网络巨头在甲国纳税很少多年来都如此"),
    ])
    arts = articles(nodes)
    assert [heads(a) for a in arts][1:] == [["甲国开始征收数字税了"],
                                            ["贸易摩擦或将加剧，甲国坚持其原立场", "甲国向互联网巨头们开征数字税"]]
    assert [(c.kind, c.block.text) for c in arts[1].children][-1] == ("dateline", "（本报西港1月1日电）")


def test_a_long_text_with_a_few_marked_subheads_is_no_listing():
    # Lines marked "●" that open a long feature's parts are its subheads: the feature and
    # a signed brief under a short page label are no column of listed items.
    feature = [para(16, "江河大保护已四年江河迎来新变化" + str(k)) for k in range(7)]
    nodes = segment_page([
        block("国际"), block("千里江河绿意浓"), block("——写在某某流域发展座谈会召开的四周年之际"),
        *feature[:3], block("●减污，为江河减负"), *feature[3:5], block("●护绿，促生态恢复"), *feature[5:],
        block("某国经济增长显露疲态"), para(12, "某国经济增长显露疲态出口下滑"), block("（本报某地1月5日电）"),
    ])
    arts = articles(nodes)
    assert [heads(a) for a in arts] == [["千里江河绿意浓", "——写在某某流域发展座谈会召开的四周年之际"],
                                        ["某国经济增长显露疲态"]]


def test_a_line_with_commas_opening_the_page_over_a_title_is_its_kicker():
    # A short block with commas but no sentence end, first on the page (or after a jump
    # note), a blank line, then a title: a kicker, not the text's first paragraph.
    nodes = segment_page([
        block("某省某市某某区加强基层", "党建，带动社会治理"), block("列出问题清单  找好资源清单"),
        para(16, "某区梳理社区资源清单和居民需求清单啊"), para(16, "社区资源清单对接居民需求清单"),
    ])
    (art,) = articles(nodes)
    assert heads(art) == ["某省某市某某区加强基层党建，带动社会治理", "列出问题清单  找好资源清单"]
    nodes = segment_page([
        block("江南春耕忙"), para(16, "江南春耕农民忙着播种"), block("（下转第二版）"),
        block("某省某市某某区加强基层", "党建，带动社会治理"), block("列出问题清单  找好资源清单"),
        para(12, "某区梳理社区资源清单和居民需求清单啊"), para(12, "社区资源清单对接居民需求清单"),
    ])
    assert heads(articles(nodes)[1]) == ["某省某市某某区加强基层党建，带动社会治理", "列出问题清单  找好资源清单"]
    # (under a banner opening the page, too)
    banner = block("某市开展系列冰雪活动")
    items = classify([banner, block("随着跨江大桥主体合龙，公路进入路面施工阶段"),
                      block("“甲国将迎来交通发展的新阶段”"), para(16, "公路跨江大桥主体合龙大桥两端会师")],
                     spaced_lines=frozenset({banner.first_line}))
    assert [it.role for it in items] == ["fw", "head", "head", "p"]


def test_a_kicker_may_trail_off_in_an_ellipsis():
    # "…种菜、开直播间、带乡亲……" right over a title is its kicker, not a text's last line.
    items = classify([para(16, "春风吹绿了江南两岸"),
                      *tight("患病的“小张哥”种菜、开直播间、带乡亲……", "她在最艰难的日子坚持向前（追梦进行时）"),
                      para(16, "生病停工她倔强地前行")])
    assert [it.role for it in items] == ["p", "head", "head", "p"]


def test_a_photo_story_after_a_signed_story_takes_the_title_under_it():
    # A story closed by its bracketed dateline, a photo's text and credit, then two title
    # lines: the first titles the photo story, the second the text under it.
    nodes = segment_page([
        block("山村来了新老师"), para(16, "山村学校的孩子们迎来了新老师"), para(16, "新老师给孩子们上了第一课"),
        block("（本报某地4月21日电）"),
        para(16, "清明将至满山茶园青翠茶农忙着采茶", 4), block("王小明摄"),
        *tight("图片报道", "高铁开通方便出行"),
        block("本报北京4月22日电  高铁开通了，旅客出行更方便。"), para(12, "高铁开通旅客称赞服务周到"),
    ])
    arts = articles(nodes)
    assert [heads(a) for a in arts] == [["山村来了新老师"], ["图片报道"], ["高铁开通方便出行"]]


def test_a_short_line_with_commas_right_under_a_title_line_is_headline_too():
    # "文化产业，创意发展" right under "规范管理见成效 科技创新促增长" (no blank line): the
    # title under its kicker, not a paragraph; a long line there is a caption's or text's.
    items = classify([*tight("规范管理见成效 科技创新促增长", "文化产业，创意发展"),
                      para(16, "对于中国文化产业来说依然充满挑战")])
    assert [it.role for it in items] == ["head", "head", "p"]
    items = classify([*tight("小白菜 新希望", "春播伊始，某省某县农民调整种植结构啊"),
                      para(16, "不少人计划春种土豆秋种白菜")])
    assert [it.role for it in items][1] == "p"


def test_a_tagged_title_without_text_over_a_headline_group_opens_a_package():
    # A title closed by its column tag, with no text of its own, right over untagged
    # headline groups each over its text: one article, each group a section.
    nodes = segment_page([
        block("分享亲身感受  见证发展历程（各界人士谈发展成就）"),
        block("发展成就鼓舞着许多国家的人们"), block("（某国）某某某"),
        para(16, "发展成就鼓舞着许多国家的人们我一直关注"), para(16, "中国的经验为我国提供了很好的借鉴"),
        block("（作者为某国前总统）"),
        block("中国经济的发展为科研注入活力"), block("（另一国）某某"),
        para(16, "每次来中国我都能发现令人惊叹的变化科研"), para(16, "中国经济的发展为科研注入了活力"),
    ])
    (art,) = articles(nodes)
    assert heads(art) == ["分享亲身感受  见证发展历程（各界人士谈发展成就）"]
    assert [heads(s)[0] for s in art.children if s.kind == "section"] == [
        "发展成就鼓舞着许多国家的人们", "（某国）某某某", "中国经济的发展为科研注入活力", "（另一国）某某"]


def test_a_title_wrapped_over_two_lines_may_list_things():
    items = classify([para(16, "春风吹绿了江南两岸"), block("推动机关建设始终", "走在前、当表率"),
                      para(16, "近日某某印发新修订的条例")])
    assert [it.role for it in items] == ["p", "head", "p"]


def test_two_lines_with_commas_each_a_block_set_apart_are_a_kicker_and_a_title():
    # Two single lines, each with a comma and no sentence end, right after one another and
    # set apart from what follows: a kicker and its title, not text ...
    items = classify([para(16, "春风吹绿了江南两岸"), block("东城车站提升服务，方便旅客出行"),
                      block("好服务+新科技，出行舒心又便利", gap=False), block("东城某区——"),
                      para(16, "农民忙着播种施肥")])
    assert [it.role for it in items] == ["p", "head", "head", "head", "p"]
    # ... unlike two lines of a text (a sentence ends in them)
    items = classify([para(16, "春风吹绿了江南两岸"), block("4月23日，读书日。这"),
                      block("一天，大家都在读书", gap=False), block("东城某区——"), para(16, "农民忙着播种施肥")])
    assert [it.role for it in items][1:3] == ["p", "p"]


def test_a_short_title_with_a_long_column_tag_may_run_over_three_lines():
    items = classify([para(16, "春风吹绿了江南两岸"),
                      block("“东城夜话”，架起沟通桥梁（守初心 担", "使命·深入开展“不忘初心、牢记使命”",
                            "专题活动·记者观察）"),
                      para(16, "东城夜话架起干部群众沟通的桥梁")])
    assert [it.role for it in items] == ["p", "head", "p"]


def test_a_short_title_with_commas_and_a_long_column_tag_under_a_kicker_may_run_over_four_lines():
    # A kicker's lead-in dash, then a short title holding a comma whose long column tag
    # wraps it over four lines: the title (not text), unless its brackets hold a date.
    def roles(title_lines):
        return [it.role for it in classify([para(16, "春风吹绿了江南两岸"), block("东城某区——"),
                                            block(*title_lines), para(16, "群众烦心事就是要紧事")])]
    title = ("百姓的事，就是大事（守初", "心 担使命 找差距·深", "入开展“某某”“某某”", "主题活动·整改落实）")
    assert roles(title) == ["p", "head", "head", "p"]
    note = ("某某工作条例（试行）（2019", "年11月29日某某会议审议", "批准2019年12月30日某", "某发布）")
    assert roles(note)[2] == "p"


def test_a_long_text_ending_in_a_photo_story_gets_no_photo_story_bonus():
    # A long text titled above it, then a photo's text and credit, then a title alone at
    # the end: the title is the photo story's, not left without text.
    nodes = segment_page([
        block("有实力有底气有决心（名家手笔）"),
        *[para(16, "经济运行总体平稳稳中有进实力底气决心" + str(k)) for k in range(5)],
        para(16, "元旦老街迎来新年首场年货节游客在购买特色美食", 4), block("王小明摄"),
        block("热乎乎的新年"),
    ])
    arts = articles(nodes)
    assert [heads(a) for a in arts] == [["有实力有底气有决心（名家手笔）"], ["热乎乎的新年"]]
    assert any(c.kind == "figure" for c in arts[1].children)


def test_a_short_line_over_a_text_and_its_captioned_photo_is_no_subhead():
    # "美滋滋" over a photo's text, its caption and credit: the title of a photo story,
    # not a subhead of the article above.
    nodes = segment_page([
        block("黄河下游出现大面积流凌"), para(16, "黄河下游出现大面积流凌河道封冻"), para(16, "当地部门加强流凌监测"),
        block("美滋滋"), para(16, "志愿者为老人送上热气腾腾的腊八粥", 4), block("图为老人在品尝腊八粥。"),
        block("杨  敏摄"),
        block("长江禁捕开启新篇章"), para(12, "长江干流和重要支流开始禁捕"),
    ])
    assert [heads(a) for a in articles(nodes)] == [["黄河下游出现大面积流凌"], ["美滋滋"], ["长江禁捕开启新篇章"]]


def test_a_short_line_over_a_caption_telling_what_the_photo_shows_is_no_box_label():
    # A caption says what its photo shows ("图为…"): the short line over it titles the
    # photo, even with no credit under it.
    items = classify([para(16, "春风吹绿了江南两岸"), block("图片新闻"),
                      para(16, "孩子们在公园里放风筝迎接春天到来图为孩子们在放风筝", 2), para(16, "农民忙着播种施肥")])
    assert [it.role for it in items] == ["p", "head", "p", "p"]


def test_a_caption_telling_what_the_photo_shows_under_its_title_is_a_story_of_its_own():
    # A title over a single caption ("图为…") between two texts: a photo story, not a
    # subhead of the text above.
    nodes = segment_page([
        block("江南春耕忙"), para(16, "江南春耕农民忙着播种"), para(16, "江南春耕时节田野里"),
        block("图片新闻"), para(16, "孩子们在公园里放风筝迎接春天到来图为孩子们在放风筝", 2),
        block("高铁开通了"), para(12, "高铁开通旅客出行方便"), para(12, "高铁开通沿线旅游兴旺"),
    ])
    assert [heads(a) for a in articles(nodes)] == [["江南春耕忙"], ["图片新闻"], ["高铁开通了"]]


def test_a_note_on_the_author_closes_a_story():
    # "（作者为…）" under a text ends it, as a signature does: the text after it is another
    # story, titled by the headline after it (not one text under the title above).
    nodes = segment_page([
        block("江南春耕忙（田间观察）"), para(16, "江南春耕农民忙着播种"), para(16, "江南春耕时节田野里"),
        block("（作者为某某大学教授）"),
        para(16, "海关改革让企业省时省力"), para(16, "企业报关手续更简便了"), block("通关新规推向全国"),
        block("冰雪节开幕（动感）"), para(16, "冰雪节游客如织"), para(16, "冰雪节雪雕展吸引游客"),
    ])
    assert [heads(a) for a in articles(nodes)] == [
        ["江南春耕忙（田间观察）"], ["通关新规推向全国"], ["冰雪节开幕（动感）"]]


def test_a_short_line_after_a_text_over_a_cartoon_and_its_credit_is_no_box_label():
    # A drawing's byline ("某某图  某某文") a few blocks on: the short line titles the
    # cartoon and its verses, it labels no box.
    items = classify([para(16, "春风吹绿了江南两岸"), block("漫画新闻"),
                      para(16, "人行道上停满了自行车行人只好走上马路"),
                      block("这正是："), block("规划慢行道，"), block("张小明图  李四文")])
    assert [it.role for it in items] == ["p", "head", "p", "p", "p", "credit"]


def test_a_cartoon_of_four_or_five_blocks_under_its_title_is_no_subhead():
    # A title over a text, its verses and the drawing's credit: a story of its own even on
    # the subject of the text above.
    nodes = segment_page([
        block("城市慢行交通（民生观）"), para(16, "人行道上停满了自行车行人只好走上马路"),
        para(16, "自行车停放乱象行人只好走上马路"), para(16, "人行道上自行车乱停放行人无路可走"),
        block("漫画新闻"), para(16, "人行道上停满了自行车行人只好走上马路"),
        block("这正是："), block("规划慢行道，"), block("行人有专道。"), block("张小明图  李四文"),
    ])
    assert [heads(a) for a in articles(nodes)] == [["城市慢行交通（民生观）"], ["漫画新闻"]]
    # ... and of five (a verse more)
    nodes = segment_page([
        block("城市慢行交通（民生观）"), para(16, "人行道上停满了自行车行人只好走上马路"),
        para(16, "自行车停放乱象行人只好走上马路"), para(16, "人行道上自行车乱停放行人无路可走"),
        block("漫画新闻"), para(16, "人行道上停满了自行车行人只好走上马路"),
        block("这正是："), block("规划慢行道，"), block("行人有专道。"), block("出行更顺畅。"),
        block("张小明图  李四文"),
    ])
    assert [heads(a) for a in articles(nodes)] == [["城市慢行交通（民生观）"], ["漫画新闻"]]


def test_a_decree_inside_an_article_is_text():
    # A decree's number ("第十二号") and the line over it head the order enacting a law
    # inside the law's article; the signature over a date alone closes it: text, not
    # headlines of articles of their own.
    items = classify([block("某某省河道管理条例"), block("某某省人民政府令"), block("第十二号"),
                      para(14, "条例已经省人民政府常务会议通过现予公布"), block("某某省省长张三"),
                      block("2019年12月28日")])
    assert [it.role for it in items] == ["head", "p", "p", "p", "p", "p"]


def test_a_laws_long_revision_history_in_brackets_is_its_subtitle():
    items = classify([block("某某省河道管理条例"),
                      block("——（2001年3月1日某某省第九届人民代表大会", "常务委员会第二十次会议通过  根据2010年",
                            "5月1日某某省第十一届人民代表大会常务委员", "会第十五次会议修正  2019年12月28日某某",
                            "省第十三届人民代表大会常务委员会第十次会", "议修订）"),
                      para(14, "条例已经省人民政府常务会议通过现予公布")])
    assert [it.role for it in items] == ["head", "sub", "p"]


def test_a_short_line_under_a_title_closed_by_its_column_tag_is_a_box_label():
    # A column tag closes a title: the very short line under it labels a box ("编者的话"),
    # even when a word of it recurs in the text below ...
    text = [para(16, "乡村振兴的重大任务在于产业发展", 11), para(16, "这是农民朋友的心里话也是实在的话", 2)]
    items = classify([block("推进乡村振兴的重大任务（乡村观察）"), block("编者的话"), *text])
    assert [it.role for it in items] == ["head", "label", "p", "p"]
    # ... but not a short title whose words the text takes up
    items = classify([block("推进乡村振兴的重大任务（乡村观察）"), block("产业发展"), *text])
    assert [it.role for it in items] == ["head", "head", "p", "p"]


def _sections_then(*after: Block):
    return segment_page([
        block("春到湿地"), block("本报记者  张小明"), para(16, "湿地里的候鸟飞回来了"), para(16, "湿地候鸟在水面觅食"),
        block("山花烂漫"), block("本报记者  李大伟"), para(16, "山上的桃花开满山坡"), para(16, "游客上山赏花拍照"),
        para(12, "春天来了乡村美景吸引游客"), para(12, "春天来了乡村旅游红火"), *after,
        block("高铁开通了"), para(16, "高铁开通旅客出行方便"), para(16, "高铁开通沿线旅游兴旺"),
    ])


def test_sections_under_bylined_headlines_then_a_title_closed_by_its_tag_are_one_package():
    # Sections, each under its title and byline, then a text whose title, closed by its
    # column tag, comes after it: one package whose title the extractor put last.
    arts = articles(_sections_then(block("春天来了乡村美（美丽乡村）")))
    assert [heads(a) for a in arts] == [["春天来了乡村美（美丽乡村）"], ["高铁开通了"]]
    assert [heads(c) for c in arts[0].children if c.kind == "section"] == [["春到湿地"], ["山花烂漫"]]
    # ... not when a name follows the title (its own byline) nor when the tag names a box
    for after in ([block("春天来了乡村美（美丽乡村）"), block("王小二")], [block("春天来了乡村美（链接）")]):
        assert [heads(a)[:1] for a in articles(_sections_then(*after))][:2] == [["春到湿地"], ["山花烂漫"]]


def test_a_package_title_is_a_title_closed_by_its_tag_with_nothing_after_it():
    # The title after the package's last text ends in its column tag: a line after it (a
    # name the byline test missed) makes the group an article's own.
    items = classify([block("春到湿地"), block("本报记者  张小明"), para(16, "湿地里的候鸟飞回来了"),
                      para(12, "春天来了乡村美景吸引游客"), block("春天来了乡村美（美丽乡村）"), block("甫小辉")])
    section = Article(heads=items[:2], body=[items[2]])
    assert len(_closed_packages([section, Article(heads=items[4:5], body=[items[3]])])) == 1
    assert len(_closed_packages([section, Article(heads=items[4:6], body=[items[3]])])) == 2


def test_a_package_title_alone_after_its_last_section_closes_it():
    # ... and so does the title alone after the last section (that section's text ends
    # the package, continued on another page): one package, the title its head.
    items = classify([block("春到湿地"), block("本报记者  张小明"), para(16, "湿地里的候鸟飞回来了"),
                      block("山花烂漫"), block("本报记者  李大伟"), para(16, "山坡上的花儿开了"),
                      block("春天来了乡村美（美丽乡村）")])
    sections = [Article(heads=items[:2], body=[items[2]]), Article(heads=items[3:5], body=[items[5]])]
    packages = _closed_packages([*sections, Article(heads=items[6:7])])
    assert len(packages) == 1 and packages[0].heads == items[6:7]


def test_an_untagged_package_title_after_its_sections_and_a_credit_line_closes_it():
    # Two bylined sections or more, then a title with no text of its own but the page's
    # credit line ("版式设计：某某"): the package's title, column tag or not.
    items = classify([block("春到湿地"), block("本报记者  张小明"), para(16, "湿地里的候鸟飞回来了"),
                      block("山花烂漫"), block("本报记者  李大伟"), para(16, "山坡上的花儿开了"),
                      block("版式设计：王小二"), block("春光明媚 乡村美丽")])
    sections = [Article(heads=items[:2], body=[items[2]]), Article(heads=items[3:5], body=[items[5]])]
    packages = _closed_packages([*sections, Article(heads=items[7:8], body=[items[6]])])
    assert len(packages) == 1 and packages[0].heads == items[7:8]
    # ... not after one section
    assert len(_closed_packages([sections[0], Article(heads=items[7:8], body=[items[6]])])) == 2


def test_a_sections_headline_group_over_its_jump_note_stays_in_the_package():
    # Under bylined sections, a headline group whose text goes on on another page (only its
    # jump note here) is a section too: the package's title after it still closes them all.
    items = classify([block("春到湿地"), block("本报记者  张小明"), para(16, "湿地里的候鸟飞回来了"),
                      block("山花烂漫"), block("本报记者  李大伟"), para(16, "山坡上的花儿开了"),
                      block("果园飘香"), block("（下转第12版）"), block("春光明媚 乡村美丽")])
    assert items[7].role == "jump"
    sections = [Article(heads=items[:2], body=[items[2]]), Article(heads=items[3:5], body=[items[5]]),
                Article(heads=items[6:7], body=[items[7]])]
    packages = _closed_packages([*sections, Article(heads=items[8:9])])
    assert len(packages) == 1 and packages[0].heads == items[8:9]


def test_an_editors_note_opens_a_package_whose_title_comes_last():
    # A text closed by the editor's signature ("——编者"), then bylined sections, then the
    # package's title after its last text: one package.
    items = classify([para(16, "本版推出春天特别报道敬请关注"), block("——编者"), block("春到湿地"),
                      block("本报记者  张小明"), para(16, "湿地里的候鸟飞回来了"),
                      para(12, "春天来了乡村美景吸引游客"), block("春天来了乡村美（美丽乡村）")])
    note = Article(body=items[:2])
    section = Article(heads=items[2:4], body=[items[4]])
    packages = _closed_packages([note, section, Article(heads=items[6:7], body=[items[5]])])
    assert len(packages) == 1 and packages[0].heads == items[6:7]


def test_a_box_label_under_a_byline_may_be_longer_than_the_name():
    # Under a headline group's byline, a very short line over text sharing none of its
    # words labels a box ("开栏的话"), however short the author's name over it.
    items = classify([block("山水胸怀 书画精神（艺术视点）"), block("——书画文化的当代解读"), block("王小明"),
                      block("开栏的话"), para(16, "美与情感是艺术的两面人类追求美")])
    assert [it.role for it in items] == ["head", "sub", "byline", "label", "p"]


def _two_subheads(second: str):
    return segment_page([
        block("春耕时节农民忙"), para(16, "春耕时节农民忙着播种施肥"), para(16, "田野里一派繁忙景象"),
        block("农机下田效率高了许多"), para(16, "农机合作社的拖拉机开进田头"), para(16, "机器播种又快又好"),
        block(second), para(14, "春耕农民说今年粮价稳定"), para(14, "农民种粮收入有保障"),
    ])


def test_subheads_of_about_one_length_are_one_articles():
    # An article's subheads look alike (single lines of about one length): the second,
    # over a narrower text, is a subhead like the first, not another article's title ...
    assert [heads(a) for a in articles(_two_subheads("种粮大户心里更踏实了"))] == [["春耕时节农民忙"]]
    # ... unlike a line of another length there
    assert [heads(a) for a in articles(_two_subheads("种粮大户更踏实了"))] == [["春耕时节农民忙"], ["种粮大户更踏实了"]]


def _two_line_subheads(second: tuple[str, str]):
    return segment_page([
        block("春耕时节农民忙"), para(16, "春耕时节农民忙着播种施肥"), para(16, "田野里一派繁忙景象"),
        block("农技更管用"), block("农机下田效率高"),
        para(16, "农机合作社的拖拉机开进田头"), para(16, "机器播种又快又好"),
        block(second[0]), block(second[1]), para(16, "春耕农民说今年粮价稳定"), para(16, "农民种粮收入有保障"),
    ])


def test_subheads_of_two_lines_alike_are_one_articles():
    # ... and so are subheads of two short lines each, line for line of about one length ...
    assert [heads(a) for a in articles(_two_line_subheads(("收入更稳定", "种粮大户心里踏实")))] == [["春耕时节农民忙"]]
    # ... unlike two lines of other lengths there
    assert [heads(a) for a in articles(_two_line_subheads(("收入稳定", "种粮大户心里更加踏实了")))] == [
        ["春耕时节农民忙"], ["收入稳定", "种粮大户心里更加踏实了"]]


def test_only_short_lines_make_subheads_of_two_lines_alike():
    # Shapes alike, line for line: subheads of two short lines are; a kicker over a title is
    # not (headline groups of two articles often share a shape).
    def run(*texts):
        return Run("heads", classify([block(t) for t in texts]))
    runs = [run("农技更管用", "农机下田效率高"), run("收入更稳定", "种粮大户心里踏"),
            run("收入稳定", "种粮大户心里更加踏实了"),
            run("某某市开展稳定粮食生产专项行动", "种粮大户心里踏实"),
            run("某某县推进城乡供水一体化改造", "山村喝上自来水")]
    assert _alike(runs, range(len(runs))) == [0, 1]


def test_speakers_lead_ins_over_what_they_said_are_alike():
    # Two runs or more of a short speaker's lead-in ("某某——") over a quote, however long,
    # are alike (quotes set as subheads); one alone is not (a kicker over its title).
    def run(*texts):
        return Run("heads", classify([block(t) for t in texts]))
    runs = [run("某国总统——", "如果对方不能兑现自己的承诺，我们将被迫采取行动"),
            run("国际组织——", "近年来已有近两万人因试图非法越境而死亡或失踪"),
            run("某某总干事——", "多边贸易体制仍是全球经济的基石")]
    assert _alike(runs, range(len(runs))) == [0, 1, 2]
    assert _alike(runs, [2]) == []


def test_listed_items_over_their_column_label_make_one_article():
    # The same column with its label printed under the items, after a text (a box label's
    # place): the label still titles the column; the first item's title is short, and an
    # item's subtitle runs over two lines.
    nodes = segment_page([
        block("问道求新"), block("——某某艺术研究展"),
        block("●主办：某美术家协会"), block("●时间：5月12日至6月18日"),
        para(16, "展览汇聚某某创作的水墨画"),
        block("清新淡雅 雄浑厚重"), block("——某博物院藏"), block("“东李西王”书画特展"), block("●主办：某历史博物馆"),
        block("●地点：某历史博物馆"), para(16, "王大山和李小川的山水画"),
        block("艺荐"),
        para(16, "城市杯八强抽签仪式举行八强对阵出炉"), para(16, "城市杯八强抽签"), block("城市杯八强对阵出炉"),
    ])
    arts = articles(nodes)
    assert [heads(a) for a in arts] == [["艺荐"], ["城市杯八强对阵出炉"]]
    assert [heads(s) for s in arts[0].children if s.kind == "section"] == [["问道求新"], ["清新淡雅 雄浑厚重"]]


def test_the_last_listed_item_over_its_column_label_may_end_in_a_jump_note():
    # The last listed item's text goes on on another page: its jump note stands between it
    # and the label under the items, which still titles the column.
    nodes = segment_page([
        para(16, "城市杯八强抽签仪式举行八强对阵出炉"), block("城市杯八强对阵出炉"),
        block("问道求新"), block("——某某艺术研究展"), block("●主办：某美术家协会"), block("●时间：5月12日至6月18日"),
        para(16, "展览汇聚某某创作的水墨画"),
        block("清新淡雅 雄浑厚重"), block("——某博物院藏书画特展"), block("●主办：某历史博物馆"),
        block("（下转16版）"), block("艺荐"),
    ])
    arts = articles(nodes)
    assert [heads(a) for a in arts] == [["城市杯八强对阵出炉"], ["艺荐"]]
    assert [heads(s) for s in arts[1].children if s.kind == "section"] == [["问道求新"], ["清新淡雅 雄浑厚重"]]


def test_a_short_line_over_a_caption_of_two_paragraphs_at_the_top_of_the_page_titles_the_photo():
    # The caption may run over a paragraph or two before the credit: the line on top still
    # titles the photo, it labels no page.
    nodes = segment_page([
        block("雪夜有人守"), block("1月5日，某地古城银装素裹。为保障游人安全，工作人员冒雪打扫。"),
        para(14, "据气象台预报未来三天有大范围雨雪天气"), block("王小明摄（新华社发）"),
        block("各界人士热议新年致辞——"), block("携手同行共发展"),
        para(16, "各界人士表示愿同各方携手同行共发展"),
    ])
    assert not [n for n in nodes if n.kind == "fw"]
    assert heads(articles(nodes)[0]) == ["雪夜有人守"]


def test_a_photos_column_tag_under_its_credit_still_closes_a_photo_story():
    # "（光影乡村）" under the credit names the photo's column: the text, the credit and the
    # tag are still a photo story.
    items = _figures(classify([para(14, "老街张灯结彩吸引众多市民游览"), para(14, "各区县推出多项冬季旅游活动", 4),
                               block("王小明  李四摄影报道"), block("（光影乡村）")]))
    assert [it.role for it in items] == ["p", "p", "figure", "p"]
    assert _photo_story(items)


def test_a_line_alone_after_a_note_on_the_author_is_no_subhead():
    # "（作者为…）" closes an opinion piece: a headline line alone after it opens (or
    # closes) another story, it is no section of the first.
    runs = _body_runs(classify([
        para(16, "制度建设是一项长期任务需要久久为功"), block("（作者为某某大学教授）"), block("灯火阑珊夜"),
        para(16, "制度建设是一项长期任务老街张灯结彩"),
    ]))
    assert [r.kind for r in runs] == ["body", "heads", "body"]
    assert not _may_be_subhead(runs, 1)


def test_a_page_label_over_a_photo_titled_under_its_credit_and_jump_note():
    # ... and a jump note between the credit and the short line under it changes nothing.
    nodes = segment_page([
        block("要闻"), block("近日，志愿者们进村走访，了解农户种植采摘的蘑菇的销售情况。"), block("张三摄"),
        block("（下转第12版）"), block("支招"), block("老兵的故事"), para(16, "老兵访谈节目讲述故事我把它当作短篇来读"),
    ])
    assert [n.block.text for n in nodes if n.kind == "fw"] == ["要闻"]


def test_a_headline_line_under_a_parts_label_ending_in_a_colon_is_a_subhead():
    # "渐入佳境：" alone over a headline line labels a part of the text: the line is a
    # subhead, however little its text shares with the text above.
    runs = _body_runs(classify([
        para(16, "老街张灯结彩吸引众多市民游览"), block("渐入佳境："), block("《某某交响曲》"),
        para(16, "作曲家集中谱写酝酿已久的作品"),
    ]))
    assert [r.kind for r in runs] == ["body", "heads", "body"]
    assert _must_be_subhead(runs, 1)


def test_a_box_tagged_as_a_link_after_a_photo_story_is_part_of_it():
    # A photo story (its title, text and credit), then a box tagged "（链接）" on its
    # subject: the box is a section of the story, not an article of its own.
    nodes = segment_page([
        block("爱护环境 人人有责"), para(16, "小朋友们在公园里捡拾垃圾爱护环境", 4), block("人民视觉"),
        block("环境日（链接）"), para(16, "环境日是一个专为环境保护而设立的节日"), para(16, "环境日的主题每年不同"),
        block("高铁开通了"), para(12, "高铁开通旅客出行方便"), para(12, "高铁开通沿线旅游兴旺"),
    ])
    arts = articles(nodes)
    assert [heads(a) for a in arts] == [["爱护环境 人人有责"], ["高铁开通了"]]
    assert [heads(s) for s in arts[0].children if s.kind == "section"] == [["环境日（链接）"]]


def test_a_very_short_line_right_under_a_photos_credit_is_no_subhead():
    # "图片新闻" right under a drawing's or photo's credit titles that picture (its title
    # printed after it), it is no subhead of a text running on past the picture.
    runs = _body_runs(_figures(classify([
        para(16, "人行道上停满了自行车行人只好走上马路", 4), block("这正是："), block("规划慢行道，"),
        block("张小明图  李四文"), block("图片新闻"), para(16, "人行道上的自行车停放整齐行人走路方便"),
    ])))
    assert [r.kind for r in runs] == ["body", "heads", "body"] and runs[0].items[-1].role == "figure"
    assert not _may_be_subhead(runs, 1)


def _two_reports(second: str):
    return segment_page([
        block("保护湖泊生态、恢复水鸟栖息地"), block("多个湖区开始全面休渔"),
        block("本报东城3月2日电  （记者王小明）记者从湖区管理局获悉，东湖自3月起全面休渔。"),
        para(16, "东湖全面休渔保护湖泊生态"),
        block(f"{second}电  （记者李大伟）记者获悉，西湖湖区也将实施休渔，为期十年。"),
        para(16, "西湖休渔期间开展增殖放流"),
    ])


def test_a_second_dateline_of_the_same_date_is_a_report_under_the_same_headline():
    # Two datelines of one date with no headline between them: one story reported from two
    # places; the second report is a section of the article, opened by its own dateline.
    arts = articles(_two_reports("本报西城3月2日"))
    assert [heads(a) for a in arts] == [["保护湖泊生态、恢复水鸟栖息地", "多个湖区开始全面休渔"]]
    section = [c for c in arts[0].children if c.kind == "section"]
    assert len(section) == 1
    assert [c.kind for c in section[0].children] == ["dateline", "byline", "p", "p"]
    assert section[0].children[0].block.text == "本报西城3月2日电"


@pytest.mark.parametrize("second", ["本报西城3月3日", "据新华社西城3月2日"])
def test_a_dateline_of_another_date_or_source_opens_a_story_of_its_own(second):
    arts = articles(_two_reports(second))
    assert len(arts) == 2
    assert not any(c.kind == "section" for a in arts for c in a.children)


def test_two_reports_of_one_date_with_headlines_of_their_own_stay_apart():
    # Both headlines printed after both texts: each report keeps its own.
    arts = articles(segment_page([
        block("本报东城3月2日电  （记者王小明）记者从湖区管理局获悉，东湖自3月起全面休渔。"),
        para(16, "东湖全面休渔保护湖泊生态"),
        block("本报西城3月2日电  （记者李大伟）记者获悉，西城新建的图书馆对市民开放。"),
        para(16, "西城图书馆开放市民借阅"),
        block("东湖全面休渔"), block("西城图书馆开放"),
    ]))
    assert [heads(a) for a in arts] == [["东湖全面休渔"], ["西城图书馆开放"]]

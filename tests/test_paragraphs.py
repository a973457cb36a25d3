"""Paragraph restoration: the hand-checked sample, small pages, and Block.split."""

from __future__ import annotations

import pytest
from helpers import SAMPLE_PARAGRAPHS, SEED, make_source, nonspace

from archive.ingest import read_page
from archive.model import Block, Mark, Piece
from archive.normalize import normalize, normalized_text
from archive.paragraphs import restore


def paragraphs(text: str) -> list[list[str]]:
    return [[block.text for block in page] for page in restore(normalize(make_source(text)))]


def test_sample_equals_hand_checked_paragraphs():
    pages = restore(normalize(read_page(SEED)))
    assert len(pages) == 1
    got = "".join(block.text + "\n" for block in pages[0])
    assert got == SAMPLE_PARAGRAPHS.read_text(encoding="utf-8")


def test_sample_loses_nothing():
    doc = normalize(read_page(SEED))
    restored = "".join(block.text for page in restore(doc) for block in page)
    assert nonspace(restored) == nonspace(normalized_text(doc))


def test_sample_blocks_point_back_to_their_lines():
    doc = normalize(read_page(SEED))
    texts = {line.no: line.text for line in doc.pages[0].lines}
    for block in restore(doc)[0]:
        numbers = [piece.line for piece in block.pieces]
        assert numbers == sorted(set(numbers))
        for piece in block.pieces:
            assert piece.text == texts[piece.line]


def test_column_wraps_are_joined_and_bylines_open_blocks():
    page = (
        "权威发布\n"
        "\n"
        "本报讯 记者左晓雨报道：12月16\n"
        "日，昌吉州召开人才工作新闻发布会。\n"
        "昌吉州党委常委、组织部部长王路平介\n"
        "绍了昌吉州的独特优势、发展情况和人\n"
        "才工作取得的成效。\n"
        "\n"
        "□本报记者 刘茜\n"
    )
    assert paragraphs(page) == [
        [
            "权威发布",
            "本报讯 记者左晓雨报道：12月16日，昌吉州召开人才工作新闻发布会。"
            "昌吉州党委常委、组织部部长王路平介绍了昌吉州的独特优势、发展情况和人才工作取得的成效。",
            "□本报记者 刘茜",
        ]
    ]


def test_latin_lines_join_with_a_space_and_hyphens_without():
    assert paragraphs("The infor-\nmation age is here and we\nare all living in it now.\n") == [
        ["The information age is here and we are all living in it now."]
    ]


def test_pages_are_restored_separately():
    assert paragraphs("甲乙丙丁，戊己庚辛。\f子丑寅卯，辰巳午未。\n") == [
        ["甲乙丙丁，戊己庚辛。"],
        ["子丑寅卯，辰巳午未。"],
    ]


def test_opener_words_after_a_column_wrap_in_mid_sentence():
    page = (
        "昌吉州党委常委、组织部部长王路平在接受\n"
        "本报记者采访时说，昌吉州将持续实施人\n"
        "才计划，大力引进高层次人才来昌工作。\n"
    )
    assert paragraphs(page) == [
        ["昌吉州党委常委、组织部部长王路平在接受本报记者采访时说，昌吉州将持续实施人才计划，"
         "大力引进高层次人才来昌工作。"]
    ]


def test_closer_words_at_a_column_wrap_in_mid_sentence():
    page = (
        "近日，昌吉州举办摄影展，记者在现场拍摄\n"
        "了大量照片，展现昌吉州的发展成就和风\n"
        "貌，吸引了众多市民前来参观和拍照留念。\n"
    )
    assert paragraphs(page) == [
        ["近日，昌吉州举办摄影展，记者在现场拍摄了大量照片，展现昌吉州的发展成就和风貌，"
         "吸引了众多市民前来参观和拍照留念。"]
    ]


# --- Block.split -----------------------------------------------------------------------------

BLOCK = Block((Piece(3, "abc"), Piece(4, "def", " "), Piece(5, "中文")), page=2)


@pytest.mark.parametrize(
    ("at", "head", "tail"),
    [
        (1, "a", "bc def中文"),
        (3, "abc", "def中文"),  # at the separator: it is dropped
        (4, "abc", "def中文"),  # just after it: dropped too
        (5, "abc d", "ef中文"),
        (7, "abc def", "中文"),
        (8, "abc def中", "文"),
    ],
)
def test_split_text(at, head, tail):
    h, t = BLOCK.split(at)
    assert (h.text, t.text) == (head, tail)
    assert h.page == t.page == 2


def test_split_in_mid_line_marks_the_tail_piece():
    h, t = BLOCK.split(5)
    assert h.pieces == (Piece(3, "abc"), Piece(4, "d", " "))
    assert t.pieces == (Piece(4, "ef", "", starts_line=False), Piece(5, "中文"))


@pytest.mark.parametrize("at", [0, len(BLOCK.text), -1, 99])
def test_split_outside_raises(at):
    with pytest.raises(ValueError):
        BLOCK.split(at)


def test_split_keeps_marks_on_their_text():
    block = Block((Piece(1, "记者"), Piece(2, "左晓雨报道")), marks=(Mark(2, 5),))
    h, t = block.split(2)
    assert [t.text[m.start : m.end] for m in t.marks] == ["左晓雨"]
    assert h.marks == ()


def test_split_at_a_separator_keeps_marks_on_their_text():
    block = Block((Piece(1, "abc"), Piece(2, "def", " ")), marks=(Mark(4, 7),))
    assert block.text[4:7] == "def"
    _, tail = block.split(3)
    assert [tail.text[m.start : m.end] for m in tail.marks] == ["def"]


def test_strip():
    block = Block((Piece(1, "  abc"), Piece(2, "def  ")))
    assert block.strip().text == "abcdef"


# Small pages in a 13-character column; BODY is a full mid-paragraph line.
BODY = "我们在这里看段落怎样恢复，"


def lines(*texts: str) -> str:
    return "".join(t + "\n" for t in texts)


def test_a_paragraph_line_that_opened_nothing_ends_its_paragraph_at_a_sentence_end():
    # Evidence: a line two characters short of the column that ends a sentence is a
    # paragraph's first line (indent lost) only if it opened a block; in mid-paragraph
    # it is the paragraph's last line, so the next line starts a new one.
    page = lines("主任说，", BODY, BODY, "多个护理员的岗位缺口。", BODY, BODY, "完了。")
    assert paragraphs(page)[0] == [
        "主任说，" + BODY * 2 + "多个护理员的岗位缺口。",
        BODY * 2 + "完了。",
    ]


def test_a_short_line_that_ends_nothing_after_a_full_sentence_end_opens_a_block():
    # Evidence: a short line is a block's last line only if it ends something; after a
    # full line that ends a sentence, a short line that does not opens a new block.
    page = lines(BODY, "化，逆周期调节效果显现了。", "12月，新订单指数为", BODY, "完了。")
    assert paragraphs(page)[0] == [
        BODY + "化，逆周期调节效果显现了。",
        "12月，新订单指数为" + BODY + "完了。",
    ]


def test_a_line_closing_a_quote_it_did_not_open_goes_on():
    # Evidence: no block starts with the closing half of a quote; a short line holding one
    # (and no punctuation) is the tail of the text before, not a heading.
    page = lines("他说：“" + BODY, BODY, "族发展中更基本、更深沉、更持久", "的力量”")
    page += lines("新的段落从这里开始了。")
    assert paragraphs(page)[0][0].endswith("更持久的力量”")


def test_a_short_line_ending_in_a_lead_in_dash_goes_on():
    # Evidence: a line ending in "——" introduces what follows; it ends a text, it is not a
    # kicker or subhead even though it holds no punctuation.
    page = lines(BODY, BODY, "正是看到了这一点。让我们", "来听听他的故事——")
    assert paragraphs(page)[0] == [BODY * 2 + "正是看到了这一点。让我们来听听他的故事——"]


def test_a_two_line_paragraph_whose_first_line_holds_no_punctuation():
    # Evidence: a line of first-line width with no punctuation, then a short line with
    # punctuation: a paragraph of two lines (a caption), not a heading and a paragraph.
    page = lines(BODY, BODY, "完了。", "图为建设者在工地上拼装", "网架。")
    assert paragraphs(page)[0][-1] == "图为建设者在工地上拼装网架。"


def test_a_headline_with_a_comma_wrapped_over_two_lines():
    # Evidence: a block's short first line with a comma and no sentence end, then a short
    # line with no punctuation: one headline wrapped, not a line and a subhead.
    page = lines(BODY, BODY, BODY, "完了。", "", "盆景成了“聚宝盆”，苍松", "成了“摇钱树”", "")
    page += lines("走进村里的苗圃，看到", BODY, BODY, BODY, "完了。")
    assert "盆景成了“聚宝盆”，苍松成了“摇钱树”" in paragraphs(page)[0]


def test_a_short_line_ending_in_a_semicolon_ends_its_block():
    # Evidence: a line well short of the column stops only at a block's end, so a list
    # item ending in "；" ends there even when the next item starts full width.
    page = lines("（一）贯彻党中央决策部署和落", "实国家发展战略的重大举措；", "重大举措；")
    page += lines("（二）企业发展战略、中长期", "发展规划。")
    assert paragraphs(page)[0][-1] == "（二）企业发展战略、中长期发展规划。"


def test_a_line_at_the_edge_of_full_after_a_sentence_end_is_a_first_line():
    # Evidence: a first line that lost its two-character indent but ends in a hanging
    # comma is just over a character short of the column: after a full line that ends a
    # sentence, it opens a new paragraph.
    page = lines(BODY, BODY, "出彩的机会、梦想成真的舞台。")
    page += lines("会上，四中全会精神指出，", BODY, "完了。")
    assert paragraphs(page)[0] == [
        BODY * 2 + "出彩的机会、梦想成真的舞台。",
        "会上，四中全会精神指出，" + BODY + "完了。",
    ]


def test_a_word_running_on_from_a_wide_line_keeps_its_block():
    # Evidence: a line wider than the column is another frame (a caption), but when the
    # break cuts a pair of characters that occurs nearby ("设备"), the next, narrower line
    # is the same text going on, not a new frame.
    page = lines("他们在这里调试设备，" + BODY, BODY, BODY, "完了。")
    page += lines("图为昌吉州科技创新中心，工作人员正在调试设", "备，确保正常运行。")
    assert paragraphs(page)[0][-1] == "图为昌吉州科技创新中心，工作人员正在调试设备，确保正常运行。"


def test_a_line_one_char_short_after_a_full_sentence_end_is_a_first_line():
    # Evidence: a first line that lost its indent but holds one more character (its
    # punctuation squeezed) is one em short of the column: after a full line that ends a
    # sentence, it opens a new paragraph.
    page = lines(BODY, BODY, "出彩的机会、梦想成真的舞台。")
    page += lines("党的十九届四中全会指出，", BODY, "完了。")
    assert paragraphs(page)[0] == [
        BODY * 2 + "出彩的机会、梦想成真的舞台。",
        "党的十九届四中全会指出，" + BODY + "完了。",
    ]


def test_a_heading_closed_by_its_column_tag_ends_there():
    # Evidence: a heading line ending in a bracketed column tag is complete; a short
    # heading line after it (a label) is a block of its own, not the heading's tail.
    page = lines("塑造典型人物 为时代传", "神写照（高峰之路）", "编者的话", BODY, BODY, "完了。")
    assert "编者的话" in paragraphs(page)[0]


def test_a_first_line_without_punctuation_goes_on_across_a_column_break():
    # Evidence: a line of first-line width that holds no punctuation, then a blank line
    # and a full line: a paragraph's first line continued in the next column, not a title.
    page = lines(BODY, BODY, "完了。", "退伍军人在军营中练就的", "", BODY, BODY, "完了。")
    assert paragraphs(page)[0][-1] == "退伍军人在军营中练就的" + BODY * 2 + "完了。"


def test_full_title_lines_without_punctuation_split_by_a_blank_line_are_two_blocks():
    # Evidence: a blank line between two column-wide lines that hold no punctuation (two
    # stacked titles) is a break; a column break in mid-sentence leaves punctuation nearby.
    page = lines(BODY, BODY, "完了。", "", "我们在这里看段落怎样恢复好", "", "他们在那里看标题怎样分开好")
    page += lines(BODY, BODY, "完了。")
    got = paragraphs(page)[0]
    assert "我们在这里看段落怎样恢复好" in got
    assert got[-1].startswith("他们在那里看标题怎样分开好")


def test_a_first_line_without_punctuation_cutting_a_word_goes_on():
    # Evidence: a line holding no punctuation, shorter than the column, then a short line:
    # when the break cuts a pair of characters that occurs nearby ("镜头"), the short line
    # is the end of the same text, not a new block.
    page = lines("他们拍下的镜头，" + "我们在这里看段", "落怎样恢复，" + BODY, BODY, "完了。")
    page += lines("历史必将铭记这一幕幕镜", "头：", BODY, BODY, "完了。")
    assert any(b.startswith("历史必将铭记这一幕幕镜头") for b in paragraphs(page)[0])


def test_a_letter_spaced_name_is_no_cut_phrase():
    # Evidence: a phrase cut after its first character ("…计划 培") follows a word of two or
    # more characters; a single character before the space is a letter-spaced name or
    # label ("本报记者 王 观"), complete on its line.
    page = lines("本报记者 王 观", "1月6日，我们在这里看段落怎样", BODY, BODY, "完了。")
    assert paragraphs(page)[0][0] == "本报记者 王 观"


def test_a_headline_tail_closed_by_its_column_tag_joins_the_headline():
    # Evidence: a heading line, then a shorter heading line that ends in a bracketed column
    # tag: the headline wrapped, its tail carrying the tag.
    page = lines(BODY, BODY, "完了。", "提案督办 建言落到实", "处（人民政协）", BODY, BODY, "完了。")
    assert "提案督办 建言落到实处（人民政协）" in paragraphs(page)[0]


def test_a_numbered_item_after_a_finished_one_opens_a_block():
    # Evidence: a line that starts with a list number ("（二）") after a line ending in a
    # semicolon, colon or sentence end opens a new item, even when that line is full.
    page = lines(BODY, BODY, "下列区域应当划定为公益林：")
    page += lines("（一）重要江河源头汇水区域，水源地保护区；", "（二）重要湿地和重要水库周围，河流两岸；")
    page += lines("（三）其他区域。", BODY, "完了。")
    got = paragraphs(page)[0]
    assert got[1:4] == [
        "（一）重要江河源头汇水区域，水源地保护区；",
        "（二）重要湿地和重要水库周围，河流两岸；",
        "（三）其他区域。",
    ]


def test_a_dateline_after_a_full_width_headline_opens_the_story():
    # Evidence: a line without punctuation as wide as the column (a headline), then a line
    # that starts with a dateline ("新华社北京12月31日电"): the story starts there.
    body = "我们在这里看段落怎样恢复，看得很清楚"
    page = lines(body, body, "完了。", "", "王毅同伊朗外长扎里夫在北京举行会谈")
    page += lines("新华社北京12月31日电  （记者马卓言）国", "务委员兼外交部长王毅在北京同伊朗外长", body, "完了。")
    assert paragraphs(page)[0][1] == "王毅同伊朗外长扎里夫在北京举行会谈"


def test_a_title_line_then_a_much_wider_line_are_two_blocks():
    # Evidence: a line wraps where its column ends; a line without punctuation followed by
    # one far wider (a headline over its subtitle) did not wrap into it.
    page = lines(BODY, "完了。", "把握新时代谋划全面深化改革的主轴", "努力使各方面制度更加成熟更加定型（新知新觉）")
    page += lines(BODY, BODY, "完了。")
    got = paragraphs(page)[0]
    assert "把握新时代谋划全面深化改革的主轴" in got


def test_a_column_tag_wrapped_under_its_headline_joins_it():
    # Evidence: a line that opens a bracket it does not close, right under a headline line,
    # is the headline's column tag going on (over two lines), not a new paragraph.
    page = lines(BODY, "完了。", "", "守护好山里的每一片林子")
    page += lines("（美丽中国、绿色发展·", "生态文明建设）", "", BODY, BODY, "完了。")
    assert "守护好山里的每一片林子（美丽中国、绿色发展·生态文明建设）" in paragraphs(page)[0]


def test_two_title_lines_without_punctuation_across_a_blank_are_two_blocks():
    # Evidence: a column break in mid-paragraph goes on into a line that holds
    # punctuation sooner or later; a full line without any, after a short title line and
    # a blank, is another title (a kicker, then the title of the next story).
    page = lines(BODY, "完了。", "", "澳大利亚经济现疲软迹象", "", "航空工业集团公司钳工刘明", "")
    page += lines("本报讯  " + BODY, BODY, "完了。")
    got = paragraphs(page)[0]
    assert got[1:3] == ["澳大利亚经济现疲软迹象", "航空工业集团公司钳工刘明"]


def test_a_kicker_ending_in_a_lead_in_dash_is_its_own_block():
    # Evidence: a block's first line without punctuation that ends in "——" leads into
    # the title under it: a kicker, not the first half of a wrapped title.
    page = lines(BODY, "完了。", "", "“智慧城市”新场景来了——", "展望智慧生活的美好的未来", "")
    page += lines("本报讯  " + BODY, BODY, "完了。")
    got = paragraphs(page)[0]
    assert got[1:3] == ["“智慧城市”新场景来了——", "展望智慧生活的美好的未来"]


def test_a_kicker_ending_in_a_verb_of_saying_is_its_own_block():
    # Evidence: a headline line that ends in 强调/指出 ("X stressed") introduces the
    # main title: the title does not go on from it, however wide it is.
    page = lines(BODY, "完了。", "", "市长在全市经济工作会议上强调", "加快建设美丽新城的更快步伐", "")
    page += lines("本报讯  " + BODY, BODY, "完了。")
    assert paragraphs(page)[0][1:3] == ["市长在全市经济工作会议上强调", "加快建设美丽新城的更快步伐"]


def test_a_title_line_ending_in_a_conjunction_goes_on():
    # Evidence: no title ends in "并" ("and"): the next line is its second half.
    page = lines(BODY, "完了。", "", "市长会见来访的外国友人并", "出席签约仪式", "")
    page += lines(BODY, BODY, "完了。")
    assert paragraphs(page)[0][1] == "市长会见来访的外国友人并出席签约仪式"


def test_a_subtitle_wrapped_over_three_lines_is_one_block():
    # Evidence: a block that opens with a subtitle's dash goes on into the short lines
    # under it (no punctuation, no wider than the line before) until a byline.
    page = lines("美丽乡村换新颜", "", "——记一个小山村十年来", "的变化与村里人的新生", "活和新期待", "")
    page += lines(BODY, BODY, "完了。")
    assert paragraphs(page)[0][1] == "——记一个小山村十年来的变化与村里人的新生活和新期待"


def test_a_full_line_goes_on_into_a_last_line_without_a_full_stop():
    # Evidence: in mid-block, a full line that stops mid-sentence goes on into the short
    # line under it, even when that line ends without a full stop (a quote set alone).
    page = lines(BODY, "完了。", "今天的乡村，有着把握历史", "机遇的自信，有着取得更大成", "就的豪迈")
    page += lines(BODY, BODY, "完了。")
    assert "今天的乡村，有着把握历史机遇的自信，有着取得更大成就的豪迈" in paragraphs(page)[0]


def test_two_short_title_lines_then_a_much_wider_one():
    # Evidence: a title line shorter than the next by far did not wrap into it, even where
    # the two characters at the break occur together elsewhere ("区高").
    page = lines("工业园区", "高水平开放 促进发展", "", BODY, "园区高端制造业发展很快，", BODY, "完了。")
    got = paragraphs(page)[0]
    assert got[:2] == ["工业园区", "高水平开放 促进发展"]


def test_a_short_line_under_a_title_short_of_the_column_is_its_own_block():
    # Evidence: a heading wraps where its frame ends; after a title line well short of
    # the column, a shorter line (a box label) did not wrap from it.
    page = lines(BODY, "完了。", "", "部署春运保障工作", "核心阅读", BODY, BODY, "完了。")
    assert paragraphs(page)[0][1:3] == ["部署春运保障工作", "核心阅读"]


def test_a_byline_marker_opens_a_block_even_after_a_line_that_runs_on():
    # Evidence: a line starting with a byline marker (□) opens a block even when the line
    # before is full and stops mid-sentence (a wide subtitle, wrapped, closed by a tag).
    page = lines(BODY, "完了。", "", "携手推进合作 共创美好未来", "——在亚洲论坛年会开幕式上的主旨演讲")
    page += lines("（2017年3月25日，海南博鳌）", "□国务院副总理兼外交部长 张 三", "本报讯  " + BODY, "完了。")
    got = paragraphs(page)[0]
    assert "——在亚洲论坛年会开幕式上的主旨演讲（2017年3月25日，海南博鳌）" in got
    assert "□国务院副总理兼外交部长 张 三" in got


def test_a_dateline_cut_before_its_place_ends_goes_on():
    # Evidence: a block that opens "据新华社…" and stops before the "电" of its dateline
    # goes on into the next line, short as it is.
    page = lines(BODY, "完了。", "", "南非两车相撞造成多人伤亡", "", "据新华社开罗4")
    page += lines("月21日电  （记者赵熙）南", BODY, "完了。")
    assert paragraphs(page)[0][-1].startswith("据新华社开罗4月21日电")


def test_a_credit_line_before_a_title_is_its_own_block():
    # Evidence: a short "label：name" line ("版式设计：某某") stops mid-sentence only as a
    # label; a full line without punctuation after it is a title, not its tail.
    page = lines(BODY, BODY, BODY, "完了。", "版式设计：沈一", "城市可持续发展报告出炉了")
    page += lines("本报讯  " + BODY, BODY, BODY, "完了。")
    assert paragraphs(page)[0][1:3] == ["版式设计：沈一", "城市可持续发展报告出炉了"]


def test_a_full_subtitle_line_then_a_paragraphs_first_line():
    # Evidence: a subtitle as wide as the column, then a line of first-line width (its
    # indent lost) without punctuation: the paragraph starts there, the subtitle is whole.
    page = lines(BODY, "完了。", "", "求真务实，书写新篇章", "——鼓起决胜全面小康精气神")
    page += lines("亮眼的成绩单为我们实现", BODY, BODY, "完了。")
    assert "——鼓起决胜全面小康精气神" in paragraphs(page)[0]


def test_a_number_cut_from_its_unit_goes_on_between_title_like_lines():
    # Evidence: a line ending in a number and the next starting with its unit ("…至23" /
    # "日推出…"), where the two occur together nearby, is one sentence cut by the wrap,
    # even when neither line holds punctuation.
    page = lines("活动从4月21日至23日举行。", "", "书店在4月21日至23", "日推出图书进校园活动")
    page += lines("为读者奉献一场阅读盛宴。", "", BODY, BODY, "完了。")
    assert "书店在4月21日至23日推出图书进校园活动为读者奉献一场阅读盛宴。" in paragraphs(page)[0]


def test_a_title_closed_by_its_column_tag_ends_before_a_blank_line():
    # Evidence: a line without punctuation closed by a bracketed column tag ("（声音）"),
    # then a blank line: a title, not a text going on across a column break.
    page = lines(BODY, BODY, "完了。", "", "把发展理念作指挥棒（声音）", "", BODY, BODY, "完了。")
    assert "把发展理念作指挥棒（声音）" in paragraphs(page)[0]


def test_a_marked_point_without_names_goes_on_into_its_text():
    # Evidence: a marked line (■) ends its block only when it is a byline (names set apart,
    # a role word); a marked point of a summary box goes on into the line under it.
    page = lines("核心阅读", "", "■乡村振兴战略的实施", "是农民增收的根本保证，完了。", "", BODY, BODY, "完了。")
    assert "■乡村振兴战略的实施是农民增收的根本保证，完了。" in paragraphs(page)[0]


def test_a_title_closed_by_its_column_tag_wider_than_the_line_above_is_its_own_block():
    # Evidence: a line wraps where its column ends; a title line closed by a column tag
    # ("…（绿色家园）") clearly wider than the headline line above it did not wrap from it.
    body = "我们在这里看段落怎样恢复看得清，"
    page = lines(body, body, "完了。", "", "陕西汉中发现五百平方公里天坑群", "新地质遗迹 考验保护与开发（绿色家园）")
    page += lines("", body, body, body, "完了。")
    assert paragraphs(page)[0][1:3] == ["陕西汉中发现五百平方公里天坑群", "新地质遗迹 考验保护与开发（绿色家园）"]


def test_a_title_line_as_wide_as_the_line_above_did_not_wrap_from_it():
    # Evidence: a wrapped title's first line fills its frame and the rest is shorter; two
    # unpunctuated lines that close their block (a blank line, a byline, a dateline
    # follows), the second no narrower than the first, are a kicker and its title.
    body = "我们在这里看段落怎样恢复好，"
    page = lines(body, body, "完了。", "", "中央气象台发布暴雪蓝色预警", "今年首次大范围雨雪天气来临")
    page += lines("本报记者 张三", "", body, body, "完了。")
    assert paragraphs(page)[0][1:3] == ["中央气象台发布暴雪蓝色预警", "今年首次大范围雨雪天气来临"]


def test_a_credit_line_is_a_block_of_its_own():
    # Evidence: a short line crediting someone with a part of the page ("版式设计：某某": a
    # role, a colon, a name) ends its block and opens one, even between title-like lines.
    page = lines(BODY, "完了。", "刊头书法：梁永琳", "版式设计：蔡华伟", "探访爱书人的圣地", "", BODY, "完了。")
    assert paragraphs(page)[0][1:4] == ["刊头书法：梁永琳", "版式设计：蔡华伟", "探访爱书人的圣地"]


def test_a_title_closed_by_its_column_tag_about_as_wide_as_the_line_above_is_its_own_block():
    # Evidence: a whole title closed by its column tag, hardly narrower than the title line
    # above, did not wrap from it (a wrap leaves a shorter tail) unless a word runs on.
    body = "我们在这里看段落怎样恢复看得清，"
    page = lines(body, body, "完了。", "", "政治工作有活力军事训练有质量", "立身为旗政委在前（强军路上）")
    page += lines("", body, body, body, "完了。")
    assert paragraphs(page)[0][1:3] == ["政治工作有活力军事训练有质量", "立身为旗政委在前（强军路上）"]


def test_a_title_line_ending_in_de_goes_on():
    # Evidence: a title line ending in the particle "的" stops short of its noun: the next
    # line carries it on, even a whole title closed by a column tag.
    body = "我们在这里看段落怎样恢复看得清，"
    page = lines(body, body, "完了。", "", "调好高校思想政治工作的", "“盐味”更足（新知新觉）")
    page += lines("", body, body, body, "完了。")
    assert "调好高校思想政治工作的“盐味”更足（新知新觉）" in paragraphs(page)[0]


def test_a_title_tail_of_a_few_characters_and_its_column_tag_goes_on():
    # Evidence: a line of a few characters and a column tag ("不已（国际视点）") is no title of
    # its own: the title line above wrapped into it, whatever its width.
    body = "我们在这里看段落怎样恢复，"
    page = lines(body, body, "完了。", "", "难民问题仍让欧洲各国“头疼”", "不已（国际视点）")
    page += lines("", body, body, body, "完了。")
    assert "难民问题仍让欧洲各国“头疼”不已（国际视点）" in paragraphs(page)[0]


def test_a_story_line_opened_by_its_dateline_goes_on():
    # Evidence: a line that opens with a whole dateline and runs on into the story without
    # a sentence end is a paragraph's first line, however short it looks against the
    # wider column of the text around.
    wide = "我们在这里看段落怎样恢复得清清楚楚，"
    page = lines(wide, wide, "完了。", "", "某国总统将访华", "新华社北京1月2日电  外交部", "发言人今天宣布：某国总统",
                 "将于下周访华。", "", wide, wide, "完了。")
    assert "新华社北京1月2日电  外交部发言人今天宣布：某国总统将于下周访华。" in paragraphs(page)[0]


def test_a_wider_title_with_commas_closed_by_its_column_tag_after_a_kicker_is_its_own_block():
    # Evidence: a line wraps where its column ends; a title closed by its column tag, commas
    # and all, clearly wider than the unpunctuated line above it and followed by a byline,
    # did not wrap from it: the line above is its kicker.
    body = "形成雨、雪、雹等降水天气，水便"
    page = lines(body, body, "完了。", "", "今年春天各地气象日活动多", "来，让我们一起看云识天（绿色焦点）")
    page += lines("本报记者 张三", "", body, body, "完了。")
    assert paragraphs(page)[0][1:3] == ["今年春天各地气象日活动多", "来，让我们一起看云识天（绿色焦点）"]


def test_a_subtitle_after_a_title_as_wide_as_the_column_and_a_blank_line_is_its_own_block():
    # Evidence: a line without any punctuation, a blank line, then a line opening with a
    # subtitle's dash: a title and its subtitle, however wide the title is (a dash does
    # not carry a sentence on across a column break from a line without punctuation).
    body = "我们在这里看段落怎样恢复得清楚，"
    page = lines(body, body, "完了。", "", "凝聚思想共识  发挥自身优势  提高水平", "", "——某日各界人士代表发言摘编，",
                 "各界人士代表发言摘编")
    page += lines("", body, body, "完了。")
    assert paragraphs(page)[0][1:3] == ["凝聚思想共识  发挥自身优势  提高水平",
                                        "——某日各界人士代表发言摘编，各界人士代表发言摘编"]


def test_a_kicker_with_commas_wrapped_over_two_lines_then_its_title():
    # Evidence: a block that opened without punctuation and ends no sentence over two
    # lines (the second with a comma) is a wrapped kicker: a short line without any
    # punctuation after it is the title, not the kicker's last line.
    body = "我们在这里看段落怎样恢，"
    page = lines(body, body, "完了。", "", "某县某集团二十年持续扶", "贫，累计带动万余人脱贫", "荒庄不荒了", "张三")
    page += lines("", body, body, "完了。")
    assert paragraphs(page)[0][1:3] == ["某县某集团二十年持续扶贫，累计带动万余人脱贫", "荒庄不荒了"]


def test_a_summary_opened_with_a_comma_and_ending_without_a_full_stop_is_one_block():
    # ... but a block whose first line already holds a comma is text (a summary set
    # without a full stop), and its short last line stays with it.
    body = "我们在这里看段落怎样恢复得清楚，"
    page = lines(body, body, "完了。", "", "这一年，中国沉着应对各种挑战，",
                 "在高质量发展的航道上，经济保持了平稳", "向好的发展态势")
    page += lines("", body, body, "完了。")
    assert "这一年，中国沉着应对各种挑战，在高质量发展的航道上，经济保持了平稳向好的发展态势" in paragraphs(page)[0]


def test_a_line_ending_in_a_particle_before_a_column_break_goes_on():
    # Evidence: a line ending in "的" does not end a title; two lines without punctuation,
    # the second ending so before a blank line, are a paragraph going on across a column break.
    body = "我们在这里看段落怎样恢复得清楚明白，"
    page = lines(body, body, "完了。", "全国工商联要把学习贯彻落实总书",
                 "重要讲话精神作为当前和今后一个时期的", "", "重要政治任务。")
    page += lines("", body, body, "完了。")
    assert "全国工商联要把学习贯彻落实总书重要讲话精神作为当前和今后一个时期的重要政治任务。" in paragraphs(page)[0]


def test_a_letter_spaced_line_is_a_block_of_its_own():
    # Evidence: a letter-spaced line ("图 片 报 道") is a banner; the line under it, however
    # short, does not continue it.
    page = lines("图 片 报 道", "微阅读", "", "我们在这里看段落怎样恢复，", "完了。")
    assert paragraphs(page)[0][:2] == ["图片报道", "微阅读"]


def test_a_kicker_with_commas_ending_in_a_lead_in_dash_is_its_own_block():
    # Evidence: a first line set wider than the column, ending in a lead-in dash ("…——"),
    # then a line without punctuation: a kicker and its title, commas or not.
    body = "我们在这里看段落怎样恢复得，"
    page = lines(body, body, "完了。", "", "某省政协聚焦提案办理过程，促进建言成果转化——",
                 "重点提案督办 建言落到实处（人民政协新实践）", "", body, body, "完了。")
    assert paragraphs(page)[0][1:3] == ["某省政协聚焦提案办理过程，促进建言成果转化——",
                                        "重点提案督办 建言落到实处（人民政协新实践）"]


def test_a_title_over_a_narrower_caption_after_a_blank_line_is_its_own_block():
    # Evidence: a line without punctuation as wide as the column, alone before a blank line,
    # did not wrap into the caption set narrower under it.
    wide = "我们在这里看段落怎样恢复得清楚明白，"
    page = lines(wide, wide, "完了。", "", "某某会见国际救助儿童会首席执行官", "", "四月二十一日，读者在宁夏银",
                 "川市新华书店选购图书。", "", "为迎接世界读书日，某地书店", "推出系列活动，为读者奉献", "阅读盛宴。")
    assert paragraphs(page)[0][1:3] == ["某某会见国际救助儿童会首席执行官",
                                        "四月二十一日，读者在宁夏银川市新华书店选购图书。"]


def test_a_subtitle_under_a_title_closed_by_its_column_tag_is_its_own_block():
    # Evidence: a column tag closes a title; a dash line right under it is its subtitle.
    body = "我们在这里看段落怎样恢复，"
    page = lines(body, body, "完了。", "", "白发依稀始涂鸦（策展手记）", "——寻道求变：某某艺术研究展")
    page += lines("", "□张三  李四", "", body, body, "完了。")
    assert paragraphs(page)[0][1:3] == ["白发依稀始涂鸦（策展手记）", "——寻道求变：某某艺术研究展"]


def test_a_column_wide_line_without_punctuation_alone_between_blank_lines_is_a_title():
    # Evidence: a paragraph's first line is an indent short of the column; a line as wide as
    # the column, without punctuation, alone after a finished text and before a blank line
    # is a title, not a paragraph's first line before a column break.
    body = "我们在这里看段落怎样恢复得，"
    page = lines(body, body, "完了。", "", "国际追逃追赃取得阶段性成果", "", body, body, "完了。")
    assert paragraphs(page)[0][1] == "国际追逃追赃取得阶段性成果"


def test_a_short_story_between_blank_lines_takes_its_column_from_its_own_lines():
    # Evidence: a few lines of text between blank lines set wider than the story beside it
    # have their own column: their last line is short of it, not "narrower than the wide
    # lines above" (another frame).
    narrow = "春暖花开，某地清水河畔，"
    page = lines("本报北京3月24日电  外交部发言人宣布，", "应国家主席邀请，某国总统某某将于3月",
                 "28日至4月1日对中国进行国事访问，这", "是两国建交以来的首次访问。", "",
                 "某国总统将访华", "", narrow, narrow, narrow, narrow, narrow, narrow, "完了。")
    assert paragraphs(page)[0][0] == ("本报北京3月24日电  外交部发言人宣布，应国家主席邀请，某国总统某某将于3月"
                                      "28日至4月1日对中国进行国事访问，这是两国建交以来的首次访问。")


def test_a_wide_kicker_with_commas_over_a_wide_title_closed_by_its_tag():
    # Evidence: two lines set wider than the text's column (a headline frame), the first
    # ending no sentence, the second a whole title closed by its column tag: kicker and title.
    body = "我们在这里看段落怎样恢复，"
    page = lines(body, body, "完了。", "", "某市某区建网格化服务中心，统筹解决民生诉求",
                 "平台汇难题 线下快处理（社会治理在身边）", "", body, body, "完了。")
    assert paragraphs(page)[0][1:3] == ["某市某区建网格化服务中心，统筹解决民生诉求",
                                        "平台汇难题 线下快处理（社会治理在身边）"]


def test_a_kicker_with_commas_over_a_title_with_commas_as_wide_closed_by_its_tag():
    # Evidence: a title closed by its column tag and about as wide as the line with commas
    # above it, before a blank line, is no wrapped title's shorter tail: kicker and title.
    body = "我们在这里看段落怎样恢复得清楚明白，"
    page = lines(body, body, "完了。", "", "聚焦国际前沿，惠及国计民生", "2020，科技看点多(科技视点)",
                 "", body, body, "完了。")
    assert paragraphs(page)[0][1:3] == ["聚焦国际前沿，惠及国计民生", "2020，科技看点多(科技视点)"]


def test_a_title_wider_than_the_column_right_under_a_text_then_its_subtitle():
    # Evidence: after a sentence ends, a line without punctuation wider than the column,
    # with a subtitle's dash line under it, is a title: neither the text's last line nor
    # the start of its subtitle.
    body = "我们在这里看段落怎样恢，"
    page = lines(body, body, "我们在这里看段落完了。", "中国乒乓球队世乒赛选拔赛举行", "——某某、某某获得直通资格，",
                 "某某获得直通资格", "", body, body, "完了。")
    assert paragraphs(page)[0][1:3] == ["中国乒乓球队世乒赛选拔赛举行", "——某某、某某获得直通资格，某某获得直通资格"]


def test_a_subtitle_set_wide_goes_on_into_its_next_line():
    # Evidence: a subtitle's dash line set wider than the column, then a line about as wide
    # that ends no sentence: the subtitle wrapped, commas or not.
    body = "我们在这里看段落怎样恢复，"
    page = lines(body, body, "完了。", "", "以优良作风凝聚磅礴力量", "", "——二〇一九年以某某为核心的党中央",
                 "贯彻执行八项规定、推进作风建设纪实", "", body, body, "完了。")
    assert "——二〇一九年以某某为核心的党中央贯彻执行八项规定、推进作风建设纪实" in paragraphs(page)[0]


def test_a_short_title_closed_by_its_column_tag_over_a_first_line_is_its_own_block():
    # Evidence: a short line opening a block and closed by a column tag ("（多棱镜）"),
    # then a line an indent short of the column: a title over its text's first line.
    body = "我们在这里看段落怎样恢复，"
    page = lines(body, body, "完了。", "", "2020，加油！（多棱镜）", "四十年前，作家某某创作", body, body,
                 body, "完了。")
    assert paragraphs(page)[0][1] == "2020，加油！（多棱镜）"


def test_a_line_opening_with_a_conjunction_goes_on_from_the_line_before():
    # Evidence: a title or a sentence does not start with "和" or "的": a line opening so
    # goes on from the line above, across a change of width.
    body = "我们在这里看段落怎样恢复，"
    page = lines(body, body, "完了。", "", "巩固拓展减税降费成效 从严从紧管", "好财政支出 确保全面建成小康社会",
                 "和“十三五”规划圆满收官", "", "新华社北京1月5日电  全国财政工作", "会议召开。")
    assert "巩固拓展减税降费成效 从严从紧管好财政支出 确保全面建成小康社会和“十三五”规划圆满收官" in paragraphs(page)[0]


def test_a_short_tail_that_looks_like_a_name_after_a_line_with_commas_goes_on():
    # Evidence: after a line with commas that ends no sentence, a few characters that
    # happen to read as a name ("成宝山") are the line's tail, not a byline (a byline's
    # names under a title are set apart, "冯  翼").
    body = "我们在这里看段落怎样恢复得清楚，"
    page = lines(body, "完了。", "解石困：围绕产业兴水利，石山变", "成宝山", body, body, "完了。")
    assert "解石困：围绕产业兴水利，石山变成宝山" in paragraphs(page)[0]
    page = lines(body, "完了。", "", "贝老，世界有你", "冯  翼", "", body, body, "完了。")
    assert paragraphs(page)[0][1:3] == ["贝老，世界有你", "冯  翼"]


def test_a_headline_character_left_alone_across_a_column_break_goes_on():
    # Evidence: one or two characters without punctuation alone after a blank line, that
    # with the end of the line before make a word found nearby ("常新"), finish that line.
    body = "我们在这里看段落怎样恢复，让八桂大地空气常新。"
    page = lines(body, "完了。", "", "让八桂大地青山常在、清水长流、空气常", "", "新", "", body, body, "完了。")
    assert "让八桂大地青山常在、清水长流、空气常新" in paragraphs(page)[0]


def test_a_subtitle_goes_on_into_a_shorter_line_over_its_byline():
    # Evidence: a subtitle's full dash line, then a shorter line without punctuation right
    # over a line of names (the byline): the subtitle wrapped, not a paragraph beginning.
    body = "我们在这里看段落怎样恢复，"
    page = lines(body, body, "完了。", "", "在学习历史中更好走向未来", "——深入学习贯彻某某同志",
                 "关于学习历史的重要论述",
                 "任  青", "", body, body, "完了。")
    assert "——深入学习贯彻某某同志关于学习历史的重要论述" in paragraphs(page)[0]


def test_a_wide_title_with_commas_closed_by_its_column_tag_over_a_text_is_its_own_block():
    # Evidence: a line closed by a column tag, with commas but no sentence end, far wider
    # than the line under it, which goes on mid-sentence: a title over its text, whatever
    # column width the short run around them suggests.
    body = "我们在这里看段落怎样恢复，"
    page = lines("湖北某县某镇某某村有个“倔强”的老支书", "", "做一天村干部，就要认真办一天事（基层·新人物）",
                 "至今，王老汉依然躺在床上，", "生活仍需照顾。", "", body, body, "完了。", "", body, body, body,
                 "完了。")
    assert paragraphs(page)[0][1:3] == ["做一天村干部，就要认真办一天事（基层·新人物）",
                                        "至今，王老汉依然躺在床上，生活仍需照顾。"]


def test_two_headline_lines_alone_without_a_word_cut_between_them_are_a_kicker_and_a_title():
    # Evidence: two lines alone (a blank line above, a byline under them), the first as wide
    # as the column and neither ending a sentence; the two characters at the break make no
    # word found in the text: a kicker over its title, not one title wrapped.
    body = "倡议立足促进世界和平发，"
    page = lines(body, body, "完了。", "", "“数字乡村”建设成果显著", "推动农业现代化的新引擎", "□张三丰",
                 body, body, body, "完了。")
    assert paragraphs(page)[0][1:3] == ["“数字乡村”建设成果显著", "推动农业现代化的新引擎"]


def test_a_title_wrapped_where_the_text_has_the_cut_word_stays_one():
    # ... but when the characters on either side of the break occur together in the text
    # ("举行", or a word and the number after it, "论坛2017"), the title wrapped there.
    body = "两国总理举行了会晤，出席论坛"
    page = lines("会谈后两国总理举", "行了记者会，宣布了合作计划，", "完了。", "", "甲国总理同乙国总理共同举",
                 "行第五轮总理会晤", "", "会谈后两国总理举", "行了记者会，宣布了合作计划，",
                 "出席论坛2017年年会。", "", "副总理会见出席某某国际论坛", "2017年年会的外国贵宾们", "",
                 "会谈后两国总理举", body, body, "完了。")
    blocks = paragraphs(page)[0]
    assert "甲国总理同乙国总理共同举行第五轮总理会晤" in blocks
    assert "副总理会见出席某某国际论坛2017年年会的外国贵宾们" in blocks


def test_a_title_and_its_shorter_tail_closed_by_the_column_tag_stay_one():
    body = "反对各种形式的封闭做法，"
    page = lines(body, body, "完了。", "", "“数字经济”：驱散全球衰退", "阴霾的东风（经济观察）", "——访某大学某研",
                 "究院院长某某", "", "□本报记者  王小明", "", body, body, body, "完了。")
    assert "“数字经济”：驱散全球衰退阴霾的东风（经济观察）" in paragraphs(page)[0]


def test_a_short_number_opening_the_line_under_a_title_is_no_cut_word():
    # "…年" then "1月1日，…": a year and a month meet in any text; only a long number
    # ("论坛" / "2017年…") counts as a word cut by the break.
    body = "2020年1月1日，老街开启新年首场年货节。"
    page = lines(body, body, "完了。", "", "热乎乎的新年", "1月1日，某省某市某区某某镇瓶窑",
                 "镇的瓶窑老街开启新年首场年货", "节。", "", body, body, "完了。")
    assert "热乎乎的新年" in paragraphs(page)[0]


def test_a_marked_line_wrapped_alone_stays_one():
    # A listing's marked line ("●主办：…") wrapped over two lines is one, whatever words
    # meet at the break.
    body = "作为某某画院建院60周年院庆系列活动的开篇，"
    page = lines("某 某 联 赛 半 决 赛 对 阵", "", "艺荐", "", "寻道求变", "", "——某某艺术研究展",
                 "●主办：某某美术家协会", "某某美术学院 某某画院", "", "●时间：5月12日至6月18", "日", "",
                 "●地点：某某画院美术馆", "", body, body, "完了。")
    assert "●主办：某某美术家协会某某美术学院 某某画院" in paragraphs(page)[0]


def test_a_title_closed_by_its_column_tag_after_a_full_line_ending_a_sentence_opens_a_block():
    # Evidence: no blank lines anywhere; a full line ends a sentence, then a line without
    # punctuation closed by a column tag ("…（体坛观澜）"): a title, even one wider than
    # the column, not the text going on.
    body = "某某市今年将借助冬运会的契机会"
    page = lines("某某市冬季运动会今开幕", body, body, "机，做好冰雪旅游文化、丰富冰雪",
                 "旅游产品，让冬季旅游热闹起来。", "直面挑战创造新的辉煌（体坛观察）",
                 "——建设体育强国回应时代要求的思考之三", "", "精心备战比赛的同时，我国体育也需要", body, body, "完了。")
    blocks = paragraphs(page)[0]
    k = blocks.index("直面挑战创造新的辉煌（体坛观察）")
    assert blocks[k - 1].endswith("让冬季旅游热闹起来。")


def test_a_line_without_punctuation_wider_than_the_column_after_a_sentence_end_is_a_title():
    # Evidence: no blank lines; after a full line ending a sentence, a line with no
    # punctuation (quotes aside) wider than the column: a title between two stories.
    body = "某国政府军特种部队在某某地区内部，"
    page = lines("据新华社某某地1月4日电  某某消息：", body, body, "武装分子，并摧毁了极端组织的车辆。",
                 "某国政府军击毙30名“极端组织”武装分子", "乡村振兴是一项长期性工程，是中", body, body, "完了。")
    assert "某国政府军击毙30名“极端组织”武装分子" in paragraphs(page)[0]


def test_a_short_kicker_with_commas_over_a_title_over_its_byline():
    # Evidence: a short line with commas opening a block, then a shorter line without
    # punctuation right over a byline, no word cut between them: a kicker and its title
    # (not a headline with commas wrapped) ...
    body = "农业四季歌今年大不同，贯彻落实会议精神"
    page = lines(body, body, "完了。", "", "稳住需求端，“精准”供给侧", "今年春耕有新意", "本报记者  李四明", "",
                 body, body, "完了。", "", "“数字经济”：驱散全球衰退", "阴霾的东风（经济观察）",
                 "□本报记者  王小明", "", body, body, "完了。")
    blocks = paragraphs(page)[0]
    assert blocks[1:3] == ["稳住需求端，“精准”供给侧", "今年春耕有新意"]
    # ... unless the second is a shorter tail closed by the column tag
    assert "“数字经济”：驱散全球衰退阴霾的东风（经济观察）" in blocks


def test_a_line_of_parallel_phrases_is_a_whole_headline_line():
    # Evidence: two phrases of one length set apart by a space, without punctuation, open
    # a block: a line complete in itself (a kicker here), not the start of a wrapped one.
    body = "对于中国文化产业来说依然充满挑战，"
    page = lines("规范管理见成效 科技创新促增长", "文化产业，创意发展", "", body, body, "完了。")
    assert paragraphs(page)[0][:2] == ["规范管理见成效 科技创新促增长", "文化产业，创意发展"]


def test_parallel_phrases_going_on_stay_one_line():
    # ... but it goes on into its column tag, and a law's numbered clause is no headline.
    body = "组织开展创建文明单位的活动，鼓励职工服务群众。"
    page = lines(body, body, "完了。", "", "丰产不增收 难题咋破解",
                 "（聚焦农业新改革）", "", body, body, "完了。", "", "第二十一条  组织开展创",
                 "建文明单位，鼓励职工们到社区为群众服务。", "", body, "完了。")
    blocks = paragraphs(page)[0]
    assert "丰产不增收 难题咋破解（聚焦农业新改革）" in blocks
    assert "第二十一条  组织开展创建文明单位，鼓励职工们到社区为群众服务。" in blocks


def test_a_column_tag_wrapped_over_two_lines_under_a_wide_title_goes_with_it():
    # Evidence: a title line without punctuation (as wide as the column), then a bracket
    # opened and not closed on its line: the title's long column tag, wrapped.
    body = "在某县某镇某村，村民们在茶叶苗"
    page = lines(body, body, "完了。", "", "实现两个百年奋斗目标的重大任", "（坚持和完善某某制度、推进",
                 "某某体系和某某能力现代化）", "", body, body, "完了。")
    assert "实现两个百年奋斗目标的重大任（坚持和完善某某制度、推进某某体系和某某能力现代化）" in paragraphs(page)[0]


def test_a_title_wrapped_before_a_long_number_the_text_has_after_its_last_word_stays_one():
    body = "两国总理在首都举行了会晤，出席论坛2017年年会。"
    page = lines(body, body, "完了。", "", "副总理会见出席某某国际论坛", "2017年年会的外国贵宾们", "",
                 body, body, "完了。")
    assert "副总理会见出席某某国际论坛2017年年会的外国贵宾们" in paragraphs(page)[0]


def test_a_line_opening_with_a_digit_sign_that_is_no_decimal_does_not_break_the_word_test():
    from archive.paragraphs import _word_across

    assert _word_across("出席论坛", "²的面积", lambda pair: True) is False
    assert _word_across("出席论坛", "2017年年会", lambda pair: pair == "坛2017")


def test_a_column_wide_title_listing_things_alone_between_blank_lines_is_a_title():
    # Evidence: a line as wide as the column alone between blank lines, its only
    # punctuation a title's "、", then a column-wide line without punctuation: two headlines
    # (the title of the text above, the kicker of the text below), not one wrapped.
    body = "我们在这里看段落怎样恢复得很好，"
    narrow = "我们在这里看段落恢复，"
    page = lines(body, body, body, "始终走在前、作表率。", "", "推进基层治理始终走在前、作表率", "",
                 "某省某县实现垃圾分类处理全覆盖", "这里的垃圾变“宝贝”", "", narrow, narrow, narrow, "完了。")
    assert paragraphs(page)[0][1:4] == ["推进基层治理始终走在前、作表率", "某省某县实现垃圾分类处理全覆盖",
                                        "这里的垃圾变“宝贝”"]


def test_a_line_alone_without_punctuation_over_a_story_opening_with_its_date_is_a_title():
    # Evidence: a line a first line's indent short of the column, without punctuation and
    # alone between blank lines, then a full line opening with a date, as a story's lead
    # does: a title over its lead, not a first line going on across a column break.
    body = "我们在这里看段落怎样恢复得，"
    page = lines(body, body, "完了。", "", "某市新建八座城市公园开放", "", "2019年12月27日，某市新建的八",
                 body, body, "完了。")
    assert paragraphs(page)[0][1] == "某市新建八座城市公园开放"

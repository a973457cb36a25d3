"""Paragraph restoration: the hand-checked sample, small pages, and Block.split."""

from __future__ import annotations

import pytest
from helpers import SAMPLE_PARAGRAPHS, SEED, make_source, nonspace

from archive.ingest import read_page
from archive.model import Block, Mark, Piece
from archive.normalize import normalize, normalized_text
from archive.paragraphs import _Page, restore


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
    page = lines("主任说，", BODY, BODY, "多名保洁员的人手缺口。", BODY, BODY, "完了。")
    assert paragraphs(page)[0] == [
        "主任说，" + BODY * 2 + "多名保洁员的人手缺口。",
        BODY * 2 + "完了。",
    ]


def test_a_short_line_that_ends_nothing_after_a_full_sentence_end_opens_a_block():
    # Evidence: a short line is a block's last line only if it ends something; after a
    # full line that ends a sentence, a short line that does not opens a new block.
    page = lines(BODY, "化，各项措施落实见效快了。", "12月，新项目数量为", BODY, "完了。")
    assert paragraphs(page)[0] == [
        BODY + "化，各项措施落实见效快了。",
        "12月，新项目数量为" + BODY + "完了。",
    ]


def test_a_line_closing_a_quote_it_did_not_open_goes_on():
    # Evidence: no block starts with the closing half of a quote; a short line holding one
    # (and no punctuation) is the tail of the text before, not a heading.
    page = lines("他说：“" + BODY, BODY, "村建设中更重要、更长远、更根本", "的力量”")
    page += lines("新的段落从这里开始了。")
    assert paragraphs(page)[0][0].endswith("更根本的力量”")


def test_a_short_line_ending_in_a_lead_in_dash_goes_on():
    # Evidence: a line ending in "——" introduces what follows; it ends a text, it is not a
    # kicker or subhead even though it holds no punctuation.
    page = lines(BODY, BODY, "也是想到了这一层。下面请", "来看看她的经历——")
    assert paragraphs(page)[0] == [BODY * 2 + "也是想到了这一层。下面请来看看她的经历——"]


def test_a_two_line_paragraph_whose_first_line_holds_no_punctuation():
    # Evidence: a line of first-line width with no punctuation, then a short line with
    # punctuation: a paragraph of two lines (a caption), not a heading and a paragraph.
    page = lines(BODY, BODY, "完了。", "图为工人们在车间里组装", "零件。")
    assert paragraphs(page)[0][-1] == "图为工人们在车间里组装零件。"


def test_a_headline_with_a_comma_wrapped_over_two_lines():
    # Evidence: a block's short first line with a comma and no sentence end, then a short
    # line with no punctuation: one headline wrapped, not a line and a subhead.
    page = lines(BODY, BODY, BODY, "完了。", "", "果园成了“致富园”，荒山", "成了“绿银行”", "")
    page += lines("走进村里的苗圃，看到", BODY, BODY, BODY, "完了。")
    assert "果园成了“致富园”，荒山成了“绿银行”" in paragraphs(page)[0]


def test_a_short_line_ending_in_a_semicolon_ends_its_block():
    # Evidence: a line well short of the column stops only at a block's end, so a list
    # item ending in "；" ends there even when the next item starts full width.
    page = lines("（一）执行上级的工作部署和推", "进单位发展规划的重要事项；", "重要事项；")
    page += lines("（二）单位工作计划、中长期", "工作目标。")
    assert paragraphs(page)[0][-1] == "（二）单位工作计划、中长期工作目标。"


def test_a_line_at_the_edge_of_full_after_a_sentence_end_is_a_first_line():
    # Evidence: a first line that lost its two-character indent but ends in a hanging
    # comma is just over a character short of the column: after a full line that ends a
    # sentence, it opens a new paragraph.
    page = lines(BODY, BODY, "成长的机会、展示自我的平台。")
    page += lines("会上，四中全会精神指出，", BODY, "完了。")
    assert paragraphs(page)[0] == [
        BODY * 2 + "成长的机会、展示自我的平台。",
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
    page = lines(BODY, BODY, "成长的机会、展示自我的平台。")
    page += lines("大会的这份工作报告指出，", BODY, "完了。")
    assert paragraphs(page)[0] == [
        BODY * 2 + "成长的机会、展示自我的平台。",
        "大会的这份工作报告指出，" + BODY + "完了。",
    ]


def test_a_heading_closed_by_its_column_tag_ends_there():
    # Evidence: a heading line ending in a bracketed column tag is complete; a short
    # heading line after it (a label) is a block of its own, not the heading's tail.
    page = lines("记录平凡英雄 为时代留", "下剪影（追梦之路）", "编者的话", BODY, BODY, "完了。")
    assert "编者的话" in paragraphs(page)[0]


def test_a_first_line_without_punctuation_goes_on_across_a_column_break():
    # Evidence: a line of first-line width that holds no punctuation, then a blank line
    # and a full line: a paragraph's first line continued in the next column, not a title.
    page = lines(BODY, BODY, "完了。", "青年教师在讲台上练就的", "", BODY, BODY, "完了。")
    assert paragraphs(page)[0][-1] == "青年教师在讲台上练就的" + BODY * 2 + "完了。"


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
    page += lines("人们都会记住这一个个镜", "头：", BODY, BODY, "完了。")
    assert any(b.startswith("人们都会记住这一个个镜头") for b in paragraphs(page)[0])


def test_a_letter_spaced_name_is_no_cut_phrase():
    # Evidence: a phrase cut after its first character ("…计划 培") follows a word of two or
    # more characters; a single character before the space is a letter-spaced name or
    # label ("本报记者 王 观"), complete on its line.
    page = lines("本报记者 王 观", "1月6日，我们在这里看段落怎样", BODY, BODY, "完了。")
    assert paragraphs(page)[0][0] == "本报记者 王 观"


def test_a_headline_tail_closed_by_its_column_tag_joins_the_headline():
    # Evidence: a heading line, then a shorter heading line that ends in a bracketed column
    # tag: the headline wrapped, its tail carrying the tag.
    page = lines(BODY, BODY, "完了。", "民生督办 建议落到实", "处（协商园地）", BODY, BODY, "完了。")
    assert "民生督办 建议落到实处（协商园地）" in paragraphs(page)[0]


def test_a_numbered_item_after_a_finished_one_opens_a_block():
    # Evidence: a line that starts with a list number ("（二）") after a line ending in a
    # semicolon, colon or sentence end opens a new item, even when that line is full.
    page = lines(BODY, BODY, "下列地方应当设立为保护区：")
    page += lines("（一）重要河流上游集水区域，饮用水水源区；", "（二）主要湖泊和大型水库周边，河道两侧；")
    page += lines("（三）其他区域。", BODY, "完了。")
    got = paragraphs(page)[0]
    assert got[1:4] == [
        "（一）重要河流上游集水区域，饮用水水源区；",
        "（二）主要湖泊和大型水库周边，河道两侧；",
        "（三）其他区域。",
    ]


def test_a_dateline_after_a_full_width_headline_opens_the_story():
    # Evidence: a line without punctuation as wide as the column (a headline), then a line
    # that starts with a dateline ("新华社北京12月31日电"): the story starts there.
    body = "我们在这里看段落怎样恢复，看得很清楚"
    page = lines(body, body, "完了。", "", "甲国外长同乙国外长在北京举行了会谈")
    page += lines("新华社北京12月31日电  （记者张小言）国", "务委员兼外交部长某某在北京同乙国外长", body, "完了。")
    assert paragraphs(page)[0][1] == "甲国外长同乙国外长在北京举行了会谈"


def test_a_title_line_then_a_much_wider_line_are_two_blocks():
    # Evidence: a line wraps where its column ends; a line without punctuation followed by
    # one far wider (a headline over its subtitle) did not wrap into it.
    page = lines(BODY, "完了。", "抓住新阶段推动城乡融合发展的关键", "努力使各方面工作更加扎实更加高效（理论漫谈）")
    page += lines(BODY, BODY, "完了。")
    got = paragraphs(page)[0]
    assert "抓住新阶段推动城乡融合发展的关键" in got


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
    page = lines(BODY, "完了。", "", "北岛国制造业现回暖迹象", "", "航空工业集团公司钳工刘明", "")
    page += lines("本报讯  " + BODY, BODY, "完了。")
    got = paragraphs(page)[0]
    assert got[1:3] == ["北岛国制造业现回暖迹象", "航空工业集团公司钳工刘明"]


def test_a_kicker_ending_in_a_lead_in_dash_is_its_own_block():
    # Evidence: a block's first line without punctuation that ends in "——" leads into
    # the title under it: a kicker, not the first half of a wrapped title.
    page = lines(BODY, "完了。", "", "“智慧城市”新场景来了——", "畅想智慧出行的便捷的明天", "")
    page += lines("本报讯  " + BODY, BODY, "完了。")
    got = paragraphs(page)[0]
    assert got[1:3] == ["“智慧城市”新场景来了——", "畅想智慧出行的便捷的明天"]


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
    page = lines(BODY, "完了。", "今天的乡村，有着抓住发展", "机会的底气，有着创造更多成", "就的信心")
    page += lines(BODY, BODY, "完了。")
    assert "今天的乡村，有着抓住发展机会的底气，有着创造更多成就的信心" in paragraphs(page)[0]


def test_two_short_title_lines_then_a_much_wider_one():
    # Evidence: a title line shorter than the next by far did not wrap into it, even where
    # the two characters at the break occur together elsewhere ("区高").
    page = lines("工业园区", "高起点谋划 促进发展", "", BODY, "园区高端制造业发展很快，", BODY, "完了。")
    got = paragraphs(page)[0]
    assert got[:2] == ["工业园区", "高起点谋划 促进发展"]


def test_a_short_line_under_a_title_short_of_the_column_is_its_own_block():
    # Evidence: a heading wraps where its frame ends; after a title line well short of
    # the column, a shorter line (a box label) did not wrap from it.
    page = lines(BODY, "完了。", "", "部署春运保障工作", "核心阅读", BODY, BODY, "完了。")
    assert paragraphs(page)[0][1:3] == ["部署春运保障工作", "核心阅读"]


def test_a_byline_marker_opens_a_block_even_after_a_line_that_runs_on():
    # Evidence: a line starting with a byline marker (□) opens a block even when the line
    # before is full and stops mid-sentence (a wide subtitle, wrapped, closed by a tag).
    page = lines(BODY, "完了。", "", "携手推进合作 共创美好未来", "——在区域合作论坛开幕式上的主旨演讲")
    page += lines("（2017年3月25日，某省某镇）", "□国务院副总理兼外交部长 张 三", "本报讯  " + BODY, "完了。")
    got = paragraphs(page)[0]
    assert "——在区域合作论坛开幕式上的主旨演讲（2017年3月25日，某省某镇）" in got
    assert "□国务院副总理兼外交部长 张 三" in got


def test_a_dateline_cut_before_its_place_ends_goes_on():
    # Evidence: a block that opens "据新华社…" and stops before the "电" of its dateline
    # goes on into the next line, short as it is.
    page = lines(BODY, "完了。", "", "甲国一起车祸造成多人受伤", "", "据新华社开罗4")
    page += lines("月21日电  （记者赵明）甲", BODY, "完了。")
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
    page = lines(BODY, "完了。", "", "脚踏实地，开创新局面", "——凝聚建设美好家园正能量")
    page += lines("一份份成绩单为我们实现", BODY, BODY, "完了。")
    assert "——凝聚建设美好家园正能量" in paragraphs(page)[0]


def test_a_number_cut_from_its_unit_goes_on_between_title_like_lines():
    # Evidence: a line ending in a number and the next starting with its unit ("…至23" /
    # "日推出…"), where the two occur together nearby, is one sentence cut by the wrap,
    # even when neither line holds punctuation.
    page = lines("活动从4月21日至23日举行。", "", "书店在4月21日至23", "日推出图书进校园活动")
    page += lines("为师生献上一次文化大餐。", "", BODY, BODY, "完了。")
    assert "书店在4月21日至23日推出图书进校园活动为师生献上一次文化大餐。" in paragraphs(page)[0]


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
    # ("…（生态园地）") clearly wider than the headline line above it did not wrap from it.
    body = "我们在这里看段落怎样恢复看得清，"
    page = lines(body, body, "完了。", "", "某省某县发现五百平方公里溶洞群", "新自然景观 兼顾保护与利用（生态园地）")
    page += lines("", body, body, body, "完了。")
    assert paragraphs(page)[0][1:3] == ["某省某县发现五百平方公里溶洞群", "新自然景观 兼顾保护与利用（生态园地）"]


def test_a_title_line_as_wide_as_the_line_above_did_not_wrap_from_it():
    # Evidence: a wrapped title's first line fills its frame and the rest is shorter; two
    # unpunctuated lines that close their block (a blank line, a byline, a dateline
    # follows), the second no narrower than the first, are a kicker and its title.
    body = "我们在这里看段落怎样恢复好，"
    page = lines(body, body, "完了。", "", "某市气象台发布大风黄色预警", "本周将有一次强降温过程来临")
    page += lines("本报记者 张三", "", body, body, "完了。")
    assert paragraphs(page)[0][1:3] == ["某市气象台发布大风黄色预警", "本周将有一次强降温过程来临"]


def test_a_credit_line_is_a_block_of_its_own():
    # Evidence: a short line crediting someone with a part of the page ("版式设计：某某": a
    # role, a colon, a name) ends its block and opens one, even between title-like lines.
    page = lines(BODY, "完了。", "刊头书法：李永林", "版式设计：张小伟", "走进读书人的乐园", "", BODY, "完了。")
    assert paragraphs(page)[0][1:4] == ["刊头书法：李永林", "版式设计：张小伟", "走进读书人的乐园"]
    # ... with two names too (not a line of text that happens to hold a colon)
    from archive.paragraphs import credit_line

    assert credit_line("版式设计：张小伟 李大明") and credit_line("版式设计：张小伟")
    assert not credit_line("案由：城里的老旧小区改造") and not credit_line("主办：某某博物馆  某某国家博物馆")


def test_a_title_closed_by_its_column_tag_about_as_wide_as_the_line_above_is_its_own_block():
    # Evidence: a whole title closed by its column tag, hardly narrower than the title line
    # above, did not wrap from it (a wrap leaves a shorter tail) unless a word runs on.
    body = "我们在这里看段落怎样恢复看得清，"
    page = lines(body, body, "完了。", "", "社区服务有温度物业管理有水平", "以身作则书记带头（基层路上）")
    page += lines("", body, body, body, "完了。")
    assert paragraphs(page)[0][1:3] == ["社区服务有温度物业管理有水平", "以身作则书记带头（基层路上）"]


def test_a_title_line_ending_in_de_goes_on():
    # Evidence: a title line ending in the particle "的" stops short of its noun: the next
    # line carries it on, even a whole title closed by a column tag.
    body = "我们在这里看段落怎样恢复看得清，"
    page = lines(body, body, "完了。", "", "办好社区公共文化服务的", "“味道”更浓（理论漫谈）")
    page += lines("", body, body, body, "完了。")
    assert "办好社区公共文化服务的“味道”更浓（理论漫谈）" in paragraphs(page)[0]


def test_a_title_tail_of_a_few_characters_and_its_column_tag_goes_on():
    # Evidence: a line of a few characters and a column tag ("不已（环球视点）") is no title of
    # its own: the title line above wrapped into it, whatever its width.
    body = "我们在这里看段落怎样恢复，"
    page = lines(body, body, "完了。", "", "物价问题仍让周边各国“头疼”", "不已（环球视点）")
    page += lines("", body, body, body, "完了。")
    assert "物价问题仍让周边各国“头疼”不已（环球视点）" in paragraphs(page)[0]


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
    body = "种上桃、李、杏等各类果树，花便"
    page = lines(body, body, "完了。", "", "今年春天各地气象日活动多", "来，让我们一起看云识天（绿色焦点）")
    page += lines("本报记者 张三", "", body, body, "完了。")
    assert paragraphs(page)[0][1:3] == ["今年春天各地气象日活动多", "来，让我们一起看云识天（绿色焦点）"]


def test_a_subtitle_after_a_title_as_wide_as_the_column_and_a_blank_line_is_its_own_block():
    # Evidence: a line without any punctuation, a blank line, then a line opening with a
    # subtitle's dash: a title and its subtitle, however wide the title is (a dash does
    # not carry a sentence on across a column break from a line without punctuation).
    body = "我们在这里看段落怎样恢复得清楚，"
    page = lines(body, body, "完了。", "", "增进团结共识  发挥各自特长  提高水平", "", "——某日各界人士代表发言摘编，",
                 "各界人士代表发言摘编")
    page += lines("", body, body, "完了。")
    assert paragraphs(page)[0][1:3] == ["增进团结共识  发挥各自特长  提高水平",
                                        "——某日各界人士代表发言摘编，各界人士代表发言摘编"]


def test_a_kicker_with_commas_wrapped_over_two_lines_then_its_title():
    # Evidence: a block that opened without punctuation and ends no sentence over two
    # lines (the second with a comma) is a wrapped kicker: a short line without any
    # punctuation after it is the title, not the kicker's last line.
    body = "我们在这里看段落怎样恢，"
    page = lines(body, body, "完了。", "", "某县某集团二十年坚持扶", "贫，先后带动万余人致富", "荒村变富了", "张三")
    page += lines("", body, body, "完了。")
    assert paragraphs(page)[0][1:3] == ["某县某集团二十年坚持扶贫，先后带动万余人致富", "荒村变富了"]


def test_a_summary_opened_with_a_comma_and_ending_without_a_full_stop_is_one_block():
    # ... but a block whose first line already holds a comma is text (a summary set
    # without a full stop), and its short last line stays with it.
    body = "我们在这里看段落怎样恢复得清楚，"
    page = lines(body, body, "完了。", "", "这一年，我们从容应对各种困难，",
                 "在转型升级的新道路上，产业保持了稳步", "提升的良好势头")
    page += lines("", body, body, "完了。")
    assert "这一年，我们从容应对各种困难，在转型升级的新道路上，产业保持了稳步提升的良好势头" in paragraphs(page)[0]


def test_a_line_ending_in_a_particle_before_a_column_break_goes_on():
    # Evidence: a line ending in "的" does not end a title; two lines without punctuation,
    # the second ending so before a blank line, are a paragraph going on across a column break.
    body = "我们在这里看段落怎样恢复得清楚明白，"
    page = lines(body, body, "完了。", "某某市商会要把学习贯彻落实会议",
                 "各项决策部署作为今年和明年一个阶段的", "", "首要工作任务。")
    page += lines("", body, body, "完了。")
    assert "某某市商会要把学习贯彻落实会议各项决策部署作为今年和明年一个阶段的首要工作任务。" in paragraphs(page)[0]


def test_a_letter_spaced_line_is_a_block_of_its_own():
    # Evidence: a letter-spaced line ("图 片 报 道") is a banner; the line under it, however
    # short, does not continue it.
    page = lines("图 片 报 道", "微阅读", "", "我们在这里看段落怎样恢复，", "完了。")
    assert paragraphs(page)[0][:2] == ["图片报道", "微阅读"]


def test_a_kicker_with_commas_ending_in_a_lead_in_dash_is_its_own_block():
    # Evidence: a first line set wider than the column, ending in a lead-in dash ("…——"),
    # then a line without punctuation: a kicker and its title, commas or not.
    body = "我们在这里看段落怎样恢复得，"
    page = lines(body, body, "完了。", "", "某县人大关注代表建议办理，推动履职成果落地——",
                 "重点建议督办 意见落到实处（人大工作新实践）", "", body, body, "完了。")
    assert paragraphs(page)[0][1:3] == ["某县人大关注代表建议办理，推动履职成果落地——",
                                        "重点建议督办 意见落到实处（人大工作新实践）"]


def test_a_title_over_a_narrower_caption_after_a_blank_line_is_its_own_block():
    # Evidence: a line without punctuation as wide as the column, alone before a blank line,
    # did not wrap into the caption set narrower under it.
    wide = "我们在这里看段落怎样恢复得清楚明白，"
    page = lines(wide, wide, "完了。", "", "某某会见某国际慈善组织首席执行官", "", "四月二十一日，读者在某省西",
                 "河市新华书店选购图书。", "", "为迎接世界读书日，某地书店", "推出系列活动，为市民献上", "读书大餐。")
    assert paragraphs(page)[0][1:3] == ["某某会见某国际慈善组织首席执行官",
                                        "四月二十一日，读者在某省西河市新华书店选购图书。"]


def test_a_subtitle_under_a_title_closed_by_its_column_tag_is_its_own_block():
    # Evidence: a column tag closes a title; a dash line right under it is its subtitle.
    body = "我们在这里看段落怎样恢复，"
    page = lines(body, body, "完了。", "", "年过七旬学丹青（观展札记）", "——问道求新：某某艺术研究展")
    page += lines("", "□张三  李四", "", body, body, "完了。")
    assert paragraphs(page)[0][1:3] == ["年过七旬学丹青（观展札记）", "——问道求新：某某艺术研究展"]


def test_a_column_wide_line_without_punctuation_alone_between_blank_lines_is_a_title():
    # Evidence: a paragraph's first line is an indent short of the column; a line as wide as
    # the column, without punctuation, alone after a finished text and before a blank line
    # is a title, not a paragraph's first line before a column break.
    body = "我们在这里看段落怎样恢复得，"
    page = lines(body, body, "完了。", "", "全市垃圾分类取得阶段性成果", "", body, body, "完了。")
    assert paragraphs(page)[0][1] == "全市垃圾分类取得阶段性成果"


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
    page = lines(body, body, "完了。", "", "某市某区建一站式服务中心，集中受理群众诉求",
                 "掌上报诉求 上门解难题（基层治理新观察）", "", body, body, "完了。")
    assert paragraphs(page)[0][1:3] == ["某市某区建一站式服务中心，集中受理群众诉求",
                                        "掌上报诉求 上门解难题（基层治理新观察）"]


def test_a_kicker_with_commas_over_a_title_with_commas_as_wide_closed_by_its_tag():
    # Evidence: a title closed by its column tag and about as wide as the line with commas
    # above it, before a blank line, is no wrapped title's shorter tail: kicker and title.
    body = "我们在这里看段落怎样恢复得清楚明白，"
    page = lines(body, body, "完了。", "", "瞄准产业需求，服务百姓生活", "2020，创新亮点多(科创观察)",
                 "", body, body, "完了。")
    assert paragraphs(page)[0][1:3] == ["瞄准产业需求，服务百姓生活", "2020，创新亮点多(科创观察)"]


def test_a_title_wider_than_the_column_right_under_a_text_then_its_subtitle():
    # Evidence: after a sentence ends, a line without punctuation wider than the column,
    # with a subtitle's dash line under it, is a title: neither the text's last line nor
    # the start of its subtitle.
    body = "我们在这里看段落怎样恢，"
    page = lines(body, body, "我们在这里看段落完了。", "某某省游泳队全运会选拔赛举行", "——某某、某某获得直通资格，",
                 "某某获得直通资格", "", body, body, "完了。")
    assert paragraphs(page)[0][1:3] == ["某某省游泳队全运会选拔赛举行", "——某某、某某获得直通资格，某某获得直通资格"]


def test_a_subtitle_set_wide_goes_on_into_its_next_line():
    # Evidence: a subtitle's dash line set wider than the column, then a line about as wide
    # that ends no sentence: the subtitle wrapped, commas or not.
    body = "我们在这里看段落怎样恢复，"
    page = lines(body, body, "完了。", "", "以务实作风汇聚发展力量", "", "——二〇一九年某某市各级机关和单位",
                 "严格执行各项制度、持续改进作风纪实", "", body, body, "完了。")
    assert "——二〇一九年某某市各级机关和单位严格执行各项制度、持续改进作风纪实" in paragraphs(page)[0]


def test_a_short_title_closed_by_its_column_tag_over_a_first_line_is_its_own_block():
    # Evidence: a short line opening a block and closed by a column tag ("（万花筒）"),
    # then a line an indent short of the column: a title over its text's first line.
    body = "我们在这里看段落怎样恢复，"
    page = lines(body, body, "完了。", "", "2020，加油！（万花筒）", "四十年前，作家某某创作", body, body,
                 body, "完了。")
    assert paragraphs(page)[0][1] == "2020，加油！（万花筒）"


def test_a_line_opening_with_a_conjunction_goes_on_from_the_line_before():
    # Evidence: a title or a sentence does not start with "和" or "的": a line opening so
    # goes on from the line above, across a change of width.
    body = "我们在这里看段落怎样恢复，"
    page = lines(body, body, "完了。", "", "巩固提升营商环境成效 从细从实管", "好项目资金 推动年度经济任务落实",
                 "和“十三五”目标顺利实现", "", "新华社北京1月5日电  某市经济工作", "会议召开。")
    assert "巩固提升营商环境成效 从细从实管好项目资金 推动年度经济任务落实和“十三五”目标顺利实现" in paragraphs(page)[0]


def test_a_short_tail_that_looks_like_a_name_after_a_line_with_commas_goes_on():
    # Evidence: after a line with commas that ends no sentence, a few characters that
    # happen to read as a name ("成宝山") are the line's tail, not a byline (a byline's
    # names under a title are set apart, "冯  林").
    body = "我们在这里看段落怎样恢复得清楚，"
    page = lines(body, "完了。", "解水困：依靠科技建水窖，荒坡变", "成宝山", body, body, "完了。")
    assert "解水困：依靠科技建水窖，荒坡变成宝山" in paragraphs(page)[0]
    page = lines(body, "完了。", "", "陈老，我们想您", "冯  林", "", body, body, "完了。")
    assert paragraphs(page)[0][1:3] == ["陈老，我们想您", "冯  林"]


def test_a_headline_character_left_alone_across_a_column_break_goes_on():
    # Evidence: one or two characters without punctuation alone after a blank line, that
    # with the end of the line before make a word found nearby ("常新"), finish that line.
    body = "我们在这里看段落怎样恢复，让家乡大地空气常新。"
    page = lines(body, "完了。", "", "让家乡大地碧水常清、蓝天常驻、空气常", "", "新", "", body, body, "完了。")
    assert "让家乡大地碧水常清、蓝天常驻、空气常新" in paragraphs(page)[0]


def test_a_subtitle_goes_on_into_a_shorter_line_over_its_byline():
    # Evidence: a subtitle's full dash line, then a shorter line without punctuation right
    # over a line of names (the byline): the subtitle wrapped, not a paragraph beginning.
    body = "我们在这里看段落怎样恢复，"
    page = lines(body, body, "完了。", "", "在总结经验中更好开创未来", "——认真学习领会某某同志",
                 "关于总结经验的重要讲话",
                 "任  远", "", body, body, "完了。")
    assert "——认真学习领会某某同志关于总结经验的重要讲话" in paragraphs(page)[0]


def test_a_wide_title_with_commas_closed_by_its_column_tag_over_a_text_is_its_own_block():
    # Evidence: a line closed by a column tag, with commas but no sentence end, far wider
    # than the line under it, which goes on mid-sentence: a title over its text, whatever
    # column width the short run around them suggests.
    body = "我们在这里看段落怎样恢复，"
    page = lines("湖北某县某镇某某村有个“倔强”的老支书", "", "当一届村干部，就得踏实干一届事（乡村·新面孔）",
                 "至今，王老汉仍旧住在村里，", "生活仍需照顾。", "", body, body, "完了。", "", body, body, body,
                 "完了。")
    assert paragraphs(page)[0][1:3] == ["当一届村干部，就得踏实干一届事（乡村·新面孔）",
                                        "至今，王老汉仍旧住在村里，生活仍需照顾。"]


def test_two_headline_lines_alone_without_a_word_cut_between_them_are_a_kicker_and_a_title():
    # Evidence: two lines alone (a blank line above, a byline under them), the first as wide
    # as the column and neither ending a sentence; the two characters at the break make no
    # word found in the text: a kicker over its title, not one title wrapped.
    body = "方案着眼推动区域共同发，"
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
    body = "2020年1月1日，老街迎来新年首场年货节。"
    page = lines(body, body, "完了。", "", "热乎乎的新年", "1月1日，某省某市某区某某镇石桥",
                 "镇的石桥老街迎来新年首场年货", "节。", "", body, body, "完了。")
    assert "热乎乎的新年" in paragraphs(page)[0]


def test_a_marked_line_wrapped_alone_stays_one():
    # A listing's marked line ("●主办：…") wrapped over two lines is one, whatever words
    # meet at the break.
    body = "作为某某画院建院60周年纪念系列展览的首站，"
    page = lines("某 某 联 赛 半 决 赛 对 阵", "", "艺荐", "", "问道求新", "", "——某某艺术研究展",
                 "●主办：某某美术家协会", "某某美术学院 某某画院", "", "●时间：5月12日至6月18", "日", "",
                 "●地点：某某画院美术馆", "", body, body, "完了。")
    assert "●主办：某某美术家协会某某美术学院 某某画院" in paragraphs(page)[0]


def test_a_title_closed_by_its_column_tag_after_a_full_line_ending_a_sentence_opens_a_block():
    # Evidence: no blank lines anywhere; a full line ends a sentence, then a line without
    # punctuation closed by a column tag ("…（体坛漫谈）"): a title, even one wider than
    # the column, not the text going on.
    body = "某某市今年将借助冬运会的契机会"
    page = lines("某某市冬季运动会今开幕", body, body, "机，办好冰雪特色活动、打造冰雪",
                 "特色品牌，让冬季市场热闹起来。", "勇于攀登再创新的佳绩（体坛漫谈）",
                 "——推进全民健身满足群众需求的思考之三", "", "精心备战比赛的同时，我国体育也需要", body, body, "完了。")
    blocks = paragraphs(page)[0]
    k = blocks.index("勇于攀登再创新的佳绩（体坛漫谈）")
    assert blocks[k - 1].endswith("让冬季市场热闹起来。")


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
    body = "积极推动创建卫生城市的活动，鼓励居民服务邻里。"
    page = lines(body, body, "完了。", "", "丰产不增收 难题咋破解",
                 "（聚焦农业新改革）", "", body, body, "完了。", "", "第二十一条  积极推动创",
                 "建卫生城市，鼓励居民们到社区为邻里服务。", "", body, "完了。")
    blocks = paragraphs(page)[0]
    assert "丰产不增收 难题咋破解（聚焦农业新改革）" in blocks
    assert "第二十一条  积极推动创建卫生城市，鼓励居民们到社区为邻里服务。" in blocks


def test_a_column_tag_wrapped_over_two_lines_under_a_wide_title_goes_with_it():
    # Evidence: a title line without punctuation (as wide as the column), then a bracket
    # opened and not closed on its line: the title's long column tag, wrapped.
    body = "在某县某镇某村，农户们在果树苗"
    page = lines(body, body, "完了。", "", "推动乡村全面振兴目标的重大任", "（坚持和完善某某制度、推进",
                 "某某体系和某某能力现代化）", "", body, body, "完了。")
    assert "推动乡村全面振兴目标的重大任（坚持和完善某某制度、推进某某体系和某某能力现代化）" in paragraphs(page)[0]


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
    page = lines(body, body, body, "务必做在前、当表率。", "", "推进基层治理务必做在前、当表率", "",
                 "某省某县实现垃圾分类处理全覆盖", "村里的废品变“宝贝”", "", narrow, narrow, narrow, "完了。")
    assert paragraphs(page)[0][1:4] == ["推进基层治理务必做在前、当表率", "某省某县实现垃圾分类处理全覆盖",
                                        "村里的废品变“宝贝”"]


def test_a_line_alone_without_punctuation_over_a_story_opening_with_its_date_is_a_title():
    # Evidence: a line a first line's indent short of the column, without punctuation and
    # alone between blank lines, then a full line opening with a date, as a story's lead
    # does: a title over its lead, not a first line going on across a column break.
    body = "我们在这里看段落怎样恢复得，"
    page = lines(body, body, "完了。", "", "某市新建八座城市公园开放", "", "2019年12月27日，某市新建的八",
                 body, body, "完了。")
    assert paragraphs(page)[0][1] == "某市新建八座城市公园开放"


def test_a_kicker_line_with_commas_over_a_line_of_parallel_phrases_ends_there():
    # Evidence: a line of parallel phrases set apart by a space is a whole title; the line
    # with commas over it, ending no sentence, is its kicker's last line, not its first.
    body = "我们在这里看段落怎样恢复得很好，"
    page = lines(body, body, "完了。", "", "某省某区加强社区", "建设，提升服务水平", "理清问题清单  找准资源清单", "",
                 body, body, "完了。")
    assert "理清问题清单  找准资源清单" in paragraphs(page)[0]


def test_parallel_phrases_cut_before_a_short_tail_and_its_column_tag_go_on():
    # Evidence: "…新动" / "力（田间观察）": a title's last character and its column tag under a
    # line that only looks like parallel phrases: one title wrapped.
    body = "我们在这里看段落怎样恢复得很好，"
    page = lines(body, body, "完了。", "", "某县“田管家”活跃", "乡间，破解谁来种地难题",
                 "新型农业主体带头 乡村振兴增添新动", "力（田间观察·组织方式）", "", body, body, "完了。")
    assert "新型农业主体带头 乡村振兴增添新动力（田间观察·组织方式）" in paragraphs(page)[0]


def test_a_title_wider_than_the_text_under_it_ends_at_its_column_tag():
    # Evidence: a title line closed by its column tag, without punctuation before the tag,
    # set wider than the narrow text under it, then a line of first-line width: the next
    # headline group's kicker, not the title going on.
    first, line = "我们在这里看段落怎样恢复得很好，", "看看这里的段落怎样恢复得很好了吧，"
    narrow = ["新年到来之际，某某广", "播电视台深入基层，开展慰", "问演出，前往各地的农村、",
              "社区、学校和部队，为广大", "群众送上了精彩的文艺节目", "和温暖的新春祝福，受到了", "大家的欢迎。"]
    page = lines(first, line, line, "完了。", "", "航空某某集团某某公司钳工张三明",
                 "精雕细琢 匠心铸器（工匠风采）", "某某广播电视总台——", "文艺下基层 欢乐过新年", "", *narrow, *narrow)
    assert paragraphs(page)[0][1:5] == ["航空某某集团某某公司钳工张三明", "精雕细琢 匠心铸器（工匠风采）",
                                        "某某广播电视总台——", "文艺下基层 欢乐过新年"]


def test_a_subhead_of_phrases_between_texts_goes_on_into_its_short_tail():
    # Evidence: a line of phrases set apart by spaces, alone between texts, then a short
    # line of CJK characters ending the block: one subhead wrapped inside its last phrase
    # (not a subhead over a box label), whatever words meet at the break.
    first, line = "我们在这里看段落怎样恢复得很好，", "看看这里的段落怎样恢复得很好了吧，"
    para = [first, line, line, "完了。"]
    page = lines(*para, "", "以上率下  彰显党员干部", "为民本色", "", *para)
    assert paragraphs(page)[0][1] == "以上率下  彰显党员干部为民本色"
    # ... but a photo's credit set apart by spaces is no phrase: the line under it titles the photo
    page = lines(*para, "", "某某社记者  张小明摄", "春耕图景", "", *para)
    assert paragraphs(page)[0][1:3] == ["某某社记者  张小明摄", "春耕图景"]


def test_an_address_for_letters_is_a_block_of_its_own():
    # Evidence: a line ending in an e-mail address ("来稿信箱：…@…") is a block of its own:
    # it goes on neither from the note on the author over it nor, across the blank line,
    # into the title under it.
    text = ["“我们一路走来，成绩", "有目共睹，根本原因就在于我", "们始终坚守了为人民谋幸福", "的初心和使命。”"]
    page = lines("（作者为本报某地记者）", "专栏来稿信箱：abcd1234@163.com", "", "以实干作风凝聚奋进磅礴力量",
                 "——二〇一九年某某部门贯彻执行某某规", "定、推进某某工作纪实", "", *text)
    assert paragraphs(page)[0][:3] == ["（作者为本报某地记者）", "专栏来稿信箱：abcd1234@163.com",
                                       "以实干作风凝聚奋进磅礴力量"]


def test_a_word_cut_by_another_column_break_is_evidence_of_a_word_across_this_one():
    # Evidence: "完" / "善" at a break is a word cut when the pair also occurs nearby, in a
    # line or across another break where a full line goes on mid-sentence; not across the
    # break in question, nor across a line short of the column.
    def nearby(*tail: str) -> bool:
        text = lines("我们在这里看段落怎样恢复，看看这里的段落", "怎样恢复得很好吧，完了。",
                     "一个看段落的标题和看段落的标题真的是很完", "善之处", *tail)
        return _Page(normalize(make_source(text)).pages[0]).nearby("完善", 3)

    full = "怎样恢复得很好吧，并且使得这个体系更加完"
    assert nearby("这里的段落怎样恢复得很好，体系更加完善。")  # (in a line)
    assert nearby(full, "善，看看这里的段落怎样恢复得很好吧。")  # (across a full line's break)
    assert not nearby(full[:-1] + "好", "善，看看这里的段落怎样恢复得很好吧。")  # (only across this one)
    assert not nearby("看看段落，更加完", "善，看看这里的段落怎样恢复得很好吧。")  # (a short line's end)


def test_a_date_cut_before_its_days_unit_goes_on():
    # Evidence: "…1月4" / "日至…": a month and a day's number, then the day's unit, is one
    # date cut by the column, even where the line after is much narrower.
    page = lines("某某标题", "", "新华社北京 12 月 31 日电  某部门发言人某某", "31 日宣布：应某某邀请，某国总统某",
                 "某某某某将于 2020 年 1 月4", "日至 11 日来华进行友好访问。", "", "某国总统将访华")
    assert paragraphs(page)[0][1].endswith("将于2020年1月4日至11日来华进行友好访问。")


def test_a_credits_list_ends_at_a_blank_line():
    # Evidence: a block opened by a credit's label ("资料出处：") listing names with "、" and
    # nothing else ends at a blank line, unless a word runs on across it; a paragraph opened
    # by a speaker ("某某介绍：") goes on across a column break.
    para = ["我们在这里看段落怎样恢", "复得很好，看看这里的段落", "怎样恢复得很好了吧，看看",
            "这里的段落好了吧，完了。"]
    page = lines(*para, "资料出处：某某统计局、", "某某环境部、某某日报", "", "全面小康 号角已经吹响", "", *para)
    assert paragraphs(page)[0][1:3] == ["资料出处：某某统计局、某某环境部、某某日报", "全面小康 号角已经吹响"]
    page = lines(*para, "某某介绍：在职业分类的基", "", "础上，部门将面向社会公开", "征集评价规范。", *para)
    assert paragraphs(page)[0][1] == "某某介绍：在职业分类的基础上，部门将面向社会公开征集评价规范。"


def test_a_line_opening_with_an_ellipsis_goes_on_from_the_line_before():
    # Evidence: '“非常软”“感到丝绸般的顺滑”' then "……在某地…": the ellipsis carries the
    # sentence on; the quotes are the paragraph's first line, not a subhead.
    page = lines("某国积极培育初创企业", "", "“非常软”“感到丝绸般的顺滑”", "……在位于某国某市的一家叫做“未",
                 "来触感”的新创公司，我们通过一块积木大", "小的装置，感受到了挤压和推力等多种感", "觉。")
    assert paragraphs(page)[0][1].startswith("“非常软”“感到丝绸般的顺滑”……在位于某国某市")


def test_two_lines_with_commas_ending_the_page_are_a_kicker_and_its_title():
    # Evidence: a line with commas that ends no sentence may go on across a column break,
    # but not at the page's end: two such lines alone there, no word cut between them,
    # are a kicker and its title (headlines after their body).
    first, line = "我们在这里看段落怎样恢复得很好，", "看看这里的段落怎样恢复得很好了吧，嗯"
    page = lines(first, line, line, "完了。", "",
                 "某市车站提升服务水平，方便旅客出行", "新服务加新技术，旅途舒心又便利")
    assert paragraphs(page)[0][-2:] == ["某市车站提升服务水平，方便旅客出行", "新服务加新技术，旅途舒心又便利"]


def test_a_title_goes_on_into_its_last_character_and_a_column_tag_as_wide_as_itself():
    # Evidence: "…新动" / "力（田间观察…）" as above, where the tag is long enough that the
    # tail is as wide as the title's first line: still one title wrapped, not a kicker over
    # a title no narrower than it.
    first, line = "我们在这里看段落怎样恢复得很好，", "看看这里的段落怎样恢复得很好了吧，嗯"
    para = [first, line, line, "完了。"]
    page = lines(*para, "", "某县“田管家”活跃", "乡间，破解谁来种地难题",
                 "新型农业主体带头 乡村振兴增添新动", "力（田间观察高质量·组织方式变化）", "", *para)
    assert "新型农业主体带头 乡村振兴增添新动力（田间观察高质量·组织方式变化）" in paragraphs(page)[0]


def test_a_paragraph_goes_on_across_a_change_of_column_estimate_after_a_joining_word():
    # Evidence: a paragraph's line ending in "将" goes on into the next, even where the
    # column estimate changes under it (a narrower text follows); and a paragraph's line
    # without punctuation goes on into its short last line ending the sentence.
    wide = "我们在这里看段落怎样恢复得好不好呢，"
    narrow = "我们在这里看段落恢复，"
    page = lines("某国总统将访华", "", "新华社某地1月1日电  外交部发言人张三", wide, wide, wide,
                 "日宣布：应国家主席邀请，某国总统某某将", "于 2020 年 1 月 4 日至 11 日到我国进行国事访", "问。",
                 "据新华社某地1月4日电", *[narrow] * 7, "完了。")
    blocks = paragraphs(page)[0]
    assert blocks[1].endswith("某国总统某某将于2020年1月4日至11日到我国进行国事访问。")
    # ... but a subhead closed by its quote does not go on into a one-line paragraph
    body = "我们在这里看段落怎样恢复了，"
    page = lines(body, body, body, body, "完了。", "（四）", "“培养担当乡村振兴大任的", "新型农民”",
                 "人是乡村振兴的主体。", body, body, body, "完了。")
    assert paragraphs(page)[0][2:4] == ["“培养担当乡村振兴大任的新型农民”", "人是乡村振兴的主体。"]


def test_a_laws_numbered_article_without_punctuation_goes_on_into_its_next_line():
    # Evidence: "第二条  …" opens a law's numbered article: text, whatever punctuation its
    # first line lacks (a chapter heading, "第一章  总  则", stays a line of its own).
    body = "我们在这里看段落怎样恢复了，"
    page = lines("第一章  总  则", "", "第一条  " + body, body, "完了。", "",
                 "第二条  某某单位的工作", "应当坚持以下要求：", "",
                 "（一）" + body, "完了；", "（二）" + body, "完了。")
    blocks = paragraphs(page)[0]
    assert blocks[0] == "第一章  总  则"
    assert blocks[2] == "第二条  某某单位的工作应当坚持以下要求："


def test_a_date_alone_under_a_signature_is_a_block_of_its_own():
    # Evidence: a date alone on its line closes a decree under its signature; the table of
    # contents' label after it ("目 录") is no part of it.
    body = "我们在这里看段落怎样恢复了，"
    page = lines("某某省人民政府令", "第十二号", "《某某省河道管理条例》已经", body, "起施行。", "某某省省长  张三",
                 "2019年12月28日", "目 录", "第一章 总 则", "第二章 河道整治")
    assert paragraphs(page)[0][3:6] == ["某某省省长  张三", "2019年12月28日", "目 录"]


def test_a_kicker_listing_things_of_one_length_ends_over_its_title():
    # Evidence: a line that only lists things of one length with "、" is whole; the line
    # without punctuation under it is the title, not the list's wrapped tail ...
    body = "我们在这里看段落怎样恢复得很好，"
    page = lines(body, body, "完了。", "", "修路、架桥、建房、植树", "某县四项措施改善村容村貌", "",
                 body, body, "完了。")
    assert paragraphs(page)[0][1:3] == ["修路、架桥、建房、植树", "某县四项措施改善村容村貌"]
    # ... but a text's first line that lists places goes on into the next one
    page = lines(body, body, "完了。", "", "山东、河南、河北、山西", "等地都有分布，" + body, "完了。")
    assert paragraphs(page)[0][1] == "山东、河南、河北、山西等地都有分布，" + body + "完了。"


def test_a_note_in_brackets_over_lines_ends_where_it_closes():
    # Evidence: a block opened by a bracket over several lines ("（新华社某地1月2日电  记 /
    # 者张三、李四…）") ends with the line that closes it: the line after it (a title) is
    # no part of it.
    body = "我们在这里看段落怎样恢复了，"
    page = lines(body, body, "完了。", "（新华社某地1月 2 日电  记", "者张三、李四、王五、赵六、", "钱七、孙八）",
                 "某某干预不得人心（声音）", "", body, body, "完了。")
    blocks = paragraphs(page)[0]
    assert blocks[1:3] == ["（新华社某地1月2日电  记者张三、李四、王五、赵六、钱七、孙八）", "某某干预不得人心（声音）"]


def test_a_short_story_without_punctuation_in_its_inner_lines_takes_its_own_column():
    # Evidence: a story of four lines between blank lines, ending a sentence, whose inner
    # lines are one width, is set in its own (narrower) column, even though only its last
    # line holds punctuation: its lines are no headings of the wider text around it.
    wide = "我们在这里看段落怎样恢复得好不好了，"
    page = lines(wide, wide, wide, "完了。", "", "某某会见某国政党访问团", "",
                 "本报北京 4 月21日电  某某", "副主席张三21日在京会见了以某某党", "主席李四为团长的某国执政联盟两党",
                 "访问团一行。", "", wide, wide, wide, wide, "完了。")
    assert paragraphs(page)[0][2] == (
        "本报北京4月21日电  某某副主席张三21日在京会见了以某某党主席李四为团长的某国执政联盟两党访问团一行。")


def test_a_wide_kicker_with_commas_over_a_title_with_a_colon_over_its_byline():
    # Evidence: two lines over a byline, the first set wider than the column, no word cut
    # between them: a kicker and its title (the title's colon changes nothing) ...
    body = "我们在这里看段落怎样恢复得好不好了，"
    page = lines(body, body, "完了。", "", "某市创新执法模式，挖掘深层次的环境问题", "环保执法：专家帮忙好“治病”",
                 "本报记者  李四明", "", body, body, "完了。")
    assert paragraphs(page)[0][1:3] == ["某市创新执法模式，挖掘深层次的环境问题", "环保执法：专家帮忙好“治病”"]
    # ... but a subtitle wrapped over two lines over the byline stays one
    body = "我们在这里看段落恢复了，"
    page = lines(body, body, body, body, "完了。", "", "今年分类救治困难群众两万多人", "（在省政府新闻发布会上）",
                 "——确保农村困难群众应", "治尽治、应帮尽帮", "本报记者  李四明", "", body, body, body, "完了。")
    assert "——确保农村困难群众应治尽治、应帮尽帮" in paragraphs(page)[0]


def test_a_wrapped_kicker_ends_at_its_last_line_short_of_the_column_over_the_title():
    # Evidence: a kicker with commas wrapped over two lines, its last line short of the
    # column with no punctuation, then a full line ending the page: the title, not the
    # kicker's text going on (a paragraph's inner lines are full).
    body = "我们在这里看铁路恢复得好，"
    page = lines(body, body, body, "完了。", "", "随着最长的隧道贯通，某某铁", "路进入线上轨道铺设阶段",
                 "“某国将迎来加速发展新时期”")
    assert paragraphs(page)[0][1:] == ["随着最长的隧道贯通，某某铁路进入线上轨道铺设阶段", "“某国将迎来加速发展新时期”"]


def test_a_byline_wrapped_after_a_role_word_goes_on_into_the_name():
    # Evidence: a line ending in a role word ("…新华社记者") waits for the name on the next
    # line ("王  松摄"): one byline, not a credit line of its own.
    body = "我们在这里看段落怎样恢复了，"
    page = lines(body, body, "完了。图为游客在公园游览。", "本报记者  张  三文  新华社记者", "钱  七摄",
                 "冰雪节开幕", "", body, body, "完了。")
    assert "本报记者  张  三文  新华社记者钱  七摄" in paragraphs(page)[0]


def test_a_short_quoted_word_and_its_column_tag_are_a_titles_tail_not_a_title():
    # Evidence: "“答卷”（声音）" holds two characters before its column tag: too few for a
    # title of its own, it is the tail of the title line over it.
    body = "我们在这里看段落怎样恢复得很好，"
    page = lines(body, body, "完了。", "", "帮助青年人写好创业", "“答卷”（声音）", "", body, body, "完了。")
    assert paragraphs(page)[0][1] == "帮助青年人写好创业“答卷”（声音）"


def test_parallel_phrases_cut_inside_their_last_phrase_go_on():
    # Evidence: phrases set apart by a space, the last cut short ("某某着眼未来 致力点"):
    # the headline line wrapped inside its last phrase goes on into the next line ...
    body = "我们在这里看段落怎样恢复得很好，"
    page = lines(body, body, "完了。", "", "“春风行动奖学金”启动", "某某着眼未来 致力点", "亮少年足球梦想", "",
                 body, body, "完了。")
    assert "某某着眼未来 致力点亮少年足球梦想" in paragraphs(page)[0]
    # ... over a subtitle too
    page = lines(body, body, "完了。", "", "某某对某项工作作出重要指示强调", "紧紧围绕全省工作的大局 全面履行",
                 "职责坚持依法办事完善机制", "——某某会见先进集体代表", "", body, body, "完了。")
    assert "紧紧围绕全省工作的大局 全面履行职责坚持依法办事完善机制" in paragraphs(page)[0]
    # ... from a line wider than the column, over a line of another width
    text = "我们在这里看段落怎样恢复得很好看看，"
    page = lines(text, text, "完了。", "", "某某召开座谈会强调", "巩固拓展某项改革成效 从严从紧管好各项支出 确保",
                 "全面完成今年各项任务和“十四五”目标", "", "本报某地1月2日电  我们在这里看段落，", text, "完了。")
    assert "巩固拓展某项改革成效 从严从紧管好各项支出 确保全面完成今年各项任务和“十四五”目标" in paragraphs(page)[0]
    # ... but a post and a name ("某某协会主席 张三") over a text is a byline's line
    page = lines(body, body, "完了。", "", "某某协会主席 张三", "某某协会最初是由教育界人士",
                 "组成的，" + body, "完了。")
    assert "某某协会主席 张三" in paragraphs(page)[0]


def test_a_wrapped_kickers_lead_in_dash_ends_it_over_a_title_closed_by_its_tag():
    # Evidence: a kicker wrapped over two lines ends in a lead-in dash ("…某某——"); the
    # next line, without punctuation, opens a title closed by its column tag (wrapped or not).
    body = "我们在这里看段落怎样恢复得很"
    page = lines(body + "，", body + "，", "完了。", "", "从江南到西北，推销山货、发", "展旅游，帮扶干部王某——",
                 "唱响青山好风光（乡村路上·绿", "色家园·帮扶故事②）", "", body + "，", body + "，", "完了。")
    assert paragraphs(page)[0][1:3] == ["从江南到西北，推销山货、发展旅游，帮扶干部王某——",
                                        "唱响青山好风光（乡村路上·绿色家园·帮扶故事②）"]
    page = lines(body + "，", body + "，", "完了。", "", "从江南到西北，推销山货、发", "展旅游，帮扶干部王某——",
                 "唱响青山好风光（乡村故事）", "", body + "，", body + "，", "完了。")
    assert paragraphs(page)[0][1:3] == ["从江南到西北，推销山货、发展旅游，帮扶干部王某——",
                                        "唱响青山好风光（乡村故事）"]
    # ... or a whole title without a tag, ending its block
    narrow = "我们在这里看段落怎样恢，"
    page = lines(narrow, narrow, "完了。", "", "某国主席的新年贺词在各地干部", "群众中引起强烈反响——",
                 "用勤劳的双手创造美好生活", "", "本报某地1月1日电  我们在这里看", narrow, "完了。")
    assert paragraphs(page)[0][1:3] == ["某国主席的新年贺词在各地干部群众中引起强烈反响——", "用勤劳的双手创造美好生活"]
    # ... but a text's line ending in a dash, then a bracket opened for a short aside, goes on
    page = lines(body + "，", "首个布局建设的重大工程设施——", "某某跨海大桥工程建设项目（简称",
                 "“某桥”）。我们在这里看段落恢复，", "完了。")
    assert len(paragraphs(page)[0]) == 1


def test_a_title_under_a_kickers_dash_ends_at_a_blank_line():
    # Evidence: a kicker set apart ends in a lead-in dash; the line under it, without
    # punctuation and short of the column, is the title even when a blank line (a column
    # break, it could be) parts it from a full line of text.
    body = "我们在这里看段落怎样恢复得很"
    for kicker in (["某省乡村在冬季农闲时节开办", "夜校培训技术能手——"], ["让一座座“空心村”重新热闹——"]):
        page = lines(body + "，", body + "，", "完了。", "", *kicker, "学到手艺农家日子越过越红火", "",
                     "“我们在这里看段落怎样恢复，", body + "，", "完了。")
        assert paragraphs(page)[0][1:4] == ["".join(kicker), "学到手艺农家日子越过越红火",
                                            "“我们在这里看段落怎样恢复，" + body + "，完了。"]
    # ... a title with commas too (and the next kicker is no part of it)
    narrow = "我们在这里看段落怎样恢复，"
    page = lines(narrow, narrow, "完了。", "", "提出心脏病治疗新方法，内科专家张某某——", "探寻科学奥秘，永不停步", "",
                 "“新技术”助力城市建设——", "描绘数字城市的美好前景", "", narrow, narrow, "完了。")
    assert paragraphs(page)[0][1:5] == ["提出心脏病治疗新方法，内科专家张某某——", "探寻科学奥秘，永不停步",
                                        "“新技术”助力城市建设——", "描绘数字城市的美好前景"]
    # ... but after a short label in the text ("某地——") or a paragraph's lines, a line goes on
    page = lines(body + "，", "以取得对东部地区的关键控制。", "", "国际合作——", "", "各方应共同推动东部地区的", "",
                 "和平发展进程，避免局势进一步恶", "化")
    assert paragraphs(page)[0][-1] == "各方应共同推动东部地区的和平发展进程，避免局势进一步恶化"
    page = lines(body + "，", "了新老更替的新时期。", "在城市、乡村等各个方面", "捷报传来之际，各行各业的发展也",
                 "在成片地更新换代——", "", "被称为“东方明珠”的东港", "", "市、西港市、南港市等新型城市",
                 "先后建成，兼具居住、商业、", "文化的“城市综合体”日渐完善。")
    assert paragraphs(page)[0][-1].startswith("被称为“东方明珠”的东港市、西港市")
    page = lines(body + "，", "完了。", "", "宏大之中有细腻精巧的山水人物，妙", "手巧思与江南风情合而为一，点睛之",
                 "笔东边一点，西边一划——", "", "老宅子的中间留出“天井”，人", "", "的团圆欢聚之乐，就像井水了，天井",
                 "里充满的清风与日光也像井水。")
    assert paragraphs(page)[0][-1].startswith("老宅子的中间留出“天井”，人的团圆欢聚")
    # ... and so does a quote opened under a subhead in the text
    page = lines(body + "，", "完了。", "", "这是永远不变的为民情怀", "——", "", "“要时时处处想到身边的", "",
                 "乡亲、邻里的冷暖，始终保", "持我们同乡亲的密切联系。”")
    assert paragraphs(page)[0][-1] == "“要时时处处想到身边的乡亲、邻里的冷暖，始终保持我们同乡亲的密切联系。”"


def test_a_kickers_short_tail_with_commas_ends_over_a_title_set_far_wider():
    # Evidence: a line with commas, short of the column, then a line without punctuation far
    # wider than it: the wider line did not go on from a kicker's tail, it opens the title.
    body = "我们在这里看段落怎样恢复得很好"
    page = lines(body + "，", body + "，", "完了。", "", "东山省西县“牧保姆”走进", "牧场，破解谁来养畜难题",
                 "新型职业牧民带头 牧业发展增添新活力", "（牧场追踪·组织方式变革）", "", body + "，", "完了。")
    assert "新型职业牧民带头 牧业发展增添新活力（牧场追踪·组织方式变革）" in paragraphs(page)[0]


def test_a_subtitle_goes_on_into_a_line_opening_a_bracket():
    # Evidence: a subtitle's full line, then a line as wide as a first line that opens a
    # bracket the line after it closes: the subtitle wrapped, no paragraph starts there.
    body = "我们在这里看段落怎样恢复得很好，"
    page = lines(body, body, body, "完了。", "感谢各位！", "携手推进区域合作 共同开", "创地区和世界美好未来", "",
                 "——在某某国际论坛 2017 年年会", "闭幕式上的一次发言（2017年3", "月25日，某省某镇）",
                 "某某国政府副总理 张小明", body, body, "完了。")
    assert "——在某某国际论坛2017年年会闭幕式上的一次发言（2017年3月25日，某省某镇）" in paragraphs(page)[0]


def test_a_subtitles_short_last_line_ends_it_over_the_text():
    # Evidence: a block opened by a subtitle's dash, its last line short of the column and
    # ending no sentence, then a line opening a quote (or a first line): the text starts.
    body = "我们在这里看段落怎样恢复"
    page = lines(body + "，", body + "，", "完了。", "以优良学风凝聚攻坚克难力量", "——二〇一九年某某大学贯彻",
                 "执行学风建设规定、推进教学", "改革、加强管理纪实", "“我们学校一路走来，成",
                 "就有目共睹，根本原因就在", "于我们始终坚守初心。”", "", body + "，", "完了。")
    assert paragraphs(page)[0][2:4] == [
        "——二〇一九年某某大学贯彻执行学风建设规定、推进教学改革、加强管理纪实",
        "“我们学校一路走来，成就有目共睹，根本原因就在于我们始终坚守初心。”"]
    # ... but a dash opening a sentence in the text ("——凭的是…。") opens no subtitle
    page = lines(body + "，", body + "，", "完了。", "", "——凭的是科学精细、务", "实肯干的作风。走出困境需要",
                 "某某村，扶贫工作队一山一水", "查实地、一家一户问实情，引", "导年轻人搞乡村旅游，无数干",
                 "部在“细”字上做文章、在", "“实”字上出实招，用汗水自知", "的“付出指数”，换来写在群",
                 "众脸上的“满意指数”。")
    assert len(paragraphs(page)[0]) == 2


def test_a_kicker_as_wide_as_its_frame_ends_over_a_title_wrapped_into_a_shorter_tail():
    # Evidence: three headline lines, the first two set wider than the text and about as wide,
    # the third shorter and ending the group (a blank line, then a dateline): a kicker, then a
    # title wrapped over two lines; unless a word runs on from the first line into the second.
    body = "我们要管好财政支出，"
    page = lines(body, body, "完了。", "", "《某刊》杂志发表某某负责人重要文章", "坚持和完善农村基层社会治理制度推进",
                 "乡村治理体系和治理能力现代化", "", "新华社北京1月1日电  我们在这", body, body, "完了。")
    assert paragraphs(page)[0][1:3] == ["《某刊》杂志发表某某负责人重要文章",
                                        "坚持和完善农村基层社会治理制度推进乡村治理体系和治理能力现代化"]
    page = lines(body, body, "完了。", "", "巩固拓展改革成效坚持从严从紧管", "好财政支出确保全面完成年度任务",
                 "和年度规划圆满收官", "", "新华社北京1月1日电  我们在这", body, body, "完了。")
    assert paragraphs(page)[0][1] == "巩固拓展改革成效坚持从严从紧管好财政支出确保全面完成年度任务"


def test_a_wrapped_kickers_short_last_line_ends_over_a_title_whose_tag_wraps_on():
    # Evidence: a kicker's short last line, then a line opening a column tag that the next
    # line closes ("…？（某某探访" / "—某某③）"): the title starts there, whatever words meet.
    body = "我们种的是强筋优质苹果品种"
    page = lines(body + "，", body + "，", "完了。", "", "作为全国苹果生产第一大省，", "某省不只重量更重质",
                 "苹果咋能种好又卖好？（春耕探访", "—特色产区如何打响品牌③）", "□张小明  李  大", "咋种好苹果？", "",
                 body + "，", "完了。")
    assert paragraphs(page)[0][1:3] == ["作为全国苹果生产第一大省，某省不只重量更重质",
                                        "苹果咋能种好又卖好？（春耕探访—特色产区如何打响品牌③）"]


def test_a_wrapped_kickers_short_last_line_ends_over_a_title_with_a_colon_closed_by_its_tag():
    # Evidence: a kicker's last line with commas, short of the column, then a line closed by
    # a column tag that ends the group (punctuation before the tag, "某地：…"): the title.
    body = "我们在这里看段落怎样恢复得很好一些"
    page = lines(body + "，", body + "，", "完了。", "", "今年供暖季前，全市将完成五百个村、约二十万",
                 "户的改造任务，基本实现南部各区无煤化", "东港：“煤改气”正加紧（绿色家园·清洁能源）", "",
                 "本报记者  张小明", "", body + "，", "完了。")
    assert paragraphs(page)[0][2] == "东港：“煤改气”正加紧（绿色家园·清洁能源）"


def test_a_line_alone_then_a_whole_title_closed_by_its_tag_across_a_blank_line():
    # Evidence: a line alone ending no sentence, a blank line, then a title with a comma
    # closed by its column tag and set apart: two headline fields, no sentence going on.
    body = "我们在这里看段落怎样恢复，"
    page = lines("聚焦科学前沿，惠及百姓民生", "", "2020，科研看点多(科技视点)", "", body, body, "完了。")
    blocks = paragraphs(page)[0]
    assert blocks[0] == "聚焦科学前沿，惠及百姓民生" and blocks[1].startswith("2020，科研看点多(科技视点)")


def test_a_wrapped_fields_short_last_line_ends_over_a_wider_line_without_punctuation():
    # Evidence: a headline field wrapped over two lines, its last line short, then a line
    # without punctuation wider than that tail: it did not go on from it (kicker, then title).
    body = "我们在这里看段落怎样恢，"
    page = lines(body, body, "完了。", "", "某某部、某某部印发《事业单", "位人员教育培训规定》",
                 "每人年培训时间不少于八十学时", "", body, body, "完了。")
    assert paragraphs(page)[0][1:3] == ["某某部、某某部印发《事业单位人员教育培训规定》",
                                        "每人年培训时间不少于八十学时"]


def test_a_wrapped_kickers_short_last_line_ends_it_over_a_title_closed_by_its_tag():
    # Evidence: a kicker with commas wrapped over two lines, its last line short of the
    # column, then a line as wide closed by a column tag: the title, blank line or not.
    body = "我们在这里看段落怎样恢复"
    for gap in ("", "\n"):
        page = lines(body + "，", body + "，", "完了。", "", "地处山区北部，面对困难不", "泄气，发展旅游促增收" + gap,
                     "南岭村脱贫记（小康故事）", "", body + "，", body + "，", "完了。")
        assert paragraphs(page)[0][1:3] == ["地处山区北部，面对困难不泄气，发展旅游促增收", "南岭村脱贫记（小康故事）"]


def test_a_dateline_in_brackets_closes_its_story_over_a_title():
    # Evidence: a whole line in brackets holding a dateline ("（本报某地1月5日电）") closes a
    # story; the line after it, a title with its column tag, is no part of it.
    body = "我们在这里看段落怎样恢复得很"
    page = lines(body + "，", body + "，", "完了。", "（本报西港市、东港1月5日电）",
                 "某国矛盾激化引发关注（国际视点）", "核心阅读", body + "，", "完了。")
    assert paragraphs(page)[0][1:3] == ["（本报西港市、东港1月5日电）", "某国矛盾激化引发关注（国际视点）"]


def test_a_bracket_opened_before_a_column_break_closes_after_it():
    # Evidence: a note opened in brackets ("（作者为…，某刊编辑李") and closed on the line
    # after a blank line ("某采访整理）"): one note, cut by a column break.
    body = "我们在这里看段落怎样恢复得很"
    page = lines(body + "，", body + "，", "完了。", "（作者为某国前总统，某刊编辑李", "", "某某采访整理）",
                 "中国发展为科研注入活力", "", body + "，", "完了。")
    assert paragraphs(page)[0][1] == "（作者为某国前总统，某刊编辑李某某采访整理）"
    # ... and a note whose next line opens like a byline ("本报记者…") goes on into it
    page = lines(body + "，", body + "，", "完了。", "（作者为某国前总统，", "本报记者李某某采访整理）",
                 "中国发展为科研注入活力", "", body + "，", "完了。")
    assert paragraphs(page)[0][1] == "（作者为某国前总统，本报记者李某某采访整理）"


def test_a_line_ending_in_a_middle_dot_goes_on():
    # Evidence: a foreign name's middle dot ends the line ("（某国）安娜·玛丽·"): the name
    # goes on into the next line, whose few characters could pass for a name of their own.
    body = "我们在这里看段落怎样恢复得很"
    page = lines(body + "，", body + "，", "完了。", "", "村民勤劳朴实而且乐于助人", "", "（某国）安娜·玛丽·", "鲍德温",
                 "", body + "，", "完了。")
    assert "（某国）安娜·玛丽·鲍德温" in paragraphs(page)[0]


def test_a_line_over_a_subtitle_is_no_tail_of_the_subtitle_before_it():
    # Evidence: a subtitle's full line, then a short line, then (after a blank line)
    # another subtitle's dash: the short line is the next title, not the first subtitle's
    # tail.
    body = "我们在这里看段落怎样恢复得很好，看看"
    page = lines(body + "，", body + "，", "完了。”", "", "“某国将取得更多的创新成果”", "",
                 "——访某某大学药学院院长某某·某某某", "春风长在有新天", "", "——某某以来某某关心推进某某工作的", "纪实",
                 "", body + "，", "完了。")
    assert paragraphs(page)[0][2:4] == ["——访某某大学药学院院长某某·某某某", "春风长在有新天"]


def test_a_line_much_shorter_than_a_full_headline_line_is_no_tail_it_wrapped():
    # Evidence: a headline line wider than the column, then one much shorter: a kicker and
    # a title, even when the words meeting at the break recur in the text ("构建国家").
    body = "我们在这里看段落怎样恢复，"
    page = lines(body, body, "完了。", "", "省级湿地三维自动化监测网首次构建", "国家湿地监测工程收官", "",
                 "本报某地1月1日电  某部门", "首次构建国家级湿地监测网，", body, "完了。")
    assert paragraphs(page)[0][1:3] == ["省级湿地三维自动化监测网首次构建", "国家湿地监测工程收官"]
    # ... and so is a line as wide as the text under a headline line much wider than it
    narrow = "我们在这里看段落怎样恢，"
    page = lines(narrow, narrow, "完了。", "", "省级湿地三维自动化监测网络首次构建完成", "国家湿地监测工程圆满收官", "",
                 "本报某地1月1日电  某部门", "首次构建完成国家级湿地监", "测网，" + narrow, "完了。")
    assert paragraphs(page)[0][1:3] == ["省级湿地三维自动化监测网络首次构建完成", "国家湿地监测工程圆满收官"]


def test_a_headline_line_ending_in_a_count_goes_on_into_its_noun():
    # Evidence: a short headline line ending in a number and its measure word ("…抓获30名")
    # waits for the noun on the next line.
    body = "我们在这里看段落怎样恢复得很好，看看"
    page = lines(body + "，", body + "，", "完了。", "", "某国警方一举抓获30名", "“某某帮”犯罪嫌疑人",
                 "本报某地1月2日电  （记者王某）我们在这里看段落怎样", body + "，", "完了。")
    assert "某国警方一举抓获30名“某某帮”犯罪嫌疑人" in paragraphs(page)[0]


def test_a_kicker_over_a_title_no_narrower_wrapped_into_its_tagged_tail():
    # Evidence: two full lines without punctuation, the second no narrower than the first,
    # then a tail closed by a column tag: a kicker, then the title wrapped into its tail.
    body = "我们在这里看段落怎样恢复，"
    page = lines(body, body, "完了。", "", "运用系统思维推进改革建设", "确保实现各项改革任务全面推",
                 "进见效（新知新觉）", "", "某某同志指出，“治理", body, "完了。")
    assert paragraphs(page)[0][1:3] == ["运用系统思维推进改革建设", "确保实现各项改革任务全面推进见效（新知新觉）"]


def test_a_short_name_in_brackets_is_no_column_tag():
    # Evidence: "（简称“某某”）" at a line's end brackets a company's short name inside a
    # text; the paragraph's short first line goes on into it.
    body = "我们在这里看段落怎样恢，"
    page = lines(body, body, "完了。", "", "东城某某生物医疗电子", "股份有限公司（简称“某某”）",
                 "创始于1991年，是国内知名", "的医疗设备供应商。" + body, "完了。")
    assert paragraphs(page)[0][1].startswith("东城某某生物医疗电子股份有限公司（简称“某某”）创始于")


def test_a_line_naming_its_subject_alone_after_a_sentence_is_a_title():
    # Evidence: after a full line ending a sentence, a line alone (a blank line or the
    # page's end after it) that names its subject before a colon and ends no sentence
    # ("某国总统：某方愿搭乘发展快车") is a title, not the paragraph's last line.
    body = "我们在这里看段落怎样恢复得很好，看看"
    page = lines(body + "，", "我们在这里看段落怎样恢复得很好看看。", "某国总统：某方愿意搭乘中国经济发展快车", "")
    assert paragraphs(page)[0][-1] == "某国总统：某方愿意搭乘中国经济发展快车"

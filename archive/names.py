"""Chinese personal names: surnames and finding names in bylines and speakers."""

from __future__ import annotations

import re

# Common single-character surnames (Simplified and Traditional forms), about
# the 300 most frequent. Characters that mostly end titles (长 in 局长, 记 in
# 书记 ...) are left out on purpose.
_SINGLE = (
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖萧田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢"
    "姜崔钟谭陆汪范金石廖贾夏韦付傅方白邹孟熊秦邱江尹薛闫阎段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤常温康施"
    "文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲"
    "翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米"
    "杭洪诸钮鄂佘仇栾桂储隋邬查柏佟仲巫植匡郁荣綦丛邸逯闵樊阚揭厉燕边苑钟衣都亓宗冀巩迟扈胥粟寇邝蔺琚昝"
    "張劉陳楊黃趙吳徐孫馬朱胡郭何高林羅鄭梁謝宋唐許韓馮鄧曹彭曾蕭田董袁潘於蔣蔡餘杜葉程蘇魏呂丁任沈姚盧"
    "薑崔鍾譚陸汪範金石廖賈夏韋傅方白鄒孟熊秦邱江尹薛閆段雷侯龍史陶黎賀顧毛郝龔邵萬錢嚴覃武戴莫孔向湯常溫康施"
    "聶齊喬龐顏莊魯嶽翟殷詹歐耿關蘭焦俞左柳甘祝包寧尚符舒阮柯紀梅童淩畢單季裴霍塗成苗穀盛曲翁冉駱藍路遊辛靳"
)
_COMPOUND = [
    "欧阳", "司马", "上官", "诸葛", "东方", "皇甫", "尉迟", "公孙", "慕容", "长孙", "宇文", "司徒",
    "夏侯", "令狐", "端木", "西门", "南宫", "独孤", "呼延", "澹台", "歐陽", "司馬", "諸葛", "東方",
    "尉遲", "公孫", "長孫", "夏侯", "端木", "南宮", "獨孤",
]
SURNAMES = frozenset(_SINGLE)
COMPOUND_SURNAMES = frozenset(_COMPOUND)

_HAN_RUN = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]+")


def is_name(text: str, strict: bool = True) -> bool:
    """A plausible personal name: a surname and one or two given characters.

    Not ``strict`` (after a word like 记者 that says a name follows): any two
    to four Han characters.
    """
    if not _HAN_RUN.fullmatch(text):
        return False
    if not strict:
        return 2 <= len(text) <= 4
    if text[:2] in COMPOUND_SURNAMES:
        return 3 <= len(text) <= 4
    return text[:1] in SURNAMES and 2 <= len(text) <= 3


def trailing_name(text: str) -> int:
    """Length of a personal name at the end of ``text`` (0 if none).

    "昌吉州科学技术局党组书记葛伟娟" -> 3. Three characters are preferred when
    the third-last character is a surname, as titles end in characters that
    are not ("长", "记", "任" ...).
    """
    for n in (4, 3):
        if len(text) >= n and text[-n:-n + 2] in COMPOUND_SURNAMES:
            return n
    for n in (3, 2):
        if len(text) >= n and text[-n] in SURNAMES and _HAN_RUN.fullmatch(text[-n:]):
            return n
    return 0


def name_spans(text: str, strict: bool = True) -> list[tuple[int, int]]:
    """Spans of the names in a line that holds only names.

    Spaces pad two-character names ("赵  鹏"); wider gaps separate authors
    ("赵  鹏   林  蔚" -> 赵  鹏, 林  蔚). Returns [] unless every part is a name.
    """
    tokens = [(m.start(), m.end()) for m in re.finditer(r"[^\s、，,；;]+", text)]
    if not tokens:
        return []
    gaps = [tokens[i + 1][0] - tokens[i][1] for i in range(len(tokens) - 1)]
    short = any(e - s == 1 for s, e in tokens)
    intra = min(gaps) if gaps and short else None
    names: list[list[int]] = [list(tokens[0])]
    padded = set()  # names of two characters set apart to the width of three ("晨  曦"): names whatever the surname
    for (s, e), gap, prev in zip(tokens[1:], gaps, tokens, strict=False):
        one_char = (prev[1] - prev[0] == 1) or (e - s == 1)
        if intra is not None and gap == intra and one_char and not is_name(_squash(text, *names[-1]), strict):
            if names[-1][1] - names[-1][0] == 1 and e - s == 1 and gap >= 2:
                padded.add(names[-1][0])
            names[-1][1] = e
        else:
            names.append([s, e])
    spans = [(s, e) for s, e in names]
    if all(is_name(_squash(text, s, e), strict and s not in padded) for s, e in spans):
        return spans
    return []


def _squash(text: str, start: int, end: int) -> str:
    return "".join(text[start:end].split())

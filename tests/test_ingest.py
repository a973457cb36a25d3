"""Reading pages: encodings, line ends, form feeds, stdin, and every kind of bad input."""

from __future__ import annotations

import hashlib
import io
import os
import sys
from pathlib import Path

import pytest
from helpers import BAD, SEED, bad_inputs, write

from archive.errors import ExitCode, InputError
from archive.ingest import read_page, source_from_bytes
from archive.normalize import normalize

SIMPLIFIED = (
    "本报讯 记者左晓雨报道：12月16日，昌吉州召开人才工作新闻发布会。\n"
    "昌吉州地缘优势明显，发展潜力巨大，人文底蕴深厚，政策待遇优渥。\n"
)
TRADITIONAL = (
    "本報訊 記者左曉雨報導：12月16日，昌吉州召開人才工作新聞發布會。"
    "昌吉州黨委常委、組織部部長王路平介紹了昌吉州的獨特優勢、發展情況和人才工作取得的成效。\n"
    "昌吉州地緣優勢明顯，發展潛力巨大，人文底蘊深厚，政策待遇優渥，是宜居宜業的勝地、寶地、福地、高地。\n"
)


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        (SIMPLIFIED.encode("utf-8"), "utf_8"),
        (b"\xef\xbb\xbf" + SIMPLIFIED.encode("utf-8"), "utf_8_sig"),
        (b"\xff\xfe" + SIMPLIFIED.encode("utf-16-le"), "utf_16"),
        (b"\xfe\xff" + SIMPLIFIED.encode("utf-16-be"), "utf_16"),
    ],
    ids=["utf-8", "utf-8-bom", "utf-16-le-bom", "utf-16-be-bom"],
)
def test_unicode_encodings(tmp_path, data, encoding):
    source = read_page(write(tmp_path, data))
    assert source.text == SIMPLIFIED  # no BOM left in the text
    assert source.encoding == encoding
    assert source.line_ends == "LF"


def test_gb18030_page_is_detected(tmp_path):
    text = SEED.read_text(encoding="utf-8")
    source = read_page(write(tmp_path, text.encode("gb18030")))
    assert source.encoding == "gb18030"
    assert source.text == text


def test_gbk_page_is_detected(tmp_path):
    source = read_page(write(tmp_path, SIMPLIFIED.encode("gbk")))
    assert source.encoding == "gb18030"  # GBK is a subset of GB18030
    assert source.text == SIMPLIFIED


def test_big5_page_is_detected(tmp_path):
    source = read_page(write(tmp_path, TRADITIONAL.encode("big5")))
    assert source.encoding == "big5"
    assert source.text == TRADITIONAL


@pytest.mark.parametrize(
    ("text", "encoding", "codec"),
    [("中文", "gbk", "gbk"), ("中文", "gb18030", "gb18030"), ("台灣", "big5", "big5")],
)
def test_encoding_option_decides_for_short_files(tmp_path, text, encoding, codec):
    # two characters are too few for detection to tell GBK from Big5
    source = read_page(write(tmp_path, text.encode(encoding)), encoding=encoding)
    assert source.text == text
    assert source.encoding == codec


def test_encoding_option_unknown_name(tmp_path):
    path = write(tmp_path, "中文".encode("gbk"))
    with pytest.raises(InputError) as e:
        read_page(path, encoding="klingon")
    assert str(e.value) == f"{path}: unknown encoding 'klingon'; try utf-8, gb18030 or big5"


def test_encoding_option_wrong_codec(tmp_path):
    path = write(tmp_path, "中文".encode("gbk"))
    with pytest.raises(InputError) as e:
        read_page(path, encoding="utf-8")
    assert str(e.value) == (
        f"{path}: not valid utf-8 (byte 0); check --encoding or omit it to detect"
    )


@pytest.mark.parametrize(
    ("data", "ends"),
    [
        (b"a\nb\nc\n", "LF"),
        (b"a\r\nb\r\nc\r\n", "CRLF"),
        (b"a\rb\rc\r", "CR"),
        (b"a\r\nb\rc\n", "mixed"),
    ],
)
def test_line_ends_are_unified(data, ends):
    source = source_from_bytes("x", data)
    assert source.text == "a\nb\nc\n"
    assert source.line_ends == ends


def test_crlf_in_utf16(tmp_path):
    source = read_page(write(tmp_path, "甲\r\n乙\r\n".encode("utf-16")))
    assert source.text == "甲\n乙\n"
    assert source.line_ends == "CRLF"


def test_form_feeds_are_kept_as_page_boundaries():
    source = source_from_bytes("x", "第一版\n\f第二版\n\f第三版\n".encode())
    assert source.text == "第一版\n\f第二版\n\f第三版\n"
    doc = normalize(source)
    assert [[line.text for line in page.lines if line.text] for page in doc.pages] == [
        ["第一版"],
        ["第二版"],
        ["第三版"],
    ]
    assert [page.number for page in doc.pages] == [1, 2, 3]


def test_sha256_is_of_the_bytes():
    data = b"\xef\xbb\xbf" + SIMPLIFIED.encode("utf-8")
    assert source_from_bytes("x", data).sha256 == hashlib.sha256(data).hexdigest()


def test_stdin(monkeypatch):
    data = b"\xff\xfe" + "标题\r\n正文。\r\n".encode("utf-16-le")
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data)))
    source = read_page("-")
    assert source.name == "-"
    assert source.text == "标题\n正文。\n"
    assert source.encoding == "utf_16"


# --- bad input: one clear message naming the file, exit code 3 --------------------------------


@pytest.mark.parametrize("kind", BAD)
def test_bad_input_raises_input_error(tmp_path, kind):
    path, message = bad_inputs(tmp_path)[kind]
    with pytest.raises(InputError) as e:
        read_page(path)
    assert str(e.value) == message
    assert e.value.exit_code == ExitCode.bad_input == 3


def test_unreadable_file_simulated(tmp_path, monkeypatch):
    path = write(tmp_path, SIMPLIFIED.encode())

    def denied(self):
        raise PermissionError(13, "Permission denied", str(self))

    monkeypatch.setattr(Path, "read_bytes", denied)
    with pytest.raises(InputError) as e:
        read_page(path)
    assert str(e.value) == f"{path}: cannot be read (Permission denied); check its permissions"


@pytest.mark.skipif(
    not hasattr(os, "geteuid") or os.geteuid() == 0,
    reason="root reads files whatever their mode; the simulated test covers this",
)
def test_unreadable_file_chmod(tmp_path):
    path = write(tmp_path, SIMPLIFIED.encode())
    path.chmod(0)
    try:
        with pytest.raises(InputError) as e:
            read_page(path)
    finally:
        path.chmod(0o644)
    assert str(e.value) == f"{path}: cannot be read (Permission denied); check its permissions"

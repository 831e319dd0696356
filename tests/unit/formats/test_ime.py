"""Input-method custom phrase files (Sogou, Baidu, QQ)."""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest

from assistant.errors import BadInput
from assistant.formats import detect_format, ime, read_phrasebook

SOGOU = """; 搜狗拼音输入法--自定义短语配置文件
; 单行的格式：字符串+英文逗号+数字（指定排序位置）=短语

[Setting]
Version=2

# 售后
dz,1=上海市浦东新区张江路 88 号
dz,2=退货地址同上，请备注订单号
dz,3=运费由我们承担
nh,1=您好，请问有什么可以帮您？\\n稍等
"""
EXPECTED = [
    ("dz", "上海市浦东新区张江路 88 号"),
    ("dz2", "退货地址同上，请备注订单号"),
    ("dz3", "运费由我们承担"),
    ("nh", "您好，请问有什么可以帮您？\\n稍等"),
]


def _codes_and_texts(data: bytes, source: str = "PhraseEdit.txt") -> list[tuple[str, str]]:
    return [(p.code, p.text) for p in ime.read(data, source).phrases]


@pytest.mark.parametrize(
    "data",
    [
        SOGOU.encode("utf-8"),
        codecs.BOM_UTF8 + SOGOU.encode("utf-8"),
        codecs.BOM_UTF16_LE + SOGOU.replace("\n", "\r\n").encode("utf-16-le"),
        SOGOU.replace("\n", "\r\n").encode("gbk"),
    ],
    ids=["utf-8", "utf-8-bom", "utf-16le-bom", "gbk"],
)
def test_reads_sogou_files_in_every_encoding(data):
    assert _codes_and_texts(data) == EXPECTED


def test_locations_are_line_numbers():
    imported = ime.read(SOGOU.encode(), "PhraseEdit.txt")
    assert imported.locations == ["line 8", "line 9", "line 10", "line 11"]


def test_text_is_kept_as_written():
    data = "ty,1= 谢谢亲 , 再见=拜拜  \n".encode()
    assert _codes_and_texts(data) == [("ty", " 谢谢亲 , 再见=拜拜  ")]


def test_spaces_and_case_around_code_and_position():
    assert _codes_and_texts(" QQ , 2 =企鹅\n".encode()) == [("qq2", "企鹅")]


def test_multi_line_entries():
    data = "dz,1=\n上海市\n\n浦东新区\n\nnh,1=您好\n".encode()
    imported = ime.read(data, "PhraseEdit.txt")
    assert [(p.code, p.text) for p in imported.phrases] == [("dz", "上海市\n\n浦东新区"), ("nh", "您好")]
    assert imported.locations == ["line 1", "line 6"]


def test_an_entry_without_text_is_refused():
    with pytest.raises(BadInput) as error:
        ime.read("nh,1=您好\ndz,1=\n\n; 注释\n".encode(), "PhraseEdit.txt")
    assert error.value.where == "line 2"


def test_a_bad_line_is_refused_with_its_number():
    data = "; 注释\ndz,1=地址\nnh,1=您好\n这一行不是短语\n".encode()
    with pytest.raises(BadInput) as error:
        ime.read(data, "PhraseEdit.txt")
    assert error.value.where == "line 4"
    assert str(error.value) == "PhraseEdit.txt:line 4: not a phrase line (expected code,position=text)"


@pytest.mark.parametrize("line", ["dz,x=地址", ",1=地址", "dz,=地址", "dz1地址"])
def test_malformed_entries_are_refused(line):
    with pytest.raises(BadInput):
        ime.read(f"nh,1=您好\n{line}\n".encode(), "PhraseEdit.txt")


def test_a_real_code_colliding_with_a_numbered_one_is_reported(tmp_path: Path):
    path = tmp_path / "PhraseEdit.txt"
    path.write_text("dz,1=地址\ndz,2=地址二\ndz2,1=另一个\n", encoding="utf-8")
    with pytest.raises(BadInput) as error:
        read_phrasebook(path)
    assert error.value.where == "line 3"
    assert "line 2" in error.value.message


def test_read_through_the_registry(tmp_path: Path):
    path = tmp_path / "phrases.ini"
    path.write_bytes(codecs.BOM_UTF16_LE + SOGOU.encode("utf-16-le"))
    assert [(p.code, p.text) for p in read_phrasebook(path).phrases] == EXPECTED


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (SOGOU, True),
        ("; 只有注释\n\n", False),
        ("分组,快捷编码,快捷短语\n售后,th,退货\n", False),
        ("matches:\n  - trigger: x\n", False),
    ],
    ids=["phrases", "comments", "csv", "yaml"],
)
def test_looks_like(text, expected):
    assert ime.looks_like(text) is expected


@pytest.mark.parametrize("encoding", ["utf-8", "gbk", "utf-16"])
@pytest.mark.parametrize("name", ["PhraseEdit.dat", "PhraseEdit.txt"])
def test_detected_by_content_without_a_telling_extension(name, encoding):
    assert detect_format(Path(name), SOGOU.encode(encoding)) == "ime"


def test_a_tab_separated_txt_from_excel_is_read_as_a_table(tmp_path):
    path = tmp_path / "Unicode Text.txt"
    path.write_bytes("分组\t快捷编码\t快捷短语\r\n发货\tfh\t亲，已经发出啦\r\n".encode("utf-16"))
    assert detect_format(path, path.read_bytes()) == "csv"
    assert read_phrasebook(path).phrases[0].code == "fh"

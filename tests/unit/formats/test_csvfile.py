"""CSV/TSV as Excel, WPS and Notepad write them, and as we write them."""

from __future__ import annotations

import codecs
import random
from pathlib import Path

import pytest

from assistant.errors import BadInput
from assistant.formats import csvfile, detect_format, read_phrasebook
from assistant.phrases.model import Phrase, Phrasebook, content_key

CHINESE_TABLE = "分组,快捷编码,快捷短语\r\n售后,th,退货请寄回：上海市浦东新区\r\n售前,dd,亲，在的呢～\r\n"
EXPECTED = [("售后", "th", "退货请寄回：上海市浦东新区"), ("售前", "dd", "亲，在的呢～")]


def _rows(data: bytes, source: str = "book.csv") -> list[tuple[str, str, str]]:
    return [(p.group, p.code, p.text) for p in csvfile.read(data, source).phrases]


@pytest.mark.parametrize(
    "data",
    [
        CHINESE_TABLE.encode("utf-8"),
        codecs.BOM_UTF8 + CHINESE_TABLE.encode("utf-8"),
        CHINESE_TABLE.encode("gbk"),  # Excel "CSV (逗号分隔)" on Chinese Windows
        CHINESE_TABLE.encode("gb18030"),
        CHINESE_TABLE.encode("utf-16"),  # Excel "Unicode 文本" (with a BOM)
        CHINESE_TABLE.replace("\r\n", "\n").encode("utf-8"),
    ],
    ids=["utf-8", "utf-8-bom", "gbk", "gb18030", "utf-16", "lf"],
)
def test_reads_chinese_tables_in_every_common_encoding(data):
    assert _rows(data) == EXPECTED


def test_quoted_cells_keep_commas_quotes_and_line_breaks():
    data = (
        '快捷编码,快捷短语,标题\r\n'
        'gz,"您好，\r\n关注店铺, 领取""优惠券""\r\n谢谢",关注\r\n'
        'q,"a,b",逗号\r\n'
    ).encode()
    imported = csvfile.read(data, "book.csv")
    assert [p.text for p in imported.phrases] == ['您好，\n关注店铺, 领取"优惠券"\n谢谢', "a,b"]
    # A row with line breaks is still one row, as Excel numbers it.
    assert imported.locations == ["row 2", "row 3"]


def test_english_headers_and_all_fields():
    data = b"Group,Code,Title,Text,Tags,Hotkey\nafter-sales,RT,Return,Please send it back,\"return, post\",Ctrl+1\n"
    phrase = csvfile.read(data, "book.csv").phrases[0]
    assert (phrase.group, phrase.code, phrase.title) == ("after-sales", "rt", "Return")
    assert phrase.text == "Please send it back"
    assert phrase.tags == ("return", "post")
    assert phrase.hotkey == "Ctrl+1"


@pytest.mark.parametrize(
    ("data", "source"),
    [
        ("快捷编码;快捷短语\nhi;您好, 欢迎, 光临\n".encode(), "book.csv"),
        ("快捷编码\t快捷短语\nhi\t您好, 欢迎; 光临\n".encode(), "book.csv"),
        ("快捷编码\t快捷短语\nhi\t您好, 欢迎; 光临\n".encode(), "book.tsv"),
    ],
    ids=["semicolon", "tab", "tsv"],
)
def test_finds_the_delimiter_from_the_header(data, source):
    phrase = csvfile.read(data, source).phrases[0]
    assert phrase.code == "hi"
    assert phrase.text.startswith("您好, 欢迎")


def test_header_may_stand_below_a_title_row():
    data = "客服快捷短语 2026\n\n分组,快捷短语\n售后,您好\n".encode()
    imported = csvfile.read(data, "book.csv")
    assert [p.text for p in imported.phrases] == ["您好"]
    assert imported.locations == ["row 4"]


def test_unknown_columns_are_reported():
    imported = csvfile.read("快捷短语,备注\n您好,内部用\n".encode(), "book.csv")
    assert imported.warnings == ["ignored columns: 备注"]


def test_no_text_column_is_refused():
    with pytest.raises(BadInput) as error:
        csvfile.read("分组,快捷编码\n售后,th\n".encode(), "book.csv")
    assert error.value.source == "book.csv"
    assert error.value.message == "no text column (expected a header such as 快捷短语 or text)"


def test_a_row_without_text_is_refused_with_its_row_number():
    data = "分组,快捷编码,快捷短语\n售后,th,退货请寄回\n售后,hh,\n".encode()
    with pytest.raises(BadInput) as error:
        csvfile.read(data, "book.csv")
    assert error.value.where == "row 3"


def test_blank_rows_are_skipped():
    data = "快捷短语\r\n您好\r\n\r\n,\r\n谢谢\r\n".encode()
    assert [p.text for p in csvfile.read(data, "book.csv").phrases] == ["您好", "谢谢"]


_RANDOM = random.Random(20261122)


@pytest.mark.parametrize(
    "data",
    [
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)),
        b"PK\x03\x04" + bytes(200),
        b"\xff\xfe\x00\x00" + _RANDOM.randbytes(2000),
        b"\xff\xfe" + _RANDOM.randbytes(2000),
        b"text\r\n" + _RANDOM.randbytes(2000),
        "快捷短语\n".encode("utf-16") + _RANDOM.randbytes(2000),
        _RANDOM.randbytes(4000),
        "快捷短语\n您好\x00\x01\n".encode(),
    ],
    ids=["png", "zip", "utf32-bom-junk", "utf16-bom-junk", "header-then-junk", "utf16-header-junk", "junk", "nul"],
)
def test_binary_or_undecodable_bytes_are_refused(data):
    with pytest.raises(BadInput):
        csvfile.read(data, "book.csv")


def test_write_is_utf8_with_bom_crlf_and_minimal_quoting():
    book = Phrasebook(name="b", language="zh-CN")
    data = csvfile.write(book, [Phrase(text='第一行\n"第二行", 完', code="x", group="售后")])
    assert data.startswith(codecs.BOM_UTF8)
    text = data[3:].decode("utf-8")
    assert text == '分组,快捷编码,标题,快捷短语,标签,热键,分条发送\r\n售后,x,第一行,"第一行\n""第二行"", 完",,,\r\n'


def test_write_then_read_keeps_the_visible_fields():
    book = Phrasebook(name="b", language="en")
    phrases = [
        Phrase(text="  indented\nsecond, line ", title="Greeting", group="Pre-sales", code="hi", tags=("a", "b c")),
        Phrase(text="=1+1 is not a formula here\n---\nsent apart", code="007", separate_messages=True),
    ]
    data = csvfile.write(book, phrases)
    assert data[3:].startswith(b"group,code,title,text,tags,hotkey,separate messages\r\n")
    back = csvfile.read(data, "book.csv").phrases
    assert [content_key(p) for p in back] == [content_key(p) for p in phrases]


def test_read_through_the_registry(tmp_path: Path):
    path = tmp_path / "客服.csv"
    path.write_bytes(CHINESE_TABLE.encode("gbk"))
    imported = read_phrasebook(path)
    assert [(p.group, p.code, p.text) for p in imported.phrases] == EXPECTED


def test_content_detection_falls_back_to_csv():
    assert detect_format(Path("export"), CHINESE_TABLE.encode()) == "csv"

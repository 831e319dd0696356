"""The header mapping and row rules shared by CSV, TSV and XLSX, and their round trips."""

from __future__ import annotations

import csv
import io
from dataclasses import replace
from pathlib import Path

import openpyxl
import pytest
from hypothesis import HealthCheck, given, settings

from assistant.errors import BadInput
from assistant.formats import csvfile, read_phrasebook, tsvfile, write_phrasebook, xlsx
from assistant.formats.spreadsheet import FORMULA_STARTS
from assistant.formats.table import cell_text, map_header, phrase_row, rows_to_imported, table_header
from assistant.phrases.model import Phrase, Phrasebook, content_key
from tests.unit.formats.strategies import phrase_lists


@pytest.mark.parametrize(
    ("name", "field"),
    [
        ("快捷编码", "code"), ("快捷 编码", "code"), ("ＣＯＤＥ", "code"), ("Short Code", "code"),
        ("shortcut", "code"), ("Trigger", "code"), ("短码", "code"),
        ("分类", "group"), (" Category ", "group"), ("组", "group"),
        ("名称", "title"), ("NAME", "title"),
        ("话术", "text"), ("回复内容", "text"), ("Message", "text"), ("ＴＥＸＴ", "text"),
        ("标签", "tags"), ("Tag", "tags"),
        ("快捷键", "hotkey"), ("HotKey", "hotkey"),
    ],
)
def test_header_synonyms_ignore_case_width_and_spaces(name, field):
    assert map_header([name]).index == {field: 0}


def test_first_column_for_a_field_wins_and_the_rest_are_unknown():
    columns = map_header(["内容", "备注", "text", None, ""])
    assert columns.index == {"text": 0}
    assert columns.unknown == ("备注", "text")


def test_unknown_columns_give_one_warning_naming_them():
    imported = rows_to_imported(["快捷短语", "备注", "Notes"], [["您好", "x", "y"]], "a.csv", 2)
    assert imported.warnings == ["ignored columns: 备注, Notes"]
    assert [p.text for p in imported.phrases] == ["您好"]


def test_no_text_column_names_the_source():
    with pytest.raises(BadInput) as error:
        rows_to_imported(["分组", "快捷编码"], [["a", "b"]], "book.csv", 2)
    assert error.value.source == "book.csv"
    assert "no text column" in error.value.message


def test_empty_rows_are_skipped_and_locations_keep_the_real_row_numbers():
    rows = [["售后", "th", "退货请寄回"], ["", "", ""], [None, None], [], ["", "", "谢谢"]]
    imported = rows_to_imported(["分组", "快捷编码", "快捷短语"], rows, "a.csv", 2)
    assert [p.text for p in imported.phrases] == ["退货请寄回", "谢谢"]
    assert imported.locations == ["row 2", "row 6"]


def test_a_row_with_cells_but_no_text_is_refused_with_its_row():
    rows = [["售后", "th", "退货请寄回"], ["售后", "xx", "   "]]
    with pytest.raises(BadInput) as error:
        rows_to_imported(["分组", "快捷编码", "快捷短语"], rows, "a.csv", 5)
    assert error.value.where == "row 6"
    assert str(error.value) == "a.csv:row 6: this row has no text"


def test_short_rows_are_padded():
    imported = rows_to_imported(["快捷短语", "快捷编码", "标签"], [["您好"]], "a.csv", 2)
    assert imported.phrases[0].code == "" and imported.phrases[0].tags == ()


def test_fields_are_normalised_by_the_model():
    header = ["分组", "快捷编码", "标题", "快捷短语", "标签", "热键"]
    row = [" 售后  服务 ", "ＦＨ", "", "第一行\r\n第二行", "发货；物流, 发货", " Ctrl+1 "]
    phrase = rows_to_imported(header, [row], "a.csv", 2).phrases[0]
    assert (phrase.group, phrase.code, phrase.title) == ("售后 服务", "fh", "第一行")
    assert phrase.text == "第一行\n第二行"
    assert phrase.tags == ("发货", "物流")
    assert phrase.hotkey == "Ctrl+1"


@pytest.mark.parametrize(("value", "text"), [(123.0, "123"), (12.5, "12.5"), (7, "7"), (None, ""), ("x", "x")])
def test_cell_text_drops_the_point_zero_of_whole_numbers(value, text):
    assert cell_text(value) == text


def test_header_words_follow_the_book_language():
    chinese = ["分组", "快捷编码", "标题", "快捷短语", "标签", "热键", "分条发送"]
    assert table_header(Phrasebook(name="b", language="zh-CN")) == chinese
    assert table_header(Phrasebook(name="b", language="en")) == [
        "group", "code", "title", "text", "tags", "hotkey", "separate messages"]


def test_phrase_row_joins_tags_and_says_yes_in_the_book_language():
    phrase = Phrase(text="t", title="T", group="g", code="c", tags=("a", "b"), hotkey="F2", separate_messages=True)
    assert phrase_row(Phrasebook(name="b", language="zh-CN"), phrase) == ["g", "c", "T", "t", "a, b", "F2", "是"]
    assert phrase_row(Phrasebook(name="b", language="en"), phrase)[-1] == "yes"
    assert phrase_row(Phrasebook(name="b", language="en"), replace(phrase, separate_messages=False))[-1] == ""


@pytest.mark.parametrize(("cell", "separate"), [
    ("是", True), ("YES", True), ("ｙｅｓ", True), (" true ", True), (1.0, True), (True, True), ("✓", True),
    ("", False), (None, False), ("否", False), ("No", False), (0, False), (False, False)])
def test_separate_messages_reads_yes_and_no_as_people_and_spreadsheets_write_them(cell, separate):
    imported = rows_to_imported(["快捷短语", "分条发送"], [["第一条\n---\n第二条", cell]], "a.xlsx", 2)
    assert imported.phrases[0].separate_messages is separate


def test_a_separate_messages_cell_that_is_neither_yes_nor_no_is_refused():
    rows = [["您好", "是"], ["再见", "可能"]]
    with pytest.raises(BadInput) as error:
        rows_to_imported(["快捷短语", "Separate Messages"], rows, "a.csv", 2)
    assert str(error.value) == "a.csv:row 3: separate messages: expected yes (是) or no (否, or empty), not '可能'"


# --- round trips through every table format -------------------------------------------------

def _visible(phrases: list[Phrase]) -> list[tuple]:
    return [content_key(phrase) for phrase in phrases]


def _written_cells(module, data: bytes) -> list[str]:
    """Every text cell of an export, as a spreadsheet opening it sees the cell."""
    if module is xlsx:
        sheet = openpyxl.load_workbook(io.BytesIO(data)).worksheets[0]
        return [cell.value for row in sheet.iter_rows() for cell in row if isinstance(cell.value, str)]
    delimiter = "\t" if module is tsvfile else ","
    rows = csv.reader(io.StringIO(data.decode("utf-8-sig"), newline=""), delimiter=delimiter)
    return [cell for row in rows for cell in row]


TABLE_MODULES = pytest.mark.parametrize("module", [csvfile, tsvfile, xlsx], ids=["csv", "tsv", "xlsx"])


@TABLE_MODULES
@pytest.mark.parametrize("language", ["zh-CN", "en"])
@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(phrases=phrase_lists())
def test_export_then_import_keeps_every_phrase_and_writes_no_formula(module, language, phrases):
    book = Phrasebook(name="往返 round/trip", language=language)
    data = module.write(book, phrases)
    assert not [cell for cell in _written_cells(module, data) if cell.startswith(FORMULA_STARTS)]
    imported = module.read(data, f"book{module.EXTENSIONS[0]}")
    assert _visible(imported.phrases) == _visible(phrases)
    assert imported.warnings == []


HOSTILE = ["=cmd|' /C calc'!A0", '=HYPERLINK("http://evil.example","点我")', "+1+1", "-2+3+cmd", "@SUM(A1)",
           "\t=1+1", "'=already marked", "''=two marks"]


@TABLE_MODULES
def test_formula_like_values_in_every_column_are_written_as_text_and_read_back_exactly(module):
    phrases = [Phrase(text=value, title=value, group=value, code=f"c{n}", tags=("=标签", "@x"),
                      hotkey=value)
               for n, value in enumerate(HOSTILE)]
    data = module.write(Phrasebook(name="=b"), phrases)
    cells = _written_cells(module, data)
    assert not [cell for cell in cells if cell.startswith(FORMULA_STARTS)]
    assert "'=cmd|' /C calc'!A0" in cells and "'''=two marks" in cells
    assert _visible(module.read(data, f"book{module.EXTENSIONS[0]}").phrases) == _visible(phrases)


def test_a_hand_made_apostrophe_before_other_text_is_kept():
    phrase = rows_to_imported(["快捷编码", "快捷短语"], [["'0123", "'hello"]], "a.csv", 2).phrases[0]
    assert (phrase.code, phrase.text) == ("'0123", "'hello")


def test_tsv_export_is_tab_separated(tmp_path: Path):
    path = tmp_path / "book.tsv"
    assert write_phrasebook(Phrasebook(name="b"), [Phrase(text="a, b", code="x")], path) == "tsv"
    lines = path.read_bytes().decode("utf-8-sig").split("\r\n")
    assert lines[0] == "分组\t快捷编码\t标题\t快捷短语\t标签\t热键\t分条发送"
    assert lines[1] == "\tx\ta, b\ta, b\t\t\t"


@pytest.mark.parametrize("suffix", [".csv", ".tsv", ".xlsx"])
def test_registry_writes_and_reads_table_files(tmp_path: Path, suffix):
    book = Phrasebook(name="售后")
    phrases = [Phrase(text="您好，请稍等", code="dd", group="售前"), Phrase(text="=不是公式", title="等号")]
    path = tmp_path / f"book{suffix}"
    write_phrasebook(book, phrases, path)
    imported = read_phrasebook(path)
    assert _visible(imported.phrases) == _visible(phrases)
    assert imported.locations == ["row 2", "row 3"]


def test_registry_refuses_a_table_with_duplicate_codes(tmp_path: Path):
    path = tmp_path / "dup.csv"
    path.write_text("快捷编码,快捷短语\nhi,您好\nHI,你好\n", encoding="utf-8")
    with pytest.raises(BadInput) as error:
        read_phrasebook(path)
    assert error.value.where == "row 3"

"""Excel workbooks: what agents build by hand, what we write, and what we refuse."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import openpyxl
import pytest

from assistant.errors import BadInput
from assistant.formats import detect_format, limits, read_phrasebook, workbook, xlsx
from assistant.phrases.model import Phrase, Phrasebook, content_key


def _workbook_bytes(*sheets: list[list[object]], string_cells: bool = False) -> bytes:
    """A workbook built the ordinary way, one sheet per list of rows."""
    workbook = openpyxl.Workbook()
    workbook.remove(workbook.active)
    for number, rows in enumerate(sheets, start=1):
        sheet = workbook.create_sheet(f"Sheet{number}")
        for row in rows:
            sheet.append(row)
        if string_cells:
            _force_strings(sheet)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _force_strings(sheet) -> None:
    """Cells holding "=..." as typed text (Excel: a leading apostrophe), not formulas."""
    for row in sheet.iter_rows():
        for cell in row:
            if isinstance(cell.value, str):
                cell.data_type = "s"


def test_write_then_read():
    book = Phrasebook(name="售后: 常用/退换", language="zh-CN")
    phrases = [
        Phrase(text="您好，\n请问有什么可以帮您？ ", title="问候", group="售前", code="nh", tags=("问候", "通用")),
        Phrase(text="  缩进保留\n---\n第二条", code="007", hotkey="Ctrl+1", separate_messages=True),
    ]
    imported = xlsx.read(xlsx.write(book, phrases), "book.xlsx")
    assert [content_key(p) for p in imported.phrases] == [content_key(p) for p in phrases]
    assert imported.locations == ["row 2", "row 3"]


def test_written_header_is_in_the_book_language():
    data = xlsx.write(Phrasebook(name="b", language="en"), [Phrase(text="hi")])
    sheet = openpyxl.load_workbook(io.BytesIO(data)).worksheets[0]
    assert [cell.value for cell in sheet[1]] == [
        "group", "code", "title", "text", "tags", "hotkey", "separate messages"]


def test_written_values_starting_with_equals_stay_strings():
    phrases = [Phrase(text='=HYPERLINK("http://evil.example","点我")', title="=1+1", code="f")]
    data = xlsx.write(Phrasebook(name="b"), phrases)
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        sheet_xml = archive.read("xl/worksheets/sheet1.xml").decode()
    assert "<f>" not in sheet_xml and "<f " not in sheet_xml
    cells = openpyxl.load_workbook(io.BytesIO(data)).worksheets[0][2]
    assert all(cell.data_type == "s" for cell in cells if cell.value)
    assert xlsx.read(data, "book.xlsx").phrases[0].text == phrases[0].text


def test_number_codes_and_equals_text_in_a_hand_made_workbook():
    data = _workbook_bytes(
        [["快捷编码", "快捷短语", "分组"], [123, "=SUM(A1:A3) 不是公式", 2026], [45.5, "普通文本", None]],
        string_cells=True,
    )
    phrases = xlsx.read(data, "book.xlsx").phrases
    assert [(p.code, p.text, p.group) for p in phrases] == [
        ("123", "=SUM(A1:A3) 不是公式", "2026"),
        ("45.5", "普通文本", ""),
    ]


def test_a_real_formula_is_never_evaluated():
    # openpyxl stores no cached value, so with data_only the cell reads as empty.
    data = _workbook_bytes([["快捷编码", "快捷短语"], ["a", "=1+1"]])
    with pytest.raises(BadInput) as error:
        xlsx.read(data, "book.xlsx")
    assert error.value.where == "row 2"


def test_header_only_sheet_has_no_phrases(tmp_path: Path):
    data = _workbook_bytes([["分组", "快捷编码", "快捷短语"]])
    assert xlsx.read(data, "book.xlsx").phrases == []
    path = tmp_path / "empty.xlsx"
    path.write_bytes(data)
    with pytest.raises(BadInput, match="no phrases found"):
        read_phrasebook(path)


def test_uses_the_first_sheet_with_a_header_near_the_top():
    notes = [["这张表只是说明"], ["没有表头"]]
    phrases = [
        ["客服话术"], [], ["标题", "话术", "备注"], ["问候", "您好", "x"], [None, None, None], ["再见", "再见～", ""],
    ]
    imported = xlsx.read(_workbook_bytes(notes, phrases), "book.xlsx")
    assert [(p.title, p.text) for p in imported.phrases] == [("问候", "您好"), ("再见", "再见～")]
    assert imported.locations == ["row 4", "row 6"]
    assert imported.warnings == ["ignored columns: 备注"]


def test_no_sheet_with_a_text_column():
    with pytest.raises(BadInput, match="no text column"):
        xlsx.read(_workbook_bytes([["分组", "编码"], ["a", "b"]]), "book.xlsx")


def test_row_without_text_names_the_row():
    data = _workbook_bytes([["快捷编码", "快捷短语"], ["a", "您好"], ["b", "  "]])
    with pytest.raises(BadInput) as error:
        xlsx.read(data, "book.xlsx")
    assert error.value.where == "row 3"


def test_too_many_rows(monkeypatch):
    monkeypatch.setattr(limits, "MAX_ROWS", 5)
    data = _workbook_bytes([["快捷短语"]] + [[f"第{n}条"] for n in range(10)])
    with pytest.raises(BadInput, match="too many rows"):
        xlsx.read(data, "book.xlsx")


def test_zip_bomb_is_refused_before_parsing(monkeypatch):
    monkeypatch.setattr(workbook, "MAX_UNPACKED_BYTES", 1000)
    data = _workbook_bytes([["快捷短语"], ["您好" * 1000]])
    with pytest.raises(BadInput, match="too large when unpacked"):
        xlsx.read(data, "book.xlsx")


def _zip(members: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, content in members.items():
            archive.writestr(name, content)
    return buffer.getvalue()


def _valid() -> bytes:
    return _workbook_bytes([["快捷短语"], ["您好"]])


def _with_member(name: str, content: bytes) -> bytes:
    with zipfile.ZipFile(io.BytesIO(_valid())) as archive:
        members = {member: archive.read(member) for member in archive.namelist()}
    members[name] = content
    return _zip(members)


@pytest.mark.parametrize(
    "data",
    [
        b"this is not a workbook",
        b"PK\x03\x04" + bytes(100),
        _valid()[:400],
        _zip({"hello.txt": b"hi"}),
        _with_member("xl/worksheets/sheet1.xml", b"<worksheet><sheetData><row><c"),
        _with_member(
            "xl/worksheets/sheet1.xml",
            b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;">]>'
            b'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
            b'<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>&b;</t></is></c></row></sheetData></worksheet>',
        ),
    ],
    ids=["text", "zip-header-only", "truncated", "zip-not-xlsx", "broken-sheet-xml", "xml-entities"],
)
def test_corrupt_or_foreign_bytes_are_refused(data):
    with pytest.raises(BadInput) as error:
        xlsx.read(data, "book.xlsx")
    assert error.value.message == "not a valid .xlsx workbook"


def test_xml_entities_are_stopped_by_defusedxml():
    from defusedxml import EntitiesForbidden

    data = _with_member(
        "xl/worksheets/sheet1.xml",
        b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaaaaaaaa">]>'
        b'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData/></worksheet>',
    )
    with pytest.raises(BadInput) as error:
        xlsx.read(data, "book.xlsx")
    chain, cause = [], error.value.__cause__
    while cause is not None:
        chain.append(cause)
        cause = cause.__cause__ or cause.__context__
    assert any(isinstance(item, EntitiesForbidden) for item in chain)


def test_registry_round_trip_and_content_detection(tmp_path: Path):
    path = tmp_path / "book.xlsx"
    data = xlsx.write(Phrasebook(name="b"), [Phrase(text="您好", code="nh")])
    path.write_bytes(data)
    assert [p.code for p in read_phrasebook(path).phrases] == ["nh"]
    assert detect_format(Path("download"), data) == "xlsx"


# --- the streaming reader ----------------------------------------------------------------

_MAIN = b'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'


def _with_sheet_and_strings(sheet_data: bytes, strings: bytes) -> bytes:
    """``_valid()`` with its sheet's rows and a shared string table of our own."""
    with zipfile.ZipFile(io.BytesIO(_valid())) as archive:
        members = {member: archive.read(member) for member in archive.namelist()}
    members["xl/worksheets/sheet1.xml"] = (b"<worksheet " + _MAIN + b"><sheetData>" + sheet_data
                                           + b"</sheetData></worksheet>")
    members["xl/sharedStrings.xml"] = b"<sst " + _MAIN + b">" + strings + b"</sst>"
    rels = members["xl/_rels/workbook.xml.rels"]
    if b"sharedStrings" not in rels:
        members["xl/_rels/workbook.xml.rels"] = rels.replace(b"</Relationships>", (
            b'<Relationship Id="rIdS" Target="sharedStrings.xml" Type="http://schemas.openxmlformats.org/'
            b'officeDocument/2006/relationships/sharedStrings"/></Relationships>'))
    return _zip(members)


def test_rich_text_runs_are_joined_and_phonetic_guides_left_out():
    strings = ('<si><t>快捷短语</t></si>'
               '<si><r><t>您</t></r><r><rPr><b/></rPr><t>好</t></r><rPh sb="0" eb="1"><t>ニン</t></rPh></si>').encode()
    rows = (b'<row r="1"><c r="B1" t="s"><v>0</v></c></row>'
            b'<row r="4"><c r="B4" t="s"><v>1</v></c><c r="A4"><v>12</v></c></row>')
    imported = xlsx.read(_with_sheet_and_strings(rows, strings), "b.xlsx")
    assert [p.text for p in imported.phrases] == ["您好"]
    assert imported.locations == ["row 4"]  # rows 2 and 3 are left out of the sheet, and still counted


def test_cells_of_every_type_read_as_text_and_numbers_past_2_to_the_53_as_written():
    rows = (b'<row><c t="inlineStr"><is><t>code</t></is></c><c t="inlineStr"><is><t>text</t></is></c></row>'
            b'<row><c><v>1E+3</v></c><c t="str"><f>A1&amp;"x"</f><v>1000x</v></c></row>'
            b'<row><c t="b"><v>1</v></c><c t="e"><v>#N/A</v></c></row>'
            b'<row><c><v>12345678901234567890123</v></c><c><v>1e999</v></c></row>'
            b'<row><c><v>NaN</v></c><c><v>-0.5</v></c></row>')
    phrases = xlsx.read(_with_sheet_and_strings(rows, b""), "b.xlsx").phrases
    assert [(p.code, p.text) for p in phrases] == [
        ("1000", "1000x"), ("true", "#N/A"), ("12345678901234567890123", "1e999"), ("nan", "-0.5")]


def test_a_shared_string_index_out_of_range_is_not_a_workbook():
    rows = b'<row><c t="inlineStr"><is><t>text</t></is></c></row><row><c t="s"><v>7</v></c></row>'
    with pytest.raises(BadInput, match=r"not a valid \.xlsx workbook"):
        xlsx.read(_with_sheet_and_strings(rows, b"<si><t>a</t></si>"), "b.xlsx")


def test_shared_strings_and_cells_are_counted_as_they_are_parsed(monkeypatch):
    monkeypatch.setattr(workbook, "MAX_SHARED_STRINGS", 3)
    with pytest.raises(BadInput) as error:
        xlsx.read(_with_sheet_and_strings(b"", b"<si><t>a</t></si>" * 4), "b.xlsx")
    assert "too many cells or texts" in error.value.message and error.value.where == "xl/sharedStrings.xml"
    monkeypatch.setattr(workbook, "MAX_CELLS", 3)
    with pytest.raises(BadInput, match="too many cells or texts"):
        xlsx.read(_with_sheet_and_strings(b'<row><c t="inlineStr"><is><t>text</t></is></c>' + b"<c/>" * 3 + b"</row>",
                                          b""), "b.xlsx")


def test_cells_far_to_the_right_are_not_kept():
    rows = (b'<row><c r="A1" t="inlineStr"><is><t>text</t></is></c><c r="XFD1" t="inlineStr"><is><t>x</t></is></c>'
            b'</row><row><c r="A2" t="inlineStr"><is><t>hi</t></is></c></row>')
    imported = xlsx.read(_with_sheet_and_strings(rows, b""), "b.xlsx")
    assert [p.text for p in imported.phrases] == ["hi"] and imported.warnings == []

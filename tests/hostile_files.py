"""Hostile phrasebook files just under the 20 MB size limit, and files at the caps.

Each builder writes one file into a folder and returns its path. ``HOSTILE`` must be
refused (one line, quickly, in little memory) and ``AT_THE_CAPS`` accepted; the unit
tests read them through the CLI and bench/hostile_imports.py times them with
``/usr/bin/time -v``. Kept in one place so the tests and the benchmark use the same files.
"""

from __future__ import annotations

import io
import json
import zipfile
from collections.abc import Callable
from pathlib import Path

import openpyxl

from assistant.formats import native, xlsx
from assistant.formats.limits import MAX_CHARACTERS, MAX_PHRASES
from assistant.phrases.model import Phrase, Phrasebook

#: Just under ``assistant.formats.MAX_FILE_BYTES``.
SIZE = 20 * 1000 * 1000
Builder = Callable[[Path], Path]
_REPLY = "亲，您的包裹已经发出，请注意查收；如有问题请随时联系我们。"


def _write(folder: Path, name: str, data: bytes) -> Path:
    path = folder / name
    path.write_bytes(data)
    return path


# -- tables ------------------------------------------------------------------------------

def csv_short_rows(folder: Path) -> Path:
    """2.2 million short rows (the issue's 101 s and 3.9 GB)."""
    rows = "".join(f"{n},a\r\n" for n in range(2_200_000))
    return _write(folder, "short-rows.csv", ("快捷编码,快捷短语\r\n" + rows).encode()[:SIZE])


def csv_gbk_rows(folder: Path) -> Path:
    """Chinese rows in GBK, as Excel saves CSV on a Chinese Windows: the encoding is guessed."""
    rows = "".join(f"{n},亲您好请问有什么可以帮您\r\n" for n in range(600_000))
    return _write(folder, "gbk-rows.csv", ("快捷编码,快捷短语\r\n" + rows).encode("gbk")[:SIZE])


def csv_blank_rows(folder: Path) -> Path:
    """A header and then nothing but line ends."""
    return _write(folder, "blank-rows.csv", b"code,text\n" + b"\n" * (SIZE - 10))


def csv_huge_cell(folder: Path) -> Path:
    """One quoted cell that never closes."""
    return _write(folder, "huge-cell.csv", b'code,text\nx,"' + b"a" * (SIZE - 20))


def tsv_too_much_text(folder: Path) -> Path:
    """Few rows, but each reply long: the character cap, not the phrase cap."""
    row = "\t" + "长" * 4900 + "\r\n"
    count = MAX_CHARACTERS // 4900 + 50
    return _write(folder, "long-replies.tsv", ("快捷编码\t快捷短语\r\n" + row * count).encode())


def xlsx_shared_strings(folder: Path) -> Path:
    """9 million shared strings in a 600 KB workbook (the issue's 218 s and 1.4 GB)."""
    return _workbook_with(folder, "shared-strings.xlsx", "xl/sharedStrings.xml",
                          _shared_strings(b"<si><t>a</t></si>" * 9_000_000))


def xlsx_shared_strings_small(folder: Path) -> Path:
    """3.5 million empty shared strings: under the unpacked size limit, over the string cap."""
    return _workbook_with(folder, "shared-strings-small.xlsx", "xl/sharedStrings.xml",
                          _shared_strings(b"<si><t/></si>" * 3_500_000))


def xlsx_wide_row(folder: Path) -> Path:
    """One row of millions of empty cells."""
    return _workbook_with(folder, "wide-row.xlsx", "xl/worksheets/sheet1.xml",
                          _sheet(b'<row r="2">' + b"<c/>" * 10_000_000 + b"</row>"))


def xlsx_many_rows(folder: Path) -> Path:
    """Two million rows of one short inline text each."""
    row = b'<row><c t="inlineStr"><is><t>a</t></is></c></row>'
    return _workbook_with(folder, "many-rows.xlsx", "xl/worksheets/sheet1.xml", _sheet(row * 1_200_000))


def _shared_strings(items: bytes) -> bytes:
    return (b'<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/'
            b'spreadsheetml/2006/main">' + items + b"</sst>")


def _sheet(rows: bytes) -> bytes:
    return (b'<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/'
            b'spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>text</t></is></c></row>'
            + rows + b"</sheetData></worksheet>")


_SHARED_STRINGS_RELATIONSHIP = (
    b'<Relationship Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" '
    b'Target="sharedStrings.xml" Id="rId99" />')


def _workbook_with(folder: Path, name: str, member: str, content: bytes) -> Path:
    """A real workbook (one header cell) with ``member`` replaced, and a shared string
    table in its relationships."""
    workbook = openpyxl.Workbook()
    workbook.active.append(["text"])
    buffer = io.BytesIO()
    workbook.save(buffer)
    out = io.BytesIO()
    with zipfile.ZipFile(buffer) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            data = source.read(item.filename)
            if item.filename == "xl/_rels/workbook.xml.rels":  # openpyxl wrote inline strings: no table
                data = data.replace(b"</Relationships>", _SHARED_STRINGS_RELATIONSHIP + b"</Relationships>")
            if item.filename != member:
                target.writestr(item.filename, data)
        target.writestr(member, content, compresslevel=1)
    return _write(folder, name, out.getvalue())


# -- JSON --------------------------------------------------------------------------------

def _phrasebook_head() -> str:
    return '{"format":"quickreply.phrasebook","version":1,"book":{"id":"b","name":"b"},"phrases":['


def json_many_phrases(folder: Path) -> Path:
    """Hundreds of thousands of tiny phrases."""
    entry = '{"text":"a"},'
    count = (SIZE - 200) // len(entry)
    return _write(folder, "many-phrases.json", (_phrasebook_head() + entry * count + '{"text":"a"}]}').encode())


def json_many_strings(folder: Path) -> Path:
    """Millions of short strings in one phrase's tags."""
    count = (SIZE - 200) // 5
    tags = ",".join(['"ab"'] * count)
    return _write(folder, "many-strings.json", (_phrasebook_head() + '{"text":"a","tags":[' + tags + "]}]}").encode())


def json_deep(folder: Path) -> Path:
    """Twenty million opening brackets."""
    return _write(folder, "deep.json", b"[" * SIZE)


def json_huge_number(folder: Path) -> Path:
    """A revision of five thousand digits (a traceback before)."""
    text = _phrasebook_head().replace('"name":"b"', '"name":"b","revision":' + "9" * 5000) + '{"text":"a"}]}'
    return _write(folder, "huge-number.json", text.encode())


# -- YAML and IME ------------------------------------------------------------------------

def yaml_alias_bomb(folder: Path) -> Path:
    """The "billion laughs": nine levels of nine aliases."""
    lines = ['a0: &a0 "lol"'] + [f"a{n}: &a{n} [" + ", ".join([f"*a{n - 1}"] * 9) + "]" for n in range(1, 10)]
    text = "\n".join(lines) + "\nmatches:\n  - trigger: x\n    replace: *a9\n"
    return _write(folder, "alias-bomb.yml", text.encode())


def yaml_many_matches(folder: Path) -> Path:
    """Hundreds of thousands of matches."""
    match = "  - trigger: a\n    replace: b\n"
    return _write(folder, "many-matches.yml", ("matches:\n" + match * ((SIZE - 20) // len(match))).encode())


def yaml_deep(folder: Path) -> Path:
    """Twenty million nested flow lists."""
    return _write(folder, "deep.yml", b"matches: " + b"[" * (SIZE - 20))


def ime_many_lines(folder: Path) -> Path:
    """Three million one-character phrases."""
    lines = "".join(f"c{n},1=a\n" for n in range(3_000_000))
    return _write(folder, "many-lines.ini", lines.encode()[:SIZE])


def ime_one_block(folder: Path) -> Path:
    """One multi-line entry whose text goes on for millions of lines."""
    return _write(folder, "one-block.ini", b"zz,1=\n" + b"a\n" * ((SIZE - 10) // 2))


HOSTILE: dict[str, Builder] = {builder.__name__: builder for builder in (
    csv_short_rows, csv_gbk_rows, csv_blank_rows, csv_huge_cell, tsv_too_much_text,
    xlsx_shared_strings, xlsx_shared_strings_small, xlsx_wide_row, xlsx_many_rows,
    json_many_phrases, json_many_strings, json_deep, json_huge_number,
    yaml_alias_bomb, yaml_many_matches, yaml_deep, ime_many_lines, ime_one_block,
)}


# -- at the caps: accepted ---------------------------------------------------------------

def _phrases_at_the_caps(length: int = MAX_CHARACTERS // MAX_PHRASES) -> list[Phrase]:
    text = (_REPLY * (length // len(_REPLY) + 1))[:length]
    return [Phrase(text=text, code=f"c{n}", title=f"回复 {n}", group=f"分组 {n % 20}") for n in range(MAX_PHRASES)]


def csv_at_the_caps(folder: Path) -> Path:
    rows = "".join(f"{p.group},{p.code},{p.title},{p.text}\r\n" for p in _phrases_at_the_caps())
    return _write(folder, "at-the-caps.csv", ("分组,快捷编码,标题,快捷短语\r\n" + rows).encode())


def xlsx_at_the_caps(folder: Path) -> Path:
    return _write(folder, "at-the-caps.xlsx", xlsx.write(Phrasebook(name="caps"), _phrases_at_the_caps()))


def json_at_the_caps(folder: Path) -> Path:
    """At the phrase cap with shorter replies: indented JSON of 5 million characters of
    Chinese would be over the size limit."""
    return _write(folder, "at-the-caps.json", native.write(Phrasebook(name="caps"), _phrases_at_the_caps(200)))


def yaml_at_the_caps(folder: Path) -> Path:
    matches = [{"trigger": f":{p.code}", "replace": p.text} for p in _phrases_at_the_caps()]
    return _write(folder, "at-the-caps.yml", json.dumps({"matches": matches}, ensure_ascii=False).encode())


def ime_at_the_caps(folder: Path) -> Path:
    lines = "".join(f"{p.code},1={p.text}\n" for p in _phrases_at_the_caps())
    return _write(folder, "at-the-caps.ini", lines.encode())


AT_THE_CAPS: dict[str, Builder] = {builder.__name__: builder for builder in (
    csv_at_the_caps, xlsx_at_the_caps, json_at_the_caps, yaml_at_the_caps, ime_at_the_caps,
)}

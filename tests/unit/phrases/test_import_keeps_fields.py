"""Replacing from a file that lacks some columns keeps what the agent set for them."""

from __future__ import annotations

import csv
from pathlib import Path

import openpyxl
import pytest

from assistant.cli.main import main
from assistant.formats import read_phrasebook
from assistant.phrases.merge import merge
from assistant.phrases.model import Phrase
from assistant.phrases.store import Store
from tests.unit.helpers import book, phrase

SET_IN_APP = {"hotkey": "ctrl+alt+1", "tags": ("物流", "常用"), "separate_messages": True}


@pytest.fixture
def shipping(store: Store) -> Phrase:
    """The book's phrase, with everything a spreadsheet may not carry set in the app."""
    store.create_book(book())
    return store.add_phrase("test-book", phrase("亲，48 小时内发货", code="fh", title="发货时间", group="发货",
                                                **SET_IN_APP))


def write_table(path: Path, rows: list[list[str]]) -> Path:
    if path.suffix == ".csv":
        with path.open("w", encoding="utf-8-sig", newline="") as handle:
            csv.writer(handle).writerows(rows)
    else:
        workbook = openpyxl.Workbook()
        for row in rows:
            workbook.active.append(row)
        workbook.save(path)
    return path


def import_replace(path: Path, *options: str) -> int:
    return main(["import", str(path), "--book", "test-book", "--on-conflict", "replace", *options])


def only_phrase(store: Store, code: str) -> Phrase:
    return next(item for item in store.phrases("test-book") if item.code == code)


@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
def test_a_table_without_the_columns_keeps_hotkey_tags_and_flag(store: Store, shipping: Phrase, tmp_path: Path,
                                                                 suffix: str) -> None:
    sheet = write_table(tmp_path / f"team{suffix}", [["分组", "快捷编码", "标题", "快捷短语"],
                                                     ["发货", "fh", "发货时间", "亲，今天下午四点前付款当天发出"],
                                                     ["问候", "hi", "", "亲，在的呢"]])
    assert import_replace(sheet) == 0
    after = only_phrase(store, "fh")
    assert after.text == "亲，今天下午四点前付款当天发出" and after.id == shipping.id
    assert (after.hotkey, after.tags, after.separate_messages) == tuple(SET_IN_APP.values())
    added = only_phrase(store, "hi")
    assert (added.hotkey, added.tags, added.separate_messages) == ("", (), False)


@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
def test_a_table_with_the_columns_left_empty_clears_them(store: Store, shipping: Phrase, tmp_path: Path,
                                                         suffix: str) -> None:
    sheet = write_table(tmp_path / f"team{suffix}", [["快捷编码", "快捷短语", "标签", "热键", "分条发送"],
                                                     ["fh", "亲，48 小时内发货", "", "", ""]])
    assert import_replace(sheet) == 0
    after = only_phrase(store, "fh")
    assert (after.hotkey, after.tags, after.separate_messages) == ("", (), False)
    assert (after.title, after.group) == ("发货时间", "发货")  # no title or group column: kept


def test_a_difference_only_in_absent_fields_is_unchanged(store: Store, shipping: Phrase, tmp_path: Path,
                                                         isolated_home: Path, capsys) -> None:
    sheet = write_table(tmp_path / "old-export.csv", [["分组", "快捷编码", "标题", "快捷短语"],
                                                      ["发货", "fh", "发货时间", "亲，48 小时内发货"]])
    assert import_replace(sheet, "--dry-run") == 0
    assert "0 replaced, 0 skipped, 0 kept both, 1 unchanged" in capsys.readouterr().out
    before = sorted(path.read_bytes() for path in isolated_home.glob("books/*.json"))
    assert import_replace(sheet) == 0
    assert "1 unchanged" in capsys.readouterr().out
    assert sorted(path.read_bytes() for path in isolated_home.glob("books/*.json")) == before


def test_an_ime_file_replaces_the_text_only(store: Store, shipping: Phrase, tmp_path: Path) -> None:
    phrases = tmp_path / "sogou.ini"
    phrases.write_text("fh,1=亲，今天发货哦\n", "utf-8")
    assert import_replace(phrases) == 0
    after = only_phrase(store, "fh")
    assert after.text == "亲，今天发货哦"
    assert (after.title, after.group, after.hotkey, after.tags) == ("发货时间", "发货", "ctrl+alt+1", ("物流", "常用"))


@pytest.mark.parametrize(("label", "title"), [("", "发货时间"), ("  label: 发货说明\n", "发货说明")])
def test_espanso_titles_come_only_from_labels(store: Store, shipping: Phrase, tmp_path: Path, label: str,
                                              title: str) -> None:
    matches = tmp_path / "base.yml"
    matches.write_text(f"matches:\n- trigger: \":fh\"\n  replace: 亲，今天发货哦\n{label}", "utf-8")
    assert import_replace(matches) == 0
    after = only_phrase(store, "fh")
    assert (after.text, after.title, after.hotkey) == ("亲，今天发货哦", title, "ctrl+alt+1")


def test_keep_both_gives_the_new_phrase_the_defaults(shipping: Phrase, tmp_path: Path) -> None:
    sheet = write_table(tmp_path / "team.csv", [["快捷编码", "快捷短语"], ["fh", "亲，今天发货"]])
    imported = read_phrasebook(sheet)
    assert imported.absent_fields == {"title", "group", "tags", "hotkey", "separate_messages"}
    result = merge([shipping], imported.phrases, imported.locations, "keep-both", imported.absent_fields)
    beside = result.phrases[1]
    assert (beside.code, beside.hotkey, beside.tags, beside.separate_messages) == ("fh-2", "", (), False)

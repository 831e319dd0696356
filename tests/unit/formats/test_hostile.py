"""The hostile corpus: every file of tests/hostile_files.py through ``quickreply import``.

Each is refused with one line naming the file, and the store is left as it was; files
at the caps are accepted. The times and peak memory are bench/hostile_imports.py's.
"""

from __future__ import annotations

import pytest

from assistant.cli.main import main
from assistant.errors import BadInput
from assistant.formats import ImportedBook, csvfile, limits, read_phrasebook
from assistant.formats.book import Cancelled
from assistant.phrases.model import Phrase
from tests.hostile_files import AT_THE_CAPS, HOSTILE
from tests.unit.cli.test_cli import snapshot_of_store

#: What each hostile file is refused for.
REASONS = {
    "csv_short_rows": "too many phrases", "csv_gbk_rows": "too many phrases", "csv_blank_rows": "too many rows",
    "csv_huge_cell": "no text column",
    "tsv_too_much_text": "too much text", "xlsx_shared_strings": "too large when unpacked",
    "xlsx_shared_strings_small": "too many cells or texts", "xlsx_wide_row": "too many cells or texts",
    "xlsx_many_rows": "too many phrases", "json_many_phrases": "too many values",
    "json_many_strings": "too many values", "json_deep": "too many values", "json_huge_number": "out of range",
    "yaml_alias_bomb": "aliases are not supported", "yaml_many_matches": "too many YAML nodes",
    "yaml_deep": "nesting depth", "ime_many_lines": "too many phrases", "ime_one_block": "too many rows",
}


@pytest.mark.parametrize("name", list(HOSTILE))
def test_a_hostile_file_is_refused_in_one_line_and_the_store_is_unchanged(name, tmp_path, isolated_home, capsys):
    assert main(["books"]) == 0  # the shipped books, to see that nothing of them changes
    before = snapshot_of_store(isolated_home)
    path = HOSTILE[name](tmp_path)
    assert main(["import", str(path)]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and err.startswith(f"quickreply: error: {path}")
    assert REASONS[name] in err
    assert snapshot_of_store(isolated_home) == before


@pytest.mark.parametrize("name", ["csv_at_the_caps"])
def test_a_file_at_the_caps_is_read_whole(name, tmp_path):
    imported = read_phrasebook(AT_THE_CAPS[name](tmp_path))
    assert len(imported.phrases) == limits.MAX_PHRASES


def test_an_import_that_would_take_a_book_past_the_cap_is_refused(monkeypatch, store, isolated_home):
    monkeypatch.setattr(limits, "MAX_PHRASES", 3)
    first = ImportedBook(phrases=[Phrase(text="一", code="a"), Phrase(text="二", code="b")])
    report = store.import_book(first, book="售后")
    before = snapshot_of_store(isolated_home)
    more = ImportedBook(phrases=[Phrase(text="三", code="c"), Phrase(text="四", code="d")])
    with pytest.raises(BadInput) as error:
        store.import_book(more, book=report.book.id)
    assert str(error.value) == "售后: too many phrases (4; the limit is 3 per import and per book)"
    assert snapshot_of_store(isolated_home) == before


def test_readers_stop_at_the_first_phrase_past_the_caps(monkeypatch):
    monkeypatch.setattr(limits, "MAX_CHARACTERS", 10)
    with pytest.raises(BadInput) as error:
        csvfile.read(b"text\n12345\n67890\nx\n", "a.csv")
    assert (error.value.where, error.value.message) == (
        "row 4", "too much text (11 characters; the limit is 10 per import and per book)")


def test_progress_is_told_as_phrases_are_read_and_can_stop_the_read(tmp_path):
    path = AT_THE_CAPS["csv_at_the_caps"](tmp_path)
    counts: list[int] = []

    def progress(count: int) -> None:
        counts.append(count)
        if count >= 1500:
            raise Cancelled

    with pytest.raises(Cancelled):
        read_phrasebook(path, progress=progress)
    assert counts == [500, 1000, 1500]

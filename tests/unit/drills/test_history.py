"""The drill history: stored atomically under the writers' lock, damage handled."""

from __future__ import annotations

import csv
import io
import json
import multiprocessing
import os
from pathlib import Path

import pytest

from assistant.data.documents import CorruptFile
from assistant.data.folder import DataFolder
from assistant.drills.history import CSV_COLUMNS, FILE_NAME, DrillHistory, read_results
from assistant.phrases.store import Store
from tests.unit.drills.simulate import a_result


@pytest.fixture
def folder(isolated_home: Path) -> DataFolder:
    return DataFolder(isolated_home)


def test_results_come_back_oldest_first_and_survive_a_new_history(folder: DataFolder) -> None:
    history = DrillHistory(folder)
    assert history.results() == [] and history.notices == []
    late = a_result(finished="2026-03-02T10:00:00Z", net_cpm=80.0)
    early = a_result(finished="2026-03-01T10:00:00Z", net_cpm=60.0)
    same_second = a_result(finished="2026-03-02T10:00:00Z", net_cpm=81.0)
    for result in (late, early, same_second):
        history.add(result)
    assert history.results() == [early, late, same_second]
    assert DrillHistory(folder).results() == [early, late, same_second]
    stored = json.loads(folder.path(FILE_NAME).read_text("utf-8"))
    assert list(stored) == ["drills"] and stored["drills"]["1"] == late.to_dict()


def _add_many(home: str, start: int) -> None:
    history = DrillHistory(DataFolder(Path(home)))
    for index in range(start, start + 15):
        history.add(a_result(finished=f"2026-03-02T10:{index:02d}:00Z"))


def test_two_processes_adding_at_once_lose_nothing(folder: DataFolder) -> None:
    DrillHistory(folder)
    context = multiprocessing.get_context("spawn")
    workers = [context.Process(target=_add_many, args=(str(folder.home), start)) for start in (0, 20)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join(120)
    assert [worker.exitcode for worker in workers] == [0, 0]
    assert len(DrillHistory(folder).results()) == 30


def test_a_damaged_file_is_set_aside_and_the_history_starts_again(folder: DataFolder) -> None:
    torn = b'{"drills": {"1": {"id": '
    folder.path(FILE_NAME).write_bytes(torn)
    with pytest.raises(CorruptFile):
        read_results(folder)  # looking never moves it
    assert folder.path(FILE_NAME).exists()
    history = DrillHistory(folder)
    assert len(history.notices) == 1 and "quarantine" in history.notices[0]
    kept = list(folder.path("quarantine").glob(f"{FILE_NAME}.*"))
    assert len(kept) == 1 and kept[0].read_bytes() == torn
    history.add(a_result())
    assert len(history.results()) == 1


def test_a_record_this_version_cannot_read_is_kept_and_skipped(folder: DataFolder) -> None:
    history = DrillHistory(folder)
    history.add(a_result())
    document = json.loads(folder.path(FILE_NAME).read_text("utf-8"))
    document["drills"]["2"] = {"id": "broken"}
    folder.path(FILE_NAME).write_text(json.dumps(document), "utf-8")
    assert len(history.results()) == 1 and "1 drill records" in history.notices[0]
    history.add(a_result())
    stored = json.loads(folder.path(FILE_NAME).read_text("utf-8"))["drills"]
    assert stored["2"] == {"id": "broken"} and set(stored) == {"1", "2", "3"}


def test_a_failed_write_leaves_the_file_and_the_next_add_works(folder: DataFolder,
                                                              monkeypatch: pytest.MonkeyPatch) -> None:
    history = DrillHistory(folder)
    history.add(a_result())
    before = folder.path(FILE_NAME).read_bytes()

    def full_disk(*_args, **_kwargs) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", full_disk)
    with pytest.raises(OSError):
        history.add(a_result())
    monkeypatch.undo()
    assert folder.path(FILE_NAME).read_bytes() == before
    history.add(a_result())
    assert len(history.results()) == 2


def test_the_history_is_part_of_the_backups_and_recovered_from_them(folder: DataFolder) -> None:
    store = Store(folder.home)
    DrillHistory(folder).add(a_result())
    assert Path(FILE_NAME) in folder.files()
    store.backup("manual")
    folder.path(FILE_NAME).write_bytes(b"\x00garbage")
    reopened = Store(folder.home)
    assert any(FILE_NAME in notice and "restored" in notice for notice in reopened.notices)
    assert len(DrillHistory(folder).results()) == 1


def test_export_csv_one_row_per_drill_for_a_spreadsheet(folder: DataFolder, tmp_path: Path) -> None:
    history = DrillHistory(folder)
    first = a_result(finished="2026-03-01T10:00:00Z", text_title="=cmd|' /C calc'!A0", accuracy=2 / 3,
                     pauses=[{"at": 3.0, "seconds": 12.5}, {"at": 9.0, "seconds": 20.0}])
    second = a_result("Thanks for your order today", finished="2026-03-02T10:00:00Z")
    history.add(second)
    history.add(first)
    path = tmp_path / "drills.csv"
    history.export_csv(path)
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"))))
    assert tuple(rows[0]) == CSV_COLUMNS and not {"char_stats", "word_stats"} & set(rows[0])
    assert [row["id"] for row in rows] == [first.id, second.id]
    assert rows[0]["text_title"].startswith("'=") and rows[0]["pauses"] == "2" and rows[0]["pause_seconds"] == "32.5"
    assert rows[0]["wpm"] == "" and float(rows[1]["wpm"]) == second.wpm and rows[0]["accuracy"] == "0.6667"
    assert float(rows[1]["net_cpm"]) == second.net_cpm and rows[1]["language"] == "en"


"""The data folder: its registry, one damage policy for every file, transactions, and
sweeping leftovers."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest

from assistant.cli.main import main
from assistant.data.documents import CorruptFile
from assistant.data.folder import DataFolder
from assistant.drills.history import DrillHistory
from assistant.phrases.store import Store
from assistant.replies.conversations import ConversationLog
from assistant.settings import Settings, save_settings
from tests.unit.drills.simulate import a_result
from tests.unit.helpers import book, phrase

NOW = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)
SUBSCRIPTIONS = {"version": 1, "subscriptions": [{"source": "/share/team.qrpub", "book_id": "team"}]}


@pytest.fixture
def full(isolated_home: Path) -> Store:
    """A store with something in every data file."""
    store = Store(isolated_home, seed=False)
    store.create_book(book(), [phrase("亲，在的", code="zd")])
    store.record_use("test-book", store.phrases("test-book")[0].id)
    save_settings(store.folder, Settings(agent_name="小美"))
    with store.folder.transaction() as change:
        change.write("subscriptions.json", SUBSCRIPTIONS)
    ConversationLog(store).record("qianniu|王", "test-book", "zd", NOW)
    DrillHistory(store.folder).add(a_result())
    return store


EVERY_FILE = ["store.json", "usage.json", "settings.json", "subscriptions.json", "conversations.json",
              "drills.json", "books/test-book.json"]


def test_every_data_file_is_registered_and_in_every_backup(full: Store) -> None:
    assert sorted(path.as_posix() for path in full.folder.files()) == sorted(EVERY_FILE)
    snapshot = full.backup()
    assert snapshot is not None
    assert sorted(path.relative_to(snapshot).as_posix() for path in snapshot.rglob("*.json")) == sorted(EVERY_FILE)


@pytest.mark.parametrize("name", [name for name in EVERY_FILE if name != "conversations.json"])
def test_any_damaged_file_is_set_aside_and_restored_from_the_newest_good_backup(full: Store, name: str) -> None:
    full.backup()
    good = full.folder.path(name).read_bytes()
    full.folder.path(name).write_bytes(b'{"torn')
    reopened = Store(full.home, seed=False)
    assert len(reopened.notices) == 1
    assert f"{Path(name)} was damaged" in reopened.notices[0] and "restored from the backup" in reopened.notices[0]
    assert full.folder.path(name).read_bytes() == good
    [kept] = full.folder.path("quarantine").iterdir()
    assert kept.name.startswith(Path(name).name) and kept.read_bytes() == b'{"torn'


def test_a_damaged_conversation_log_is_removed_not_kept_and_restored(full: Store) -> None:
    """An older version wrote buyers' names and answers there; a damaged log cannot be
    cleaned as a readable one is, so nothing of it stays in quarantine/."""
    full.backup()
    good = full.folder.path("conversations.json").read_bytes()
    torn = '{"conversations": {"1": {"key": "qianniu|王小明", "answers"'
    full.folder.path("conversations.json").write_text(torn, "utf-8")
    reopened = Store(full.home, seed=False)
    [notice] = reopened.notices
    assert "conversations.json was damaged and is removed" in notice and "restored from the backup" in notice
    assert full.folder.path("conversations.json").read_bytes() == good
    quarantine = full.folder.path("quarantine")
    assert not quarantine.exists() or not any(quarantine.iterdir())
    assert not any("王小明" in path.read_text("utf-8", "replace") for path in full.home.rglob("*") if path.is_file())


@pytest.mark.parametrize(("name", "document"), [("settings.json", []), ("subscriptions.json", {"subscriptions": {}}),
                                                ("drills.json", {"drills": []}), ("usage.json", {"usage": 3})])
def test_a_file_that_is_not_what_its_owner_writes_is_damaged_too(full: Store, name: str, document: object) -> None:
    full.folder.path(name).write_text(str(document).replace("'", '"'), "utf-8")
    with pytest.raises(CorruptFile):
        full.folder.look(name)
    notices: list[str] = []
    assert full.folder.read(name, notices) is None  # no backup: the file starts empty
    assert len(notices) == 1 and f"{name} was damaged" in notices[0] and "no backup had a good copy" in notices[0]
    assert not full.folder.path(name).exists()


def test_looking_never_moves_a_file_and_reading_repairs_it_once(full: Store) -> None:
    full.backup()
    path = full.folder.path("subscriptions.json")
    path.write_bytes(b"\x00")
    with pytest.raises(CorruptFile):
        full.folder.look("subscriptions.json")
    assert path.read_bytes() == b"\x00"
    notices: list[str] = []
    assert full.folder.read("subscriptions.json", notices) == SUBSCRIPTIONS
    assert full.folder.read("subscriptions.json", notices) == SUBSCRIPTIONS
    assert len(notices) == 1 and "restored from the backup" in notices[0]


def test_a_transaction_writes_nothing_unless_its_block_succeeds(isolated_home: Path) -> None:
    folder = DataFolder(isolated_home)
    with pytest.raises(RuntimeError), folder.transaction() as change:
        change.write("settings.json", {"agent_name": "A"})
        change.write("subscriptions.json", SUBSCRIPTIONS)
        assert change.read("settings.json") == {"agent_name": "A"}
        raise RuntimeError("changed my mind")
    assert folder.files() == []
    with folder.transaction() as change:
        change.write("settings.json", {"agent_name": "A"})
        change.write("subscriptions.json", SUBSCRIPTIONS)
    assert (folder.look("settings.json"), folder.look("subscriptions.json")) == ({"agent_name": "A"}, SUBSCRIPTIONS)


def test_a_transaction_reads_back_what_it_wrote_as_bytes_and_what_it_deleted(isolated_home: Path) -> None:
    folder = DataFolder(isolated_home)
    with folder.transaction() as change:
        change.write("settings.json", {"agent_name": "A"})
        change.write("subscriptions.json", SUBSCRIPTIONS)
    with folder.transaction() as change:
        change.write_bytes("settings.json", b'{"agent_name":"B"}')
        change.delete("subscriptions.json")
        assert (change.read("settings.json"), change.read("subscriptions.json")) == ({"agent_name": "B"}, None)
        assert folder.look("settings.json") == {"agent_name": "A"}  # nothing on disk before the block ends
    assert (folder.look("settings.json"), folder.look("subscriptions.json")) == ({"agent_name": "B"}, None)


def test_only_data_files_are_read_or_written(isolated_home: Path) -> None:
    folder = DataFolder(isolated_home)
    with pytest.raises(ValueError, match="not a data file"), folder.transaction() as change:
        change.write("cache/pinyin.json", {})
    with pytest.raises(ValueError, match="not a data file"):
        folder.look("books/nested/book.json")


def test_only_the_data_files_leftover_temporaries_are_swept(isolated_home: Path) -> None:
    folder = DataFolder(isolated_home)
    leftovers = [folder.path(".settings.json.tmp-999-abcd"), folder.path("books/.test-book.json.tmp-999-abcd")]
    # The pinyin cache is written without the lock: its temporary may be a write in progress.
    cache = folder.path("cache/.pinyin.json.tmp-999-abcd")
    for path in [*leftovers, cache]:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("{")
    folder.recover()
    assert [path.exists() for path in leftovers] == [False, False] and cache.exists()


# Damage that still parses as JSON, in every file: each one a traceback before. "BIG"
# stands for a 5000-digit number.
BOOK = '{"book":{"1":{"id":"test-book","name":"Test"}},"phrases":PHRASES}'
WRONG_SHAPES = [(name, text.replace("BIG", "9" * 5000)) for name, text in [
    ("store.json", '{"schema":"1"}'),
    ("store.json", '{"schema":0}'),
    ("store.json", '{"schema":BIG}'),
    ("settings.json", '{"version":0}'),
    ("settings.json", '{"version":true}'),
    ("settings.json", '{"version":2,"soft_limit":NaN}'),
    ("usage.json", '{"usage":{"1":{"book":"test-book","phrase":"p1","last":""}}}'),
    ("usage.json", '{"usage":{"1":{"book":"test-book","phrase":"p1","count":BIG,"last":""}}}'),
    ("usage.json", '{"usage":{"1":{"book":"test-book","phrase":"p1","count":Infinity,"last":""}}}'),
    ("books/test-book.json", BOOK.replace('"Test"', "5").replace("PHRASES", "{}")),
    ("books/test-book.json", BOOK.replace("PHRASES", '{"1":{"text":"no id"}}')),
    ("books/test-book.json", BOOK.replace("PHRASES", '[{"id":"p1","text":"a list"}]')),
    ("books/test-book.json", BOOK.replace("PHRASES", '{"1":{"id":"p1","text":"x","tags":[1]}}')),
    ("books/test-book.json", BOOK.replace("PHRASES", '{"1":"a phrase"}')),
    ("books/test-book.json", BOOK.replace('"Test"', '"T","origin":"elsewhere"').replace("PHRASES", "{}")),
    ("books/test-book.json", BOOK.replace('"Test"', '"T","revision":BIG').replace("PHRASES", "{}")),
]]


@pytest.mark.parametrize(("name", "text"), WRONG_SHAPES)
def test_a_file_of_the_wrong_shape_is_set_aside_and_recovered_with_a_notice(
        full: Store, name: str, text: str, capsys: pytest.CaptureFixture[str]) -> None:
    full.backup()
    good = full.folder.path(name).read_bytes()
    full.folder.path(name).write_text(text, "utf-8")
    for command in (["books"], ["list"], ["search", "亲"]):
        assert main(command) == 0
    out, err = capsys.readouterr()
    assert "Traceback" not in out + err
    [notice] = err.splitlines()
    assert notice.startswith(f"notice: {Path(name)} was damaged") and "restored from the backup" in notice
    assert full.folder.path(name).read_bytes() == good
    [kept] = full.folder.path("quarantine").iterdir()
    assert kept.read_text("utf-8") == text


def test_a_damaged_file_without_a_good_backup_starts_empty_and_every_command_still_works(
        full: Store, capsys: pytest.CaptureFixture[str]) -> None:
    full.folder.path("usage.json").write_text('{"usage":{"1":{"book":"test-book"}}}', "utf-8")
    assert main(["list"]) == 0
    out, err = capsys.readouterr()
    assert "亲，在的" in out and "usage.json was damaged" in err and "no backup had a good copy" in err


def test_an_export_into_the_data_folder_is_refused(full: Store, capsys: pytest.CaptureFixture[str]) -> None:
    target = full.folder.path("books/test-book.json")
    before = target.read_bytes()
    assert main(["export", "test-book", str(target)]) == 1
    assert main(["publish", "test-book", str(full.home)]) == 1
    err = capsys.readouterr().err
    assert err.count("is inside the data folder") == 2 and len(err.splitlines()) == 2
    assert target.read_bytes() == before and not list(full.home.glob("*.qrpub"))

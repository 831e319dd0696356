"""The context's refresh after a change to the store: a large one is analysed on a
worker while the UI thread keeps running and the picker keeps the old index, a small
one is in place at once, the newest change is the one that stays, and stopping (the
app quitting) during a build neither hangs nor puts anything in place."""

from __future__ import annotations

import itertools
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QThreadPool, QTimer
from PySide6.QtWidgets import QApplication

from assistant.data.documents import CorruptFile
from assistant.formats import read_phrasebook
from assistant.phrases.store import Store
from ui.context import SYNC_LIMIT, AppContext
from ui.replies.picker import Picker

#: Phrases in the book: analysing them all on the UI thread stopped it 0.45 s.
COUNT = 6000
#: The longest the UI thread may stop while they are analysed on the worker.
LONGEST_STALL = 0.2


def write_book(folder: Path, word: str, name: str = "book.csv", count: int = COUNT) -> Path:
    """A phrasebook file of ``count`` replies holding ``word``, as an agent imports one."""
    rows = "".join(f"分组 {n % 20},c{n},回复 {n},亲，您的第{n}号订单已经{word}，请注意查看物流信息，有任何问题"
                   f"随时联系我们，如需退换货请在七天内申请，我们会尽快处理，祝您购物愉快\r\n" for n in range(count))
    path = folder / name
    path.write_bytes(("分组,快捷编码,标题,快捷短语\r\n" + rows).encode())
    return path


def import_into(store: Store, path: Path) -> None:
    store.import_book(read_phrasebook(path), book="book", policy="replace")


@pytest.fixture
def context(qtbot, store: Store, tmp_path: Path) -> Iterator[AppContext]:
    store.import_book(read_phrasebook(write_book(tmp_path, "发货")), default_name="book")
    context = AppContext(store)
    yield context
    context.stop()


class Heartbeat:
    """A 5 ms timer on the UI thread: the longest gap between its ticks is the longest
    the window could not paint or take a key."""

    def __init__(self) -> None:
        self.ticks: list[float] = []
        self.timer = QTimer(interval=5)
        self.timer.timeout.connect(lambda: self.ticks.append(time.perf_counter()))

    def __enter__(self) -> Heartbeat:
        self.timer.start()
        self.ticks.append(time.perf_counter())
        return self

    def __exit__(self, *_exc: object) -> None:
        self.timer.stop()

    def longest_gap(self) -> float:
        return max(later - earlier for earlier, later in itertools.pairwise(self.ticks))


def found_texts(context: AppContext, query: str) -> list[str]:
    return [phrase.text for phrase in context.index.search(query, 3)]


def test_the_ui_thread_keeps_running_while_a_large_import_is_analysed(
        qtbot, context: AppContext, store: Store, tmp_path: Path) -> None:
    import_into(store, write_book(tmp_path, "签收", "changed.csv"))
    with Heartbeat() as heartbeat:
        context.phrases_edited()
        assert context.refreshing()
        qtbot.waitUntil(lambda: not context.refreshing(), timeout=30_000)
        qtbot.wait(50)
    assert heartbeat.longest_gap() < LONGEST_STALL
    assert "签收" in found_texts(context, "qs")[0] and not found_texts(context, "已经发货")
    assert all("签收" in phrase.text for phrase in context.phrases) and len(context.phrases) == COUNT


def test_the_picker_searches_the_old_index_until_the_new_one_is_in_place(
        qtbot, context: AppContext, store: Store, tmp_path: Path) -> None:
    picker = Picker(context)
    qtbot.addWidget(picker)
    picker.open_for(None)
    import_into(store, write_book(tmp_path, "签收", "changed.csv"))
    context.phrases_edited()
    assert context.refreshing()
    qtbot.keyClicks(picker.query, "c17")
    assert picker.shown[0].code == "c17" and "发货" in picker.shown[0].text
    with qtbot.waitSignal(context.phrasesChanged, timeout=30_000):
        pass
    # The picker heard of the swap and searched again, with the new index.
    assert picker.shown[0].code == "c17" and "签收" in picker.shown[0].text
    qtbot.keyClicks(picker.query, "0")
    assert picker.shown[0].code == "c170" and "签收" in picker.shown[0].text


def test_a_change_arriving_during_a_build_is_the_one_that_stays(
        qtbot, context: AppContext, store: Store, tmp_path: Path) -> None:
    import_into(store, write_book(tmp_path, "签收", "first.csv"))
    context.phrases_edited()
    assert context.refreshing()
    # Another process (the CLI) imports again while the first build runs.
    import_into(Store(store.home), write_book(tmp_path, "退款", "second.csv"))
    context.refresh()
    qtbot.waitUntil(lambda: not context.refreshing(), timeout=30_000)
    qtbot.wait(300)  # nothing older comes in after it
    assert all("退款" in phrase.text for phrase in context.phrases)
    assert "退款" in found_texts(context, "c5")[0] and not found_texts(context, "签收")


def test_several_changes_during_a_build_are_read_once_after_it(
        qtbot, context: AppContext, store: Store, tmp_path: Path) -> None:
    import_into(store, write_book(tmp_path, "签收", "first.csv"))
    context.phrases_edited()
    for word in ("退款", "换货", "补发"):
        import_into(store, write_book(tmp_path, word, f"{word}.csv"))
        context.phrases_edited()
    built: list[bool] = []
    context.phrasesChanged.connect(lambda: built.append(True))
    qtbot.waitUntil(lambda: not context.refreshing(), timeout=30_000)
    qtbot.wait(300)
    assert len(built) == 2  # the first import's build, then one for the three after it
    assert "补发" in found_texts(context, "c5")[0]


def test_a_single_edit_and_a_use_count_are_in_place_at_once(context: AppContext, store: Store) -> None:
    phrase = next(phrase for phrase in context.phrases if phrase.code == "c42")
    store.update_phrase(phrase.book_id, phrase.with_changes(text="这一条刚刚改过"))
    context.phrases_edited()
    assert not context.refreshing()
    assert found_texts(context, "刚刚改过") == ["这一条刚刚改过"]
    store.record_use(phrase.book_id, phrase.id)
    context.phrases_edited()
    assert not context.refreshing()
    assert context.index.search("", 1)[0].id == phrase.id  # the most used first


def test_up_to_the_limit_the_refresh_is_at_once_and_over_it_on_the_worker(
        context: AppContext, store: Store, tmp_path: Path) -> None:
    import_into(store, write_book(tmp_path, "签收", "few.csv", SYNC_LIMIT))
    context.phrases_edited()
    assert not context.refreshing() and "签收" in found_texts(context, "c7")[0]
    import_into(store, write_book(tmp_path, "退款", "more.csv", SYNC_LIMIT + 1))
    context.phrases_edited()
    assert context.refreshing()


def test_stopping_during_a_build_returns_at_once_and_puts_nothing_in_place(
        qtbot, context: AppContext, store: Store, tmp_path: Path) -> None:
    import_into(store, write_book(tmp_path, "签收", "changed.csv"))
    old = context.index
    context.phrases_edited()
    qtbot.wait(100)  # the worker is analysing
    started = time.perf_counter()
    context.stop()
    assert time.perf_counter() - started < 2
    assert QThreadPool.globalInstance().waitForDone(2000)
    with qtbot.assertNotEmitted(context.phrasesChanged, wait=200):
        QApplication.processEvents()
    assert context.index is old and not context.refreshing()


def test_a_store_that_became_unreadable_fails_the_refresh_and_the_next_one_reads_it_again(
        qtbot, context: AppContext, store: Store) -> None:
    book = next(iter(store.folder.home.glob("books/*.json")))
    good = book.read_bytes()
    old = context.index
    book.write_bytes(good[: len(good) // 2])  # another process left it cut short
    with pytest.raises(CorruptFile):
        context.refresh()
    assert context.index is old and found_texts(context, "c7") and not context.refreshing()
    book.write_bytes(good.replace("发货".encode(), "签收".encode()))
    assert context.refresh()
    qtbot.waitUntil(lambda: not context.refreshing(), timeout=30_000)
    assert "签收" in found_texts(context, "c7")[0]


@pytest.fixture
def small_start_limit(monkeypatch: pytest.MonkeyPatch) -> None:
    """Below ``COUNT``: the start of a store this size is that of a large one."""
    monkeypatch.setattr("ui.context.BUILD_AT_START_ABOVE", COUNT // 2)


def test_a_large_store_starts_searchable_and_its_index_is_made_on_a_worker(
        qtbot, small_start_limit: None, store: Store, tmp_path: Path) -> None:
    store.import_book(read_phrasebook(write_book(tmp_path, "发货")), default_name="book")
    context = AppContext(store)
    try:
        assert context.refreshing()
        first = context.index
        picker = Picker(context)
        qtbot.addWidget(picker)
        picker.open_for(None)
        qtbot.keyClicks(picker.query, "c4321")  # before the build: what the search reaches is analysed then
        assert picker.shown[0].code == "c4321"
        qtbot.waitUntil(lambda: not context.refreshing(), timeout=30_000)
        assert context.index is not first
        for query in ("c4321", "fahuo", "发货 4321", "huifu 17"):
            assert found_texts(context, query) == [phrase.text for phrase in first.search(query, 3)], query
    finally:
        context.stop()


def test_quitting_while_the_start_s_index_is_made_returns_at_once(
        qtbot, small_start_limit: None, store: Store, tmp_path: Path) -> None:
    store.import_book(read_phrasebook(write_book(tmp_path, "发货")), default_name="book")
    context = AppContext(store)
    first = context.index
    qtbot.wait(50)  # the build has started
    assert context.refreshing()
    started = time.perf_counter()
    context.stop()
    assert time.perf_counter() - started < 2
    assert not context.refreshing() and context.index is first
    QThreadPool.globalInstance().waitForDone(5000)

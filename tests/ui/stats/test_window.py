"""The statistics window, fed by insertions recorded at controlled times."""

from __future__ import annotations

import csv
import json
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from assistant.phrases.model import Phrase, Phrasebook
from assistant.phrases.store import Store
from assistant.replies.conversations import ConversationLog
from ui.context import AppContext
from ui.stats.window import StatsWindow


def record(store: Store, key: str, phrases: list[str], start: datetime, waited: int = 0) -> None:
    """Quick replies from ``start``; with ``waited``, the buyer had waited that many
    seconds for the first (the title's counter rose then)."""
    log = ConversationLog(store)
    if waited:
        log.wait(key, start - timedelta(seconds=waited))
    for offset, phrase_id in enumerate(phrases):
        log.record(key, "b", phrase_id, start + timedelta(seconds=offset))


@pytest.fixture
def now() -> datetime:
    return datetime.now().astimezone()


@pytest.fixture
def window(qtbot, store: Store, now: datetime) -> StatsWindow:
    store.create_book(Phrasebook(name="售后", id="b"))
    for number, (text, code, group) in enumerate([
        ("亲，您的包裹已经发货了", "fh", "发货"), ("退款会原路退回", "tk", "售后"),
        ("Your parcel has shipped", "ship", "Shipping"), ("Never sent", "never", "Shipping"),
    ]):
        store.add_phrase("b", Phrase(text=text, code=code, group=group, title=text[:8], id=f"p{number}"))
    # Today: 2 quick replies; two days ago: 4 (at the soft limit); 20 days ago: 7 (over the hard limit).
    # The buyers of today and two days ago waited 25 s and 45 s for the first quick reply.
    record(store, "today", ["p0", "p0"], now - timedelta(seconds=30), waited=25)
    record(store, "recent", ["p0", "p0", "p1", "p1"], now - timedelta(days=2), waited=45)
    record(store, "older", ["p0"] * 6 + ["p2"], now - timedelta(days=20))
    widget = StatsWindow(AppContext(store))
    qtbot.addWidget(widget)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def values(window: StatsWindow) -> dict[str, str]:
    return {name: label.text() for name, label in window.values.items()}


def test_headline_figures_for_thirty_days(window: StatsWindow) -> None:
    assert window.windowTitle() == "QuickReply statistics"
    assert window.days() == 30
    assert values(window) == {"conversations": "3", "today": "1", "insertions": "13", "mean": "4.33",
                              "soft": "66.7%", "hard": "33.3%", "saved": "3 min", "first": "35 s",
                              "average": "35 s"}
    assert window.captions["soft"].text() == "3 or more (soft limit)"
    assert window.captions["hard"].text() == "More than 5 (hard limit)"


def test_response_times_per_day_newest_first(window: StatsWindow, now: datetime) -> None:
    table = window.responses
    assert window.tabs.tabText(4) == "Response times"
    assert [table.horizontalHeaderItem(column).text() for column in range(table.columnCount())] == [
        "Date", "Waiting buyers", "Answered", "First response", "Average response", "Median response"]
    assert table.rowCount() == 30
    rows = [[table.item(row, column).text() for column in range(6)] for row in (0, 1, 2)]
    two_days_ago = (now - timedelta(days=2)).date().isoformat()
    assert rows == [[now.date().isoformat(), "1", "1", "25 s", "25 s", "25 s"],
                    [(now - timedelta(days=1)).date().isoformat(), "0", "0", "—", "—", "—"],
                    [two_days_ago, "1", "1", "45 s", "45 s", "45 s"]]
    assert "unread counter" in window.values["first"].toolTip()


def test_per_day_chart_has_one_bar_per_day(window: StatsWindow, now: datetime) -> None:
    series = window.per_day_chart.series()
    assert len(series) == 1
    categories = window.per_day_chart.axes()[0].categories()
    assert len(categories) == 30 and categories[-1] == now.strftime("%m-%d")
    bars = window.per_day_set
    assert bars.count() == 30
    expected = [0.0] * 30
    expected[29] = expected[27] = expected[9] = 1.0
    assert [bars.at(index) for index in range(30)] == expected


def test_histogram_separates_bars_over_the_limits(window: StatsWindow) -> None:
    below, at_soft, over_hard = window.histogram_sets
    assert window.histogram_chart.axes()[0].categories()[-1] == "8+"
    nonzero = {name: {index: bars.at(index) for index in range(bars.count()) if bars.at(index)}
               for name, bars in (("below", below), ("soft", at_soft), ("hard", over_hard))}
    assert nonzero == {"below": {2: 1.0}, "soft": {4: 1.0}, "hard": {7: 1.0}}
    assert over_hard.color().name() != at_soft.color().name() != below.color().name()


def test_phrase_tables(window: StatsWindow) -> None:
    most = window.most_used
    assert [most.item(0, column).text() for column in range(5)] == ["fh", "亲，您的包裹已经", "发货", "售后", "10"]
    assert [most.item(row, 0).text() for row in range(most.rowCount())] == ["fh", "tk", "ship"]
    assert window.never_used.rowCount() == 1 and window.never_used.item(0, 0).text() == "never"
    assert window.tabs.tabText(1) == "Never used (1)"
    assert window.per_book.item(0, 0).text() == "售后" and window.per_book.item(0, 1).text() == "13"
    groups = {window.per_group.item(row, 1).text(): window.per_group.item(row, 2).text()
              for row in range(window.per_group.rowCount())}
    assert groups == {"发货": "10", "售后": "2", "Shipping": "1"}


def test_seven_days_drop_older_conversations(window: StatsWindow) -> None:
    window.set_days(7)
    assert values(window) == {"conversations": "2", "today": "1", "insertions": "6", "mean": "3.00",
                              "soft": "50.0%", "hard": "0.0%", "saved": "1 min", "first": "35 s",
                              "average": "35 s"}
    assert window.per_day_set.count() == 7 and window.per_day_axes[0].labelsVisible()
    window.set_days(90)  # ninety labels do not fit: the bars' tooltips give the days
    assert window.per_day_set.count() == 90 and not window.per_day_axes[0].labelsVisible()
    window.set_days(7)
    assert not any(window.histogram_sets[2].at(index) for index in range(window.histogram_sets[2].count()))
    assert window.tabs.tabText(1) == "Never used (2)"


def test_export_csv_and_json(window: StatsWindow, tmp_path: Path) -> None:
    asked = []
    window.ask_save_path = lambda caption, file_filter, suggested: asked.append(suggested) or tmp_path / "out"
    written = window.export("csv")
    assert written == tmp_path / "out.csv" and asked[0].endswith(".csv")
    with written.open(encoding="utf-8-sig", newline="") as file:
        rows = list(csv.reader(file))
    assert rows[0] == ["metric", "value"] and ["conversations", "3"] in rows
    assert any(row[2:4] == ["p3", "never"] for row in rows)  # every phrase, the unused too

    window.ask_save_path = lambda *_args: tmp_path / "stats.json"
    window.export_json_button.click()
    data = json.loads((tmp_path / "stats.json").read_text(encoding="utf-8"))
    assert data["conversations"] == 3 and len(data["per_phrase"]) == 4


def test_export_errors_are_one_line(window: StatsWindow, tmp_path: Path) -> None:
    shown = []
    window.show_error = shown.append
    (tmp_path / "a-file").write_text("not a folder")
    window.ask_save_path = lambda *_args: tmp_path / "a-file" / "stats.json"
    assert window.export("json") is None
    assert len(shown) == 1 and "\n" not in shown[0] and "Traceback" not in shown[0]
    window.ask_save_path = lambda *_args: None  # cancelled: nothing happens
    assert window.export("csv") is None and len(shown) == 1


def test_phrases_changed_updates_the_figures(window: StatsWindow, store: Store, now: datetime) -> None:
    record(store, "another", ["p3"], now - timedelta(seconds=5))
    assert values(window)["conversations"] == "3"
    window.context.phrasesChanged.emit()
    assert values(window)["conversations"] == "4" and values(window)["today"] == "2"
    assert window.per_day_set.at(29) == 2.0
    assert window.tabs.tabText(1) == "Never used (0)"


def test_hidden_window_refreshes_when_shown(window: StatsWindow, store: Store, now: datetime) -> None:
    window.hide()
    record(store, "another", ["p1"], now - timedelta(seconds=5))
    window.context.phrasesChanged.emit()
    assert values(window)["conversations"] == "3"
    window.show()
    assert values(window)["conversations"] == "4"

"""Which titles the title watchers report: each window's first title, then only changes,
and nothing of windows that are gone."""

from __future__ import annotations

from assistant.desktop.titles import TitleTracker


def test_a_window_is_reported_when_first_seen_then_only_when_its_title_changes() -> None:
    tracker = TitleTracker()
    assert tracker.seen(1, "(1) 买家A")  # a counter already up at the start matters
    assert not tracker.seen(1, "(1) 买家A")
    assert tracker.seen(1, "(2) 买家A")
    assert tracker.seen(1, "买家A")
    assert tracker.seen(2, "买家A"), "another window with the same title is a window of its own"


def test_the_window_list_gives_the_new_windows_and_forgets_the_gone_ones() -> None:
    tracker = TitleTracker()
    assert tracker.windows([3, 1, 2, 1]) == [3, 1, 2]
    for window_id in (1, 2, 3):
        tracker.seen(window_id, "title")
    assert tracker.windows([2, 3, 4]) == [4]
    tracker.seen(4, "title")
    # Window 1 was closed; a new window that reuses its id is new, even with its title.
    assert tracker.windows([1, 2, 3, 4]) == [1]
    assert tracker.seen(1, "title")


def test_a_window_that_could_not_be_described_stays_new() -> None:
    """X11: a window listed but gone before its title was read is not remembered, so a
    later list that still names it offers it again."""
    tracker = TitleTracker()
    assert tracker.windows([7]) == [7]
    assert tracker.windows([7]) == [7]


def test_a_scan_reports_new_and_changed_titles_only() -> None:
    tracker = TitleTracker()
    assert tracker.changed({1: "买家A", 2: "[2条新消息] 李华"}) == [1, 2]
    assert tracker.changed({1: "买家A", 2: "[2条新消息] 李华"}) == []
    assert tracker.changed({1: "(1) 买家A", 2: "[2条新消息] 李华", 3: "记事本"}) == [1, 3]
    assert tracker.changed({1: "(1) 买家A"}) == []
    assert tracker.changed({1: "(1) 买家A", 2: "[2条新消息] 李华"}) == [2], "a window back from hiding is new again"

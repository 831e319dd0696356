"""The drill window driven as a trainee drives it: input-method events (preedit, then
commit) and key presses into the input box, on a clock the test moves."""

from __future__ import annotations

import csv
from dataclasses import replace
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from assistant.drills.goal import GoalRules
from assistant.drills.history import DrillHistory
from assistant.drills.session import CharState
from assistant.drills.texts import custom_text, team_text
from assistant.phrases.store import Store
from assistant.settings import load_settings
from assistant.team import publication, subscriptions
from ui.context import AppContext
from ui.drills.result import slowest_and_missed
from ui.drills.text import FIRST_ERROR
from ui.drills.window import DrillWindow, help_file


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def window(qtbot, seeded_store: Store, clock: Clock) -> DrillWindow:
    drills = DrillWindow(AppContext(seeded_store), clock=clock)
    drills.confirm_leave = lambda: True  # closing at the end of a test never waits for a question
    qtbot.addWidget(drills)
    drills.show()
    return drills


def type_with_ime(window: DrillWindow, clock: Clock, pinyin: str, committed: str, step: float = 0.25) -> None:
    """What a pinyin IME sends: a growing preedit (one key each), then the commit."""
    box = window.run_page.input
    for end in range(1, len(pinyin) + 1):
        clock.now += step
        QApplication.sendEvent(box, QInputMethodEvent(pinyin[:end], []))
    clock.now += step
    event = QInputMethodEvent("", [])
    event.setCommitString(committed)
    QApplication.sendEvent(box, event)


def test_preedit_never_counts_commits_do(window: DrillWindow, clock: Clock) -> None:
    window.start(custom_text("你好，亲"))
    session = window.run_page.session
    type_with_ime(window, clock, "ni", "你")
    QApplication.sendEvent(window.run_page.input, QInputMethodEvent("hao", []))
    assert session.started
    assert session.live(clock.now).position == 1
    assert session.states()[:2] == [CharState.CORRECT, CharState.PENDING]
    event = QInputMethodEvent("", [])
    event.setCommitString("好")
    QApplication.sendEvent(window.run_page.input, event)
    assert session.live(clock.now).position == 2


def test_a_whole_drill_with_a_correction_is_measured_and_stored(window: DrillWindow, clock: Clock,
                                                                seeded_store: Store) -> None:
    window.start(custom_text("你好亲"))
    session = window.run_page.session
    type_with_ime(window, clock, "ni", "你")       # first key at 1000.25
    type_with_ime(window, clock, "huai", "坏")     # wrong
    assert session.states()[1] == CharState.WRONG
    clock.now += 0.25
    QTest.keyClick(window.run_page.input, Qt.Key.Key_Backspace)  # 回改: a committed character deleted
    assert window.run_page.input.toPlainText() == "你"
    type_with_ime(window, clock, "hao", "好")
    assert session.states()[1] == CharState.CORRECTED
    type_with_ime(window, clock, "qin", "亲")      # the last character ends a fixed-text drill
    assert window.stack.currentWidget() is window.result_page
    stored = DrillHistory(seeded_store.folder).results()
    assert len(stored) == 1
    result = stored[0]
    assert window.result_page.result == result
    assert result.characters == 3 and result.correct_characters == 3 and result.uncorrected_errors == 0
    assert result.corrections == 1
    assert result.accuracy == pytest.approx(3 / 4)  # the corrected mistake counts as a miss
    # Each preedit step and each commit is a key (the IME ate the key events); the backspace.
    assert result.keystrokes == (2 + 1) + (4 + 1) + 1 + (3 + 1) + (3 + 1)
    active = clock.now - 1000.25 + 0.25  # the first character is charged one typical key interval
    assert result.active_seconds == pytest.approx(active)
    assert result.net_cpm == pytest.approx(3 / active * 60, abs=0.01)  # stored to two decimals
    assert window.result_page.speed.text() == f"{result.net_cpm:.0f}"


def test_escape_asks_before_dropping_typed_input(window: DrillWindow, clock: Clock, seeded_store: Store) -> None:
    asked: list[bool] = []
    answer = [False]
    window.confirm_leave = lambda: asked.append(True) or answer[0]
    window.start(custom_text("你好"))
    QTest.keyClick(window.run_page.input, Qt.Key.Key_Escape)  # nothing typed yet: no question
    assert asked == [] and window.stack.currentWidget() is window.chooser
    window.start(custom_text("你好"))
    type_with_ime(window, clock, "ni", "你")
    QTest.keyClick(window.run_page.input, Qt.Key.Key_Escape)
    assert asked == [True] and window.running()
    answer[0] = True
    QTest.keyClick(window.run_page.input, Qt.Key.Key_Escape)
    assert not window.running() and window.stack.currentWidget() is window.chooser
    assert DrillHistory(seeded_store.folder).results() == []


def test_a_timed_drill_ends_when_its_time_is_up(window: DrillWindow, clock: Clock, seeded_store: Store) -> None:
    window.chooser.set_minutes(1)
    window.chooser.language.setCurrentIndex(window.chooser.language.findData("en"))
    QTest.keyClick(window.chooser.start_button, Qt.Key.Key_Return)  # Enter starts
    session = window.run_page.session
    assert session.mode == "timed" and session.minutes == 1 and session.text.language == "en"
    for char in session.text.text[:29]:  # one character every 2 s: 58 s
        clock.now += 2
        QTest.keyClicks(window.run_page.input, char)
    window.run_page.tick()
    assert window.running()
    clock.now += 9  # no input, but not yet a pause (10 s): the clock runs on
    window.run_page.tick()
    assert window.stack.currentWidget() is window.result_page
    (result,) = DrillHistory(seeded_store.folder).results()
    assert result.mode == "timed" and result.correct_characters == 29 and result.wpm is not None


def test_the_goal_banner_shows_the_first_time_only(window: DrillWindow, clock: Clock) -> None:
    window.context.save_settings(replace(window.context.settings, drill_goal_zh=20, trainee_name="小王",
                                         drill_min_characters=3))
    for _round in range(2):
        window.start(custom_text("亲在的"))
        for char in "亲在的":
            type_with_ime(window, clock, "x", char, step=0.5)  # 60 chars/min
        assert window.result_page.result.trainee == "小王"
        assert window.result_page.result.net_cpm >= 20
        if _round == 0:
            assert window.result_page.banner.isVisibleTo(window)
    assert not window.result_page.banner.isVisibleTo(window)


def test_chooser_errors_are_one_line_and_sources_work(window: DrillWindow, tmp_path: Path) -> None:
    chooser = window.chooser
    chooser.set_source("paste")
    chooser.start_button.click()
    assert chooser.error.text() and not window.running()
    chooser.paste.setPlainText("  亲，在的！  \n")
    chooser.start_button.click()
    assert window.run_page.session.text.text == "亲，在的！"
    window.back()
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"")
    chooser.ask_file = lambda: bad
    chooser.set_source("file")
    chooser.file_button.click()
    chooser.start_button.click()
    assert chooser.error.text() and not window.running()
    chooser.set_source("phrasebook")
    assert chooser.texts.count() > 0
    chooser.start_button.click()
    assert window.run_page.session.text.source == "phrasebook"


def test_progress_edits_the_settings_and_exports_csv(window: DrillWindow, clock: Clock, seeded_store: Store,
                                                     tmp_path: Path) -> None:
    window.start(custom_text("亲"))
    type_with_ime(window, clock, "qin", "亲")
    page = window.progress_page
    window.tabs.setCurrentWidget(page)
    # one character does not count toward the goal: not drawn, but practice for the streak
    assert page.speed_series.count() == 0 and page.goal_series.count() == 2
    assert "Practice streak: <b>1</b> day<" in page.summary.text() + "<"  # one day, not "1 days"
    page.trainee.setText("李小红")
    page.trainee.editingFinished.emit()
    page.goal.setValue(100)
    page.goal.editingFinished.emit()
    page.pause.setValue(20)
    page.pause.editingFinished.emit()
    settings = load_settings(seeded_store.folder)
    assert settings.trainee_name == "李小红" and settings.drill_goal_zh == 100 and settings.drill_goal_en == 90
    assert settings.drill_pause_seconds == 20
    window.start(custom_text("亲"))
    assert window.run_page.session.pause_threshold == 20
    assert page.goal_series.at(0).y() == 100
    page.ask_save_path = lambda _suggested: tmp_path / "history"
    written = page.export()
    assert written == tmp_path / "history.csv"
    with written.open(encoding="utf-8") as handle:
        assert len(list(csv.DictReader(handle))) == 1


def test_the_help_tab_shows_the_metrics_document(window: DrillWindow) -> None:
    assert help_file("en").exists() and help_file("zh").exists()
    assert "CPM" in window.help.toPlainText()


def test_the_result_says_why_with_the_trainers_levers(qtbot, window: DrillWindow, clock: Clock) -> None:
    window.start(custom_text("亲在的"))
    for char in "亲在的":
        type_with_ime(window, clock, "x", char, step=2.0)  # slow: 15 chars/min
    page = window.result_page
    base = page.result
    assert base.net_cpm < 90 and not page.wpm.isVisibleTo(window)

    def reasons(**changes) -> str:
        return " ".join(page.reasons(replace(base, **changes), GoalRules(90)))

    assert "whole words and phrases" in reasons(keystrokes_per_char=base.ideal_keystrokes_per_char * 2)
    assert "Finger practice" in reasons(keystrokes_per_second=0.5)
    assert "corrections after commit" in reasons(corrections=2, characters=3)
    assert "Slow down" in reasons(accuracy=0.8)
    assert "paused 2 times" in reasons(pauses=[{"at": 1.0, "seconds": 12.0}, {"at": 5.0, "seconds": 20.0}])
    assert "You paused once;" in reasons(pauses=[{"at": 1.0, "seconds": 12.0}])
    assert "At or over your goal" in reasons(net_cpm=95.0, counted=True)
    assert "At or over your goal" not in reasons(net_cpm=95.0, counted=False)
    page.show_result(replace(base, language="en", wpm=base.net_cpm / 5), GoalRules(90), False)
    assert page.wpm.isVisibleTo(window) and "words per minute" in page.wpm.text()


def test_weak_characters_make_the_next_drill(window: DrillWindow, clock: Clock) -> None:
    window.chooser.set_source("adaptive")
    window.chooser.start_button.click()
    assert not window.running() and "Not enough practice" in window.chooser.error.text()
    window.start(custom_text("亲，您好，请问有什么可以帮您？"))
    for char in "亲，您坏，请问有什么可以帮您？":  # one miss: 坏 for 好
        type_with_ime(window, clock, "x", char, step=0.3)
    window.result_page.adaptive_button.click()
    session = window.run_page.session
    assert session.text.source == "adaptive" and "好" in session.text.text


def test_the_result_lists_slowest_and_most_missed_words(qtbot, window: DrillWindow, clock: Clock) -> None:
    from ui.i18n import install_language

    window.start(custom_text("亲，订单已发货，发货很快"))  # words: 订单, 发货 twice
    for pinyin, committed in (("qin", "亲"), ("", "，"), ("dingdan", "订单"), ("yi", "已"), ("fahuo", "发获"),
                              ("", "，"), ("fahuo", "发货"), ("hen", "很"), ("kuai", "快")):
        type_with_ime(window, clock, pinyin, committed, step=0.2)
    page = window.result_page
    assert window.stack.currentWidget() is page
    word_stats = page.result.word_stats
    assert word_stats["发货"] == {"seen": 2, "missed": 1, "ms": 1200.0} and word_stats["订单"]["ms"] == 1600.0
    # each word from the commit before it: 7 pinyin keys and the commit for 订单, 5 and the commit for 发货
    assert page.words.isVisibleTo(window)
    assert page.words.text() == "Slowest words: 订单 1.6s  发货 1.2s\nMost-missed words: 发货 ×1"
    try:
        install_language("zh")
        qtbot.waitUntil(lambda: page.words.text().startswith("最慢的词"))
        assert page.words.text() == "最慢的词：订单 1.6s  发货 1.2s\n最常错的词：发货 ×1"
    finally:
        install_language("en")
    qtbot.waitUntil(lambda: page.words.text().startswith("Slowest words"))
    # slowest by time per character: "ok" (500 ms a letter) before "warehouse" (300)
    assert slowest_and_missed({"warehouse": {"seen": 1, "missed": 0, "ms": 2700.0},
                               "ok": {"seen": 1, "missed": 0, "ms": 1000.0}}) == ("ok 1.0s  warehouse 2.7s", "–")
    page.show_result(replace(page.result, word_stats={}), GoalRules(90), False)  # a drill from before words
    assert not page.words.isVisibleTo(window) and page.characters.isVisibleTo(window)


def test_a_timed_drill_on_a_short_text_ends_with_the_text(window: DrillWindow, clock: Clock,
                                                          seeded_store: Store) -> None:
    window.start(custom_text("亲在的"), "timed", 1)
    for char in "亲在的":
        type_with_ime(window, clock, "x", char)
    assert window.stack.currentWidget() is window.result_page
    (result,) = DrillHistory(seeded_store.folder).results()
    assert result.mode == "timed" and result.characters == 3


def test_a_damaged_history_is_set_aside_and_said(qtbot, seeded_store: Store, clock: Clock) -> None:
    (seeded_store.home / "drills.json").write_text("{not json", encoding="utf-8")
    drills = DrillWindow(AppContext(seeded_store), clock=clock)
    qtbot.addWidget(drills)
    drills.tabs.setCurrentWidget(drills.progress_page)
    assert "damaged" in drills.progress_page.summary.text()
    drills.start(custom_text("亲"))
    type_with_ime(drills, clock, "qin", "亲")
    assert len(DrillHistory(seeded_store.folder).results()) == 1


def test_f1_opens_the_help(qtbot, window: DrillWindow) -> None:
    QTest.keyClick(window.chooser.start_button, Qt.Key.Key_F1)
    assert window.tabs.currentWidget() is window.help


def test_keys_outside_the_input_box_never_count(window: DrillWindow, clock: Clock) -> None:
    window.start(custom_text("亲在的"))
    session = window.run_page.session
    for widget in (window.run_page.view, window.run_page, window.tabs):
        QTest.keyClicks(widget, "abc")
    assert not session.started and window.run_page.input.toPlainText() == ""
    QTest.keyClicks(window.run_page.input, "a")
    assert session.started


def test_the_window_speaks_chinese(qtbot, window: DrillWindow) -> None:
    from ui.i18n import install_language

    try:
        install_language("zh")
        qtbot.waitUntil(lambda: window.windowTitle() == "QuickReply 打字练习")  # LanguageChange is posted
        assert window.result_page.again_button.text() == "再练一次(&A)"
        assert "打字练习怎么计算成绩" in window.help.toPlainText()
    finally:
        install_language("en")
    qtbot.waitUntil(lambda: window.windowTitle() == "QuickReply typing practice")


def test_a_skipped_letter_costs_one_error_and_the_first_error_shows_in_place(window: DrillWindow,
                                                                             clock: Clock) -> None:
    text = "Your parcel left today"
    window.start(custom_text(text))
    box = window.run_page.input
    for char in "Your prcel":  # the "a" skipped
        clock.now += 0.2
        QTest.keyClicks(box, char)
    looks = window.run_page.view.looks()
    assert looks[6] == FIRST_ERROR and looks[7:10] == [CharState.CORRECT] * 3
    assert window.run_page.error_label.text() == "First error: “a” was left out."
    for char in " left todaX":  # the last one wrong: the drill still ends
        clock.now += 0.2
        QTest.keyClicks(box, char)
    assert window.stack.currentWidget() is window.result_page
    result = window.result_page.result
    assert result.uncorrected_errors == 2 and result.correct_characters == len(text) - 2


def test_a_fast_drill_at_ten_percent_accuracy_never_reaches_the_goal(window: DrillWindow, clock: Clock,
                                                                    seeded_store: Store) -> None:
    window.context.save_settings(replace(window.context.settings, drill_goal_en=20))
    text = "abcdefghij" * 12  # 120 characters
    window.start(custom_text(text))
    typed = "".join(char if index % 10 == 0 else "z" for index, char in enumerate(text))
    for char in typed:
        clock.now += 0.1  # 600 characters a minute
        QTest.keyClicks(window.run_page.input, char)
    page = window.result_page
    assert window.stack.currentWidget() is page
    result = page.result
    assert result.accuracy == pytest.approx(0.1) and result.counted is False
    assert not page.banner.isVisibleTo(window)
    assert "does not count" in page.verdict.text() and "10.0%" in page.verdict.text()
    assert "too short" not in page.verdict.text()
    assert not any("At or over your goal" in line for line in page.reasons(result, page.rules))
    (stored,) = DrillHistory(seeded_store.folder).results()
    assert stored.counted is False
    window.tabs.setCurrentWidget(window.progress_page)
    window.progress_page.set_language("en")
    assert window.progress_page.current.goal_reached is None and window.progress_page.current.counted == 0
    assert "of which <b>0</b> count" in window.progress_page.summary.text()


def test_a_short_drill_says_it_is_too_short_and_the_lead_sets_the_conditions(window: DrillWindow,
                                                                            clock: Clock) -> None:
    window.start(custom_text("亲在的"))
    for char in "亲在的":
        type_with_ime(window, clock, "x", char)
    page = window.result_page
    assert page.result.counted is False
    assert "too short: 3 characters" in page.verdict.text() and "100 characters or 1:00" in page.verdict.text()
    progress_page = window.progress_page
    window.tabs.setCurrentWidget(progress_page)
    progress_page.min_characters.setValue(3)
    progress_page.min_characters.editingFinished.emit()
    progress_page.min_accuracy.setValue(90)
    progress_page.min_accuracy.editingFinished.emit()
    settings = load_settings(window.context.store.folder)
    assert (settings.drill_min_characters, settings.drill_min_seconds, settings.drill_min_accuracy) == (3, 60, 90)
    window.tabs.setCurrentIndex(0)
    window.again()
    for char in "亲在的":
        type_with_ime(window, clock, "x", char)
    assert page.result.counted is True and "counts toward your goal" in page.verdict.text()


def test_the_result_and_the_progress_tab_show_the_slow_and_missed_keys(window: DrillWindow, clock: Clock) -> None:
    window.start(custom_text("tea at ten"))
    for char in "tea xt ten":  # x where the text has a
        clock.now += 0.2
        QTest.keyClicks(window.run_page.input, char)
    page = window.result_page
    assert page.heatmap.isVisibleTo(window) and page.heatmap.stats["a"] == {"seen": 2, "missed": 1, "ms": 200.0}
    assert "most missed: a ×1" in page.keys_caption.text()
    window.start(custom_text("你好"))
    type_with_ime(window, clock, "nii", "你")  # no Backspace: the pinyin keys are n i i
    clock.now += 0.25
    QApplication.sendEvent(window.run_page.input, QInputMethodEvent("hq", []))
    QApplication.sendEvent(window.run_page.input, QInputMethodEvent("h", []))  # q taken back
    type_with_ime(window, clock, "ao", "好")
    keys = page.result.key_stats
    assert keys["q"]["missed"] == 1 and keys["n"]["seen"] == 1 and keys["i"]["seen"] == 2
    assert "Pinyin keys" in page.keys_caption.text()
    window.tabs.setCurrentWidget(window.progress_page)
    window.progress_page.set_language("en")
    assert window.progress_page.heatmap.stats["a"]["missed"] == 1


def test_a_team_drill_from_the_lead_is_offered_and_its_result_is_marked_team(window: DrillWindow, clock: Clock,
                                                                            seeded_store: Store,
                                                                            tmp_path: Path) -> None:
    chooser = window.chooser
    chooser.set_source("team")
    window.start_chosen()
    assert "No team drill yet" in chooser.error.text()
    target = tmp_path / "share" / "team-drill.qrpub"
    target.parent.mkdir()
    publication.publish_drill(team_text("亲在的", "第 1 周赛文"), target)
    subscriptions.subscribe(seeded_store, str(target))
    chooser.refresh()
    assert chooser.texts.count() == 1 and chooser.texts.item(0).text() == "第 1 周赛文"
    window.start_chosen()
    for char in "亲在的":
        type_with_ime(window, clock, "x", char)
    (stored,) = DrillHistory(seeded_store.folder).results()
    assert stored.source == "team" and stored.text_id.startswith("team:") and stored.text_title == "第 1 周赛文"

"""Measuring one drill: the diff of the committed text, the clock, and the figures."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from rapidfuzz.distance import Levenshtein

from assistant.data import records as records_module
from assistant.drills.session import (
    DETAIL_FIELDS,
    CharState,
    DrillResult,
    DrillSession,
    DrillText,
    diff,
    ideal_keystrokes,
    language_of,
    normalise_drill_text,
)
from assistant.drills.texts import shipped_texts
from assistant.errors import QuickReplyError
from tests.unit.drills.simulate import COMMIT_LATENCY, type_directly, type_pinyin

NOW = datetime(2026, 3, 2, 9, 30, tzinfo=UTC)


def drill(text: str, **options) -> DrillSession:
    return DrillSession(DrillText(id="custom:test", title="test", text=text, language=language_of(text),
                                  source="custom"), **options)


def long_text(language: str, at_least: int) -> str:
    """Shipped texts joined until ``at_least`` characters (the benchmark's size)."""
    pieces = [text.text for text in shipped_texts(language)]
    joined = ""
    while len(joined) < at_least:
        joined = " ".join(filter(None, [joined, pieces[len(joined) % len(pieces)]]))
    return joined[:at_least]


# -- texts ---------------------------------------------------------------------------------


def test_normalise_and_language() -> None:
    assert normalise_drill_text("  亲，您好\n\n 欢迎\t光临  ") == "亲，您好 欢迎 光临"
    assert language_of("亲，您好 order 123") == "zh"
    assert language_of("Your order 订单 has shipped today") == "en"
    assert language_of("1234 !!") == "en"


def test_ideal_keystrokes_are_full_pinyin_and_shift_for_capitals() -> None:
    assert ideal_keystrokes("您好，Hi") == [3, 3, 1, 2, 1]
    assert ideal_keystrokes("绿") == [2]  # lv: ü is typed as v


# -- the diff ------------------------------------------------------------------------------


@given(st.text(alphabet="ab你好 ", max_size=12), st.text(alphabet="ab你好 ", max_size=12))
def test_diff_is_one_edit_that_rebuilds_the_new_text(before: str, after: str) -> None:
    start, removed, added = diff(before, after)
    assert before[:start] + added + before[start + removed:] == after
    assert start <= min(len(before), len(after))
    # minimal: the edit never removes and re-adds the same character at its ends
    if removed and added:
        assert before[start] != added[0] and before[start + removed - 1] != added[-1]


@settings(max_examples=200)
@given(st.lists(st.text(alphabet="您好亲xy", max_size=14), min_size=1, max_size=12))
def test_session_bookkeeping_holds_for_any_sequence_of_inputs(values: list[str]) -> None:
    target = "您好亲您好亲x"
    session = drill(target)
    moment = 0.0
    previous, committed, deleted = "", 0, 0
    for value in values:
        moment += 0.5
        if session.finished:
            break
        session.typed_changed(value, moment)
        if value != previous:
            _, removed, added = diff(previous, value)
            committed += len(added)
            deleted += removed
            previous = value
    assert session.typed == previous
    alignment = session.alignment
    states = session.states()
    assert len(states) == len(target)
    assert sum(state is not CharState.PENDING for state in states) == alignment.reached
    assert session.finished == (alignment.reached == len(target) and bool(previous))
    extra = alignment.places.count(None)
    result = session.finish(moment, now=NOW)
    assert result.corrections == deleted and result.characters == len(previous)
    # the cheapest alignment with the part of the text reached (too short a text for anchors)
    assert result.uncorrected_errors == Levenshtein.distance(previous, target[:alignment.reached])
    assert result.uncorrected_errors == states.count(CharState.WRONG) + extra
    assert result.correct_characters == len(previous) - extra - (states.count(CharState.WRONG)
                                                                  - len(alignment.skipped))
    if committed:
        seen = sum(stats["seen"] for stats in result.char_stats.values())
        misses = sum(stats["missed"] for stats in result.char_stats.values())
        assert 0 <= result.accuracy <= 1 and (result.accuracy == 1) == (misses == 0 and seen == committed)


def test_a_word_committed_at_once_a_deletion_a_selection_replaced_and_extra_at_the_end() -> None:
    session = drill("您好欢迎光临")
    session.typed_changed("您好", 1.0)              # an input method commits a word
    session.typed_changed("您好", 1.5)              # the same value again: nothing happens,
    assert session.live(12.0).paused                  # not even an input event ending a pause
    session.typed_changed("您好欢营", 12.5)
    session.typed_changed("您好欢", 13.0)            # backspace over a committed character: 回改
    session.typed_changed("您好欢迎", 13.5)
    session.typed_changed("您坏欢迎", 14.0)          # a selection replaced in the middle
    assert session.states()[:4] == [CharState.CORRECT, CharState.WRONG, CharState.CORRECT, CharState.CORRECTED]
    session.typed_changed("您好欢迎", 14.3)
    session.typed_changed("您好欢迎光临啊啊", 14.5)  # past the end of the text: two extra
    assert session.finished
    session.typed_changed("您好欢迎光临", 14.6)      # over: ignored
    assert session.typed == "您好欢迎光临啊啊"
    result = session.finish(15.0, now=NOW)
    # commits: 您 好 欢 营(miss) 迎 坏(miss) 好 光 临 啊 啊(misses) = 11, 4 misses; deleted: 营 好 坏 = 3
    assert result.accuracy == 7 / 11
    assert result.corrections == 3 and result.uncorrected_errors == 2 and result.correct_characters == 6
    assert (result.char_stats["好"]["seen"], result.char_stats["好"]["missed"]) == (3, 1)
    # 1.0 → 12.5 (the repeat at 1.5 was no event); it came after one typical interval, 0.4 s
    assert result.pauses == [{"at": 0.4, "seconds": 11.5}]


def test_pinyin_keys_do_not_count_until_the_input_method_commits() -> None:
    session = drill("您好，欢迎光临")
    session.composition_started(10.0)
    for index in range(6):                       # n i n h a o: preedit only
        session.key_pressed(10.0 + 0.2 * index)
    assert session.started and session.live(11.0).position == 0
    assert session.states() == [CharState.PENDING] * 7
    session.key_pressed(11.2)                    # space commits the word
    session.typed_changed("您好", 11.21)
    live = session.live(11.21)
    assert live.position == 2 and live.accuracy == 1.0
    result = session.finish(12.0, now=NOW)
    assert result.keystrokes == 7 and result.keystrokes_per_char == 3.5
    # the clock started at the first key press (10.0), not at the commit, plus one
    # typical interval (0.2 s) for that first key
    assert result.active_seconds == pytest.approx(1.41)
    assert result.net_cpm == pytest.approx(2 * 60 / 1.41, abs=0.01)


def test_a_session_with_no_key_events_still_measures_commits() -> None:
    session = drill("abcdefghij")
    for index in range(10):
        session.typed_changed("abcdefghij"[:index + 1], 5.0 + index * 0.5)
    result = session.finish(10.0, now=NOW)
    assert result.active_seconds == pytest.approx(5.0) and result.net_cpm == pytest.approx(120.0)


# -- fidelity: exact rates and exact accuracy -----------------------------------------------


@pytest.mark.parametrize("cpm", [90, 300])
@pytest.mark.parametrize(("language", "size"), [("zh", 100), ("zh", 200), ("en", 150)])
def test_direct_typing_at_a_fixed_rate_measures_within_2_percent(cpm: int, language: str, size: int) -> None:
    text = long_text(language, size)
    session = drill(text)
    type_directly(session, text, interval=60 / cpm)
    result = session.finish(1e6, now=NOW)
    assert result.net_cpm == pytest.approx(cpm, rel=0.02)
    assert result.net_cpm == pytest.approx(cpm, rel=0.001)  # in fact far closer
    assert result.wall_cpm == result.net_cpm and result.pauses == []
    assert result.accuracy == 1.0 and result.consistency < 0.01
    assert (result.wpm == pytest.approx(result.net_cpm / 5, abs=0.01)) if language == "en" else result.wpm is None


@pytest.mark.parametrize("keys_per_second", [4.0, 7.0])
def test_pinyin_typing_measures_characters_not_keys(keys_per_second: float) -> None:
    text = long_text("zh", 120)
    session = drill(text)
    type_pinyin(session, text, interval=1 / keys_per_second)
    result = session.finish(1e6, now=NOW)
    keys = sum(ideal_keystrokes(text))
    true_cpm = len(text) * 60 / (keys / keys_per_second)
    assert result.net_cpm == pytest.approx(true_cpm, rel=0.02)
    assert result.keystrokes == keys and result.keystrokes_per_second == pytest.approx(keys_per_second, rel=0.02)
    assert result.keystrokes_per_char == result.ideal_keystrokes_per_char == round(keys / len(text), 2)


@pytest.mark.parametrize("errors", [1, 3, 7])
def test_known_deliberate_errors_give_exact_accuracy(errors: int) -> None:
    text = long_text("zh", 150)
    wrong = list(text)
    for index in range(errors):
        place = 10 + index * 17
        wrong[place] = "错" if text[place] != "错" else "对"
    session = drill(text)
    type_directly(session, "".join(wrong), interval=60 / 90)
    result = session.finish(1e6, now=NOW)
    assert result.accuracy == (len(text) - errors) / len(text)
    assert result.uncorrected_errors == errors and result.corrections == 0
    assert result.correct_characters == len(text) - errors
    assert result.net_cpm == pytest.approx(90 * (len(text) - errors) / len(text), rel=0.02)


def test_a_corrected_mistake_still_counts_as_a_miss() -> None:
    session = drill("hello")
    end = type_directly(session, "hex", interval=0.2)
    session.key_pressed(end + 0.2, backspace=True)
    session.typed_changed("he", end + 0.2)
    type_directly(session, "llo", start=end + 0.4, interval=0.2, already="he")
    result = session.finish(100, now=NOW)
    assert result.accuracy == 5 / 6 and result.corrections == 1 and result.uncorrected_errors == 0
    assert session.states() == [CharState.CORRECT] * 2 + [CharState.CORRECTED] + [CharState.CORRECT] * 2
    # the "l" retyped after the backspace took 0.4 s since the commit before it
    assert result.keystrokes == 7 and result.char_stats["l"]["seen"] == 3 and result.char_stats["l"]["missed"] == 1
    assert result.char_stats["l"]["ms"] == pytest.approx((200 + 400 + 200) / 3, abs=3)


# -- words -------------------------------------------------------------------------------


def test_word_statistics_time_each_word_from_the_commit_before_it() -> None:
    session = drill("ab cd ab")
    type_directly(session, "ab cx", start=0.0, interval=1.0)
    session.key_pressed(5.0, backspace=True)
    session.typed_changed("ab c", 5.0)
    type_directly(session, "d ab", start=6.0, interval=1.0, already="ab c")
    result = session.finish(100, now=NOW)
    # the active clock stands at 1 s (one typical interval) at the first key, so the commits
    # are at 1.004, 2.004, … 5.004 (the x), then d at 7.004 … b at 10.004
    assert result.word_stats == {"ab": {"seen": 2, "missed": 0, "ms": (2004 + 2000) / 2},
                                 "cd": {"seen": 1, "missed": 1, "ms": 4000.0}}


def test_chinese_words_come_from_the_segmenter_and_share_a_commit() -> None:
    session = drill("亲，订单已发货")  # 订单 and 发货: 亲 and 已 are single characters
    keys = 0  # one key a second; the input method commits on the last key of each
    for moment, typed in ((0, "亲"), (1, "亲，"), (3, "亲，订单"), (5, "亲，订单已发"), (8, "亲，订单已发货")):
        while keys <= moment:
            session.key_pressed(float(keys))
            keys += 1
        session.typed_changed(typed, float(moment))
    assert session.finished
    result = session.finish(100, now=NOW)
    # commits at active 1, 2, 4, 6, 9; "已发" shares 4 → 6, so 发货 runs from 5 to 9
    assert result.word_stats == {"订单": {"seen": 1, "missed": 0, "ms": 2000.0},
                                 "发货": {"seen": 1, "missed": 0, "ms": 4000.0}}


def test_a_word_not_typed_to_its_end_is_not_counted() -> None:
    session = drill("hello world", mode="timed", minutes=1)
    type_directly(session, "hello wor", start=0.0, interval=0.5)
    assert session.finish(100, now=NOW).word_stats == {"hello": {"seen": 1, "missed": 0, "ms": 2504.0}}


# -- pauses, time limits, consistency ------------------------------------------------------


def test_a_pause_is_listed_and_left_out_of_active_time() -> None:
    text = "abcdefghijklmnopqrst"
    session = drill(text, pause_threshold=10.0)
    type_directly(session, text[:10], start=0.0, interval=0.5)
    assert session.live(4.5 + COMMIT_LATENCY + 3).paused is False
    assert session.live(4.5 + 12).paused is True
    type_directly(session, text[10:], start=4.5 + 30, interval=0.5, already=text[:10])
    result = session.finish(100, now=NOW)
    assert result.pauses == [{"at": 5.0, "seconds": 30.0}]
    # 20 characters at 0.5 s each: the pause is replaced by one typical interval
    assert result.active_seconds == pytest.approx(10.0, abs=0.01)
    assert result.net_cpm == pytest.approx(120, rel=0.001)
    assert result.wall_seconds == pytest.approx(39.5, abs=0.01)
    assert result.wall_cpm == pytest.approx(20 * 60 / 39.5, abs=0.01)


def test_a_timed_drill_ends_when_its_text_runs_out() -> None:
    session = drill("abc", mode="timed", minutes=1)
    end = type_directly(session, "abx", start=0.0, interval=1.0)
    # ended by the text, in the core: no waiting for the minute, nor for a pause to pass
    assert session.finished and session.is_over(end) and session.is_over(end + 100)
    session.typed_changed("ab", end + 1)  # too late to correct: the drill is over
    result = session.finish(end + 100, now=NOW)
    assert result.characters == 3 and result.uncorrected_errors == 1 and result.corrections == 0
    assert result.active_seconds == pytest.approx(3.0, abs=0.01)


def test_a_timed_drill_counts_hesitation_but_not_pauses_toward_its_time() -> None:
    text = long_text("en", 400)
    session = drill(text, mode="timed", minutes=1, pause_threshold=10.0)
    end = type_directly(session, text[:50], start=0.0, interval=1.0)  # active 50.004 s
    assert not session.is_over(end + 9) and session.live(end + 9).elapsed == pytest.approx(59.004)
    assert not session.is_over(end + 30) and not session.finished  # a pause: the clock stands
    assert session.live(end + 30).elapsed == pytest.approx(50.004) and session.live(end + 30).paused
    # after the pause, one typical interval (1 s) stands for it: 5 more characters make 55.008 s
    end = type_directly(session, text[50:55], start=100.0, interval=1.0, already=text[:50])
    assert not session.is_over(end + 4.99) and not session.finished
    assert session.is_over(end + 5) and session.finished  # 60.008 s: over, and it stays over
    assert session.is_over(end + 100) and session.finished
    session.key_pressed(end + 6)
    session.typed_changed(text[:56], end + 6)
    result = session.finish(end + 100, now=NOW)
    assert result.characters == 55 and len(result.pauses) == 1 and result.keystrokes == 55
    assert result.active_seconds == pytest.approx(55.01, abs=0.001)


def test_a_timed_drill_ends_when_its_minute_is_up() -> None:
    text = long_text("en", 400)
    session = drill(text, mode="timed", minutes=1)
    type_directly(session, text[:200], start=0.0, interval=0.5)  # 100 s of typing at 120 CPM
    assert session.is_over(70) and session.finished
    result = session.finish(70, now=NOW)
    assert result.characters in (119, 120) and result.mode == "timed" and result.minutes == 1  # 120 at 60.004 s
    assert result.net_cpm == pytest.approx(120, rel=0.01)


def test_live_figures_follow_the_typing() -> None:
    session = drill("abcdefghij")
    assert session.live(0).elapsed == 0 and not session.started and session.live(0).accuracy == 1.0
    type_directly(session, "abcdx", start=0.0, interval=1.0)
    live = session.live(4.5)
    assert live.position == 5 and live.accuracy == 4 / 5
    assert live.elapsed == pytest.approx(5.5) and live.net_cpm == pytest.approx(4 * 60 / 5.5)
    assert live.raw_cpm == pytest.approx(5 * 60 / 5.5)


def test_uneven_typing_is_less_consistent() -> None:
    even, uneven = drill("a" * 60), drill("a" * 60)
    type_directly(even, "a" * 60, interval=0.3)
    moment = 0.0
    for index in range(60):
        moment += 0.1 if index % 10 else 2.0      # bursts and hesitations
        uneven.key_pressed(moment)
        uneven.typed_changed("a" * (index + 1), moment)
    assert even.finish(1e6, now=NOW).consistency < 0.01
    assert uneven.finish(1e6, now=NOW).consistency > 0.5


# -- DrillResult ---------------------------------------------------------------------------


def test_result_round_trips_and_rejects_bad_records() -> None:
    session = drill("Hello there")
    type_directly(session, "Hello there", interval=0.3)
    result = session.finish(1e6, now=NOW, trainee="小王")
    record = result.to_dict()
    assert list(record) == list(DrillResult.__dataclass_fields__)
    assert record["finished"] == "2026-03-02T09:30:00Z" and record["trainee"] == "小王"
    assert DrillResult.from_dict(record) == result
    assert DrillResult.from_dict({**record, "from_a_newer_app": 1}) == result
    assert result.word_stats == {"Hello": {"seen": 1, "missed": 0, "ms": 1504.0},
                                 "there": {"seen": 1, "missed": 0, "ms": 1500.0}}
    without_stats = {key: value for key, value in record.items() if key not in DETAIL_FIELDS}
    assert DrillResult.from_dict(without_stats) == replace(result, char_stats={}, word_stats={}, key_stats={})
    assert result.key_stats["e"] == {"seen": 3, "missed": 0, "ms": 300.0} and "H" not in result.key_stats
    older = {key: value for key, value in record.items() if key != "word_stats"}  # before words were measured
    assert DrillResult.from_dict(older) == replace(result, word_stats={})
    for bad in ({**record, "net_cpm": "fast"}, {**record, "keystrokes": 1.5}, {**record, "language": "fr"},
                {**record, "wpm": True}, {**record, "pauses": [1]}, [record], without_stats | {"id": None},
                {**record, "keystrokes": True}, {**record, "net_cpm": float("nan")}, {**record, "minutes": "1"},
                {**record, "word_stats": {"Hello": 1}}, {**record, "word_stats": {1: {}}}):
        with pytest.raises(QuickReplyError):
            DrillResult.from_dict(bad)
    missing = dict(record)
    del missing["accuracy"]
    with pytest.raises(QuickReplyError, match="accuracy"):
        DrillResult.from_dict(missing)


def test_thousands_of_records_read_alike_with_the_field_types_worked_out_once() -> None:
    session = drill("亲，订单已发货")
    type_directly(session, "亲，订单已发货", interval=0.4)
    record = session.finish(1e6, now=NOW).to_dict()
    records = [{**record, "id": f"{index:04d}", "net_cpm": index / 10} for index in range(3000)]
    records += [{**record, "word_stats": {"订单": {"seen": 1}}, "char_stats": []}]  # the last one is bad
    DrillResult.from_dict(record)
    before = records_module._specs.cache_info()
    results = [DrillResult.from_dict(entry) for entry in records[:-1]]
    assert [(item.id, item.net_cpm) for item in results] == [(f"{index:04d}", index / 10) for index in range(3000)]
    assert all(item.word_stats == record["word_stats"] for item in results)
    assert records_module._specs.cache_info().misses == before.misses  # no type hints resolved again
    with pytest.raises(QuickReplyError, match="char_stats"):
        DrillResult.from_dict(records[-1])


def test_a_session_refuses_nonsense_options() -> None:
    with pytest.raises(ValueError):
        drill("abc", mode="timed")
    with pytest.raises(ValueError):
        drill("abc", mode="race")

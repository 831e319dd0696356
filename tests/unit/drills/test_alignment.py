"""Alignment, not position: one slip costs one error, and the drill still ends with the text."""

from __future__ import annotations

import time
from datetime import UTC, datetime

import pytest
from rapidfuzz.distance import Levenshtein

from assistant.drills.alignment import ANCHOR_RUN, MAX_TAIL, Aligner
from assistant.drills.session import CharState, DrillSession, DrillText, language_of
from tests.unit.drills.simulate import type_directly

NOW = datetime(2026, 3, 2, 9, 30, tzinfo=UTC)
TEXT = ("Thank you for your order. The parcel left our warehouse this morning and should "
        "arrive by Friday. You can follow it with the tracking number in your account.")


def drill(text: str) -> DrillSession:
    return DrillSession(DrillText(id="custom:test", title="test", text=text, language=language_of(text),
                                  source="custom"))


def typed_at_once(text: str, typed: str):
    """The alignment after typing ``typed`` one character at a time."""
    aligner = Aligner(text)
    alignment = aligner.align("")
    for end in range(1, len(typed) + 1):
        alignment = aligner.align(typed[:end])
    return alignment


@pytest.mark.parametrize(("typed", "kind"), [
    (TEXT.replace("Thank", "Thnk", 1), "skipped"),
    (TEXT.replace("Thank", "Thaank", 1), "extra"),
    (TEXT.replace("Thank", "Thxnk", 1), "wrong"),
    (TEXT.replace("Thank you", "Thankyou", 1), "skipped"),
])
def test_one_slip_early_in_an_english_drill_costs_one_error(typed: str, kind: str) -> None:
    session = drill(TEXT)
    type_directly(session, typed, interval=0.2)
    assert session.finished  # the text's last character was committed, with the error still in
    result = session.finish(1e6, now=NOW)
    assert result.uncorrected_errors == 1
    assert result.correct_characters == len(TEXT) - (kind != "extra")
    assert result.accuracy == pytest.approx(1 - 1 / (len(typed) + (kind == "skipped")))
    states = session.states()
    assert states.count(CharState.WRONG) == (kind != "extra")
    error = session.first_error()
    assert error is not None and error.kind == kind and error.place < 10


def test_first_error_says_what_was_typed_and_what_the_text_has() -> None:
    session = drill("hello world")
    type_directly(session, "helo wxrld", interval=0.2)
    error = session.first_error()
    assert (error.kind, error.place, error.typed, error.expected) == ("skipped", 3, "", "l")
    session = drill("hello world")
    type_directly(session, "hello  w", interval=0.2)
    error = session.first_error()
    assert (error.kind, error.place, error.typed, error.expected) == ("extra", 6, " ", "w")
    session = drill("hello world")
    type_directly(session, "hello", interval=0.2)
    assert session.first_error() is None and session.live(101).position == 5


def test_a_whole_text_drill_ends_with_its_last_character_whatever_the_errors() -> None:
    session = drill("abcdefghij")
    type_directly(session, "axcdefghiz", interval=0.2)  # the last one wrong too
    assert session.finished
    result = session.finish(1e6, now=NOW)
    assert result.uncorrected_errors == 2 and result.correct_characters == 8


def test_a_skip_near_the_end_still_ends_the_drill() -> None:
    session = drill("abcdefghij")
    type_directly(session, "abcdefghj", interval=0.2)
    assert session.finished and session.finish(1e6, now=NOW).uncorrected_errors == 1


def test_a_long_text_with_scattered_slips_costs_one_error_each_and_stays_fast() -> None:
    text = " ".join([TEXT] * 40)  # about 6,000 characters
    typed = list(text)
    slips = [50, 900, 2500, 4000, 5800]
    for place in reversed(slips):
        del typed[place]  # a skipped character each
    typed = "".join(typed)
    aligner = Aligner(text)
    started = time.perf_counter()
    for end in range(1, len(typed) + 1):
        alignment = aligner.align(typed[:end])
    per_key_ms = (time.perf_counter() - started) * 1000 / len(typed)
    assert alignment.errors == len(slips) and alignment.skipped == tuple(slips)
    assert alignment.reached == len(text)
    assert per_key_ms < 5  # typically about 0.3 ms


def test_garbage_is_bounded_by_the_tail_and_the_alignment_recovers() -> None:
    text = TEXT * 4
    garbage = "qz" * MAX_TAIL
    alignment = typed_at_once(text, garbage)
    assert alignment.errors >= len(garbage) // 2
    assert len(alignment.places) == len(garbage)


def test_a_deletion_before_an_anchor_reopens_the_alignment() -> None:
    text = "abcdefghijklmnopqrstuvwxyz"
    aligner = Aligner(text)
    for end in range(1, ANCHOR_RUN + 4):
        aligner.align(text[:end])
    assert aligner.align("ab").reached == 2
    alignment = aligner.align("abd")
    assert alignment.errors == 1 and alignment.reached in (3, 4)
    alignment = aligner.align("abdef")
    assert alignment.skipped == (2,) and alignment.errors == 1


def test_short_inputs_align_at_the_cheapest_cost() -> None:
    text = "您好亲您好亲x"
    for typed in ("", "您", "好", "您亲", "您好好", "x亲", "您好亲您好亲x"):
        alignment = typed_at_once(text, typed)
        assert alignment.errors == Levenshtein.distance(typed, text[:alignment.reached])
        assert alignment.errors == min(Levenshtein.distance(typed, text[:length]) for length in range(len(text) + 1))

"""A typist at a fixed rhythm, as the drill window reports it to a DrillSession: a key
press, then (for direct input) the commit a few milliseconds later, or for pinyin one
key per letter and the commit of the character on the last one."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime

from assistant.drills.session import DrillResult, DrillSession, DrillText, ideal_keystrokes, language_of

COMMIT_LATENCY = 0.004


def type_directly(session: DrillSession, typed: str, *, start: float = 100.0, interval: float,
                  already: str = "") -> float:
    """Each character of ``typed`` is one key press and one commit, ``interval`` apart;
    returns the time of the last commit."""
    text = already
    moment = start
    for index, char in enumerate(typed):
        moment = start + index * interval
        session.key_pressed(moment)
        text += char
        session.typed_changed(text, moment + COMMIT_LATENCY)
    return moment + COMMIT_LATENCY


def type_pinyin(session: DrillSession, typed: str, *, start: float = 100.0, interval: float) -> float:
    """Each Han character takes its full pinyin in key presses (``interval`` apart); the
    input method commits it on the last one. Returns the time of the last commit."""
    text = ""
    moment = start
    keys = 0
    for char, count in zip(typed, ideal_keystrokes(typed), strict=True):
        for letter in range(count):
            moment = start + keys * interval
            if letter == 0:
                session.composition_started(moment)
            session.key_pressed(moment)
            keys += 1
        text += char
        session.typed_changed(text, moment + COMMIT_LATENCY)
    return moment + COMMIT_LATENCY


def a_result(text: str = "亲，您好，欢迎光临", *, interval: float = 0.5, **changes) -> DrillResult:
    """A real drill's result (typed directly at ``interval``), with ``changes`` applied:
    the figures a test needs, the rest as measured."""
    session = DrillSession(DrillText(id="custom:test", title="测试", text=text, language=language_of(text),
                                     source="custom"))
    type_directly(session, text, interval=interval)
    return replace(session.finish(1e6, now=datetime(2026, 3, 2, 9, 30, tzinfo=UTC)), **changes)

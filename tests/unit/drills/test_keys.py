"""Per-key statistics: Latin letters by the text's expectation, pinyin letters from the preedit."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from assistant.drills.keys import key_heat, latin_key_stats, merge_key_stats, preedit_letters
from assistant.drills.session import DrillSession, DrillText, language_of
from assistant.drills.texts import adaptive_text, weak_keys
from tests.unit.drills.simulate import a_result, type_directly

NOW = datetime(2026, 3, 2, 9, 30, tzinfo=UTC)


def drill(text: str) -> DrillSession:
    return DrillSession(DrillText(id="custom:test", title="test", text=text, language=language_of(text),
                                  source="custom"))


def ime(session: DrillSession, clock: list[float], pinyin: str, committed: str, typed_before: str,
        step: float = 0.25) -> str:
    """A pinyin IME: one key press and a growing preedit per letter; "<" is Backspace in
    the preedit; then the commit. Returns the box's text after it."""
    preedit = ""
    for key in pinyin:
        clock[0] += step
        session.key_pressed(clock[0], backspace=key == "<")
        preedit = preedit[:-1] if key == "<" else preedit + key
        session.preedit_changed(preedit, clock[0])
    clock[0] += step
    session.key_pressed(clock[0])
    session.preedit_changed("", clock[0], committing=True)
    session.typed_changed(typed_before + committed, clock[0])
    return typed_before + committed


def test_preedit_letters_are_the_pinyin_keys() -> None:
    assert preedit_letters("ni'hao") == preedit_letters("ni hao") == "nihao"
    assert preedit_letters("你Hao") == "hao"


def test_latin_keys_follow_the_text_and_fold_capitals() -> None:
    session = drill("Ever seen eels")
    type_directly(session, "Evxr seen eels", interval=0.2)
    result = session.finish(1e6, now=NOW)
    assert result.key_stats["e"]["seen"] == 6 and result.key_stats["e"]["missed"] == 1  # E, e ×5; x for the e of Ever
    assert result.key_stats["e"]["ms"] == pytest.approx(200, abs=1)
    assert set(result.key_stats) == {"e", "v", "r", "s", "n", "l"}
    assert latin_key_stats({" ": {"seen": 2, "missed": 2, "ms": 5.0}, "你": {"seen": 1, "missed": 0, "ms": 1.0}}) == {}


def test_pinyin_keys_are_timed_and_a_backspace_or_a_wrong_commit_misses_them() -> None:
    session = drill("你好吗朋友大家好啊")
    clock = [100.0]
    typed = ime(session, clock, "ni", "你", "")
    typed = ime(session, clock, "hap<o", "好", typed)   # p taken back: missed
    typed = ime(session, clock, "ma", "吗", typed)
    typed = ime(session, clock, "pengyou", "朋有", typed)  # 友 typed as 有: right letters, wrong candidate
    typed = ime(session, clock, "dj", "到", typed)         # 大 wanted "da": j for a, a wrong commit
    result = session.finish(clock[0] + 1, now=NOW)
    keys = result.key_stats
    assert keys["p"]["missed"] == 1  # the Backspace; 朋友 as 朋有 missed no key
    assert keys["y"]["missed"] == 0 and keys["o"]["missed"] == 0 and keys["u"]["missed"] == 0
    assert keys["a"]["missed"] == 1 and keys["d"]["missed"] == 0 and keys["j"]["missed"] == 0
    assert keys["n"]["ms"] == pytest.approx(250, abs=1) and keys["h"]["seen"] == 1


def test_heat_and_weak_keys_over_time() -> None:
    fast = {"e": {"seen": 10, "missed": 0, "ms": 100.0}, "r": {"seen": 10, "missed": 0, "ms": 300.0},
            "t": {"seen": 10, "missed": 2, "ms": 100.0}}
    merged = merge_key_stats([fast, {"e": {"seen": 10, "missed": 0, "ms": 200.0}}])
    assert merged["e"] == {"seen": 20, "missed": 0, "ms": 150.0}
    heat = key_heat(merged)
    assert heat["e"] == 0.0 and heat["t"] == 1.0 and 0.5 < heat["r"] <= 1.0
    history = [a_result("Thank you for your order", key_stats=fast, language="en")]
    assert [item.text for item in weak_keys(history)][:2] == ["t", "r"]
    text = adaptive_text(history, None, "en")
    assert text is not None and "keys: t r" in text.title

"""A real Chinese input method end to end: xdotool presses pinyin keys, fcitx5's pinyin
engine (tests/e2e/ime.py) composes and commits, and the real app's drill window and picker
take what it commits.

The drill's figures are checked against what was typed, worked out here from the keys
xdotool sent and the X server's own time of each press (tests/e2e/key_record.py), by the
definitions in docs/typing-metrics.md — not from anything the app reports.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from assistant.logs import LOG_FILE
from assistant.phrases.model import Phrase, Phrasebook
from assistant.phrases.store import Store
from tests.e2e.app_process import AppProcess
from tests.e2e.conftest import SUMMARY
from tests.e2e.drill_typing import open_drill, stored_result
from tests.e2e.ime import MISSING_TOOLS_HINT, InputMethod, start_input_method, tools_available
from tests.e2e.key_record import KeyPress, KeyRecorder
from tests.e2e.target import Target

TEXT = "您好，谢谢。发货了，有事找我。"
#: How a trainee types TEXT in pinyin: words committed with Space, a candidate picked with
#: a digit (些, a mistake, taken back with Backspace: one correction), a pinyin typo taken
#: back inside the composition (huo typed as hui), a candidate on the second page (= turns
#: the page: the preedit does not change) and punctuation the engine turns into Chinese.
KEYS = [*"ninhao", "space", "comma", *"xie", "2", "BackSpace", *"xiexie", "space", "period",
        *"fahui", "BackSpace", "o", "space", *"le", "space", "comma", *"you", "space", *"shi", "equal", "1",
        *"zhaowo", "space", "period"]
#: What fcitx5 commits for KEYS (the Backspace after 些 deletes it from the box).
COMMITS = ["您好", "，", "些", "谢谢", "。", "发货", "了", "，", "有", "事", "找我", "。"]
CORRECTIONS = 1
#: A trainee's pace: about 6.5 keys a second.
DELAY_MS = 150
TOLERANCE = 0.02


@dataclass(frozen=True)
class Figures:
    net_cpm: float
    keystrokes_per_second: float
    keystrokes_per_char: float
    corrections: int


def expected_figures(presses: list[KeyPress], characters: int, correct: int, corrections: int) -> Figures:
    """The figures docs/typing-metrics.md defines, for key presses at the X server's times.

    Active time runs from the first key press to the last commit (the last key commits,
    a few milliseconds after it is pressed), plus one typical interval, the mean time
    between two presses; the gaps here are far below the pause threshold."""
    span = (presses[-1].time_ms - presses[0].time_ms) / 1000
    active = span + span / (len(presses) - 1)
    return Figures(net_cpm=correct / active * 60, keystrokes_per_second=len(presses) / active,
                   keystrokes_per_char=len(presses) / characters, corrections=corrections)


@pytest.fixture
def input_method(xserver, tmp_path: Path) -> Iterator[InputMethod]:
    if not tools_available():
        if os.environ.get("CI"):
            pytest.fail(MISSING_TOOLS_HINT)
        pytest.skip(MISSING_TOOLS_HINT)
    method = start_input_method(xserver, tmp_path / "ime")
    yield method
    method.stop()


def start_app(xserver, input_method: InputMethod, home: Path) -> AppProcess:
    return AppProcess(xserver, home, env=input_method.env)


@pytest.fixture
def app(xserver, input_method: InputMethod, tmp_path: Path) -> Iterator[AppProcess]:
    running = start_app(xserver, input_method, tmp_path / "home")
    yield running
    errors = running.stop()
    assert "Traceback" not in errors, errors


def test_a_drill_typed_in_pinyin_measures_the_keys_really_pressed(app, input_method, tmp_path: Path,
                                                                    request: pytest.FixtureRequest) -> None:
    text_file = tmp_path / "drill.txt"
    text_file.write_text(TEXT, encoding="utf-8")
    before = open_drill(app, text_file)
    preedits_before, commits_before = len(input_method.preedits()), len(input_method.commits())
    with KeyRecorder(app.xserver.display) as presses:
        app.xserver.xdotool("key", "--delay", str(DELAY_MS), *KEYS)
        result = stored_result(app, before)

    assert len(presses) == len(KEYS)  # the X server delivered exactly the keys sent
    assert any(input_method.preedits()[preedits_before:]), "no preedit: Qt fell back to plain keys"
    assert input_method.commits()[commits_before:] == COMMITS
    expected = expected_figures(presses, characters=len(TEXT), correct=len(TEXT), corrections=CORRECTIONS)
    measured = Figures(result.net_cpm, result.keystrokes_per_second, result.keystrokes_per_char, result.corrections)
    figures = zip(("net CPM", "击键 (keys/s)", "码长 (keys/char)", "回改"), vars(expected).values(),
                  vars(measured).values(), strict=True)
    request.config.stash.setdefault(SUMMARY, []).append(
        f"IME drill, {len(KEYS)} keys for {len(TEXT)} characters, expected → measured: "
        + "; ".join(f"{name} {want:.3f} → {got:.3f}" for name, want, got in figures)
        + f"; keys counted {result.keystrokes}, active {result.active_seconds} s")
    assert (result.characters, result.correct_characters) == (len(TEXT), len(TEXT))
    assert result.accuracy == len(TEXT) / (len(TEXT) + CORRECTIONS)  # the corrected 些 was a miss
    assert result.keystrokes == len(presses)  # every key, those the input method consumed too
    assert measured.corrections == expected.corrections
    assert measured.keystrokes_per_char == pytest.approx(expected.keystrokes_per_char, rel=TOLERANCE)
    assert measured.keystrokes_per_second == pytest.approx(expected.keystrokes_per_second, rel=TOLERANCE)
    assert measured.net_cpm == pytest.approx(expected.net_cpm, rel=TOLERANCE)


#: Two shipping replies, found in this order (both titles hold 发货; the first in the book
#: first, and more used once it is picked), and a refund reply the search must not find.
SHIPPING = [("发货通知", "亲，您的包裹已经发出啦～"), ("催发货", "亲，仓库正在加急为您发货哦～")]


def test_the_picker_takes_pinyin_from_the_input_method_and_finds_the_shipping_replies(
        xserver, input_method, make_target, tmp_path: Path) -> None:
    home = tmp_path / "home"
    store = Store(home)
    store.create_book(Phrasebook(name="IME", id="ime", language="zh-CN"))
    for title, text in SHIPPING:
        store.add_phrase("ime", Phrase(text=text, title=title))
    store.add_phrase("ime", Phrase(text="退款会在1-3个工作日内原路返回", title="退款说明"))
    (_, first), (_, second) = SHIPPING
    app = start_app(xserver, input_method, home)
    try:
        target = make_target()
        search_shipping(app, input_method)
        xserver.xdotool("key", "Return")
        assert target.wait_for_text(first) == first, what_happened(app, target)
        search_shipping(app, input_method)
        xserver.xdotool("key", "--delay", "100", "Down", "Return")
        assert target.wait_for_text(first + second) == first + second, what_happened(app, target)
    finally:
        errors = app.stop()
    assert "Traceback" not in errors, errors


def what_happened(app: AppProcess, target: Target) -> str:
    """For a failure: what the target window sent (Enter there means the picker had gone)
    and the app's log (the picker's openings and closings)."""
    log = app.home / LOG_FILE
    return f"the target sent {target.sends()}; the app's log:\n{log.read_text('utf-8') if log.exists() else ''}"


def search_shipping(app: AppProcess, input_method: InputMethod) -> None:
    """Open the picker and type 发货 into its search box in pinyin: ``fahuo`` + Space."""
    xserver = app.xserver
    xserver.xdotool("key", "--clearmodifiers", "ctrl+alt+q")
    picker = app.window_named("QuickReply picker")
    assert picker is not None and xserver.wait_focused(picker)
    preedits, commits = len(input_method.preedits()), len(input_method.commits())
    xserver.xdotool("key", "--delay", "100", "f", "a", "h", "u", "o", "space")
    input_method.wait_for_commit("发货", after=commits)
    assert any(input_method.preedits()[preedits:]), "no preedit: Qt fell back to plain keys"

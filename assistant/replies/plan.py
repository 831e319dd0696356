"""How a reply goes into the target window: the steps, decided before any key is sent.

Pure logic, so that the rules of the trade are tested without a desktop: a reply
marked "separate messages" goes out part by part with the application's send key
between; line breaks inside a part are pasted, never sent as Enter; ``{cursor}``
becomes Left presses after the last part; each application may need its own paste
chord (terminals: Ctrl+Shift+V) or typing instead of pasting.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from assistant.desktop.base import WindowInfo
from assistant.desktop.chords import Chord, parse_chord
from assistant.errors import BadInput
from assistant.phrases.templates import Expansion, split_messages
from assistant.replies.rules import window_rules
from assistant.settings import Settings

_CURSOR_MARK = "\ue000"  # private use: never in a reply


@dataclass(frozen=True)
class Rule:
    """What the target application needs."""

    mode: Literal["paste", "type"]
    paste_chord: Chord
    send_key: str


@dataclass(frozen=True)
class Step:
    kind: Literal["paste", "type", "key"]
    text: str = ""
    key: str = ""
    count: int = 1


def rule_for(window: WindowInfo | None, settings: Settings) -> Rule:
    """The first per-application rule whose patterns match, else the defaults."""
    if window is not None:
        for entry in window_rules(settings.app_rules):
            if entry.match(window.wm_class, window.title, window.executable):
                return _rule(entry.extras.get("mode", settings.insert_mode),
                             entry.extras.get("paste_chord", settings.paste_chord),
                             entry.extras.get("send_key", settings.send_key))
    return _rule(settings.insert_mode, settings.paste_chord, settings.send_key)


def _rule(mode: str, paste_chord: str, send_key: str) -> Rule:
    try:
        chord = parse_chord(paste_chord)
    except BadInput:
        chord = parse_chord("ctrl+v")
    return Rule("type" if mode == "type" else "paste", chord, send_key or "return")


def plan(expansion: Expansion, rule: Rule, separate_messages: bool) -> list[Step]:
    text = expansion.text
    if expansion.cursor is not None:
        text = text[:expansion.cursor] + _CURSOR_MARK + text[expansion.cursor:]
    parts = split_messages(text) if separate_messages else [text]
    steps: list[Step] = []
    for number, part in enumerate(parts):
        if number:
            steps.append(Step("key", key=rule.send_key))
        clean = part.replace(_CURSOR_MARK, "")
        if clean:
            steps.append(Step(rule.mode, text=clean))
    last = parts[-1] if parts else ""
    if _CURSOR_MARK in last:
        back = len(last) - last.index(_CURSOR_MARK) - 1
        if back:
            steps.append(Step("key", key="left", count=back))
    return steps


def messages(steps: list[Step]) -> list[str]:
    """The text of each message a plan sends, for an agent who pastes them by hand
    where no keys can be sent: the send key and the caret are then theirs to press."""
    return [step.text for step in steps if step.kind != "key"]

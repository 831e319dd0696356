"""Global hotkeys, from the settings and the phrases, handed to the desktop backend.

The backend's listener thread only emits a queued Qt signal; everything else happens
on the main thread. Names: "picker", "pause", and "phrase:<book id>:<phrase id>".
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QObject, Signal

from assistant.desktop.base import HotkeyListener
from assistant.desktop.chords import Chord, parse_chord
from assistant.errors import BadInput
from ui.context import AppContext

log = logging.getLogger(__name__)


def phrase_hotkey_name(book_id: str, phrase_id: str) -> str:
    return f"phrase:{book_id}:{phrase_id}"


class HotkeyService(QObject):
    triggered = Signal(str)
    problems = Signal(dict)  # name → reason, for chords that could not be taken
    pausedChanged = Signal(bool)

    def __init__(self, context: AppContext, listener_factory):
        super().__init__()
        self.context = context
        self.paused = False
        self._applied: dict[str, Chord] | None = None
        # The listener calls back on its own thread; emitting is safe from any thread
        # and Qt queues the delivery to the main thread.
        self.listener: HotkeyListener = listener_factory(self.triggered.emit, self._listener_problem)
        context.phrasesChanged.connect(self.apply)
        context.settingsChanged.connect(self.apply)

    def start(self) -> dict[str, str]:
        self.listener.start()
        return self.apply()

    def stop(self) -> None:
        self.listener.stop()

    def wanted(self) -> dict[str, Chord]:
        settings = self.context.settings
        chords: dict[str, Chord] = {}
        for name, text in (("pause", settings.pause_hotkey), ("picker", settings.picker_hotkey),
                           ("new-conversation", settings.new_conversation_hotkey)):
            self._add(chords, name, text)
        if not self.paused:
            for phrase in self.context.phrases:
                if phrase.hotkey:
                    self._add(chords, phrase_hotkey_name(phrase.book_id, phrase.id), phrase.hotkey)
        if self.paused:
            chords = {name: chord for name, chord in chords.items() if name == "pause"}
        return chords

    def _add(self, chords: dict[str, Chord], name: str, text: str) -> None:
        if not text:
            return
        try:
            chord = parse_chord(text)
        except BadInput:
            log.warning("ignoring an unreadable hotkey for %s", name)
            return
        if chord not in chords.values():
            chords[name] = chord

    def apply(self) -> dict[str, str]:
        wanted = self.wanted()
        if wanted == self._applied:  # most changes (a use counted) leave the chords alone
            return {}
        self._applied = wanted
        problems = self.listener.set_hotkeys(wanted)
        if problems:
            self.problems.emit(problems)
        return problems

    def set_paused(self, paused: bool) -> None:
        if paused != self.paused:
            self.paused = paused
            self.apply()
            self.pausedChanged.emit(paused)

    def _listener_problem(self, message: str) -> None:
        self.problems.emit({"listener": message})

"""Putting a reply into the target window, and the user's clipboard back afterwards.

Paste mode, step by step: take a copy of every format of the user's clipboard (text,
HTML, images…; made ahead of time where it can be, see ``clipboard_copy``), put the
reply on the clipboard, send the paste chord, and wait — without sleeping — for the
target to fetch the text: our ``QMimeData`` notices when the target reads it. On X11 a
read counts only when the target window's program asked (``x11_clipboard_requests``):
clipboard histories read every new clipboard at once, often before a busy chat window
gets to its paste. A Windows chat program under Wine asks through Wine's desktop process
(explorer.exe, another X client); that read counts when the X server names that process
as the target's Wine (``assistant.desktop.x11.wine``), so a Wine paste goes on at once
instead of at the timeout. The rule is by who asks, not by when: measured on Xvfb, a
clipboard history read 0.6–3.4 ms after the reply was put up and Wine's paste 13–78 ms
after the paste chord; a grace period between the two would hold on an idle machine
only, as a loaded one delays the history as much as the paste. Once the target has read comes the next
step (the send key between separate messages, the next part, Left presses for
``{cursor}``), and once the target has been quiet for a moment the user's clipboard is
restored in full. The event loop stays free throughout, because the target reads the
clipboard from us.

Nothing here stores or logs the text of a reply or of the clipboard.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import QMimeData, QObject, QTimer, Signal
from PySide6.QtGui import QClipboard, QGuiApplication

from assistant.desktop.base import Keyboard
from assistant.replies.plan import Step
from assistant.replies.service import PreparedReply
from ui.context import AppContext
from ui.replies.clipboard_copy import ClipboardCopy
from ui.replies.x11_clipboard_requests import watch_clipboard_requests

log = logging.getLogger(__name__)

#: How long the target must leave the clipboard alone before the user's is put back
#: (some applications read a second format just after the first).
QUIET_BEFORE_RESTORE_MS = 150


class _ServedText(QMimeData):
    """The reply on the clipboard; tells us when another program reads it."""

    def __init__(self, text: str, on_read: Callable[[], None]):
        super().__init__()
        self.setText(text)
        self._on_read = on_read

    def retrieveData(self, mime_type: str, preferred_type):
        value = super().retrieveData(mime_type, preferred_type)
        if mime_type.startswith("text/"):
            self._on_read()
        return value


class Inserter(QObject):
    """Sends one reply's steps at a time; ``finished(prepared, ok)`` when done. What to
    send was decided in the core (``ReplyService.steps``)."""

    finished = Signal(object, bool)

    def __init__(self, context: AppContext, keyboard: Keyboard, clipboard_serial: Callable[[], int] | None = None):
        super().__init__()
        self.context = context
        self.keyboard = keyboard
        self.clipboard: QClipboard = QGuiApplication.clipboard()
        self._users = ClipboardCopy(clipboard_serial, self)
        self._requests = watch_clipboard_requests(self)
        self._steps: list[Step] = []
        self._reply: PreparedReply | None = None
        self._saved: QMimeData | None = None
        self._served: _ServedText | None = None
        self._wait = QTimer(self, singleShot=True)
        self._wait.timeout.connect(self._paste_not_taken)
        self._quiet = QTimer(self, singleShot=True, interval=QUIET_BEFORE_RESTORE_MS)
        self._quiet.timeout.connect(self._restore_clipboard)

    @property
    def busy(self) -> bool:
        return self._reply is not None

    def run(self, prepared: PreparedReply, steps: list[Step]) -> None:
        """Start sending ``steps`` with the paste chord of ``prepared``'s rule, unless
        another reply is still going in (then this one is dropped, never interleaved)."""
        if self.busy:
            log.info("insertion skipped: another one is running")
            return
        self._reply, self._steps = prepared, list(steps)
        if any(step.kind == "paste" for step in self._steps) and self.context.settings.restore_clipboard:
            self._quiet.stop()
            if self._saved is None:  # a restore still pending holds the user's real clipboard
                self._saved = self._users.take()
        self._next_step()

    def _next_step(self) -> None:
        while self._steps:
            step = self._steps.pop(0)
            if step.kind == "paste":
                self._paste(step.text)
                return
            if step.kind == "type":
                self.keyboard.type_text(step.text)
            else:
                self.keyboard.send_key(step.key, step.count)
        self._finish(True)

    def _paste(self, text: str) -> None:
        self._served = _ServedText(text, self._text_read)
        self.clipboard.setMimeData(self._served)
        self._wait.start(self.context.settings.clipboard_restore_timeout_ms)
        self.keyboard.send_chord(self._reply.rule.paste_chord)

    def _text_read(self) -> None:
        target = self._reply.target if self._reply is not None else None
        if self._requests is None or target is None or self._requests.is_paste_of(target):
            self._text_taken()
        else:
            log.debug("another program read the reply (a clipboard history?); the target has yet to")

    def _text_taken(self) -> None:
        if self._wait.isActive():
            self._wait.stop()
            # Continue after this clipboard request has been answered.
            QTimer.singleShot(0, self._next_step)
        if self._saved is not None and not self._steps and not self._quiet.isActive():
            self._quiet.start()  # once: further reads (a clipboard viewer polling) must not delay it

    def _paste_not_taken(self) -> None:
        log.warning("the target did not take the pasted text in time")
        self._steps.clear()
        self._finish(False)

    def _finish(self, ok: bool) -> None:
        reply = self._reply
        self._reply = None
        if self._saved is not None and not self._quiet.isActive():
            self._quiet.start()
        if reply is not None:
            self.finished.emit(reply, ok)

    def _restore_clipboard(self) -> None:
        if self._saved is not None and not self.busy:
            self.clipboard.setMimeData(self._saved)
            self._saved = None
            self._served = None

"""A stand-in chat window: a real Qt text box in its own process.

    python tests/e2e/target_app.py TITLE LOG_FILE [PASTE_DELAY_MS]

Every change of the text box's content is appended to LOG_FILE as one JSON line with
the time on the monotonic clock (``time.monotonic_ns``, shared by all processes on the
machine), so a test or benchmark can tell exactly what arrived and when. Enter is
logged as a "send" event and does not reach the box, as in a chat client where Enter
sends the message. With PASTE_DELAY_MS, the window is busy for that long when the paste
chord arrives and only then fetches the clipboard, as a chat client on a loaded machine
does (a clipboard manager is quicker). The window also prints "ready <window id>" once it
is shown.
"""

from __future__ import annotations

import json
import sys
import time

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QApplication, QPlainTextEdit


class _Log:
    def __init__(self, path: str):
        self._file = open(path, "a", encoding="utf-8", buffering=1)  # noqa: SIM115 - lives as long as the app

    def write(self, **event: object) -> None:
        event["t_ns"] = time.monotonic_ns()
        self._file.write(json.dumps(event, ensure_ascii=False) + "\n")


class _ChatKeys(QObject):
    """Enter sends the message; a paste waits while the window is busy."""

    def __init__(self, log: _Log, box: QPlainTextEdit, paste_delay: float):
        super().__init__(box)
        self._log, self._box, self._paste_delay = log, box, paste_delay

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() != QEvent.Type.KeyPress:
            return False
        if self._paste_delay and event.matches(QKeySequence.StandardKey.Paste):
            time.sleep(self._paste_delay)  # busy: the keys after it wait their turn, as they would
            return False
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) \
                and not event.modifiers() & Qt.KeyboardModifier.ShiftModifier:
            self._log.write(kind="send", text=self._box.toPlainText())
            self._box.clear()
            return True
        return False


def main() -> int:
    title, log_path = sys.argv[1], sys.argv[2]
    paste_delay = int(sys.argv[3]) / 1000 if len(sys.argv) > 3 else 0.0
    app = QApplication(sys.argv[:1])
    log = _Log(log_path)
    box = QPlainTextEdit()
    box.setWindowTitle(title)
    box.resize(600, 300)
    box.installEventFilter(_ChatKeys(log, box, paste_delay))
    box.textChanged.connect(lambda: log.write(kind="text", text=box.toPlainText()))
    box.show()
    box.activateWindow()
    print(f"ready {int(box.winId())}", flush=True)
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())

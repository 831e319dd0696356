"""A stand-in chat window: a real Qt text box in its own process.

    python tests/e2e/target_app.py TITLE LOG_FILE

Every change of the text box's content is appended to LOG_FILE as one JSON line with
the time on the monotonic clock (``time.monotonic_ns``, shared by all processes on the
machine), so a test or benchmark can tell exactly what arrived and when. Enter is
logged as a "send" event and does not reach the box, as in a chat client where Enter
sends the message. The window also prints "ready <window id>" once it is shown.
"""

from __future__ import annotations

import json
import sys
import time

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QApplication, QPlainTextEdit


class _Log:
    def __init__(self, path: str):
        self._file = open(path, "a", encoding="utf-8", buffering=1)  # noqa: SIM115 - lives as long as the app

    def write(self, **event: object) -> None:
        event["t_ns"] = time.monotonic_ns()
        self._file.write(json.dumps(event, ensure_ascii=False) + "\n")


class _EnterSends(QObject):
    def __init__(self, log: _Log, box: QPlainTextEdit):
        super().__init__(box)
        self._log, self._box = log, box

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.KeyPress and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) \
                and not event.modifiers() & Qt.KeyboardModifier.ShiftModifier:
            self._log.write(kind="send", text=self._box.toPlainText())
            self._box.clear()
            return True
        return False


def main() -> int:
    title, log_path = sys.argv[1], sys.argv[2]
    app = QApplication(sys.argv[:1])
    log = _Log(log_path)
    box = QPlainTextEdit()
    box.setWindowTitle(title)
    box.resize(600, 300)
    box.installEventFilter(_EnterSends(log, box))
    box.textChanged.connect(lambda: log.write(kind="text", text=box.toPlainText()))
    box.show()
    box.activateWindow()
    print(f"ready {int(box.winId())}", flush=True)
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())

"""The user's clipboard, copied before a paste takes it over, and copied ahead of time.

A paste must save what the user had on the clipboard (text, HTML, an image…) before
putting the reply there: once we own the clipboard, its previous owner lets go of its
data. Copying asks that owner for every format, a round trip to another program each,
milliseconds that used to stand between the hotkey and the paste. So the copy is made
when the clipboard changes, a moment later, and a paste uses it only while the desktop's
clipboard count (``Desktop.clipboard_serial``) says nothing has changed since: a copy
that is not the user's latest is never restored.

The copy lives in memory only, as the clipboard itself does; nothing here is written
or logged.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QMimeData, QObject, QTimer
from PySide6.QtGui import QClipboard, QGuiApplication

#: After the clipboard changes, the copy waits this long: an agent copying several
#: things in a row costs one copy, and the program that just took the clipboard is
#: not asked while it is still busy putting its data there.
COPY_AHEAD_DELAY_MS = 200


def copy_mime_data(source: QMimeData | None) -> QMimeData:
    """A copy of every MIME format, so an image copied by the user survives a paste.

    Formats without a "/" are X selection targets Qt passes through by name (TARGETS,
    TIMESTAMP, MULTIPLE, SAVE_TARGETS, COMPOUND_TEXT…): the selection protocol's own, or
    other encodings of a text Qt serves again from text/plain, as is
    "text/plain;charset=utf-8". Each is a round trip to the clipboard's owner, all of them
    before the paste, so they are left out."""
    copy = QMimeData()
    if source is not None:
        names = source.formats()
        for name in names:
            if "/" in name and not (name.startswith("text/plain;") and "text/plain" in names):
                copy.setData(name, source.data(name))
    return copy


class ClipboardCopy(QObject):
    """Hands out a copy of the user's clipboard as it is now."""

    def __init__(self, serial: Callable[[], int] | None, parent: QObject | None = None):
        super().__init__(parent)
        self.clipboard: QClipboard = QGuiApplication.clipboard()
        self._serial = serial
        #: The copy made ahead of time, with the clipboard count it was made at.
        self._ahead: tuple[int, QMimeData] | None = None
        self._later = QTimer(self, singleShot=True, interval=COPY_AHEAD_DELAY_MS)
        self._later.timeout.connect(self._copy_ahead)
        if serial is not None:
            self.clipboard.dataChanged.connect(self._changed)

    def take(self) -> QMimeData:
        """The user's clipboard now: the copy made ahead when nothing has changed since,
        else a new one."""
        ahead, self._ahead = self._ahead, None
        if ahead is not None and self._serial is not None and ahead[0] == self._serial():
            return ahead[1]
        return copy_mime_data(self.clipboard.mimeData())

    def _changed(self) -> None:
        self._ahead = None
        # Our own data (a reply being pasted, or the user's put back) is read in-process
        # at once: nothing to gain by copying it ahead.
        if not self.clipboard.ownsClipboard():
            self._later.start()

    def _copy_ahead(self) -> None:
        if self.clipboard.ownsClipboard():
            return
        # The count first: a change during the copy makes it stale, never the reverse.
        serial = self._serial()
        self._ahead = (serial, copy_mime_data(self.clipboard.mimeData()))

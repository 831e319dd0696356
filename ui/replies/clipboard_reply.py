"""A reply the agent pastes by hand, where no keys can be sent (Wayland, macOS, a
desktop backend that did not start).

A reply sent as separate messages goes onto the clipboard one message at a time: the
first at once, each next one when the agent asks for it. The way to ask must work from
the keyboard with the chat window in front, so it is the picker (the agent's
"quickreply pick" shortcut): while parts are left, its first row offers the next one and
Enter takes it. Each notice says which part is on the clipboard and how to get the next.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QObject
from PySide6.QtGui import QClipboard, QGuiApplication


@dataclass(frozen=True)
class Offer:
    """The picker's first row while parts are left: its label, and the part to preview."""

    label: str
    text: str


class ClipboardReply(QObject):
    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self.clipboard: QClipboard = QGuiApplication.clipboard()
        self._parts: list[str] = []
        self._given = 0

    def start(self, parts: list[str]) -> str:
        """Put the first of a new reply's ``parts`` on the clipboard (any parts left of
        the previous reply are dropped); returns the notice for the agent."""
        self._parts, self._given = parts or [""], 0
        return self.next_part()

    def next_part(self) -> str:
        """Put the next part on the clipboard; returns the notice ("" when none was left)."""
        if self._given >= len(self._parts):
            return ""
        self.clipboard.setText(self._parts[self._given])
        self._given += 1
        total = len(self._parts)
        if total == 1:
            return self.tr("The reply is on the clipboard; paste it with Ctrl+V.")
        if self._given == total:
            return self.tr("Part {number} of {total}, the last, is on the clipboard; paste it with Ctrl+V.").format(
                number=self._given, total=total)
        return self.tr("Part {number} of {total} is on the clipboard: paste it with Ctrl+V and send it. For part "
                       "{next}, open the picker again (your “quickreply pick” shortcut) and press Enter.").format(
            number=self._given, total=total, next=self._given + 1)

    def offer(self) -> Offer | None:
        """The next part for the picker to offer, or None when the reply is all given."""
        if self._given >= len(self._parts):
            return None
        return Offer(self.tr("Next part ({number} of {total}) onto the clipboard").format(
            number=self._given + 1, total=len(self._parts)), self._parts[self._given])

"""Every modal question the manager asks, in one place.

Modal dialogs block in ``exec()``, which tests cannot drive from outside. So the manager
never calls ``exec()`` or a static ``QFileDialog``/``QMessageBox`` helper itself: it
builds the real dialog and hands it to ``run``, and asks for file names through
``open_file``/``save_file``. A test replaces just those entry points with a user that
fills in the real dialog and presses its buttons; everything else runs as shipped.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QDialog, QFileDialog, QInputDialog, QLineEdit, QMessageBox, QWidget


class ManagerDialogs(QObject):
    """Modal questions on behalf of ``parent`` (the manager window)."""

    def __init__(self, parent: QWidget):
        super().__init__(parent)
        self._parent = parent

    # -- the entry points tests replace ---------------------------------------------

    def run(self, dialog: QDialog) -> None:
        """Show ``dialog`` modally until it closes; callers then read its result."""
        dialog.exec()

    def open_file(self, caption: str, filters: list[str]) -> Path | None:
        chosen, _filter = QFileDialog.getOpenFileName(self._parent, caption, str(Path.home()), ";;".join(filters))
        return Path(chosen) if chosen else None

    def save_file(self, caption: str, filters: list[str], suggested: str) -> tuple[Path, str] | None:
        """The path and the chosen filter (to add the extension the user picked)."""
        chosen, used = QFileDialog.getSaveFileName(self._parent, caption, str(Path.home() / suggested),
                                                   ";;".join(filters))
        return (Path(chosen), used) if chosen else None

    # -- built on ``run`` -----------------------------------------------------------

    def error(self, title: str, text: str, detail: str = "") -> None:
        """A one-line explanation; ``detail`` is the core's message (never a traceback)."""
        box = QMessageBox(QMessageBox.Icon.Warning, title, text, QMessageBox.StandardButton.Ok, self._parent)
        if detail:
            box.setInformativeText(detail)
        self.run(box)

    def confirm(self, title: str, text: str, detail: str = "", *, action: str = "", cancel: str = "",
                over: QWidget | None = None) -> bool:
        """Yes/no with "No" as the default, so a stray Enter changes nothing."""
        return self.choose(title, text, detail, [action or self.tr("Yes")], cancel=cancel, over=over) == 0

    def choose(self, title: str, text: str, detail: str, actions: list[str], *, cancel: str = "",
               over: QWidget | None = None) -> int | None:
        """One of ``actions`` (its index) or None for Cancel, the default (and Esc).

        ``cancel`` names that default when "Cancel" would be unclear (Cancel of a
        Cancel); ``over`` is the window the question is about when it is not the
        manager, such as a dialog of its own, so the question shows above that window.
        """
        box = QMessageBox(QMessageBox.Icon.Question, title, text, QMessageBox.StandardButton.NoButton,
                          over or self._parent)
        if detail:
            box.setInformativeText(detail)
        buttons = [box.addButton(action, QMessageBox.ButtonRole.AcceptRole) for action in actions]
        default = box.addButton(QMessageBox.StandardButton.Cancel)
        if cancel:
            default.setText(cancel)
        box.setDefaultButton(default)
        self.run(box)
        return buttons.index(box.clickedButton()) if box.clickedButton() in buttons else None

    def ask_text(self, title: str, label: str, text: str = "") -> str | None:
        dialog = QInputDialog(self._parent)
        dialog.setWindowTitle(title)
        dialog.setLabelText(label)
        dialog.setTextEchoMode(QLineEdit.EchoMode.Normal)
        dialog.setTextValue(text)
        return self._answer(dialog)

    def ask_item(self, title: str, label: str, items: list[str], current: str = "") -> str | None:
        """Pick from ``items`` or type a new one."""
        dialog = QInputDialog(self._parent)
        dialog.setWindowTitle(title)
        dialog.setLabelText(label)
        dialog.setComboBoxItems(items)
        dialog.setComboBoxEditable(True)
        dialog.setTextValue(current)
        return self._answer(dialog)

    def _answer(self, dialog: QInputDialog) -> str | None:
        """The answer, stripped ("" is an answer), or None when cancelled."""
        self.run(dialog)
        if dialog.result() != QDialog.DialogCode.Accepted:
            return None
        return dialog.textValue().strip()

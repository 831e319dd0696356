"""Where the agent's numbers go for the team lead's report (``assistant.team.sharing``):
a shared folder chosen with Browse…, or an http(s) address typed in; empty shares
nothing. The line under it says what is shared, so the agent knows before opting in."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QHBoxLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget

from assistant.team.sharing import is_address


class TeamShareField(QWidget):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.edit = QLineEdit(self)
        self.edit.setClearButtonEnabled(True)
        self.browse = QPushButton(self)
        self.browse.clicked.connect(self._browse)
        self.explanation = QLabel(self)
        self.explanation.setWordWrap(True)
        row = QHBoxLayout()
        row.addWidget(self.edit, 1)
        row.addWidget(self.browse)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(row)
        layout.addWidget(self.explanation)
        self.setFocusProxy(self.edit)
        self.retranslate()

    def retranslate(self) -> None:
        self.edit.setPlaceholderText(self.tr("A shared folder or https:// address"))
        self.browse.setText(self.tr("Br&owse…"))
        self.explanation.setText(self.tr("Left empty, nothing is shared. Once a day and when QuickReply quits, "
                                         "your statistics (counts, reply titles, typing drills; never what you or "
                                         "a buyer wrote) go there for your team lead's report."))

    def place(self) -> str:
        text = self.edit.text().strip()
        return text if not text or is_address(text) else str(Path(text).expanduser())

    def refusal(self) -> str | None:
        place = self.place()
        if place and not is_address(place) and not Path(place).is_dir():
            return self.tr("The team folder {folder} does not exist.").format(folder=place)
        return None

    def _browse(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("The team's shared folder"), self.edit.text())
        if folder:
            self.edit.setText(folder)

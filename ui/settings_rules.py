"""The Applications tab: per-application insert rules, edited in a table.

Chat clients differ (terminals paste with Ctrl+Shift+V, some web clients send on
Ctrl+Enter), so each rule names windows by class and title patterns — regular
expressions, matched ignoring case, as ``assistant.insertion`` reads them — and the
first rule that matches wins. A pattern that does not compile would silently never
match, so it is flagged in its cell as it is typed and refused on save.
"""

from __future__ import annotations

import re

from PySide6.QtCore import QAbstractItemModel, QModelIndex, Qt
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from assistant.settings import Settings
from ui.settings_widgets import MODES, PASTE_CHORDS, SEND_KEYS, ChoiceSet, Notice, SettingsPage

KEYS = ("window_class", "title", "mode", "paste_chord", "send_key")
PATTERN_COLUMNS = (0, 1)
CHOICES: dict[int, ChoiceSet] = {2: MODES, 3: PASTE_CHORDS, 4: SEND_KEYS}
NEW_RULE = {"window_class": "", "title": "", "mode": "paste", "paste_chord": "ctrl+v", "send_key": "return"}
_VALUE = Qt.ItemDataRole.UserRole  # the stored value of a choice cell
_BASE = Qt.ItemDataRole.UserRole + 1  # the rule as loaded: keys this table does not show survive a save


class _ChoiceDelegate(QStyledItemDelegate):
    """A combo box for the choice columns; plain text editing for the patterns."""

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: QModelIndex) -> QWidget:
        choices = CHOICES.get(index.column())
        if choices is None:
            return super().createEditor(parent, option, index)
        combo = QComboBox(parent)
        choices.fill(combo, index.data(_VALUE))
        combo.activated.connect(lambda _index: self.commitData.emit(combo))
        return combo

    def setEditorData(self, editor: QWidget, index: QModelIndex) -> None:
        if isinstance(editor, QComboBox):
            editor.setCurrentIndex(max(editor.findData(index.data(_VALUE)), 0))
        else:
            super().setEditorData(editor, index)

    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: QModelIndex) -> None:
        if isinstance(editor, QComboBox):
            model.setData(index, editor.currentData(), _VALUE)
            model.setData(index, editor.currentText(), Qt.ItemDataRole.DisplayRole)
        else:
            super().setModelData(editor, model, index)


class RulesPage(SettingsPage):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.intro = QLabel(self)
        self.intro.setWordWrap(True)
        self.table = QTableWidget(0, len(KEYS), self)
        self.table.setItemDelegate(_ChoiceDelegate(self.table))
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setTabKeyNavigation(False)  # Tab leaves the table; arrows move inside it
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        for column in range(len(KEYS)):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch if column in PATTERN_COLUMNS
                                        else QHeaderView.ResizeMode.ResizeToContents)
        self.table_label = QLabel(self)
        self.table_label.setBuddy(self.table)
        self.notice = Notice(self)
        self.add_button = QPushButton(self)
        self.remove_button = QPushButton(self)
        self.up_button = QPushButton(self)
        self.down_button = QPushButton(self)
        self.add_button.clicked.connect(self.add_rule)
        self.remove_button.clicked.connect(self.remove_rule)
        self.up_button.clicked.connect(lambda: self.move_rule(-1))
        self.down_button.clicked.connect(lambda: self.move_rule(1))
        buttons = QHBoxLayout()
        for button in (self.add_button, self.remove_button, self.up_button, self.down_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(self.table_label)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.notice)
        layout.addLayout(buttons)
        self.table.itemChanged.connect(self.validate)
        self.table.currentCellChanged.connect(self._update_buttons)
        self.retranslate()

    def title(self) -> str:
        return self.tr("A&pplications")

    def retranslate(self) -> None:
        self.intro.setText(self.tr("The first rule whose patterns match the chat window decides how a reply goes "
                                   "in. Patterns are regular expressions, matched ignoring case; an empty pattern "
                                   "matches any window."))
        self.table_label.setText(self.tr("Ru&les:"))
        self.table.setHorizontalHeaderLabels([self.tr("Window class"), self.tr("Title"), self.tr("Insert by"),
                                              self.tr("Paste chord"), self.tr("Send key")])
        self.table.horizontalHeaderItem(0).setToolTip(self.tr("The program's window class, e.g. AliWorkBench|WeChat"))
        self.table.horizontalHeaderItem(1).setToolTip(self.tr("Words in the window title, e.g. 千牛|接待"))
        self.add_button.setText(self.tr("&Add rule"))
        self.remove_button.setText(self.tr("Re&move"))
        self.up_button.setText(self.tr("Move &up"))
        self.down_button.setText(self.tr("Move &down"))
        self.table.blockSignals(True)
        for row in range(self.table.rowCount()):
            for column, choices in CHOICES.items():
                item = self.table.item(row, column)
                item.setText(choices.label(item.data(_VALUE)))
        self.table.blockSignals(False)
        self.validate()

    # -- values ------------------------------------------------------------------------

    def load(self, settings: Settings) -> None:
        self._show_rules([dict(rule) for rule in settings.app_rules if isinstance(rule, dict)])

    def changes(self) -> dict[str, object]:
        return {"app_rules": self.rules()}

    def rules(self) -> list[dict]:
        return [self._rule(row) for row in range(self.table.rowCount())]

    def _rule(self, row: int) -> dict:
        rule = dict(self.table.item(row, 0).data(_BASE) or {})
        for column, key in enumerate(KEYS):
            item = self.table.item(row, column)
            rule[key] = item.data(_VALUE) if column in CHOICES else item.text()
        return rule

    def _show_rules(self, rules: list[dict]) -> None:
        self.table.blockSignals(True)
        self.table.setRowCount(0)
        for row, rule in enumerate(rules):
            self.table.insertRow(row)
            for column, key in enumerate(KEYS):
                value = str(rule.get(key, NEW_RULE[key]))
                item = QTableWidgetItem()
                if column in CHOICES:
                    item.setData(_VALUE, value)
                    item.setText(CHOICES[column].label(value))
                else:
                    item.setText(value)
                self.table.setItem(row, column, item)
            self.table.item(row, 0).setData(_BASE, rule)
        self.table.blockSignals(False)
        self.validate()
        self._update_buttons()

    # -- editing -------------------------------------------------------------------------

    def add_rule(self) -> None:
        """A new last rule, its window class cell open for typing."""
        self._show_rules([*self.rules(), dict(NEW_RULE)])
        row = self.table.rowCount() - 1
        self.table.setFocus()
        self.table.setCurrentCell(row, 0)
        self.table.editItem(self.table.item(row, 0))

    def remove_rule(self) -> None:
        row = self.table.currentRow()
        if row >= 0:
            self.table.removeRow(row)
            self.table.setCurrentCell(min(row, self.table.rowCount() - 1), max(self.table.currentColumn(), 0))
            self.validate()
            self._update_buttons()

    def move_rule(self, step: int) -> None:
        """Move the current rule up (-1) or down (1): order decides which rule wins."""
        row, column = self.table.currentRow(), max(self.table.currentColumn(), 0)
        target = row + step
        if row < 0 or not 0 <= target < self.table.rowCount():
            return
        rules = self.rules()
        rules[row], rules[target] = rules[target], rules[row]
        self._show_rules(rules)
        self.table.setCurrentCell(target, column)

    def _update_buttons(self) -> None:
        row, count = self.table.currentRow(), self.table.rowCount()
        self.remove_button.setEnabled(0 <= row < count)
        self.up_button.setEnabled(0 < row < count)
        self.down_button.setEnabled(0 <= row < count - 1)

    # -- checking ------------------------------------------------------------------------

    def problems(self) -> list[tuple[int, int, str]]:
        """(row, column, message) for every pattern that cannot work."""
        found = []
        for row in range(self.table.rowCount()):
            patterns = [self.table.item(row, column).text() for column in PATTERN_COLUMNS]
            if not any(pattern.strip() for pattern in patterns):
                found.append((row, 0, self.tr("Rule {row} would match every window: give a window class or a title "
                                              "pattern.").format(row=row + 1)))
            for column, pattern in zip(PATTERN_COLUMNS, patterns, strict=True):
                try:
                    re.compile(pattern)
                except re.error as error:
                    message = (self.tr("Rule {row}: the window class pattern is not a valid regular expression "
                                       "({error}).") if column == 0 else
                               self.tr("Rule {row}: the title pattern is not a valid regular expression ({error})."))
                    found.append((row, column, message.format(row=row + 1, error=error)))
        return found

    def validate(self) -> None:
        """Flag each bad pattern in its cell, and say what the first problem is."""
        problems = self.problems()
        flagged = {(row, column): message for row, column, message in reversed(problems)}
        icon = self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning)
        self.table.blockSignals(True)
        for row in range(self.table.rowCount()):
            for column in PATTERN_COLUMNS:
                item = self.table.item(row, column)
                message = flagged.get((row, column), "")
                item.setToolTip(message or item.text())  # the whole pattern, which the column may elide
                item.setIcon(icon if message else QIcon())
        self.table.blockSignals(False)
        self.notice.show_message(problems[0][2] if problems else "", "error")

    def refusal(self) -> str | None:
        problems = self.problems()
        return problems[0][2] if problems else None

    def focus_problem(self) -> None:
        problems = self.problems()
        if problems:
            row, column, _message = problems[0]
            self.table.setFocus()
            self.table.setCurrentCell(row, column)

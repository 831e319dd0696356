"""The Applications tab: per-application insert rules, edited in a table.

Chat clients differ (terminals paste with Ctrl+Shift+V, some web clients send on
Ctrl+Enter), so each rule names windows by class, program (executable) and title patterns — regular
expressions, matched ignoring case — and the first rule that matches wins. What makes a
rule useless (a pattern that does not compile would silently never match) is
``assistant.replies.rules``' judgement, the same the app matches by; it is flagged in
its cell as it is typed and refused on save.

``RuleTable`` is the editable, ordered table itself (pattern columns typed as text,
choice columns picked from a list, add / remove / move, problems flagged in their
cells); the Conversations tab uses it for its title rules too.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from PySide6.QtCore import QAbstractItemModel, QModelIndex, Qt, Signal
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

from assistant.replies.rules import PATTERNS, Flaw, Purpose, RuleProblem, WindowRule
from assistant.settings import Settings
from ui.settings.widgets import MODES, PASTE_CHORDS, SEND_KEYS, ChoiceSet, Notice, SettingsPage

_VALUE = Qt.ItemDataRole.UserRole  # the stored value of a choice cell
_BASE = Qt.ItemDataRole.UserRole + 1  # the rule as loaded: keys this table does not show survive a save


@dataclass(frozen=True)
class Column:
    """One column of a rule table: the rule's key, its value in a new rule, and the
    choices offered (None: a regular expression typed as text, stretched)."""

    key: str
    default: str = ""
    choices: ChoiceSet | None = None


@dataclass(frozen=True)
class Problem:
    """What is wrong with one cell; a blocking problem refuses saving, the others advise."""

    row: int
    key: str
    message: str
    blocking: bool = True


def rule_problems(rules: Sequence[dict], purpose: Purpose,
                  describe: Callable[[int, RuleProblem], str]) -> list[Problem]:
    """The table's problems as the core judges each rule for ``purpose``, worded by the
    page (``describe`` gets the 1-based row number)."""
    return [Problem(row, problem.key, describe(row + 1, problem), problem.blocking)
            for row, rule in enumerate(rules)
            for problem in WindowRule(**{key: rule.get(key, "") for key in PATTERNS}).problems(purpose)]


class _ChoiceDelegate(QStyledItemDelegate):
    """A combo box for the choice columns; plain text editing for the patterns."""

    def __init__(self, columns: Sequence[Column], parent: QWidget):
        super().__init__(parent)
        self.columns = columns

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: QModelIndex) -> QWidget:
        choices = self.columns[index.column()].choices
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


class RuleTable(QWidget):
    """An ordered list of rules (dicts) edited in a table, with the buttons to add,
    remove and reorder them and a line naming the first problem.

    ``check(rules)`` says what is wrong; each problem is flagged in its cell as the user
    types. ``rulesChanged`` follows every edit. Keys a rule has beyond the columns
    survive editing and saving.
    """

    rulesChanged = Signal()

    def __init__(self, columns: Sequence[Column], check: Callable[[list[dict]], list[Problem]],
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.columns = tuple(columns)
        self.check = check
        self.table = QTableWidget(0, len(self.columns), self)
        self.table.setItemDelegate(_ChoiceDelegate(self.columns, self.table))
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setTabKeyNavigation(False)  # Tab leaves the table; arrows move inside it
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        for index, column in enumerate(self.columns):
            header.setSectionResizeMode(index, QHeaderView.ResizeMode.Stretch if column.choices is None
                                        else QHeaderView.ResizeMode.ResizeToContents)
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
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.notice)
        layout.addLayout(buttons)
        self.table.itemChanged.connect(self._edited)
        self.table.currentCellChanged.connect(self._update_buttons)
        self.retranslate()

    def retranslate(self) -> None:
        """Button texts and choice labels; the page sets the headers and then calls this."""
        self.add_button.setText(self.tr("&Add rule"))
        self.remove_button.setText(self.tr("Re&move"))
        self.up_button.setText(self.tr("Move &up"))
        self.down_button.setText(self.tr("Move &down"))
        self.table.blockSignals(True)
        for row in range(self.table.rowCount()):
            for index, column in enumerate(self.columns):
                if column.choices is not None:
                    item = self.table.item(row, index)
                    item.setText(column.choices.label(item.data(_VALUE)))
        self.table.blockSignals(False)
        self.validate()

    # -- values ------------------------------------------------------------------------

    def rules(self) -> list[dict]:
        return [self._rule(row) for row in range(self.table.rowCount())]

    def _rule(self, row: int) -> dict:
        rule = dict(self.table.item(row, 0).data(_BASE) or {})
        for index, column in enumerate(self.columns):
            item = self.table.item(row, index)
            value = item.data(_VALUE) if column.choices is not None else item.text()
            if column.key in rule or value != column.default:  # a rule saved before a column existed stays as it was
                rule[column.key] = value
        return rule

    def set_rules(self, rules: list[dict]) -> None:
        self.table.blockSignals(True)
        self.table.setRowCount(0)
        for row, rule in enumerate(rules):
            self.table.insertRow(row)
            for index, column in enumerate(self.columns):
                value = str(rule.get(column.key, column.default))
                item = QTableWidgetItem()
                if column.choices is not None:
                    item.setData(_VALUE, value)
                    item.setText(column.choices.label(value))
                else:
                    item.setText(value)
                self.table.setItem(row, index, item)
            self.table.item(row, 0).setData(_BASE, rule)
        self.table.blockSignals(False)
        self._edited()
        self._update_buttons()

    # -- editing -------------------------------------------------------------------------

    def add_rule(self) -> None:
        """A new last rule, its first cell open for typing."""
        self.set_rules([*self.rules(), {column.key: column.default for column in self.columns}])
        row = self.table.rowCount() - 1
        self.table.setFocus()
        self.table.setCurrentCell(row, 0)
        self.table.editItem(self.table.item(row, 0))

    def remove_rule(self) -> None:
        row = self.table.currentRow()
        if row >= 0:
            self.table.removeRow(row)
            self.table.setCurrentCell(min(row, self.table.rowCount() - 1), max(self.table.currentColumn(), 0))
            self._edited()
            self._update_buttons()

    def move_rule(self, step: int) -> None:
        """Move the current rule up (-1) or down (1): order decides which rule wins."""
        row, column = self.table.currentRow(), max(self.table.currentColumn(), 0)
        target = row + step
        if row < 0 or not 0 <= target < self.table.rowCount():
            return
        rules = self.rules()
        rules[row], rules[target] = rules[target], rules[row]
        self.set_rules(rules)
        self.table.setCurrentCell(target, column)

    def _update_buttons(self) -> None:
        row, count = self.table.currentRow(), self.table.rowCount()
        self.remove_button.setEnabled(0 <= row < count)
        self.up_button.setEnabled(0 < row < count)
        self.down_button.setEnabled(0 <= row < count - 1)

    def _edited(self) -> None:
        self.validate()
        self.rulesChanged.emit()

    # -- checking ------------------------------------------------------------------------

    def problems(self) -> list[Problem]:
        return self.check(self.rules())

    def validate(self) -> None:
        """Flag each problem in its cell, and say what the first one is (a blocking
        one before advice)."""
        problems = self.problems()
        keys = [column.key for column in self.columns]
        flagged: dict[tuple[int, int], Problem] = {}
        for problem in reversed(sorted(problems, key=lambda problem: not problem.blocking)):
            flagged[(problem.row, keys.index(problem.key))] = problem
        error = self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxCritical)
        warning = self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning)
        self.table.blockSignals(True)
        for row in range(self.table.rowCount()):
            for index, column in enumerate(self.columns):
                if column.choices is not None:
                    continue
                item = self.table.item(row, index)
                problem = flagged.get((row, index))
                item.setToolTip(problem.message if problem else item.text())  # the whole pattern, maybe elided
                item.setIcon(QIcon() if problem is None else error if problem.blocking else warning)
        self.table.blockSignals(False)
        first = self.first_problem()
        self.notice.show_message(first.message if first else "", "error" if first and first.blocking else "warning")

    def first_problem(self) -> Problem | None:
        problems = sorted(self.problems(), key=lambda problem: not problem.blocking)
        return problems[0] if problems else None

    def refusal(self) -> str | None:
        first = self.first_problem()
        return first.message if first and first.blocking else None

    def focus_problem(self) -> None:
        first = self.first_problem()
        if first is not None:
            self.table.setFocus()
            self.table.setCurrentCell(first.row, [column.key for column in self.columns].index(first.key))


COLUMNS = (Column("window_class"), Column("executable"), Column("title"), Column("mode", "paste", MODES),
           Column("paste_chord", "ctrl+v", PASTE_CHORDS), Column("send_key", "return", SEND_KEYS))


class RulesPage(SettingsPage):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.intro = QLabel(self)
        self.intro.setWordWrap(True)
        self.editor = RuleTable(COLUMNS, self.problems, self)
        self.table, self.notice = self.editor.table, self.editor.notice
        self.add_button, self.remove_button = self.editor.add_button, self.editor.remove_button
        self.up_button, self.down_button = self.editor.up_button, self.editor.down_button
        self.table_label = QLabel(self)
        self.table_label.setBuddy(self.table)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(self.table_label)
        layout.addWidget(self.editor, 1)
        self.retranslate()

    def title(self) -> str:
        return self.tr("A&pplications")

    def retranslate(self) -> None:
        self.intro.setText(self.tr("The first rule whose patterns match the chat window decides how a reply goes "
                                   "in. Patterns are regular expressions, matched ignoring case; an empty pattern "
                                   "matches any window."))
        self.table_label.setText(self.tr("Ru&les:"))
        self.table.setHorizontalHeaderLabels([self.tr("Window class"), self.tr("Program"), self.tr("Title"),
                                              self.tr("Insert by"), self.tr("Paste chord"), self.tr("Send key")])
        self.table.horizontalHeaderItem(0).setToolTip(self.tr("The program's window class, e.g. AliWorkBench|WeChat"))
        self.table.horizontalHeaderItem(1).setToolTip(self.tr(
            "The program's file name, e.g. AliWorkBench.exe|Doudian.exe: on Windows many chat programs share "
            "one window class (every Chromium or Electron window is Chrome_WidgetWin_1)"))
        self.table.horizontalHeaderItem(2).setToolTip(self.tr("Words in the window title, e.g. 千牛|接待"))
        self.editor.retranslate()

    # -- values ------------------------------------------------------------------------

    def load(self, settings: Settings) -> None:
        self.editor.set_rules([dict(rule) for rule in settings.app_rules if isinstance(rule, dict)])

    def changes(self) -> dict[str, object]:
        return {"app_rules": self.rules()}

    def rules(self) -> list[dict]:
        return self.editor.rules()

    def add_rule(self) -> None:
        self.editor.add_rule()

    # -- checking ------------------------------------------------------------------------

    def problems(self, rules: list[dict]) -> list[Problem]:
        return rule_problems(rules, Purpose.APP, self._describe)

    def _describe(self, row: int, problem: RuleProblem) -> str:
        if problem.flaw is Flaw.EVERY_WINDOW:
            return self.tr("Rule {row} would match every window: give a window class, program or title "
                           "pattern.").format(row=row)
        message = {
            "window_class": self.tr("Rule {row}: the window class pattern is not a valid regular expression "
                                    "({error})."),
            "executable": self.tr("Rule {row}: the program pattern is not a valid regular expression ({error})."),
        }.get(problem.key, self.tr("Rule {row}: the title pattern is not a valid regular expression ({error})."))
        return message.format(row=row, error=problem.error)

    def validate(self) -> None:
        self.editor.validate()

    def refusal(self) -> str | None:
        return self.editor.refusal()

    def focus_problem(self) -> None:
        self.editor.focus_problem()

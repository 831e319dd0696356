"""The Conversations tab: the 3-to-5 quick replies rule and how a chat window names
its conversation.

Limits: from the soft limit on a gentle notice suggests typing; past the hard limit the
chosen policy applies (warn, ask, block), so the hard limit may not be below the soft
one. The same reply twice to one buyer in one conversation is asked about, unless
turned off here. The new-conversation hotkey is checked with the Hotkeys tab's (the window lends
it to that tab with ``HotkeysPage.adopt``). Title rules are edited in the same table
as the application rules, and a tester shows, as the user types, the conversation key
``assistant.replies.conversations.conversation_key`` gives a window class, program and title
with the rules in the table — the very function the app uses when a reply goes in.
A line under the limits says whether response times (how long buyers wait, read from
the unread counters in chat titles) can be measured here, and if not, why.
"""

from __future__ import annotations

import re

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from assistant.desktop.base import WindowInfo
from assistant.desktop.session import SessionKind
from assistant.replies.conversations import POLICIES, conversation_key
from assistant.replies.rules import Flaw, Purpose, RuleProblem
from assistant.settings import Settings
from ui.settings.pages import _buddy, _form, _spin, _with_notice
from ui.settings.rules import Column, Problem, RuleTable, rule_problems
from ui.settings.widgets import Notice, SettingsPage
from ui.widgets.hotkey_edit import HotkeyEdit

COLUMNS = (Column("window_class"), Column("executable"), Column("title"))
SPINS = ("soft_limit", "hard_limit", "idle_minutes", "conversation_retention_days")


class ConversationsPage(SettingsPage):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.soft_spin = _spin(self, 1, 99)
        self.hard_spin = _spin(self, 1, 99)
        self.limits_notice = Notice(self)
        self.policy_buttons = {policy: QRadioButton(self) for policy in POLICIES}
        self.policy_notes = {policy: QLabel(self) for policy in POLICIES}
        self.policy_group = QButtonGroup(self)
        for button in self.policy_buttons.values():
            self.policy_group.addButton(button)
        self.repeat_box = QCheckBox(self)
        self.idle_spin = _spin(self, 1, 480, 5)
        self.retention_spin = _spin(self, 7, 3650, 30)
        self.hotkey_edit = HotkeyEdit(self)
        self.hotkey_notice = Notice(self)
        self.chat_programs_edit = QLineEdit(self)
        self.chat_programs_edit.setClearButtonEnabled(True)
        self.chat_programs_notice = Notice(self)
        self.chat_programs_edit.textChanged.connect(self.check_chat_programs)
        self.spins = dict(zip(SPINS, (self.soft_spin, self.hard_spin, self.idle_spin, self.retention_spin),
                              strict=True))
        self._loaded: dict[str, int] = {}
        for spin in (self.soft_spin, self.hard_spin, self.idle_spin):
            spin.valueChanged.connect(self._suffixes)

        self.labels = {name: _buddy(self, spin) for name, spin in self.spins.items()}
        self.labels["policy"] = QLabel(self)
        self.labels["hotkey"] = _buddy(self, self.hotkey_edit)
        self.labels["chat_programs"] = _buddy(self, self.chat_programs_edit)
        policies = QGridLayout()
        policies.setContentsMargins(0, 0, 0, 0)
        for row, policy in enumerate(POLICIES):
            self.policy_notes[policy].setEnabled(False)  # the explanation reads as secondary text
            policies.addWidget(self.policy_buttons[policy], row, 0)
            policies.addWidget(self.policy_notes[policy], row, 1)
        policies.setColumnStretch(1, 1)
        form = _form()
        form.addRow(self.labels["soft_limit"], self.soft_spin)
        hard = _with_notice(self.hard_spin, self.limits_notice)
        hard.setAlignment(self.hard_spin, Qt.AlignmentFlag.AlignLeft)  # a spin box keeps its natural width
        form.addRow(self.labels["hard_limit"], hard)
        form.addRow(self.labels["policy"], policies)
        form.addRow("", self.repeat_box)
        form.addRow(self.labels["idle_minutes"], self.idle_spin)
        form.addRow(self.labels["conversation_retention_days"], self.retention_spin)
        form.addRow(self.labels["hotkey"], _with_notice(self.hotkey_edit, self.hotkey_notice))
        form.addRow(self.labels["chat_programs"], _with_notice(self.chat_programs_edit, self.chat_programs_notice))
        self.response_times = QLabel(self)
        self.response_times.setWordWrap(True)
        self._response_times: tuple[SessionKind, bool, bool] = ("none", False, False)

        self.rules_intro = QLabel(self)
        self.rules_intro.setWordWrap(True)
        self.editor = RuleTable(COLUMNS, self.problems, self)
        self.table = self.editor.table
        self.rules_label = _buddy(self, self.table)
        self.test_class_edit = QLineEdit(self)
        self.test_program_edit = QLineEdit(self)
        self.test_title_edit = QLineEdit(self)
        for edit in (self.test_class_edit, self.test_program_edit, self.test_title_edit):
            edit.setClearButtonEnabled(True)
            edit.textChanged.connect(self.update_test)
        self.test_label = _buddy(self, self.test_title_edit)
        self.test_result = QLabel(self)
        self.test_result.setWordWrap(True)
        self.test_result.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        tester = QHBoxLayout()
        tester.addWidget(self.test_label)
        tester.addWidget(self.test_class_edit, 1)
        tester.addWidget(self.test_program_edit, 1)
        tester.addWidget(self.test_title_edit, 2)

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.response_times)
        layout.addWidget(self.rules_label)
        layout.addWidget(self.rules_intro)
        layout.addWidget(self.editor, 1)
        layout.addLayout(tester)
        layout.addWidget(self.test_result)

        self.soft_spin.valueChanged.connect(self.check_limits)
        self.hard_spin.valueChanged.connect(self.check_limits)
        self.editor.rulesChanged.connect(self.update_test)
        self.retranslate()

    def title(self) -> str:
        return self.tr("Con&versations")

    def _suffixes(self) -> None:
        """English says "1 minute" but "5 minutes": the unit follows the value."""
        for spin in (self.soft_spin, self.hard_spin):
            spin.setSuffix(self.tr(" quick reply") if spin.value() == 1 else self.tr(" quick replies"))
        self.idle_spin.setSuffix(self.tr(" minute") if self.idle_spin.value() == 1 else self.tr(" minutes"))

    def retranslate(self) -> None:
        self.labels["soft_limit"].setText(self.tr("S&oft limit:"))
        self.labels["hard_limit"].setText(self.tr("Ha&rd limit:"))
        self.labels["policy"].setText(self.tr("Past the hard limit:"))
        self.labels["idle_minutes"].setText(self.tr("Idle &time that ends a conversation:"))
        self.labels["conversation_retention_days"].setText(self.tr("&Keep the history for:"))
        self.labels["hotkey"].setText(self.tr("&New conversation hotkey:"))
        self.labels["chat_programs"].setText(self.tr("Chat pro&grams (response times):"))
        self.chat_programs_edit.setToolTip(self.tr(
            "Only these programs' unread counters count as buyers waiting: a regular expression for the "
            "window class or the program's file name, matched ignoring case. Browsers are not in it, as most "
            "tabs with a counter are mail or news; add yours (e.g. |chrome) if your chat console runs in one."))
        self._suffixes()
        self.soft_spin.setToolTip(self.tr("From this quick reply in one conversation on, a gentle notice "
                                          "suggests typing the answer."))
        self.hard_spin.setToolTip(self.tr("More quick replies than this in one conversation meet the policy "
                                          "below."))
        self.idle_spin.setToolTip(self.tr("With no quick reply in a chat for this long, the next one starts a new "
                                          "conversation (the count goes back to 0)."))
        self.repeat_box.setText(self.tr("Ask before the same reply goes to the sa&me buyer twice in one "
                                        "conversation"))
        self.repeat_box.setToolTip(self.tr("Rows already sent are marked in the picker either way. Windows "
                                           "whose title does not tell buyers apart are never asked about."))
        self.retention_spin.setSuffix(self.tr(" days"))
        self.retention_spin.setToolTip(self.tr("Conversations and their counts older than this are forgotten. "
                                               "No reply text is ever kept."))
        self.hotkey_edit.setToolTip(self.tr("Starts a new conversation in the active chat window: the count goes "
                                            "back to 0."))
        for policy, (text, note) in {
                "warn": (self.tr("&Warn only"), self.tr("The reply goes in, with a warning.")),
                "confirm": (self.tr("Ask to con&firm"), self.tr("You are asked before the reply goes in.")),
                "block": (self.tr("&Block"), self.tr("The reply does not go in; type it yourself.")),
        }.items():
            self.policy_buttons[policy].setText(text)
            self.policy_notes[policy].setText(note)
        self.rules_label.setText(self.tr("Title rul&es:"))
        self.rules_intro.setText(self.tr("Which buyer a chat window is about: the first rule whose patterns "
                                         "match names the conversation. Unread counters such as “(3)” are "
                                         "removed from the title first."))
        self.table.setHorizontalHeaderLabels([self.tr("Window class"), self.tr("Program"), self.tr("Title")])
        self.table.horizontalHeaderItem(0).setToolTip(self.tr(
            "A regular expression for the program's window class, matched ignoring case, e.g. qianniu|wechat; "
            "empty matches every program."))
        self.table.horizontalHeaderItem(1).setToolTip(self.tr(
            "A regular expression for the program's file name, matched ignoring case, e.g. aliworkbench\\.exe; "
            "empty matches every program. On Windows it tells apart programs that share a window class."))
        self.table.horizontalHeaderItem(2).setToolTip(self.tr(
            "A regular expression for the window title, matched ignoring case, e.g. ^(?P<who>.+?) - 接待. "
            "Its (?P<who>…) group is the buyer's name or chat id. A pattern without that group is skipped: "
            "the rule never applies. When no rule applies, the whole title names the conversation."))
        self.editor.retranslate()
        self.test_label.setText(self.tr("Test a tit&le:"))
        self.test_class_edit.setPlaceholderText(self.tr("Window class, e.g. AliWorkBench"))
        self.test_program_edit.setPlaceholderText(self.tr("Program, e.g. AliWorkBench.exe"))
        self.test_title_edit.setPlaceholderText(self.tr("Window title, e.g. (2) Jane Doe - Live chat"))
        self.check_limits()
        self.update_test()
        self.response_times.setText(self.response_times_text(*self._response_times))

    def show_response_times(self, kind: SessionKind, watched: bool, counter_seen: bool) -> None:
        """What the app knows about measuring response times here: the kind of desktop,
        whether every window's title is followed, and whether any title seen had an
        unread counter."""
        self._response_times = (kind, watched, counter_seen)
        self.response_times.setText(self.response_times_text(kind, watched, counter_seen))

    def response_times_text(self, kind: SessionKind, watched: bool, counter_seen: bool) -> str:
        """Where response times cannot work, why; where they can, where they come from."""
        if kind == "wayland":
            return self.tr("Response times are not available on Wayland: QuickReply cannot see the titles of "
                           "other programs' windows there.")
        if not watched:
            return self.tr("Response times are not measured on this desktop: QuickReply cannot follow the "
                           "titles of the chat windows here.")
        if not counter_seen:
            return self.tr("Response times need a chat window whose title shows unread messages, such as "
                           "“(3) Jane Doe” or “[2条新消息]”. No title of a chat program's window (above) seen since "
                           "QuickReply started has such a counter.")
        return self.tr("Response times are measured from the unread counters in chat window titles, such as "
                       "“(3)”: from a buyer's first unread message to your reply, or until you read it.")

    # -- values ------------------------------------------------------------------------

    def load(self, settings: Settings) -> None:
        self._loaded = {name: getattr(settings, name) for name in SPINS}
        for name, spin in self.spins.items():
            spin.setValue(self._loaded[name])
        policy = settings.limit_policy if settings.limit_policy in POLICIES else "warn"
        self.policy_buttons[policy].setChecked(True)
        self.repeat_box.setChecked(settings.warn_repeated_reply)
        self.hotkey_edit.setHotkey(settings.new_conversation_hotkey)
        self.chat_programs_edit.setText(settings.chat_programs)
        self.chat_programs_edit.setCursorPosition(0)  # the workbenches first, not the pattern's tail
        self.editor.set_rules([dict(rule) for rule in settings.title_rules if isinstance(rule, dict)])
        self.check_limits()

    def changes(self) -> dict[str, object]:
        values: dict[str, object] = {}
        for name, spin in self.spins.items():
            loaded = self._loaded.get(name)
            # A stored value outside the box's range (idle 0 = never) survives unless changed.
            unchanged = loaded is not None and spin.value() == max(spin.minimum(), min(loaded, spin.maximum()))
            values[name] = loaded if unchanged else spin.value()
        values["limit_policy"] = self.policy()
        values["warn_repeated_reply"] = self.repeat_box.isChecked()
        values["new_conversation_hotkey"] = self.hotkey_edit.hotkey()
        values["chat_programs"] = self.chat_programs_edit.text().strip()
        values["title_rules"] = self.editor.rules()
        return values

    def policy(self) -> str:
        return next((policy for policy, button in self.policy_buttons.items() if button.isChecked()), "warn")

    # -- checking ------------------------------------------------------------------------

    def limits_problem(self) -> str | None:
        soft, hard = self.soft_spin.value(), self.hard_spin.value()
        if hard < soft:
            return self.tr("The hard limit ({hard}) cannot be below the soft limit ({soft}).").format(
                hard=hard, soft=soft)
        return None

    def check_limits(self) -> None:
        self.limits_notice.show_message(self.limits_problem() or "", "error")

    def chat_programs_problem(self) -> str | None:
        try:
            re.compile(self.chat_programs_edit.text().strip())
        except re.error as error:
            return self.tr("The chat programs pattern is not a valid regular expression ({error}).").format(
                error=error)
        return None

    def check_chat_programs(self) -> None:
        self.chat_programs_notice.show_message(self.chat_programs_problem() or "", "error")

    def problems(self, rules: list[dict]) -> list[Problem]:
        """Patterns that cannot work (refused) and title patterns the key never uses (advice)."""
        return rule_problems(rules, Purpose.TITLE, self._describe)

    def _describe(self, row: int, problem: RuleProblem) -> str:
        if problem.flaw is Flaw.NO_TITLE:
            return self.tr("Title rule {row} has no title pattern, so it never applies.").format(row=row)
        if problem.flaw is Flaw.NO_WHO:
            return self.tr("Title rule {row} has no (?P<who>…) group, so it never applies.").format(row=row)
        message = {
            "window_class": self.tr("Title rule {row}: the window class pattern is not a valid regular "
                                    "expression ({error})."),
            "executable": self.tr("Title rule {row}: the program pattern is not a valid regular expression "
                                  "({error})."),
        }.get(problem.key, self.tr("Title rule {row}: the title pattern is not a valid regular expression "
                                   "({error})."))
        return message.format(row=row, error=problem.error)

    def refusal(self) -> str | None:
        if self.limits_problem():
            return self.limits_problem()
        if self.hotkey_notice.severity == "error":
            return self.hotkey_notice.message()
        if self.chat_programs_problem():
            return self.chat_programs_problem()
        return self.editor.refusal()

    def focus_problem(self) -> None:
        if self.limits_problem():
            self.hard_spin.setFocus()
        elif self.hotkey_notice.severity == "error":
            self.hotkey_edit.setFocus()
        elif self.chat_programs_problem():
            self.chat_programs_edit.setFocus()
        else:
            self.editor.focus_problem()

    # -- the tester --------------------------------------------------------------------

    def test_key(self) -> str:
        """The conversation key of the typed class, program and title under the table's rules."""
        window = WindowInfo(0, self.test_class_edit.text(), self.test_title_edit.text(), None,
                            self.test_program_edit.text())
        return conversation_key(window, self.editor.rules())

    def update_test(self) -> None:
        if not self.test_title_edit.text().strip():
            self.test_result.setText(self.tr("Type a window title to see which conversation it belongs to."))
            return
        self.test_result.setText(self.tr("Conversation: {key}").format(key=self.test_key()))

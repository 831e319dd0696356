"""The result of one drill: whether it counts toward the goal (and if not, which of the
lead's conditions it missed), the speed large, the other figures beside it, and a few
plain sentences on *why* the speed is what it is.

The "why" uses the levers Chinese typing trainers coach with (docs/typing-metrics.md):
码长 (keys per committed character) against the text's ideal says whether the trainee
types single characters where words or phrases would do; 击键 (keys per second) against
what the goal needs at the ideal 码长 says whether the fingers are the limit; 回改
(corrections after commit) and accuracy say whether speed is lost to mistakes.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from assistant.drills.goal import INACCURATE, TOO_SHORT, GoalRules, missed_conditions, reaches_goal
from assistant.drills.session import DrillResult
from ui.drills.heatmap import KeyboardHeatmap
from ui.drills.run import clock_text, visible
from ui.widgets.figures import headline

#: 码长 this far over the ideal means the input method is used character by character.
CODE_LENGTH_SLACK = 1.3
#: More corrections than this share of the characters: slow down for accuracy.
CORRECTION_SHARE = 0.08
ACCURACY_FLOOR = 0.95
VERDICT_STYLE = "color:{colour}; background:{background}; padding:6px; border:1px solid {colour}; border-radius:4px;"
#: How many characters or words the slowest / most-missed lists show.
SHOWN_CHARACTERS = 5


class DrillResultPage(QWidget):
    againRequested = Signal()
    adaptiveRequested = Signal()
    backRequested = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.result: DrillResult | None = None
        self.rules = GoalRules()
        self.goal_reached_now = False
        self.banner = QLabel(self, wordWrap=True)
        self.banner.setStyleSheet("background:#dafbe1; color:#1a7f37; font-weight:bold; padding:8px;"
                                  "border:1px solid #1a7f37; border-radius:4px;")
        self.banner.setAlignment(Qt.AlignmentFlag.AlignCenter)
        #: Whether the drill counts toward the goal, and why not.
        self.verdict = QLabel(self, wordWrap=True)
        self.verdict.setObjectName("goalVerdict")
        self.verdict.setTextFormat(Qt.TextFormat.RichText)
        self.speed = QLabel(self)
        font = self.speed.font()
        font.setPointSizeF(font.pointSizeF() * 3.2)
        font.setBold(True)
        self.speed.setFont(font)
        self.speed_caption = QLabel(self)
        #: Beside the speed for Latin text, never instead of it.
        self.wpm = QLabel(self)
        self.captions, self.values = headline(self, ("raw", "accuracy", "uncorrected", "corrections", "time", "wall",
                                                     "pauses", "consistency", "keys_per_second", "code_length"))
        self.why_caption = QLabel(self)
        self.why = QLabel(self, wordWrap=True)
        self.why.setTextFormat(Qt.TextFormat.RichText)
        self.characters = QLabel(self, wordWrap=True)
        self.words = QLabel(self, wordWrap=True)
        self.keys_caption = QLabel(self, wordWrap=True)
        self.heatmap = KeyboardHeatmap(self)
        self.again_button = QPushButton(self)
        self.adaptive_button = QPushButton(self)
        self.back_button = QPushButton(self)
        self.again_button.setDefault(True)

        grid = QGridLayout()
        grid.setHorizontalSpacing(24)
        for index, name in enumerate(self.captions):
            row, column = divmod(index, 2)
            grid.addWidget(self.captions[name], row, column * 2)
            grid.addWidget(self.values[name], row, column * 2 + 1)
        grid.setColumnStretch(1, 1)
        grid.setColumnStretch(3, 1)
        speed_column = QVBoxLayout()
        speed_column.addWidget(self.speed, 0, Qt.AlignmentFlag.AlignHCenter)
        speed_column.addWidget(self.speed_caption, 0, Qt.AlignmentFlag.AlignHCenter)
        speed_column.addWidget(self.wpm, 0, Qt.AlignmentFlag.AlignHCenter)
        top = QHBoxLayout()
        top.addLayout(speed_column, 1)
        top.addLayout(grid, 3)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        for button in (self.again_button, self.adaptive_button, self.back_button):
            buttons.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.banner)
        layout.addWidget(self.verdict)
        layout.addLayout(top)
        layout.addWidget(self.why_caption)
        layout.addWidget(self.why)
        layout.addWidget(self.characters)
        layout.addWidget(self.words)
        layout.addWidget(self.keys_caption)
        layout.addWidget(self.heatmap)
        layout.addStretch(1)
        layout.addLayout(buttons)

        self.again_button.clicked.connect(self.againRequested.emit)
        self.adaptive_button.clicked.connect(self.adaptiveRequested.emit)
        self.back_button.clicked.connect(self.backRequested.emit)
        self.retranslate()

    def retranslate(self) -> None:
        names = {
            "raw": self.tr("Raw speed (all characters)"),
            "accuracy": self.tr("Accuracy"), "uncorrected": self.tr("Uncorrected errors"),
            "consistency": self.tr("Consistency (speed variation)"), "time": self.tr("Active time / wall time"),
            "wall": self.tr("Speed by the wall clock"),
            "pauses": self.tr("Pauses"), "keys_per_second": self.tr("Keystrokes per second"),
            "code_length": self.tr("Keystrokes per character (ideal)"),
            "corrections": self.tr("Corrections after commit"),
        }
        for name, text in names.items():
            self.captions[name].setText(text)
        self.speed_caption.setText(self.tr("correct characters per minute"))
        self.why_caption.setText(self.tr("<b>Why this speed</b>"))
        self.again_button.setText(self.tr("&Again"))
        self.adaptive_button.setText(self.tr("Practise &weak characters"))
        self.back_button.setText(self.tr("&Back"))
        if self.result is not None:
            self.show_result(self.result, self.rules, self.goal_reached_now)

    def show_result(self, result: DrillResult, rules: GoalRules, goal_reached_now: bool) -> None:
        """``goal_reached_now``: this drill is the first that counts at or over the goal."""
        self.result, self.rules, self.goal_reached_now = result, rules, goal_reached_now
        counted = not missed_conditions(result, rules)
        self.verdict.setText(self.verdict_text(result, rules))
        self.verdict.setStyleSheet(VERDICT_STYLE.format(colour="#1a7f37" if counted else "#9a6700",
                                                        background="#f0fff4" if counted else "#fff8e5"))
        self.banner.setText(self.tr("Goal reached: {speed:.0f} characters per minute! You are ready for the "
                                    "queue.").format(speed=result.net_cpm))
        self.banner.setVisible(goal_reached_now)
        self.speed.setText(f"{result.net_cpm:.0f}")
        self.values["raw"].setText(f"{result.raw_cpm:.0f}")
        self.wpm.setText(self.tr("{wpm:.0f} words per minute (characters ÷ 5)").format(wpm=result.wpm or 0))
        self.wpm.setVisible(result.wpm is not None)
        self.values["accuracy"].setText(f"{result.accuracy * 100:.1f}%")
        self.values["uncorrected"].setText(str(result.uncorrected_errors))
        self.values["consistency"].setText(f"{result.consistency * 100:.0f}%")
        self.values["time"].setText(f"{clock_text(result.active_seconds)} / {clock_text(result.wall_seconds)}")
        self.values["wall"].setText(f"{result.wall_cpm:.0f}")
        paused = sum(pause["seconds"] for pause in result.pauses)
        self.values["pauses"].setText(self.tr("{count}, {seconds:.0f} s left out").format(
            count=len(result.pauses), seconds=paused) if result.pauses else self.tr("none"))
        self.values["keys_per_second"].setText(f"{result.keystrokes_per_second:.1f}")
        self.values["code_length"].setText(f"{result.keystrokes_per_char:.2f} ({result.ideal_keystrokes_per_char:.2f})")
        self.values["corrections"].setText(str(result.corrections))
        self.why.setText("<br>".join(f"• {line}" for line in self.reasons(result, rules)))
        slow, missed = slowest_and_missed(result.char_stats)
        self.characters.setText(self.tr("Slowest: {slow}\nMost missed: {missed}").format(slow=slow, missed=missed))
        slow, missed = slowest_and_missed(result.word_stats)
        self.words.setText(self.tr("Slowest words: {slow}\nMost-missed words: {missed}").format(
            slow=slow, missed=missed))
        self.words.setVisible(bool(result.word_stats))  # a text without words, or a drill from before words
        slow, missed = slowest_and_missed(result.key_stats)
        caption = (self.tr("<b>Pinyin keys</b> — slowest: {slow}; most missed: {missed}") if result.language == "zh"
                   else self.tr("<b>Keys</b> — slowest: {slow}; most missed: {missed}"))
        self.keys_caption.setText(f"{caption.format(slow=slow, missed=missed)}<br>{self.heatmap.legend()}")
        self.heatmap.set_stats(result.key_stats)
        for widget in (self.keys_caption, self.heatmap):
            widget.setVisible(bool(result.key_stats))  # no keys read (an IME showing Chinese), or an old drill
        self.adaptive_button.setEnabled(bool(result.char_stats or result.word_stats))

    def verdict_text(self, result: DrillResult, rules: GoalRules) -> str:
        """Whether the drill counts toward the goal; when not, each condition it missed."""
        missed = missed_conditions(result, rules)
        if not missed:
            if reaches_goal(result, rules):
                return self.tr("<b>This drill counts toward your goal</b> and reaches it: {speed:.0f} of "
                               "{goal} characters per minute.").format(speed=result.net_cpm, goal=rules.goal_cpm)
            return self.tr("<b>This drill counts toward your goal</b>: {more:.0f} characters per minute more to "
                           "reach {goal}.").format(more=rules.goal_cpm - result.net_cpm, goal=rules.goal_cpm)
        lines = []
        if TOO_SHORT in missed:
            lines.append(self.tr("it is too short: {characters} characters in {time}; a drill needs at least "
                                 "{min_characters} characters or {min_time} of typing.").format(
                characters=result.characters, time=clock_text(result.active_seconds),
                min_characters=rules.min_characters, min_time=clock_text(rules.min_seconds)))
        if INACCURATE in missed:
            lines.append(self.tr("the accuracy of {accuracy:.1f}% is under the {floor:.0f}% it needs.").format(
                accuracy=result.accuracy * 100, floor=rules.min_accuracy * 100))
        return self.tr("<b>This drill does not count toward your goal</b>, whatever its speed:") + "".join(
            f"<br>• {line}" for line in lines)

    def reasons(self, result: DrillResult, rules: GoalRules) -> list[str]:
        """Plain sentences on what holds the speed back, most important first."""
        reasons: list[str] = []
        goal = rules.goal_cpm
        if reaches_goal(result, rules):
            reasons.append(self.tr("At or over your goal of {goal} characters per minute. Keep the accuracy "
                                   "up.").format(goal=goal))
        ideal = result.ideal_keystrokes_per_char
        if result.language == "zh" and result.characters and result.keystrokes_per_char > ideal * CODE_LENGTH_SLACK:
            reasons.append(self.tr("{actual:.1f} keystrokes per character is far above the ideal {ideal:.1f}: you "
                                   "spend keys choosing candidates. Type whole words and phrases instead of "
                                   "single characters.").format(actual=result.keystrokes_per_char, ideal=ideal))
        needed = goal * ideal / 60
        if result.net_cpm < goal and result.keystrokes and result.keystrokes_per_second < needed:
            reasons.append(self.tr("{actual:.1f} keystrokes per second; the goal needs about {needed:.1f} at the "
                                   "ideal keystrokes per character. Finger practice (home row, touch typing) "
                                   "will lift it.").format(
                                       actual=result.keystrokes_per_second, needed=needed))
        if result.characters and result.corrections > result.characters * CORRECTION_SHARE:
            reasons.append(self.tr("{count} corrections after commit: each one costs the deleted characters and "
                                   "the time to type them again. Slow down a little for accuracy.").format(
                                       count=result.corrections))
        elif result.accuracy < ACCURACY_FLOOR:
            reasons.append(self.tr("Accuracy under {floor:.0f}%: mistakes cost more speed than they save. Slow "
                                   "down a little.").format(floor=ACCURACY_FLOOR * 100))
        if result.pauses:
            paused = (self.tr("You paused once; pauses are left out of the speed but show in the wall-clock figure.")
                      if len(result.pauses) == 1 else
                      self.tr("You paused {count} times; pauses are left out of the speed but show in the "
                              "wall-clock figure."))
            reasons.append(paused.format(count=len(result.pauses)))
        if not reasons:
            reasons.append(self.tr("Even typing without an obvious weak spot: more practice will lift the "
                                   "speed."))
        return reasons


def slowest_and_missed(stats: dict[str, dict]) -> tuple[str, str]:
    """The slowest and the most-missed entries of a drill's ``char_stats`` or
    ``word_stats`` as short lines ("货 1.2s  邮 0.9s", "货 ×2"), "–" for none. Slowest
    goes by time per character, so a long word is not slow for its length alone."""
    slowest = sorted((text for text in stats if text.strip() and stats[text]["ms"] > 0),
                     key=lambda text: -stats[text]["ms"] / len(text))[:SHOWN_CHARACTERS]
    missed = sorted((text for text in stats if stats[text]["missed"]),
                    key=lambda text: -stats[text]["missed"])[:SHOWN_CHARACTERS]
    return ("  ".join(f"{visible(text)} {stats[text]['ms'] / 1000:.1f}s" for text in slowest) or "–",
            "  ".join(f"{visible(text)} ×{stats[text]['missed']}" for text in missed) or "–")

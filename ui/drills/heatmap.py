"""A keyboard heatmap: the letter keys on a QWERTY layout, each coloured by how weak it is.

Drawn with QPainter, so it costs no chart library and scales with the widget: white for
a key that is fine, through amber to red for the weakest (``assistant.drills.keys.key_heat``:
missed often or typed slowly), grey for a key the drills did not use. Each key shows
its miss rate when it was missed; its tooltip gives every figure. The result page shows one drill's keys,
the Progress tab all the drills of a language.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QHelpEvent, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QSizePolicy, QToolTip, QWidget

from assistant.drills.keys import key_heat

#: The letter rows, each shifted right by this many key widths, as on a keyboard.
ROWS = (("qwertyuiop", 0.0), ("asdfghjkl", 0.25), ("zxcvbnm", 0.75))
COLUMNS = 10.75
GAP = 0.08
COOL, WARM, HOT = QColor("#ffffff"), QColor("#f2a900"), QColor("#d62728")
UNUSED = QColor("#eaeef2")


def heat_colour(heat: float) -> QColor:
    """White at 0, amber at 0.5, red at 1."""
    low, high, share = (COOL, WARM, heat * 2) if heat <= 0.5 else (WARM, HOT, heat * 2 - 1)
    return QColor.fromRgbF(*(a + (b - a) * share for a, b in zip(low.getRgbF()[:3], high.getRgbF()[:3],
                                                                 strict=True)))


class KeyboardHeatmap(QWidget):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("keyHeatmap")
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.stats: dict[str, dict] = {}
        self.heat: dict[str, float] = {}

    def set_stats(self, stats: dict[str, dict]) -> None:
        """Show a key table (``DrillResult.key_stats`` or several merged)."""
        self.stats = stats
        self.heat = key_heat(stats)
        self.update()

    def sizeHint(self) -> QSize:
        unit = self.fontMetrics().height() * 2.8
        return QSize(int(unit * COLUMNS), int(unit * len(ROWS)))

    def minimumSizeHint(self) -> QSize:
        unit = self.fontMetrics().height() * 1.6
        return QSize(int(unit * COLUMNS), int(unit * len(ROWS)))

    def key_rects(self) -> dict[str, QRectF]:
        """Where each key is drawn, in widget coordinates (for painting and tooltips)."""
        unit = min(self.width() / COLUMNS, self.height() / len(ROWS))
        left = (self.width() - unit * COLUMNS) / 2
        rects = {}
        for row, (letters, shift) in enumerate(ROWS):
            for column, letter in enumerate(letters):
                rects[letter] = QRectF(left + (column + shift + GAP / 2) * unit, (row + GAP / 2) * unit,
                                       unit * (1 - GAP), unit * (1 - GAP))
        return rects

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        rects = self.key_rects()
        unit = next(iter(rects.values())).height()
        letter_font, figure_font = QFont(self.font()), QFont(self.font())
        letter_font.setPixelSize(max(int(unit * 0.36), 8))
        letter_font.setBold(True)
        figure_font.setPixelSize(max(int(unit * 0.22), 7))
        for letter, rect in rects.items():
            entry = self.stats.get(letter)
            used = bool(entry and entry["seen"])
            heat = self.heat.get(letter, 0.0)
            painter.setPen(QPen(QColor("#8c959f"), 1))
            painter.setBrush(heat_colour(heat) if used else UNUSED)
            painter.drawRoundedRect(rect, unit * 0.12, unit * 0.12)
            painter.setPen(QColor("#ffffff") if heat > 0.75 else QColor("#24292f") if used else QColor("#8c959f"))
            painter.setFont(letter_font)
            top = QRectF(rect.x(), rect.y(), rect.width(), rect.height() * 0.62)
            painter.drawText(top, Qt.AlignmentFlag.AlignCenter, letter.upper())
            if used and entry["missed"]:
                painter.setFont(figure_font)
                bottom = QRectF(rect.x(), rect.y() + rect.height() * 0.55, rect.width(), rect.height() * 0.4)
                painter.drawText(bottom, Qt.AlignmentFlag.AlignCenter, f"{entry['missed'] / entry['seen']:.0%}")
        painter.end()

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            text = self.tooltip_at(event.position())
            if text:
                QToolTip.showText(event.globalPos(), text, self)
            else:
                QToolTip.hideText()
            return True
        return super().event(event)

    def legend(self) -> str:
        """What the colours mean, for the caption beside the heatmap."""
        return self.tr("Red keys are often missed or slow; grey keys were not typed.")

    def tooltip_at(self, point: QPointF) -> str:
        letter = next((letter for letter, rect in self.key_rects().items() if rect.contains(point)), None)
        if letter is None:
            return ""
        entry = self.stats.get(letter)
        if not entry or not entry["seen"]:
            return self.tr("{key}: not typed").format(key=letter.upper())
        return self.tr("{key}: typed {seen} times, missed {missed}, {ms:.0f} ms a key").format(
            key=letter.upper(), seen=entry["seen"], missed=entry["missed"], ms=entry["ms"])

"""Result rows with the letters the query matched in bold, so the agent sees why a row
is there before trusting Enter with it. The spans are the core's
(``assistant.phrases.highlight``); this only paints them."""

from __future__ import annotations

from collections.abc import Iterator

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRectF, Qt
from PySide6.QtGui import QFont, QFontMetricsF, QPainter, QPalette
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem

#: Item data role holding the row's matched (start, end) spans.
SPANS_ROLE = Qt.ItemDataRole.UserRole + 1


def pieces(text: str, spans: list[tuple[int, int]]) -> Iterator[tuple[str, bool]]:
    """``text`` cut at the ``spans``: each piece, and whether it is matched."""
    position = 0
    for start, end in spans:
        yield text[position:start], False
        yield text[start:end], True
        position = end
    yield text[position:], False


class MarkedRowDelegate(QStyledItemDelegate):
    """Paints the row's text with its matched pieces in bold when it has spans; plain
    rows as Qt would. The pieces are drawn one after another with the painter: a rich
    text document per row per paint was most of a keystroke's time (0.4 ms a row, twenty
    rows at every keystroke)."""

    def paint(self, painter: QPainter, option: QStyleOptionViewItem,
              index: QModelIndex | QPersistentModelIndex) -> None:
        spans = index.data(SPANS_ROLE)
        if not spans:
            super().paint(painter, option, index)
            return
        self.initStyleOption(option, index)
        text, option.text = option.text, ""
        style = option.widget.style() if option.widget else None
        if style is not None:
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, option, painter, option.widget)
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        bold = QFont(option.font)
        bold.setBold(True)
        rect = QRectF(option.rect.adjusted(3, 0, -3, 0))
        painter.save()
        painter.setClipRect(rect)
        painter.setPen(option.palette.color(role))
        left = rect.left()
        for piece, matched in pieces(text, spans):
            font = bold if matched else option.font
            metrics = QFontMetricsF(font)
            width, room = metrics.horizontalAdvance(piece), rect.right() - left
            if width > room:  # the rest does not fit: cut with "…", as Qt does plain rows
                piece = metrics.elidedText(piece, Qt.TextElideMode.ElideRight, room)
            painter.setFont(font)
            painter.drawText(QRectF(left, rect.top(), room, rect.height()), _ALIGN, piece)
            left += width
            if left >= rect.right():
                break
        painter.restore()


_ALIGN = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter | Qt.TextFlag.TextSingleLine

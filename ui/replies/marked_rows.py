"""Result rows with the letters the query matched in bold, so the agent sees why a row
is there before trusting Enter with it. The spans are the core's
(``assistant.phrases.highlight``); this only paints them."""

from __future__ import annotations

import html

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QAbstractTextDocumentLayout, QPainter, QPalette, QTextDocument
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem

#: Item data role holding the row's matched (start, end) spans.
SPANS_ROLE = Qt.ItemDataRole.UserRole + 1


def marked_html(text: str, spans: list[tuple[int, int]]) -> str:
    """``text`` as HTML with ``spans`` in bold; everything else escaped."""
    pieces, position = [], 0
    for start, end in spans:
        pieces += [html.escape(text[position:start]), "<b>", html.escape(text[start:end]), "</b>"]
        position = end
    pieces.append(html.escape(text[position:]))
    return "".join(pieces)


class MarkedRowDelegate(QStyledItemDelegate):
    """Paints the row's text as rich text when it has spans; plain rows as Qt would."""

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
        document = QTextDocument()
        document.setDefaultFont(option.font)
        document.setDocumentMargin(0)
        document.setHtml(marked_html(text, spans))
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        context = QAbstractTextDocumentLayout.PaintContext()
        role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        context.palette.setColor(QPalette.ColorRole.Text, option.palette.color(role))
        rect = option.rect.adjusted(3, 0, -3, 0)
        painter.save()
        painter.translate(rect.left(), rect.top() + (rect.height() - document.size().height()) / 2)
        painter.setClipRect(0, 0, rect.width(), rect.height())
        document.documentLayout().draw(painter, context)
        painter.restore()

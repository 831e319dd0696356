"""The picker: a small popup to find a reply by typing and insert it.

Built once at start and only shown on the hotkey, so it appears at once. Keys: type to
search (codes, pinyin, fuzzy — the core search; a reply in several books is listed
once, each row names its book when there are several and shows the matched letters in
bold), Up/Down to move, Enter to insert, 1–9
to insert the n-th result (unless some short code continues the query with a digit, as
"fh2" continues "fh": then digits are typed, so "fh3" is searched, not inserted),
Alt+1–9 always, Esc to close. Losing focus closes it too. Where replies go in by
clipboard, the first row offers the next part of a reply sent in parts.

Rows already sent in this conversation say so, with the time ("✓ Sent 14:02"), so the
agent sees a repeat while choosing, before the question that comes with inserting it.

Suggestions: while nothing is typed, the first rows are the replies most likely to
answer the buyer's message the agent last copied (Ctrl+C, or on X11 selected), marked
as suggested; what the agent then sends is learned (``assistant.suggestions``). The
message is read after the picker is shown, so it never delays the opening, and is
forgotten when the picker closes: it is never stored or logged. When the suggestions'
index was still being built at the opening (after a start or a change of the books), the
suggestions are shown as soon as it is ready.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Mapping
from datetime import datetime

from PySide6.QtCore import QEvent, QObject, QPoint, Qt, QTimer, Signal
from PySide6.QtGui import QClipboard, QCursor, QGuiApplication, QKeyEvent
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from assistant.desktop.base import WindowInfo
from assistant.i18n import language
from assistant.phrases.highlight import matched_spans
from assistant.phrases.model import Phrase
from assistant.phrases.search import distinct_replies
from assistant.phrases.shown import book_language
from assistant.replies.service import preview
from assistant.timestamps import clock_time
from ui.context import AppContext
from ui.replies.clipboard_reply import Offer
from ui.replies.marked_rows import SPANS_ROLE, MarkedRowDelegate

log = logging.getLogger(__name__)

RESULT_LIMIT = 30
#: A focus loss this soon after opening is the window manager's doing, not the agent's.
SETTLE_SECONDS = 0.4
#: How much of a row is searched for letters to mark: more never fits the list's width.
ROW_MARKED = 120
#: The counter's colour by level: amber from the soft limit, red at the hard one.
COUNTER_COLOURS = {"soft": "#b26a00", "hard": "#c62828"}


class Picker(QWidget):
    """Emits ``chosen(phrase, target)``, ``nextPart()`` or ``dismissed(target)``; the app inserts."""

    chosen = Signal(object, object)
    dismissed = Signal(object)
    #: Ctrl+N: the agent starts a new conversation with this window's buyer.
    newConversation = Signal(object)
    #: F2: the agent names the conversation (for clients with one title for every buyer).
    #: Handled at once (a dialog over the picker); the picker then takes the keyboard back.
    nameConversation = Signal(object)
    #: The offered next part of a reply going in by clipboard was chosen.
    nextPart = Signal()

    def __init__(self, context: AppContext):
        super().__init__(None, Qt.WindowType.Tool | Qt.WindowType.FramelessWindowHint
                         | Qt.WindowType.WindowStaysOnTopHint)
        self.context = context
        self.target: WindowInfo | None = None
        self.offer: Offer | None = None
        self._was_active = False
        self._closing = False  # hiding on purpose: the deactivation that follows is ours
        self._opened_at = 0.0
        #: What each row stands for, in row order (items hold only text: PySide must not own them).
        self.shown: list[Offer | Phrase] = []
        #: Books left out, and books listed first while nothing is typed; read on each opening.
        self.hidden_books: frozenset[str] = frozenset()
        self.first_books: frozenset[str] = frozenset()
        #: Book names by id, while more than one book has replies (else rows need none).
        self._book_names: dict[str, str] = {}
        self._subscribed: set[str] = set()
        #: The buyer's message suggestions were made for, while the picker is open.
        self._message = ""
        self.suggested: list[Phrase] = []
        #: When each reply, as (book id, phrase id), last went into the target's conversation.
        self.sent: Mapping[tuple[str, str], datetime] = {}
        clipboard = QGuiApplication.clipboard()
        #: Which the agent changed last, the clipboard or (X11) the selection: that holds
        #: the message they mean.
        self._latest_mode = QClipboard.Mode.Clipboard
        clipboard.dataChanged.connect(lambda: self._copied(QClipboard.Mode.Clipboard))
        clipboard.selectionChanged.connect(lambda: self._copied(QClipboard.Mode.Selection))
        self.setObjectName("picker")
        self.query = QLineEdit(self)
        self.query.setClearButtonEnabled(True)
        self.groups = QComboBox(self)
        self.results = QListWidget(self)
        self.results.setUniformItemSizes(True)
        self.results.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.results.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.results.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.results.setItemDelegate(MarkedRowDelegate(self.results))
        #: Per row not marked yet, the reply's text in it and where that starts.
        self._unmarked: dict[int, tuple[str, int]] = {}
        # Bound methods, not lambdas: Qt disconnects them as the picker goes, while the
        # list being taken down still moves its scroll bar.
        scroll_bar = self.results.verticalScrollBar()
        scroll_bar.valueChanged.connect(self._mark_rows_in_view)  # scrolled
        scroll_bar.rangeChanged.connect(self._mark_rows_in_view)  # more or fewer rows in view
        self.preview = QPlainTextEdit(self)
        self.preview.setReadOnly(True)
        self.preview.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.hint = QLabel(self)
        self.counter = QLabel(self)
        self._layout()
        self.query.textChanged.connect(self._search)
        self.groups.currentIndexChanged.connect(self._search)
        self.results.currentRowChanged.connect(self._show_preview)
        self.results.activated.connect(lambda index: self._choose_row(index.row()))
        self.query.installEventFilter(self)
        context.phrasesChanged.connect(self._reload_groups)
        context.suggestionsReady.connect(self._suggestions_ready)
        self._reload_groups()
        self.retranslate()

    def _layout(self) -> None:
        top = QHBoxLayout()
        top.addWidget(self.query, 3)
        top.addWidget(self.groups, 1)
        middle = QHBoxLayout()
        middle.addWidget(self.results, 3)
        middle.addWidget(self.preview, 2)
        bottom = QHBoxLayout()
        bottom.addWidget(self.hint, 1)
        bottom.addWidget(self.counter)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 10, 10, 8)
        layout.addLayout(top)
        layout.addLayout(middle, 1)
        layout.addLayout(bottom)
        self.resize(720, 380)
        self.setStyleSheet("#picker { border: 1px solid palette(mid); }")

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("QuickReply picker"))
        self.query.setPlaceholderText(self.tr("Type a code, pinyin initials or words…"))
        self.hint.setText(self.tr("Enter insert · 1–9 choose · Ctrl+N new conversation · F2 name it · Esc close"))
        self.groups.setItemText(0, self.tr("All groups"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        elif event.type() == QEvent.Type.ActivationChange and self.isVisible():
            # Close when the agent goes elsewhere, but not on a deactivation that comes
            # before the window manager has given us the focus at all.
            if self.isActiveWindow():
                self._was_active = True
            elif self._was_active and not self._closing:
                if time.monotonic() - self._opened_at < SETTLE_SECONDS:
                    # Some window managers hand the focus back to the previous window
                    # just after mapping a tool window: that is not the agent leaving.
                    log.info("picker lost the focus at once; taking it back")
                    self.activateWindow()
                else:
                    self._dismiss()
        super().changeEvent(event)

    # -- opening and closing -------------------------------------------------------------

    def open_for(self, target: WindowInfo | None, counter: tuple[str, str] = ("", "ok"),
                 offer: Offer | None = None, sent: Mapping[tuple[str, str], datetime] | None = None) -> None:
        """Show near the mouse, ready to type; ``target`` gets the reply. ``counter``
        says how many quick replies this conversation has had, and its level (see
        ``set_counter``); ``offer`` is a part to offer first; ``sent`` the replies this
        conversation already had (see ``set_sent``)."""
        self.target = target
        self.offer = offer
        self.sent = sent or {}
        self._was_active = False
        self._closing = False
        self._opened_at = time.monotonic()
        self.set_counter(*counter)
        # Settings or the interface language may have changed what is shown and first.
        self.first_books = frozenset(book.id for book in self.context.books if book_language(book) == language())
        hidden = self.context.hidden_books()
        if hidden != self.hidden_books:
            self.hidden_books = hidden
            self._reload_groups()
        self._message, self.suggested = "", []
        self.query.clear()
        self.groups.setCurrentIndex(0)
        self._search()
        self.move(self._position_near(QCursor.pos()))
        log.info("picker opened")
        self.show()
        self.raise_()
        self.activateWindow()
        self.query.setFocus(Qt.FocusReason.PopupFocusReason)
        QTimer.singleShot(0, self._suggest)

    def _copied(self, mode: QClipboard.Mode) -> None:
        # Selecting text in our own windows (the query box) is not the buyer's message.
        if mode is QClipboard.Mode.Clipboard or not QGuiApplication.clipboard().ownsSelection():
            self._latest_mode = mode

    def _suggest(self) -> None:
        """Suggest replies for the message last copied, while nothing is typed yet."""
        if not self.isVisible():
            return
        self._message = QGuiApplication.clipboard().text(self._latest_mode)
        self.suggested = self.context.suggester.suggest(self._message, self.hidden_books)
        if self.suggested and not self.query.text():
            self._search()

    def _suggestions_ready(self) -> None:
        """The index the opening could not wait for is built: suggest now (``_suggest``
        shows them while nothing is typed, or when the query is emptied)."""
        if self.isVisible() and not self.suggested and not self._closing:
            self._suggest()

    def set_counter(self, text: str, level: str = "ok") -> None:
        """``level`` is "ok", "soft" or "hard": coloured past "ok" so a full conversation
        is seen before another canned reply goes in."""
        self.counter.setText(text)
        colour = COUNTER_COLOURS.get(level)
        self.counter.setStyleSheet(f"color: {colour}; font-weight: bold;" if colour else "")

    def set_sent(self, sent: Mapping[tuple[str, str], datetime]) -> None:
        """The replies this conversation already had, by (book id, phrase id), with the
        time each last went: their rows are marked (after Ctrl+N, none are)."""
        self.sent = sent
        if self.isVisible():
            self._search()

    def _position_near(self, point: QPoint) -> QPoint:
        screen = QGuiApplication.screenAt(point) or QGuiApplication.primaryScreen()
        area = screen.availableGeometry()
        x = min(max(point.x() - 40, area.left()), area.right() - self.width())
        y = point.y() + 20
        if y + self.height() > area.bottom():
            y = point.y() - self.height() - 20
        return QPoint(x, max(y, area.top()))

    def _dismiss(self) -> None:
        if self.isVisible() and not self._closing:
            log.info("picker dismissed")
            self._closing = True
            self._forget_message()
            self.hide()
            self.dismissed.emit(self.target)

    def _choose(self, item: Offer | Phrase) -> None:
        self._closing = True
        if isinstance(item, Phrase) and self._message:
            self.context.suggester.learn(self._message, item)
        self._forget_message()
        self.hide()
        if isinstance(item, Offer):
            self.nextPart.emit()
        else:
            self.chosen.emit(item, self.target)

    def _forget_message(self) -> None:
        self._message, self.suggested = "", []

    # -- searching ----------------------------------------------------------------------

    def _reload_groups(self) -> None:
        offered = {phrase.book_id for phrase in self.context.phrases} - self.hidden_books
        books = [book for book in self.context.books if book.id in offered]
        self._book_names = {book.id: book.name for book in books} if len(books) > 1 else {}
        self._subscribed = {book.id for book in books if book.origin == "subscribed"}
        current = self.groups.currentData()
        self.groups.blockSignals(True)
        self.groups.clear()
        self.groups.addItem(self.tr("All groups"), None)
        for group in sorted({phrase.group for phrase in self.context.phrases if phrase.group}):
            self.groups.addItem(group, group)
        found = self.groups.findData(current)
        self.groups.setCurrentIndex(max(found, 0))
        self.groups.blockSignals(False)
        if self.isVisible():
            self._search()

    def _search(self) -> None:
        found = self.context.index.search(self.query.text(), RESULT_LIMIT, group=self.groups.currentData(),
                                          hidden=self.hidden_books, first=self.first_books)
        found = distinct_replies(found, self._subscribed)
        query = self.query.text()
        # While nothing is typed: the offer first (Enter alone takes it), then the suggestions.
        first: list[Offer | Phrase] = [] if query else [*([self.offer] if self.offer else []), *self.suggested]
        self.shown = [*first, *(phrase for phrase in found if phrase not in first)]
        self.results.clear()
        self._unmarked = {}
        for number, item in enumerate(self.shown, 1):
            shortcut = f"{number}  " if number <= 9 else "    "
            if isinstance(item, Offer):
                self.results.addItem(f"{shortcut}▶ {item.label}")
                continue
            text = _row_text(item, self._book_names.get(item.book_id, ""))
            label = self._label(item, text, suggested=not query and item in self.suggested)
            self.results.addItem(shortcut + label)
            if query.strip():
                # The letters matched in the reply itself, never in the marks around it.
                self._unmarked[number - 1] = (text, len(shortcut) + max(label.find(text), 0))
        self._mark_rows_in_view()
        if self.shown:
            self.results.setCurrentRow(0)
        else:
            self.preview.setPlainText(self.tr("No reply matches. Try fewer letters or pinyin initials."))

    def _mark_rows_in_view(self, *_signal_arguments: int) -> None:
        """The matched letters of the rows in view (those scrolled to are marked then):
        working them out for every row took a tenth of a keystroke at 50,000 phrases."""
        viewport = self.results.viewport()
        first = self.results.indexAt(QPoint(0, 0)).row()
        last = self.results.indexAt(QPoint(0, viewport.height() - 1)).row()
        rows = range(max(first, 0), last + 1 if last >= 0 else self.results.count())
        query = self.query.text()
        for row in rows:
            unmarked = self._unmarked.pop(row, None)
            if unmarked is not None:
                text, offset = unmarked
                spans = matched_spans(text[:ROW_MARKED], query, self.context.index.pinyin)
                self.results.item(row).setData(SPANS_ROLE, [(start + offset, end + offset) for start, end in spans])

    def _label(self, phrase: Phrase, text: str, suggested: bool) -> str:
        """A row's ``text`` with its marks: suggested, and sent already (with when)."""
        sent = self.sent.get((phrase.book_id, phrase.id))
        if sent is not None:
            text = self.tr("✓ Sent {time} · {reply}").format(time=clock_time(sent), reply=text)
        if suggested:
            text = self.tr("★ Suggested · {reply}").format(reply=text)
        return text

    def _show_preview(self, row: int) -> None:
        if 0 <= row < len(self.shown):
            item = self.shown[row]
            text = item.text if isinstance(item, Offer) else preview(item.text, self.context.settings, self.target)
            self.preview.setPlainText(text)

    def _choose_row(self, row: int) -> bool:
        if not 0 <= row < len(self.shown):
            return False
        self._choose(self.shown[row])
        return True

    # -- keys ---------------------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.query and event.type() == QEvent.Type.KeyPress:
            return self._key(event)
        return False

    def _key(self, event: QKeyEvent) -> bool:
        key, modifiers = event.key(), event.modifiers()
        if key == Qt.Key.Key_Escape:
            self._dismiss()
            return True
        if key == Qt.Key.Key_N and modifiers == Qt.KeyboardModifier.ControlModifier:
            self.newConversation.emit(self.target)
            return True
        if key == Qt.Key.Key_F2:
            self._name_conversation()
            return True
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            return self._choose_row(max(self.results.currentRow(), 0))
        if key in (Qt.Key.Key_Up, Qt.Key.Key_Down, Qt.Key.Key_PageUp, Qt.Key.Key_PageDown):
            self._move_selection(key)
            return True
        if Qt.Key.Key_1 <= key <= Qt.Key.Key_9:
            row = key - Qt.Key.Key_1
            alt = bool(modifiers & Qt.KeyboardModifier.AltModifier)
            if alt or not self.context.index.digit_continues_code(self.query.text()):
                return self._choose_row(row) or alt
        return False

    def _name_conversation(self) -> None:
        """The name dialog opens over the picker and takes the focus from it; that
        deactivation is ours, not the agent leaving, so the picker stays and gets the
        keyboard back afterwards (closing would hand it to the chat window)."""
        self._closing = True
        try:
            self.nameConversation.emit(self.target)
        finally:
            self._closing = False
        self._opened_at = time.monotonic()
        self.raise_()
        self.activateWindow()
        self.query.setFocus(Qt.FocusReason.PopupFocusReason)

    def _move_selection(self, key: int) -> None:
        step = {Qt.Key.Key_Up: -1, Qt.Key.Key_Down: 1, Qt.Key.Key_PageUp: -8, Qt.Key.Key_PageDown: 8}[key]
        count = self.results.count()
        if count:
            self.results.setCurrentRow(min(max(self.results.currentRow() + step, 0), count - 1))


def _row_text(phrase: Phrase, book: str) -> str:
    first_line = phrase.text.split("\n", 1)[0]
    code = f"[{phrase.code}] " if phrase.code else ""
    source = f" · {book}" if book else ""
    return f"{code}{phrase.title}{source} — {first_line}"

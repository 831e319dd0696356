"""The phrasebook manager: browse books and groups, edit, move, reorder and delete
phrases with undo, and import or export whole books.

Left, the books and their groups (``BookTree``); right, a search box and the phrases of
the chosen book or group (``PhraseTableModel``); ``PhraseBrowser`` knows the location
and the selection. Phrase changes are undoable commands (``ui.manager.commands``) made
by ``ui.manager.phrases``, whole-book actions live in ``ui.manager.books``; both are
given what they act on (the browser, the dialogs, the undo stack), never the window.
Every modal question goes through ``self.dialogs``. The window keeps no phrases of its
own: after any change, here or in another process, ``context.phrasesChanged`` makes the
browser re-read the store and put the selection back where it was.
"""

from __future__ import annotations

import re

from PySide6.QtCore import QEvent, QSize, Qt
from PySide6.QtGui import QAction, QKeySequence, QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMainWindow,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from assistant.phrases.model import Phrasebook
from assistant.timestamps import local_text
from ui.context import AppContext
from ui.manager.books import BookActions
from ui.manager.browser import PhraseBrowser
from ui.manager.dialogs import ManagerDialogs
from ui.manager.model import COLUMNS, PhraseTableModel
from ui.manager.phrases import PhraseActions
from ui.manager.tree import BookTree
from ui.manager.undo_notice import UndoNotice
from ui.team.subscriptions_dialog import SubscriptionsDialog
from ui.widgets.placement import keep_on_screen

STATUS_MS = 10000
_TEXT_COLUMN = COLUMNS.index("text")


class ManagerWindow(QMainWindow):
    """Built once by the app and shown again on demand, so its undo stack outlives a
    close; it saves nothing of its own (no searches, no last folder)."""

    def __init__(self, context: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.context = context
        self.undo_stack = QUndoStack(self)
        self.dialogs = ManagerDialogs(self)
        self._build_widgets()
        self.browser = PhraseBrowser(context, self.tree, self.search, self.table, self.model, self)
        self.book_ops = BookActions(context, self.browser, self.dialogs, self.status, self)
        self.phrase_ops = PhraseActions(context, self.browser, self.dialogs, self.undo_stack, self.undo_notice,
                                        self.status, self)
        self._connect()
        self._build_actions()
        self.retranslate()
        self.context.phrasesChanged.connect(self.browser.reload)
        self.context.subscriptions.listChanged.connect(self._update_actions)
        self.subscriptions_dialog: SubscriptionsDialog | None = None
        self.browser.reload()
        self.search.setFocus()
        # Room for the tool bar, the tree and the phrase columns, in text widths so it
        # scales with the font; only the first size, the user may resize.
        metrics = self.fontMetrics()
        self.resize(self.sizeHint().expandedTo(QSize(metrics.averageCharWidth() * 150, metrics.height() * 34)))
        keep_on_screen(self, "manager")

    # -- building -------------------------------------------------------------------

    def _build_widgets(self) -> None:
        self.tree = BookTree(self)
        self.search = QLineEdit(self)
        self.search.setClearButtonEnabled(True)
        self.readonly_banner = QLabel(self)
        self.readonly_banner.setWordWrap(True)
        self.model = PhraseTableModel(self)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setTabKeyNavigation(False)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        self.table.setDragEnabled(True)
        self.table.setAcceptDrops(True)
        self.table.setDragDropMode(QAbstractItemView.DragDropMode.DragDrop)
        self.table.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.table.setDragDropOverwriteMode(False)
        self.table.setDropIndicatorShown(True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(_TEXT_COLUMN, QHeaderView.ResizeMode.Stretch)

        right = QWidget(self)
        column = QVBoxLayout(right)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.search)
        column.addWidget(self.readonly_banner)
        column.addWidget(self.table)
        splitter = QSplitter(self)
        splitter.addWidget(self.tree)
        splitter.addWidget(right)
        splitter.setStretchFactor(1, 3)
        splitter.setChildrenCollapsible(False)
        self.setCentralWidget(splitter)
        self.undo_notice = UndoNotice(self.undo_stack, self)
        self.statusBar().addPermanentWidget(self.undo_notice)
        self.setTabOrder(self.tree, self.search)
        self.setTabOrder(self.search, self.table)

    def _connect(self) -> None:
        self.browser.shown.connect(self._update_actions)
        self.tree.phrasesDropped.connect(self.phrase_ops.move)
        self.model.reorderRequested.connect(self.phrase_ops.reorder)
        self.search.returnPressed.connect(self._focus_table)
        self.table.selectionModel().selectionChanged.connect(self._update_actions)
        self.table.doubleClicked.connect(self._double_clicked)
        # Bound methods, not lambdas: Qt drops these connections when the window goes.
        self.undo_stack.indexChanged.connect(self._sync_undo_actions)

    def _action(self, slot, *shortcuts: QKeySequence | QKeySequence.StandardKey | str,
                widget: QWidget | None = None) -> QAction:
        """An action; with ``widget``, its shortcut works only while that widget has the
        focus (Delete in the search box deletes text, not phrases)."""
        action = QAction(self)
        action.setShortcuts([QKeySequence(shortcut) for shortcut in shortcuts])
        action.triggered.connect(lambda _checked=False: slot())
        if widget is not None:
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            widget.addAction(action)
        else:
            self.addAction(action)
        return action

    def _build_actions(self) -> None:
        ops = self.phrase_ops
        self.new_phrase_action = self._action(ops.new_phrase, "Ctrl+N")
        self.edit_action = self._action(ops.edit_phrase, "Return", "Enter", widget=self.table)
        self.delete_action = self._action(ops.delete_phrases, QKeySequence.StandardKey.Delete, widget=self.table)
        self.move_action = self._action(ops.move_to_group, "Ctrl+G")
        self.move_up_action = self._action(lambda: ops.move_rows(-1), "Ctrl+Up", widget=self.table)
        self.move_down_action = self._action(lambda: ops.move_rows(1), "Ctrl+Down", widget=self.table)
        self.undo_action = self._action(self.undo_stack.undo, "Ctrl+Z")
        self.redo_action = self._action(self.undo_stack.redo, "Ctrl+Shift+Z", "Ctrl+Y")
        self.find_action = self._action(self._focus_search, "Ctrl+F")
        self.clear_search_action = self._action(self.search.clear, "Escape", widget=self.search)
        self.new_book_action = self._action(self.book_ops.new_book, "Ctrl+Shift+N")
        self.rename_book_action = self._action(self.book_ops.rename_book, "F2")
        self.delete_book_action = self._action(self.book_ops.delete_book)
        self.import_action = self._action(self.book_ops.import_file, "Ctrl+I")
        self.export_action = self._action(self.book_ops.export_book, "Ctrl+E")
        self.close_action = self._action(self.close, "Ctrl+W")
        self.subscriptions_action = self._action(self.open_subscriptions)
        self.phrase_edit_actions = [self.new_phrase_action, self.edit_action, self.delete_action, self.move_action,
                               self.move_up_action, self.move_down_action]
        self.book_edit_actions = [self.rename_book_action, self.delete_book_action]

        bar = self.menuBar()
        self.file_menu = bar.addMenu("")
        self.file_menu.addActions([self.import_action, self.export_action])
        self.file_menu.addSeparator()
        self.file_menu.addAction(self.close_action)
        self.edit_menu = bar.addMenu("")
        self.edit_menu.addActions([self.undo_action, self.redo_action])
        self.edit_menu.addSeparator()
        self.edit_menu.addActions([*self.phrase_edit_actions, self.find_action])
        self.book_menu = bar.addMenu("")
        self.book_menu.addActions([self.new_book_action, *self.book_edit_actions])
        self.book_menu.addSeparator()
        self.book_menu.addAction(self.subscriptions_action)
        for menu in (self.file_menu, self.edit_menu, self.book_menu):
            menu.setToolTipsVisible(True)
        self.toolbar = self.addToolBar("")
        self.toolbar.setObjectName("manager-toolbar")
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.toolbar.addActions([self.new_phrase_action, self.edit_action, self.delete_action, self.move_action])
        self.toolbar.addSeparator()
        self.toolbar.addActions([self.undo_action, self.redo_action])
        self.toolbar.addSeparator()
        self.toolbar.addActions([self.import_action, self.export_action])

    def retranslate(self) -> None:
        """Every text of the window, again after a language switch."""
        self.setWindowTitle(self.tr("Phrasebooks — QuickReply"))
        texts = {
            self.new_phrase_action: self.tr("&New phrase…"), self.edit_action: self.tr("&Edit…"),
            self.delete_action: self.tr("&Delete"), self.move_action: self.tr("Move to &group…"),
            self.move_up_action: self.tr("Move &up"), self.move_down_action: self.tr("Move do&wn"),
            self.find_action: self.tr("&Find"), self.clear_search_action: self.tr("Clear the search"),
            self.new_book_action: self.tr("&New book…"), self.rename_book_action: self.tr("&Rename book…"),
            self.delete_book_action: self.tr("&Delete book…"), self.import_action: self.tr("&Import…"),
            self.export_action: self.tr("&Export…"), self.close_action: self.tr("&Close"),
            self.subscriptions_action: self.tr("&Subscriptions…"),
        }
        for action, text in texts.items():
            action.setText(text)
        self.file_menu.setTitle(self.tr("&File"))
        self.edit_menu.setTitle(self.tr("&Edit"))
        self.book_menu.setTitle(self.tr("&Book"))
        self.toolbar.setWindowTitle(self.tr("Phrase actions"))
        self.search.setPlaceholderText(self.tr("Search: short code, pinyin initials or words (Ctrl+F)"))
        self.tree.retranslate()
        self.undo_notice.retranslate()
        self.model.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(COLUMNS) - 1)
        self._sync_undo_actions()
        self._update_actions()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
            self.browser.reload()
        super().changeEvent(event)

    # -- what the user sees ---------------------------------------------------------

    def status(self, message: str) -> None:
        self.statusBar().showMessage(message, STATUS_MS)

    def _update_actions(self, *_selection: object) -> None:
        """Enable what makes sense here; in a read-only book say why edits are off."""
        book = self.browser.current_book()
        writable = book is not None and not book.read_only
        count = len(self.browser.selected_phrases())
        searching = self.browser.searching()
        reason = self.tr("“{book}” is subscribed and read-only: its publisher edits it.").format(
            book=book.name) if book and book.read_only else ""
        if reason:
            reason += self._subscription_line(book)
        enabled = {
            self.new_phrase_action: writable, self.edit_action: writable and count == 1,
            self.delete_action: writable and count > 0, self.move_action: writable and count > 0,
            self.move_up_action: writable and count > 0 and not searching,
            self.move_down_action: writable and count > 0 and not searching,
            self.rename_book_action: writable, self.delete_book_action: writable,
        }
        for action, on in enabled.items():
            action.setEnabled(on)
            action.setToolTip(reason or _without_mnemonic(action.text()))
        if searching and writable:
            for action in (self.move_up_action, self.move_down_action):
                action.setToolTip(self.tr("Clear the search to reorder phrases"))
        self.export_action.setEnabled(book is not None)
        self.readonly_banner.setText(reason)
        self.readonly_banner.setVisible(bool(reason))

    def _subscription_line(self, book: Phrasebook) -> str:
        """Where a subscribed book comes from and how its last check went."""
        entry = next((entry for entry in self.context.subscriptions.subscriptions() if entry.book_id == book.id),
                     None)
        if entry is None:
            return ""
        line = self.tr("From {source} · revision {revision} · updated {time}").format(
            source=entry.source, revision=entry.revision, time=local_text(entry.last_updated) or "—")
        if entry.status in ("unreachable", "refused"):
            line += "\n" + self.tr("Last check failed: {reason}. The last good copy is kept.").format(
                reason=entry.message)
        return "\n" + line

    def open_subscriptions(self) -> None:
        if self.subscriptions_dialog is None:
            self.subscriptions_dialog = SubscriptionsDialog(self.context.subscriptions, self)
        self.subscriptions_dialog.show()
        self.subscriptions_dialog.raise_()
        self.subscriptions_dialog.activateWindow()

    def _sync_undo_actions(self, _index: int = 0) -> None:
        stack = self.undo_stack
        self.undo_action.setEnabled(stack.canUndo())
        self.redo_action.setEnabled(stack.canRedo())
        self.undo_action.setText(self.tr("&Undo {change}").format(change=stack.undoText()).strip())
        self.redo_action.setText(self.tr("&Redo {change}").format(change=stack.redoText()).strip())

    # -- phrase changes -------------------------------------------------------------

    def _double_clicked(self, _index: object) -> None:
        """Double-click edits; in a read-only book it says why it cannot."""
        if self.edit_action.isEnabled():
            self.edit_action.trigger()
        elif self.readonly_banner.isVisible():
            self.status(self.readonly_banner.text())

    # -- focus ----------------------------------------------------------------------

    def _focus_search(self) -> None:
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()

    def _focus_table(self) -> None:
        self.table.setFocus(Qt.FocusReason.OtherFocusReason)
        if not self.browser.selected_phrases() and self.model.rowCount():
            self.browser.select_phrases([self.model.phrase(0).id])


def _without_mnemonic(label: str) -> str:
    """"&New phrase…" → "New phrase…", and the Chinese style "新建短语(&N)…" → "新建短语…"."""
    return re.sub(r"\(&\w\)|&(?=\w)", "", label)

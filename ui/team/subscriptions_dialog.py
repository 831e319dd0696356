"""Managing subscriptions: the list with each source's last update and status, check
now, remove, and a form to add one (a file path or an http(s) address, and optionally
the lead's public key).

Everything slow goes through the ``SubscriptionService`` (fetching runs off the main
thread); the dialog only shows what the service reports, so it stays responsive while a
server takes its time. Removing asks first through ``dialogs`` (``ManagerDialogs``),
which tests drive.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QStyle,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from assistant.errors import QuickReplyError
from assistant.team.subscriptions import CheckResult, Subscription
from assistant.timestamps import local_text
from ui.manager.dialogs import ManagerDialogs
from ui.settings.widgets import Notice
from ui.team.subscription_service import SubscriptionService
from ui.widgets.placement import keep_on_screen

_ID = Qt.ItemDataRole.UserRole


class SubscriptionsDialog(QDialog):
    def __init__(self, service: SubscriptionService, parent: QWidget | None = None):
        super().__init__(parent)
        self.service = service
        self.dialogs = ManagerDialogs(self)
        self._build()
        self.retranslate()
        service.listChanged.connect(self.reload)
        service.added.connect(self._added)
        service.addFailed.connect(self._add_failed)
        service.checked.connect(self._checked)
        self.reload()

    # -- building -------------------------------------------------------------------

    def _build(self) -> None:
        self.table = QTableWidget(0, 5, self)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(False)
        # Paths and addresses keep both ends (the server and the file name) visible.
        self.table.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)
        self.table.itemSelectionChanged.connect(self._update_buttons)
        self.check_button = QPushButton(self)
        self.check_button.clicked.connect(self.check_now)
        self.remove_button = QPushButton(self)
        self.remove_button.clicked.connect(self.remove)
        row = QHBoxLayout()
        row.addWidget(self.check_button)
        row.addWidget(self.remove_button)
        row.addStretch(1)

        self.add_box = QGroupBox(self)
        self.source_edit = QLineEdit(self.add_box)
        self.source_edit.setClearButtonEnabled(True)
        self.browse_button = QPushButton(self.add_box)
        self.browse_button.clicked.connect(self._browse)
        source_row = QHBoxLayout()
        source_row.addWidget(self.source_edit, 1)
        source_row.addWidget(self.browse_button)
        self.key_edit = QLineEdit(self.add_box)
        self.subscribe_button = QPushButton(self.add_box)
        self.subscribe_button.clicked.connect(self.subscribe)
        self.source_edit.returnPressed.connect(self.subscribe)
        self.source_edit.textChanged.connect(self._update_buttons)
        self.source_label, self.key_label = QLabel(self.add_box), QLabel(self.add_box)
        self.source_label.setBuddy(self.source_edit)
        self.key_label.setBuddy(self.key_edit)
        form = QFormLayout(self.add_box)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        form.addRow(self.source_label, source_row)
        form.addRow(self.key_label, self.key_edit)
        button_row = QHBoxLayout()
        button_row.addStretch(1)
        button_row.addWidget(self.subscribe_button)
        form.addRow(button_row)
        self.notice = Notice(self)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addLayout(row)
        layout.addWidget(self.add_box)
        layout.addWidget(self.notice)
        layout.addWidget(self.buttons)
        metrics = self.fontMetrics()
        self.resize(metrics.averageCharWidth() * 120, metrics.height() * 30)
        self.table.setColumnWidth(1, metrics.averageCharWidth() * 36)
        keep_on_screen(self, "subscriptions")

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Subscriptions — QuickReply"))
        self.table.setHorizontalHeaderLabels([self.tr("Book"), self.tr("Source"), self.tr("Revision"),
                                              self.tr("Last update"), self.tr("Status")])
        self.check_button.setText(self.tr("Check &now"))
        self.remove_button.setText(self.tr("&Remove…"))
        self.add_box.setTitle(self.tr("Subscribe to a team phrasebook"))
        self.browse_button.setText(self.tr("&Browse…"))
        self.subscribe_button.setText(self.tr("&Subscribe"))
        self.source_edit.setPlaceholderText(self.tr("A file on a shared folder, or an http(s) address"))
        self.key_edit.setPlaceholderText(self.tr("qr-ed25519:… (optional: then only files the lead signed "
                                                 "are accepted)"))
        self.source_label.setText(self.tr("S&ource:"))
        self.key_label.setText(self.tr("Lead's public &key:"))
        self.reload()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # -- the list -------------------------------------------------------------------

    def reload(self) -> None:
        keep = self.selected()
        entries = self.service.subscriptions()
        self.table.setRowCount(len(entries))
        for number, entry in enumerate(entries):
            status, icon = self.status_text(entry)
            cells = [entry.name or "—", entry.source, str(entry.revision or ""), local_text(entry.last_updated),
                     status]
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setData(_ID, entry.id)
                self.table.setItem(number, column, item)
            self.table.item(number, 4).setIcon(self.style().standardIcon(icon))
            checked = self.tr("Last checked: {time}").format(time=local_text(entry.last_checked) or self.tr("never"))
            self.table.item(number, 4).setToolTip(f"{entry.message}\n{checked}" if entry.message else checked)
            self.table.item(number, 1).setToolTip(entry.source)
            if keep is not None and entry.id == keep.id:
                self.table.selectRow(number)
        if self.table.currentRow() < 0 and entries:
            self.table.selectRow(0)
        self._update_buttons()

    def status_text(self, entry: Subscription) -> tuple[str, QStyle.StandardPixmap]:
        pixmaps = QStyle.StandardPixmap
        if self.service.busy(entry):
            return self.tr("Checking…"), pixmaps.SP_BrowserReload
        if entry.status == "ok":
            return self.tr("Up to date"), pixmaps.SP_DialogApplyButton
        if entry.status == "new":
            return self.tr("Not checked yet"), pixmaps.SP_MessageBoxInformation
        return entry.message, (pixmaps.SP_MessageBoxCritical if entry.status == "refused"
                               else pixmaps.SP_MessageBoxWarning)

    def selected(self) -> Subscription | None:
        rows = self.table.selectionModel().selectedRows() if self.table.selectionModel() else []
        if not rows:
            return None
        wanted = self.table.item(rows[0].row(), 0).data(_ID)
        return next((entry for entry in self.service.subscriptions() if entry.id == wanted), None)

    def _update_buttons(self) -> None:
        chosen = self.selected()
        self.check_button.setEnabled(chosen is not None and not self.service.busy(chosen))
        self.remove_button.setEnabled(chosen is not None)
        self.subscribe_button.setEnabled(bool(self.source_edit.text().strip()))

    # -- actions --------------------------------------------------------------------

    def check_now(self) -> None:
        chosen = self.selected()
        if chosen is not None:
            self.notice.show_message("")
            self.service.check([chosen])

    def remove(self) -> None:
        chosen = self.selected()
        if chosen is None:
            return
        choice = self.dialogs.choose(
            self.tr("Remove subscription"),
            self.tr("Stop the subscription to “{book}”?").format(book=chosen.name),
            self.tr("Delete the book takes its read-only book away too (a backup of all books is made first); "
                    "Keep as my phrasebook turns the book into one you can edit, no longer updated."),
            [self.tr("Delete the book"), self.tr("Keep as my phrasebook")])
        if choice is None:
            return
        try:
            self.service.remove(chosen, keep_book=choice == 1)
        except QuickReplyError as error:
            self.notice.show_message(str(error), "error")

    def subscribe(self) -> None:
        source = self.source_edit.text().strip()
        if not source:
            return
        try:
            self.service.add(source, self.key_edit.text())
        except QuickReplyError as error:
            self.notice.show_message(str(error), "error")
            return
        self.subscribe_button.setEnabled(False)
        self.notice.show_message(self.tr("Fetching {source}…").format(source=source), "info")

    def _browse(self) -> None:
        chosen, _filter = QFileDialog.getOpenFileName(
            self, self.tr("Choose the published file"), self.source_edit.text(),
            ";;".join([self.tr("QuickReply publications (*.qrpub *.json)"), self.tr("All files (*)")]))
        if chosen:
            self.source_edit.setText(chosen)

    def _added(self, result: CheckResult) -> None:
        entry = result.subscription
        self.source_edit.clear()
        self.key_edit.clear()
        self.notice.show_message(self.tr("Subscribed to “{book}” (revision {revision}, {count} phrases).").format(
            book=entry.name, revision=entry.revision, count=len(result.added)), "info")
        self._update_buttons()

    def _add_failed(self, source: str, message: str) -> None:
        self.notice.show_message(self.tr("Could not subscribe to {source}: {reason}").format(
            source=source, reason=message), "error")
        self._update_buttons()

    def _checked(self, result: CheckResult) -> None:
        if result.outcome == "updated":
            self.notice.show_message(self.service.update_text(result), "info")
        elif result.outcome == "failed":
            self.notice.show_message(self.service.failure_text(result), "error")

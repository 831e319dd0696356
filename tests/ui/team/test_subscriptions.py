"""Subscriptions in the app: the dialog (add, check now, status, remove), background
checks that come back by signal, the folder watcher, tray notices, and the locked
subscribed book in the manager — against a real folder and a real loopback server."""

from __future__ import annotations

import threading
import time
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QMessageBox
from pytestqt.qtbot import QtBot

from assistant.phrases.model import Phrase, Phrasebook
from assistant.phrases.store import Store
from assistant.team import publication, subscriptions
from tests.hostile_server import HostileServer
from tests.static_server import StaticServer
from tests.ui.manager.support import open_manager, type_text
from tests.unit.team.subscription_support import Lead, own_data
from ui.app import share_subscriptions
from ui.context import AppContext
from ui.i18n import install_language
from ui.manager.window import ManagerWindow
from ui.team.subscription_service import SubscriptionService
from ui.team.subscriptions_dialog import SubscriptionsDialog

WAIT_MS = 10000


@pytest.fixture
def context(seeded_store: Store):
    context = AppContext(seeded_store)
    share_subscriptions(context)
    yield context
    context.subscriptions.stop()


@pytest.fixture
def dialog(qtbot: QtBot, context: AppContext) -> SubscriptionsDialog:
    dialog = SubscriptionsDialog(context.subscriptions)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def subscribe_in(qtbot: QtBot, dialog: SubscriptionsDialog, source: str, key: str = "") -> None:
    """Type the source (and key) as a user does, press Subscribe, wait for the answer."""
    dialog.source_edit.setFocus()
    type_text(dialog.source_edit, source)
    if key:
        type_text(dialog.key_edit, key)
    with qtbot.waitSignals([dialog.service.added], timeout=WAIT_MS):
        qtbot.mouseClick(dialog.subscribe_button, Qt.MouseButton.LeftButton)


def row_texts(dialog: SubscriptionsDialog, row: int = 0) -> list[str]:
    return [dialog.table.item(row, column).text() for column in range(dialog.table.columnCount())]


def test_subscribe_to_a_folder_from_the_dialog(qtbot: QtBot, dialog: SubscriptionsDialog, published_lead: Lead,
                                               share: Path, seeded_store: Store) -> None:
    before = own_data(seeded_store, "team")
    subscribe_in(qtbot, dialog, str(share / "team.qrpub"))
    assert row_texts(dialog)[:3] == ["团队话术", str(share / "team.qrpub"), "2"]
    assert row_texts(dialog)[4] == "Up to date" and row_texts(dialog)[3]
    assert "Subscribed to “团队话术” (revision 2, 3 phrases)" in dialog.notice.message()
    assert dialog.source_edit.text() == "" and seeded_store.book("team").read_only
    assert own_data(seeded_store, "team") == before


def test_a_bad_key_or_source_is_said_at_once_and_nothing_is_added(qtbot: QtBot, dialog: SubscriptionsDialog,
                                                                 published_lead: Lead, share: Path) -> None:
    type_text(dialog.source_edit, str(share / "team.qrpub"))
    type_text(dialog.key_edit, "abc")
    qtbot.mouseClick(dialog.subscribe_button, Qt.MouseButton.LeftButton)
    assert dialog.notice.severity == "error" and "not a QuickReply public key" in dialog.notice.message()
    dialog.key_edit.clear()
    dialog.source_edit.setText(str(share / "missing.qrpub"))
    with qtbot.waitSignal(dialog.service.addFailed, timeout=WAIT_MS):
        qtbot.keyClick(dialog.source_edit, Qt.Key.Key_Return)
    assert "Could not subscribe" in dialog.notice.message() and dialog.table.rowCount() == 0


def test_check_now_over_http_shows_updates_and_failures(qtbot: QtBot, dialog: SubscriptionsDialog, published_lead: Lead,
                                                        share: Path, seeded_store: Store) -> None:
    notices: list[str] = []
    dialog.service.notice.connect(notices.append)
    server = StaticServer(share).__enter__()
    try:
        subscribe_in(qtbot, dialog, f"{server.url}/team.qrpub")
        published_lead.edit()
        published_lead.publish(share)
        with qtbot.waitSignal(dialog.service.checked, timeout=WAIT_MS) as checked:
            qtbot.mouseClick(dialog.check_button, Qt.MouseButton.LeftButton)
            assert row_texts(dialog)[4] == "Checking…" and not dialog.check_button.isEnabled()
        assert checked.args[0].outcome == "updated"
        expected = "“团队话术” was updated to revision 3: 1 added, 1 changed, 1 removed."
        assert dialog.notice.message() == expected and notices == [expected], "shown, and a tray notice"
        assert row_texts(dialog)[2] == "3"
        good = [phrase.text for phrase in seeded_store.phrases("team")]
    finally:
        server.stop()
    for _attempt in range(2):
        with qtbot.waitSignal(dialog.service.checked, timeout=WAIT_MS):
            qtbot.mouseClick(dialog.check_button, Qt.MouseButton.LeftButton)
    assert row_texts(dialog)[4].startswith("unreachable:") and dialog.notice.severity == "error"
    assert "The last good copy (revision 3) is kept." in dialog.notice.message()
    assert len(notices) == 2 and "could not be updated" in notices[1], "a tray notice once it keeps failing"
    assert [phrase.text for phrase in seeded_store.phrases("team")] == good


def test_remove_asks_and_takes_the_book_away(qtbot: QtBot, dialog: SubscriptionsDialog, published_lead: Lead,
                                             share: Path, seeded_store: Store,
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    subscribe_in(qtbot, dialog, str(share / "team.qrpub"))
    asked: list[str] = []

    def answer(box: QDialog, button: str) -> None:
        assert isinstance(box, QMessageBox)
        asked.append(box.text())
        box.show()
        [chosen] = [b for b in box.buttons() if b.text().replace("&", "") == button]
        qtbot.mouseClick(chosen, Qt.MouseButton.LeftButton)

    monkeypatch.setattr(dialog.dialogs, "run", lambda box: answer(box, "Cancel"))
    qtbot.mouseClick(dialog.remove_button, Qt.MouseButton.LeftButton)
    assert dialog.table.rowCount() == 1 and asked == ["Stop the subscription to “团队话术”?"]
    monkeypatch.setattr(dialog.dialogs, "run", lambda box: answer(box, "Delete the book"))
    qtbot.mouseClick(dialog.remove_button, Qt.MouseButton.LeftButton)
    assert dialog.table.rowCount() == 0 and all(book.id != "team" for book in seeded_store.books())
    assert subscriptions.load(seeded_store.folder) == []


def test_remove_can_keep_the_book_as_the_agents_own(qtbot: QtBot, dialog: SubscriptionsDialog, published_lead: Lead,
                                                    share: Path, seeded_store: Store,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    subscribe_in(qtbot, dialog, str(share / "team.qrpub"))
    texts = [phrase.text for phrase in seeded_store.phrases("team")]

    def keep(box: QDialog) -> None:
        assert isinstance(box, QMessageBox) and box.defaultButton().text().replace("&", "") == "Cancel"
        [chosen] = [b for b in box.buttons() if b.text().replace("&", "") == "Keep as my phrasebook"]
        box.show()
        qtbot.mouseClick(chosen, Qt.MouseButton.LeftButton)

    monkeypatch.setattr(dialog.dialogs, "run", keep)
    qtbot.mouseClick(dialog.remove_button, Qt.MouseButton.LeftButton)
    assert dialog.table.rowCount() == 0 and subscriptions.load(seeded_store.folder) == []
    assert [phrase.text for phrase in seeded_store.phrases("team")] == texts
    seeded_store.add_phrase("team", Phrase(text="我自己加的", id="mine"))  # editable now
    assert seeded_store.phrase("team", "mine").text == "我自己加的"


def test_in_chinese_only_cancel_begins_with_cancel(qtbot: QtBot, dialog: SubscriptionsDialog, published_lead: Lead,
                                                   share: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """取消订阅 beside 取消 once made the button that deletes the book look like Cancel."""
    subscribe_in(qtbot, dialog, str(share / "team.qrpub"))
    buttons: list[str] = []
    monkeypatch.setattr(dialog.dialogs, "run", lambda box: buttons.extend(b.text() for b in box.buttons()))
    try:
        install_language("zh")
        qtbot.mouseClick(dialog.remove_button, Qt.MouseButton.LeftButton)
    finally:
        install_language("en")
    assert sorted(buttons) == sorted(["删除短语库", "保留为我的短语库", "取消"])
    assert dialog.table.rowCount() == 1


def test_a_lead_publishing_to_the_folder_arrives_without_asking(qtbot: QtBot, context: AppContext, published_lead: Lead,
                                                                share: Path, seeded_store: Store) -> None:
    """The running service: the folder watcher sees the new file, the fetch runs on a
    thread, the store and the search index are updated, the tray gets a notice."""
    subscriptions.subscribe(seeded_store, str(share / "team.qrpub"))
    notices: list[str] = []
    context.subscriptions.notice.connect(notices.append)
    context.subscriptions.start()  # just subscribed: nothing is due for 15 minutes
    assert context.subscriptions._timer.remainingTime() > 14 * 60 * 1000
    published_lead.edit()
    with qtbot.waitSignal(context.subscriptions.checked, timeout=WAIT_MS,
                          check_params_cb=lambda result: result.outcome == "updated"):
        published_lead.publish(share)
    assert notices == ["“团队话术” was updated to revision 3: 1 added, 1 changed, 1 removed."]
    assert [phrase.text for phrase in context.index.search("zj", limit=1)] == ["亲，感谢您的耐心等待，祝您生活愉快"]


def test_the_manager_shows_a_subscribed_book_locked(qtbot: QtBot, seeded_store: Store, published_lead: Lead,
                                                    share: Path) -> None:
    subscriptions.subscribe(seeded_store, str(share / "team.qrpub"))
    window: ManagerWindow = open_manager(qtbot, seeded_store)
    window.browser.show_location("team")
    item = window.tree.currentItem()
    assert item.text(0) == "团队话术 (subscribed, read-only)" and not item.icon(0).isNull()
    banner = window.readonly_banner.text()
    assert window.readonly_banner.isVisible() and "subscribed and read-only" in banner
    assert f"From {share / 'team.qrpub'} · revision 2" in banner
    for action in (window.new_phrase_action, window.edit_action, window.delete_action, window.move_action,
                   window.rename_book_action, window.delete_book_action):
        assert not action.isEnabled()
    (share / "team.qrpub").write_text("{}")
    subscriptions.check(seeded_store, subscriptions.load(seeded_store.folder)[0])
    window.context.subscriptions.listChanged.emit()
    assert "Last check failed: refused:" in window.readonly_banner.text()
    window.subscriptions_action.trigger()
    assert window.subscriptions_dialog.isVisible() and window.subscriptions_dialog.table.rowCount() == 1


def test_a_signed_subscription_from_the_dialog(qtbot: QtBot, dialog: SubscriptionsDialog, share: Path,
                                               tmp_path: Path, seeded_store: Store) -> None:
    key_path, _, public_key = publication.generate_keys(tmp_path / "keys")
    Lead(tmp_path / "signing-lead", publication.load_private_key(key_path)).publish(share / "signed.qrpub")
    subscribe_in(qtbot, dialog, str(share / "signed.qrpub"), public_key)
    assert subscriptions.load(seeded_store.folder)[0].key == public_key


def fetch_threads() -> list[threading.Thread]:
    return [thread for thread in threading.enumerate() if thread.name == "subscription-check"]


def test_hanging_sources_never_keep_a_good_one_waiting_and_stop_ends_them_at_once(
        qtbot: QtBot, seeded_store: Store, published_lead: Lead, share: Path) -> None:
    """Two sources that start dribbling after the first subscribe (the app used to check
    two at a time, so a third waited for them) and a good folder source; the deadline
    is far off, so only ``stop`` (the app quitting) can end the hanging checks."""
    body = (share / "team.qrpub").read_bytes()
    with HostileServer("serve", body=body) as slow_body, HostileServer("serve", body=body) as slow_headers:
        for server in (slow_body, slow_headers):
            subscriptions.subscribe(seeded_store, server.url)
        publication.publish(Phrasebook(name="另一个", id="other"), [Phrase(text="亲，在的")], share / "other.qrpub")
        subscriptions.subscribe(seeded_store, str(share / "other.qrpub"))
        slow_body.mode, slow_headers.mode = "slow-body", "slow-headers"
        service = SubscriptionService(seeded_store, deadline_seconds=60)
        hanging = {slow_body.url, slow_headers.url}
        service.check_all()
        start = time.monotonic()
        with qtbot.waitSignal(service.checked, timeout=WAIT_MS,
                              check_params_cb=lambda result: result.subscription.source not in hanging) as good:
            pass
        assert good.args[0].outcome == "unchanged" and time.monotonic() - start < 2
        assert len(fetch_threads()) == 2 and all(service.busy(entry) for entry in service.subscriptions()
                                                 if entry.source in hanging)
        start = time.monotonic()
        service.stop()
        qtbot.waitUntil(lambda: not fetch_threads(), timeout=2000)
        ended = time.monotonic() - start
        qtbot.wait(200)  # the cut-short results arrive, and are not the sources' failures
    assert ended < 1, ended
    assert [(entry.status, entry.failures) for entry in service.subscriptions()] == [("ok", 0)] * 3

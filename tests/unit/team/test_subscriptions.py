"""Subscriptions against real sources: a folder (with a writer racing the reader) and a
real HTTP server on loopback (tests/static_server.py), with real stores."""

from __future__ import annotations

import json
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import replace
from datetime import timedelta
from pathlib import Path, PureWindowsPath

import pytest

from assistant.errors import QuickReplyError
from assistant.i18n import set_language
from assistant.phrases.model import Phrase, Phrasebook
from assistant.phrases.store import Store
from assistant.team import publication, subscriptions
from tests.static_server import StaticServer
from tests.unit.team.subscription_support import Lead, own_data


@pytest.fixture
def agent(isolated_home: Path) -> Store:
    """An agent with the shipped books, some use counts of their own, and a book they wrote."""
    store = Store(isolated_home)
    mine = store.phrases("zh-ecommerce")[:2]
    for item in mine:
        store.record_use("zh-ecommerce", item.id)
    store.record_use("zh-ecommerce", mine[0].id)
    return store


def only(store: Store) -> subscriptions.Subscription:
    [entry] = subscriptions.load(store.folder)
    return entry


def texts(store: Store, book_id: str) -> list[str]:
    return [item.text for item in store.phrases(book_id)]


# -- a folder source --------------------------------------------------------------------

def test_subscribing_to_a_folder_brings_a_read_only_copy(agent: Store, lead: Lead, share: Path) -> None:
    lead.publish(share)
    before = own_data(agent, "team")
    result = subscriptions.subscribe(agent, str(share / "team.qrpub"))
    book = agent.book("team")
    assert result.outcome == "updated" and len(result.added) == 3
    assert book.read_only and book.origin == "subscribed" and book.revision == 2
    assert texts(agent, "team") == texts(lead.store, "team")
    entry = only(agent)
    assert entry.status == "ok" and entry.name == "团队话术" and entry.last_updated and entry.revision == 2
    assert own_data(agent, "team") == before


def test_the_store_refuses_the_agent_s_edits_to_a_subscribed_book(agent: Store, lead: Lead, share: Path) -> None:
    lead.publish(share)
    subscriptions.subscribe(agent, str(share / "team.qrpub"))
    first = agent.phrases("team")[0]
    for edit in (lambda: agent.update_phrase("team", first.with_changes(text="我改的")),
                 lambda: agent.delete_phrase("team", first.id),
                 lambda: agent.add_phrase("team", Phrase(text="新的")),
                 lambda: agent.reorder_phrases("team", [first.id]),
                 lambda: agent.move_phrases("team", [first.id], "别的组")):
        with pytest.raises(QuickReplyError, match="read-only"):
            edit()
    assert texts(agent, "team") == texts(lead.store, "team")


def test_an_update_reports_what_changed_and_keeps_ids_and_use_counts(agent: Store, lead: Lead, share: Path) -> None:
    lead.publish(share)
    subscriptions.subscribe(agent, str(share / "team.qrpub"))
    shipping = next(item for item in agent.phrases("team") if item.code == "fh")
    agent.record_use("team", shipping.id)
    agent.record_use("team", shipping.id)
    before = own_data(agent, "team")
    lead.edit()
    lead.publish(share)
    result = subscriptions.check(agent, only(agent))
    assert result.outcome == "updated"
    assert result.added == ["亲，感谢您的耐心等待，祝您生活愉快"]
    assert len(result.changed) == 1 and len(result.removed) == 1 and "退换" in result.removed[0]
    assert texts(agent, "team") == texts(lead.store, "team")
    updated = next(item for item in agent.phrases("team") if item.code == "fh")
    assert updated.id == shipping.id and updated.use_count == 2 and "四点" in updated.text
    assert own_data(agent, "team") == before
    assert only(agent).revision == agent.book("team").revision == 3


def test_an_older_revision_is_refused_and_an_equal_one_is_unchanged(agent: Store, lead: Lead, share: Path) -> None:
    lead.publish(share)
    old = (share / "team.qrpub").read_bytes()
    subscriptions.subscribe(agent, str(share / "team.qrpub"))
    lead.edit()
    lead.publish(share)
    subscriptions.check(agent, only(agent))
    newest = texts(agent, "team")
    (share / "team.qrpub").write_bytes(old)  # someone copies an old file over the new one
    result = subscriptions.check(agent, only(agent))
    assert result.outcome == "failed" and result.subscription.status == "refused"
    assert result.message == ("refused: the source offers revision 2, older than revision 3 already applied here "
                              "(an old file served again); kept yours")
    assert texts(agent, "team") == newest and agent.book("team").revision == 3
    lead.publish(share)  # the lead publishes again: revision 4 is news
    assert subscriptions.check(agent, only(agent)).outcome == "updated" and agent.book("team").revision == 4
    assert subscriptions.check(agent, replace(only(agent), file_signature=[])).outcome == "unchanged"


def test_a_tampered_or_half_written_file_is_refused_and_the_last_good_copy_stays(
        agent: Store, lead: Lead, share: Path) -> None:
    lead.publish(share)
    subscriptions.subscribe(agent, str(share / "team.qrpub"))
    good = texts(agent, "team")
    lead.edit()
    lead.publish(share)
    path = share / "team.qrpub"
    published = path.read_bytes()
    path.write_bytes(published.replace("四点".encode(), "五点".encode()))
    result = subscriptions.check(agent, only(agent))
    assert result.outcome == "failed" and result.subscription.status == "refused"
    assert "checksum does not match" in result.message and texts(agent, "team") == good
    path.write_bytes(published[: len(published) // 2])
    result = subscriptions.check(agent, only(agent))
    assert result.outcome == "failed" and texts(agent, "team") == good
    entry = only(agent)
    assert entry.status == "refused" and entry.failures == 2 and entry.last_checked
    path.write_bytes(published)  # the lead fixes it: the next check takes it and the failures are forgotten
    assert subscriptions.check(agent, only(agent)).outcome == "updated"
    assert only(agent).failures == 0 and only(agent).status == "ok"


def test_a_missing_file_keeps_the_copy_and_says_unreachable(agent: Store, lead: Lead, share: Path) -> None:
    lead.publish(share)
    subscriptions.subscribe(agent, str(share / "team.qrpub"))
    (share / "team.qrpub").unlink()
    result = subscriptions.check(agent, only(agent))
    assert result.outcome == "failed" and result.subscription.status == "unreachable"
    assert "cannot read" in result.message and len(agent.phrases("team")) == 3


def test_a_file_rewritten_while_being_read_is_never_half_applied(agent: Store, lead: Lead, share: Path) -> None:
    """A writer rewrites the file in place (as a sync client or a plain copy does), in
    pieces, revision after revision; checks run meanwhile. After every check the book is
    exactly one whole revision, never a mix, and the race really happened (some checks
    refused a half-written file, some applied a new revision)."""
    path = share / "team.qrpub"
    lead.publish(share)
    subscriptions.subscribe(agent, str(path))
    base = lead.store.book("team")
    stop = threading.Event()

    def version(revision: int) -> list[Phrase]:
        return [Phrase(text=f"第{revision}版 第{number}条", id=f"p{number}") for number in range(revision % 4 + 2)]

    def writer() -> None:
        revision = 3
        while not stop.is_set():
            data = publication.build(base, version(revision), revision)
            with open(path, "r+b") as handle:  # in place, not atomically
                handle.truncate(0)
                for start in range(0, len(data), len(data) // 3 + 1):
                    handle.write(data[start:start + len(data) // 3 + 1])
                    handle.flush()
                    time.sleep(0.003)
            revision += 1
            time.sleep(0.004)

    thread = threading.Thread(target=writer, daemon=True)
    thread.start()
    outcomes = []
    try:
        deadline = time.monotonic() + 4
        while time.monotonic() < deadline:
            outcomes.append(subscriptions.check(agent, only(agent)).outcome)
            book = agent.book("team")
            if book.revision > 2:
                assert texts(agent, "team") == [item.text for item in version(book.revision)]
    finally:
        stop.set()
        thread.join()
    assert outcomes.count("updated") >= 3 and outcomes.count("failed") >= 3, outcomes


def test_failures_back_off_exponentially_up_to_a_cap() -> None:
    entry = subscriptions.Subscription(source="/x", last_checked="2026-01-01T00:00:00Z")
    start = subscriptions._parse_time(entry.last_checked)
    delays = []
    for failures in range(12):
        entry.failures = failures
        delays.append(entry.next_check() - start)
    assert delays[0] == timedelta(minutes=15), "all well: the polling interval"
    assert delays[1:5] == [timedelta(minutes=minutes) for minutes in (1, 2, 4, 8)]
    assert delays[-1] == timedelta(hours=6)
    assert subscriptions.due([entry], start + timedelta(hours=5)) == []
    assert subscriptions.due([entry], start + timedelta(hours=6)) == [entry]


def test_the_subscriptions_file_lists_what_the_app_shows(agent: Store, lead: Lead, share: Path) -> None:
    lead.publish(share)
    subscriptions.subscribe(agent, (share / "team.qrpub").as_uri())
    document = json.loads((agent.home / subscriptions.FILE_NAME).read_text("utf-8"))
    assert document["subscriptions"][0]["source"] == str(share / "team.qrpub")
    with pytest.raises(QuickReplyError, match="already subscribed"):
        subscriptions.subscribe(agent, str(share / "team.qrpub"))


def test_a_damaged_list_is_set_aside_with_a_notice_and_never_read_as_empty(agent: Store, lead: Lead,
                                                                          share: Path) -> None:
    lead.publish(share)
    subscriptions.subscribe(agent, str(share / "team.qrpub"))
    agent.backup()
    path = agent.folder.path(subscriptions.FILE_NAME)
    torn = path.read_bytes()[:40]
    path.write_bytes(torn)
    reopened = Store(agent.home)
    assert [notice for notice in reopened.notices if "subscriptions.json was damaged" in notice
            and "restored from the backup" in notice and "quarantine" in notice]
    assert only(reopened).book_id == "team"
    with pytest.raises(QuickReplyError, match="already subscribed"):
        subscriptions.subscribe(reopened, str(share / "team.qrpub"))  # no second copy of the book
    path.write_bytes(torn)  # damaged while the app runs: repaired when next read
    notices: list[str] = []
    assert [entry.book_id for entry in subscriptions.load(reopened.folder, notices)] == ["team"]
    assert len(notices) == 1 and "restored from the backup" in notices[0]
    assert sorted(kept.read_bytes() for kept in agent.folder.path("quarantine").iterdir()) == [torn, torn]


def test_an_entry_with_a_bad_value_keeps_the_rest_and_one_without_a_source_is_left_out(
        agent: Store, lead: Lead, share: Path) -> None:
    lead.publish(share)
    subscriptions.subscribe(agent, str(share / "team.qrpub"))
    path = agent.folder.path(subscriptions.FILE_NAME)
    document = json.loads(path.read_text("utf-8"))
    document["subscriptions"][0]["failures"] = "many"
    document["subscriptions"].append({"name": "no source"})
    path.write_text(json.dumps(document), "utf-8")
    [entry] = subscriptions.load(agent.folder)
    assert entry.failures == 0 and entry.book_id == "team" and entry.revision == 2


def test_a_source_that_cannot_be_read_is_not_subscribed(agent: Store, share: Path) -> None:
    (share / "broken.qrpub").write_text("{}")
    for source, message in ((str(share / "none.qrpub"), "cannot read"), (str(share / "broken.qrpub"), "refused"),
                            ("ftp://example.com/x", "only files and http")):
        with pytest.raises(QuickReplyError, match=message):
            subscriptions.subscribe(agent, source)
    assert subscriptions.load(agent.folder) == []


def test_a_source_that_starts_publishing_another_book_is_refused(agent: Store, lead: Lead, share: Path) -> None:
    lead.publish(share / "team.qrpub")
    subscriptions.subscribe(agent, str(share / "team.qrpub"))
    publication.publish(Phrasebook(name="别的", id="other", revision=9), [Phrase(text="别的话术")],
                        share / "team.qrpub")
    result = subscriptions.check(agent, only(agent))
    assert result.outcome == "failed" and "another book" in result.message and len(agent.phrases("team")) == 3


def test_a_subscribed_book_keeps_its_own_id_beside_a_local_book_of_the_same_id(agent: Store, share: Path,
                                                                              tmp_path: Path) -> None:
    """A lead who publishes the shipped book: agents have that id already as their own."""
    lead_store = Store(tmp_path / "lead")
    shipped = lead_store.book("zh-ecommerce")
    publication.publish(shipped, lead_store.phrases(shipped.id), share / "zh.qrpub")
    before = own_data(agent, "-")
    entry = subscriptions.subscribe(agent, str(share / "zh.qrpub")).subscription
    assert entry.book_id != "zh-ecommerce" and agent.book(entry.book_id).read_only
    assert own_data(agent, entry.book_id) == before


def test_unsubscribing_removes_the_book_or_keeps_an_own_copy(agent: Store, lead: Lead, share: Path) -> None:
    lead.publish(share)
    subscriptions.subscribe(agent, str(share / "team.qrpub"))
    gone = subscriptions.unsubscribe(agent, "团队话术", keep_book=True)
    assert gone.book_id == "team" and subscriptions.load(agent.folder) == []
    kept = agent.book("team")
    assert not kept.read_only and kept.origin == "imported"
    agent.add_phrase("team", Phrase(text="现在可以改了"))
    agent.delete_book("team")
    subscriptions.subscribe(agent, str(share / "team.qrpub"))
    subscriptions.unsubscribe(agent, "team")
    assert all(book.id != "team" for book in agent.books())
    with pytest.raises(QuickReplyError, match="no subscription"):
        subscriptions.unsubscribe(agent, "team")


# -- a real HTTP server -----------------------------------------------------------------

@pytest.fixture
def server(share: Path):
    with StaticServer(share) as running:
        yield running


def test_http_updates_arrive_and_unchanged_sources_answer_304(agent: Store, lead: Lead, share: Path,
                                                              server: StaticServer) -> None:
    lead.publish(share)
    subscriptions.subscribe(agent, f"{server.url}/team.qrpub")
    entry = only(agent)
    assert entry.etag and entry.last_modified
    server.reset_counts()
    assert subscriptions.check(agent, only(agent)).outcome == "unchanged"
    assert server.counts() == {304: 1}
    before = own_data(agent, "team")
    lead.edit()
    lead.publish(share)
    result = subscriptions.check(agent, only(agent))
    assert result.outcome == "updated" and (len(result.added), len(result.changed), len(result.removed)) == (1, 1, 1)
    assert texts(agent, "team") == texts(lead.store, "team") and own_data(agent, "team") == before
    assert server.counts() == {304: 1, 200: 1}


def test_a_stopped_server_keeps_the_last_good_copy_and_says_unreachable(agent: Store, lead: Lead, share: Path,
                                                                        server: StaticServer) -> None:
    lead.publish(share)
    subscriptions.subscribe(agent, f"{server.url}/team.qrpub")
    good = texts(agent, "team")
    server.stop()
    result = subscriptions.check(agent, only(agent))
    assert result.outcome == "failed" and result.subscription.status == "unreachable"
    assert result.message == f"unreachable: {server.url}/team.qrpub (the server refused the connection; is it running?)"
    assert texts(agent, "team") == good and only(agent).last_updated and only(agent).failures == 1


def test_why_a_source_failed_is_said_in_chinese_and_the_system_s_words_go_to_the_log(
        agent: Store, lead: Lead, share: Path, caplog: pytest.LogCaptureFixture) -> None:
    lead.publish(share)
    subscriptions.subscribe(agent, str(share / "team.qrpub"))
    (share / "team.qrpub").unlink()
    set_language("zh")
    try:
        with StaticServer(share) as server:
            missing = subscriptions.fetch(replace(only(agent), source=f"{server.url}/team.qrpub"))
        refused = subscriptions.fetch(replace(only(agent), source=f"{server.url}/team.qrpub"))
        gone = subscriptions.check(agent, only(agent))
    finally:
        set_language("en")
    assert gone.message == f"无法访问：无法读取 {share / 'team.qrpub'}（它或它所在的文件夹不存在）"
    assert missing.message == f"无法访问：{server.url}/team.qrpub（服务器上没有这个文件（代码 404））"
    assert refused.message == f"无法访问：{server.url}/team.qrpub（服务器拒绝了连接；它是否在运行？）"
    # The system's own words are in the system's language (Chinese on a Chinese Windows).
    assert "FileNotFoundError" in caplog.text and "ConnectionRefusedError" in caplog.text
    assert "404 File not found" in caplog.text


def test_an_http_error_is_unreachable(agent: Store, lead: Lead, share: Path, server: StaticServer) -> None:
    lead.publish(share)
    subscriptions.subscribe(agent, f"{server.url}/team.qrpub")
    (share / "team.qrpub").unlink()
    result = subscriptions.check(agent, only(agent))
    assert result.subscription.status == "unreachable" and "404" in result.message
    assert len(agent.phrases("team")) == 3


def test_http_tampered_or_wrongly_signed_files_are_refused(agent: Store, share: Path, tmp_path: Path) -> None:
    lead_key_path, _, lead_public = publication.generate_keys(tmp_path / "lead-keys")
    stranger_path, _, _ = publication.generate_keys(tmp_path / "stranger-keys")
    lead = Lead(tmp_path / "lead", publication.load_private_key(lead_key_path))
    lead.publish(share)
    with StaticServer(share) as server:
        subscriptions.subscribe(agent, f"{server.url}/team.qrpub", key=lead_public)
        good = texts(agent, "team")
        before = own_data(agent, "team")
        lead.edit()
        lead.publish(share)
        path = share / "team.qrpub"
        path.write_bytes(path.read_bytes().replace("四点".encode(), "五点".encode()))
        result = subscriptions.check(agent, only(agent))
        assert result.subscription.status == "refused" and "checksum" in result.message
        lead.private_key = publication.load_private_key(stranger_path)
        lead.publish(share)
        result = subscriptions.check(agent, only(agent))
        assert result.subscription.status == "refused" and "another key" in result.message
        assert texts(agent, "team") == good and own_data(agent, "team") == before
        lead.private_key = publication.load_private_key(lead_key_path)
        lead.publish(share)
        assert subscriptions.check(agent, only(agent)).outcome == "updated"
        assert texts(agent, "team") == texts(lead.store, "team")


def test_a_book_put_back_from_a_backup_is_fetched_in_full(agent: Store, lead: Lead, share: Path,
                                                          server: StaticServer) -> None:
    lead.publish(share)
    subscriptions.subscribe(agent, f"{server.url}/team.qrpub")
    agent.backup("test")
    lead.edit()
    lead.publish(share)
    subscriptions.check(agent, only(agent))
    backups = sorted((agent.home / "backups").iterdir())
    agent.restore(next(entry.name for entry in backups if entry.name.endswith("-test")))
    assert agent.book("team").revision == 2
    server.reset_counts()
    assert subscriptions.check(agent, only(agent)).outcome == "updated"
    assert server.counts() == {200: 1} and texts(agent, "team") == texts(lead.store, "team")


def test_fifty_subscribers_polling_one_server_cost_304s_not_downloads(lead: Lead, share: Path, tmp_path: Path,
                                                                      server: StaticServer) -> None:
    lead.publish(share)
    url = f"{server.url}/team.qrpub"
    homes = [tmp_path / f"agent-{number:02}" for number in range(50)]

    def subscribe(home: Path) -> None:
        subscriptions.subscribe(Store(home, seed=False), url)

    def poll(home: Path) -> str:
        store = Store(home, seed=False)
        return subscriptions.check(store, only(store)).outcome

    with ThreadPoolExecutor(max_workers=10) as pool:
        list(pool.map(subscribe, homes))
        assert server.counts() == {200: 50}
        server.reset_counts()
        for _round in range(3):
            assert set(pool.map(poll, homes)) == {"unchanged"}
        assert server.counts() == {304: 150}
        lead.edit()
        lead.publish(share)
        server.reset_counts()
        assert set(pool.map(poll, homes)) == {"updated"}
        assert set(pool.map(poll, homes)) == {"unchanged"}
        assert server.counts() == {200: 50, 304: 50}
    for home in homes:
        assert texts(Store(home, seed=False), "team") == texts(lead.store, "team")


@pytest.mark.parametrize(("url", "path"), [
    ("file:///C:/share/team.qrpub", r"C:\share\team.qrpub"),
    ("file:///c|/share/team.qrpub", r"c:\share\team.qrpub"),
    ("file://localhost/D:/团队/team%20zh.qrpub", r"D:\团队\team zh.qrpub"),
    ("file://server/share/team.qrpub", r"\\server\share\team.qrpub"),
    ("file:////server/share/team.qrpub", r"\\server\share\team.qrpub"),
])
def test_a_file_url_on_windows_keeps_its_drive_letter_and_its_server(url: str, path: str) -> None:
    found = subscriptions.file_url_path(url, windows=True)
    assert found == path
    assert PureWindowsPath(found).is_absolute(), "never a path relative to the current folder of a drive"


def test_off_windows_a_file_url_naming_a_server_is_refused() -> None:
    assert subscriptions.file_url_path("file:///srv/share/team.qrpub", windows=False) == "/srv/share/team.qrpub"
    with pytest.raises(QuickReplyError, match="another computer"):
        subscriptions.file_url_path("file://server/share/team.qrpub", windows=False)

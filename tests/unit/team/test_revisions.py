"""No rollback: the highest revision applied from each source outlives a restore, so an
older signed file served again is refused; a 304 is believed only when it answers what
was asked, and never makes a subscription claim a revision its book does not have."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from assistant.errors import QuickReplyError
from assistant.phrases.store import Store
from assistant.team import publication, subscriptions
from tests.hostile_server import HostileServer
from tests.static_server import StaticServer
from tests.unit.cli.test_cli import cli
from tests.unit.team.subscription_support import Lead


@pytest.fixture
def agent(isolated_home: Path) -> Store:
    return Store(isolated_home)


def only(store: Store) -> subscriptions.Subscription:
    [entry] = subscriptions.load(store.folder)
    return entry


def backup_named(store: Store, suffix: str) -> str:
    return next(entry.name for entry in (store.home / "backups").iterdir() if entry.name.endswith(suffix))


def test_an_older_signed_revision_replayed_after_a_restore_is_refused(agent: Store, share: Path,
                                                                      tmp_path: Path) -> None:
    """The issue's case: revision 6 was seen, a restore put 4 back, and a replayed,
    validly signed 5 was accepted as an update."""
    key_path, _, public_key = publication.generate_keys(tmp_path / "keys")
    lead = Lead(tmp_path / "lead", publication.load_private_key(key_path))
    path = share / "team.qrpub"
    signed = {}

    def publish() -> None:
        shipping = lead.phrase("fh")
        lead.store.update_phrase("team", shipping.with_changes(text=shipping.text + "！"))
        revision = lead.publish(share)
        signed[revision] = path.read_bytes()

    with StaticServer(share) as server:
        for _round in range(3):
            publish()
        subscriptions.subscribe(agent, f"{server.url}/team.qrpub", key=public_key)
        assert agent.book("team").revision == 4
        agent.backup("at-4")
        for _round in range(2):
            publish()
            assert subscriptions.check(agent, only(agent)).outcome == "updated"
        assert agent.book("team").revision == 6
        seen = (agent.home / subscriptions.SEEN_FILE).read_bytes()
        agent.restore(backup_named(agent, "-at-4"))
        assert agent.book("team").revision == 4 and only(agent).revision == 4
        assert (agent.home / subscriptions.SEEN_FILE).read_bytes() == seen, "a restore leaves the marks alone"
        path.write_bytes(signed[5])
        result = subscriptions.check(agent, only(agent))
        assert result.outcome == "failed" and result.subscription.status == "refused"
        assert "offers revision 5, older than revision 6 already applied here" in result.message
        assert agent.book("team").revision == 4
        path.write_bytes(signed[6])  # the real newest is taken again
        assert subscriptions.check(agent, only(agent)).outcome == "updated" and agent.book("team").revision == 6


def test_the_marks_survive_unsubscribing_and_are_kept_per_source_and_book(agent: Store, lead: Lead,
                                                                          share: Path) -> None:
    lead.publish(share)
    old = (share / "team.qrpub").read_bytes()
    lead.publish(share)
    source = str(share / "team.qrpub")
    subscriptions.subscribe(agent, source)
    subscriptions.unsubscribe(agent, source)
    (share / "team.qrpub").write_bytes(old)
    with pytest.raises(QuickReplyError, match="offers revision 2, older than revision 3"):
        subscriptions.subscribe(agent, source)
    assert subscriptions.load(agent.folder) == []
    document = json.loads((agent.home / subscriptions.SEEN_FILE).read_text("utf-8"))
    assert document["sources"] == {source: {"book": "team", "revision": 3}}
    assert subscriptions.highest_applied(agent.folder, source, "another-book") == 0


def test_a_damaged_marks_file_is_recovered_from_a_backup(agent: Store, lead: Lead, share: Path) -> None:
    lead.publish(share)
    source = str(share / "team.qrpub")
    subscriptions.subscribe(agent, source)
    agent.backup("marks")
    (agent.home / subscriptions.SEEN_FILE).write_text('{"sources": {"x": {"book": 1}}}', "utf-8")
    reopened = Store(agent.home)
    assert [notice for notice in reopened.notices if notice.startswith(f"{subscriptions.SEEN_FILE} was damaged")
            and "restored from the backup" in notice]
    assert subscriptions.highest_applied(reopened.folder, source, "team") == 2


def test_a_304_to_a_request_for_the_whole_file_is_refused(agent: Store, lead: Lead, share: Path) -> None:
    """A server without validators (no ETag, no Last-Modified) that answers 304 anyway."""
    lead.publish(share)
    with HostileServer("serve", body=(share / "team.qrpub").read_bytes()) as server:
        subscriptions.subscribe(agent, server.url)
        assert (only(agent).etag, only(agent).last_modified) == ("", "")
        server.mode = "not-modified"
        result = subscriptions.check(agent, only(agent))
    assert "If-None-Match" not in server.requests[-1] and "If-Modified-Since" not in server.requests[-1]
    assert result.outcome == "failed" and result.subscription.status == "refused"
    assert result.message == f'refused: {server.url} answered "not modified" when asked for the whole file'


def test_a_304_for_a_book_changed_meanwhile_is_not_believed(agent: Store, lead: Lead, share: Path) -> None:
    """The app checks on a thread: a restore may put an older book back between asking
    "has revision 3 changed?" and the 304 arriving; the 304 says nothing of revision 2."""
    lead.publish(share)
    with StaticServer(share) as server:
        subscriptions.subscribe(agent, f"{server.url}/team.qrpub")
        agent.backup("at-2")
        lead.edit()
        lead.publish(share)
        subscriptions.check(agent, only(agent))
        asked = only(agent)
        fetched = subscriptions.fetch(asked, subscriptions.conditional_allowed(agent, asked))
        assert fetched.kind == "not-modified"
        agent.restore(backup_named(agent, "-at-2"))
        result = subscriptions.apply(agent, asked, fetched)
        assert result.outcome == "failed" and "no longer the revision it last sent" in result.message
        assert agent.book("team").revision == 2
        server.reset_counts()
        assert subscriptions.check(agent, only(agent)).outcome == "updated" and server.counts() == {200: 1}
        assert agent.book("team").revision == 3 and only(agent).revision == 3


def test_a_304_on_the_first_subscribe_says_why(agent: Store, capsys: pytest.CaptureFixture) -> None:
    with HostileServer("not-modified") as server:
        code, out, err = cli(capsys, "subscribe", server.url)
    assert code == 1 and out == ""
    assert err.strip() == (f'quickreply: error: refused: {server.url} answered "not modified" when asked for '
                           'the whole file')

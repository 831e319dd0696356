"""Fetches that end: servers on loopback that dribble their body or their headers, a
FIFO named as the file, redirects away from http(s), and a fetch cancelled from another
thread (the app quitting). The deadline is shortened so the tests take seconds; each
test measures that the fetch gives up soon after it, not when the server stops."""

from __future__ import annotations

import os
import socket
import threading
import time
from pathlib import Path

import pytest

from assistant.errors import QuickReplyError
from assistant.i18n import set_language
from assistant.phrases.store import Store
from assistant.team import subscriptions
from assistant.team.sources import DEADLINE_SECONDS, Deadline
from tests.hostile_server import HostileServer
from tests.static_server import StaticServer
from tests.unit.team.subscription_support import Lead

DEADLINE = 1.5
#: Past the deadline, what a fetch may take to notice and give up: a loaded machine (a
#: whole test suite beside other work) has taken more than 1.5 s; a hang would take 60 s.
SLACK = 3.0


@pytest.fixture
def agent(isolated_home: Path) -> Store:
    return Store(isolated_home, seed=False)


def subscribe_timed(agent: Store, source: str, deadline: float = DEADLINE) -> tuple[str, float]:
    """The error subscribing ends with, and how long it took."""
    start = time.monotonic()
    with pytest.raises(QuickReplyError) as caught:
        subscriptions.subscribe(agent, source, deadline=Deadline(deadline))
    return str(caught.value), time.monotonic() - start


@pytest.mark.parametrize("mode", ["slow-body", "slow-headers"])
def test_a_server_that_dribbles_is_given_up_on_at_the_deadline(agent: Store, mode: str) -> None:
    """A byte every 0.2 s never trips the 15-second wait for each read; the deadline ends it."""
    with HostileServer(mode) as server:
        message, took = subscribe_timed(agent, server.url)
    assert message == f"unreachable: {server.url} (no whole answer within 1.5 seconds)"
    assert DEADLINE <= took < DEADLINE + SLACK, took
    assert subscriptions.load(agent.folder) == [] and agent.books() == []


@pytest.mark.parametrize("scheme", ["http", "https"])
def test_a_server_that_accepts_and_never_answers_is_given_up_on(agent: Store, scheme: str) -> None:
    """For https the client waits in the TLS handshake, before any HTTP is read."""
    with socket.create_server(("127.0.0.1", 0)) as silent:  # the backlog accepts; nothing answers
        url = f"{scheme}://127.0.0.1:{silent.getsockname()[1]}/team.qrpub"
        message, took = subscribe_timed(agent, url)
    assert message == f"unreachable: {url} (no whole answer within 1.5 seconds)"
    assert DEADLINE <= took < DEADLINE + SLACK, took


def test_a_dribbling_source_fails_a_check_and_the_last_good_copy_stays(agent: Store, published_lead: Lead,
                                                                        share: Path) -> None:
    with StaticServer(share) as good:
        subscriptions.subscribe(agent, f"{good.url}/team.qrpub")
    [entry] = subscriptions.load(agent.folder)
    with HostileServer("slow-body") as server:
        start = time.monotonic()
        result = subscriptions.check(agent, subscriptions.Subscription(**{**entry.__dict__, "source": server.url}),
                                     Deadline(DEADLINE))
        took = time.monotonic() - start
    assert result.outcome == "failed" and result.subscription.status == "unreachable" and took < DEADLINE + SLACK
    assert len(agent.phrases("team")) == 3


def test_the_deadline_is_said_in_chinese(agent: Store) -> None:
    set_language("zh")
    try:
        with HostileServer("slow-headers") as server:
            message, _took = subscribe_timed(agent, server.url, deadline=0.5)
    finally:
        set_language("en")
    assert message == f"无法访问：{server.url}（0.5 秒内没有收到完整的回答）"


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes in the file system (FIFOs) are POSIX")
def test_a_fifo_named_as_the_source_is_refused_at_once(agent: Store, published_lead: Lead, share: Path) -> None:
    """Opening a FIFO for reading waits for a writer that never comes."""
    path = share / "team.qrpub"
    subscriptions.subscribe(agent, str(path))
    path.unlink()
    os.mkfifo(path)
    [entry] = subscriptions.load(agent.folder)
    start = time.monotonic()
    result = subscriptions.check(agent, entry, Deadline(DEADLINE))
    took = time.monotonic() - start
    assert result.outcome == "failed" and result.subscription.status == "refused" and took < 0.5, took
    assert result.message == f"refused: {path} is not a regular file (a folder, a device or a pipe)"
    fifo = share / "other.qrpub"
    os.mkfifo(fifo)
    message, took = subscribe_timed(agent, str(fifo))
    assert "not a regular file" in message and took < 0.5
    message, _took = subscribe_timed(agent, str(share))
    assert message == f"refused: {share} is not a regular file (a folder, a device or a pipe)"
    assert len(agent.phrases("team")) == 3


@pytest.mark.parametrize("target", ["ftp://127.0.0.1/team.qrpub", "file:///etc/passwd"])
def test_a_redirect_away_from_http_is_refused(agent: Store, target: str) -> None:
    with HostileServer("redirect", target=target) as server:
        message, _took = subscribe_timed(agent, server.url)
    assert message == f"refused: {server.url}: redirected to {target}; only http(s) addresses are followed"
    assert subscriptions.load(agent.folder) == []


def test_a_redirect_to_another_web_address_is_followed(agent: Store, published_lead: Lead, share: Path) -> None:
    with StaticServer(share) as good, HostileServer("redirect", target=f"{good.url}/team.qrpub") as server:
        result = subscriptions.subscribe(agent, server.url)
    assert result.outcome == "updated" and len(agent.phrases("team")) == 3


def test_a_cancelled_fetch_ends_at_once(agent: Store) -> None:
    """What the app does when it quits: the deadline is far off, cancelling ends it."""
    deadline = Deadline(60)
    with HostileServer("slow-body") as server:
        threading.Timer(0.3, deadline.cancel).start()
        start = time.monotonic()
        fetched = subscriptions.fetch(subscriptions.Subscription(source=server.url), deadline=deadline)
        took = time.monotonic() - start
    assert fetched.kind == "failed" and fetched.status == "unreachable" and 0.3 <= took < 0.3 + SLACK, took


def test_the_real_deadline_is_thirty_seconds_for_the_whole_fetch() -> None:
    deadline = Deadline()
    assert DEADLINE_SECONDS == 30 and deadline.seconds == 30 and 29 < deadline.remaining() <= 30

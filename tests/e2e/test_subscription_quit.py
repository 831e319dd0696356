"""Quitting the real app while its subscription checks hang: servers on loopback that
dribble the body or the headers, one that accepts the connection and never answers,
and a FIFO where the shared file was. The app checks them at start with its real 30 s
deadline; ``quickreply quit`` must end it within 2 s all the same (it used to wait 60 s)."""

from __future__ import annotations

import json
import os
import socket
import time
from pathlib import Path

from assistant.phrases.store import Store
from assistant.team import subscriptions
from tests.e2e.app_process import AppProcess
from tests.hostile_server import HostileServer
from tests.unit.team.subscription_support import Lead

QUIT_LIMIT_SECONDS = 2.0


def test_quitting_takes_under_two_seconds_whatever_the_sources_do(xserver, tmp_path: Path, share: Path) -> None:
    Lead(tmp_path / "lead").publish(share)
    body = (share / "team.qrpub").read_bytes()
    home = tmp_path / "home"
    store = Store(home)
    silent = socket.create_server(("127.0.0.1", 0))  # accepts (the backlog does), never answers
    with HostileServer("serve", body=body) as slow_body, HostileServer("serve", body=body) as slow_headers, silent:
        silent_url = f"http://127.0.0.1:{silent.getsockname()[1]}/team.qrpub"
        for server in (slow_body, slow_headers):
            subscriptions.subscribe(store, server.url)
        subscriptions.subscribe(store, str(share / "team.qrpub"))
        (share / "team.qrpub").unlink()
        os.mkfifo(share / "team.qrpub")
        slow_body.mode, slow_headers.mode = "slow-body", "slow-headers"
        listed = json.loads((home / subscriptions.FILE_NAME).read_text("utf-8"))
        listed["subscriptions"].append({"source": silent_url, "id": "silent"})
        for entry in listed["subscriptions"]:
            entry["last_checked"] = ""  # all due: the app checks them as it starts
        (home / subscriptions.FILE_NAME).write_text(json.dumps(listed), "utf-8")

        app = AppProcess(xserver, home)
        try:
            deadline = time.monotonic() + 10
            while not (slow_body.requests[1:] and slow_headers.requests[1:]) and time.monotonic() < deadline:
                time.sleep(0.05)
            assert slow_body.requests[1:] and slow_headers.requests[1:], "the app did not check the sources"
            time.sleep(0.5)  # well into the dribble
            took = app.quit_timed()
        finally:
            errors = app.stop()
    print(f"quit with four hanging sources took {took:.2f} s")
    assert took < QUIT_LIMIT_SECONDS, took
    assert app.process.returncode == 0 and "Traceback" not in errors, errors

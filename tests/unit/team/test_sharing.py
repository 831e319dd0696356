"""Agents share their numbers to the team's folder (or an address that takes PUT), and
the lead's report reads the folder."""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from dataclasses import replace
from datetime import datetime, timedelta
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import ClassVar

import pytest

from assistant.cli.main import main
from assistant.phrases.store import Store
from assistant.replies.conversations import ConversationLog
from assistant.settings import Settings, load_settings, save_settings
from assistant.team.sharing import due, share_now, shared_file_name

NOW = datetime.now().astimezone()


def cli(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def agent(home: Path, name: str, conversations: int) -> Store:
    store = Store(home)
    save_settings(store.folder, replace(load_settings(store.folder), agent_name=name))
    log = ConversationLog(store)
    for number in range(conversations):
        log.record(f"aliworkbench|buyer{number}", "zh-ecommerce", "zh-ship-01", NOW - timedelta(hours=number))
    return store


def test_three_agents_share_to_one_folder_and_the_report_reads_it(capsys, tmp_path: Path, monkeypatch) -> None:
    team = tmp_path / "team"
    team.mkdir()
    # Two agents of the same name: each data folder has a file of its own.
    for number, name in enumerate(["王芳", "Li Lei", "王芳"]):
        monkeypatch.setenv("QUICKREPLY_HOME", str(tmp_path / f"agent{number}"))
        agent(tmp_path / f"agent{number}", name, number + 1)
        code, out, err = cli(capsys, "share", str(team))
        assert (code, err) == (0, "") and str(team) in out
        assert cli(capsys, "share")[0] == 0  # again, to the place remembered: the same file
    assert len(list(team.glob("*.json"))) == 3
    code, out, err = cli(capsys, "report", str(team), "--out", str(tmp_path / "team.html"))
    assert (code, err) == (0, "") and "3 agents" in out
    numbers = json.loads((tmp_path / "team.json").read_text("utf-8"))
    # The report tells the two 王芳 apart by their files.
    names = sorted(agent["name"] for agent in numbers["agents"])
    assert names[0] == "Li Lei" and all(name.startswith("王芳 (王芳-") for name in names[1:])
    assert names[1] != names[2]
    assert numbers["conversations"] == 6


def test_sharing_is_once_a_day_and_only_when_chosen(tmp_path: Path) -> None:
    store = agent(tmp_path / "home", "小王", 1)
    settings = load_settings(store.folder)
    assert not due(settings, NOW)
    settings = replace(settings, team_share=str(tmp_path))
    assert due(settings, NOW)
    settings, where = share_now(store, settings, NOW)
    assert not due(settings, NOW) and due(settings, NOW + timedelta(days=1))
    assert Path(where) == tmp_path / shared_file_name(settings) and shared_file_name(settings).startswith("小王-")


def test_a_missing_team_folder_is_one_clear_line(capsys, isolated_home: Path, tmp_path: Path) -> None:
    code, out, err = cli(capsys, "share", str(tmp_path / "not-there"))
    assert code != 0 and out == "" and "not-there" in err and len(err.strip().splitlines()) == 1
    code, _, err = cli(capsys, "share")
    assert code != 0 and "no team folder set" in err


def test_off_stops_sharing(capsys, isolated_home: Path, tmp_path: Path) -> None:
    assert cli(capsys, "share", str(tmp_path))[0] == 0
    assert cli(capsys, "share", "--off")[0] == 0
    assert load_settings(Store(isolated_home).folder).team_share == ""


class _Receiver(BaseHTTPRequestHandler):
    received: ClassVar[dict[str, bytes]] = {}
    status = 201

    def do_PUT(self) -> None:
        _Receiver.received[self.path] = self.rfile.read(int(self.headers["Content-Length"]))
        self.send_response(_Receiver.status)
        self.end_headers()

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def server() -> Iterator[str]:
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _Receiver)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}/team/"
    httpd.shutdown()
    _Receiver.received.clear()
    _Receiver.status = 201


def test_an_address_gets_the_numbers_by_put(tmp_path: Path, server: str) -> None:
    store = agent(tmp_path / "home", "Li Lei", 2)
    settings, where = share_now(store, replace(Settings(), agent_name="Li Lei", team_share=server), NOW)
    sent = _Receiver.received[f"/team/{shared_file_name(settings)}"]
    assert where.endswith(shared_file_name(settings)) and json.loads(sent)["conversations"] == 2


def test_a_server_that_refuses_is_one_clear_error(tmp_path: Path, server: str) -> None:
    from assistant.errors import QuickReplyError

    _Receiver.status = 403
    store = agent(tmp_path / "home", "Li Lei", 1)
    with pytest.raises(QuickReplyError, match="refuses access"):
        share_now(store, replace(Settings(), team_share=server), NOW)

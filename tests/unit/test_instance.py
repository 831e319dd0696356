"""The instance socket protocol, against a plain server standing in for the app."""

from __future__ import annotations

import socket
import threading
from pathlib import Path

import pytest

from assistant.instance import instance_address, parse_request, send_command


def test_addresses_differ_per_data_folder_and_can_be_overridden(tmp_path: Path,
                                                                monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("QUICKREPLY_INSTANCE", raising=False)
    first, second = instance_address(tmp_path / "a"), instance_address(tmp_path / "b")
    assert first != second and len(first.encode()) < 104
    monkeypatch.setenv("QUICKREPLY_INSTANCE", "test-key")
    assert instance_address(tmp_path / "a").endswith("test-key.sock")


def test_no_running_instance_means_false(tmp_path: Path) -> None:
    assert send_command(str(tmp_path / "nobody.sock"), "pick") is False


def test_a_command_reaches_a_listener_and_is_acknowledged(tmp_path: Path) -> None:
    address = str(tmp_path / "app.sock")
    received: list[tuple[str, dict] | None] = []
    server = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    server.bind(address)
    server.listen(1)

    def serve() -> None:
        connection, _ = server.accept()
        with connection:
            received.append(parse_request(connection.makefile("rb").readline()))
            connection.sendall(b'{"ok": true}\n')

    thread = threading.Thread(target=serve)
    thread.start()
    assert send_command(address, "drill", arguments={"text": "亲，在的", "minutes": 1}) is True
    thread.join(5)
    server.close()
    assert received == [("drill", {"text": "亲，在的", "minutes": 1})]


def test_unknown_requests_are_ignored() -> None:
    assert parse_request(b'{"command": "rm -rf"}\n') is None
    assert parse_request(b"garbage") is None
    assert parse_request(b'{"command": "drill", "arguments": ["not", "a", "dict"]}\n') is None
    assert parse_request(b'{"command": "pick"}\n') == ("pick", {})

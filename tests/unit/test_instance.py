"""The instance socket protocol, against a plain server standing in for the app."""

from __future__ import annotations

import contextlib
import os
import socket
import threading
import uuid
from collections.abc import Callable
from pathlib import Path

import pytest

from assistant.instance import instance_address, parse_request, send_command


def test_addresses_differ_per_data_folder_and_can_be_overridden(tmp_path: Path,
                                                                monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("QUICKREPLY_INSTANCE", raising=False)
    first, second = instance_address(tmp_path / "a"), instance_address(tmp_path / "b")
    assert first != second and len(first.encode()) < 104
    monkeypatch.setenv("QUICKREPLY_INSTANCE", "test-key")
    assert instance_address(tmp_path / "a").endswith("test-key" if os.name == "nt" else "test-key.sock")


def test_no_running_instance_means_false(tmp_path: Path) -> None:
    assert send_command(str(tmp_path / "nobody.sock"), "pick") is False


def _unix_listener(address: str, answer: Callable[[bytes], bytes]) -> Callable[[], None]:
    """A Unix socket server for one request, as the app's QLocalServer is on Linux."""
    server = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    server.bind(address)
    server.listen(1)

    def serve() -> None:
        with server:
            connection, _ = server.accept()
            with connection:
                connection.sendall(answer(connection.makefile("rb").readline()))

    return serve


def _pipe_listener(address: str, answer: Callable[[bytes], bytes]) -> Callable[[], None]:
    """A named pipe server for one request, as the app's QLocalServer is on Windows."""
    import _winapi

    pipe = _winapi.CreateNamedPipe(
        rf"\\.\pipe\{address}", _winapi.PIPE_ACCESS_DUPLEX, _winapi.PIPE_WAIT,  # a byte stream, as QLocalServer's
        1, 65536, 65536, 0, _winapi.NULL)

    def serve() -> None:
        try:
            try:
                _winapi.ConnectNamedPipe(pipe, False)
            except OSError as error:
                if error.winerror != 535:  # ERROR_PIPE_CONNECTED: the client came first, as it may
                    raise
            request = b""
            while not request.endswith(b"\n"):
                request += _winapi.ReadFile(pipe, 65536)[0]
            _winapi.WriteFile(pipe, answer(request))
            with contextlib.suppress(BrokenPipeError):  # until the client has read it and closed
                _winapi.ReadFile(pipe, 1)
        finally:
            _winapi.CloseHandle(pipe)

    return serve


def test_a_command_reaches_a_listener_and_is_acknowledged(tmp_path: Path) -> None:
    received: list[tuple[str, dict] | None] = []

    def answer(request: bytes) -> bytes:
        received.append(parse_request(request))
        return b'{"ok": true}\n'

    if os.name == "nt":
        address = f"quickreply-test-{uuid.uuid4().hex}"
        serve = _pipe_listener(address, answer)
    else:
        address = str(tmp_path / "app.sock")
        serve = _unix_listener(address, answer)
    thread = threading.Thread(target=serve)
    thread.start()
    assert send_command(address, "drill", arguments={"text": "亲，在的", "minutes": 1}) is True
    thread.join(5)
    assert received == [("drill", {"text": "亲，在的", "minutes": 1})]


def test_unknown_requests_are_ignored() -> None:
    assert parse_request(b'{"command": "rm -rf"}\n') is None
    assert parse_request(b"garbage") is None
    assert parse_request(b'{"command": "drill", "arguments": ["not", "a", "dict"]}\n') is None
    assert parse_request(b'{"command": "pick"}\n') == ("pick", {})

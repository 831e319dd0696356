"""Talking to the running QuickReply: one instance per data folder, reached over a
local socket.

The app listens (Qt's QLocalServer, in ui/) at ``instance_address()``; anything else —
``quickreply pick`` bound to a desktop shortcut on Wayland, a second ``quickreply`` —
connects here with the standard library, so the command line needs no Qt. The protocol
is one JSON line each way: ``{"command": "pick"}`` → ``{"ok": true}``; a command that
needs more says it in ``"arguments"`` (``quickreply drill`` sends its text and minutes).
"""

from __future__ import annotations

import hashlib
import json
import os
import socket
import tempfile
from pathlib import Path

COMMANDS = ("pick", "show", "quit", "drill")


def instance_address(home: Path) -> str:
    """A socket path (a pipe name on Windows) unique to the user and data folder.

    QUICKREPLY_INSTANCE overrides the key, so tests and parallel profiles stay apart.
    Short enough for the 104-byte limit on Unix socket paths.
    """
    key = os.environ.get("QUICKREPLY_INSTANCE") or hashlib.sha256(str(home.resolve()).encode()).hexdigest()[:16]
    name = f"quickreply-{_user()}-{key}"
    if os.name == "nt":
        return name
    folder = os.environ.get("XDG_RUNTIME_DIR") or tempfile.gettempdir()
    return str(Path(folder) / f"{name}.sock")


def _user() -> str:
    try:
        return str(os.getuid())
    except AttributeError:
        return os.environ.get("USERNAME", "user")


def send_command(address: str, command: str, timeout: float = 2.0, arguments: dict | None = None) -> bool:
    """Ask the running instance to do ``command``; False when none is running."""
    request = (json.dumps({"command": command, "arguments": arguments or {}}, ensure_ascii=False) + "\n").encode()
    try:
        if os.name == "nt":
            return _send_over_pipe(address, request)
        with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as connection:
            connection.settimeout(timeout)
            connection.connect(address)
            connection.sendall(request)
            reply = connection.makefile("rb").readline()
    except OSError:
        return False
    return _accepted(reply)


def _send_over_pipe(address: str, request: bytes) -> bool:
    with open(rf"\\.\pipe\{address}", "r+b", buffering=0) as pipe:
        pipe.write(request)
        return _accepted(pipe.readline())


def _accepted(reply: bytes) -> bool:
    try:
        return bool(json.loads(reply.decode("utf-8")).get("ok"))
    except (ValueError, AttributeError):
        return False


def parse_request(line: bytes) -> tuple[str, dict] | None:
    """The command and its arguments in one request line, or None when it is not one we
    know. The arguments are only ever data: the app checks each one it reads."""
    try:
        request = json.loads(line.decode("utf-8"))
        command, arguments = request.get("command"), request.get("arguments", {})
    except (ValueError, AttributeError):
        return None
    if command not in COMMANDS or not isinstance(arguments, dict):
        return None
    return command, arguments

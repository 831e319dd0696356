"""A subscription's source read within a deadline, whatever the other side does.

A timeout on each read does not bound a fetch: a server that sends a byte every few
seconds, in its body or in its headers, never trips it, and a FIFO named as the file
blocks on open for ever. So every fetch runs under a ``Deadline`` for the whole of it.
When it passes, or when the app quits and cancels it, the sockets opened under it are
shut down, which wakes the thread blocked reading them at once, and the fetch fails
with one line. A file source must be a regular file: checked before it is opened, and
again on what was opened (without blocking), so a FIFO or a device never hangs a check.
The web half is ``assistant.team.web`` (imported only when a web source is checked:
urllib pulls in ssl and email, which the app's cold start should not pay).

These modules only read bytes; what they mean is ``assistant.team.publication``'s job,
and what a failure means for the subscription is ``assistant.team.subscriptions``'.
"""

from __future__ import annotations

import contextlib
import os
import socket
import stat
import threading
import time
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import http.client

#: How long one fetch may take, all told.
DEADLINE_SECONDS = 30.0
#: After the deadline, how often the sockets still open are shut down again (one may be
#: opened, or wrapped for TLS, just after the first time).
_RESHUT_SECONDS = 0.1
_CHUNK = 64 * 1024


class TimedOut(Exception):
    """The deadline passed, or the fetch was cancelled."""


class Deadline:
    """The time one fetch may take; ``cancel`` ends it early (the app quitting).

    The sockets of the connections made through ``connection`` are watched by a thread
    of its own, which wakes when the time is up and shuts them down until ``close``."""

    def __init__(self, seconds: float = DEADLINE_SECONDS):
        self.seconds = seconds
        self._end = time.monotonic() + seconds
        self._lock = threading.Lock()
        self._sockets: list[socket.socket] = []
        self._cancelled = threading.Event()
        self._closed = threading.Event()
        #: Wakes the watcher early: cancelled, or closed.
        self._wake = threading.Event()
        self._watcher: threading.Thread | None = None

    @property
    def over(self) -> bool:
        return self._cancelled.is_set() or time.monotonic() >= self._end

    @property
    def cancelled(self) -> bool:
        return self._cancelled.is_set()

    def remaining(self) -> float:
        """Seconds left; raises ``TimedOut`` when there are none."""
        left = 0.0 if self._cancelled.is_set() else self._end - time.monotonic()
        if left <= 0:
            raise TimedOut
        return left

    def cancel(self) -> None:
        self._cancelled.set()
        self._wake.set()

    def close(self) -> None:
        """The fetch is over: stop watching."""
        self._closed.set()
        self._wake.set()

    def connection(self, http_class: type[http.client.HTTPConnection]) -> type[http.client.HTTPConnection]:
        """``http_class``, with its sockets watched by this deadline: the plain one as
        soon as it is connected (a TLS handshake can dribble too), the one it reads
        through once ``connect`` is done (TLS wraps the plain one in another)."""
        deadline = self

        class Watched(http_class):
            def __init__(self, *args: object, **kwargs: object):
                super().__init__(*args, **kwargs)
                create = self._create_connection
                self._create_connection = lambda *args, **kwargs: deadline._watch(create(*args, **kwargs))

            def connect(self) -> None:
                super().connect()
                deadline._watch(self.sock)

        return Watched

    def _watch(self, sock: socket.socket) -> socket.socket:
        with self._lock:
            self._sockets.append(sock)
            if self._watcher is None:
                self._watcher = threading.Thread(target=self._shut_when_over, name="fetch-deadline", daemon=True)
                self._watcher.start()
        return sock

    def _shut_when_over(self) -> None:
        self._wake.wait(max(self._end - time.monotonic(), 0))
        while not self._closed.is_set():
            with self._lock:
                sockets = list(self._sockets)
            for sock in sockets:
                with contextlib.suppress(OSError):  # closed already, or handed over to TLS
                    sock.shutdown(socket.SHUT_RDWR)
            self._closed.wait(_RESHUT_SECONDS)


# -- files -----------------------------------------------------------------------------

class NotRegular(Exception):
    """The path is a folder, a device, a FIFO or a socket: nothing to read a book from."""


def open_regular(path: Path) -> int:
    """A read-only descriptor of the regular file at ``path``.

    ``os.stat`` first, so a FIFO is never opened (opening one for reading waits for a
    writer); then opened without blocking and checked again, in case the path was
    replaced in between. Raises ``NotRegular``, or ``OSError`` when it cannot be read."""
    if not stat.S_ISREG(os.stat(path).st_mode):
        raise NotRegular
    descriptor = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
    if not stat.S_ISREG(os.fstat(descriptor).st_mode):
        os.close(descriptor)
        raise NotRegular
    return descriptor


def read_within(descriptor: int, limit: int, deadline: Deadline) -> bytes:
    """Up to ``limit`` bytes, a chunk at a time, giving up when the deadline passes (a
    share that answers slowly)."""
    chunks, size = [], 0
    while size < limit:
        deadline.remaining()
        chunk = os.read(descriptor, min(_CHUNK, limit - size))
        if not chunk:
            break
        chunks.append(chunk)
        size += len(chunk)
    return b"".join(chunks)

"""Real servers on loopback that misbehave as a hostile or broken source does, for the
tests of fetch deadlines, redirects and 304s.

``HostileServer(mode)`` answers every request the same way:

- ``"slow-body"``: good headers (a length of 1 MB), then one byte every ``pace`` seconds;
- ``"slow-headers"``: a status line, then header bytes one every ``pace`` seconds;
- ``"redirect"``: 302 to ``target`` (an ftp:// or file:// address, say);
- ``"not-modified"``: 304 without an ETag, whatever was asked;
- ``"serve"``: 200 with ``body`` and no validators at all (no ETag, no Last-Modified).

``mode`` can be changed while it runs. Each connection is held until the client goes
or the server stops, so a test shows the client is what gives up.
"""

from __future__ import annotations

import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


class _Handler(BaseHTTPRequestHandler):
    server: HostileServer

    def log_message(self, format: str, *args: object) -> None:
        """Quiet."""

    def do_GET(self) -> None:
        self.server.requests.append(dict(self.headers))
        getattr(self, "_" + self.server.mode.replace("-", "_"))()

    def _dribble(self, data: bytes) -> None:
        """Send ``data`` a byte at a time, forever, until the client or the server stops."""
        try:
            while not self.server.stopping.is_set():
                for byte in data:
                    self.wfile.write(bytes([byte]))
                    self.wfile.flush()
                    if self.server.stopping.wait(self.server.pace):
                        return
        except OSError:
            return  # the client gave up: what the test wants

    def _slow_body(self) -> None:
        self.wfile.write(b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 1000000\r\n\r\n")
        self.wfile.flush()
        self._dribble(b"{")

    def _slow_headers(self) -> None:
        self.wfile.write(b"HTTP/1.1 200 OK\r\n")
        self.wfile.flush()
        self._dribble(b"X-Padding: " + b"a" * 60 + b"\r\n")

    def _redirect(self) -> None:
        self.send_response(302)
        self.send_header("Location", self.server.target)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def _not_modified(self) -> None:
        self.send_response(304)
        self.end_headers()

    def _serve(self) -> None:
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(self.server.body)))
        self.end_headers()
        self.wfile.write(self.server.body)


class HostileServer(ThreadingHTTPServer):
    """``with HostileServer("slow-body") as server:`` answers at ``server.url``."""

    daemon_threads = True

    def __init__(self, mode: str, pace: float = 0.2, target: str = "", body: bytes = b""):
        super().__init__(("127.0.0.1", 0), _Handler)
        self.mode, self.pace, self.target, self.body = mode, pace, target, body
        self.stopping = threading.Event()
        self.requests: list[dict[str, str]] = []
        self._thread = threading.Thread(target=self.serve_forever, daemon=True)

    @property
    def url(self) -> str:
        host, port = self.server_address[:2]
        return f"http://{host}:{port}/team.qrpub"

    def __enter__(self) -> HostileServer:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.stopping.set()
        self.shutdown()
        self._thread.join()
        self.server_close()

"""A real static web server on loopback, for the subscription tests.

It serves a folder as any static web server or object store does: ``Last-Modified``
and a strong ``ETag`` (a hash of the bytes) on every file, and ``304 Not Modified``
for a conditional request whose validators still match (If-None-Match wins over
If-Modified-Since, as RFC 9110 says). It counts the answers by status code, so a test
can show that idle subscribers cost 304s and not downloads.
"""

from __future__ import annotations

import hashlib
import threading
from collections import Counter
from email.utils import formatdate, parsedate_to_datetime
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from io import BytesIO
from pathlib import Path


class _Handler(SimpleHTTPRequestHandler):
    server: StaticServer

    def log_message(self, format: str, *args: object) -> None:
        """Quiet: the counts are what the tests look at."""

    def send_response(self, code: int, message: str | None = None) -> None:
        with self.server.lock:
            self.server.statuses[code] += 1
        super().send_response(code, message)

    def send_head(self):
        path = Path(self.translate_path(self.path))
        if not path.is_file():
            return super().send_head()  # 404 and friends, as the base class answers them
        data = path.read_bytes()
        etag = '"' + hashlib.sha256(data).hexdigest()[:32] + '"'
        modified = path.stat().st_mtime
        if self._not_modified(etag, modified):
            self.send_response(304)
            self.send_header("ETag", etag)
            self.end_headers()
            return None
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.send_header("ETag", etag)
        self.send_header("Last-Modified", formatdate(modified, usegmt=True))
        self.end_headers()
        return BytesIO(data)

    def _not_modified(self, etag: str, modified: float) -> bool:
        if "If-None-Match" in self.headers:
            return etag in [tag.strip() for tag in self.headers["If-None-Match"].split(",")]
        since = self.headers.get("If-Modified-Since")
        if since:
            try:
                return int(modified) <= parsedate_to_datetime(since).timestamp()
            except (TypeError, ValueError):
                return False
        return False


class StaticServer(ThreadingHTTPServer):
    """``with StaticServer(folder) as server:`` serves ``folder`` at ``server.url``."""

    daemon_threads = True

    def __init__(self, folder: Path):
        super().__init__(("127.0.0.1", 0), partial(_Handler, directory=str(folder)))
        self.lock = threading.Lock()
        self.statuses: Counter[int] = Counter()
        self._thread = threading.Thread(target=self.serve_forever, daemon=True)

    @property
    def url(self) -> str:
        host, port = self.server_address[:2]
        return f"http://{host}:{port}"

    def counts(self) -> Counter[int]:
        with self.lock:
            return Counter(self.statuses)

    def reset_counts(self) -> None:
        with self.lock:
            self.statuses.clear()

    def __enter__(self) -> StaticServer:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()

    def stop(self) -> None:
        """Stop answering and free the port: afterwards the address is unreachable."""
        if self._thread.is_alive():
            self.shutdown()
            self._thread.join()
        self.server_close()

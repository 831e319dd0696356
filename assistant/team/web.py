"""An http(s) GET under a ``sources.Deadline``, following redirects only to http(s).

Apart from ``assistant.team.sources`` because urllib pulls in ssl and email (~70 ms),
which the app's cold start should not pay before a web source is due.
"""

from __future__ import annotations

import urllib.request
from email.message import Message
from urllib.parse import urljoin, urlparse

from assistant.errors import BadInput
from assistant.i18n import tr
from assistant.team.sources import Deadline, TimedOut


def get(url: str, headers: dict[str, str], limit: int, deadline: Deadline,
        read_timeout: float) -> tuple[bytes, Message]:
    """``(body, response headers)``, with at most ``limit`` bytes of body.

    Raises what urllib raises (``HTTPError`` for an error status and for 304),
    ``BadInput`` for a redirect to another scheme, and ``TimedOut`` once the deadline has
    passed, whatever the cut-off connection made urllib raise or return."""
    opener = urllib.request.build_opener(_Redirects(), _WatchedHTTP(deadline), _WatchedHTTPS(deadline))
    request = urllib.request.Request(url, headers=headers)
    try:
        with opener.open(request, timeout=min(read_timeout, deadline.remaining())) as response:
            body = response.read(limit)
            found = response.headers
    except BadInput:
        raise
    except Exception:
        if deadline.over:
            raise TimedOut from None
        raise
    if deadline.over:  # a body cut off where the server gave no length reads as complete
        raise TimedOut
    return body, found


class _Redirects(urllib.request.HTTPRedirectHandler):
    """Follows a redirect only to another http(s) address: urllib's own follows ftp://
    and answers file:// with a bare "302"."""

    def http_error_302(self, req, fp, code, msg, headers):
        target = urljoin(req.full_url, headers.get("Location") or headers.get("URI") or "")
        if urlparse(target).scheme not in ("http", "https"):
            fp.close()
            raise BadInput(tr("redirected to {target}; only http(s) addresses are followed", target=target),
                           req.full_url)
        return super().http_error_302(req, fp, code, msg, headers)

    http_error_301 = http_error_303 = http_error_307 = http_error_308 = http_error_302


class _Watched:
    """Makes a handler's connections through the deadline, which shuts them down when it
    passes (for https the TLS handshake too: it runs on the same socket)."""

    def __init__(self, deadline: Deadline):
        super().__init__()
        self._deadline = deadline

    def do_open(self, http_class, req, **kwargs):
        return super().do_open(self._deadline.connection(http_class), req, **kwargs)


class _WatchedHTTP(_Watched, urllib.request.HTTPHandler):
    pass


class _WatchedHTTPS(_Watched, urllib.request.HTTPSHandler):
    pass

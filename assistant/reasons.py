"""Why the system said no, in our own words and the interface language.

The system's text ("[Errno 111] Connection refused", "Permission denied", a server's
reason phrase) is English jargon to an agent reading Chinese; callers say one of these
short reasons and keep the system's own text for the log.
"""

from __future__ import annotations

import errno
import logging

from assistant.i18n import tr

log = logging.getLogger(__name__)


def system_reason(error: BaseException) -> str:
    """A short reason for ``error`` (an ``OSError``, or the HTTP/SSL errors of urllib);
    the error itself goes to the log (at INFO: a command line without a log file shows
    nothing of it)."""
    import http.client
    import socket
    import ssl

    log.info("system error: %r", error)
    if isinstance(error, OSError) and error.errno in (errno.ENOSPC, errno.EDQUOT):
        return tr("the disk is full")
    if isinstance(error, OSError) and error.errno == errno.EROFS:
        return tr("the disk is read-only")
    reasons: tuple[tuple[type[BaseException], str], ...] = (
        (FileNotFoundError, tr("it or its folder does not exist")),
        (PermissionError, tr("no permission")),
        (IsADirectoryError, tr("it is a folder, not a file")),
        (BrokenPipeError, tr("the connection was broken off")),
        (ConnectionRefusedError, tr("the server refused the connection; is it running?")),
        (TimeoutError, tr("no answer in time")),
        (socket.gaierror, tr("the server's name was not found; check the address and the network")),
        (ssl.SSLCertVerificationError, tr("the server's certificate could not be verified")),
        (ssl.SSLError, tr("the secure connection failed")),
        (ConnectionError, tr("the connection was broken off")),
        (http.client.HTTPException, tr("the server's answer could not be read")),
    )
    for kind, reason in reasons:
        if isinstance(error, kind):
            return reason
    return tr("a system error (the details are in the log)")


def http_reason(code: int) -> str:
    """A server's error status in our words; its reason phrase is English."""
    if code in (401, 403):
        return tr("the server refuses access (code {code})", code=code)
    if code in (404, 410):
        return tr("the server has no such file (code {code})", code=code)
    if code >= 500:
        return tr("the server has a problem (code {code}); will try again", code=code)
    return tr("the server answered with code {code}", code=code)


def error_text(error: BaseException) -> str:
    """The one line a window or the command shows for a failure: our own errors as they
    are, a system error as the file it happened to and why, in our words."""
    if isinstance(error, OSError):
        reason = system_reason(error)
        return f"{error.filename}: {reason}" if error.filename else reason
    return str(error)

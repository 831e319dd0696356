"""Logging to a rotating file in the data folder.

Windowed builds have no stdout/stderr, so the file is the only log. Nothing the user
types, pastes or inserts is ever logged: log ids, counts and reasons, never text.
"""

from __future__ import annotations

import logging
import os
from logging.handlers import RotatingFileHandler
from pathlib import Path

from assistant.data.atomic import PRIVATE_FILE_MODE, private_folder

LOG_FILE = "logs/quickreply.log"


class _LogFile(RotatingFileHandler):
    """Each log file, the first and every one a rollover starts, readable by the user
    only. A log that cannot be written (a full disk) loses the line; it must not print a
    traceback over the command's own one-line error, nor stop the app."""

    def _open(self):
        stream = super()._open()
        if os.name == "posix":
            os.chmod(self.baseFilename, PRIVATE_FILE_MODE)
        return stream

    def handleError(self, record: logging.LogRecord) -> None:
        pass


def setup_logging(home: Path, level: int = logging.INFO) -> Path | None:
    """The log file, or None when it cannot be opened (a read-only data folder): the
    app and the commands work without one."""
    path = home / LOG_FILE
    root = logging.getLogger()
    if any(getattr(handler, "baseFilename", None) == str(path) for handler in root.handlers):
        return path
    try:
        private_folder(path.parent)
        handler = _LogFile(path, maxBytes=1_000_000, backupCount=3, encoding="utf-8")
    except OSError:
        return None
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root.addHandler(handler)
    root.setLevel(level)
    return path

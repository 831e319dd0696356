"""Logging to a rotating file in the data folder.

Windowed builds have no stdout/stderr, so the file is the only log. Nothing the user
types, pastes or inserts is ever logged: log ids, counts and reasons, never text.
"""

from __future__ import annotations

import logging
from logging.handlers import RotatingFileHandler
from pathlib import Path

LOG_FILE = "logs/quickreply.log"


def setup_logging(home: Path, level: int = logging.INFO) -> Path:
    path = home / LOG_FILE
    root = logging.getLogger()
    if any(getattr(handler, "baseFilename", None) == str(path) for handler in root.handlers):
        return path
    path.parent.mkdir(parents=True, exist_ok=True)
    handler = RotatingFileHandler(path, maxBytes=1_000_000, backupCount=3, encoding="utf-8")
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root.addHandler(handler)
    root.setLevel(level)
    return path

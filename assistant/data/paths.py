"""Where QuickReply keeps its data.

QUICKREPLY_HOME moves everything (tests, scripts, several profiles side by side);
otherwise the platform's per-user data folder.
"""

from __future__ import annotations

import os
from pathlib import Path

from platformdirs import user_data_dir

APP_NAME = "QuickReply"


def data_dir() -> Path:
    override = os.environ.get("QUICKREPLY_HOME")
    return Path(override).expanduser() if override else Path(user_data_dir(APP_NAME, appauthor=False))

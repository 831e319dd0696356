"""pytest-qt set-up: the offscreen platform, one QApplication for the session."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

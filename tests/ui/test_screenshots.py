"""scripts/screenshots.py still shoots every window of the registry in both languages."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtGui import QImage

from ui.windows import WINDOWS

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.skipif(sys.platform == "win32", reason="each language is chosen through LANG, which sets a "
                    "process's language on Linux only")
def test_every_window_is_shot_in_both_languages(tmp_path: Path) -> None:
    result = subprocess.run([sys.executable, str(ROOT / "scripts" / "screenshots.py"), str(tmp_path)],
                            capture_output=True, text=True, timeout=300, cwd=ROOT)
    assert result.returncode == 0, result.stderr[-3000:]
    for language in ("zh", "en"):
        for name in ("fallback", "tray-menu", "picker", *(name for name in WINDOWS if name != "settings"),
                     "settings-1", "badge-5"):
            image = QImage(str(tmp_path / f"{language}-{name}.png"))
            assert not image.isNull() and image.width() > 50, f"{language}-{name}"

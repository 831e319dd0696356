"""Every window and dialog fits the screen under the mouse (window_fit_walk.py), on a
1366×768 laptop and on a 1920×1080 screen at 150% (1280×720 in Qt's units).

The offscreen platform reads its screens from a config file and the scale factor from
QT_SCALE_FACTOR, both once per process: each screen gets a fresh pytest run.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

WALK = Path(__file__).with_name("window_fit_walk.py")
ROOT = WALK.parents[2]


@pytest.mark.xfail(sys.platform == "win32", strict=True, reason="under Wine the walk's process ends with "
                   "0xC0000409 (a fast-fail abort); not yet diagnosed")
@pytest.mark.parametrize(("width", "height", "scale"), [(1366, 768, "1"), (1920, 1080, "1.5")])
def test_every_window_fits_a_small_screen(width: int, height: int, scale: str, tmp_path: Path) -> None:
    # A large first screen, and the one under test to its right, where the mouse goes.
    screens = [{"name": "large", "x": 0, "y": 0, "width": 3840, "height": 2160},
               {"name": "tested", "x": 3840, "y": 0, "width": width, "height": height}]
    config = tmp_path / "screens.json"
    config.write_text(json.dumps({"screens": screens}), encoding="utf-8")
    env = {**os.environ, "QT_QPA_PLATFORM": f"offscreen:configfile={config}", "QT_SCALE_FACTOR": scale}
    result = subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider",
                             f"--basetemp={tmp_path / 'walk'}", str(WALK)],
                            cwd=ROOT, env=env, capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stdout[-8000:] + result.stderr[-2000:]
    assert "2 passed" in result.stdout

"""The language walk (language_walk.py) under a Chinese and an English system locale.

Qt reads the system locale once per process, so each locale gets a fresh pytest run
with LANG set and nothing else naming a language; each run walks every window twice:
following the system, and with the settings choosing the other language.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

WALK = Path(__file__).with_name("language_walk.py")
ROOT = WALK.parents[2]
LOCALE_VARIABLES = ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LC_CTYPE", "LANG", "QUICKREPLY_LANG")


@pytest.mark.parametrize("lang", [
    "zh_CN.UTF-8",
    pytest.param("en_US.UTF-8", marks=pytest.mark.skipif(
        sys.platform == "win32", reason="LANG chooses a process's language on Linux only; under Wine the "
        "display language is the session's (Chinese)")),
])
def test_every_window_speaks_the_system_language_or_the_chosen_one(lang: str, tmp_path: Path) -> None:
    env = {key: value for key, value in os.environ.items() if key not in LOCALE_VARIABLES}
    env.update(LANG=lang, QT_QPA_PLATFORM="offscreen")
    result = subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider",
                             f"--basetemp={tmp_path / 'walk'}", str(WALK)],
                            cwd=ROOT, env=env, capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stdout[-8000:] + result.stderr[-2000:]
    assert "2 passed" in result.stdout
